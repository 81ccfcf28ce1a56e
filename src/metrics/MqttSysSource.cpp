#include "metrics/MqttSysSource.h"

#include "core/IngestPipeline.h"
#include "core/TopicTree.h"
#include "mqtt/SysStats.h"

#include <QDateTime>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace tideline {

const QString MqttSysSource::MessagesStored = u"mqtt_sys_messages_stored"_s;
const QString MqttSysSource::RetainedMessages = u"mqtt_sys_retained_messages"_s;
const QString MqttSysSource::ClientsConnected = u"mqtt_sys_clients_connected"_s;
const QString MqttSysSource::MessagesReceivedTotal = u"mqtt_sys_messages_received_total"_s;
const QString MqttSysSource::MessagesSentTotal = u"mqtt_sys_messages_sent_total"_s;
const QString MqttSysSource::MessagesReceivedRate = u"mqtt_sys_messages_received_per_second"_s;
const QString MqttSysSource::MessagesSentRate = u"mqtt_sys_messages_sent_per_second"_s;
const QString MqttSysSource::BytesReceivedTotal = u"mqtt_sys_bytes_received_total"_s;
const QString MqttSysSource::BytesSentTotal = u"mqtt_sys_bytes_sent_total"_s;
const QString MqttSysSource::BytesReceivedRate = u"mqtt_sys_bytes_received_per_second"_s;
const QString MqttSysSource::BytesSentRate = u"mqtt_sys_bytes_sent_per_second"_s;
const QString MqttSysSource::ReceivedLoad1Min = u"mqtt_sys_load_messages_received_1min_per_second"_s;
const QString MqttSysSource::SentLoad1Min = u"mqtt_sys_load_messages_sent_1min_per_second"_s;

namespace {
// The node of a topic level such as "$SYS/broker", which has no message of its own (find()
// only knows topics that had one); its lastTimestampMs is the newest message below it.
TopicTree::NodeId levelNode(const TopicTree &tree, const QStringList &levels)
{
    TopicTree::NodeId id = TopicTree::RootId;
    for (const QString &level : levels) {
        TopicTree::NodeId next = TopicTree::InvalidId;
        for (const TopicTree::NodeId child : tree.node(id).children) {
            if (tree.node(child).name == level) {
                next = child;
                break;
            }
        }
        if (next == TopicTree::InvalidId)
            return next;
        id = next;
    }
    return id;
}
} // namespace

void MqttSysSource::CounterRate::update(qint64 newValue, qint64 newAtMs, bool restarted)
{
    if (!value) {
        value = newValue;
        atMs = newAtMs;
        return;
    }
    if (newAtMs <= atMs)
        return; // the same $SYS update as last time
    // After a reset the counter started again from zero: all of it is new.
    const bool reset = restarted || newValue < *value;
    const double increase = reset ? double(newValue) : double(newValue - *value);
    rate = increase * 1000.0 / double(newAtMs - atMs);
    value = newValue;
    atMs = newAtMs;
}

MqttSysSource::MqttSysSource(const QString &connectionName, QObject *parent)
    : MetricSource(u"mqtt $SYS "_s + connectionName, parent), m_connectionName(connectionName)
{
}

MqttSysSource::~MqttSysSource() = default;

void MqttSysSource::setConnection(MqttConnection *connection, IngestPipeline *pipeline)
{
    if (connection == m_connection && pipeline == m_pipeline)
        return;
    if (m_stateConnection)
        disconnect(m_stateConnection);
    m_connection = connection;
    m_pipeline = pipeline;
    resetCounters();
    // A dropped connection shows on the chart at once, not at the next tick.
    if (connection) {
        m_stateConnection = connect(connection, &MqttConnection::stateChanged, this, [this] {
            if (isRunning())
                refresh();
        });
    }
    if (isRunning())
        refresh();
}

void MqttSysSource::resetCounters()
{
    m_uptimeSeconds.reset();
    m_received.reset();
    m_sent.reset();
    m_bytesReceived.reset();
    m_bytesSent.reset();
}

void MqttSysSource::refresh()
{
    if (m_deferred)
        return; // a poll is already waiting (for the event loop, or for an update to settle)
    // Like the HTTP sources, answer after the call returns: whoever starts a source sets up
    // its charts first.
    schedule(0, true);
}

