#include "ClusterView.h"

#include "AuditLogDialog.h"
#include "HpaPanel.h"
#include "HpaPreviewPanel.h"
#include "KubeText.h"
#include "KubeWorkloadModel.h"
#include "QueueDepthChart.h"
#include "ScaleDialog.h"
#include "ScalingTimelineModel.h"
#include "StateStyle.h"
#include "WorkloadLinkDialog.h"
#include "core/HistoryStore.h"
#include "core/Logging.h"
#include "kube/AuditLog.h"
#include "kube/KubeClient.h"
#include "kube/KubeWatcher.h"
#include "kube/ScalingHistoryRecorder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPen>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

constexpr int HeartbeatMs = 5000;
constexpr qint64 HistorySpanMs = 7LL * 24 * 3600 * 1000;
constexpr qint64 ObservedMemoryMs = 3600LL * 1000;

QString hpaKey(const QString &ns, const QString &name)
{
    return ns + u'/' + name;
}

// ReplicaSets of deployment "worker" are "worker-<pod-template-hash>".
bool isReplicaSetOf(const QString &replicaSet, const QString &deployment)
{
    if (!replicaSet.startsWith(deployment + u'-'))
        return false;
    const QString hash = replicaSet.mid(deployment.size() + 1);
    return !hash.isEmpty() && !hash.contains(u'-');
}

QLabel *badge(QWidget *parent, const QString &objectName)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setTextFormat(Qt::PlainText);
    l->setContentsMargins(6, 2, 6, 2);
    return l;
}

} // namespace

ClusterView::ClusterView(TimeSeriesStore *series, QWidget *parent) : QWidget(parent)
{
    setObjectName(u"clusterView"_s);
    if (series) {
        m_series = series;
    } else {
        m_ownSeries = std::make_unique<TimeSeriesStore>();
        m_series = m_ownSeries.get();
    }
    buildUi();
    m_heartbeat.setInterval(HeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &ClusterView::heartbeat);
}

ClusterView::~ClusterView()
{
    stopWatching();
}

QString ClusterView::auditLogPath() const
{
    return m_auditLogPath.isEmpty() ? kube::AuditLog::defaultPath() : m_auditLogPath;
}

void ClusterView::setHistoryStore(HistoryStore *store)
{
    if (m_history)
        disconnect(m_history, &HistoryStore::reopened, this, nullptr);
    m_history = store;
    if (!store)
        return;
    // Another workspace's file: draw what that one holds.
    // (The recorder keeps its memory: a reopen under an open tab is the same workspace's file
    // carried to a new name by Save as…; opening another workspace recreates the tabs.)
    connect(store, &HistoryStore::reopened, this, [this] {
        loadHistoryEvents();
        loadHistorySamples();
    });
}

void ClusterView::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    m_preview->setClock(m_clock);
    m_chart->setClock(m_clock);
    if (m_recorder)
        m_recorder->setClock(m_clock);
}

qint64 ClusterView::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

// --- layout -----------------------------------------------------------------------------------

