#pragma once

#include "core/Workspace.h"
#include "metrics/MetricTypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tideline {

// "This queue/metric series is drained by that workload": the links an operator made, as a
// value the workspace can save (toJson/fromJson) and the cluster views read. At most one
// workload per series key and context.
class WorkloadLinks final
{
public:
    QList<WorkloadLink> links;

    // Adds or replaces the link of the same series key and context.
    void set(const WorkloadLink &link);
    bool remove(const QString &seriesKey, const QString &context);
    // The links to one workload (in context/namespace), in the order they were made.
    QList<WorkloadLink> forWorkload(const QString &context, const QString &ns, const QString &name) const;
    bool isEmpty() const { return links.isEmpty(); }

    // {"links": [{"series", "cluster", "context", "namespace", "deployment"}, ...]}
    QJsonObject toJson() const;
    static WorkloadLinks fromJson(const QJsonObject &json);

    // How a series is named in a link: "rabbitmq_queue_messages{queue=\"orders\",vhost=\"/\"}"
    // (the source is not part of it, so the link survives a changed source URL).
    static QString keyText(const MetricSeriesKey &key);
    // The series among `keys` that `text` names (by keyText, or "source name{...}").
    static std::optional<MetricSeriesKey> resolve(const QString &text, const QList<MetricSeriesKey> &keys);

    friend bool operator==(const WorkloadLinks &, const WorkloadLinks &) = default;
};

} // namespace tideline
