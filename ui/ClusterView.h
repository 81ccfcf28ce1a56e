#pragma once

#include "WorkloadLinks.h"
#include "core/HpaModel.h"
#include "core/Result.h"
#include "core/TimeSeries.h"
#include "core/TimelineEvent.h"
#include "kube/KubeConfig.h"
#include "kube/KubeTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace tideline {

class HistoryStore;
class HpaPanel;
class HpaPreviewPanel;
class KubeWorkloadModel;
class QueueDepthChart;
class ScaleDialog;
class ScalingTimelineModel;

namespace kube {
class KubeClient;
class KubeWatcher;
class ScalingHistoryRecorder;
}

// One Kubernetes cluster context, as a tab: context and namespace pickers (from the kubeconfig),
// the Deployments and StatefulSets of the namespace with their replica counts (list-then-watch,
// live), and for the selected workload its HPA (metrics, conditions, behavior), a preview of
// the HPA's next decisions with a what-if slider, its KEDA ScaledObject (when KEDA is
// installed), and its scaling timeline: Kubernetes events of the workload, its ReplicaSets and
// its HPA, newest first, with a chart of the replicas (spec, ready, HPA desired) as steps on a
// secondary axis and the linked queue's depth on the same time axis.
//
// Errors (401, 403, connection refused, TLS) appear in the state line with the client's text;
// an insecure-skip-tls-verify cluster gets a warning badge. Scaling goes through ScaleDialog
// (access review, dry run, confirmation, audit log).
//
// Owns its KubeClient, watchers, models and the history recorder; uses a HistoryStore and a
// TimeSeriesStore it does not own when given them (otherwise it keeps an in-memory series store
// of its own and records nothing to disk).
class ClusterView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterView)

public:
    // The tabs below the HPA panel.
    enum Tab { PreviewTab, TimelineTab, KedaTab };

    // `series`: the store the chart reads (queue depth from the metric sources; the view adds
    // the replica counts); null: an own in-memory one.
    explicit ClusterView(TimeSeriesStore *series = nullptr, QWidget *parent = nullptr);
    ~ClusterView() override;

    // Before open(): where scale actions are logged (default kube::AuditLog::defaultPath()) and
    // the history store the recorder writes to and the timeline reads back (may be null).
    void setAuditLogPath(const QString &path) { m_auditLogPath = path; }
    QString auditLogPath() const;
    void setHistoryStore(HistoryStore *store);
    TimeSeriesStore *timeSeriesStore() const { return m_series; }
    // Tests and screenshots: a clock other than the wall clock (ms since the epoch).
    void setClock(std::function<qint64()> clock);

    // Loads the kubeconfig (empty path: $KUBECONFIG or ~/.kube/config) and connects to
    // `context` (empty: current-context) in its namespace. A broken file or context fails here
    // with a clear message and leaves the view empty.
    Result<void> open(const QString &kubeconfigPath, const QString &context = {});
    Result<void> switchContext(const QString &context);
    void switchNamespace(const QString &ns);

    QString kubeconfigPath() const { return m_kubeconfigPath; }
    QString contextName() const { return m_context; }
    QString namespaceName() const { return m_ns; }
    // "context (namespace)" for the tab, or "label (namespace)" once a label is set (the demo
    // calls its cluster "Demo cluster" everywhere).
    QString displayName() const;
    void setLabel(const QString &label);
    bool hasError() const { return !m_errors.isEmpty(); }
    QString stateText() const;
    QStringList configWarnings() const;

    // The workload shown in the side panels: "Deployment/ns/name", or empty.
    QString selectedKey() const { return m_selected; }
    bool selectWorkload(const QString &kind, const QString &name);

    // Links queue/metric series to workloads (shared with the workspace).
    const WorkloadLinks &workloadLinks() const { return m_links; }
    void setWorkloadLinks(const WorkloadLinks &links);
    void linkSeries(const QString &seriesKey, const QString &workloadName);

    // kubeconfig, context, namespace, selected workload and the links, for a workspace.
    QJsonObject toJson() const;
    // Applies a toJson() (opens the cluster it names).
    Result<void> fromJson(const QJsonObject &json);

    // Opens the scale dialog for the selected workload (window-modal, deletes itself on close).
    ScaleDialog *openScaleDialog();
    void showAuditLog();
    void showLinkDialog();

    // Pieces, for tests and the main window.
    kube::KubeClient *client() const { return m_client; }
    KubeWorkloadModel *workloadModel() const { return m_workloads; }
    QTableView *workloadTable() const { return m_table; }
    HpaPanel *hpaPanel() const { return m_hpaPanel; }
    HpaPreviewPanel *previewPanel() const { return m_preview; }
    ScalingTimelineModel *timelineModel() const { return m_timeline; }
    QTableView *timelineTable() const { return m_timelineTable; }
    QueueDepthChart *chart() const { return m_chart; }
    QTreeWidget *kedaTree() const { return m_kedaTree; }
    QTabWidget *detailTabs() const { return m_tabs; }
    QComboBox *contextCombo() const { return m_contextCombo; }
    QComboBox *namespaceCombo() const { return m_nsCombo; }
    QLabel *stateLabel() const { return m_stateLabel; }
    QLabel *insecureBadge() const { return m_insecureBadge; }
    QPushButton *scaleButton() const { return m_scaleButton; }
    QLabel *scaleReasonLabel() const { return m_scaleReason; }
    QPushButton *auditButton() const { return m_auditButton; }
    QPushButton *linkButton() const { return m_linkButton; }
    QCheckBox *observedCheck() const { return m_observedCheck; }
    kube::ScalingHistoryRecorder *recorder() const { return m_recorder; }
    QSplitter *mainSplitter() const { return m_splitter; }
    QSplitter *detailSplitter() const { return m_detailSplitter; }
    bool kedaInstalled() const { return m_kedaInstalled; }
    const QMap<QString, kube::Hpa> &hpas() const { return m_hpas; }