void ClusterView::buildUi()
{
    // Top bar: where we are, how it is going, what can be done.
    m_contextCombo = new QComboBox(this);
    m_contextCombo->setObjectName(u"clusterContextCombo"_s);
    m_contextCombo->setAccessibleName(tr("Context"));
    m_contextCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_nsCombo = new QComboBox(this);
    m_nsCombo->setObjectName(u"clusterNamespaceCombo"_s);
    m_nsCombo->setAccessibleName(tr("Namespace"));
    m_nsCombo->setEditable(true);
    m_nsCombo->setInsertPolicy(QComboBox::NoInsert);
    m_nsCombo->setMinimumContentsLength(12);
    m_nsCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_insecureBadge = badge(this, u"clusterInsecureBadge"_s);
    m_insecureBadge->setStyleSheet(u"QLabel { color: white; background: #b45309; border-radius: 3px; font-weight: bold; }"_s);
    m_insecureBadge->hide();
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(u"clusterStateLabel"_s);
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setWordWrap(true);
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stateLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_scaleButton = new QPushButton(tr("&Scale…"), this);
    m_scaleButton->setObjectName(u"clusterScaleButton"_s);
    m_scaleButton->setEnabled(false);
    m_linkButton = new QPushButton(tr("&Link a queue…"), this);
    m_linkButton->setObjectName(u"clusterLinkButton"_s);
    m_linkButton->setToolTip(tr("Say which queue or metric series the selected workload drains, to see both on one time axis"));
    m_auditButton = new QPushButton(tr("&Audit log…"), this);
    m_auditButton->setObjectName(u"clusterAuditButton"_s);
    m_auditButton->setToolTip(tr("Every scale action taken from Tideline, with its dry run and outcome"));
    m_scaleReason = new QLabel(this);
    m_scaleReason->setObjectName(u"clusterScaleReason"_s);
    m_scaleReason->setWordWrap(true);
    m_scaleReason->setTextFormat(Qt::PlainText);
    m_scaleReason->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Context:"), this));
    top->addWidget(m_contextCombo);
    top->addSpacing(8);
    top->addWidget(new QLabel(tr("Namespace:"), this));
    top->addWidget(m_nsCombo);
    top->addSpacing(8);
    top->addWidget(m_insecureBadge);
    top->addWidget(m_stateLabel, 1);
    top->addWidget(m_linkButton);
    top->addWidget(m_auditButton);
    top->addWidget(m_scaleButton);

    // Left: the workloads.
    m_workloads = new KubeWorkloadModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_workloads);
    m_proxy->setSortRole(KubeWorkloadModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(this);
    m_table->setObjectName(u"clusterWorkloadTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(KubeWorkloadModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setWordWrap(false);
    // Columns as wide as their content (refitted when rows come and go; the operator may still
    // drag them), the last one takes what is left.
    m_table->horizontalHeader()->setStretchLastSection(true);
    const auto fitColumns = [this] {
        QTimer::singleShot(0, m_table, [this] { m_table->resizeColumnsToContents(); });
    };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_table, fitColumns);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, m_table, fitColumns);
    connect(m_proxy, &QAbstractItemModel::modelReset, m_table, fitColumns);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ClusterView::onSelectionChanged);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (m_scaleButton->isEnabled())
            openScaleDialog();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_selected.isEmpty() && m_proxy->rowCount() > 0)
            m_table->selectRow(0);
    });

    // Right: the selected workload.
    // Right: the selected workload's autoscaler on top, what it will do and what it did below.
    m_detailSplitter = new QSplitter(Qt::Vertical, this);
    m_detailSplitter->setObjectName(u"clusterDetailSplitter"_s);
    m_detailSplitter->setChildrenCollapsible(false);
    m_hpaPanel = new HpaPanel(m_detailSplitter);
    m_tabs = new QTabWidget(m_detailSplitter);
    m_tabs->setObjectName(u"clusterDetailTabs"_s);
    m_preview = new HpaPreviewPanel(m_tabs);
    m_tabs->addTab(m_preview, tr("Preview"));

    auto *timelinePage = new QSplitter(Qt::Vertical, m_tabs);
    timelinePage->setObjectName(u"clusterTimelineSplitter"_s);
    timelinePage->setChildrenCollapsible(false);
    auto *chartBox = new QWidget(timelinePage);
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    m_chart = new QueueDepthChart(m_series, chartBox);
    m_chart->setObjectName(u"clusterScalingChart"_s);
    m_chart->setWindowMs(QueueDepthChart::Window1Hour);
    m_replicaAxis = m_chart->addValueAxis(tr("replicas"), Qt::AlignRight);
    m_chartHint = new QLabel(chartBox);
    m_chartHint->setObjectName(u"clusterChartHint"_s);
    m_chartHint->setWordWrap(true);
    m_chartHint->setTextFormat(Qt::PlainText);
    chartLayout->addWidget(m_chart, 1);
    chartLayout->addWidget(m_chartHint);
    auto *eventsBox = new QWidget(timelinePage);
    auto *eventsLayout = new QVBoxLayout(eventsBox);
    eventsLayout->setContentsMargins(0, 0, 0, 0);
    m_observedCheck = new QCheckBox(tr("Also show the replica and condition changes Tideline observed"), eventsBox);
    m_observedCheck->setObjectName(u"clusterObservedCheck"_s);
    m_timeline = new ScalingTimelineModel(this);
    m_timelineTable = new QTableView(eventsBox);
    m_timelineTable->setObjectName(u"clusterTimelineTable"_s);
    m_timelineTable->setModel(m_timeline);
    m_timelineTable->verticalHeader()->hide();
    m_timelineTable->setAlternatingRowColors(true);
    m_timelineTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timelineTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timelineTable->setWordWrap(false);
    m_timelineTable->horizontalHeader()->setStretchLastSection(true);
    m_timelineTable->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_timelineTable->setColumnWidth(ScalingTimelineModel::Time, m_timelineTable->fontMetrics().horizontalAdvance(u"00-00 00:00:00"_s) + 16);
    m_timelineTable->setColumnWidth(ScalingTimelineModel::Object, 190);
    m_timelineTable->setColumnWidth(ScalingTimelineModel::Reason, 170);
    m_timelineTable->verticalHeader()->setDefaultSectionSize(m_timelineTable->fontMetrics().height() + 8);
    eventsLayout->addWidget(m_timelineTable, 1);
    eventsLayout->addWidget(m_observedCheck);
    timelinePage->addWidget(chartBox);
    timelinePage->addWidget(eventsBox);
    timelinePage->setStretchFactor(0, 3);
    timelinePage->setStretchFactor(1, 2);
    m_tabs->addTab(timelinePage, tr("Scaling timeline"));

    auto *kedaPage = new QWidget(m_tabs);
    auto *kedaLayout = new QVBoxLayout(kedaPage);
    m_kedaHint = new QLabel(kedaPage);
    m_kedaHint->setWordWrap(true);
    m_kedaTree = new QTreeWidget(kedaPage);
    m_kedaTree->setObjectName(u"clusterKedaTree"_s);
    m_kedaTree->setRootIsDecorated(false);
    m_kedaTree->setAlternatingRowColors(true);
    m_kedaTree->setHeaderLabels({tr("ScaledObject"), tr("Target"), tr("Replicas"), tr("Triggers"), tr("Paused"),
                                 tr("HPA")});
    kedaLayout->addWidget(m_kedaHint);
    kedaLayout->addWidget(m_kedaTree, 1);
    m_tabs->addTab(kedaPage, tr("KEDA"));
    m_tabs->setTabVisible(KedaTab, false);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"clusterSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_detailSplitter->addWidget(m_hpaPanel);
    m_detailSplitter->addWidget(m_tabs);
    m_detailSplitter->setStretchFactor(0, 0);
    m_detailSplitter->setStretchFactor(1, 1);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detailSplitter);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({640, 840});
    connect(m_detailSplitter, &QSplitter::splitterMoved, this, [this] { m_detailSizedByUser = true; });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_scaleReason);
    layout->addWidget(m_splitter, 1);

    connect(m_contextCombo, &QComboBox::activated, this, [this](int index) {
        const QString context = m_contextCombo->itemText(index);
        if (context == m_context)
            return;
        if (auto r = switchContext(context); !r) {
            m_errors.insert(tr("context"), r.error().message);
            updateStateLine();
        }
    });
    connect(m_nsCombo, &QComboBox::activated, this, [this](int index) { switchNamespace(m_nsCombo->itemText(index)); });
    connect(m_nsCombo->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        const QString ns = m_nsCombo->currentText().trimmed();
        if (!ns.isEmpty() && ns != m_ns)
            switchNamespace(ns);
    });
    connect(m_scaleButton, &QPushButton::clicked, this, [this] { openScaleDialog(); });
    connect(m_auditButton, &QPushButton::clicked, this, &ClusterView::showAuditLog);
    connect(m_linkButton, &QPushButton::clicked, this, &ClusterView::showLinkDialog);
    connect(m_observedCheck, &QCheckBox::toggled, this, [this] { rebuildTimeline(); });

    m_hpaPanel->setHpa(std::nullopt, {});
    m_preview->clear(tr("Select a workload with an HPA to preview its next scaling decision."));
    updateStateLine();
}

// --- opening ----------------------------------------------------------------------------------

Result<void> ClusterView::open(const QString &kubeconfigPath, const QString &context)
{
    // An explicit file must exist (kubectl --kubeconfig); the default paths may be missing.
    auto config = kube::KubeConfig::load(kubeconfigPath);
    if (!config) {
        qCWarning(lcKube).noquote() << "kubeconfig:" << config.error().message;
        return config.error();
    }
    m_kubeconfigPath = kubeconfigPath;
    m_config = config.value();
    return switchContext(context.isEmpty() ? m_config.currentContext : context);
}

