#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace tideline {

// Something that happened at one moment and belongs on the same time axis as the queue depth:
// a Kubernetes event, a replica change of a deployment, a scaling decision. HistoryStore keeps
// them in the timeline_events table; QueueDepthChart draws them as vertical markers.
struct TimelineEvent
{
    qint64 timestampMs = 0;  // ms since the epoch, UTC
    QString source;          // who recorded it: "kube", "hpa", ...
    QString cluster;         // display name of the cluster (or context)
    QString ns;              // namespace
    QString kind;            // "Deployment", "HorizontalPodAutoscaler", "Pod", ...
    QString name;            // object name
    QString type;            // Kubernetes event type: "Normal", "Warning"; empty otherwise
    QString reason;          // "ScalingReplicaSet", "SuccessfulRescale", ...
    QString message;
    std::optional<int> fromReplicas;
    std::optional<int> toReplicas;

    friend bool operator==(const TimelineEvent &, const TimelineEvent &) = default;
};

} // namespace tideline

Q_DECLARE_METATYPE(tideline::TimelineEvent)
