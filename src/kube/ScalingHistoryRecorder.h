#pragma once

#include "core/TimelineEvent.h"
#include "kube/KubeTypes.h"
#include "metrics/MetricTypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace tideline {
class HistoryStore;
}

namespace tideline::kube {

// Writes what a cluster view observes into a HistoryStore, so a scaling timeline can show days
// of history after the API server has dropped its events (kube-apiserver keeps events for an
// hour by default):
// - every Kubernetes event about a workload, its ReplicaSets, its HPA or its ScaledObject, once
//   per occurrence (an event whose count grows is recorded again with its new lastTimestamp);
// - every change of a workload's spec.replicas and of an HPA's desiredReplicas (as timeline
//   events with from/to), and every change of an HPA condition;
// - the replica counts as metric samples under kube-state-metrics' names (spec and ready
//   replicas of a workload, desired replicas of an HPA), so a chart can draw them as steps.
//
// Owns nothing but its memory of what it wrote. An occurrence already in the store (from an
// earlier run) is recognised after prime() and not written twice. GUI-free; the caller feeds
// it from its watchers on its own thread.
class ScalingHistoryRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScalingHistoryRecorder)

public:
    // Timeline events of our own (replica and condition changes) carry this source; Kubernetes
    // events carry "kube".
    static constexpr const char *OwnSource = "tideline";
    static constexpr const char *EventSource = "kube";

    // `cluster` names the cluster in the store (the context's display name). `store` may be null
    // (nothing is written, recorded() still fires).
    ScalingHistoryRecorder(HistoryStore *store, QString cluster, QObject *parent = nullptr);
    ~ScalingHistoryRecorder() override;

    QString cluster() const { return m_cluster; }
    // Tests: a clock other than the wall clock (ms since the epoch).
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // Loads the signatures of what the store already holds for this cluster (the last `sinceMs`
    // milliseconds) so a restart does not write the same occurrences again. Events observed
    // before the answer are held back until it arrives. Without a store it is primed at once.
    void prime(qint64 sinceMs = 7LL * 24 * 3600 * 1000);
    bool isPrimed() const { return m_primed; }

    void observeEvent(const KubeEvent &event);
    void observeWorkload(const Workload &workload);
    void observeHpa(const Hpa &hpa);
    // The object is gone: the next observation of the same name starts afresh.
    void forgetWorkload(const QString &kind, const QString &ns, const QString &name);

    int recordedCount() const { return m_recorded; }

    // Whether an event belongs on a scaling timeline (its object is a Deployment, StatefulSet,
    // ReplicaSet, HorizontalPodAutoscaler or ScaledObject).
    static bool isScalingEvent(const KubeEvent &event);
    // The timeline form of a Kubernetes event; from/to parsed from the controllers' messages
    // ("Scaled up replica set worker-5d8f to 4 from 2", "New size: 4; reason: ...").
    static TimelineEvent timelineEvent(const KubeEvent &event, const QString &cluster);
    // Identifies one occurrence (same object, reason, time and message).
    static QString signature(const TimelineEvent &event);

    // Series keys (kube-state-metrics names) for the replica counts of `kind` ("Deployment" or
    // "StatefulSet"), and for an HPA's desired replicas.
    static QString seriesSource(const QString &cluster);
    static MetricSeriesKey specReplicasKey(const QString &cluster, const QString &kind, const QString &ns,
                                           const QString &name);
    static MetricSeriesKey readyReplicasKey(const QString &cluster, const QString &kind, const QString &ns,
                                            const QString &name);
    static MetricSeriesKey hpaDesiredKey(const QString &cluster, const QString &ns, const QString &name);

Q_SIGNALS:
    // Something new was recorded (also without a store); on this object's thread.
    void recorded(const tideline::TimelineEvent &event);
    void sampleRecorded(const tideline::MetricSample &sample);

private:
    struct WorkloadMemory
    {
        int specReplicas = 0;
        int readyReplicas = 0;
    };
    struct HpaMemory
    {
        int desiredReplicas = 0;
        QHash<QString, QString> conditions; // type -> "status/reason"
    };

    qint64 now() const;
    void write(const TimelineEvent &event);
    void writeSample(const MetricSeriesKey &key, qint64 ts, double value);
    void recordEvent(const KubeEvent &event);
    void pruneSeen();

    QPointer<HistoryStore> m_store;
    QString m_cluster;
    std::function<qint64()> m_clock;
    bool m_primed = false;
    bool m_priming = false;
    QList<KubeEvent> m_pending;
    QHash<QString, qint64> m_seen; // signature -> timestamp
    QHash<QString, WorkloadMemory> m_workloads; // kind/ns/name
    QHash<QString, HpaMemory> m_hpas;           // ns/name
    int m_recorded = 0;
};

} // namespace tideline::kube
