#include "PrometheusProcess.h"
#include "TestHttpServer.h"
#include "UiTestHelpers.h"
#include "TestServers.h"

#include "ConnectionView.h"
#include "MainWindow.h"
#include "MetricsDashboard.h"
#include "QueueDepthChart.h"
#include "Settings.h"
#include "core/IngestPipeline.h"
#include "core/TimeSeries.h"
#include "metrics/MqttSysSource.h"
#include "metrics/PrometheusQueryClient.h"
#include "metrics/PrometheusQuerySource.h"
#include "mqtt/MqttConnection.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QProcess>
#include <QPushButton>
#include <QSet>
#include <QtTest>

#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace tideline;
using namespace tideline::test;

namespace {

constexpr int Timeout = 60000;

// The newest points of every series named `name` in the dashboard's store.
QList<MetricSeriesKey> keysNamed(const TimeSeriesStore *store, const QString &name)
{
    QList<MetricSeriesKey> out;
    for (const MetricSeriesKey &key : store->keys()) {
        if (key.name == name)
            out.append(key);
    }
    return out;
}

std::optional<double> lastValue(const TimeSeriesStore *store, const QString &name)
{
    const QList<MetricSeriesKey> keys = keysNamed(store, name);
    if (keys.isEmpty())
        return std::nullopt;
    const auto last = store->last(keys.constFirst());
    return last ? std::optional<double>(last->value) : std::nullopt;
}

// Runs `interact` on the modal "Add source" dialog once it is up (exec() blocks the test).
void whenDialogOpens(QObject *context, std::function<void(AddMetricSourceDialog *)> interact)
{
    whenModalOpens<AddMetricSourceDialog>(context, std::move(interact), 10000);
}

QueueDepthChart *chartOf(MetricsDashboard &dashboard, const QString &sourceId)
{
    for (QueueDepthChart *chart : dashboard.charts()) {
        for (const ChartSeriesSpec &spec : chart->seriesSpecs()) {
            if (spec.key.source == sourceId)
                return chart;
        }
    }
    return nullptr;
}

} // namespace

// The dashboard with real servers behind it: an MQTT $SYS source reading a real mosquitto
// through an open connection, and a real Prometheus (scraping this test's own /metrics)
// feeding the charts' history with query_range, also for windows longer than this session.
class TestMetricsDashboardServers : public QObject
{
    Q_OBJECT

private:
    TestHttpServer m_http;
    std::unique_ptr<PrometheusProcess> m_prometheus;
    std::unique_ptr<MosquittoProcess> m_broker;
    QTimer m_serveTimer;
    QSet<double> m_served;    // every value /metrics has served for tideline_range_depth
    int m_scrapeRound = 0;
    qint64 m_historyFromMs = 0; // the TSDB blocks written before Prometheus started
    qint64 m_historyToMs = 0;

    void serveNext()
    {
        // A value per second, so the range query has distinct values to compare.
        const double value = 100 + (m_scrapeRound++ % 50) * 10;
        m_served.insert(value);
        const QByteArray body = "# TYPE tideline_range_depth gauge\n"
                                "tideline_range_depth{queue=\"orders\"} "
                                + QByteArray::number(value)
                                + "\n"
                                  "# TYPE tideline_history_depth gauge\n"
                                  "tideline_history_depth{queue=\"orders\"} 7\n";
        m_http.setResponse("/metrics", TestHttpServer::text(body));
    }

