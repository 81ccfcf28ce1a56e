#include "BrokerWithPublisher.h"
#include "ConnectionView.h"
#include "MainWindow.h"
#include "ModelSearch.h"
#include "Settings.h"
#include "UiTestHelpers.h"
#include "WelcomePage.h"
#include "WorkspaceController.h"
#include "core/MessageInbox.h"
#include "core/Workspace.h"
#include "models/TopicTreeModel.h"
#include "mqtt/MqttConnection.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

#include <functional>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

bool subscriptionActive(ConnectionView *view, const QString &filter)
{
    const auto items = view->findChild<QTreeWidget *>(u"subscriptionList"_s)->findItems(filter, Qt::MatchExactly);
    return !items.isEmpty() && items.first()->text(2).startsWith(u"active"_s);
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QStringList filtersIn(const QJsonObject &workspace, int connection = 0)
{
    QStringList out;
    const QJsonArray subs = workspace.value(u"connections"_s).toArray().at(connection).toObject()
                                .value(u"subscriptions"_s).toArray();
    for (const QJsonValue &v : subs)
        out << v.toObject().value(u"filter"_s).toString();
    return out;
}

} // namespace

// Workspaces through the window: save the open connections, close everything, open the file
// again and get the same live view back; the title, the modified marker and the save prompt.
class TestWorkspaceUi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    BrokerWithPublisher m_mqtt;

    void publish(const QString &topic, const QByteArray &payload, bool retain = false)
    {
        QVERIFY(m_mqtt.publish(topic, payload, retain));
    }

    ConnectionProfile brokerProfile(const QString &name, const QList<Subscription> &subscriptions) const
    {
        ConnectionProfile p = ConnectionProfile::fromUrl(m_mqtt.broker().url()).value();
        p.id = ConnectionProfile::newId();
        p.name = name;
        p.subscriptions = subscriptions;
        p.subscribeSys = false;
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_mqtt.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(m_mqtt.publisher().state(), MqttConnection::State::Connected, 10000);
    }

    // A dialog poller that found nothing must not outlive its test (it captures the test's locals).
    void cleanup() { qDeleteAll(findChildren<QTimer *>(Qt::FindDirectChildrenOnly)); }

    void init() { useFreshSettings(m_dir); }

    void saveCloseAndReopenReconnects()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.isWindowModified());

        ConnectionView *view = window.openConnection(brokerProfile(u"Shop broker"_s, {{u"line/#"_s, 1}}));
        QTRY_COMPARE_WITH_TIMEOUT(view->connection()->state(), MqttConnection::State::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(subscriptionActive(view, u"line/#"_s), 5000);
        // A subscription added in the tab belongs to the workspace too.
        view->subscribe({u"extra/#"_s, 0});
        QTRY_VERIFY_WITH_TIMEOUT(subscriptionActive(view, u"extra/#"_s), 5000);
        publish(u"line/3/temp"_s, "21.5", true);
        QTRY_VERIFY_WITH_TIMEOUT(findTopic(view->topicView()->model(), u"line/3/temp"_s).isValid(), 5000);
        // Untitled but with a connection: there is something to save.
        QTRY_VERIFY(window.isWindowModified());
        QVERIFY2(window.windowTitle().contains(u"Untitled workspace"_s), qPrintable(window.windowTitle()));

        // File › Save workspace as…
        const QString file = m_dir.filePath(u"ops.tideline"_s);
        bool dialogSeen = false;
        chooseInFileDialog(this, m_dir.filePath(u"ops"_s), &dialogSeen); // the suffix is added
        window.workspaces()->saveAsAction()->trigger();
        QVERIFY(dialogSeen);
        QCOMPARE(window.workspaces()->filePath(), file);
        QVERIFY(QFileInfo::exists(file));
        QVERIFY(!window.isWindowModified());
        QVERIFY2(window.windowTitle().startsWith(u"ops[*] – Shop broker"_s), qPrintable(window.windowTitle()));
        const QJsonObject saved = readJson(file);
        QCOMPARE(filtersIn(saved), (QStringList{u"line/#"_s, u"extra/#"_s}));
        QCOMPARE(window.workspaces()->recentPaths().value(0), file);

        // File › New workspace closes everything (nothing unsaved, so no question).
        const QString firstClient = view->connection()->clientId();
        window.workspaces()->newAction()->trigger();
        QCOMPARE(window.connectionCount(), 0);
        QVERIFY(window.welcomePage()->isVisible());
        QVERIFY(!window.workspaces()->hasFile());
        QTRY_VERIFY_WITH_TIMEOUT(m_mqtt.broker().log().contains(u"Client %1 disconnected"_s.arg(firstClient))
                                     || m_mqtt.broker().log().contains(u"Client %1 closed its connection"_s.arg(firstClient)),
                                 5000);

        // File › Open workspace… brings the connection back, live.
        dialogSeen = false;
        chooseInFileDialog(this, file, &dialogSeen);
        window.workspaces()->openAction()->trigger();
        QVERIFY(dialogSeen);
        QCOMPARE(window.connectionCount(), 1);
        ConnectionView *again = window.currentView();
        QVERIFY(again);
        QCOMPARE(again->profile().name, u"Shop broker"_s);
        QTRY_COMPARE_WITH_TIMEOUT(again->connection()->state(), MqttConnection::State::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(subscriptionActive(again, u"line/#"_s) && subscriptionActive(again, u"extra/#"_s),
                                 5000);
        // The retained message arrives again, and new traffic on both filters shows up.
        QTRY_VERIFY_WITH_TIMEOUT(findTopic(again->topicView()->model(), u"line/3/temp"_s).isValid(), 5000);
        publish(u"extra/after/reopen"_s, "1");
        publish(u"line/4/temp"_s, "19.0");
        QTRY_VERIFY_WITH_TIMEOUT(findTopic(again->topicView()->model(), u"extra/after/reopen"_s).isValid(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(findTopic(again->topicView()->model(), u"line/4/temp"_s).isValid(), 5000);
        QVERIFY(!window.isWindowModified());
        QVERIFY2(window.windowTitle().startsWith(u"ops[*]"_s), qPrintable(window.windowTitle()));
        publish(u"line/3/temp"_s, QByteArray(), true); // clear the retained message
    }

    void modifiedMarkerAndSavePrompt()
    {
        const QString file = m_dir.filePath(u"prompt.tideline"_s);
        Workspace ws;
        ws.connections = {brokerProfile(u"Prompt"_s, {{u"prompt/#"_s, 0}})};
        QVERIFY(ws.save(file).ok());

        auto window = std::make_unique<MainWindow>();
        window->show();
        QVERIFY(window->workspaces()->open(file).ok());
        ConnectionView *view = window->currentView();
        QVERIFY(view);
        QVERIFY(!window->isWindowModified());
        QTRY_COMPARE_WITH_TIMEOUT(view->connection()->state(), MqttConnection::State::Connected, 10000);

        view->subscribe({u"more/#"_s, 0});
        QTRY_VERIFY_WITH_TIMEOUT(window->isWindowModified(), 5000);
        QVERIFY(window->workspaces()->isModified());
        // Undoing the change is no change (re-checked on the next stats tick).
        view->unsubscribe(u"more/#"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!window->isWindowModified(), 5000);
        view->subscribe({u"more/#"_s, 0});
        QTRY_VERIFY_WITH_TIMEOUT(window->isWindowModified(), 5000);

        // Closing asks; Cancel keeps the window.
        QString question;
        whenModalOpens<QMessageBox>(this, [&](QMessageBox *box) {
            question = box->text();
            box->button(QMessageBox::Cancel)->click();
        });
        QVERIFY(!window->close());
        QVERIFY2(question.contains(u"prompt"_s), qPrintable(question));
        QVERIFY(window->isVisible());

        // Save writes the change, then the window closes.
        whenModalOpens<QMessageBox>(this, [&](QMessageBox *box) { box->button(QMessageBox::Save)->click(); });
        QVERIFY(window->close());
        QCOMPARE(filtersIn(readJson(file)), (QStringList{u"prompt/#"_s, u"more/#"_s}));
    }

    void untitledWorkspaceDoesNotAsk()
    {
        MainWindow window;
        window.show();
        window.openConnection(brokerProfile(u"Scratch"_s, {{u"scratch/#"_s, 0}}));
        QTRY_VERIFY(window.isWindowModified());
        bool asked = false;
        whenModalOpens<QMessageBox>(this, [&](QMessageBox *box) {
            asked = true;
            box->reject();
        });
        QVERIFY(window.close());
        QVERIFY(!asked);
    }

    void layoutIsRestoredPerWorkspace()
    {
        const QString file = m_dir.filePath(u"layout.tideline"_s);
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(700, 520);
            QTRY_COMPARE(window.size(), QSize(700, 520));
            QVERIFY(window.workspaces()->saveTo(file).ok());
        }
        MainWindow other;
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        QVERIFY(other.size() != QSize(700, 520));
        QVERIFY(other.workspaces()->open(file).ok());
        QTRY_COMPARE(other.size(), QSize(700, 520));
        QVERIFY(!readJson(file).value(u"layout"_s).toObject().value(u"state"_s).toString().isEmpty());
    }

    void sectionsReachTheirOwnersAndUnknownOnesSurvive()
    {
        const QString file = m_dir.filePath(u"sections.tideline"_s);
        Workspace ws;
        ws.setSection(u"dashboards"_s, QJsonObject{{u"charts"_s, 2}});
        ws.setSection(u"fromTheFuture"_s, QJsonObject{{u"keep"_s, u"me"_s}});
        ws.workloadLinks = {{u"rabbitmq:orders"_s, u"prod"_s, u"prod"_s, u"shop"_s, u"worker"_s}};
        QVERIFY(ws.save(file).ok());

        MainWindow window;
        window.show();
        QJsonObject dashboards{{u"charts"_s, 0}};
        QList<QJsonObject> loaded;
        window.workspaces()->registerSection(
            u"dashboards"_s, [&] { return dashboards; },
            [&](const QJsonObject &o) {
                loaded << o;
                dashboards = o;
            });
        QVERIFY(window.workspaces()->open(file).ok());
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.last(), (QJsonObject{{u"charts"_s, 2}}));
        QCOMPARE(window.workspaces()->section(u"fromTheFuture"_s), (QJsonObject{{u"keep"_s, u"me"_s}}));
        QCOMPARE(window.workspaces()->workloadLinks(), ws.workloadLinks);
        QVERIFY(!window.isWindowModified());

        // The owner changed something and says so.
        dashboards = QJsonObject{{u"charts"_s, 3}};
        window.workspaces()->updateModified();
        QVERIFY(window.isWindowModified());
        QVERIFY(window.workspaces()->save());
        const Result<Workspace> back = Workspace::load(file);
        QVERIFY(back.ok());
        QCOMPARE(back.value().section(u"dashboards"_s), (QJsonObject{{u"charts"_s, 3}}));
        QCOMPARE(back.value().section(u"fromTheFuture"_s), (QJsonObject{{u"keep"_s, u"me"_s}}));
        QCOMPARE(back.value().workloadLinks, ws.workloadLinks);

        // A part that registers after the workspace opened gets its section at once.
        QJsonObject late;
        window.workspaces()->registerSection(
            u"fromTheFuture"_s, [&] { return late; }, [&](const QJsonObject &o) { late = o; });
        QCOMPARE(late, (QJsonObject{{u"keep"_s, u"me"_s}}));

        // A new workspace hands every owner an empty section.
        window.workspaces()->newAction()->trigger();
        QCOMPARE(loaded.last(), QJsonObject{});
        QVERIFY(window.workspaces()->workloadLinks().isEmpty());
    }

    void openErrorsLeaveTheWindowAsItWas()
    {
        MainWindow window;
        window.show();
        window.openConnection(brokerProfile(u"Keep"_s, {{u"keep/#"_s, 0}}));
        const QString file = m_dir.filePath(u"newer.tideline"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"tideline-workspace\", \"version\": 99}");
        f.close();
        const Result<void> r = window.workspaces()->open(file);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"workspace.newer"_s);
        QCOMPARE(window.connectionCount(), 1);
        QVERIFY(!window.workspaces()->hasFile());

        // Through the menu the message is shown.
        QString shown;
        whenModalOpens<QMessageBox>(this, [&](QMessageBox *box) {
            shown = box->text();
            box->accept();
        });
        bool dialogSeen = false;
        chooseInFileDialog(this, file, &dialogSeen);
        window.workspaces()->openAction()->trigger();
        QTRY_VERIFY(!shown.isEmpty());
        QVERIFY2(shown.contains(u"newer version of Tideline"_s), qPrintable(shown));
        QCOMPARE(window.connectionCount(), 1);
    }

    void commandLineOpensAWorkspace()
    {
        const QString app = QStringLiteral(TIDELINE_BINARY_DIR "/app/tideline");
        QVERIFY2(QFileInfo::exists(app), "build the tideline target before this test");
        const QString file = m_dir.filePath(u"cli.tideline"_s);
        Workspace ws;
        ws.connections = {brokerProfile(u"From the command line"_s, {{u"cli/#"_s, 0}})};
        QVERIFY(ws.save(file).ok());
        const QString shot = m_dir.filePath(u"cli.png"_s);

        const qsizetype connectedBefore = m_mqtt.broker().log().count(u"New client connected"_s);
        QProcess run;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        run.setProcessEnvironment(env);
        run.start(app, {file, u"--settings"_s, m_dir.filePath(u"cli.ini"_s), u"--screenshot"_s, shot,
                        u"--quit-after"_s, u"1500"_s});
        QVERIFY(run.waitForFinished(30000));
        QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
        QVERIFY(QFileInfo(shot).size() > 0);
        // The broker saw the workspace's connection.
        QTRY_VERIFY_WITH_TIMEOUT(m_mqtt.broker().log().count(u"New client connected"_s) > connectedBefore, 5000);
        // It is now the most recent workspace in that settings file.
        QSettings cliSettings(m_dir.filePath(u"cli.ini"_s), QSettings::IniFormat);
        QCOMPARE(RecentWorkspaces(cliSettings).paths().value(0), file);

        run.start(app, {m_dir.filePath(u"missing.tideline"_s), u"--settings"_s, m_dir.filePath(u"cli.ini"_s)});
        QVERIFY(run.waitForFinished(30000));
        QCOMPARE(run.exitCode(), 2);
        QVERIFY2(run.readAllStandardError().contains("does not exist"), "no clear error for a missing workspace");
    }
};

QTEST_MAIN(TestWorkspaceUi)
#include "tst_workspace_ui.moc"
