#include "BenchSupport.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <numeric>

namespace tideline::cli {

namespace {
quint64 coprimeStride(quint64 topics)
{
    quint64 stride = 2654435761ull % topics; // Knuth's multiplicative hash constant
    if (stride == 0)
        stride = 1;
    while (std::gcd(stride, topics) != 1)
        ++stride;
    return stride;
}
} // namespace

BenchTraffic::BenchTraffic(QByteArrayView prefix, quint64 topics, int payloadBytes)
    : m_prefix(prefix.toByteArray().left(32))
    , m_filler(qMax(0, payloadBytes), 'x')
    , m_topics(qMax<quint64>(1, topics))
    , m_stride(coprimeStride(m_topics))
    , m_payloadBytes(qMax(0, payloadBytes))
{
}

qsizetype BenchTraffic::writeTopic(char *out, quint64 topicIndex) const
{
    char *const end = out + 96;
    char *p = out;
    std::memcpy(p, m_prefix.constData(), size_t(m_prefix.size()));
    p += m_prefix.size();
    std::memcpy(p, "/g", 2);
    p = std::to_chars(p + 2, end, topicIndex / DevicesPerGroup).ptr;
    std::memcpy(p, "/d", 2);
    p = std::to_chars(p + 2, end, topicIndex % DevicesPerGroup).ptr;
    std::memcpy(p, "/value", 6);
    p += 6;
    return p - out;
}

QByteArray BenchTraffic::topic(quint64 topicIndex) const
{
    char buffer[96];
    return QByteArray(buffer, writeTopic(buffer, topicIndex));
}

namespace {
void writePayload(char *out, const QByteArray &filler, quint64 seq)
{
    const size_t size = size_t(filler.size());
    if (size == 0)
        return;
    std::memcpy(out, filler.constData(), size);
    char digits[24];
    const char *digitsEnd = std::to_chars(digits, digits + sizeof(digits), seq).ptr;
    std::memcpy(out, digits, std::min<size_t>(size_t(digitsEnd - digits), size));
}
} // namespace

QByteArray BenchTraffic::payload(quint64 seq) const
{
    QByteArray out(m_payloadBytes, Qt::Uninitialized);
    writePayload(out.data(), m_filler, seq);
    return out;
}

void BenchTraffic::appendPayload(QByteArray &out, quint64 seq) const
{
    const qsizetype at = out.size();
    out.resize(at + m_payloadBytes);
    writePayload(out.data() + at, m_filler, seq);
}

} // namespace tideline::cli
