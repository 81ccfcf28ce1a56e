#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace tideline {

// Label name -> value. A QMap keeps the names sorted, so equal label sets compare equal
// whatever order a server sent them in.
using MetricLabels = QMap<QString, QString>;

// Identifies one time series: the source that produced it, the metric name and its labels.
struct MetricSeriesKey
{
    QString source;       // MetricSource::sourceId(), e.g. "rabbitmq http://127.0.0.1:15672"
    QString name;         // e.g. "rabbitmq_queue_messages"
    MetricLabels labels;  // e.g. {queue: "orders", vhost: "/"}

    // Prometheus notation without the source: name{a="x",b="y"} (values escaped).
    QString toString() const;
    friend bool operator==(const MetricSeriesKey &, const MetricSeriesKey &) = default;
};

size_t qHash(const MetricSeriesKey &key, size_t seed = 0) noexcept;

// One measurement in time. Values may be NaN or infinite (Prometheus allows both).
struct MetricPoint
{
    qint64 timestampMs = 0; // milliseconds since the epoch, UTC
    double value = 0.0;
};

// The latest value of one series, as a source reports it on every poll.
struct MetricSample
{
    MetricSeriesKey key;
    MetricPoint point;
};

// A stretch of history of one series (RabbitMQ's samples arrays, a Prometheus range query),
// points in ascending time order.
struct MetricSeries
{
    MetricSeriesKey key;
    QList<MetricPoint> points;
};

// Label values escaped as in the exposition format: backslash, double quote and newline.
QString escapeLabelValue(const QString &value);
// {a="x",b="y"}, or an empty string for no labels.
QString formatLabels(const MetricLabels &labels);

} // namespace tideline

Q_DECLARE_TYPEINFO(tideline::MetricPoint, Q_PRIMITIVE_TYPE);
Q_DECLARE_TYPEINFO(tideline::MetricSeriesKey, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(tideline::MetricSample, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(tideline::MetricSeries, Q_RELOCATABLE_TYPE);
