// One history file per workspace: the store a window records into follows the workspace it
// has open (untitled, saved, opened, replaced, renamed by Save as…), and the demo records into
// a file of its own. Everything through the real MainWindow, WorkspaceController and the real
// SQLite HistoryStore.

#include "MainWindow.h"
#include "MetricsDashboard.h"
#include "WorkspaceController.h"
#include "core/HistoryStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

namespace {

TimelineEvent rescale(const QString &name, int from, int to)
{
    TimelineEvent e;
    e.timestampMs = QDateTime::currentMSecsSinceEpoch();
    e.source = u"kube"_s;
    e.cluster = u"test-cluster"_s;
    e.ns = u"shop"_s;
    e.kind = u"HorizontalPodAutoscaler"_s;
    e.name = name;
    e.type = u"Normal"_s;
    e.reason = u"SuccessfulRescale"_s;
    e.message = u"New size: %1; reason: test"_s.arg(to);
    e.fromReplicas = from;
    e.toReplicas = to;
    return e;
}

// The names of the HPAs whose rescales the store holds.
QStringList rescaledNames(HistoryStore *store)
{
    QStringList names;
    const auto events = store->queryEventsSync(0, QDateTime::currentMSecsSinceEpoch() + 60'000);
    if (!events)
        return {u"<error: "_s + events.error().message + u'>'};
    for (const TimelineEvent &e : events.value())
        names << e.name;
    names.sort();
    return names;
}

} // namespace

class TestWorkspaceHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/history"_s).removeRecursively();
        QVERIFY(m_dir.isValid());
    }

    void pathsAreOnePerWorkspace()
    {
        const QString a = m_dir.filePath(u"one/shop.tideline"_s);
        const QString b = m_dir.filePath(u"two/shop.tideline"_s);
        const QString untitled = WorkspaceController::historyPathFor({});
        QVERIFY(untitled.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(untitled.endsWith(u"/history/untitled.sqlite"_s));
        // Same name in two folders: two files, both recognisable by the workspace's name.
        QVERIFY(WorkspaceController::historyPathFor(a) != WorkspaceController::historyPathFor(b));
        QVERIFY(QFileInfo(WorkspaceController::historyPathFor(a)).fileName().startsWith(u"shop-"_s));
        QCOMPARE(WorkspaceController::historyPathFor(a), WorkspaceController::historyPathFor(a));
        // Names that are not safe in a file name are not copied into it.
        const QString odd = WorkspaceController::historyPathFor(m_dir.filePath(u"q3 ../:*?.tideline"_s));
        QCOMPARE(QFileInfo(odd).absolutePath(), QFileInfo(untitled).absolutePath());
        QVERIFY(!QFileInfo(odd).fileName().contains(u' '));
    }

    void historyFollowsTheWorkspace()
    {
        MainWindow window;
        WorkspaceController *ws = window.workspaces();
        ws->setAskToSave(false);
        HistoryStore *store = ws->history();
        QVERIFY(store);
        QCOMPARE(store->path(), WorkspaceController::historyPathFor({}));
        QCOMPARE(rescaledNames(store), QStringList{});

        // Untitled: recorded, then saved as a file: the history moves with it.
        store->appendEvent(rescale(u"untitled-hpa"_s, 2, 4));
        QVERIFY(store->flushSync());
        const QString shop = m_dir.filePath(u"shop.tideline"_s);
        QSignalSpy reopened(store, &HistoryStore::reopened);
        QVERIFY(ws->saveTo(shop));
        QCOMPARE(ws->history(), store); // the same object: views keep their pointer
        QCOMPARE(store->path(), WorkspaceController::historyPathFor(shop));
        QCOMPARE(reopened.size(), 1);
        QCOMPARE(rescaledNames(store), QStringList{u"untitled-hpa"_s});
        QVERIFY(!QFileInfo::exists(WorkspaceController::historyPathFor({}))); // moved, not copied
        store->appendEvent(rescale(u"shop-hpa"_s, 4, 8));

        // Save as… another name: a copy goes along, the first workspace keeps its own.
        const QString copy = m_dir.filePath(u"shop-copy.tideline"_s);
        QVERIFY(ws->saveTo(copy));
        QCOMPARE(store->path(), WorkspaceController::historyPathFor(copy));
        QCOMPARE(rescaledNames(store), (QStringList{u"shop-hpa"_s, u"untitled-hpa"_s}));
        store->appendEvent(rescale(u"copy-only-hpa"_s, 8, 10));
        QVERIFY(store->flushSync());

        // A new workspace starts with an empty history.
        ws->newWorkspace();
        QCOMPARE(store->path(), WorkspaceController::historyPathFor({}));
        QCOMPARE(rescaledNames(store), QStringList{});

        // Opening a workspace opens its history, and nothing of the others'.
        QVERIFY(ws->open(shop));
        QCOMPARE(store->path(), WorkspaceController::historyPathFor(shop));
        QCOMPARE(rescaledNames(store), (QStringList{u"shop-hpa"_s, u"untitled-hpa"_s}));
        QVERIFY(ws->open(copy));
        QCOMPARE(rescaledNames(store), (QStringList{u"copy-only-hpa"_s, u"shop-hpa"_s, u"untitled-hpa"_s}));

        // The dashboard records into the same, current store.
        auto *dashboard = window.findChild<MetricsDashboard *>();
        QVERIFY(dashboard);
        QVERIFY(ws->history() == store);
    }

    void demoRecordsIntoItsOwnFile()
    {
        MainWindow window;
        WorkspaceController *ws = window.workspaces();
        ws->setAskToSave(false);
        const QString shop = m_dir.filePath(u"demo-before.tideline"_s);
        QVERIFY(ws->saveTo(shop));
        ws->history()->appendEvent(rescale(u"real-hpa"_s, 2, 3));
        QVERIFY(ws->history()->flushSync());

        const QString demoFile = m_dir.filePath(u"demo-data/history.sqlite"_s);
        QVERIFY(ws->useHistoryFile(demoFile));
        QCOMPARE(ws->history()->path(), demoFile);
        QCOMPARE(rescaledNames(ws->history()), QStringList{}); // nothing of the real workspace
        ws->history()->appendEvent(rescale(u"worker"_s, 2, 4));
        QVERIFY(ws->history()->flushSync());

        // Back to the workspace: its history is untouched by the demo's.
        QVERIFY(ws->open(shop));
        QCOMPARE(rescaledNames(ws->history()), QStringList{u"real-hpa"_s});
    }

    void unwritableHistorySaysSoAndKeepsGoing()
    {
        MainWindow window;
        WorkspaceController *ws = window.workspaces();
        // A directory where the file should be: cannot be opened as a database.
        const QString blocked = m_dir.filePath(u"blocked.sqlite"_s);
        QVERIFY(QDir().mkpath(blocked));
        const Result<void> r = ws->useHistoryFile(blocked);
        QVERIFY(!r);
        QVERIFY(!r.error().message.isEmpty());
        QCOMPARE(ws->history(), nullptr); // callers record nothing rather than crash
        // The next workspace gets a working store again.
        ws->setAskToSave(false);
        ws->newWorkspace();
        QVERIFY(ws->history());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestWorkspaceHistory)
#include "tst_workspace_history.moc"
