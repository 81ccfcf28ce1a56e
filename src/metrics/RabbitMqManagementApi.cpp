#include "metrics/RabbitMqManagementApi.h"

#include "metrics/MetricHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tideline {

const QString RabbitMqManagementApi::Messages = u"rabbitmq_queue_messages"_s;
const QString RabbitMqManagementApi::MessagesReady = u"rabbitmq_queue_messages_ready"_s;
const QString RabbitMqManagementApi::MessagesUnacknowledged = u"rabbitmq_queue_messages_unacked"_s;
const QString RabbitMqManagementApi::Consumers = u"rabbitmq_queue_consumers"_s;
const QString RabbitMqManagementApi::PublishRate = u"rabbitmq_queue_publish_rate"_s;
const QString RabbitMqManagementApi::DeliverGetRate = u"rabbitmq_queue_deliver_get_rate"_s;
const QString RabbitMqManagementApi::AckRate = u"rabbitmq_queue_ack_rate"_s;

namespace {

std::optional<double> number(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble())
        return std::nullopt;
    return value.toDouble();
}

std::optional<double> rate(const QJsonObject &messageStats, QLatin1StringView detailsKey)
{
    const QJsonValue details = messageStats.value(detailsKey);
    if (!details.isObject())
        return std::nullopt;
    return number(details.toObject(), "rate"_L1);
}

} // namespace

QList<MetricPoint> RabbitMqManagementApi::parseSamples(const QJsonValue &details)
{
    QList<MetricPoint> points;
    const QJsonValue samples = details.toObject().value("samples"_L1);
    if (!samples.isArray())
        return points;
    const QJsonArray array = samples.toArray();
    points.reserve(array.size());
    for (const QJsonValue &entry : array) {
        const QJsonObject object = entry.toObject();
        const QJsonValue sample = object.value("sample"_L1);
        const QJsonValue timestamp = object.value("timestamp"_L1);
        if (!sample.isDouble() || !timestamp.isDouble())
            continue;
        points.append(MetricPoint{qint64(timestamp.toDouble()), sample.toDouble()});
    }
    std::stable_sort(points.begin(), points.end(),
                     [](const MetricPoint &a, const MetricPoint &b) { return a.timestampMs < b.timestampMs; });
    return points;
}

QList<MetricPoint> RabbitMqManagementApi::ratesFromCounts(const QList<MetricPoint> &counts)
{
    QList<MetricPoint> rates;
    for (qsizetype i = 1; i < counts.size(); ++i) {
        const qint64 dtMs = counts[i].timestampMs - counts[i - 1].timestampMs;
        const double delta = counts[i].value - counts[i - 1].value;
        if (dtMs <= 0 || delta < 0)
            continue;
        rates.append(MetricPoint{counts[i].timestampMs, delta * 1000.0 / double(dtMs)});
    }
    return rates;
}

RabbitMqQueueStats RabbitMqManagementApi::parseQueue(const QJsonObject &queue)
{
    RabbitMqQueueStats stats;
    stats.vhost = queue.value("vhost"_L1).toString();
    stats.name = queue.value("name"_L1).toString();
    stats.messages = number(queue, "messages"_L1);
    stats.messagesReady = number(queue, "messages_ready"_L1);
    stats.messagesUnacknowledged = number(queue, "messages_unacknowledged"_L1);
    stats.consumers = number(queue, "consumers"_L1);
    stats.messagesHistory = parseSamples(queue.value("messages_details"_L1));
    stats.messagesReadyHistory = parseSamples(queue.value("messages_ready_details"_L1));
    stats.messagesUnacknowledgedHistory = parseSamples(queue.value("messages_unacknowledged_details"_L1));

    const QJsonObject messageStats = queue.value("message_stats"_L1).toObject();
    stats.publishRate = rate(messageStats, "publish_details"_L1);
    stats.deliverGetRate = rate(messageStats, "deliver_get_details"_L1);
    stats.ackRate = rate(messageStats, "ack_details"_L1);
    stats.publishRateHistory = ratesFromCounts(parseSamples(messageStats.value("publish_details"_L1)));
    stats.deliverGetRateHistory = ratesFromCounts(parseSamples(messageStats.value("deliver_get_details"_L1)));
    stats.ackRateHistory = ratesFromCounts(parseSamples(messageStats.value("ack_details"_L1)));
    return stats;
}

