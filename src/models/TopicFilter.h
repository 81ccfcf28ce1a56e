#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace tideline {

// What the operator typed into the topic tree's filter box, as a plain value.
//
// A pattern containing '+' or '#' that is a valid MQTT topic filter is matched per level by
// the MQTT rules (case-sensitive, '#' also matches the parent level, a leading wildcard does
// not match '$' topics). Anything else — including "C#" or "a/#/b" — is a case-insensitive
// substring of the full topic, so typing never gives a surprising empty tree.
class TopicFilter final
{
    Q_DECLARE_TR_FUNCTIONS(TopicFilter)

public:
    TopicFilter() = default;
    explicit TopicFilter(const QString &pattern);

    const QString &pattern() const { return m_pattern; }
    bool isEmpty() const { return m_pattern.isEmpty(); }
    bool isWildcard() const { return m_wildcard; }

    bool matches(const QString &topic) const;
    bool matches(QStringView topic) const;

    // Whether `filter` may be used in SUBSCRIBE (MQTT 3.1.1 §4.7, MQTT 5 §4.7 and §4.8.2 for
    // "$share/<group>/<filter>"). On failure `why` gets a translated reason.
    static bool isValidFilter(const QString &filter, QString *why = nullptr);
    // Whether `topic` is a valid topic name to publish to (no wildcards, not empty).
    static bool isValidTopicName(const QString &topic, QString *why = nullptr);

    friend bool operator==(const TopicFilter &a, const TopicFilter &b)
    {
        return a.m_pattern == b.m_pattern;
    }
    friend bool operator!=(const TopicFilter &a, const TopicFilter &b) { return !(a == b); }

private:
    QString m_pattern;
    QStringList m_levels; // wildcard filters only
    bool m_wildcard = false;
};

} // namespace tideline