void MqttSysSource::schedule(int delayMs, bool mayDefer)
{
    m_deferred = true;
    const bool wasRunning = isRunning();
    QTimer::singleShot(delayMs, this, [this, wasRunning, mayDefer] {
        m_deferred = false;
        if (wasRunning && !isRunning())
            return; // stopped meanwhile: stay Idle
        poll(mayDefer);
    });
}

Result<QNetworkRequest> MqttSysSource::makeRequest()
{
    return Error{u"metrics.internal"_s, tr("this source does not use HTTP"), {}};
}

void MqttSysSource::handleResponse(const MetricHttp::Response &)
{
}

void MqttSysSource::poll(bool mayDefer)
{
    if (!m_connection || !m_pipeline) {
        fail(Error{u"mqtt.sys.closed"_s, tr("the connection \"%1\" is not open").arg(m_connectionName), {}});
        Q_EMIT refreshFinished(false);
        return;
    }
    if (m_connection->state() != MqttConnection::State::Connected) {
        fail(Error{u"mqtt.sys.disconnected"_s, tr("not connected to the broker: %1").arg(m_connection->stateText()),
                   m_connection->lastError()});
        Q_EMIT refreshFinished(false);
        return;
    }
    const TopicTree &tree = m_pipeline->tree();
    const SysStats sys = SysStats::read(tree);
    if (!sys.available()) {
        const QString reason = m_connection->profile().subscribeSys
            ? tr("no $SYS statistics from this broker yet")
            : tr("the connection is not subscribed to $SYS/#");
        fail(Error{u"mqtt.sys.none"_s, reason, {}});
        Q_EMIT refreshFinished(false);
        return;
    }

    // When the broker's last $SYS update arrived: the time the counters were true at.
    const QStringList levels = sys.broker == SysStats::Broker::Emqx
        ? QStringList{u"$SYS"_s, u"brokers"_s, sys.node}
        : QStringList{u"$SYS"_s, u"broker"_s};
    const TopicTree::NodeId rootId = levelNode(tree, levels);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 passMs = rootId == TopicTree::InvalidId ? now : tree.node(rootId).lastTimestampMs;
    if (mayDefer && now - passMs < SettleMs) {
        // The rest of this update may still be on its way: read it once it is all here.
        schedule(SettleMs, false);
        return;
    }

    const bool restarted = sys.uptimeSeconds && m_uptimeSeconds && *sys.uptimeSeconds < *m_uptimeSeconds;
    if (sys.uptimeSeconds)
        m_uptimeSeconds = sys.uptimeSeconds;
    const auto feed = [&](CounterRate &counter, const std::optional<qint64> &value) {
        if (value)
            counter.update(*value, passMs, restarted);
    };
    feed(m_received, sys.messagesReceived);
    feed(m_sent, sys.messagesSent);
    feed(m_bytesReceived, sys.bytesReceived);
    feed(m_bytesSent, sys.bytesSent);

    MetricLabels labels;
    if (!sys.node.isEmpty())
        labels.insert(u"node"_s, sys.node);
    QList<MetricSample> samples;
    const auto add = [&](const QString &name, const auto &value) {
        if (value)
            samples.append(MetricSample{MetricSeriesKey{sourceId(), name, labels}, MetricPoint{now, double(*value)}});
    };
    add(MessagesStored, sys.messagesStored);
    add(RetainedMessages, sys.retainedMessages);
    add(ClientsConnected, sys.clientsConnected);
    add(MessagesReceivedTotal, sys.messagesReceived);
    add(MessagesSentTotal, sys.messagesSent);
    add(MessagesReceivedRate, m_received.rate);
    add(MessagesSentRate, m_sent.rate);
    add(BytesReceivedTotal, sys.bytesReceived);
    add(BytesSentTotal, sys.bytesSent);
    add(BytesReceivedRate, m_bytesReceived.rate);
    add(BytesSentRate, m_bytesSent.rate);
    // Mosquitto's load figures are per minute; the charts speak per second.
    const auto perSecond = [](const std::optional<double> &perMinute) {
        return perMinute ? std::optional<double>(*perMinute / 60.0) : std::nullopt;
    };
    add(ReceivedLoad1Min, perSecond(sys.receivedPerMinute1min));
    add(SentLoad1Min, perSecond(sys.sentPerMinute1min));
    succeed(samples);
    Q_EMIT refreshFinished(true);
}

} // namespace tideline