Result<void> ClusterView::switchContext(const QString &context)
{
    auto resolved = m_config.resolve(context);
    if (!resolved) {
        qCWarning(lcKube).noquote() << "kubeconfig context:" << resolved.error().message;
        return resolved.error();
    }
    auto *client = new kube::KubeClient(this);
    if (auto r = client->configure(resolved.value()); !r) {
        delete client;
        qCWarning(lcKube).noquote() << "kube client:" << r.error().message;
        return r.error();
    }
    stopWatching();
    if (m_client)
        m_client->deleteLater();
    m_client = client;
    m_context = resolved.value().contextName;
    m_ns = resolved.value().ns.isEmpty() ? u"default"_s : resolved.value().ns;
    m_access.clear();
    connect(m_client, &kube::KubeClient::serverWarning, this,
            [](const QString &text) { qCWarning(lcKube).noquote() << "API server warning:" << text; });

    delete m_recorder;
    m_recorder = new kube::ScalingHistoryRecorder(m_history, m_context, this);
    if (m_clock)
        m_recorder->setClock(m_clock);
    connect(m_recorder, &kube::ScalingHistoryRecorder::sampleRecorded, this,
            [this](const MetricSample &s) { m_series->append(s); });
    connect(m_recorder, &kube::ScalingHistoryRecorder::recorded, this, [this](const TimelineEvent &e) {
        if (e.source != QLatin1String(kube::ScalingHistoryRecorder::OwnSource))
            return;
        m_ownEvents.append(e);
        if (m_ownEvents.size() > 5000)
            m_ownEvents.removeFirst();
        if (m_observedCheck->isChecked() && belongsToSelected(e.kind, e.name))
            m_timeline->add(e);
    });
    m_recorder->prime();

    const QStringList warnings = m_client->configWarnings();
    if (!warnings.isEmpty()) {
        m_insecureBadge->setText(resolved.value().cluster.insecureSkipTlsVerify ? tr("⚠ TLS not verified")
                                                                                 : tr("⚠ not encrypted"));
        m_insecureBadge->setToolTip(warnings.join(u'\n'));
        m_insecureBadge->show();
        for (const QString &w : warnings)
            qCWarning(lcKube).noquote() << m_context << w;
    } else {
        m_insecureBadge->hide();
    }
    fillContextCombo();
    fillNamespaceCombo();
    startWatching();
    return {};
}

void ClusterView::switchNamespace(const QString &ns)
{
    if (ns.isEmpty() || ns == m_ns || !m_client)
        return;
    stopWatching();
    m_ns = ns;
    m_access.clear();
    fillNamespaceCombo();
    startWatching();
}

QString ClusterView::displayName() const
{
    if (m_context.isEmpty() && m_label.isEmpty())
        return tr("Cluster");
    return tr("%1 (%2)").arg(m_label.isEmpty() ? m_context : m_label, m_ns);
}

void ClusterView::setLabel(const QString &label)
{
    m_label = label;
    Q_EMIT stateChanged();
}

QStringList ClusterView::configWarnings() const
{
    return m_client ? m_client->configWarnings() : QStringList();
}

void ClusterView::fillContextCombo()
{
    const QSignalBlocker block(m_contextCombo);
    m_contextCombo->clear();
    for (const kube::KubeContext &c : std::as_const(m_config.contexts))
        m_contextCombo->addItem(c.name);
    m_contextCombo->setCurrentIndex(m_contextCombo->findText(m_context));
    m_contextCombo->setToolTip(m_client ? tr("%1 on %2").arg(m_context, m_client->server().toString()) : QString());
}

void ClusterView::fillNamespaceCombo()
{
    QStringList names{m_ns, u"default"_s};
    for (const kube::KubeContext &c : std::as_const(m_config.contexts)) {
        if (!c.ns.isEmpty())
            names << c.ns;
    }
    names.removeDuplicates();
    const QSignalBlocker block(m_nsCombo);
    m_nsCombo->clear();
    m_nsCombo->addItems(names);
    m_nsCombo->setCurrentIndex(0);

    // The cluster's own list when the user may read it (a namespaced role may not: then the
    // kubeconfig's names and typing one in remain).
    if (!m_client)
        return;
    const quint64 generation = m_generation;
    m_client->request("GET", u"/api/v1/namespaces"_s, {}, {}, {}, this,
                      [this, generation, names](const Result<kube::KubeResponse> &r) {
                          if (generation != m_generation || !r)
                              return;
                          QStringList all = names;
                          for (const QJsonValue &v : r.value().json.value(u"items"_s).toArray())
                              all << v.toObject().value(u"metadata"_s).toObject().value(u"name"_s).toString();
                          all.removeAll(QString());
                          all.removeDuplicates();
                          std::sort(all.begin() + 1, all.end());
                          const QSignalBlocker b(m_nsCombo);
                          const QString typed = m_nsCombo->currentText();
                          m_nsCombo->clear();
                          m_nsCombo->addItems(all);
                          m_nsCombo->setCurrentIndex(std::max<qsizetype>(0, all.indexOf(typed)));
                      });
}

// --- watching ---------------------------------------------------------------------------------

kube::KubeWatcher *ClusterView::makeWatcher(const QString &group, const QString &version, const QString &resource,
                                            const QString &kind, const QString &apiVersion, const QString &what)
{
    auto *w = new kube::KubeWatcher(m_client, kube::KubeClient::collectionPath(group, version, resource, m_ns), kind,
                                    apiVersion, this);
    connect(w, &kube::KubeWatcher::errorOccurred, this, [this, what](const Error &e) {
        qCWarning(lcKube).noquote() << m_context << what << e.message;
        qCDebug(lcKube).noquote() << m_context << what << e.detail;
        setWatchError(what, e.message);
    });
    connect(w, &kube::KubeWatcher::stateChanged, this, [this, what](kube::KubeWatcher::State s) {
        if (s == kube::KubeWatcher::State::Watching && m_errors.remove(what) > 0)
            updateStateLine();
    });
    m_watchers.append(w);
    return w;
}

