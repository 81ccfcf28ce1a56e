// ClusterView against the fake Kubernetes API server: the workload table fills and follows the
// server live, the HPA panel (all five metric types, conditions), the scaling timeline, the
// preview with its what-if slider, the state line for 401/403/refused/TLS, the insecure badge,
// KEDA, RBAC on the Scale button, the history that outlives the server's events, workload
// links, the main window's "Add a cluster" path, and the screenshots of a surge.
#include "AuditLogDialog.h"
#include "ClusterView.h"
#include "FakeKubeApiServer.h"
#include "HpaPanel.h"
#include "HpaPreviewPanel.h"
#include "KubeWorkloadModel.h"
#include "MainWindow.h"
#include "QueueDepthChart.h"
#include "ScaleDialog.h"
#include "ScalingTimelineModel.h"
#include "TestServers.h"
#include "WorkloadLinks.h"
#include "WorkspaceController.h"
#include "core/HistoryStore.h"
#include "kube/AuditLog.h"
#include "kube/KubeClient.h"
#include "kube/ScalingHistoryRecorder.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <cmath>

using namespace tideline;
using namespace tideline::kube;
using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

QString shotDir()
{
    const QString fromEnv = qEnvironmentVariable("TIDELINE_SCREENSHOT_DIR");
    const QString dir = fromEnv.isEmpty() ? QDir::temp().filePath(u"tideline-ui-tests"_s) : fromEnv;
    QDir().mkpath(dir);
    return dir;
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QJsonObject condition(const QString &type, const QString &status, const QString &reason, const QString &message)
{
    return {{u"type"_s, type}, {u"status"_s, status}, {u"reason"_s, reason}, {u"message"_s, message},
            {u"lastTransitionTime"_s, iso(QDateTime::currentMSecsSinceEpoch() - 60'000)}};
}

QJsonObject eventAt(const QString &name, const QString &kind, const QString &object, const QString &reason,
                    const QString &message, qint64 ms, const QString &type = u"Normal"_s)
{
    QJsonObject e = FakeKubeApiServer::event(name, kind, object, reason, message, type, u"shop"_s);
    e.insert(u"firstTimestamp"_s, iso(ms));
    e.insert(u"lastTimestamp"_s, iso(ms));
    return e;
}

void setStatus(QJsonObject &o, const QString &field, const QJsonValue &value)
{
    QJsonObject st = o.value(u"status"_s).toObject();
    st.insert(field, value);
    o.insert(u"status"_s, st);
}

// An HPA on `target` with one metric of each of the five source types.
QJsonObject fiveMetricHpa(const QString &name, const QString &target)
{
    const QJsonObject ingress{{u"apiVersion"_s, u"networking.k8s.io/v1"_s}, {u"kind"_s, u"Ingress"_s},
                              {u"name"_s, u"main"_s}};
    const QJsonObject ordersSelector{{u"matchLabels"_s, QJsonObject{{u"queue"_s, u"orders"_s}}}};
    const QJsonArray metrics{
        QJsonObject{{u"type"_s, u"Resource"_s},
                    {u"resource"_s, QJsonObject{{u"name"_s, u"cpu"_s},
                                                {u"target"_s, QJsonObject{{u"type"_s, u"Utilization"_s},
                                                                          {u"averageUtilization"_s, 70}}}}}},
        QJsonObject{{u"type"_s, u"ContainerResource"_s},
                    {u"containerResource"_s,
                     QJsonObject{{u"name"_s, u"memory"_s}, {u"container"_s, u"app"_s},
                                 {u"target"_s, QJsonObject{{u"type"_s, u"AverageValue"_s}, {u"averageValue"_s, u"200Mi"_s}}}}}},
        QJsonObject{{u"type"_s, u"Pods"_s},
                    {u"pods"_s, QJsonObject{{u"metric"_s, QJsonObject{{u"name"_s, u"messages"_s}}},
                                            {u"target"_s, QJsonObject{{u"type"_s, u"AverageValue"_s},
                                                                      {u"averageValue"_s, u"10"_s}}}}}},
        QJsonObject{{u"type"_s, u"Object"_s},
                    {u"object"_s, QJsonObject{{u"metric"_s, QJsonObject{{u"name"_s, u"requests-per-second"_s}}},
                                              {u"describedObject"_s, ingress},
                                              {u"target"_s, QJsonObject{{u"type"_s, u"Value"_s}, {u"value"_s, u"100"_s}}}}}},
        QJsonObject{{u"type"_s, u"External"_s},
                    {u"external"_s,
                     QJsonObject{{u"metric"_s, QJsonObject{{u"name"_s, u"queue_messages_ready"_s}, {u"selector"_s, ordersSelector}}},
                                 {u"target"_s, QJsonObject{{u"type"_s, u"AverageValue"_s}, {u"averageValue"_s, u"30"_s}}}}}}};
    const QJsonArray current{
        QJsonObject{{u"type"_s, u"Resource"_s},
                    {u"resource"_s, QJsonObject{{u"name"_s, u"cpu"_s},
                                                {u"current"_s, QJsonObject{{u"averageUtilization"_s, 85},
                                                                           {u"averageValue"_s, u"425m"_s}}}}}},
        QJsonObject{{u"type"_s, u"ContainerResource"_s},
                    {u"containerResource"_s, QJsonObject{{u"name"_s, u"memory"_s}, {u"container"_s, u"app"_s},
                                                         {u"current"_s, QJsonObject{{u"averageValue"_s, u"150Mi"_s}}}}}},
        QJsonObject{{u"type"_s, u"Pods"_s},
                    {u"pods"_s, QJsonObject{{u"metric"_s, QJsonObject{{u"name"_s, u"messages"_s}}},
                                            {u"current"_s, QJsonObject{{u"averageValue"_s, u"12"_s}}}}}},
        QJsonObject{{u"type"_s, u"Object"_s},
                    {u"object"_s, QJsonObject{{u"metric"_s, QJsonObject{{u"name"_s, u"requests-per-second"_s}}},
                                              {u"describedObject"_s, ingress},
                                              {u"current"_s, QJsonObject{{u"value"_s, u"80"_s}}}}}},
        QJsonObject{{u"type"_s, u"External"_s},
                    {u"external"_s, QJsonObject{{u"metric"_s, QJsonObject{{u"name"_s, u"queue_messages_ready"_s},
                                                                           {u"selector"_s, ordersSelector}}},
                                                {u"current"_s, QJsonObject{{u"averageValue"_s, u"45"_s}}}}}}};
    return QJsonObject{
        {u"kind"_s, u"HorizontalPodAutoscaler"_s}, {u"apiVersion"_s, u"autoscaling/v2"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, u"shop"_s}}},
        {u"spec"_s, QJsonObject{{u"scaleTargetRef"_s, QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                                                                 {u"kind"_s, u"Deployment"_s},
                                                                 {u"name"_s, target}}},
                                {u"minReplicas"_s, 1},
                                {u"maxReplicas"_s, 5},
                                {u"metrics"_s, metrics}}},
        {u"status"_s, QJsonObject{{u"currentReplicas"_s, 1}, {u"desiredReplicas"_s, 1}, {u"currentMetrics"_s, current}}}};
}

QStringList column(const QAbstractItemModel *model, int col)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, col).data().toString();
    return out;
}

