#pragma once

#include "core/Result.h"
#include "metrics/MetricTypes.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace tideline {

// What the RabbitMQ management API says about one queue (GET /api/queues...). A field the
// server left out (a queue whose statistics are not in yet, no message_stats before the first
// publish) stays empty rather than turning into a made-up zero.
struct RabbitMqQueueStats
{
    QString vhost;
    QString name;
    std::optional<double> messages;               // ready + unacknowledged: the queue depth
    std::optional<double> messagesReady;
    std::optional<double> messagesUnacknowledged;
    std::optional<double> consumers;
    std::optional<double> publishRate;            // messages/s, message_stats.publish_details.rate
    std::optional<double> deliverGetRate;         // message_stats.deliver_get_details.rate
    std::optional<double> ackRate;                // message_stats.ack_details.rate

    // History, when asked for with lengths_age/msg_rates_age; ascending time. Lengths are the
    // server's samples; rates are derived from its cumulative counts (per second between samples).
    QList<MetricPoint> messagesHistory;
    QList<MetricPoint> messagesReadyHistory;
    QList<MetricPoint> messagesUnacknowledgedHistory;
    QList<MetricPoint> publishRateHistory;
    QList<MetricPoint> deliverGetRateHistory;
    QList<MetricPoint> ackRateHistory;
};

// Pure functions over the management API's JSON; the network side is RabbitMqManagementSource.
class RabbitMqManagementApi final
{
    Q_DECLARE_TR_FUNCTIONS(RabbitMqManagementApi)

public:
    // Metric names, chosen to match the rabbitmq_prometheus plugin where it has the same figure.
    static const QString Messages;               // rabbitmq_queue_messages
    static const QString MessagesReady;          // rabbitmq_queue_messages_ready
    static const QString MessagesUnacknowledged; // rabbitmq_queue_messages_unacked
    static const QString Consumers;              // rabbitmq_queue_consumers
    static const QString PublishRate;            // rabbitmq_queue_publish_rate
    static const QString DeliverGetRate;         // rabbitmq_queue_deliver_get_rate
    static const QString AckRate;                // rabbitmq_queue_ack_rate

    struct Queues
    {
        QList<RabbitMqQueueStats> queues;
        int skipped = 0; // entries that were not objects or had no name/vhost
    };

    // Accepts a list of queues (/api/queues, /api/queues/VHOST), a page ({"items": [...]}) or
    // one queue object (/api/queues/VHOST/NAME). Fails on invalid JSON or any other shape.
    static Result<Queues> parseQueues(QByteArrayView json);
    static RabbitMqQueueStats parseQueue(const QJsonObject &queue);

    // A "..._details" object's "samples" array ([{"sample": N, "timestamp": MS}, ...], newest
    // first on the wire) as points in ascending time; malformed entries are skipped.
    static QList<MetricPoint> parseSamples(const QJsonValue &details);
    // Per-second rates between consecutive cumulative counts (ascending input); a counter that
    // went down (a reset) or a repeated timestamp yields no point.
    static QList<MetricPoint> ratesFromCounts(const QList<MetricPoint> &counts);

    // One sample per known figure per queue, labelled {vhost, queue}, stamped `timestampMs`.
    static QList<MetricSample> toSamples(const QList<RabbitMqQueueStats> &queues, const QString &sourceId,
                                         qint64 timestampMs);
    // The non-empty histories as series.
    static QList<MetricSeries> toSeries(const QList<RabbitMqQueueStats> &queues, const QString &sourceId);

    // "/api/queues", "/api/queues/%2F", "/api/queues/%2F/orders" (percent-encoded; a queue
    // without a vhost means the default vhost "/").
    static QString queuesPath(const QString &vhost, const QString &queue);
    // lengths_age, lengths_incr, msg_rates_age, msg_rates_incr for `ageSeconds` of history.
    static QUrlQuery historyQuery(int ageSeconds, int incrementSeconds);
};

} // namespace tideline
