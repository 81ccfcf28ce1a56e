#include "MainWindow.h"
#include "MetricsDashboard.h"
#include "QueueDepthChart.h"
#include "RabbitMqProcess.h"
#include "Settings.h"
#include "TestHttpServer.h"
#include "UiTestHelpers.h"
#include "WorkspaceController.h"
#include "core/HistoryStore.h"
#include "core/TimeSeries.h"
#include "demo/AmqpConnection.h"
#include "metrics/RabbitMqManagementApi.h"
#include "models/MetricAlertModel.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include <atomic>
#include <functional>
#include <thread>

using namespace Qt::StringLiterals;
using namespace tideline;
using namespace tideline::test;

namespace {

const QByteArray Exposition = "# TYPE rabbitmq_queue_messages gauge\n"
                              "rabbitmq_queue_messages{queue=\"orders\",vhost=\"/\"} 42\n"
                              "rabbitmq_queue_messages{queue=\"billing\",vhost=\"/\"} 7\n"
                              "# TYPE process_cpu_seconds_total counter\n"
                              "process_cpu_seconds_total 1.5\n";

QByteArray queueJson(int messages)
{
    return QByteArrayLiteral("{\"name\":\"orders\",\"vhost\":\"/\",\"messages\":") + QByteArray::number(messages)
           + QByteArrayLiteral(",\"messages_ready\":") + QByteArray::number(messages - 2)
           + QByteArrayLiteral(",\"messages_unacknowledged\":2,\"consumers\":1,\"message_stats\":"
                               "{\"publish_details\":{\"rate\":1.5},\"deliver_get_details\":{\"rate\":2.0}}}");
}

// Runs `interact` on the modal "Add source" dialog once it is up (exec() blocks the test).
void whenDialogOpens(QObject *context, std::function<void(AddMetricSourceDialog *)> interact)
{
    whenModalOpens<AddMetricSourceDialog>(context, std::move(interact));
}

MetricSourceConfig scrapeConfig(const QString &url)
{
    MetricSourceConfig c;
    c.kind = MetricSourceConfig::Kind::PrometheusScrape;
    c.url = QUrl(url);
    c.match = u"rabbitmq_queue_messages"_s;
    c.intervalMs = 200;
    return c;
}

} // namespace

class TestMetricsDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void addSourceThroughTheDialog();
    void dialogValidates();
    void rabbitMqSourceFeedsAQueueChart();
    void failingSourceShownOnItsChart();
    void thresholdAlertReachesTheAlertList();
    void configRoundTrip();
    void historyRecordsAndBackfills();
    void mainWindowHasTheDock();
    void realRabbitMq();
};