QStringList tableColumn(const QTableWidget *t, int col)
{
    QStringList out;
    for (int r = 0; r < t->rowCount(); ++r)
        out << (t->item(r, col) ? t->item(r, col)->text() : QString());
    return out;
}

} // namespace

class TestClusterView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeKubeApiServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_config;

    // A kubeconfig of our own (other names, other flags than writeKubeconfig()).
    QString writeConfig(const QString &file, const QString &context, const QString &server,
                        const QStringList &clusterLines, const QStringList &userLines, const QString &ns = u"shop"_s)
    {
        QStringList lines{u"apiVersion: v1"_s, u"kind: Config"_s, u"clusters:"_s, u"- name: %1"_s.arg(context),
                          u"  cluster:"_s, u"    server: %1"_s.arg(server)};
        for (const QString &l : clusterLines)
            lines << u"    "_s + l;
        lines << u"contexts:"_s << u"- name: %1"_s.arg(context) << u"  context:"_s << u"    cluster: %1"_s.arg(context)
              << u"    user: ops"_s << u"    namespace: %1"_s.arg(ns) << u"current-context: %1"_s.arg(context)
              << u"users:"_s << u"- name: ops"_s << u"  user:"_s;
        for (const QString &l : userLines)
            lines << u"    "_s + l;
        const QString path = m_dir->filePath(file);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(lines.join(u'\n').toUtf8() + '\n');
        return path;
    }

    void seedBasics()
    {
        m_server->seed(FakeKubeApiServer::deployment(u"worker"_s, 4, 4, u"shop"_s));
        m_server->seed(FakeKubeApiServer::deployment(u"api"_s, 1, 1, u"shop"_s));
        m_server->seed(FakeKubeApiServer::statefulSet(u"db"_s, 3, 3, u"shop"_s));
        QJsonObject hpa = FakeKubeApiServer::hpa(u"worker"_s, u"worker"_s, 2, 10, u"messages"_s, 10, 4, 40, u"shop"_s);
        setStatus(hpa, u"conditions"_s,
                  QJsonArray{condition(u"AbleToScale"_s, u"True"_s, u"ReadyForNewScale"_s,
                                       u"recommended size matches current size"_s),
                             condition(u"ScalingActive"_s, u"True"_s, u"ValidMetricFound"_s,
                                       u"the HPA was able to successfully calculate a replica count from pods metric messages"_s),
                             condition(u"ScalingLimited"_s, u"False"_s, u"DesiredWithinRange"_s,
                                       u"the desired count is within the acceptable range"_s)});
        m_server->seed(hpa);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_server->seed(eventAt(u"worker.1"_s, u"Deployment"_s, u"worker"_s, u"ScalingReplicaSet"_s,
                               u"Scaled up replica set worker-6d5f8b9c7 to 4 from 2"_s, now - 120'000));
        m_server->seed(eventAt(u"worker-hpa.1"_s, u"HorizontalPodAutoscaler"_s, u"worker"_s, u"SuccessfulRescale"_s,
                               u"New size: 4; reason: pods metric messages above target"_s, now - 125'000));
        m_server->seed(eventAt(u"worker-rs.1"_s, u"ReplicaSet"_s, u"worker-6d5f8b9c7"_s, u"SuccessfulCreate"_s,
                               u"Created pod: worker-6d5f8b9c7-x2k9p"_s, now - 118'000));
        // Not worker's: another deployment, and a ReplicaSet of a deployment named "worker-x".
        m_server->seed(eventAt(u"api.1"_s, u"Deployment"_s, u"api"_s, u"ScalingReplicaSet"_s,
                               u"Scaled up replica set api-7c9d to 1"_s, now - 100'000));
        m_server->seed(eventAt(u"other.1"_s, u"ReplicaSet"_s, u"worker-x-5f6d"_s, u"SuccessfulCreate"_s,
                               u"Created pod: worker-x-5f6d-abcde"_s, now - 90'000));
    }

    std::unique_ptr<ClusterView> openView(const QString &config, HistoryStore *history = nullptr,
                                          TimeSeriesStore *series = nullptr)
    {
        auto view = std::make_unique<ClusterView>(series);
        view->setAuditLogPath(m_dir->filePath(u"audit.jsonl"_s));
        view->setHistoryStore(history);
        view->resize(1400, 800);
        const auto r = view->open(config);
        if (!r) {
            qWarning("open: %s", qPrintable(r.error().message));
            return nullptr;
        }
        view->show();
        return view;
    }

    static bool waitSynced(ClusterView *view)
    {
        return QTest::qWaitFor([view] { return view->workloadModel()->rowCount() >= 3 && view->hpas().size() >= 1; },
                               10000);
    }

    static QString cell(ClusterView *view, const QString &kind, const QString &name, int col)
    {
        const int row = view->workloadModel()->rowOf(KubeWorkloadModel::keyOf(kind, u"shop"_s, name));
        return row < 0 ? QString() : view->workloadModel()->index(row, col).data().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<FakeKubeApiServer>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_server->addToken(u"admin-token"_s, u"alice"_s);
        m_server->allowAll(u"alice"_s);
        m_server->setBookmarkIntervalMs(300);
        m_config = m_server->writeKubeconfig(u"config.yaml"_s, {u"token: admin-token"_s}, u"shop"_s);
        seedBasics();
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void tableFillsAndUpdatesLive()
    {
        auto view = openView(m_config);
        QVERIFY(view);
        QAbstractItemModelTester tester(view->workloadModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitSynced(view.get()));
        QTRY_VERIFY_WITH_TIMEOUT(view->stateLabel()->text().startsWith(u"Live:"_s), 10000);
        QVERIFY2(view->stateLabel()->text().contains(u"Deployments 2 · StatefulSets 1 · HPAs 1"_s),
                 qPrintable(view->stateLabel()->text()));
        QCOMPARE(cell(view.get(), u"Deployment"_s, u"worker"_s, KubeWorkloadModel::Desired), u"4"_s);
        QCOMPARE(cell(view.get(), u"Deployment"_s, u"worker"_s, KubeWorkloadModel::Ready), u"4/4"_s);
        QCOMPARE(cell(view.get(), u"StatefulSet"_s, u"db"_s, KubeWorkloadModel::Kind), u"sts"_s);
        QCOMPARE(cell(view.get(), u"Deployment"_s, u"worker"_s, KubeWorkloadModel::Kind), u"deploy"_s);
        QCOMPARE(cell(view.get(), u"Deployment"_s, u"worker"_s, KubeWorkloadModel::Autoscaler), u"worker (2–10)"_s);
        QCOMPARE(cell(view.get(), u"Deployment"_s, u"api"_s, KubeWorkloadModel::Autoscaler), u"—"_s);
        QCOMPARE(view->contextCombo()->currentText(), u"fake"_s);
        QCOMPARE(view->namespaceCombo()->currentText(), u"shop"_s);
        QVERIFY(view->insecureBadge()->isHidden());

        // The server changes the object as a controller would: the row follows without a reload.
        QVERIFY(m_server->mutate(u"deployments"_s, u"shop"_s, u"worker"_s, [](QJsonObject &o) {
            QJsonObject spec = o.value(u"spec"_s).toObject();
            spec.insert(u"replicas"_s, 7);
            o.insert(u"spec"_s, spec);
            setStatus(o, u"readyReplicas"_s, 5);
            setStatus(o, u"updatedReplicas"_s, 6);
            setStatus(o, u"availableReplicas"_s, 5);
        }));
        QTRY_COMPARE_WITH_TIMEOUT(cell(view.get(), u"Deployment"_s, u"worker"_s, KubeWorkloadModel::Desired), u"7"_s, 10000);
        QCOMPARE(cell(view.get(), u"Deployment"_s, u"worker"_s, KubeWorkloadModel::Ready), u"5/7"_s);
        QCOMPARE(cell(view.get(), u"Deployment"_s, u"worker"_s, KubeWorkloadModel::Updated), u"6"_s);
        QCOMPARE(cell(view.get(), u"Deployment"_s, u"worker"_s, KubeWorkloadModel::Available), u"5"_s);

        // A new workload appears, a removed one goes.
        m_server->seed(FakeKubeApiServer::deployment(u"mailer"_s, 1, 0, u"shop"_s));
        QTRY_COMPARE_WITH_TIMEOUT(view->workloadModel()->rowCount(), 4, 10000);
        QVERIFY(m_server->remove(u"deployments"_s, u"shop"_s, u"api"_s));
        QTRY_COMPARE_WITH_TIMEOUT(view->workloadModel()->rowCount(), 3, 10000);
        QCOMPARE(view->workloadModel()->rowOf(KubeWorkloadModel::keyOf(u"Deployment"_s, u"shop"_s, u"api"_s)), -1);
        // Live through the watch, not by listing again.
        int relists = 0;
        for (const auto &r : m_server->requests()) {
            if (r.method == "GET" && r.path.endsWith(u"/deployments"_s) && !r.query.contains(u"watch"_s))
                ++relists;
        }
        if (relists != 1) {
            for (const auto &r : m_server->requests())
                qInfo() << r.method << r.path << r.query << r.status;
        }
        QCOMPARE(relists, 1);
    }

    void hpaPanelShowsMetricsAndConditions()
    {
        m_server->seed(fiveMetricHpa(u"api"_s, u"api"_s));
        auto view = openView(m_config);
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->hpas().size() == 2 && view->workloadModel()->rowCount() == 3, 10000);
        QVERIFY(view->selectWorkload(u"Deployment"_s, u"worker"_s));
        HpaPanel *panel = view->hpaPanel();
        QTRY_VERIFY(panel->hpa().has_value());
        QCOMPARE(tableColumn(panel->conditionsTable(), 0),
                 (QStringList{u"AbleToScale"_s, u"ScalingActive"_s, u"ScalingLimited"_s}));
        QCOMPARE(tableColumn(panel->conditionsTable(), 1), (QStringList{u"True"_s, u"True"_s, u"False"_s}));
        QCOMPARE(tableColumn(panel->conditionsTable(), 2),
                 (QStringList{u"ReadyForNewScale"_s, u"ValidMetricFound"_s, u"DesiredWithinRange"_s}));
        QVERIFY(tableColumn(panel->conditionsTable(), 3).at(1).contains(u"pods metric messages"_s));
        QCOMPARE(tableColumn(panel->metricsTable(), 0), QStringList{u"messages (pods)"_s});
        QCOMPARE(tableColumn(panel->metricsTable(), 1), QStringList{u"40 avg"_s});
        QCOMPARE(tableColumn(panel->metricsTable(), 2), QStringList{u"10 per pod"_s});
        QCOMPARE(tableColumn(panel->metricsTable(), 3), QStringList{u"4.00×"_s});
        QVERIFY2(panel->summaryLabel()->text().contains(u"min 2, max 10"_s), qPrintable(panel->summaryLabel()->text()));
        QVERIFY2(panel->behaviorLabel()->text().contains(u"300 s"_s), qPrintable(panel->behaviorLabel()->text()));

        // All five metric source types, each current against its target.
        QVERIFY(view->selectWorkload(u"Deployment"_s, u"api"_s));
        QTRY_COMPARE(panel->hpa()->meta.name, u"api"_s);
        QCOMPARE(tableColumn(panel->metricsTable(), 0),
                 (QStringList{u"cpu (resource)"_s, u"memory of container app"_s, u"messages (pods)"_s,
                              u"requests-per-second (object)"_s, u"queue_messages_ready (external)"_s}));
        QCOMPARE(tableColumn(panel->metricsTable(), 1),
                 (QStringList{u"85 %"_s, u"150Mi avg"_s, u"12 avg"_s, u"80"_s, u"45 avg"_s}));
        QCOMPARE(tableColumn(panel->metricsTable(), 2),
                 (QStringList{u"70 % of request"_s, u"200Mi per pod"_s, u"10 per pod"_s, u"100 total"_s,
                              u"30 per pod (average)"_s}));
        QCOMPARE(tableColumn(panel->metricsTable(), 3),
                 (QStringList{u"1.21×"_s, u"0.75×"_s, u"1.20×"_s, u"0.80×"_s, u"1.50×"_s}));

        // A workload without an HPA says so.
        QVERIFY(view->selectWorkload(u"StatefulSet"_s, u"db"_s));
        QTRY_VERIFY(!panel->hpa().has_value());
        QVERIFY2(panel->emptyLabel()->text().contains(u"No HorizontalPodAutoscaler targets StatefulSet db"_s),
                 qPrintable(panel->emptyLabel()->text()));

        // Conditions follow the server live.
        QVERIFY(view->selectWorkload(u"Deployment"_s, u"worker"_s));
        QVERIFY(m_server->mutate(u"horizontalpodautoscalers"_s, u"shop"_s, u"worker"_s, [](QJsonObject &o) {
            setStatus(o, u"conditions"_s,
                      QJsonArray{condition(u"AbleToScale"_s, u"True"_s, u"SucceededRescale"_s,
                                           u"the HPA controller was able to update the target scale to 10"_s),
                                 condition(u"ScalingActive"_s, u"False"_s, u"FailedGetPodsMetric"_s,
                                           u"the HPA was unable to compute the replica count: unable to get metric messages"_s),
                                 condition(u"ScalingLimited"_s, u"True"_s, u"TooManyReplicas"_s,
                                           u"the desired replica count is more than the maximum replica count"_s)});
        }));
        QTRY_COMPARE_WITH_TIMEOUT(tableColumn(panel->conditionsTable(), 2),
                                  (QStringList{u"SucceededRescale"_s, u"FailedGetPodsMetric"_s, u"TooManyReplicas"_s}),
                                  10000);
        QVERIFY(tableColumn(panel->conditionsTable(), 3).at(2).contains(u"more than the maximum"_s));
    }

    void timelineShowsEvents()
    {
        auto view = openView(m_config);
        QVERIFY(view);
        QAbstractItemModelTester tester(view->timelineModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitSynced(view.get()));
        QVERIFY(view->selectWorkload(u"Deployment"_s, u"worker"_s));
        ScalingTimelineModel *timeline = view->timelineModel();
        QTRY_COMPARE_WITH_TIMEOUT(timeline->rowCount(), 3, 10000);
        // Newest first: the ReplicaSet's pod, the deployment's scale-up, the HPA's rescale.
        QCOMPARE(column(timeline, ScalingTimelineModel::Reason),
                 (QStringList{u"SuccessfulCreate"_s, u"ScalingReplicaSet"_s, u"SuccessfulRescale"_s}));
        QCOMPARE(column(timeline, ScalingTimelineModel::Object),
                 (QStringList{u"ReplicaSet worker-6d5f8b9c7"_s, u"Deployment worker"_s, u"HPA worker"_s}));
        QCOMPARE(timeline->eventAt(1).fromReplicas, std::optional<int>(2));
        QCOMPARE(timeline->eventAt(1).toReplicas, std::optional<int>(4));
        QCOMPARE(timeline->eventAt(2).toReplicas, std::optional<int>(4));
        QVERIFY(!column(timeline, ScalingTimelineModel::Time).at(0).isEmpty());
        QVERIFY(column(timeline, ScalingTimelineModel::Message).at(2).startsWith(u"New size: 4"_s));
        // The chart marks the scaling step on its time axis (once: the HPA's rescale of the same
        // step and the pod events are not repeated there).
        QTRY_COMPARE(view->chart()->markers().size(), 1);
        QCOMPARE(view->chart()->markers().at(0).label, u"worker 2→4"_s);

        // A new event arrives through the watch and goes to the top.
        m_server->seed(eventAt(u"worker-hpa.2"_s, u"HorizontalPodAutoscaler"_s, u"worker"_s, u"FailedGetPodsMetric"_s,
                               u"unable to get metric messages: no metrics returned from custom metrics API"_s,
                               QDateTime::currentMSecsSinceEpoch(), u"Warning"_s));
        QTRY_COMPARE_WITH_TIMEOUT(timeline->rowCount(), 4, 10000);
        QCOMPARE(timeline->eventAt(0).reason, u"FailedGetPodsMetric"_s);
        QCOMPARE(timeline->eventAt(0).type, u"Warning"_s);
        QCOMPARE(view->chart()->markers().size(), 2);

        // The other deployment has its own timeline.
        QVERIFY(view->selectWorkload(u"Deployment"_s, u"api"_s));
        QTRY_COMPARE(timeline->rowCount(), 1);
        QCOMPARE(timeline->eventAt(0).name, u"api"_s);
    }

    void previewAndWhatIf()
    {
        auto view = openView(m_config);
        QVERIFY(view);
        QVERIFY(waitSynced(view.get()));
        QVERIFY(view->selectWorkload(u"Deployment"_s, u"worker"_s));
        HpaPreviewPanel *preview = view->previewPanel();
        QTRY_VERIFY(preview->hasInputs());
        // 4 pods at 40 messages each against 10: 16 wanted, at most double per sync (8), then the
        // max of 10.
        QCOMPARE(preview->currentLabel()->text(), u"4"_s);
        QCOMPARE(preview->nextLabel()->text(), u"8"_s);
        QCOMPARE(preview->eventualLabel()->text(), u"10"_s);
        QCOMPARE(preview->decision().nextReplicas, 8);
        const QString reasons = preview->reasonsLabel()->text();
        QVERIFY2(reasons.contains(u"scale-up limit"_s), qPrintable(reasons));
        QVERIFY2(preview->eventualLabel()->parentWidget()->findChild<QLabel *>(u"previewEventualDetail"_s)
                     ->text().startsWith(u"by "_s),
                 "the eventual count says when");
        // The trajectory is drawn: 4 now, 8, then 10.
        QVERIFY(preview->trajectorySeries()->count() >= 4);
        QCOMPARE(preview->trajectorySeries()->at(0).y(), 4.0);
        QCOMPARE(preview->trajectorySeries()->points().constLast().y(), 10.0);

        // What if the queue held 10 per pod: right on target, no change.
        QSlider *slider = preview->whatIfSlider();
        QCOMPARE(preview->sliderValue(slider->value()), 40.0);
        slider->setValue(int(std::lround(10.0 / preview->sliderValue(HpaPreviewPanel::SliderSteps)
                                         * HpaPreviewPanel::SliderSteps)));
        QCOMPARE(*preview->whatIfValue(), 10.0);
        QCOMPARE(preview->nextLabel()->text(), u"4"_s);
        QCOMPARE(preview->eventualLabel()->text(), u"4"_s);
        QVERIFY2(preview->whatIfLabel()->text().contains(u"If messages (pods) read 10 avg"_s),
                 qPrintable(preview->whatIfLabel()->text()));

        // Far below target: the scale-down waits for the stabilization window, then min 2.
        slider->setValue(int(std::lround(2.0 / preview->sliderValue(HpaPreviewPanel::SliderSteps)
                                         * HpaPreviewPanel::SliderSteps)));
        QCOMPARE(preview->nextLabel()->text(), u"4"_s);
        QCOMPARE(preview->eventualLabel()->text(), u"2"_s);
        QVERIFY2(preview->reasonsLabel()->text().contains(u"stabilization window until"_s),
                 qPrintable(preview->reasonsLabel()->text()));

        // Back to the live reading.
        QTest::mouseClick(preview->liveButton(), Qt::LeftButton);
        QVERIFY(!preview->whatIfValue());
        QCOMPARE(preview->nextLabel()->text(), u"8"_s);

        // Without an HPA there is nothing to preview.
        QVERIFY(view->selectWorkload(u"Deployment"_s, u"api"_s));
        QTRY_VERIFY(!preview->hasInputs());
    }

    void stateLineShowsErrors_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("401") << u"401"_s << u"401"_s;
        QTest::newRow("403") << u"403"_s << u"403"_s;
        QTest::newRow("refused") << u"refused"_s << u"connection refused"_s;
        QTest::newRow("tls") << u"tls"_s << u"TLS"_s;
    }

    void stateLineShowsErrors()
    {
        QFETCH(QString, which);
        QFETCH(QString, expected);
        QString config;
        if (which == u"401"_s) {
            config = m_server->writeKubeconfig(u"bad-token.yaml"_s, {u"token: not-a-token"_s}, u"shop"_s);
        } else if (which == u"403"_s) {
            m_server->addToken(u"nobody-token"_s, u"nobody"_s);
            m_server->setRules(u"nobody"_s, {});
            config = m_server->writeKubeconfig(u"nobody.yaml"_s, {u"token: nobody-token"_s}, u"shop"_s);
        } else if (which == u"refused"_s) {
            config = writeConfig(u"refused.yaml"_s, u"gone"_s, u"https://127.0.0.1:%1"_s.arg(freePort()),
                                 {u"certificate-authority: %1"_s.arg(m_server->caFile())}, {u"token: admin-token"_s});
        } else {
            QString cert, key, error;
            QVERIFY2(m_server->issueUntrustedCertificate(u"other-ca"_s, &cert, &key, &error), qPrintable(error));
            config = writeConfig(u"wrong-ca.yaml"_s, u"wrong-ca"_s, m_server->url(),
                                 {u"certificate-authority: %1"_s.arg(cert)}, {u"token: admin-token"_s});
        }
        auto view = openView(config);
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->hasError(), 10000);
        // Each watcher fails on its own schedule: wait until the deployments' failure is in too.
        QTRY_VERIFY_WITH_TIMEOUT(view->stateLabel()->toolTip().contains(u"deployments: "_s), 10000);
        const QString text = view->stateLabel()->text();
        QVERIFY2(text.contains(expected), qPrintable(text));
        // One problem in full, the rest by name (all of them in the tooltip).
        QVERIFY2(text.split(u'\n').size() <= 2, qPrintable(text));
        QVERIFY2(view->stateLabel()->toolTip().contains(u"deployments: "_s), qPrintable(view->stateLabel()->toolTip()));
        QCOMPARE(view->workloadModel()->rowCount(), 0);
        if (which == u"403"_s)
            QVERIFY2(text.contains(u"forbidden"_s), qPrintable(text));
        QVERIFY(view->grab().save(QDir(shotDir()).filePath(u"clusterview-error-%1.png"_s.arg(which)), "PNG"));
    }

    void insecureBadge()
    {
        const QString config = writeConfig(u"insecure.yaml"_s, u"lab"_s, m_server->url(),
                                           {u"insecure-skip-tls-verify: true"_s}, {u"token: admin-token"_s});
        auto view = openView(config);
        QVERIFY(view);
        QVERIFY(waitSynced(view.get()));
        QVERIFY(view->insecureBadge()->isVisible());
        QCOMPARE(view->insecureBadge()->text(), u"⚠ TLS not verified"_s);
        QVERIFY2(view->insecureBadge()->toolTip().contains(u"insecure-skip-tls-verify"_s),
                 qPrintable(view->insecureBadge()->toolTip()));
        QVERIFY(!view->hasError());
    }

    void kedaScaledObjects()
    {
        auto plain = openView(m_config);
        QVERIFY(plain);
        QVERIFY(waitSynced(plain.get()));
        QTest::qWait(200);
        QVERIFY(!plain->kedaInstalled());
        QVERIFY(!plain->detailTabs()->isTabVisible(ClusterView::KedaTab));
        plain.reset();

        m_server->setKedaEnabled(true);
        QJsonObject so = FakeKubeApiServer::scaledObject(u"worker"_s, u"worker"_s, 1, 20, u"shop"_s);
        QJsonObject meta = so.value(u"metadata"_s).toObject();
        meta.insert(u"annotations"_s, QJsonObject{{u"autoscaling.keda.sh/paused-replicas"_s, u"3"_s}});
        so.insert(u"metadata"_s, meta);
        m_server->seed(so);
        m_server->seed(FakeKubeApiServer::hpa(u"keda-hpa-worker"_s, u"worker"_s, 1, 20, u"s0-rabbitmq-jobs"_s, 20, 4,
                                              12, u"shop"_s));
        auto view = openView(m_config);
        QVERIFY(view);
        QVERIFY(waitSynced(view.get()));
        QTRY_VERIFY_WITH_TIMEOUT(view->kedaInstalled(), 10000);
        QVERIFY(view->detailTabs()->isTabVisible(ClusterView::KedaTab));
        QTRY_COMPARE(view->kedaTree()->topLevelItemCount(), 1);
        QTreeWidgetItem *item = view->kedaTree()->topLevelItem(0);
        QCOMPARE(item->text(0), u"worker"_s);
        QCOMPARE(item->text(1), u"Deployment worker"_s);
        QCOMPARE(item->text(2), u"1–20"_s);
        QVERIFY2(item->text(3).contains(u"rabbitmq"_s) && item->text(3).contains(u"queueName=jobs"_s),
                 qPrintable(item->text(3)));
        QCOMPARE(item->text(4), u"yes, at 3 replicas"_s);
        QTRY_COMPARE(view->kedaTree()->topLevelItem(0)->text(5), u"keda-hpa-worker (desired 4)"_s);
    }

    void scaleButtonFollowsRbac()
    {
        m_server->addToken(u"viewer-token"_s, u"bob"_s);
        m_server->setRules(u"bob"_s, {FakeKubeApiServer::Rule{{u"get"_s, u"list"_s, u"watch"_s},
                                                              {u""_s, u"apps"_s, u"autoscaling"_s, u"authorization.k8s.io"_s},
                                                              {u"*"_s}, {}, {}}});
        auto viewer = openView(m_server->writeKubeconfig(u"viewer.yaml"_s, {u"token: viewer-token"_s}, u"shop"_s));
        QVERIFY(viewer);
        QVERIFY(waitSynced(viewer.get()));
        QVERIFY(viewer->selectWorkload(u"Deployment"_s, u"worker"_s));
        QTRY_VERIFY_WITH_TIMEOUT(viewer->scaleReasonLabel()->isVisible(), 10000);
        QVERIFY(!viewer->scaleButton()->isEnabled());
        const QString reason = viewer->scaleReasonLabel()->text();
        QVERIFY2(reason.contains(u"You may not scale worker"_s), qPrintable(reason));
        QCOMPARE(viewer->scaleButton()->toolTip(), reason);
        viewer.reset();

        auto admin = openView(m_config);
        QVERIFY(admin);
        QVERIFY(waitSynced(admin.get()));
        QVERIFY(admin->selectWorkload(u"Deployment"_s, u"worker"_s));
        QTRY_VERIFY_WITH_TIMEOUT(admin->scaleButton()->isEnabled(), 10000);
        QVERIFY(admin->scaleReasonLabel()->isHidden());
        ScaleDialog *dialog = admin->openScaleDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->target().currentReplicas, 4);
        QVERIFY(dialog->target().hpa.has_value());
        QVERIFY(dialog->hpaBox()->isVisible());
        dialog->reject();

        // The audit log viewer shows what the log holds, newest first.
        const AuditLog log(admin->auditLogPath());
        AuditEntry a;
        a.user = u"ops"_s;
        a.context = u"fake"_s;
        a.ns = u"shop"_s;
        a.kind = u"Deployment"_s;
        a.name = u"worker"_s;
        a.from = 4;
        a.to = 6;
        a.dryRunResult = u"ok"_s;
        a.outcome = u"applied"_s;
        QVERIFY(log.append(a));
        a.to = 8;
        a.outcome = u"failed: 409 Conflict"_s;
        QVERIFY(log.append(a));
        admin->showAuditLog();
        auto *auditDialog = admin->findChild<AuditLogDialog *>();
        QVERIFY(auditDialog);
        QCOMPARE(auditDialog->table()->rowCount(), 2);
        QCOMPARE(auditDialog->table()->item(0, AuditLogDialog::Change)->text(), u"4 → 8"_s);
        QCOMPARE(auditDialog->table()->item(0, AuditLogDialog::Outcome)->text(), u"failed: 409 Conflict"_s);
        QCOMPARE(auditDialog->table()->item(1, AuditLogDialog::Outcome)->text(), u"applied"_s);
        auditDialog->reject();
    }

    void historyOutlivesEvents()
    {
        HistoryStore history;
        QVERIFY(history.open(m_dir->filePath(u"history.sqlite"_s)));
        {
            auto view = openView(m_config, &history);
            QVERIFY(view);
            QVERIFY(waitSynced(view.get()));
            QVERIFY(view->selectWorkload(u"Deployment"_s, u"worker"_s));
            QTRY_COMPARE_WITH_TIMEOUT(view->timelineModel()->rowCount(), 3, 10000);
            // A replica change and an HPA status change while we watch.
            QVERIFY(m_server->mutate(u"deployments"_s, u"shop"_s, u"worker"_s, [](QJsonObject &o) {
                QJsonObject spec = o.value(u"spec"_s).toObject();
                spec.insert(u"replicas"_s, 6);
                o.insert(u"spec"_s, spec);
            }));
            QVERIFY(m_server->mutate(u"horizontalpodautoscalers"_s, u"shop"_s, u"worker"_s,
                                     [](QJsonObject &o) { setStatus(o, u"desiredReplicas"_s, 6); }));
            QStringList seen;
            connect(view->recorder(), &ScalingHistoryRecorder::recorded, this,
                    [&seen](const TimelineEvent &e) { seen << e.reason; });
            QTRY_VERIFY_WITH_TIMEOUT(seen.contains(u"ReplicasChanged"_s) && seen.contains(u"DesiredReplicasChanged"_s),
                                     10000);
        }
        QVERIFY(history.flushSync());
        HistoryStore::EventFilter filter;
        filter.cluster = u"fake"_s;
        const auto stored = history.queryEventsSync(0, QDateTime::currentMSecsSinceEpoch() + 60'000, filter);
        QVERIFY(stored);
        QStringList reasons;
        for (const TimelineEvent &e : stored.value())
            reasons << e.reason;
        QVERIFY2(reasons.contains(u"ScalingReplicaSet"_s), qPrintable(reasons.join(u", "_s)));
        QVERIFY2(reasons.contains(u"SuccessfulRescale"_s), qPrintable(reasons.join(u", "_s)));
        QVERIFY2(reasons.contains(u"ReplicasChanged"_s), qPrintable(reasons.join(u", "_s)));
        QVERIFY2(reasons.contains(u"DesiredReplicasChanged"_s), qPrintable(reasons.join(u", "_s)));
        QVERIFY2(reasons.contains(u"AbleToScale=True"_s), qPrintable(reasons.join(u", "_s)));
        for (const TimelineEvent &e : stored.value()) {
            if (e.reason == u"ReplicasChanged"_s) {
                QCOMPARE(e.fromReplicas, std::optional<int>(4));
                QCOMPARE(e.toReplicas, std::optional<int>(6));
            }
        }
        const auto samples = history.querySamplesSync(
            ScalingHistoryRecorder::specReplicasKey(u"fake"_s, u"Deployment"_s, u"shop"_s, u"worker"_s), 0,
            QDateTime::currentMSecsSinceEpoch() + 60'000);
        QVERIFY(samples);
        QCOMPARE(samples.value().size(), 2);
        QCOMPARE(samples.value().at(0).value, 4.0);
        QCOMPARE(samples.value().at(1).value, 6.0);

        // The API server drops its events (TTL); a new view still shows them from the history.
        for (const QString &name : {u"worker.1"_s, u"worker-hpa.1"_s, u"worker-rs.1"_s, u"api.1"_s, u"other.1"_s})
            QVERIFY(m_server->remove(u"events"_s, u"shop"_s, name));
        auto again = openView(m_config, &history);
        QVERIFY(again);
        QVERIFY(waitSynced(again.get()));
        QVERIFY(again->selectWorkload(u"Deployment"_s, u"worker"_s));
        QTRY_COMPARE_WITH_TIMEOUT(again->timelineModel()->rowCount(), 3, 10000);
        QCOMPARE(column(again->timelineModel(), ScalingTimelineModel::Reason),
                 (QStringList{u"SuccessfulCreate"_s, u"ScalingReplicaSet"_s, u"SuccessfulRescale"_s}));
        // The changes Tideline observed, on request.
        again->observedCheck()->setChecked(true);
        QTRY_VERIFY(column(again->timelineModel(), ScalingTimelineModel::Reason).contains(u"ReplicasChanged"_s));
        // Nothing was written twice by the second view.
        QVERIFY(history.flushSync());
        const auto after = history.queryEventsSync(0, QDateTime::currentMSecsSinceEpoch() + 60'000, filter);
        QVERIFY(after);
        int scalingReplicaSet = 0;
        for (const TimelineEvent &e : after.value())
            scalingReplicaSet += e.reason == u"ScalingReplicaSet"_s && e.name == u"worker"_s;
        QCOMPARE(scalingReplicaSet, 1);
    }

    void workloadLinkDrawsReplicasWithTheQueue()
    {
        TimeSeriesStore store;
        const MetricSeriesKey depth{u"rabbitmq http://127.0.0.1:15672"_s, u"rabbitmq_queue_messages"_s,
                                    {{u"queue"_s, u"orders"_s}, {u"vhost"_s, u"/"_s}}};
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 60; ++i)
            store.append({depth, {now - (60 - i) * 5000, double(i * 3)}});
        auto view = openView(m_config, nullptr, &store);
        QVERIFY(view);
        QVERIFY(waitSynced(view.get()));
        QVERIFY(view->selectWorkload(u"Deployment"_s, u"worker"_s));
        QSignalSpy linksChanged(view.get(), &ClusterView::workloadLinksChanged);
        view->linkSeries(WorkloadLinks::keyText(depth), u"worker"_s);
        QCOMPARE(linksChanged.size(), 1);
        QVERIFY(view->chart()->hasSeries(depth));
        const MetricSeriesKey spec =
            ScalingHistoryRecorder::specReplicasKey(u"fake"_s, u"Deployment"_s, u"shop"_s, u"worker"_s);
        const MetricSeriesKey hpaDesired = ScalingHistoryRecorder::hpaDesiredKey(u"fake"_s, u"shop"_s, u"worker"_s);
        QVERIFY(view->chart()->hasSeries(spec));
        QVERIFY(view->chart()->hasSeries(hpaDesired));
        bool stepOnSecondaryAxis = false;
        for (const ChartSeriesSpec &s : view->chart()->seriesSpecs()) {
            if (s.key == spec)
                stepOnSecondaryAxis = s.step && s.axis != QueueDepthChart::LeftAxis;
        }
        QVERIFY(stepOnSecondaryAxis);
        QTRY_VERIFY(store.contains(spec));

        // The link as the workspace stores it.
        const QJsonObject json = view->toJson();
        QCOMPARE(json.value(u"context"_s).toString(), u"fake"_s);
        QCOMPARE(json.value(u"namespace"_s).toString(), u"shop"_s);
        const WorkloadLinks links = WorkloadLinks::fromJson(json.value(u"links"_s).toObject());
        QCOMPARE(links.links.size(), 1);
        QCOMPARE(links.links.at(0).seriesKey, u"rabbitmq_queue_messages{queue=\"orders\",vhost=\"/\"}"_s);
        QCOMPARE(links.links.at(0).deployment, u"worker"_s);
        QCOMPARE(links.links.at(0).ns, u"shop"_s);
        const auto resolved = WorkloadLinks::resolve(links.links.at(0).seriesKey, store.keys());
        QVERIFY(resolved && *resolved == depth);

        ClusterView restored(&store);
        restored.setAuditLogPath(m_dir->filePath(u"audit.jsonl"_s));
        QVERIFY(restored.fromJson(json));
        QTRY_COMPARE_WITH_TIMEOUT(restored.selectedKey(), u"Deployment/shop/worker"_s, 10000);
        QCOMPARE(restored.workloadLinks(), view->workloadLinks());
        QVERIFY(restored.chart()->hasSeries(depth));
    }

    void mainWindowAddsClusters()
    {
        MainWindow window;
        window.workspaces()->setAskToSave(false);
        window.show();
        QAction *add = window.addClusterAction();
        QVERIFY(add);
        QVERIFY(window.menuBar()->actions().at(0)->menu()->actions().contains(add));

        // A broken kubeconfig: a clear message, the log, no tab, no crash.
        const QString broken = m_dir->filePath(u"broken.yaml"_s);
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("apiVersion: v1\nkind: Config\nclusters: [\n  - name: x\n");
        }
        QString shown;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shown = box->text();
                box->accept();
            }
        });
        poll.start();
        QVERIFY(!window.openCluster(broken));
        poll.stop();
        QVERIFY2(shown.contains(u"broken.yaml"_s), qPrintable(shown));
        QCOMPARE(window.tabWidget()->count(), 0);

        // Two clusters at once, each in its own tab.
        ClusterView *first = window.openCluster(m_config);
        QVERIFY(first);
        auto other = std::make_unique<FakeKubeApiServer>();
        QString error;
        QVERIFY2(other->start(&error), qPrintable(error));
        other->addToken(u"t2"_s, u"carol"_s);
        other->allowAll(u"carol"_s);
        other->seed(FakeKubeApiServer::deployment(u"billing"_s, 2, 2, u"payments"_s));
        const QString secondConfig = writeConfig(u"second.yaml"_s, u"staging"_s, other->url(),
                                                 {u"certificate-authority: %1"_s.arg(other->caFile())},
                                                 {u"token: t2"_s}, u"payments"_s);
        ClusterView *second = window.openCluster(secondConfig);
        QVERIFY(second);
        QCOMPARE(window.tabWidget()->count(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(first->workloadModel()->rowCount(), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(second->workloadModel()->rowCount(), 1, 10000);
        QCOMPARE(window.tabWidget()->tabText(0), u"fake (shop)"_s);
        QCOMPARE(window.tabWidget()->tabText(1), u"staging (payments)"_s);

        // A link made in a view reaches the workspace.
        second->linkSeries(u"rabbitmq_queue_messages{queue=\"payments\"}"_s, u"billing"_s);
        QCOMPARE(window.workspaces()->workloadLinks().size(), 1);
        QCOMPARE(window.workspaces()->workloadLinks().at(0).context, u"staging"_s);

        window.closeConnection(1);
        QCOMPARE(window.tabWidget()->count(), 1);
        window.closeConnection(0);
        QCOMPARE(window.tabWidget()->count(), 0);
    }

    // A surge as an operator sees it afterwards: worker 2 → 4 → 8 → 10 under an HPA on the Pods
    // metric "messages" (target 10), the queue rising and draining; the replica history comes
    // from the history store the recorder filled while it happened.
    void surgeScreenshots()
    {
        m_server.reset();
        m_server = std::make_unique<FakeKubeApiServer>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_server->addToken(u"ops-token"_s, u"ops"_s);
        m_server->allowAll(u"ops"_s);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto at = [now](double minutesAgo) { return now - qint64(minutesAgo * 60'000); };

        // The cluster as it is now (deployed days ago).
        const auto aged = [now](QJsonObject o, double days) {
            QJsonObject meta = o.value(u"metadata"_s).toObject();
            meta.insert(u"creationTimestamp"_s, iso(now - qint64(days * 86'400'000)));
            o.insert(u"metadata"_s, meta);
            return o;
        };
        m_server->seed(aged(FakeKubeApiServer::deployment(u"worker"_s, 10, 10, u"shop"_s), 12));
        m_server->seed(aged(FakeKubeApiServer::deployment(u"storefront"_s, 3, 3, u"shop"_s), 12));
        m_server->seed(aged(FakeKubeApiServer::deployment(u"mailer"_s, 1, 1, u"shop"_s), 30));
        m_server->seed(aged(FakeKubeApiServer::deployment(u"invoice-generator"_s, 2, 1, u"shop"_s), 0.1));
        m_server->seed(aged(FakeKubeApiServer::statefulSet(u"postgres"_s, 1, 1, u"shop"_s), 64));
        m_server->seed(aged(FakeKubeApiServer::statefulSet(u"rabbitmq"_s, 3, 3, u"shop"_s), 64));
        QJsonObject hpa = FakeKubeApiServer::hpa(u"worker"_s, u"worker"_s, 2, 10, u"messages"_s, 10, 10, 14, u"shop"_s);
        setStatus(hpa, u"desiredReplicas"_s, 10);
        setStatus(hpa, u"lastScaleTime"_s, iso(at(9)));
        setStatus(hpa, u"conditions"_s,
                  QJsonArray{condition(u"AbleToScale"_s, u"True"_s, u"ReadyForNewScale"_s,
                                       u"recommended size matches current size"_s),
                             condition(u"ScalingActive"_s, u"True"_s, u"ValidMetricFound"_s,
                                       u"the HPA was able to successfully calculate a replica count from pods metric messages"_s),
                             condition(u"ScalingLimited"_s, u"True"_s, u"TooManyReplicas"_s,
                                       u"the desired replica count is more than the maximum replica count"_s)});
        m_server->seed(hpa);

        struct Step
        {
            double minutesAgo;
            int from;
            int to;
        };
        const Step steps[] = {{19.5, 2, 4}, {16.0, 4, 8}, {9.0, 8, 10}};
        int n = 0;
        for (const Step &s : steps) {
            ++n;
            m_server->seed(eventAt(u"worker-hpa.%1"_s.arg(n), u"HorizontalPodAutoscaler"_s, u"worker"_s,
                                   u"SuccessfulRescale"_s,
                                   u"New size: %1; reason: pods metric messages above target"_s.arg(s.to),
                                   at(s.minutesAgo)));
            m_server->seed(eventAt(u"worker.%1"_s.arg(n), u"Deployment"_s, u"worker"_s, u"ScalingReplicaSet"_s,
                                   u"Scaled up replica set worker-6d5f8b9c7 to %1 from %2"_s.arg(s.to).arg(s.from),
                                   at(s.minutesAgo - 0.02)));
        }
        m_server->seed(eventAt(u"worker-hpa.w"_s, u"HorizontalPodAutoscaler"_s, u"worker"_s, u"FailedGetPodsMetric"_s,
                               u"unable to get metric messages: unable to fetch metrics from custom metrics API: "
                               "no metrics returned"_s,
                               at(21.0), u"Warning"_s));

        // What the recorder wrote while it happened (it was running then).
        HistoryStore history;
        QVERIFY(history.open(m_dir->filePath(u"surge-history.sqlite"_s)));
        {
            qint64 clock = at(25);
            ScalingHistoryRecorder recorder(&history, u"prod-eu-1"_s);
            recorder.setClock([&clock] { return clock; });
            auto w = KubeTypes::parseWorkload(FakeKubeApiServer::deployment(u"worker"_s, 2, 2, u"shop"_s)).value();
            w.meta.ns = u"shop"_s;
            auto h = KubeTypes::parseHpa(hpa).value();
            const auto observe = [&](double minutesAgo, int spec, int ready, int desired) {
                clock = at(minutesAgo);
                w.specReplicas = spec;
                w.readyReplicas = ready;
                recorder.observeWorkload(w);
                h.desiredReplicas = desired;
                recorder.observeHpa(h);
            };
            observe(25, 2, 2, 2);
            for (const Step &s : steps) {
                observe(s.minutesAgo, s.to, s.from, s.to);
                observe(s.minutesAgo - 0.6, s.to, s.to, s.to); // pods become ready
            }
        }
        QVERIFY(history.flushSync());

        // The queue the workers drain: calm, a surge of orders, drained by 10 workers.
        TimeSeriesStore store;
        const MetricSeriesKey depth{u"rabbitmq http://127.0.0.1:15672"_s, u"rabbitmq_queue_messages"_s,
                                    {{u"queue"_s, u"orders"_s}, {u"vhost"_s, u"/"_s}}};
        for (qint64 t = at(26); t <= now; t += 5000) {
            const double m = double(now - t) / 60'000.0; // minutes ago
            double v;
            if (m > 21.0)
                v = 15 + 3 * std::sin(m * 3);
            else if (m > 9.0)
                v = 15 + 505 * (1.0 - std::exp(-(21.0 - m) / 4.5)) * (m > 12 ? 1.0 : 1.0 - (12.0 - m) * 0.02);
            else
                v = std::max(140.0, 490.0 - (9.0 - m) * 39.0) + 4 * std::sin(m * 5);
            store.append({depth, {t, std::round(v)}});
        }

        const QString config = writeConfig(u"prod.yaml"_s, u"prod-eu-1"_s, m_server->url(),
                                           {u"certificate-authority: %1"_s.arg(m_server->caFile())},
                                           {u"token: ops-token"_s});
        auto view = openView(config, &history, &store);
        QVERIFY(view);
        view->resize(1480, 940);
        QTRY_VERIFY_WITH_TIMEOUT(view->workloadModel()->rowCount() == 6 && !view->hpas().isEmpty(), 10000);
        view->linkSeries(WorkloadLinks::keyText(depth), u"worker"_s);
        QVERIFY(view->selectWorkload(u"Deployment"_s, u"worker"_s));
        QTRY_COMPARE_WITH_TIMEOUT(view->timelineModel()->rowCount(), 7, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(view->scaleButton()->isEnabled(), 10000);
        QTRY_VERIFY(view->hpaPanel()->hpa().has_value());

        view->detailTabs()->setCurrentIndex(ClusterView::PreviewTab);
        QTest::qWait(300);
        const QString clusterShot = QDir(shotDir()).filePath(u"cluster-view.png"_s);
        QVERIFY(view->grab().save(clusterShot, "PNG"));
        qInfo("screenshot: %s", qPrintable(clusterShot));

        view->detailTabs()->setCurrentIndex(ClusterView::TimelineTab);
        view->chart()->setWindowMs(30LL * 60 * 1000);
        const MetricSeriesKey spec =
            ScalingHistoryRecorder::specReplicasKey(u"prod-eu-1"_s, u"Deployment"_s, u"shop"_s, u"worker"_s);
        // The replica history came back from the store: 2 → 4 → 8 → 10.
        QTRY_VERIFY_WITH_TIMEOUT(store.size(spec) >= 4, 10000);
        QCOMPARE(store.points(spec).constFirst().value, 2.0);
        view->chart()->refresh();
        QTest::qWait(300);
        const QString timelineShot = QDir(shotDir()).filePath(u"scaling-timeline.png"_s);
        QVERIFY(view->grab().save(timelineShot, "PNG"));
        qInfo("screenshot: %s", qPrintable(timelineShot));

        view->detailTabs()->setCurrentIndex(ClusterView::PreviewTab);
        QTRY_VERIFY(view->previewPanel()->hasInputs());
        view->previewPanel()->setWhatIfValue(3.0);
        QTest::qWait(200);
        const QString previewShot = QDir(shotDir()).filePath(u"hpa-preview.png"_s);
        QVERIFY(view->grab().save(previewShot, "PNG"));
        qInfo("screenshot: %s", qPrintable(previewShot));
    }
};

QTEST_MAIN(TestClusterView)
#include "tst_clusterview.moc"