void ClusterView::startWatching()
{
    ++m_generation;
    m_errors.clear();
    m_workloads->clear();
    m_hpas.clear();
    m_events.clear();
    m_scaledObjects.clear();
    m_kedaInstalled = false;
    m_tabs->setTabVisible(KedaTab, false);
    m_selected.clear();
    m_pendingSyncs = 3;

    const auto onSynced = [this] {
        if (m_pendingSyncs > 0 && --m_pendingSyncs == 0) {
            updateStateLine();
            Q_EMIT synced();
        }
    };

    for (const auto &[resource, kind] : {std::pair{u"deployments"_s, u"Deployment"_s},
                                         std::pair{u"statefulsets"_s, u"StatefulSet"_s}}) {
        kube::KubeWatcher *w = makeWatcher(u"apps"_s, u"v1"_s, resource, kind, u"apps/v1"_s, resource);
        connect(w, &kube::KubeWatcher::objectAdded, this, [this](const QString &, const QJsonObject &o) { onWorkload(o); });
        connect(w, &kube::KubeWatcher::objectModified, this, [this](const QString &, const QJsonObject &o) { onWorkload(o); });
        connect(w, &kube::KubeWatcher::objectDeleted, this,
                [this](const QString &, const QJsonObject &o) { onWorkloadDeleted(o); });
        connect(w, &kube::KubeWatcher::synced, this, onSynced, Qt::SingleShotConnection);
    }
    kube::KubeWatcher *hpas = makeWatcher(u"autoscaling"_s, u"v2"_s, u"horizontalpodautoscalers"_s,
                                          u"HorizontalPodAutoscaler"_s, u"autoscaling/v2"_s,
                                          u"horizontalpodautoscalers"_s);
    connect(hpas, &kube::KubeWatcher::objectAdded, this, [this](const QString &, const QJsonObject &o) { onHpa(o); });
    connect(hpas, &kube::KubeWatcher::objectModified, this, [this](const QString &, const QJsonObject &o) { onHpa(o); });
    connect(hpas, &kube::KubeWatcher::objectDeleted, this, [this](const QString &, const QJsonObject &o) { onHpaDeleted(o); });
    connect(hpas, &kube::KubeWatcher::synced, this, onSynced, Qt::SingleShotConnection);

    m_eventWatcher = makeWatcher({}, u"v1"_s, u"events"_s, u"Event"_s, u"v1"_s, u"events"_s);
    connect(m_eventWatcher, &kube::KubeWatcher::objectAdded, this, [this](const QString &, const QJsonObject &o) { onEvent(o); });
    connect(m_eventWatcher, &kube::KubeWatcher::objectModified, this,
            [this](const QString &, const QJsonObject &o) { onEvent(o); });
    connect(m_eventWatcher, &kube::KubeWatcher::objectDeleted, this, [this](const QString &key, const QJsonObject &) {
        // The API server dropped it (event TTL); the timeline keeps what it showed.
        m_events.remove(key);
    });

    for (kube::KubeWatcher *w : std::as_const(m_watchers))
        w->start();
    checkKeda();
    m_heartbeat.start();
    rebuildTimeline();
    rebuildChart();
    updatePanels();
    updateScaleButton();
    updateStateLine();
}

void ClusterView::stopWatching()
{
    ++m_generation;
    for (kube::KubeWatcher *w : std::as_const(m_watchers)) {
        w->stop();
        w->deleteLater();
    }
    m_watchers.clear();
    m_eventWatcher = nullptr;
    m_kedaWatcher = nullptr;
    m_heartbeat.stop();
}

void ClusterView::checkKeda()
{
    const quint64 generation = m_generation;
    m_client->listScaledObjects(m_ns, this, [this, generation](const Result<kube::ScaledObjectList> &r) {
        if (generation != m_generation)
            return;
        if (!r) {
            // Not fatal: the rest of the view works without KEDA.
            qCInfo(lcKube).noquote() << "KEDA ScaledObjects:" << r.error().message;
            return;
        }
        m_kedaInstalled = r.value().installed;
        m_tabs->setTabVisible(KedaTab, m_kedaInstalled);
        if (!m_kedaInstalled)
            return;
        for (const kube::ScaledObject &so : r.value().objects.items)
            m_scaledObjects.insert(hpaKey(so.meta.ns, so.meta.name), so);
        refreshKedaTree();
        m_kedaWatcher = makeWatcher(u"keda.sh"_s, u"v1alpha1"_s, u"scaledobjects"_s, u"ScaledObject"_s,
                                    u"keda.sh/v1alpha1"_s, u"scaledobjects"_s);
        connect(m_kedaWatcher, &kube::KubeWatcher::objectAdded, this,
                [this](const QString &, const QJsonObject &o) { onScaledObject(o, false); });
        connect(m_kedaWatcher, &kube::KubeWatcher::objectModified, this,
                [this](const QString &, const QJsonObject &o) { onScaledObject(o, false); });
        connect(m_kedaWatcher, &kube::KubeWatcher::objectDeleted, this,
                [this](const QString &, const QJsonObject &o) { onScaledObject(o, true); });
        m_kedaWatcher->start();
    });
}

void ClusterView::setWatchError(const QString &what, const QString &message)
{
    m_errors.insert(what, message);
    updateStateLine();
}

QString ClusterView::stateText() const
{
    if (!m_client)
        return tr("Not connected");
    if (!m_errors.isEmpty()) {
        // The first problem in full; the others by what they concern (the tooltip has them all):
        // five watchers refused the same way say it once.
        const QString first = m_errors.first();
        QStringList others;
        for (auto it = std::next(m_errors.cbegin()); it != m_errors.cend(); ++it) {
            if (it.value() != first)
                others << it.key();
        }
        if (others.isEmpty())
            return first;
        return tr("%1\nAlso failing: %2").arg(first, others.join(u", "_s));
    }
    if (m_pendingSyncs > 0)
        return tr("Loading namespace %1 from %2…").arg(m_ns, m_client->server().toString());
    int deployments = 0;
    int statefulSets = 0;
    for (const kube::Workload &w : m_workloads->workloads())
        (w.kind == u"StatefulSet"_s ? statefulSets : deployments)++;
    return tr("Live: namespace %1 on %2 · Deployments %3 · StatefulSets %4 · HPAs %5")
        .arg(m_ns, m_client->server().toString())
        .arg(deployments)
        .arg(statefulSets)
        .arg(m_hpas.size());
}

void ClusterView::updateStateLine()
{
    const QString text = stateText();
    m_stateLabel->setText(text);
    QStringList all;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        all << tr("%1: %2").arg(it.key(), it.value());
    m_stateLabel->setToolTip(all.isEmpty() ? text : all.join(u'\n'));
    m_stateLabel->setStyleSheet(m_errors.isEmpty()
                                    ? QString()
                                    : u"QLabel { color: %1; font-weight: bold; }"_s.arg(ui::errorTextColor(palette()).name()));
    Q_EMIT stateChanged();
}