void TestMetricsDashboard::addSourceThroughTheDialog()
{
    TestHttpServer server;
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    server.setResponse("/metrics", TestHttpServer::text(Exposition));

    MetricsDashboard dashboard(nullptr);
    dashboard.resize(1100, 800);
    dashboard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
    QVERIFY(dashboard.findChild<QLabel *>(u"dashboardEmpty"_s)->isVisible());

    bool interacted = false;
    whenDialogOpens(this, [&](AddMetricSourceDialog *dialog) {
        interacted = true;
        dialog->kindCombo()->setCurrentIndex(1);
        auto *url = dialog->findChild<QLineEdit *>(u"scrapeUrl"_s);
        auto *match = dialog->findChild<QLineEdit *>(u"scrapeMatch"_s);
        url->clear();
        QTest::keyClicks(url, server.url(u"/metrics"_s));
        match->clear();
        QTest::keyClicks(match, u"rabbitmq_queue_messages"_s);
        dialog->findChild<QSpinBox *>(u"sourceInterval"_s)->setValue(1);
        QVERIFY(dialog->okButton()->isEnabled());
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    QTest::mouseClick(dashboard.addSourceButton(), Qt::LeftButton);
    QVERIFY(interacted);

    QCOMPARE(dashboard.sourceConfigs().size(), 1);
    QCOMPARE(dashboard.sourceConfigs().constFirst().match, u"rabbitmq_queue_messages"_s);
    QTRY_COMPARE_WITH_TIMEOUT(dashboard.charts().size(), 1, 10000);
    QueueDepthChart *chart = dashboard.charts().constFirst();
    QTRY_COMPARE(chart->seriesSpecs().size(), 2); // orders and billing; not the CPU counter
    const QString id = dashboard.sourceConfigs().constFirst().id;
    QTRY_COMPARE(dashboard.sourceStateText(id), u"ok"_s);
    QCOMPARE(dashboard.sourceList()->topLevelItemCount(), 1);
    QVERIFY(!dashboard.findChild<QLabel *>(u"dashboardEmpty"_s)->isVisible());
    // The known name still gives the figures their depth (the first queue's).
    chart->refresh();
    QVERIFY(chart->depthLabel()->text() == u"42"_s || chart->depthLabel()->text() == u"7"_s);
    QVERIFY(chart->lineSeries(chart->seriesSpecs().constFirst().key)->count() >= 1);

    dashboard.removeSource(id);
    QVERIFY(dashboard.charts().isEmpty());
    QCOMPARE(dashboard.sourceList()->topLevelItemCount(), 0);
}

void TestMetricsDashboard::dialogValidates()
{
    AddMetricSourceDialog dialog;
    dialog.show();
    QVERIFY(dialog.okButton()->isEnabled()); // the defaults are usable
    auto *url = dialog.findChild<QLineEdit *>(u"rabbitUrl"_s);
    url->setText(u"ftp://example.com"_s);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.problemLabel()->text().contains(u"http"_s));
    url->setText(u"https://rabbit.example.com:15671/"_s);
    dialog.findChild<QLineEdit *>(u"rabbitUser"_s)->clear();
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"rabbitUser"_s), u"monitor"_s);
    QVERIFY(dialog.okButton()->isEnabled());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"rabbitPassword"_s), u"s3cret"_s);
    QCOMPARE(dialog.password(), u"s3cret"_s);
    QCOMPARE(dialog.config().url.port(), 15671);
    QCOMPARE(dialog.config().user, u"monitor"_s);

    dialog.kindCombo()->setCurrentIndex(2); // PromQL: the query is required
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"promQuery"_s), u"sum(rabbitmq_queue_messages)"_s);
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.config().kind, MetricSourceConfig::Kind::PrometheusQuery);
    // The password never reaches the config.
    QVERIFY(!QJsonDocument(dialog.config().toJson()).toJson().contains("s3cret"));
}

void TestMetricsDashboard::rabbitMqSourceFeedsAQueueChart()
{
    TestHttpServer server;
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    server.setResponse("/api/queues/%2F/orders", TestHttpServer::json(queueJson(5)));

    MetricsDashboard dashboard(nullptr);
    MetricSourceConfig c;
    c.kind = MetricSourceConfig::Kind::RabbitMq;
    c.url = QUrl(server.url());
    c.user = u"monitor"_s;
    c.vhost = u"/"_s;
    c.queue = u"orders"_s;
    c.intervalMs = 200;
    auto r = dashboard.addSource(c, u"s3cret"_s, false);
    QVERIFY(r);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard.chart(u"orders on /"_s), 10000);
    QueueDepthChart *chart = dashboard.chart(u"orders on /"_s);
    QTRY_COMPARE(chart->seriesSpecs().size(), 5);
    QStringList names;
    for (const ChartSeriesSpec &s : chart->seriesSpecs())
        names.append(s.name);
    names.sort();
    QCOMPARE(names, (QStringList{u"Depth"_s, u"In (msg/s)"_s, u"Out (msg/s)"_s, u"Ready"_s, u"Unacked"_s}));
    chart->refresh();
    QCOMPARE(chart->depthLabel()->text(), u"5"_s);
    // 1.5 in, 2.0 out: 0.5/s net outflow, 5 messages: 10 s.
    QCOMPARE(chart->drainLabel()->text(), u"10 s"_s);
    // Basic auth went out; the password is nowhere in the config.
    QVERIFY(server.requests().constFirst().header("authorization").startsWith("Basic "));
    QVERIFY(!QJsonDocument(dashboard.saveConfig()).toJson().contains("s3cret"));
}