    // Writes an hour's worth of tideline_history_depth (minus the last ten minutes) into
    // Prometheus's TSDB with promtool, as a server that has been running for a while has it.
    bool writeHistoryBlocks(QString *error)
    {
        const QString promtool = findProgram(u"promtool"_s);
        if (promtool.isEmpty()) {
            *error = u"promtool is not installed (Debian package prometheus)"_s;
            return false;
        }
        const qint64 nowS = QDateTime::currentSecsSinceEpoch();
        m_historyFromMs = (nowS - 55 * 60) * 1000;
        m_historyToMs = (nowS - 10 * 60) * 1000;
        QByteArray om = "# TYPE tideline_history_depth gauge\n";
        const QByteArray labels = "{instance=\"127.0.0.1:" + QByteArray::number(m_http.port())
                                  + "\",job=\"tideline-test\",queue=\"orders\"}";
        for (qint64 t = m_historyFromMs / 1000, i = 0; t <= m_historyToMs / 1000; t += 60, ++i)
            om += "tideline_history_depth" + labels + ' ' + QByteArray::number(1000 + i) + ' ' + QByteArray::number(t) + '\n';
        om += "# EOF\n";
        const QString input = QDir(m_prometheus->dir()).filePath(u"history.om"_s);
        QFile f(input);
        if (!f.open(QIODevice::WriteOnly) || f.write(om) != om.size()) {
            *error = u"cannot write "_s + input;
            return false;
        }
        f.close();
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(promtool, {u"tsdb"_s, u"create-blocks-from"_s, u"openmetrics"_s, input,
                           QDir(m_prometheus->dir()).filePath(u"data"_s)});
        if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *error = u"promtool failed: "_s + QString::fromLocal8Bit(p.readAll());
            return false;
        }
        return true;
    }

    // How many scrapes of tideline_range_depth Prometheus holds over the last five minutes.
    int storedScrapes()
    {
        PrometheusQueryClient client({QUrl(m_prometheus->url()), {}, 10000});
        std::optional<int> answer;
        client.query(u"count_over_time(tideline_range_depth[5m])"_s, std::nullopt,
                     [&answer](const Result<PrometheusApi::QueryResult> &r) {
                         if (r && r.value().series.size() == 1 && r.value().series.constFirst().points.size() == 1)
                             answer = int(r.value().series.constFirst().points.constFirst().value);
                         else
                             answer = 0;
                     });
        QElapsedTimer clock;
        clock.start();
        while (!answer && clock.elapsed() < 15000)
            QTest::qWait(20);
        return answer.value_or(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        QString error;
        QVERIFY2(m_http.listen(&error), qPrintable(error));
        serveNext();
        connect(&m_serveTimer, &QTimer::timeout, this, &TestMetricsDashboardServers::serveNext);
        m_serveTimer.start(1000);

        PrometheusProcess::Options options;
        options.targets.append({u"127.0.0.1:%1"_s.arg(m_http.port()), u"/metrics"_s, u"tideline-test"_s});
        m_prometheus = std::make_unique<PrometheusProcess>(options);
        QVERIFY2(writeHistoryBlocks(&error), qPrintable(error));
        QVERIFY2(m_prometheus->start(&error), qPrintable(error));

        MosquittoProcess::Options mqtt;
        mqtt.sysIntervalSeconds = 1;
        m_broker = std::make_unique<MosquittoProcess>(mqtt);
        QVERIFY2(m_broker->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_prometheus.reset();
        m_broker.reset();
    }

    void historyStep_data()
    {
        QTest::addColumn<qint64>("span");
        QTest::addColumn<int>("pixels");
        QTest::addColumn<qint64>("configured");
        QTest::addColumn<qint64>("step");
        QTest::newRow("5 min on 600 px: 1 s floor") << qint64(300'000) << 600 << qint64(0) << qint64(1000);
        QTest::newRow("1 h on 720 px") << qint64(3'600'000) << 720 << qint64(0) << qint64(5000);
        QTest::newRow("24 h on 800 px") << qint64(86'400'000) << 800 << qint64(0) << qint64(108'000);
        QTest::newRow("configured 1 s over 5 min") << qint64(300'000) << 800 << qint64(1000) << qint64(1000);
        // 86,400 points would exceed the server's 11,000: the step grows to fit.
        QTest::newRow("configured 1 s over 24 h: capped") << qint64(86'400'000) << 800 << qint64(1000) << qint64(7856);
        QTest::newRow("30 days on 8000 px: capped") << qint64(2'592'000'000) << 8000 << qint64(0) << qint64(324'000);
    }

    void historyStep()
    {
        QFETCH(qint64, span);
        QFETCH(int, pixels);
        QFETCH(qint64, configured);
        QFETCH(qint64, step);
        const qint64 got = MetricsDashboard::historyStepMs(span, pixels, configured);
        QCOMPARE(got, step);
        QVERIFY(span / got + 1 <= MetricsDashboard::MaxPrometheusPoints);
    }

    void promqlRangeInTheDialog()
    {
        AddMetricSourceDialog dialog;
        dialog.kindCombo()->setCurrentIndex(int(MetricSourceConfig::Kind::PrometheusQuery));
        auto *query = dialog.findChild<QLineEdit *>(u"promQuery"_s);
        auto *range = dialog.findChild<QLineEdit *>(u"promRange"_s);
        auto *step = dialog.findChild<QLineEdit *>(u"promStep"_s);
        QVERIFY(query && range && step);
        QTest::keyClicks(query, u"sum(rabbitmq_queue_messages)"_s);
        QVERIFY(dialog.okButton()->isEnabled()); // range and step are optional
        QTest::keyClicks(range, u"five minutes"_s);
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.problemLabel()->text().contains(u"duration"_s));
        range->clear();
        QTest::keyClicks(range, u"5m"_s);
        QTest::keyClicks(step, u"1s"_s);
        QVERIFY(dialog.okButton()->isEnabled());
        const MetricSourceConfig c = dialog.config();
        QCOMPARE(c.rangeMs, 300'000);
        QCOMPARE(c.stepMs, 1000);
        // Saved with the workspace and read back; shown again in the dialog.
        const MetricSourceConfig back = MetricSourceConfig::fromJson(c.toJson());
        QCOMPARE(back.rangeMs, 300'000);
        QCOMPARE(back.stepMs, 1000);
        AddMetricSourceDialog again;
        again.setConfig(back);
        QCOMPARE(again.config().rangeMs, 300'000);
        QCOMPARE(again.config().stepMs, 1000);
    }

    void mqttSysSourceFeedsTheDashboard()
    {
        IngestPipeline pipeline;
        pipeline.start();
        ConnectionProfile profile;
        profile.id = ConnectionProfile::newId();
        profile.name = u"local mosquitto"_s;
        profile.url = m_broker->url();
        profile.subscribeSys = true;
        auto connection = std::make_unique<MqttConnection>(profile, pipeline.inbox());
        connection->open();
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), MqttConnection::State::Connected, Timeout);

        bool open = true;
        auto provider = [&]() {
            QList<MetricsDashboard::MqttConnectionRef> refs;
            if (open)
                refs.append({profile.id, profile.displayName(), connection.get(), &pipeline});
            return refs;
        };

        // The dialog offers the open connection, and nothing to add without one.
        {
            AddMetricSourceDialog dialog;
            dialog.kindCombo()->setCurrentIndex(int(MetricSourceConfig::Kind::MqttSys));
            QVERIFY(!dialog.okButton()->isEnabled());
            dialog.setMqttConnections({{profile.id, profile.displayName()}});
            QVERIFY(dialog.okButton()->isEnabled());
            QCOMPARE(dialog.mqttConnectionCombo()->currentText(), u"local mosquitto"_s);
            const MetricSourceConfig c = dialog.config();
            QCOMPARE(c.kind, MetricSourceConfig::Kind::MqttSys);
            QCOMPARE(c.connection, profile.id);
            QCOMPARE(c.displayName(), u"MQTT $SYS local mosquitto"_s);
        }

        QJsonObject saved;
        {
            MetricsDashboard dashboard(nullptr);
            dashboard.setMqttConnectionProvider(provider);
            MetricSourceConfig config;
            config.kind = MetricSourceConfig::Kind::MqttSys;
            config.connection = profile.id;
            config.connectionName = profile.displayName();
            config.intervalMs = 500;
            auto added = dashboard.addSource(config);
            QVERIFY2(added, added ? "" : qPrintable(added.error().message));
            MetricSource *source = added.value();
            QCOMPARE(source->sourceId(), u"mqtt $SYS local mosquitto"_s);
            QTRY_COMPARE_WITH_TIMEOUT(source->state(), MetricSource::State::Ok, Timeout);

            TimeSeriesStore *store = dashboard.timeSeries();
            QTRY_VERIFY_WITH_TIMEOUT(lastValue(store, MqttSysSource::MessagesStored).has_value(), Timeout);
            QTRY_VERIFY_WITH_TIMEOUT(lastValue(store, MqttSysSource::MessagesReceivedTotal).has_value(), Timeout);
            const double stored0 = *lastValue(store, MqttSysSource::MessagesStored);
            const double received0 = *lastValue(store, MqttSysSource::MessagesReceivedTotal);
            QueueDepthChart *chart = chartOf(dashboard, source->sourceId());
            QVERIFY(chart);
            QCOMPARE(chart->title(), u"MQTT $SYS local mosquitto"_s);

            for (int i = 0; i < 10; ++i)
                QVERIFY(connection->publish("dash/retained/" + QByteArray::number(i), "r", 1, true) > 0);
            for (int i = 0; i < 100; ++i)
                QVERIFY(connection->publish("dash/normal", "n", 0, false) > 0);
            QTRY_VERIFY_WITH_TIMEOUT(lastValue(store, MqttSysSource::MessagesStored).value_or(0) >= stored0 + 10, Timeout);
            QTRY_VERIFY_WITH_TIMEOUT(lastValue(store, MqttSysSource::MessagesReceivedTotal).value_or(0)
                                         >= received0 + 110,
                                     Timeout);
            QTRY_VERIFY_WITH_TIMEOUT(lastValue(store, MqttSysSource::MessagesReceivedRate).has_value(), Timeout);
            for (const MetricSeriesKey &key : keysNamed(store, MqttSysSource::MessagesReceivedRate)) {
                for (const MetricPoint &p : store->points(key))
                    QVERIFY(p.value >= 0);
            }
            // On the chart: the stored count and the rates shown, the totals a legend click away.
            const MetricSeriesKey storedKey = keysNamed(store, MqttSysSource::MessagesStored).constFirst();
            QVERIFY(chart->hasSeries(storedKey));
            QVERIFY(chart->isSeriesVisible(storedKey));
            const MetricSeriesKey totalKey = keysNamed(store, MqttSysSource::MessagesReceivedTotal).constFirst();
            QVERIFY(chart->hasSeries(totalKey));
            QVERIFY(!chart->isSeriesVisible(totalKey));
            chart->refresh();
            QVERIFY(chart->lineSeries(storedKey)->count() > 0);
            dashboard.resize(1000, 700);
            dashboard.show();
            QTest::qWait(1500); // a few more updates on screen
            const QString png = QDir::temp().filePath(u"tideline-mqtt-sys.png"_s);
            QVERIFY(dashboard.grab().save(png));
            qInfo("dashboard: %s", qPrintable(png));

            // The broker drops away: the state says so on the chart and in the list, at once.
            connection->close();
            QTRY_COMPARE_WITH_TIMEOUT(source->state(), MetricSource::State::Failing, Timeout);
            QVERIFY2(dashboard.sourceStateText(dashboard.sourceConfigs().constFirst().id).contains(u"not connected"_s),
                     qPrintable(dashboard.sourceStateText(dashboard.sourceConfigs().constFirst().id)));
            QVERIFY(!chart->stateLines().isEmpty());
            // The tab is closed: "not open".
            open = false;
            dashboard.rebindMqttSources();
            QTRY_VERIFY_WITH_TIMEOUT(source->stateReason().contains(u"not open"_s), Timeout);
            saved = dashboard.saveConfig();
        }

        // Saved with the workspace and restored: bound again once the connection is open.
        open = true;
        connection->open();
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), MqttConnection::State::Connected, Timeout);
        MetricsDashboard restored(nullptr);
        restored.setMqttConnectionProvider(provider);
        restored.restoreConfig(saved);
        QCOMPARE(restored.sourceConfigs().size(), 1);
        const MetricSourceConfig c = restored.sourceConfigs().constFirst();
        QCOMPARE(c.kind, MetricSourceConfig::Kind::MqttSys);
        QCOMPARE(c.connection, profile.id);
        QCOMPARE(c.connectionName, u"local mosquitto"_s);
        QCOMPARE(c.intervalMs, 500);
        QCOMPARE(restored.charts().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(restored.source(c.id)->state(), MetricSource::State::Ok, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(lastValue(restored.timeSeries(), MqttSysSource::MessagesStored).has_value(), Timeout);
        connection->close();
    }

    // In the application: "Add source" offers the main window's open connection tab, the
    // source follows the tab as it closes and opens again.
    void mqttSysSourceFromAMainWindowTab()
    {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        settings::useIniFile(dir.filePath(u"settings.ini"_s));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *dock = window.findChild<QDockWidget *>(u"queueDepthDock"_s);
        QVERIFY(dock);
        auto *dashboard = qobject_cast<MetricsDashboard *>(dock->widget());
        QVERIFY(dashboard);

        ConnectionProfile profile;
        profile.id = ConnectionProfile::newId();
        profile.name = u"tab broker"_s;
        profile.url = m_broker->url();
        profile.subscribeSys = true;
        ConnectionView *view = window.openConnection(profile);
        QVERIFY(view);
        QTRY_COMPARE_WITH_TIMEOUT(view->state(), MqttConnection::State::Connected, Timeout);

        bool offered = false;
        whenDialogOpens(this, [&](AddMetricSourceDialog *dialog) {
            dialog->kindCombo()->setCurrentIndex(int(MetricSourceConfig::Kind::MqttSys));
            offered = dialog->mqttConnectionCombo()->count() == 1
                && dialog->mqttConnectionCombo()->currentText() == u"tab broker"_s;
            QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        });
        dashboard->promptAddSource();
        QVERIFY(offered);
        QCOMPARE(dashboard->sourceConfigs().size(), 1);
        const MetricSourceConfig c = dashboard->sourceConfigs().constFirst();
        QCOMPARE(c.kind, MetricSourceConfig::Kind::MqttSys);
        QCOMPARE(c.connection, profile.id);
        MetricSource *source = dashboard->source(c.id);
        QTRY_COMPARE_WITH_TIMEOUT(source->state(), MetricSource::State::Ok, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(lastValue(dashboard->timeSeries(), MqttSysSource::MessagesStored).has_value(), Timeout);

        // The tab closes: "not open"; it opens again: read again.
        window.closeConnection(window.tabWidget()->indexOf(view));
        QTRY_VERIFY_WITH_TIMEOUT(source->stateReason().contains(u"not open"_s), Timeout);
        QCOMPARE(source->state(), MetricSource::State::Failing);
        view = window.openConnection(profile);
        QTRY_COMPARE_WITH_TIMEOUT(source->state(), MetricSource::State::Ok, Timeout);
        window.closeConnection(window.tabWidget()->indexOf(view));
    }

    void prometheusRangeIntoTheChart()
    {
        // Enough scrapes on the server that a 5-minute range has something to return.
        QTRY_VERIFY_WITH_TIMEOUT(storedScrapes() >= 8, Timeout);
        const qint64 addedAt = QDateTime::currentMSecsSinceEpoch();

        MetricsDashboard dashboard(nullptr);
        dashboard.resize(1000, 700);
        dashboard.show();
        MetricSourceConfig config;
        config.kind = MetricSourceConfig::Kind::PrometheusQuery;
        config.url = QUrl(m_prometheus->url());
        config.query = u"tideline_range_depth"_s;
        config.rangeMs = 5 * 60 * 1000;
        config.stepMs = 1000;
        config.intervalMs = 60000; // one live sample; the rest must come from the range query
        auto added = dashboard.addSource(config);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message));
        auto *source = qobject_cast<PrometheusQuerySource *>(added.value());
        QVERIFY(source);

        TimeSeriesStore *store = dashboard.timeSeries();
        const auto rangePoints = [&]() {
            QList<MetricPoint> older;
            for (const MetricSeriesKey &key : keysNamed(store, u"tideline_range_depth"_s)) {
                for (const MetricPoint &p : store->points(key)) {
                    if (p.timestampMs < addedAt - 1000)
                        older.append(p);
                }
            }
            return older;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rangePoints().size() >= 5, Timeout);
        QCOMPARE(source->rangeQueryCount(), 1);

        const QList<MetricSeriesKey> keys = keysNamed(store, u"tideline_range_depth"_s);
        QCOMPARE(keys.size(), 1);
        const MetricSeriesKey key = keys.constFirst();
        QCOMPARE(key.source, source->sourceId());
        QCOMPARE(key.labels.value(u"queue"_s), u"orders"_s);
        QCOMPARE(key.labels.value(u"job"_s), u"tideline-test"_s);
        for (const MetricPoint &p : rangePoints()) {
            QVERIFY2(m_served.contains(p.value), qPrintable(u"%1 was never served"_s.arg(p.value)));
            QCOMPARE(p.timestampMs % 1000, 0); // the 1 s step, aligned
        }
        // Spaced by the configured step.
        const QList<MetricPoint> older = rangePoints();
        for (qsizetype i = 1; i < older.size(); ++i)
            QCOMPARE((older[i].timestampMs - older[i - 1].timestampMs) % 1000, 0);

        // The chart backed by that store shows them, and says where they came from.
        QueueDepthChart *chart = chartOf(dashboard, source->sourceId());
        QVERIFY(chart);
        QVERIFY(chart->hasSeries(key));
        chart->refresh();
        QVERIFY(chart->lineSeries(key)->count() >= 5);
        QTRY_COMPARE_WITH_TIMEOUT(chart->historyLabel()->text(), u"history: Prometheus"_s, Timeout);
        QVERIFY(chart->historyLabel()->isVisible());
        QVERIFY(!dashboard.history()); // no local store was asked
    }

    void prometheusIsTheLongTermSource()
    {
        const qint64 addedAt = QDateTime::currentMSecsSinceEpoch();
        MetricsDashboard dashboard(nullptr);
        dashboard.resize(1000, 700);
        dashboard.show();
        MetricSourceConfig config;
        config.kind = MetricSourceConfig::Kind::PrometheusQuery;
        config.url = QUrl(m_prometheus->url());
        config.query = u"tideline_history_depth"_s;
        config.intervalMs = 2000;
        auto added = dashboard.addSource(config);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message));
        auto *source = qobject_cast<PrometheusQuerySource *>(added.value());
        QVERIFY(source);
        TimeSeriesStore *store = dashboard.timeSeries();

        // The live window (5 min): live values only, and its history asked of Prometheus once.
        QTRY_VERIFY_WITH_TIMEOUT(lastValue(store, u"tideline_history_depth"_s).has_value(), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(source->rangeQueryCount(), 1, Timeout);
        QueueDepthChart *chart = chartOf(dashboard, source->sourceId());
        QVERIFY(chart);
        QTRY_COMPARE_WITH_TIMEOUT(chart->historyLabel()->text(), u"history: Prometheus"_s, Timeout);
        const MetricSeriesKey key = keysNamed(store, u"tideline_history_depth"_s).constFirst();
        const auto oldPoints = [&]() {
            QList<MetricPoint> out;
            for (const MetricPoint &p : store->points(key)) {
                if (p.timestampMs < addedAt - 9 * 60 * 1000)
                    out.append(p);
            }
            return out;
        };
        QVERIFY(oldPoints().isEmpty());

        // One hour: longer than this session; the server has it (written before it started).
        QSignalSpy refreshed(chart, &QueueDepthChart::refreshed);
        chart->windowCombo()->setCurrentIndex(1);
        Q_EMIT chart->windowCombo()->activated(1);
        QCOMPARE(chart->windowMs(), QueueDepthChart::Window1Hour);
        QTRY_COMPARE_WITH_TIMEOUT(source->rangeQueryCount(), 2, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(oldPoints().size() >= 20, Timeout);
        for (const MetricPoint &p : oldPoints()) {
            QVERIFY2(p.value >= 1000 && p.value <= 1045, qPrintable(QString::number(p.value)));
            QVERIFY(p.timestampMs >= m_historyFromMs);
        }
        QCOMPARE(chart->historyLabel()->text(), u"history: Prometheus"_s);
        QVERIFY2(chart->historyLabel()->toolTip().contains(u"query_range"_s), qPrintable(chart->historyLabel()->toolTip()));
        chart->refresh();
        QVERIFY(chart->lineSeries(key)->count() >= 20);

        // To look at: the hour from the server, the label beside the title.
        const QString png = QDir::temp().filePath(u"tideline-prometheus-history.png"_s);
        QVERIFY(dashboard.grab().save(png));
        qInfo("dashboard: %s", qPrintable(png));

        // Back to 5 min and to 1 h again: already there, not asked twice.
        chart->setWindowMs(QueueDepthChart::Window5Min);
        chart->setWindowMs(QueueDepthChart::Window1Hour);
        QTest::qWait(200);
        QCOMPARE(source->rangeQueryCount(), 2);
    }

    // A /metrics endpoint that the Prometheus server scrapes too: its charts take their history
    // from the server, the same series asked for by name, labels and the target's instance.
    void scrapedSeriesBackedByPrometheus()
    {
        const qint64 addedAt = QDateTime::currentMSecsSinceEpoch();
        MetricsDashboard dashboard(nullptr);
        dashboard.resize(1000, 700);
        dashboard.show();
        MetricSourceConfig config;
        config.kind = MetricSourceConfig::Kind::PrometheusScrape;
        config.url = QUrl(m_http.url(u"/metrics"_s));
        config.match = u"tideline_history_depth"_s;
        config.historyUrl = QUrl(m_prometheus->url());
        config.intervalMs = 60000;
        // Saved and restored with the workspace like the rest.
        QCOMPARE(MetricSourceConfig::fromJson(config.toJson()).historyUrl, config.historyUrl);
        auto added = dashboard.addSource(config);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message));
        MetricSource *source = added.value();
        TimeSeriesStore *store = dashboard.timeSeries();
        const MetricSeriesKey key{source->sourceId(), u"tideline_history_depth"_s, {{u"queue"_s, u"orders"_s}}};
        QTRY_VERIFY_WITH_TIMEOUT(store->last(key).has_value(), Timeout);
        QueueDepthChart *chart = chartOf(dashboard, source->sourceId());
        QVERIFY(chart);
        QTRY_COMPARE_WITH_TIMEOUT(chart->historyLabel()->text(), u"history: Prometheus"_s, Timeout);

        const auto oldPoints = [&]() {
            QList<MetricPoint> out;
            for (const MetricPoint &p : store->points(key)) {
                if (p.timestampMs < addedAt - 9 * 60 * 1000)
                    out.append(p);
            }
            return out;
        };
        QVERIFY(oldPoints().isEmpty());
        chart->setWindowMs(QueueDepthChart::Window1Hour);
        QTRY_VERIFY_WITH_TIMEOUT(oldPoints().size() >= 20, Timeout);
        for (const MetricPoint &p : oldPoints())
            QVERIFY2(p.value >= 1000 && p.value <= 1045, qPrintable(QString::number(p.value)));
        // Only the one series: nothing keyed with Prometheus's instance or job labels.
        QCOMPARE(keysNamed(store, u"tideline_history_depth"_s).size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(chart->historyLabel()->text(), u"history: Prometheus"_s, Timeout);
        QVERIFY(!dashboard.history());
    }

    // Without a history server a scraped endpoint's chart stays with the local store.
    void scrapeWithoutHistoryServerUsesTheLocalStore()
    {
        QTemporaryDir dir;
        MetricsDashboard dashboard(nullptr);
        QVERIFY(dashboard.openHistory(dir.filePath(u"history.sqlite"_s)));
        MetricSourceConfig config;
        config.kind = MetricSourceConfig::Kind::PrometheusScrape;
        config.url = QUrl(m_http.url(u"/metrics"_s));
        config.match = u"tideline_range_depth"_s;
        auto added = dashboard.addSource(config);
        QVERIFY(added);
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.charts().isEmpty(), Timeout);
        QueueDepthChart *chart = dashboard.charts().constFirst();
        QTRY_COMPARE_WITH_TIMEOUT(chart->historyLabel()->text(), u"history: local store"_s, Timeout);
    }
};

QTEST_MAIN(TestMetricsDashboardServers)
#include "tst_metricsdashboard_servers.moc"