Q_SIGNALS:
    // The state line changed (the tab's icon and tooltip follow).
    void stateChanged();
    void workloadLinksChanged();
    void selectionChanged(const QString &key);
    // Every workload and HPA list arrived once after open/switch.
    void synced();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Access
    {
        bool known = false;
        bool allowed = false;
        QString reason;
    };

    void buildUi();
    void stopWatching();
    void startWatching();
    kube::KubeWatcher *makeWatcher(const QString &group, const QString &version, const QString &resource,
                                   const QString &kind, const QString &apiVersion, const QString &what);
    void onWorkload(const QJsonObject &object);
    void onWorkloadDeleted(const QJsonObject &object);
    void onHpa(const QJsonObject &object);
    void onHpaDeleted(const QJsonObject &object);
    void onEvent(const QJsonObject &object);
    void onScaledObject(const QJsonObject &object, bool deleted);
    void setWatchError(const QString &what, const QString &message);
    void updateStateLine();
    void fillContextCombo();
    void fillNamespaceCombo();
    void checkKeda();
    void onSelectionChanged();
    void updatePanels();
    void updatePreview();
    void fitDetailSplitter();
    void rebuildTimeline();
    void rebuildChart();
    void refreshKedaTree();
    void checkAccess();
    void updateScaleButton();
    void heartbeat();
    void loadHistoryEvents();
    void loadHistorySamples();
    std::optional<kube::Hpa> hpaForSelected() const;
    bool belongsToSelected(const QString &kind, const QString &name) const;
    bool wantsMarker(const TimelineEvent &event) const;
    bool hasMarkerAt(const TimelineEvent &event) const;
    qint64 now() const;

    QString m_kubeconfigPath;
    kube::KubeConfig m_config;
    QString m_context;
    QString m_label;
    QString m_ns;
    QString m_auditLogPath;
    std::function<qint64()> m_clock;
    quint64 m_generation = 0; // bumps on every context/namespace switch; late answers are dropped

    kube::KubeClient *m_client = nullptr;
    QList<kube::KubeWatcher *> m_watchers;
    kube::KubeWatcher *m_eventWatcher = nullptr;
    kube::KubeWatcher *m_kedaWatcher = nullptr;
    QMap<QString, QString> m_errors; // what -> message
    int m_pendingSyncs = 0;
    bool m_kedaInstalled = false;

    QPointer<HistoryStore> m_history;
    kube::ScalingHistoryRecorder *m_recorder = nullptr;
    std::unique_ptr<TimeSeriesStore> m_ownSeries;
    TimeSeriesStore *m_series = nullptr;
    WorkloadLinks m_links;

    QList<MetricSeriesKey> m_chartKeys;             // on the chart for the selected workload
    QList<TimelineEvent> m_ownEvents;               // what the recorder observed this session
    QMap<QString, kube::Hpa> m_hpas;                // ns/name
    QMap<QString, kube::KubeEvent> m_events;        // watcher key
    QMap<QString, kube::ScaledObject> m_scaledObjects;
    QHash<QString, QList<HpaRecommendation>> m_observedRecommendations; // hpa ns/name
    QHash<QString, QList<HpaScaleEvent>> m_observedScaleEvents;         // workload key
    QHash<QString, Access> m_access;                                    // workload key
    QString m_selected;
    QTimer m_heartbeat;

    QComboBox *m_contextCombo = nullptr;
    QComboBox *m_nsCombo = nullptr;
    QLabel *m_insecureBadge = nullptr;
    QLabel *m_stateLabel = nullptr;
    QPushButton *m_scaleButton = nullptr;
    QLabel *m_scaleReason = nullptr;
    QPushButton *m_linkButton = nullptr;
    QPushButton *m_auditButton = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_detailSplitter = nullptr;
    bool m_detailSizedByUser = false;
    KubeWorkloadModel *m_workloads = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_tabs = nullptr;
    HpaPanel *m_hpaPanel = nullptr;
    HpaPreviewPanel *m_preview = nullptr;
    ScalingTimelineModel *m_timeline = nullptr;
    QTableView *m_timelineTable = nullptr;
    QCheckBox *m_observedCheck = nullptr;
    QueueDepthChart *m_chart = nullptr;
    QLabel *m_chartHint = nullptr;
    int m_replicaAxis = -1;
    QTreeWidget *m_kedaTree = nullptr;
    QLabel *m_kedaHint = nullptr;
};

} // namespace tideline