void TestMetricsDashboard::failingSourceShownOnItsChart()
{
    TestHttpServer server;
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    server.setResponse("/api/queues/%2F/orders", TestHttpServer::json(queueJson(9)));

    MetricsDashboard dashboard(nullptr);
    MetricSourceConfig c;
    c.kind = MetricSourceConfig::Kind::RabbitMq;
    c.url = QUrl(server.url());
    c.user = u"monitor"_s;
    c.queue = u"orders"_s;
    c.intervalMs = 200;
    QVERIFY(dashboard.addSource(c, u"s3cret"_s, false));
    QTRY_VERIFY_WITH_TIMEOUT(dashboard.chart(u"orders on /"_s), 10000);
    QueueDepthChart *chart = dashboard.chart(u"orders on /"_s);
    QVERIFY(chart->stateLines().isEmpty());

    // The password was changed on the server.
    server.setResponse("/api/queues/%2F/orders",
                       TestHttpServer::json("{\"error\":\"not_authorized\",\"reason\":\"Login failed\"}", 401,
                                            "Unauthorized"));
    QTRY_VERIFY_WITH_TIMEOUT(!chart->stateLines().isEmpty(), 10000);
    const QString line = chart->stateLines().constFirst();
    QVERIFY2(line.contains(u"401"_s) || line.contains(u"Unauthorized"_s, Qt::CaseInsensitive), qPrintable(line));
    QVERIFY2(line.startsWith(u"rabbitmq http://127.0.0.1:"_s), qPrintable(line));
    const QString id = dashboard.sourceConfigs().constFirst().id;
    QVERIFY(dashboard.sourceStateText(id).startsWith(u"failing: "_s));
    QCOMPARE(dashboard.sourceList()->topLevelItem(0)->text(1), dashboard.sourceStateText(id));

    // And it goes away when the source recovers.
    server.setResponse("/api/queues/%2F/orders", TestHttpServer::json(queueJson(9)));
    QTRY_VERIFY_WITH_TIMEOUT(chart->stateLines().isEmpty(), 10000);
}

