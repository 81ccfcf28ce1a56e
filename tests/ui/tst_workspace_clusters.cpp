// Cluster tabs in workspaces: a real MainWindow against the TLS fake API server opens a
// cluster, saves the workspace, and a second window opening it gets the tab back with the same
// context, namespace and selected workload, listing the deployments; opening a workspace
// replaces the previous one's cluster tabs; a kubeconfig broken since the save is reported
// while the other tabs open, and its entry survives the next save.
#include "ClusterView.h"
#include "ClusterWorkspaceSection.h"
#include "FakeKubeApiServer.h"
#include "KubeWorkloadModel.h"
#include "MainWindow.h"
#include "Settings.h"
#include "WorkspaceController.h"
#include "core/Workspace.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 30000;

QString shotDir()
{
    const QString fromEnv = qEnvironmentVariable("TIDELINE_SCREENSHOT_DIR");
    const QString dir = fromEnv.isEmpty() ? QDir::temp().filePath(u"tideline-ui-tests"_s) : fromEnv;
    QDir().mkpath(dir);
    return dir;
}

QList<ClusterView *> clusterTabs(const MainWindow &window)
{
    QList<ClusterView *> out;
    for (int i = 0; i < window.tabWidget()->count(); ++i) {
        if (auto *view = qobject_cast<ClusterView *>(window.tabWidget()->widget(i)))
            out << view;
    }
    return out;
}

QJsonArray savedClusters(const QString &workspacePath)
{
    const auto ws = Workspace::load(workspacePath);
    if (!ws)
        return {};
    return ws.value().section(u"kubernetes"_s).value(u"clusters"_s).toArray();
}

} // namespace

class TstWorkspaceClusters : public QObject
{
    Q_OBJECT

private:
    // One cluster, two contexts: "fake" (namespace shop) and "ops" (namespace payments).
    QString writeConfig(const QString &fileName)
    {
        const QString path = m_dir->filePath(fileName);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        const QStringList lines{u"apiVersion: v1"_s, u"kind: Config"_s, u"clusters:"_s, u"- name: fake"_s,
                                u"  cluster:"_s, u"    server: %1"_s.arg(m_server->url()),
                                u"    certificate-authority: %1"_s.arg(m_server->caFile()), u"contexts:"_s,
                                u"- name: fake"_s, u"  context: {cluster: fake, user: tester, namespace: shop}"_s,
                                u"- name: ops"_s, u"  context: {cluster: fake, user: tester, namespace: payments}"_s,
                                u"current-context: fake"_s, u"users:"_s, u"- name: tester"_s, u"  user:"_s,
                                u"    token: admin-token"_s};
        f.write(lines.join(u'\n').toUtf8() + '\n');
        return path;
    }

    static std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->workspaces()->setAskToSave(false);
        window->show();
        return window;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeKubeApiServer> m_server;
    QString m_config;
    int m_serial = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        settings::useIniFile(m_dir->filePath(u"settings-%1.ini"_s.arg(++m_serial)));
        m_server = std::make_unique<FakeKubeApiServer>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_server->addToken(u"admin-token"_s, u"alice"_s);
        m_server->allowAll(u"alice"_s);
        m_server->seed(FakeKubeApiServer::deployment(u"worker"_s, 4, 4, u"shop"_s));
        m_server->seed(FakeKubeApiServer::deployment(u"api"_s, 1, 1, u"shop"_s));
        m_server->seed(FakeKubeApiServer::deployment(u"billing"_s, 2, 2, u"payments"_s));
        m_config = writeConfig(u"config.yaml"_s);
        QVERIFY(!m_config.isEmpty());
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void saveCloseAndReopenRestoresTheTab()
    {
        const QString workspace = m_dir->filePath(u"ops.tideline"_s);
        {
            auto window = makeWindow();
            ClusterView *view = window->openCluster(m_config, u"ops"_s);
            QVERIFY(view);
            QTRY_COMPARE_WITH_TIMEOUT(view->workloadModel()->rowCount(), 1, kTimeoutMs); // billing
            view->switchNamespace(u"shop"_s);
            QTRY_COMPARE_WITH_TIMEOUT(view->workloadModel()->rowCount(), 2, kTimeoutMs);
            QVERIFY(view->selectWorkload(u"Deployment"_s, u"worker"_s));
            QVERIFY(window->workspaces()->isModified() || !window->workspaces()->hasFile());
            const auto saved = window->workspaces()->saveTo(workspace);
            QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));

