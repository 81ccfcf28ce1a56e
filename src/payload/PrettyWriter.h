#pragma once

#include <QString>

#include <vector>

namespace tideline::payload {

// Builds the indented text rendering of a tree-shaped value (JSON, CBOR, MessagePack, protobuf)
// one event at a time, and stops growing at a character cap instead of building a huge string
// and cutting it afterwards. Owns only the text being built.
//
// Rendering rules: containers open on the line of their key, each member on its own line,
// separators written before the next member (so no look-ahead is needed), empty containers
// as "{}" / "[]".
class PrettyWriter final
{
public:
    explicit PrettyWriter(qsizetype maxChars, int indentWidth = 2, QString separator = QStringLiteral(","));

    // A member of the current container: key is already rendered ("\"name\"", "1", "h'00'"),
    // empty for array elements and the root.
    void scalar(const QString &key, const QString &rendered);
    void open(const QString &key, QStringView opener);
    void close(QStringView closer);
    void open(const QString &key, QChar bracket) { open(key, QStringView(&bracket, 1)); }
    void close(QChar bracket) { close(QStringView(&bracket, 1)); }
    // Starts another top-level value on a new line (CBOR and MessagePack sequences).
    void nextRootValue();

    bool full() const { return m_full; }
    QString take();

private:
    void beginMember(const QString &key);
    void append(QStringView text);
    void appendNewline();

    struct Level
    {
        int members = 0;
    };

    QString m_text;
    std::vector<Level> m_levels;
    QString m_separator;
    QString m_spaces; // indentation source, grown on demand
    qsizetype m_maxChars;
    int m_indentWidth;
    bool m_full = false;
};

// JSONPath-style member paths shared by the structured decoders: $.name, $['odd key'], $[3].
QString memberPath(const QString &parent, const QString &key);
QString indexPath(const QString &parent, qint64 index);
// JSON string literal for display (quotes and escapes control characters).
QString quoteJsonString(QStringView text);

} // namespace tideline::payload