void TestMetricsDashboard::thresholdAlertReachesTheAlertList()
{
    MetricsDashboard dashboard(nullptr);
    QSignalSpy fired(&dashboard, &MetricsDashboard::alertFired);
    const MetricSeriesKey depth{u"rabbitmq http://127.0.0.1:1"_s, RabbitMqManagementApi::Messages,
                                {{u"queue"_s, u"orders"_s}, {u"vhost"_s, u"/"_s}}};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    dashboard.ingest({{depth, {now - 60'000, 10}}});
    QCOMPARE(dashboard.charts().size(), 1); // a source the dashboard does not know still gets a chart
    QueueDepthChart *chart = dashboard.charts().constFirst();
    chart->setThreshold({depth, 100.0, 20'000});
    QList<MetricSample> above;
    for (qint64 t = now - 30'000; t <= now; t += 5000)
        above.append({depth, {t, 250.0}});
    dashboard.ingest(above);
    chart->refresh();
    QCOMPARE(fired.count(), 1);
    QCOMPARE(dashboard.alertModel()->rowCount(), 1);
    QCOMPARE(dashboard.alertView()->model()->rowCount(), 1);
    QVERIFY(dashboard.statusLabel()->text().contains(u"above 100"_s));
}

void TestMetricsDashboard::configRoundTrip()
{
    TestHttpServer server;
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    server.setResponse("/metrics", TestHttpServer::text(Exposition));

    QJsonObject config;
    MetricSeriesKey hidden;
    {
        MetricsDashboard dashboard(nullptr);
        QSignalSpy changed(&dashboard, &MetricsDashboard::configChanged);
        QVERIFY(dashboard.addSource(scrapeConfig(server.url(u"/metrics"_s))));
        QVERIFY(changed.count() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.charts().isEmpty() && dashboard.charts().constFirst()->seriesSpecs().size() == 2,
                                 10000);
        QueueDepthChart *chart = dashboard.charts().constFirst();
        hidden = chart->seriesSpecs().at(1).key;
        chart->setSeriesVisible(hidden, false);
        chart->setWindowMs(QueueDepthChart::Window1Hour);
        chart->setThreshold({chart->seriesSpecs().at(0).key, 30.0, 15'000});
        config = dashboard.saveConfig();
    }
    QCOMPARE(config.value(u"version"_s).toInt(), 1);
    QCOMPARE(config.value(u"sources"_s).toArray().size(), 1);
    QCOMPARE(config.value(u"charts"_s).toArray().size(), 1);

    MetricsDashboard restored(nullptr);
    restored.restoreConfig(config);
    QCOMPARE(restored.sourceConfigs().size(), 1);
    QCOMPARE(restored.sourceConfigs().constFirst().url, QUrl(server.url(u"/metrics"_s)));
    QCOMPARE(restored.charts().size(), 1);
    QueueDepthChart *chart = restored.charts().constFirst();
    QCOMPARE(chart->windowMs(), QueueDepthChart::Window1Hour);
    QVERIFY(!chart->isSeriesVisible(hidden));
    QCOMPARE(chart->thresholds().size(), 1);
    // Live data lands on the restored chart, not on a new one.
    const int before = server.requestCount("/metrics");
    QTRY_VERIFY_WITH_TIMEOUT(server.requestCount("/metrics") > before + 1, 10000);
    QCOMPARE(restored.charts().size(), 1);
    QCOMPARE(chart->seriesSpecs().size(), 2);
    QCOMPARE(restored.saveConfig(), config);
}

void TestMetricsDashboard::historyRecordsAndBackfills()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"workspace/history.sqlite"_s);
    const MetricSeriesKey depth{u"rabbitmq http://127.0.0.1:1"_s, RabbitMqManagementApi::Messages,
                                {{u"queue"_s, u"orders"_s}, {u"vhost"_s, u"/"_s}}};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        MetricsDashboard dashboard(nullptr);
        QVERIFY(dashboard.openHistory(path));
        QList<MetricSample> samples;
        for (int i = 0; i < 100; ++i)
            samples.append({depth, {now - 200'000 + i * 1000, double(i)}});
        dashboard.ingest(samples);
        TimelineEvent e;
        e.timestampMs = now - 150'000;
        e.kind = u"Deployment"_s;
        e.name = u"worker"_s;
        e.fromReplicas = 1;
        e.toReplicas = 4;
        dashboard.addTimelineEvent(e);
        QCOMPARE(dashboard.charts().constFirst()->markers().size(), 1);
    }
    // A new session: the chart fills from the file.
    MetricsDashboard dashboard(nullptr);
    QVERIFY(dashboard.openHistory(path));
    QCOMPARE(dashboard.history()->queryEventsSync(0, now).value().size(), 1);
    dashboard.ingest({{depth, {now, 500.0}}});
    QTRY_COMPARE(dashboard.timeSeries()->size(depth), 101);
    QCOMPARE(dashboard.timeSeries()->points(depth).constFirst().timestampMs, now - 200'000);
}

void TestMetricsDashboard::mainWindowHasTheDock()
{
    QStandardPaths::setTestModeEnabled(true); // the shared history file goes to a test folder
    QTemporaryDir dir;
    settings::useIniFile(dir.filePath(u"settings.ini"_s));
    TestHttpServer server;
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    server.setResponse("/metrics", TestHttpServer::text(Exposition));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *dock = window.findChild<QDockWidget *>(u"queueDepthDock"_s);
    QVERIFY(dock);
    QVERIFY(!dock->isVisible()); // hidden until used
    auto *dashboard = qobject_cast<MetricsDashboard *>(dock->widget());
    QVERIFY(dashboard);
    auto *viewMenu = window.menuBar()->findChild<QMenu *>(u"viewMenu"_s);
    QVERIFY(viewMenu);
    QVERIFY(viewMenu->actions().contains(dock->toggleViewAction()));
    dock->toggleViewAction()->trigger();
    QVERIFY(dock->isVisible());

    // Its config is the workspace's "dashboards" section.
    QVERIFY(dashboard->addSource(scrapeConfig(server.url(u"/metrics"_s))));
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard->charts().isEmpty(), 10000);
    const QJsonObject section = window.workspaces()->current().section(u"dashboards"_s);
    QCOMPARE(section.value(u"sources"_s).toArray().size(), 1);
    // It records into the window's shared history (the cluster tabs use the same one).
    auto *history = window.findChild<HistoryStore *>(u"historyStore"_s);
    QVERIFY(history);
    QVERIFY(history->isOpen());
    QCOMPARE(dashboard->history(), history);
    QVERIFY(history->path().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
}

void TestMetricsDashboard::realRabbitMq()
{
    // A real node, a real queue with real publishers and a real consumer, read through the
    // management API by RabbitMqManagementSource, drawn on the dashboard.
    RabbitMqProcess rabbit;
    QString error;
    QVERIFY2(rabbit.start(&error), qPrintable(error));
    QVERIFY2(rabbit.declareQueue(u"orders"_s, &error), qPrintable(error));

    MetricsDashboard dashboard(nullptr);
    dashboard.resize(1280, 860);
    dashboard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
    MetricSourceConfig c;
    c.kind = MetricSourceConfig::Kind::RabbitMq;
    c.url = QUrl(rabbit.managementUrl());
    c.user = rabbit.username();
    c.vhost = u"/"_s;
    c.queue = u"orders"_s;
    c.intervalMs = 500;
    QVERIFY(dashboard.addSource(c, rabbit.password(), false));
    QTRY_VERIFY_WITH_TIMEOUT(dashboard.chart(u"orders on /"_s), 30000);
    QueueDepthChart *chart = dashboard.chart(u"orders on /"_s);
    chart->setWindowMs(60'000);
    const QString sourceId = dashboard.source(dashboard.sourceConfigs().constFirst().id)->sourceId();
    const MetricSeriesKey depthKey{sourceId, RabbitMqManagementApi::Messages,
                                   {{u"queue"_s, u"orders"_s}, {u"vhost"_s, u"/"_s}}};
    QVERIFY(chart->hasSeries(depthKey));
    chart->setThreshold({depthKey, 300.0, 5000});

    // Traffic on its own thread (blocking AMQP): fill, drain, fill, drain.
    struct Phase
    {
        int seconds;
        int publishPerTick; // per 100 ms
        int consumePerTick;
    };
    const Phase phases[] = {{12, 6, 1}, {14, 2, 6}, {12, 5, 2}, {10, 1, 6}};
    std::atomic<bool> stop{false};
    std::atomic<int> published{0};
    std::atomic<int> consumed{0};
    QString trafficError;
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    std::thread traffic([&] {
        demo::AmqpEndpoint endpoint;
        endpoint.port = rabbit.amqpPort();
        demo::AmqpConnection publisher;
        demo::AmqpConnection consumer;
        if (auto r = publisher.open(endpoint); !r) {
            trafficError = r.error().message;
            return;
        }
        if (auto r = consumer.open(endpoint); !r) {
            trafficError = r.error().message;
            return;
        }
        if (auto r = consumer.consume(u"orders"_s, 40); !r) {
            trafficError = r.error().message;
            return;
        }
        auto tickStart = std::chrono::steady_clock::now();
        for (const Phase &phase : phases) {
            for (int tick = 0; tick < phase.seconds * 10 && !stop; ++tick) {
                for (int i = 0; i < phase.publishPerTick; ++i) {
                    if (publisher.publish(u"orders"_s, QByteArrayLiteral("{\"order\":1}")))
                        ++published;
                }
                for (int i = 0; i < phase.consumePerTick; ++i) {
                    auto d = consumer.next(20);
                    if (d && d.value()) {
                        consumer.ack(d.value()->tag);
                        ++consumed;
                    }
                }
                tickStart += std::chrono::milliseconds(100);
                std::this_thread::sleep_until(tickStart);
            }
        }
        // Drain what is left, so the queue ends empty.
        for (int idle = 0; idle < 20 && !stop;) {
            auto d = consumer.next(100);
            if (d && d.value()) {
                consumer.ack(d.value()->tag);
                ++consumed;
                idle = 0;
            } else {
                ++idle;
            }
        }
    });
    auto joinTraffic = qScopeGuard([&] {
        stop = true;
        traffic.join();
    });

    // A scaling event half way through, as the Kubernetes panel will report them.
    QTimer::singleShot(12'000, &dashboard, [&] {
        TimelineEvent e;
        e.timestampMs = QDateTime::currentMSecsSinceEpoch();
        e.kind = u"Deployment"_s;
        e.ns = u"shop"_s;
        e.name = u"worker"_s;
        e.reason = u"ScalingReplicaSet"_s;
        e.fromReplicas = 1;
        e.toReplicas = 6;
        dashboard.addTimelineEvent(e);
    });
    QTimer::singleShot(38'000, &dashboard, [&] {
        TimelineEvent e;
        e.timestampMs = QDateTime::currentMSecsSinceEpoch();
        e.kind = u"Deployment"_s;
        e.ns = u"shop"_s;
        e.name = u"worker"_s;
        e.reason = u"ScalingReplicaSet"_s;
        e.fromReplicas = 2;
        e.toReplicas = 6;
        dashboard.addTimelineEvent(e);
    });

    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() - start > 50'000, 70'000);
    QVERIFY2(trafficError.isEmpty(), qPrintable(trafficError));
    QVERIFY(published > 500);
    QTRY_VERIFY_WITH_TIMEOUT(rabbit.queueMessages(u"orders"_s) == 0, 30000);
    // The chart's last depth is the broker's: empty, after a peak of hundreds.
    QTRY_COMPARE_WITH_TIMEOUT(dashboard.timeSeries()->last(depthKey)->value, 0.0, 15000);
    double peak = 0;
    for (const MetricPoint &p : dashboard.timeSeries()->points(depthKey))
        peak = std::max(peak, p.value);
    QVERIFY2(peak > 300, qPrintable(QString::number(peak)));
    // The broker's publish and deliver rates reached the chart's data while traffic ran.
    for (const QString &rateName : {RabbitMqManagementApi::PublishRate, RabbitMqManagementApi::DeliverGetRate}) {
        const MetricSeriesKey rateKey{depthKey.source, rateName, depthKey.labels};
        double ratePeak = 0;
        for (const MetricPoint &p : dashboard.timeSeries()->points(rateKey))
            ratePeak = std::max(ratePeak, p.value);
        QVERIFY2(ratePeak > 1, qPrintable(rateName + u" peaked at "_s + QString::number(ratePeak)));
    }
    QVERIFY(chart->seriesSpecs().size() == 5);
    QVERIFY(dashboard.alertModel()->rowCount() >= 1);
    chart->refresh();
    QCOMPARE(chart->drainLabel()->text(), u"empty"_s);

    // The picture for the documentation (set TIDELINE_SCREENSHOT_DIR to keep it).
    QTest::qWait(300);
    const QImage shot = dashboard.grab().toImage();
    QVERIFY(!shot.isNull());
    const QString shotDir = qEnvironmentVariable("TIDELINE_SCREENSHOT_DIR");
    if (!shotDir.isEmpty()) {
        QDir().mkpath(shotDir);
        QVERIFY(shot.save(QDir(shotDir).filePath(u"queue-depth.png"_s)));
    }

    // Wrong credentials from now on: the chart says so, in the failure colour.
    QString output;
    QVERIFY2(rabbit.rabbitmqctl({u"change_password"_s, u"guest"_s, u"not-guest-any-more"_s}, &output), qPrintable(output));
    QTRY_VERIFY_WITH_TIMEOUT(!chart->stateLines().isEmpty(), 30000);
    QVERIFY2(chart->stateLines().constFirst().contains(u"401"_s), qPrintable(chart->stateLines().constFirst()));
    if (!shotDir.isEmpty()) {
        chart->refresh();
        QVERIFY(chart->grab().save(QDir(shotDir).filePath(u"queue-depth-failing.png"_s)));
    }
}

QTEST_MAIN(TestMetricsDashboard)
#include "tst_metricsdashboard.moc"