// --- objects ----------------------------------------------------------------------------------

void ClusterView::onWorkload(const QJsonObject &object)
{
    auto parsed = kube::KubeTypes::parseWorkload(object);
    if (!parsed) {
        qCWarning(lcKube).noquote() << parsed.error().message;
        return;
    }
    const kube::Workload &w = parsed.value();
    const QString key = KubeWorkloadModel::keyOf(w);
    if (const kube::Workload *before = m_workloads->workload(key); before && before->specReplicas != w.specReplicas) {
        auto &events = m_observedScaleEvents[key];
        events.append({now(), w.specReplicas - before->specReplicas});
        const qint64 oldest = now() - ObservedMemoryMs;
        events.removeIf([oldest](const HpaScaleEvent &e) { return e.timestampMs < oldest; });
    }
    m_workloads->upsert(w);
    if (m_recorder)
        m_recorder->observeWorkload(w);
    if (key == m_selected) {
        updatePreview();
        updateScaleButton();
    }
    if (m_pendingSyncs == 0)
        updateStateLine();
}

void ClusterView::onWorkloadDeleted(const QJsonObject &object)
{
    auto parsed = kube::KubeTypes::parseWorkload(object);
    if (!parsed)
        return;
    const QString key = KubeWorkloadModel::keyOf(parsed.value());
    m_workloads->remove(key);
    if (m_recorder)
        m_recorder->forgetWorkload(parsed.value().kind, parsed.value().meta.ns, parsed.value().meta.name);
    if (key == m_selected) {
        m_selected.clear();
        updatePanels();
    }
    updateStateLine();
}

