// Threshold alerts of a real MetricsDashboard reach a real notification server: dunst on Xvfb,
// on the private session bus ctest runs this test in (tests/CMakeLists.txt).
#include "AlertNotifier.h"
#include "MainWindow.h"
#include "MetricsDashboard.h"
#include "NotificationServer.h"
#include "PreferenceMenus.h"
#include "QueueDepthChart.h"
#include "Settings.h"
#include "metrics/RabbitMqManagementApi.h"
#include "models/MetricAlertModel.h"

#include <QAction>
#include <QDateTime>
#include <QLocale>
#include <QMenu>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tideline;
using namespace tideline::test;

namespace {

constexpr int Timeout = 30'000;

MetricSeriesKey depthOf(const QString &queue)
{
    return {u"rabbitmq http://127.0.0.1:1"_s, RabbitMqManagementApi::Messages,
            {{u"queue"_s, queue}, {u"vhost"_s, u"/"_s}}};
}

QueueDepthChart *chartOf(MetricsDashboard &dashboard, const MetricSeriesKey &key)
{
    const auto charts = dashboard.charts();
    for (QueueDepthChart *chart : charts) {
        const auto specs = chart->seriesSpecs();
        for (const ChartSeriesSpec &spec : specs) {
            if (spec.key == key)
                return chart;
        }
    }
    return nullptr;
}

// Feeds `key` so that its chart's "above 100 for 10 s" threshold fires `times` alerts: each
// round is 20 s at `peak` (round by round higher) followed by one point below.
void raiseAlerts(MetricsDashboard &dashboard, const MetricSeriesKey &key, int times, double peak)
{
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - 120'000;
    dashboard.ingest({{key, {start, 10.0}}});
    QueueDepthChart *chart = chartOf(dashboard, key);
    QVERIFY(chart);
    chart->setThreshold({key, 100.0, 10'000});
    qint64 t = start;
    for (int round = 0; round < times; ++round) {
        QList<MetricSample> above;
        for (int i = 0; i < 5; ++i)
            above.append({key, {t += 5000, peak + round}});
        dashboard.ingest(above);
        chart->refresh();
        dashboard.ingest({{key, {t += 5000, 10.0}}});
        chart->refresh();
    }
}

std::optional<NotificationServer::Notification> withId(const QList<NotificationServer::Notification> &list,
                                                       quint32 id)
{
    for (const auto &n : list) {
        if (n.id == id)
            return n;
    }
    return std::nullopt;
}

} // namespace

class TestAlertNotifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void alertReachesTheNotificationServer();
    void repeatAlertReplacesItsNotification();
    void preferenceOffSendsNothing();
    void withoutServerTheAlertStaysInTheList();

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    std::unique_ptr<NotificationServer> m_server;
};

void TestAlertNotifications::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QStandardPaths::setTestModeEnabled(true); // the main window's history file goes to a test folder
    QVERIFY(m_dir.isValid());
}

void TestAlertNotifications::init()
{
    settings::useIniFile(m_dir.filePath(u"settings-%1.ini"_s.arg(++m_serial)));
    // A fresh server per test: its history holds only what this test sent.
    m_server = std::make_unique<NotificationServer>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestAlertNotifications::cleanup()
{
    m_server.reset();
}

void TestAlertNotifications::alertReachesTheNotificationServer()
{
    MetricsDashboard dashboard(nullptr);
    QVERIFY(dashboard.notifier());
    QSignalSpy notified(dashboard.notifier(), &AlertNotifier::notified);
    const MetricSeriesKey orders = depthOf(u"orders"_s);
    raiseAlerts(dashboard, orders, 1, 250.0);
    QCOMPARE(dashboard.alertModel()->rowCount(), 1);
    const MetricAlert alert = dashboard.alertModel()->alerts().constFirst();

    QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, Timeout);
    QCOMPARE(notified.at(0).at(0).value<quint64>(), alert.id);
    QCOMPARE(notified.at(0).at(1).value<AlertNotifier::Channel>(), AlertNotifier::Channel::DesktopNotification);
    const quint32 id = notified.at(0).at(2).value<quint32>();
    QVERIFY(id != 0);
    QCOMPARE(dashboard.notifier()->notificationId(orders), id);

    QString error;
    QTRY_COMPARE_WITH_TIMEOUT(m_server->displayedCount(&error), 1, Timeout);
    QVERIFY2(m_server->closeAll(&error), qPrintable(error));
    const auto history = m_server->history(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(history.size(), 1);
    const NotificationServer::Notification n = history.constFirst();
    QCOMPARE(n.id, id);
    QCOMPARE(n.appName, u"Tideline"_s);
    QCOMPARE(n.summary, AlertNotifier::summaryFor(alert));
    QVERIFY2(n.summary.contains(alert.chart), qPrintable(n.summary));
    QCOMPARE(n.body, MetricAlertModel::describe(alert));
    QVERIFY2(n.body.contains(u"above 100"_s), qPrintable(n.body));
    QCOMPARE(n.urgency, u"critical"_s);
    QCOMPARE(n.timeoutUs, qint64(0)); // the server's default for critical: no expiry
    // The dashboard still lists it.
    QCOMPARE(dashboard.alertView()->model()->rowCount(), 1);
}

void TestAlertNotifications::repeatAlertReplacesItsNotification()
{
    MetricsDashboard dashboard(nullptr);
    QSignalSpy notified(dashboard.notifier(), &AlertNotifier::notified);
    const MetricSeriesKey orders = depthOf(u"orders"_s);
    const MetricSeriesKey billing = depthOf(u"billing"_s);

    // Three alerts of one series in a row: the second and third go out before (or while) the
    // first reply is back, and all must end in one notification.
    raiseAlerts(dashboard, orders, 3, 250.0);
    QCOMPARE(dashboard.alertModel()->rowCount(), 3);
    const MetricAlert newest = dashboard.alertModel()->alerts().constFirst();
    QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty() && notified.constLast().at(0).value<quint64>() == newest.id,
                             Timeout);
    const quint32 id = notified.constLast().at(2).value<quint32>();
    QVERIFY(id != 0);
    for (const auto &call : std::as_const(notified)) {
        QCOMPARE(call.at(1).value<AlertNotifier::Channel>(), AlertNotifier::Channel::DesktopNotification);
        QCOMPARE(call.at(2).value<quint32>(), id);
    }
    QString error;
    QTRY_COMPARE_WITH_TIMEOUT(m_server->displayedCount(&error), 1, Timeout);

    // Another series gets its own notification.
    notified.clear();
    raiseAlerts(dashboard, billing, 1, 700.0);
    QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, Timeout);
    const quint32 billingId = notified.at(0).at(2).value<quint32>();
    QVERIFY(billingId != 0);
    QVERIFY(billingId != id);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->displayedCount(&error), 2, Timeout);

    QVERIFY2(m_server->closeAll(&error), qPrintable(error));
    const auto history = m_server->history(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(history.size(), 2);
    const auto ordersShown = withId(history, id);
    QVERIFY(ordersShown);
    // The replaced notification says what the newest alert says (peak 252, not 250).
    QCOMPARE(ordersShown->body, MetricAlertModel::describe(newest));
    QVERIFY2(ordersShown->body.contains(u"252"_s), qPrintable(ordersShown->body));
    const auto billingShown = withId(history, billingId);
    QVERIFY(billingShown);
    QVERIFY2(billingShown->body.contains(u"700"_s), qPrintable(billingShown->body));
}