Result<RabbitMqManagementApi::Queues> RabbitMqManagementApi::parseQueues(QByteArrayView json)
{
    Result<QJsonDocument> doc = MetricHttp::parseJson(json);
    if (!doc)
        return doc.error();

    auto parseList = [](const QJsonArray &array) {
        Queues out;
        for (const QJsonValue &entry : array) {
            const QJsonObject object = entry.toObject();
            if (!entry.isObject() || !object.value("name"_L1).isString() || !object.value("vhost"_L1).isString()) {
                ++out.skipped;
                continue;
            }
            out.queues.append(parseQueue(object));
        }
        return out;
    };

    if (doc.value().isArray())
        return parseList(doc.value().array());
    const QJsonObject object = doc.value().object();
    if (doc.value().isObject()) {
        if (object.value("items"_L1).isArray())
            return parseList(object.value("items"_L1).toArray());
        if (object.value("name"_L1).isString() && object.value("vhost"_L1).isString()) {
            Queues out;
            out.queues.append(parseQueue(object));
            return out;
        }
        if (object.contains("error"_L1)) {
            return Error{u"rabbitmq.error"_s,
                         tr("the management API answered with an error: %1")
                             .arg(object.value("reason"_L1).toString(object.value("error"_L1).toString())),
                         {}};
        }
    }
    return Error{u"rabbitmq.format"_s,
                 tr("the response is not a list of queues: is this the RabbitMQ management API (port 15672)?"),
                 QString::fromUtf8(json.first(qMin(json.size(), qsizetype(200))).toByteArray())};
}

QList<MetricSample> RabbitMqManagementApi::toSamples(const QList<RabbitMqQueueStats> &queues,
                                                      const QString &sourceId, qint64 timestampMs)
{
    QList<MetricSample> samples;
    samples.reserve(queues.size() * 7);
    for (const RabbitMqQueueStats &q : queues) {
        const MetricLabels labels{{u"vhost"_s, q.vhost}, {u"queue"_s, q.name}};
        const std::pair<const QString *, const std::optional<double> *> figures[] = {
            {&Messages, &q.messages},
            {&MessagesReady, &q.messagesReady},
            {&MessagesUnacknowledged, &q.messagesUnacknowledged},
            {&Consumers, &q.consumers},
            {&PublishRate, &q.publishRate},
            {&DeliverGetRate, &q.deliverGetRate},
            {&AckRate, &q.ackRate},
        };
        for (const auto &[name, value] : figures) {
            if (value->has_value())
                samples.append(MetricSample{MetricSeriesKey{sourceId, *name, labels}, MetricPoint{timestampMs, **value}});
        }
    }
    return samples;
}

QList<MetricSeries> RabbitMqManagementApi::toSeries(const QList<RabbitMqQueueStats> &queues, const QString &sourceId)
{
    QList<MetricSeries> series;
    for (const RabbitMqQueueStats &q : queues) {
        const MetricLabels labels{{u"vhost"_s, q.vhost}, {u"queue"_s, q.name}};
        const std::pair<const QString *, const QList<MetricPoint> *> histories[] = {
            {&Messages, &q.messagesHistory},
            {&MessagesReady, &q.messagesReadyHistory},
            {&MessagesUnacknowledged, &q.messagesUnacknowledgedHistory},
            {&PublishRate, &q.publishRateHistory},
            {&DeliverGetRate, &q.deliverGetRateHistory},
            {&AckRate, &q.ackRateHistory},
        };
        for (const auto &[name, points] : histories) {
            if (!points->isEmpty())
                series.append(MetricSeries{MetricSeriesKey{sourceId, *name, labels}, *points});
        }
    }
    return series;
}

QString RabbitMqManagementApi::queuesPath(const QString &vhost, const QString &queue)
{
    QString path = u"/api/queues"_s;
    if (vhost.isEmpty() && queue.isEmpty())
        return path;
    const QString effectiveVhost = vhost.isEmpty() ? u"/"_s : vhost;
    path += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(effectiveVhost));
    if (!queue.isEmpty())
        path += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(queue));
    return path;
}

QUrlQuery RabbitMqManagementApi::historyQuery(int ageSeconds, int incrementSeconds)
{
    QUrlQuery query;
    const QString age = QString::number(qMax(ageSeconds, 1));
    const QString incr = QString::number(qMax(incrementSeconds, 1));
    query.addQueryItem(u"lengths_age"_s, age);
    query.addQueryItem(u"lengths_incr"_s, incr);
    query.addQueryItem(u"msg_rates_age"_s, age);
    query.addQueryItem(u"msg_rates_incr"_s, incr);
    return query;
}

} // namespace tideline