void ClusterView::onHpa(const QJsonObject &object)
{
    auto parsed = kube::KubeTypes::parseHpa(object);
    if (!parsed) {
        qCWarning(lcKube).noquote() << parsed.error().message;
        return;
    }
    const kube::Hpa &h = parsed.value();
    const QString key = hpaKey(h.meta.ns, h.meta.name);
    // What the controller recommended, as far as its status shows it: the preview's stand-in for
    // the controller's in-memory recommendations.
    auto &recs = m_observedRecommendations[key];
    if (recs.isEmpty() && h.lastScaleTime.isValid() && now() - h.lastScaleTime.toMSecsSinceEpoch() < 300'000)
        recs.append({h.lastScaleTime.toMSecsSinceEpoch(), h.desiredReplicas});
    recs.append({now(), h.desiredReplicas});
    const qint64 oldest = now() - ObservedMemoryMs;
    recs.removeIf([oldest](const HpaRecommendation &r) { return r.timestampMs < oldest; });

    m_hpas.insert(key, h);
    m_workloads->setHpas(m_hpas.values());
    if (m_recorder)
        m_recorder->observeHpa(h);
    if (!m_selected.isEmpty()
        && KubeWorkloadModel::keyOf(h.scaleTargetRef.kind, h.meta.ns, h.scaleTargetRef.name) == m_selected)
        updatePanels();
    if (m_kedaInstalled)
        refreshKedaTree();
    if (m_pendingSyncs == 0)
        updateStateLine();
}

void ClusterView::onHpaDeleted(const QJsonObject &object)
{
    const kube::ObjectMeta meta = kube::KubeTypes::parseMeta(object);
    m_hpas.remove(hpaKey(meta.ns, meta.name));
    m_workloads->setHpas(m_hpas.values());
    if (m_recorder)
        m_recorder->forgetWorkload(u"HorizontalPodAutoscaler"_s, meta.ns, meta.name);
    updatePanels();
    updateStateLine();
}

void ClusterView::onEvent(const QJsonObject &object)
{
    auto parsed = kube::KubeTypes::parseEvent(object);
    if (!parsed)
        return;
    const kube::KubeEvent &e = parsed.value();
    if (!kube::ScalingHistoryRecorder::isScalingEvent(e))
        return;
    m_events.insert(kube::KubeWatcher::keyOf(object), e);
    if (m_recorder)
        m_recorder->observeEvent(e);
    if (belongsToSelected(e.involvedObject.kind, e.involvedObject.name)) {
        const TimelineEvent t = kube::ScalingHistoryRecorder::timelineEvent(e, m_context);
        if (m_timeline->add(t) && wantsMarker(t))
            m_chart->addTimelineEvent(t);
    }
}

void ClusterView::onScaledObject(const QJsonObject &object, bool deleted)
{
    const kube::ObjectMeta meta = kube::KubeTypes::parseMeta(object);
    const QString key = hpaKey(meta.ns, meta.name);
    if (deleted) {
        m_scaledObjects.remove(key);
    } else {
        auto parsed = kube::KubeTypes::parseScaledObject(object);
        if (!parsed)
            return;
        m_scaledObjects.insert(key, parsed.value());
    }
    refreshKedaTree();
}

void ClusterView::refreshKedaTree()
{
    m_kedaTree->clear();
    const kube::Workload *selected = m_workloads->workload(m_selected);
    for (const kube::ScaledObject &so : std::as_const(m_scaledObjects)) {
        QStringList triggers;
        for (const kube::KedaTrigger &t : so.triggers) {
            QStringList meta;
            for (auto it = t.metadata.cbegin(); it != t.metadata.cend(); ++it)
                meta << u"%1=%2"_s.arg(it.key(), it.value());
            triggers << (meta.isEmpty() ? t.type : tr("%1 (%2)").arg(t.type, meta.join(u", "_s)));
        }
        QString paused = tr("no");
        const QString pausedReplicas = so.meta.annotations.value(u"autoscaling.keda.sh/paused-replicas"_s);
        if (!pausedReplicas.isEmpty())
            paused = tr("yes, at %1 replicas").arg(pausedReplicas);
        else if (so.meta.annotations.value(u"autoscaling.keda.sh/paused"_s) == u"true"_s)
            paused = tr("yes");
        const QString hpaName = so.hpaName.isEmpty() ? u"keda-hpa-"_s + so.meta.name : so.hpaName;
        const auto hpa = m_hpas.constFind(hpaKey(so.meta.ns, hpaName));
        const QString hpaText = hpa == m_hpas.constEnd()
            ? tr("%1 (not found)").arg(hpaName)
            : tr("%1 (desired %2)").arg(hpaName).arg(hpa->desiredReplicas);
        const QString bounds = tr("%1–%2").arg(so.minReplicaCount.value_or(0)).arg(so.maxReplicaCount.value_or(100));
        const QString target = KubeText::workloadText(so.scaleTargetRef.kind.isEmpty() ? u"Deployment"_s
                                                                                         : so.scaleTargetRef.kind,
                                                      so.scaleTargetRef.name);
        auto *item = new QTreeWidgetItem(m_kedaTree, {so.meta.name, target, bounds, triggers.join(u"; "_s), paused,
                                                      hpaText});
        for (int c = 0; c < item->columnCount(); ++c)
            item->setToolTip(c, item->text(c));
        if (selected && so.scaleTargetRef.name == selected->meta.name) {
            QFont f = item->font(0);
            f.setBold(true);
            for (int c = 0; c < item->columnCount(); ++c)
                item->setFont(c, f);
        }
    }
    for (int c = 0; c < m_kedaTree->columnCount() - 1; ++c)
        m_kedaTree->resizeColumnToContents(c);
    m_kedaHint->setText(m_scaledObjects.isEmpty()
                            ? tr("KEDA is installed, but namespace %1 has no ScaledObjects.").arg(m_ns)
                            : tr("KEDA ScaledObjects in %1. KEDA drives each one through the HPA named in the last "
                                 "column.").arg(m_ns));
}

// --- selection --------------------------------------------------------------------------------

bool ClusterView::selectWorkload(const QString &kind, const QString &name)
{
    const int row = m_workloads->rowOf(KubeWorkloadModel::keyOf(kind, m_ns, name));
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_workloads->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void ClusterView::onSelectionChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const QString key = current.isValid() ? current.data(KubeWorkloadModel::KeyRole).toString() : QString();
    if (key == m_selected)
        return;
    m_selected = key;
    updatePanels();
    rebuildChart();
    rebuildTimeline();
    checkAccess();
    if (m_kedaInstalled)
        refreshKedaTree();
    Q_EMIT selectionChanged(key);
}

std::optional<kube::Hpa> ClusterView::hpaForSelected() const
{
    if (m_selected.isEmpty())
        return std::nullopt;
    if (const kube::Hpa *h = m_workloads->hpaFor(m_selected))
        return *h;
    return std::nullopt;
}

bool ClusterView::wantsMarker(const TimelineEvent &e) const
{
    // One marker per scaling step: a Deployment's ScalingReplicaSet carries from → to, so the
    // HPA's SuccessfulRescale of the same step would only repeat it; pod-level events are noise
    // on this scale. Warnings always show.
    if (e.source == QLatin1String(kube::ScalingHistoryRecorder::OwnSource))
        return false;
    if (e.type == u"Warning"_s)
        return true;
    if (e.reason == u"ScalingReplicaSet"_s)
        return true;
    if (e.reason == u"SuccessfulRescale"_s) {
        const kube::Workload *w = m_workloads->workload(m_selected);
        return !w || w->kind != u"Deployment"_s;
    }
    return false;
}

bool ClusterView::hasMarkerAt(const TimelineEvent &e) const
{
    for (const ChartMarker &m : m_chart->markers()) {
        if (m.timestampMs == e.timestampMs)
            return true;
    }
    return false;
}

bool ClusterView::belongsToSelected(const QString &kind, const QString &name) const
{
    const kube::Workload *w = m_workloads->workload(m_selected);
    if (!w)
        return false;
    if (kind == w->kind && name == w->meta.name)
        return true;
    if (kind == u"ReplicaSet"_s && w->kind == u"Deployment"_s)
        return isReplicaSetOf(name, w->meta.name);
    if (kind == u"HorizontalPodAutoscaler"_s) {
        const auto it = m_hpas.constFind(hpaKey(m_ns, name));
        return it != m_hpas.constEnd() && it->scaleTargetRef.name == w->meta.name
            && (it->scaleTargetRef.kind.isEmpty() || it->scaleTargetRef.kind == w->kind);
    }
    if (kind == u"ScaledObject"_s) {
        const auto it = m_scaledObjects.constFind(hpaKey(m_ns, name));
        return it != m_scaledObjects.constEnd() && it->scaleTargetRef.name == w->meta.name;
    }
    return false;
}

void ClusterView::updatePanels()
{
    const kube::Workload *w = m_workloads->workload(m_selected);
    const std::optional<kube::Hpa> hpa = hpaForSelected();
    m_hpaPanel->setHpa(hpa, w ? KubeText::workloadText(w->kind, w->meta.name) : QString());
    fitDetailSplitter();
    updatePreview();
    m_linkButton->setEnabled(w != nullptr);
}

void ClusterView::fitDetailSplitter()
{
    // The HPA panel as tall as what it shows, the tabs below get the rest (until the operator
    // moves the handle).
    if (m_detailSizedByUser)
        return;
    const int total = m_detailSplitter->height();
    const int top = std::min(m_hpaPanel->sizeHint().height(), total / 2);
    if (total > 0)
        m_detailSplitter->setSizes({top, total - top});
}

void ClusterView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitDetailSplitter();
}

void ClusterView::updatePreview()
{
    const kube::Workload *w = m_workloads->workload(m_selected);
    const std::optional<kube::Hpa> hpa = hpaForSelected();
    if (!w) {
        m_preview->clear(tr("Select a workload with an HPA to preview its next scaling decision."));
        return;
    }
    if (!hpa) {
        m_preview->clear(tr("No HPA targets %1: its replicas change only when someone scales it.")
                             .arg(KubeText::workloadText(w->kind, w->meta.name)));
        return;
    }
    m_preview->setInputs(*hpa, *w, m_observedRecommendations.value(hpaKey(hpa->meta.ns, hpa->meta.name)),
                         m_observedScaleEvents.value(m_selected));
}

// --- timeline and chart -----------------------------------------------------------------------

void ClusterView::rebuildTimeline()
{
    m_timeline->clear();
    m_chart->clearMarkers();
    if (m_selected.isEmpty())
        return;
    QList<TimelineEvent> events;
    for (const kube::KubeEvent &e : std::as_const(m_events)) {
        if (belongsToSelected(e.involvedObject.kind, e.involvedObject.name))
            events << kube::ScalingHistoryRecorder::timelineEvent(e, m_context);
    }
    if (m_observedCheck->isChecked()) {
        for (const TimelineEvent &e : std::as_const(m_ownEvents)) {
            if (belongsToSelected(e.kind, e.name))
                events << e;
        }
    }
    m_timeline->addAll(events);
    for (const TimelineEvent &e : std::as_const(events)) {
        if (wantsMarker(e))
            m_chart->addTimelineEvent(e);
    }
    loadHistoryEvents();
}

