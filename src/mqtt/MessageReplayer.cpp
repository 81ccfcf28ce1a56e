#include "MessageReplayer.h"

#include "core/Logging.h"

#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

bool isUsableSpeed(double speed)
{
    return !std::isnan(speed) && speed > 0;
}

bool isUsableRate(double rate)
{
    return std::isfinite(rate) && rate > 0;
}

} // namespace

MessageReplayer::Summary MessageReplayer::summarize(const std::vector<MqttMessage> &messages)
{
    Summary summary;
    summary.count = qsizetype(messages.size());
    if (messages.empty())
        return summary;
    QSet<QByteArray> topics;
    summary.firstMs = messages.front().timestampMs;
    summary.lastMs = messages.front().timestampMs;
    for (const MqttMessage &m : messages) {
        topics.insert(m.topic);
        summary.firstMs = qMin(summary.firstMs, m.timestampMs);
        summary.lastMs = qMax(summary.lastMs, m.timestampMs);
    }
    summary.topics = topics.size();
    return summary;
}

std::vector<qint64> MessageReplayer::schedule(const std::vector<qint64> &timestampsMs, const Options &options)
{
    std::vector<qint64> due(timestampsMs.size(), 0);
    switch (options.timing) {
    case Timing::AsFastAsPossible:
        return due;
    case Timing::FixedRate:
        if (!isUsableRate(options.rate))
            return due;
        for (size_t i = 0; i < due.size(); ++i)
            due[i] = BurstPublisher::dueNsAtRate(quint64(i), options.rate);
        return due;
    case Timing::Original:
        break;
    }
    if (!isUsableSpeed(options.speed) || std::isinf(options.speed) || due.empty())
        return due;
    const qint64 first = timestampsMs.front();
    qint64 previous = 0;
    for (size_t i = 0; i < due.size(); ++i) {
        const double offsetNs = double(timestampsMs[i] - first) * 1e6 / options.speed;
        // Anchored to the first message (no drift from rounding), but never out of file order.
        previous = qMax(previous, qint64(std::llround(offsetNs)));
        due[i] = previous;
    }
    return due;
}

std::vector<qint64> MessageReplayer::schedule(const std::vector<MqttMessage> &messages, const Options &options)
{
    std::vector<qint64> timestamps;
    timestamps.reserve(messages.size());
    for (const MqttMessage &m : messages)
        timestamps.push_back(m.timestampMs);
    return schedule(timestamps, options);
}

Result<void> MessageReplayer::validate(const Options &options)
{
    if (options.timing == Timing::Original && !isUsableSpeed(options.speed))
        return Error{u"replay.speed"_s, tr("The speed must be a number greater than 0."), {}};
    if (options.timing == Timing::FixedRate && !isUsableRate(options.rate))
        return Error{u"replay.rate"_s, tr("The rate must be a number of messages per second greater than 0."), {}};
    if (options.newPrefix.contains('+') || options.newPrefix.contains('#'))
        return Error{u"replay.prefix"_s, tr("The new topic prefix must not contain + or #."), {}};
    return {};
}

QByteArray MessageReplayer::rewriteTopic(const QByteArray &topic, const Options &options)
{
    if (options.oldPrefix.isEmpty() && options.newPrefix.isEmpty())
        return topic;
    if (!topic.startsWith(options.oldPrefix))
        return topic;
    return options.newPrefix + topic.mid(options.oldPrefix.size());
}

OutgoingMessage MessageReplayer::toOutgoing(const MqttMessage &message, const Options &options)
{
    OutgoingMessage out;
    out.topic = rewriteTopic(message.topic, options);
    out.payload = message.payload;
    out.qos = message.qos;
    out.retain = message.retained && !options.dropRetain;
    if (message.properties) {
        out.properties = *message.properties;
        // Both name state of the connection that received the message: a topic alias means
        // nothing on ours, and a client must not send subscription identifiers at all.
        out.properties.topicAlias.reset();
        out.properties.subscriptionIdentifiers.clear();
    }
    return out;
}

MessageReplayer::MessageReplayer(MqttConnection *connection, std::vector<MqttMessage> messages, Options options,
                                 QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_count(qsizetype(messages.size()))
{
    int maxQos = 0;
    for (const MqttMessage &m : messages)
        maxQos = qMax(maxQos, int(m.qos));
    const bool mqtt5 = connection && connection->profile().version == ConnectionProfile::Version::Mqtt5;

    BurstPublisher::Settings settings;
    settings.count = quint64(messages.size());
    settings.rate = m_options.timing == Timing::FixedRate && isUsableRate(m_options.rate) ? m_options.rate : 0.0;
    // Sized for the highest QoS in the set: a window meant for QoS 0 would overrun the broker's
    // Receive Maximum as soon as a QoS 1 message comes along.
    settings.window = BurstPublisher::defaultWindow(maxQos, mqtt5);
    std::vector<qint64> due = schedule(messages, m_options);
    if (std::all_of(due.begin(), due.end(), [](qint64 ns) { return ns == 0; }))
        due.clear(); // unpaced
    m_plannedNs = due.empty() ? 0 : due.back();

    auto shared = std::make_shared<const std::vector<MqttMessage>>(std::move(messages));
    auto factory = [shared, options = m_options](quint64 seq, OutgoingMessage &out) {
        out = toOutgoing((*shared)[size_t(seq - 1)], options);
    };
    m_burst = std::make_unique<BurstPublisher>(connection, settings, std::move(factory));
    m_burst->setSchedule(std::move(due));
    // Keeps file order at the broker, which delivers QoS 2 only on PUBREL.
    m_burst->setDrainBefore([shared](quint64 n) {
        return n > 0 && n < shared->size() && (*shared)[size_t(n - 1)].qos == 2 && (*shared)[size_t(n)].qos < 2;
    });
    connect(m_burst.get(), &BurstPublisher::progress, this, &MessageReplayer::progress);
    connect(m_burst.get(), &BurstPublisher::finished, this, [this](const BurstPublisher::Report &report) {
        // A copy: a receiver may delete this object (and the burst that owns `report`).
        const Report copy = report;
        qCDebug(lcMqtt).noquote() << "replay finished:" << copy.sent << "sent," << copy.failed << "failed,"
                                 << copy.unsent << "unsent";
        Q_EMIT finished(copy);
    });
}

MessageReplayer::~MessageReplayer() = default;

void MessageReplayer::start()
{
    m_burst->start();
}

void MessageReplayer::cancel()
{
    m_burst->cancel();
}

bool MessageReplayer::isRunning() const
{
    return m_burst->isRunning();
}

bool MessageReplayer::isFinished() const
{
    return m_burst->isFinished();
}

quint64 MessageReplayer::completed() const
{
    return m_burst->completed();
}

double MessageReplayer::plannedSeconds() const
{
    return double(m_plannedNs) / 1e9;
}

MessageReplayer::Report MessageReplayer::report() const
{
    return m_burst->report();
}

} // namespace tideline