            const QJsonArray clusters = savedClusters(workspace);
            QCOMPARE(clusters.size(), 1);
            const QJsonObject entry = clusters.at(0).toObject();
            QCOMPARE(entry.value(u"kubeconfig"_s).toString(), m_config);
            QCOMPARE(entry.value(u"context"_s).toString(), u"ops"_s);
            QCOMPARE(entry.value(u"namespace"_s).toString(), u"shop"_s);
            QCOMPARE(entry.value(u"selected"_s).toObject().value(u"name"_s).toString(), u"worker"_s);
            window->close();
        }

        auto window = makeWindow();
        // A tab of whatever was open before goes when the workspace opens.
        QVERIFY(window->openCluster(m_config, u"fake"_s));
        QCOMPARE(clusterTabs(*window).size(), 1);
        const auto opened = window->workspaces()->open(workspace);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QTRY_COMPARE_WITH_TIMEOUT(window->tabWidget()->count(), 1, kTimeoutMs);
        const QList<ClusterView *> tabs = clusterTabs(*window);
        QCOMPARE(tabs.size(), 1);
        ClusterView *view = tabs.first();
        QCOMPARE(view->contextName(), u"ops"_s);
        QCOMPARE(view->namespaceName(), u"shop"_s);
        QCOMPARE(window->tabWidget()->tabText(0), u"ops (shop)"_s);
        QTRY_COMPARE_WITH_TIMEOUT(view->workloadModel()->rowCount(), 2, kTimeoutMs);
        QVERIFY(view->workloadModel()->rowOf(KubeWorkloadModel::keyOf(u"Deployment"_s, u"shop"_s, u"worker"_s)) >= 0);
        QVERIFY(view->workloadModel()->rowOf(KubeWorkloadModel::keyOf(u"Deployment"_s, u"shop"_s, u"api"_s)) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(view->selectedKey(), u"Deployment/shop/worker"_s, kTimeoutMs);
        // Reopening and syncing is not a change.
        QTest::qWait(200);
        QVERIFY(!window->workspaces()->isModified());
        QVERIFY(!window->findChild<QMessageBox *>(u"clusterRestoreMessage"_s));

        // Closing the tab is.
        window->closeConnection(0);
        QTRY_VERIFY_WITH_TIMEOUT(window->workspaces()->isModified(), kTimeoutMs);
        QVERIFY(window->workspaces()->current().section(u"kubernetes"_s).isEmpty());

        // A new workspace has no cluster tabs.
        QVERIFY(window->openCluster(m_config, u"fake"_s));
        window->workspaces()->newWorkspace();
        QCOMPARE(clusterTabs(*window).size(), 0);
    }

    void brokenKubeconfigKeepsItsEntry()
    {
        const QString workspace = m_dir->filePath(u"two.tideline"_s);
        const QString second = writeConfig(u"second.yaml"_s);
        {
            auto window = makeWindow();
            ClusterView *first = window->openCluster(m_config, u"fake"_s);
            QVERIFY(first);
            ClusterView *other = window->openCluster(second, u"ops"_s);
            QVERIFY(other);
            // Saved as an operator would, once the tabs show their workloads (and have selected one).
            QTRY_VERIFY_WITH_TIMEOUT(!first->selectedKey().isEmpty() && !other->selectedKey().isEmpty(), kTimeoutMs);
            QVERIFY(window->workspaces()->saveTo(workspace).ok());
            QCOMPARE(savedClusters(workspace).size(), 2);
        }
        // The second kubeconfig breaks after the save.
        {
            QFile f(second);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("apiVersion: v1\nkind: Config\nclusters: [\n  - name: x\n");
        }

        auto window = makeWindow();
        const auto opened = window->workspaces()->open(workspace);
        QVERIFY(opened.ok()); // the workspace itself opens
        const QList<ClusterView *> tabs = clusterTabs(*window);
        QCOMPARE(tabs.size(), 1);
        QCOMPARE(tabs.first()->contextName(), u"fake"_s);
        QTRY_COMPARE_WITH_TIMEOUT(tabs.first()->workloadModel()->rowCount(), 2, kTimeoutMs);

        // Said once, without blocking, naming the file and the context.
        auto *box = window->findChild<QMessageBox *>(u"clusterRestoreMessage"_s);
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY(!box->isModal());
        QVERIFY2(box->informativeText().contains(u"second.yaml"_s), qPrintable(box->informativeText()));
        QVERIFY2(box->informativeText().contains(u"ops"_s), qPrintable(box->informativeText()));
        QVERIFY(box->grab().save(QDir(shotDir()).filePath(u"workspace-cluster-not-restored.png"_s), "PNG"));
        QVERIFY(window->grab().save(QDir(shotDir()).filePath(u"workspace-cluster-restored.png"_s), "PNG"));
        box->close();

        auto *section = window->findChild<ClusterWorkspaceSection *>();
        QVERIFY(section);
        QCOMPARE(section->unrestored().size(), 1);
        QVERIFY(!window->workspaces()->isModified());

        // Saving again keeps the entry that did not open, unchanged.
        QVERIFY(window->workspaces()->saveTo(workspace).ok());
        const QJsonArray clusters = savedClusters(workspace);
        QCOMPARE(clusters.size(), 2);
        QCOMPARE(clusters.at(1).toObject().value(u"kubeconfig"_s).toString(), second);
        QCOMPARE(clusters.at(1).toObject().value(u"context"_s).toString(), u"ops"_s);

        // Fixed and opened by hand: the tab takes the entry's place, no duplicate.
        QCOMPARE(writeConfig(u"second.yaml"_s), second);
        ClusterView *again = window->openCluster(second, u"ops"_s);
        QVERIFY(again);
        QVERIFY(window->workspaces()->saveTo(workspace).ok());
        QCOMPARE(savedClusters(workspace).size(), 2);
    }
};

QTEST_MAIN(TstWorkspaceClusters)
#include "tst_workspace_clusters.moc"