void ClusterView::loadHistoryEvents()
{
    if (!m_history || !m_history->isOpen() || m_selected.isEmpty())
        return;
    const quint64 generation = m_generation;
    const QString selected = m_selected;
    const qint64 to = now() + 60'000;
    const qint64 from = now() - HistorySpanMs;
    HistoryStore::EventFilter filter;
    filter.cluster = m_context;
    filter.ns = m_ns;
    filter.limit = 0;
    m_history->queryEvents(from, to, filter, this,
                           [this, generation, selected](const Result<QList<TimelineEvent>> &r) {
                               if (generation != m_generation || selected != m_selected)
                                   return;
                               if (!r) {
                                   qCWarning(lcKube).noquote() << "scaling history:" << r.error().message;
                                   return;
                               }
                               const bool own = m_observedCheck->isChecked();
                               QList<TimelineEvent> mine;
                               for (const TimelineEvent &e : r.value()) {
                                   const bool ours = e.source == QLatin1String(kube::ScalingHistoryRecorder::OwnSource);
                                   if ((own || !ours) && belongsToSelected(e.kind, e.name))
                                       mine << e;
                               }
                               const int before = m_timeline->rowCount();
                               m_timeline->addAll(mine);
                               if (m_timeline->rowCount() != before) {
                                   for (const TimelineEvent &e : std::as_const(mine)) {
                                       if (wantsMarker(e) && !hasMarkerAt(e))
                                           m_chart->addTimelineEvent(e);
                                   }
                               }
                           });
}

void ClusterView::loadHistorySamples()
{
    if (!m_history || !m_history->isOpen())
        return;
    const qint64 to = now() + 60'000;
    const qint64 from = now() - HistorySpanMs;
    for (const MetricSeriesKey &key : std::as_const(m_chartKeys)) {
        m_history->querySamples(key, from, to, 4000, this, [this, key](const Result<QList<MetricPoint>> &r) {
            if (r && !r.value().isEmpty())
                m_series->insert(key, r.value());
        });
    }
}

void ClusterView::rebuildChart()
{
    for (const MetricSeriesKey &k : std::as_const(m_chartKeys))
        m_chart->removeSeries(k);
    m_chartKeys.clear();
    const kube::Workload *w = m_workloads->workload(m_selected);
    if (!w) {
        m_chart->setTitle(tr("Scaling"));
        m_chartHint->setText(tr("Select a workload to see its replicas and scaling events over time."));
        return;
    }
    m_chart->setTitle(tr("%1: replicas and scaling events").arg(KubeText::workloadText(w->kind, w->meta.name)));

    // Queue depth first (left axis), replicas as steps on the secondary axis.
    QStringList linked;
    QStringList missing;
    for (const WorkloadLink &l : m_links.forWorkload(m_context, m_ns, w->meta.name)) {
        const std::optional<MetricSeriesKey> key = WorkloadLinks::resolve(l.seriesKey, m_series->keys());
        if (!key) {
            missing << l.seriesKey;
            continue;
        }
        ChartSeriesSpec spec;
        spec.key = *key;
        const QString queue = key->labels.value(u"queue"_s);
        spec.name = queue.isEmpty() ? key->name : tr("Depth of %1").arg(queue);
        spec.role = ChartSeriesSpec::Role::Depth;
        spec.axis = QueueDepthChart::LeftAxis;
        m_chart->addSeries(spec);
        m_chartKeys << *key;
        linked << l.seriesKey;
    }
    const auto addReplicas = [this](const MetricSeriesKey &key, const QString &name, const QColor &color,
                                    Qt::PenStyle style, qreal width) {
        ChartSeriesSpec spec;
        spec.key = key;
        spec.name = name;
        spec.role = ChartSeriesSpec::Role::Replicas;
        spec.axis = m_replicaAxis;
        spec.color = color;
        spec.step = true;
        m_chart->addSeries(spec);
        if (QLineSeries *line = m_chart->lineSeries(key)) {
            QPen pen = line->pen();
            pen.setStyle(style);
            pen.setWidthF(width);
            line->setPen(pen);
        }
        m_chartKeys << key;
    };
    // Drawn in this order: the HPA's wish (dashed) under the spec, which it usually equals, and
    // the ready count, which lags both.
    if (const std::optional<kube::Hpa> hpa = hpaForSelected()) {
        addReplicas(kube::ScalingHistoryRecorder::hpaDesiredKey(m_context, hpa->meta.ns, hpa->meta.name),
                    tr("HPA desired"), QColor(0xef, 0x6c, 0x00), Qt::DashLine, 2.0);
    }
    addReplicas(kube::ScalingHistoryRecorder::readyReplicasKey(m_context, w->kind, w->meta.ns, w->meta.name),
                tr("Ready replicas"), QColor(0x2e, 0x7d, 0x32), Qt::SolidLine, 2.0);
    addReplicas(kube::ScalingHistoryRecorder::specReplicasKey(m_context, w->kind, w->meta.ns, w->meta.name),
                tr("Desired replicas"), QColor(0x8e, 0x24, 0xaa), Qt::SolidLine, 2.0);
    if (!missing.isEmpty()) {
        m_chartHint->setText(tr("Linked series not collected yet: %1. Add the metric source that reports it.")
                                 .arg(missing.join(u", "_s)));
    } else if (linked.isEmpty()) {
        m_chartHint->setText(tr("Link the queue this workload drains (Link a queue…) to see its depth on the same "
                                "time axis."));
    } else {
        m_chartHint->setText(tr("Drains %1.").arg(linked.join(u", "_s)));
    }
    loadHistorySamples();
    m_chart->refresh();
}

void ClusterView::heartbeat()
{
    // Replica counts are steps: repeat the current value so the line reaches the present.
    const qint64 t = now();
    for (const kube::Workload &w : m_workloads->workloads()) {
        m_series->append(MetricSample{
            kube::ScalingHistoryRecorder::specReplicasKey(m_context, w.kind, w.meta.ns, w.meta.name),
            {t, double(w.specReplicas)}});
        m_series->append(MetricSample{
            kube::ScalingHistoryRecorder::readyReplicasKey(m_context, w.kind, w.meta.ns, w.meta.name),
            {t, double(w.readyReplicas)}});
    }
    for (const kube::Hpa &h : std::as_const(m_hpas))
        m_series->append(MetricSample{kube::ScalingHistoryRecorder::hpaDesiredKey(m_context, h.meta.ns, h.meta.name),
                                      {t, double(h.desiredReplicas)}});
    // A linked series that appeared since the selection (a metric source started reporting).
    if (const kube::Workload *w = m_workloads->workload(m_selected)) {
        for (const WorkloadLink &l : m_links.forWorkload(m_context, m_ns, w->meta.name)) {
            const auto key = WorkloadLinks::resolve(l.seriesKey, m_series->keys());
            if (key && !m_chart->hasSeries(*key)) {
                rebuildChart();
                break;
            }
        }
    }
    updatePreview();
}