void TestAlertNotifications::preferenceOffSendsNothing()
{
    // View → Alert notifications is what turns it off.
    MainWindow window;
    auto *viewMenu = window.findChild<QMenu *>(u"viewMenu"_s);
    QVERIFY(viewMenu);
    auto *action = window.findChild<QAction *>(u"alertNotificationsAction"_s);
    QVERIFY(action);
    QVERIFY(viewMenu->actions().contains(action));
    QCOMPARE(action->objectName(), u"alertNotificationsAction"_s);
    QVERIFY(action->isCheckable());
    QVERIFY(action->isChecked());
    QVERIFY(AlertNotifier::isEnabled());
    action->trigger();
    QVERIFY(!action->isChecked());
    QVERIFY(!AlertNotifier::isEnabled());

    MetricsDashboard dashboard(nullptr);
    QSignalSpy notified(dashboard.notifier(), &AlertNotifier::notified);
    raiseAlerts(dashboard, depthOf(u"orders"_s), 1, 250.0);
    QCOMPARE(dashboard.alertModel()->rowCount(), 1); // listed all the same

    // Back on: the next alert arrives, and it is the only one. A Notify for the first would
    // have reached dunst before it (one connection, messages in order), so nothing is in flight.
    action->trigger();
    QVERIFY(AlertNotifier::isEnabled());
    raiseAlerts(dashboard, depthOf(u"billing"_s), 1, 700.0);
    QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, Timeout);
    QCOMPARE(notified.at(0).at(0).value<quint64>(), dashboard.alertModel()->alerts().constFirst().id);
    QString error;
    QTRY_COMPARE_WITH_TIMEOUT(m_server->displayedCount(&error), 1, Timeout);
    QVERIFY2(m_server->closeAll(&error), qPrintable(error));
    const auto history = m_server->history(&error);
    QCOMPARE(history.size(), 1);
    QVERIFY2(history.constFirst().body.contains(u"700"_s), qPrintable(history.constFirst().body));
    // The choice is kept for the next start.
    QWidget other;
    PreferenceMenus again(&other);
    QVERIFY(again.alertNotificationsAction()->isChecked());
}

void TestAlertNotifications::withoutServerTheAlertStaysInTheList()
{
    m_server->stop();
    QVERIFY(!m_server->isRunning());

    MetricsDashboard dashboard(nullptr);
    QSignalSpy notified(dashboard.notifier(), &AlertNotifier::notified);
    // Said once, not once per alert. (The offscreen platform has no system tray either.)
    const QRegularExpression unavailable(u"desktop notifications are unavailable"_s);
    QTest::ignoreMessage(QtWarningMsg, unavailable);
    QTest::failOnWarning(unavailable);
    raiseAlerts(dashboard, depthOf(u"orders"_s), 1, 250.0);
    raiseAlerts(dashboard, depthOf(u"billing"_s), 1, 700.0);
    QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 2, Timeout);
    for (const auto &call : std::as_const(notified))
        QCOMPARE(call.at(1).value<AlertNotifier::Channel>(), AlertNotifier::Channel::None);
    QCOMPARE(dashboard.alertModel()->rowCount(), 2);
    QCOMPARE(dashboard.alertModel()->activeCount(), 0); // both rounds ended below the threshold
}

QTEST_MAIN(TestAlertNotifications)
#include "tst_alertnotifications.moc"
