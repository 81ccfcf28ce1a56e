// The fake API server checked against the reference client: kubectl 1.32 talks to it over TLS
// with a client certificate and with a bearer token, and must see what it sees on a real
// cluster (lists, watch events, scale via the subresource, RBAC texts, 422 texts).
#include "CliRunner.h"
#include "FakeKubeApiServer.h"
#include "TestServers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace tideline::test;
using namespace Qt::StringLiterals;

class TstKubeFakeServer : public QObject
{
    Q_OBJECT

private:
    // kubectl runs while this thread's event loop serves it: never block on the process.
    CliRun kubectl(const QStringList &args, const QString &kubeconfig, int timeoutMs = 30000)
    {
        RunOptions options;
        options.timeoutMs = timeoutMs;
        options.keepEventLoopRunning = true;
        return runProgram(m_kubectl,
                          QStringList{u"--kubeconfig"_s, kubeconfig, u"--cache-dir"_s, m_cache.filePath(u"cache"_s),
                                      u"--request-timeout=20s"_s} + args,
                          options);
    }

    FakeKubeApiServer m_server;
    QString m_kubectl;
    QString m_certConfig;
    QString m_tokenConfig;
    QString m_anonConfig;
    QTemporaryDir m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        m_kubectl = findProgram(u"kubectl"_s);
        QVERIFY2(!m_kubectl.isEmpty(), "kubectl is not installed (scripts/install-deps installs it)");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        // bob may read deployments but not scale them, and nothing else.
        KubeUsers users;
        QVERIFY2(addKubeUsers(m_server, {{{u"get"_s, u"list"_s, u"watch"_s}, {u"apps"_s}, {u"deployments"_s}, {}, {}}},
                              &users, &error),
                 qPrintable(error));
        m_certConfig = users.alice;
        m_tokenConfig = users.bob;
        m_anonConfig = m_server.writeKubeconfig(u"anon.yaml"_s, {u"token: nobody-knows-this"_s});
        m_server.seed(FakeKubeApiServer::deployment(u"worker"_s, 2, 2));
        m_server.seed(FakeKubeApiServer::deployment(u"api"_s, 3, 1));
        m_server.seed(FakeKubeApiServer::statefulSet(u"db"_s, 1, 1));
        m_server.seed(FakeKubeApiServer::hpa(u"worker"_s, u"worker"_s, 1, 10, u"messages"_s, 20, 2, 35));
        m_server.seed(FakeKubeApiServer::event(u"worker.1"_s, u"Deployment"_s, u"worker"_s, u"ScalingReplicaSet"_s,
                                               u"Scaled up replica set worker-abc to 2"_s));
    }

    void getDeploymentsJson()
    {
        const CliRun r = kubectl({u"get"_s, u"deployments"_s, u"-o"_s, u"json"_s}, m_certConfig);
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        const QJsonObject list = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(list.value(u"kind"_s).toString(), u"List"_s);
        QStringList names;
        for (const QJsonValue &v : list.value(u"items"_s).toArray()) {
            QCOMPARE(v.toObject().value(u"kind"_s).toString(), u"Deployment"_s);
            names << v.toObject().value(u"metadata"_s).toObject().value(u"name"_s).toString();
        }
        names.sort();
        QCOMPARE(names, (QStringList{u"api"_s, u"worker"_s}));
    }

    void getDeploymentsTable()
    {
        const CliRun r = kubectl({u"get"_s, u"deployments"_s}, m_certConfig);
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        QVERIFY2(r.out.contains("worker") && r.out.contains("api"), describe(r));
    }

    void getOtherKinds_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("hpa") << QStringList{u"get"_s, u"hpa"_s, u"worker"_s, u"-o"_s, u"json"_s} << QByteArray("\"maxReplicas\":10");
        QTest::newRow("statefulsets") << QStringList{u"get"_s, u"sts"_s, u"-o"_s, u"name"_s} << QByteArray("statefulset.apps/db");
        QTest::newRow("events") << QStringList{u"get"_s, u"events"_s, u"-o"_s, u"json"_s} << QByteArray("ScalingReplicaSet");
        QTest::newRow("events.k8s.io") << QStringList{u"get"_s, u"events.v1.events.k8s.io"_s, u"-o"_s, u"json"_s}
                                       << QByteArray("\"regarding\":");
        QTest::newRow("field selector") << QStringList{u"get"_s, u"events"_s, u"--field-selector"_s,
                                                       u"involvedObject.name=worker"_s, u"-o"_s, u"name"_s}
                                        << QByteArray("event/worker.1");
    }

    void getOtherKinds()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, expected);
        const CliRun r = kubectl(args, m_certConfig);
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        QVERIFY2(QByteArray(r.out).replace(" ", "").contains(expected), describe(r));
    }

    void scaleThroughSubresource()
    {
        m_server.clearRequests();
        const CliRun r = kubectl({u"scale"_s, u"deployment/worker"_s, u"--replicas=4"_s}, m_certConfig);
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        QVERIFY2(r.out.contains("deployment.apps/worker scaled"), describe(r));
        QCOMPARE(m_server.object(u"deployments"_s, u"default"_s, u"worker"_s)
                     .value(u"spec"_s).toObject().value(u"replicas"_s).toInt(), 4);
        bool sawPatch = false;
        for (const auto &req : m_server.requests()) {
            if (req.method == "PATCH" && req.path.endsWith(u"/deployments/worker/scale"_s))
                sawPatch = true;
        }
        QVERIFY(sawPatch);
    }

    void scaleDryRunLeavesObject()
    {
        const CliRun r = kubectl({u"scale"_s, u"deployment/worker"_s, u"--replicas=7"_s, u"--dry-run=server"_s}, m_certConfig);
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        QCOMPARE(m_server.object(u"deployments"_s, u"default"_s, u"worker"_s)
                     .value(u"spec"_s).toObject().value(u"replicas"_s).toInt(), 4);
    }

    void invalidReplicasIs422()
    {
        const CliRun r = kubectl({u"patch"_s, u"deployment"_s, u"worker"_s, u"--type=merge"_s, u"-p"_s,
                               u"{\"spec\":{\"replicas\":-1}}"_s}, m_certConfig);
        QVERIFY2(r.finished && r.exitCode != 0, describe(r));
        // kubectl words it from details.kind; the Status message itself is checked in tst_kube_client.
        QVERIFY2(r.err.contains("The Deployment \"worker\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
                 describe(r));
    }

    void forbiddenText()
    {
        const CliRun list = kubectl({u"get"_s, u"deployments"_s}, m_tokenConfig);
        QVERIFY2(list.finished && list.exitCode == 0, describe(list));
        const CliRun r = kubectl({u"scale"_s, u"deployment/worker"_s, u"--replicas=1"_s}, m_tokenConfig);
        QVERIFY2(r.finished && r.exitCode != 0, describe(r));
        QVERIFY2(r.err.contains("deployments.apps \"worker\" is forbidden: User \"bob\" cannot patch resource "
                                "\"deployments/scale\" in API group \"apps\" in the namespace \"default\""),
                 describe(r));
        const CliRun hpa = kubectl({u"get"_s, u"hpa"_s}, m_tokenConfig);
        QVERIFY2(hpa.finished && hpa.exitCode != 0, describe(hpa));
        QVERIFY2(hpa.err.contains("Error from server (Forbidden): horizontalpodautoscalers.autoscaling is forbidden: "
                                  "User \"bob\" cannot list resource \"horizontalpodautoscalers\" in API group "
                                  "\"autoscaling\" in the namespace \"default\""), describe(hpa));
    }

    void unauthorizedText()
    {
        const CliRun r = kubectl({u"get"_s, u"deployments"_s}, m_anonConfig);
        QVERIFY2(r.finished && r.exitCode != 0, describe(r));
        QVERIFY2(r.err.contains("You must be logged in to the server") || r.err.contains("Unauthorized"), describe(r));
    }

    void notFoundText()
    {
        const CliRun r = kubectl({u"get"_s, u"deployment"_s, u"nope"_s}, m_certConfig);
        QVERIFY2(r.finished && r.exitCode != 0, describe(r));
        QVERIFY2(r.err.contains("Error from server (NotFound): deployments.apps \"nope\" not found"), describe(r));
    }

    void canI_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("alice") << u"cert"_s << QByteArray("yes");
        QTest::newRow("bob") << u"token"_s << QByteArray("no");
    }

    void canI()
    {
        QFETCH(QString, config);
        QFETCH(QByteArray, answer);
        const CliRun r = kubectl({u"auth"_s, u"can-i"_s, u"patch"_s, u"deployments.apps/scale"_s},
                              config == u"cert"_s ? m_certConfig : m_tokenConfig);
        QVERIFY2(r.finished, describe(r));
        QVERIFY2(r.out.trimmed() == answer, describe(r));
    }

    void watchSeesModification()
    {
        QProcess p;
        p.start(m_kubectl, {u"--kubeconfig"_s, m_certConfig, u"--cache-dir"_s, m_cache.filePath(u"cache"_s),
                            u"get"_s, u"deployment"_s, u"api"_s, u"--watch"_s, u"--output-watch-events"_s,
                            u"-o"_s, u"json"_s});
        QVERIFY(p.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(m_server.activeWatchCount() > 0, 20000);
        QVERIFY(m_server.mutate(u"deployments"_s, u"default"_s, u"api"_s, [](QJsonObject &o) {
            QJsonObject status = o.value(u"status"_s).toObject();
            status.insert(u"readyReplicas"_s, 3);
            o.insert(u"status"_s, status);
        }));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput()).contains("\"MODIFIED\""), 20000);
        QVERIFY2(out.contains("\"ADDED\""), out.constData());
        p.kill();
        p.waitForFinished(5000);
    }

    void watchGoneIsReportedToKubectl()
    {
        // A watch from a compacted version: kubectl shows the API's 410 text.
        const QString before = QString::number(m_server.resourceVersion() - 1);
        m_server.mutate(u"deployments"_s, u"default"_s, u"api"_s, [](QJsonObject &) {});
        m_server.compact();
        const CliRun r = kubectl({u"get"_s, u"--raw"_s,
                               u"/apis/apps/v1/namespaces/default/deployments?watch=1&resourceVersion="_s + before},
                              m_certConfig, 20000);
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        const QJsonObject event = QJsonDocument::fromJson(r.out.trimmed()).object();
        QCOMPARE(event.value(u"type"_s).toString(), u"ERROR"_s);
        const QJsonObject status = event.value(u"object"_s).toObject();
        QCOMPARE(status.value(u"kind"_s).toString(), u"Status"_s);
        QCOMPARE(status.value(u"code"_s).toInt(), 410);
        QCOMPARE(status.value(u"reason"_s).toString(), u"Expired"_s);
        QVERIFY2(status.value(u"message"_s).toString().startsWith(u"too old resource version: "_s + before), describe(r));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TstKubeFakeServer)
#include "tst_kube_fakeserver.moc"