// --- links ------------------------------------------------------------------------------------

void ClusterView::setWorkloadLinks(const WorkloadLinks &links)
{
    if (links == m_links)
        return;
    m_links = links;
    rebuildChart();
    Q_EMIT workloadLinksChanged();
}

void ClusterView::linkSeries(const QString &seriesKey, const QString &workloadName)
{
    WorkloadLinks links = m_links;
    links.set(WorkloadLink{seriesKey, m_context, m_context, m_ns, workloadName});
    setWorkloadLinks(links);
}

void ClusterView::showLinkDialog()
{
    QStringList keys;
    for (const MetricSeriesKey &k : m_series->keys()) {
        if (k.source.startsWith(kube::ScalingHistoryRecorder::seriesSource({})))
            continue; // our own replica counts
        keys << WorkloadLinks::keyText(k);
    }
    keys.removeDuplicates();
    keys.sort();
    QStringList workloads;
    for (const kube::Workload &w : m_workloads->workloads())
        workloads << w.meta.name;
    workloads.removeDuplicates();
    workloads.sort();
    auto *dialog = new WorkloadLinkDialog(keys, workloads, m_ns, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const kube::Workload *w = m_workloads->workload(m_selected)) {
        dialog->setWorkload(w->meta.name);
        const QList<WorkloadLink> existing = m_links.forWorkload(m_context, m_ns, w->meta.name);
        if (!existing.isEmpty())
            dialog->setSeriesKey(existing.constFirst().seriesKey);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] { linkSeries(dialog->seriesKey(), dialog->workload()); });
    dialog->open();
}

// --- scaling ----------------------------------------------------------------------------------

void ClusterView::checkAccess()
{
    updateScaleButton();
    const kube::Workload *w = m_workloads->workload(m_selected);
    if (!w || !m_client || m_access.value(m_selected).known)
        return;
    const QString key = m_selected;
    const QString resource = ScaleDialog::resourceFor(w->kind);
    m_client->canScale(resource, w->meta.ns, w->meta.name, this,
                       [this, key, resource, name = w->meta.name, ns = w->meta.ns](const Result<kube::AccessReview> &r) {
                           Access a;
                           a.known = true;
                           if (!r) {
                               a.reason = tr("Cannot check whether you may scale %1: %2").arg(name, r.error().message);
                           } else if (!r.value().allowed) {
                               const QString why = !r.value().reason.isEmpty() ? r.value().reason
                                   : !r.value().evaluationError.isEmpty()     ? r.value().evaluationError
                                                                              : tr("no RBAC rule allows it");
                               a.reason = tr("You may not scale %1: patch on %2/scale in namespace %3 is not "
                                             "allowed (%4).")
                                              .arg(name, resource, ns, why);
                           } else {
                               a.allowed = true;
                           }
                           m_access.insert(key, a);
                           if (key == m_selected)
                               updateScaleButton();
                       });
}

void ClusterView::updateScaleButton()
{
    const kube::Workload *w = m_workloads->workload(m_selected);
    const Access a = m_access.value(m_selected);
    if (!w) {
        m_scaleButton->setEnabled(false);
        m_scaleButton->setToolTip(tr("Select a Deployment or StatefulSet to scale"));
        m_scaleReason->hide();
        return;
    }
    if (!a.known) {
        m_scaleButton->setEnabled(false);
        m_scaleButton->setToolTip(tr("Checking whether you may scale %1…").arg(w->meta.name));
        m_scaleReason->hide();
        return;
    }
    m_scaleButton->setEnabled(a.allowed);
    if (a.allowed) {
        m_scaleButton->setToolTip(tr("Scale %1 (with a dry run first)").arg(w->meta.name));
        m_scaleReason->hide();
    } else {
        m_scaleButton->setToolTip(a.reason);
        m_scaleReason->setText(a.reason);
        m_scaleReason->setStyleSheet(u"QLabel { color: %1; }"_s.arg(ui::errorTextColor(palette()).name()));
        m_scaleReason->show();
    }
}

ScaleDialog *ClusterView::openScaleDialog()
{
    const kube::Workload *w = m_workloads->workload(m_selected);
    if (!w || !m_client)
        return nullptr;
    ScaleDialog::Target target{w->kind, w->meta.ns, w->meta.name, w->specReplicas, hpaForSelected()};
    auto *dialog = new ScaleDialog(m_client, target, auditLogPath(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void ClusterView::showAuditLog()
{
    auto *dialog = new AuditLogDialog(auditLogPath(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// --- workspace --------------------------------------------------------------------------------

QJsonObject ClusterView::toJson() const
{
    QJsonObject o{{u"kubeconfig"_s, m_kubeconfigPath},
                  {u"context"_s, m_context},
                  {u"namespace"_s, m_ns},
                  {u"links"_s, m_links.toJson()}};
    if (const kube::Workload *w = m_workloads->workload(m_selected))
        o.insert(u"selected"_s, QJsonObject{{u"kind"_s, w->kind}, {u"name"_s, w->meta.name}});
    return o;
}

Result<void> ClusterView::fromJson(const QJsonObject &json)
{
    setWorkloadLinks(WorkloadLinks::fromJson(json.value(u"links"_s).toObject()));
    if (auto r = open(json.value(u"kubeconfig"_s).toString(), json.value(u"context"_s).toString()); !r)
        return r;
    switchNamespace(json.value(u"namespace"_s).toString());
    const QJsonObject selected = json.value(u"selected"_s).toObject();
    if (!selected.isEmpty()) {
        const QString kind = selected.value(u"kind"_s).toString();
        const QString name = selected.value(u"name"_s).toString();
        // The rows arrive with the first list.
        connect(this, &ClusterView::synced, this, [this, kind, name] { selectWorkload(kind, name); },
                Qt::SingleShotConnection);
    }
    return {};
}

} // namespace tideline
