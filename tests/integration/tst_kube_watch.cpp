// KubeWatcher against the fake API server: list-then-watch with bookmarks, resume from the
// last resourceVersion after the server drops the connection, relist on 410 Gone (as an ERROR
// event and as an HTTP status), server-side watch timeouts, and a forbidden watch.
#include "FakeKubeApiServer.h"
#include "kube/KubeClient.h"
#include "kube/KubeWatcher.h"

#include <QSignalSpy>
#include <QtTest>

using namespace tideline;
using namespace tideline::kube;
using namespace tideline::test;
using namespace Qt::StringLiterals;

class TstKubeWatch : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KubeWatcher> makeWatcher(KubeClient *client)
    {
        auto w = std::make_unique<KubeWatcher>(
            client, KubeClient::collectionPath(u"apps"_s, u"v1"_s, u"deployments"_s, u"default"_s), u"Deployment"_s,
            u"apps/v1"_s);
        w->setBackoff(100, 1000);
        return w;
    }

    static int replicasOf(const QJsonObject &o)
    {
        return o.value(u"spec"_s).toObject().value(u"replicas"_s).toInt();
    }

    void setReplicas(const QString &name, int replicas)
    {
        QVERIFY(m_server->mutate(u"deployments"_s, u"default"_s, name, [replicas](QJsonObject &o) {
            QJsonObject spec = o.value(u"spec"_s).toObject();
            spec.insert(u"replicas"_s, replicas);
            o.insert(u"spec"_s, spec);
        }));
    }

    QString lastWatchQuery() const
    {
        for (qsizetype i = m_server->requests().size() - 1; i >= 0; --i) {
            if (m_server->requests().at(i).query.contains(u"watch=1"_s))
                return m_server->requests().at(i).query;
        }
        return {};
    }

    std::unique_ptr<FakeKubeApiServer> m_server;
    std::unique_ptr<KubeClient> m_client;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeKubeApiServer>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_server->addToken(u"t"_s, u"alice"_s);
        m_server->allowAll(u"alice"_s);
        m_server->setBookmarkIntervalMs(200);
        m_server->seed(FakeKubeApiServer::deployment(u"worker"_s, 2, 2));
        m_server->seed(FakeKubeApiServer::deployment(u"api"_s, 1, 1));
        m_client = std::make_unique<KubeClient>();
        const auto r = m_client->configureFromKubeconfig(m_server->writeKubeconfig(u"k.yaml"_s, {u"token: t"_s}), {});
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void listThenWatch()
    {
        auto w = makeWatcher(m_client.get());
        QSignalSpy added(w.get(), &KubeWatcher::objectAdded);
        QSignalSpy modified(w.get(), &KubeWatcher::objectModified);
        QSignalSpy deleted(w.get(), &KubeWatcher::objectDeleted);
        QSignalSpy synced(w.get(), &KubeWatcher::synced);
        QSignalSpy bookmarks(w.get(), &KubeWatcher::bookmarkReceived);
        w->start();
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 1, 10000);
        QCOMPARE(added.size(), 2);
        QCOMPARE(w->objects().keys(), (QList<QString>{u"default/api"_s, u"default/worker"_s}));
        QCOMPARE(w->objects().value(u"default/api"_s).value(u"kind"_s).toString(), u"Deployment"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->activeWatchCount(), 1, 10000);
        const QString query = lastWatchQuery();
        QVERIFY2(query.contains(u"allowWatchBookmarks=true"_s), qPrintable(query));
        QVERIFY2(query.contains(u"resourceVersion=%1"_s.arg(m_server->resourceVersion())), qPrintable(query));

        setReplicas(u"worker"_s, 7);
        QTRY_COMPARE_WITH_TIMEOUT(modified.size(), 1, 10000);
        QCOMPARE(modified.first().at(0).toString(), u"default/worker"_s);
        QCOMPARE(replicasOf(w->objects().value(u"default/worker"_s)), 7);
        QCOMPARE(w->resourceVersion(), QString::number(m_server->resourceVersion()));

        m_server->seed(FakeKubeApiServer::deployment(u"new"_s, 1, 0));
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 3, 10000);
        QVERIFY(m_server->remove(u"deployments"_s, u"default"_s, u"api"_s));
        QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 1, 10000);
        QCOMPARE(deleted.first().at(0).toString(), u"default/api"_s);
        QVERIFY(!w->objects().contains(u"default/api"_s));

        // Bookmarks move the resourceVersion on without changing the cache.
        QTRY_VERIFY_WITH_TIMEOUT(bookmarks.size() >= 1, 5000);
        QCOMPARE(w->bookmarkCount(), int(bookmarks.size()));
        QCOMPARE(w->listCount(), 1);
    }

    void resumesAfterDroppedConnection()
    {
        auto w = makeWatcher(m_client.get());
        QSignalSpy modified(w.get(), &KubeWatcher::objectModified);
        QSignalSpy errors(w.get(), &KubeWatcher::errorOccurred);
        w->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->activeWatchCount(), 1, 10000);
        setReplicas(u"worker"_s, 3);
        QTRY_COMPARE_WITH_TIMEOUT(modified.size(), 1, 10000);
        const QString seen = w->resourceVersion();

        // The connection goes away; a change happens before the client is back.
        m_server->dropWatchConnections();
        setReplicas(u"api"_s, 9);
        QTRY_COMPARE_WITH_TIMEOUT(modified.size(), 2, 10000);
        QCOMPARE(modified.last().at(0).toString(), u"default/api"_s);
        QCOMPARE(replicasOf(w->objects().value(u"default/api"_s)), 9);
        QVERIFY(errors.size() >= 1); // the interruption is reported
        QCOMPARE(w->listCount(), 1); // resumed, not relisted
        QCOMPARE(w->watchCount(), 2);
        QVERIFY2(lastWatchQuery().contains(u"resourceVersion="_s + seen), qPrintable(lastWatchQuery()));
    }

    void relistOn410_data()
    {
        QTest::addColumn<bool>("asHttpStatus");
        QTest::newRow("ERROR event with a 410 Status") << false;
        QTest::newRow("HTTP 410") << true;
    }

    void relistOn410()
    {
        QFETCH(bool, asHttpStatus);
        m_server->setGoneAsHttpStatus(asHttpStatus);
        auto w = makeWatcher(m_client.get());
        w->setBackoff(500, 1000);
        QSignalSpy synced(w.get(), &KubeWatcher::synced);
        QSignalSpy modified(w.get(), &KubeWatcher::objectModified);
        QSignalSpy deleted(w.get(), &KubeWatcher::objectDeleted);
        QSignalSpy added(w.get(), &KubeWatcher::objectAdded);
        w->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->activeWatchCount(), 1, 10000);
        QCOMPARE(added.size(), 2);

        // While the client is away: one object changes, one goes, one comes, and the history
        // it would resume from is compacted away.
        m_server->dropWatchConnections();
        setReplicas(u"worker"_s, 6);
        QVERIFY(m_server->remove(u"deployments"_s, u"default"_s, u"api"_s));
        m_server->seed(FakeKubeApiServer::deployment(u"late"_s, 1, 1));
        m_server->compact();

        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 2, 10000);
        QCOMPARE(w->listCount(), 2);
        QCOMPARE(modified.size(), 1);
        QCOMPARE(modified.first().at(0).toString(), u"default/worker"_s);
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().at(0).toString(), u"default/api"_s);
        QCOMPARE(added.size(), 3);
        QCOMPARE(w->objects().keys(), (QList<QString>{u"default/late"_s, u"default/worker"_s}));
        QCOMPARE(w->resourceVersion(), QString::number(m_server->resourceVersion()));
        // And it watches again from the fresh list.
        QTRY_COMPARE_WITH_TIMEOUT(m_server->activeWatchCount(), 1, 10000);
        setReplicas(u"late"_s, 2);
        QTRY_COMPARE_WITH_TIMEOUT(modified.size(), 2, 10000);
    }

    void serverTimeoutRewatches()
    {
        auto w = makeWatcher(m_client.get());
        w->setWatchTimeoutSeconds(1);
        QSignalSpy errors(w.get(), &KubeWatcher::errorOccurred);
        QSignalSpy modified(w.get(), &KubeWatcher::objectModified);
        w->start();
        QTRY_VERIFY_WITH_TIMEOUT(w->watchCount() >= 3, 10000);
        QCOMPARE(w->listCount(), 1);
        QCOMPARE(errors.size(), 0);
        setReplicas(u"worker"_s, 4);
        QTRY_COMPARE_WITH_TIMEOUT(modified.size(), 1, 10000);
    }

    void forbiddenWatchBacksOff()
    {
        m_server->setRules(u"alice"_s, {{{u"list"_s}, {u"apps"_s}, {u"deployments"_s}, {}, {}}});
        auto w = makeWatcher(m_client.get());
        QSignalSpy errors(w.get(), &KubeWatcher::errorOccurred);
        w->start();
        QTRY_VERIFY_WITH_TIMEOUT(errors.size() >= 2, 10000);
        const auto first = errors.first().at(0).value<tideline::Error>();
        QCOMPARE(first.code, u"kube.forbidden"_s);
        QVERIFY2(first.message.startsWith(u"403 Forbidden: deployments.apps is forbidden: User \"alice\" cannot watch"_s),
                 qPrintable(first.message));
        QVERIFY(w->currentBackoffMs() > 100);
        w->stop();
        QCOMPARE(w->state(), KubeWatcher::State::Idle);
    }
};

QTEST_GUILESS_MAIN(TstKubeWatch)
#include "tst_kube_watch.moc"
