#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace tideline::cli {

// The synthetic traffic shared by the benchmarks: topics PREFIX/g<k>/d<i>/value (100 devices
// per group, like plants and machines) and payloads that start with their sequence number.
struct BenchTraffic
{
    BenchTraffic(QByteArrayView prefix, quint64 topics, int payloadBytes);

    quint64 topics() const { return m_topics; }
    int payloadBytes() const { return m_payloadBytes; }

    // The topic of message `index` (0-based). Consecutive messages go to topics far apart
    // (a stride coprime to the topic count), yet every topic gets the same share.
    quint64 topicIndexOf(quint64 index) const { return ((index % m_topics) * m_stride) % m_topics; }
    // Writes the topic name for `topicIndex` into `out` (at least 96 bytes); returns its length.
    qsizetype writeTopic(char *out, quint64 topicIndex) const;
    QByteArray topic(quint64 topicIndex) const;
    // A fresh payload of payloadBytes() for message `seq`.
    QByteArray payload(quint64 seq) const;
    // The same bytes, appended to `out`.
    void appendPayload(QByteArray &out, quint64 seq) const;

    static constexpr quint64 DevicesPerGroup = 100;

private:
    QByteArray m_prefix;
    QByteArray m_filler;
    quint64 m_topics;
    quint64 m_stride;
    int m_payloadBytes;
};

} // namespace tideline::cli
