#pragma once

#include "metrics/MetricSource.h"
#include "mqtt/MqttConnection.h"

#include <QPointer>

#include <optional>

namespace tideline {

class IngestPipeline;
class TopicTree;

// Broker figures from MQTT $SYS topics as metric samples: what an open connection (one tab's
// MqttConnection and the IngestPipeline whose TopicTree holds the last $SYS values) already
// receives, read with SysStats on the source's timer. Owns no connection and sends nothing to
// the broker; the connection must be subscribed to $SYS/# (ConnectionProfile::subscribeSys).
//
// Rates (per second) are derived from the broker's counters between two $SYS updates, timed
// by when each update arrived, not by this source's timer: Mosquitto publishes every
// sys_interval seconds and a poll between two updates must not see a jump or a zero. A
// counter that goes down, or an uptime that goes down, is a broker restart: the new value is
// taken as the increase since the reset, as Prometheus's rate() does.
//
// State: Failing with a reason while the connection is not open or not connected, or while no
// $SYS figures have arrived; Ok otherwise. Nothing here blocks: it reads the in-memory tree.
//
// Topics (what SysStats reads):
//   Mosquitto (https://mosquitto.org/man/mosquitto-8.html, "BROKER STATUS"):
//     $SYS/broker/messages/stored (and store/messages/count), $SYS/broker/retained messages/count,
//     $SYS/broker/messages/received|sent (all packet types), $SYS/broker/clients/connected,
//     $SYS/broker/bytes/received|sent, $SYS/broker/load/messages/received|sent/1min,
//     $SYS/broker/uptime ("N seconds").
//   EMQX 4.x (docs.emqx.com, "$SYS - System Topic"; broker.sys_interval, 1 min by default, and
//     only localhost may subscribe unless the ACL allows it): $SYS/brokers/<node>/
//     stats/connections.count (older 4.x docs: connections/count), .../stats/retained.count,
//     .../metrics/messages/received|sent, .../metrics/bytes/received|sent; the first node wins.
//   Other brokers (HiveMQ, VerneMQ, NanoMQ, RabbitMQ's MQTT plugin) are not read: they publish
//   no $SYS figures by default or under other names; chart them through their Prometheus
//   endpoints (PrometheusScrapeSource) instead.
class MqttSysSource final : public MetricSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MqttSysSource)

public:
    // Series names; counters end in _total, derived rates in _per_second.
    static const QString MessagesStored;          // in the broker's store, retained included
    static const QString RetainedMessages;
    static const QString ClientsConnected;
    static const QString MessagesReceivedTotal;
    static const QString MessagesSentTotal;
    static const QString MessagesReceivedRate;    // derived from MessagesReceivedTotal
    static const QString MessagesSentRate;
    static const QString BytesReceivedTotal;
    static const QString BytesSentTotal;
    static const QString BytesReceivedRate;
    static const QString BytesSentRate;
    static const QString ReceivedLoad1Min;        // Mosquitto's 1-minute average, per second
    static const QString SentLoad1Min;

    // A $SYS update that arrived less than this long ago may be only partly applied to the
    // tree (a broker sends its figures one topic at a time): the poll waits this long once.
    static constexpr int SettleMs = 300;

    // Per-second rate of one counter from successive (value, time) observations.
    struct CounterRate
    {
        std::optional<qint64> value;
        qint64 atMs = 0;
        std::optional<double> rate;
        // A new observation; `restarted` says the broker restarted since the last one.
        void update(qint64 newValue, qint64 newAtMs, bool restarted);
        void reset() { *this = CounterRate{}; }
    };

    // `connectionName` names the source ("mqtt $SYS <name>"), so charts and history stay
    // with it across sessions even before the connection is open.
    explicit MqttSysSource(const QString &connectionName, QObject *parent = nullptr);
    ~MqttSysSource() override;

    // The connection to read (null: none open; the source reports that). Both must live on
    // this thread; they may be destroyed at any time.
    void setConnection(MqttConnection *connection, IngestPipeline *pipeline);
    MqttConnection *connection() const { return m_connection; }
    QString connectionName() const { return m_connectionName; }

    void refresh() override;

protected:
    Result<QNetworkRequest> makeRequest() override; // unused: refresh() reads the tree
    void handleResponse(const MetricHttp::Response &response) override;

private:
    void schedule(int delayMs, bool mayDefer);
    void poll(bool mayDefer);
    void resetCounters();

    QString m_connectionName;
    QPointer<MqttConnection> m_connection;
    QPointer<IngestPipeline> m_pipeline;
    QMetaObject::Connection m_stateConnection;
    bool m_deferred = false;
    std::optional<qint64> m_uptimeSeconds;
    CounterRate m_received;
    CounterRate m_sent;
    CounterRate m_bytesReceived;
    CounterRate m_bytesSent;
};

} // namespace tideline
