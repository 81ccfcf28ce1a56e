#pragma once

#include "core/HpaModel.h"
#include "core/Result.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace tideline::demo {

class KubeApiServer;

// The demo's "cluster": a local endpoint speaking the Kubernetes API subset Tideline uses
// (KubeApiServer, over TLS with its own CA and a client-certificate kubeconfig, so kubectl works
// too), holding namespace `shop` with deployment `worker` and an autoscaling/v2 HPA on the Pods
// metric `messages` (target average 10, min 2, max 10, no behavior: the legacy limits).
//
// Two controllers run inside, as kube-controller-manager's would:
// - the HPA controller, every syncPeriod: the queue depth from `depth` divided by the ready
//   workers is the Pods metric; HpaModel::sync() (the same algorithm as Tideline's preview)
//   decides; the deployment's spec.replicas, the HPA's status (currentMetrics, conditions,
//   desired/current replicas, lastScaleTime) and real-shaped events (SuccessfulRescale on the
//   HPA, ScalingReplicaSet on the deployment) follow;
// - the deployment controller, every second: spec.replicas (whoever set it: the HPA, kubectl
//   scale, Tideline's scale dialog) goes to `setWorkers`, and status.readyReplicas etc. come
//   from `readyWorkers`.
class DemoCluster final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoCluster)
public:
    static constexpr const char *Namespace = "shop";
    static constexpr const char *Deployment = "worker";
    static constexpr const char *MetricName = "messages";

    struct Hooks
    {
        std::function<std::optional<double>()> depth;   // the queue's depth now, if known
        std::function<void(int)> setWorkers;             // run this many workers
        std::function<int()> readyWorkers;               // workers up and consuming
    };

    struct Timing
    {
        int syncPeriodMs = 15000;        // kube-controller-manager's default HPA sync period
        int scaleUpPeriodSeconds = 15;   // behavior.scaleUp: Percent 100 per this period
        int scaleDownWindowSeconds = 60; // behavior.scaleDown.stabilizationWindowSeconds
    };

    explicit DemoCluster(Hooks hooks, QObject *parent = nullptr);
    // Before start(): the HPA object is seeded with these.
    void setTiming(const Timing &timing);
    ~DemoCluster() override;

    // Generates the PKI, listens on a free loopback port, writes `kubeconfigPath` (context
    // "tideline-demo", namespace shop) and seeds the objects.
    Result<void> start(const QString &kubeconfigPath);
    void stop();

    int syncPeriodMs() const { return m_syncTimer.interval(); }
    QString url() const;
    QString kubeconfigPath() const { return m_kubeconfig; }
    KubeApiServer *server() const { return m_server.get(); }
    int specReplicas() const;
    // The HPA decision of the last sync (for tests and the status line).
    const HpaDecision &lastDecision() const { return m_lastDecision; }
    int rescaleCount() const { return m_rescales; }

    // One HPA controller sync now (the timer calls it; tests may too).
    void syncHpa();
    // One deployment controller step now.
    void syncDeployment();

Q_SIGNALS:
    void rescaled(int from, int to, const QString &reason);

private:
    void emitEvent(const QString &kind, const QString &name, const QString &reason, const QString &message,
                   const QString &component);
    QString replicaSetName() const;

    Hooks m_hooks;
    std::unique_ptr<KubeApiServer> m_server;
    QString m_kubeconfig;
    QTimer m_syncTimer;
    QTimer m_deploymentTimer;
    Timing m_timing;
    HpaState m_state;
    HpaDecision m_lastDecision;
    int m_workers = -1;   // what setWorkers was last told
    int m_rescales = 0;
    quint64 m_eventSeq = 0;
};

} // namespace tideline::demo
