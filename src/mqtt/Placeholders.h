#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace tideline {

// Expands the placeholders of messages about to be published:
//   {{seq}}   the message number, 1-based (1, 2, 3, … in a burst)
//   {{uuid}}  a random UUID (RFC 9562 version 4), lower case, without braces
//   {{now}}   the publish time, RFC 3339 in UTC with milliseconds (2024-05-01T12:00:00.123Z)
// One expander stands for one message: every occurrence of a placeholder in its topic, payload
// and properties gets the same value, so a topic and a payload can carry the same id. Values are
// made when first needed. Anything else between braces ("{{name}}") is left as it is.
class PlaceholderExpander final
{
public:
    // nowMs < 0: the current time, read when {{now}} is first expanded.
    explicit PlaceholderExpander(quint64 seq, qint64 nowMs = -1);

    // Where one placeholder of the source went in the expanded text.
    struct Replacement
    {
        qsizetype sourceOffset = 0;
        qsizetype sourceLength = 0;
        qsizetype expandedOffset = 0;
        qsizetype expandedLength = 0;
    };

    QByteArray expand(QByteArrayView text, QList<Replacement> *replacements = nullptr);
    QString expand(const QString &text);

    quint64 seq() const { return m_seq; }
    const QByteArray &uuid();
    const QByteArray &now();

    // True if `text` holds {{seq}}, {{uuid}} or {{now}}.
    static bool containsPlaceholder(QByteArrayView text);
    static bool containsPlaceholder(const QString &text);
    // RFC 3339, UTC, milliseconds, "Z".
    static QByteArray formatTime(qint64 msSinceEpoch);
    // The offset in the source text of an offset in the expanded text; inside an expansion it is
    // the placeholder's start.
    static qsizetype sourceOffset(qsizetype expandedOffset, const QList<Replacement> &replacements);

private:
    quint64 m_seq;
    qint64 m_nowMs;
    QByteArray m_seqText;
    QByteArray m_uuid;
    QByteArray m_now;
};

} // namespace tideline
