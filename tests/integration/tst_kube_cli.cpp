// The real tideline-cli binary against the fake API server over TLS: kube get (tables and
// JSON), kube scale (SSAR, dry run, the y/N question, the audit log), kube preview (HpaModel).
#include "CliRunner.h"
#include "FakeKubeApiServer.h"
#include "TestServers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

QList<QJsonObject> readAudit(const QString &path)
{
    QList<QJsonObject> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    while (!f.atEnd())
        out << QJsonDocument::fromJson(f.readLine()).object();
    return out;
}

} // namespace

class TstKubeCli : public QObject
{
    Q_OBJECT

private:
    // The server lives in this thread: wait for the CLI without blocking the event loop.
    CliRun cli(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 30000)
    {
        RunOptions options;
        options.input = input;
        options.timeoutMs = timeoutMs;
        options.keepEventLoopRunning = true;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_home.path()); // the default audit log must not land in the real home
        env.remove(u"KUBECONFIG"_s);
        options.environment = env;
        return runProgram(cliPath(), QStringList{u"kube"_s} + args, options);
    }

    int replicas(const QString &name) const
    {
        return m_server.object(u"deployments"_s, u"default"_s, name).value(u"spec"_s).toObject().value(u"replicas"_s).toInt();
    }

    FakeKubeApiServer m_server;
    QTemporaryDir m_home;
    QString m_alice;
    QString m_bob;
    QString m_audit;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(cliPath()));
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        KubeUsers users;
        QVERIFY2(addKubeUsers(m_server, {{{u"get"_s, u"list"_s}, {u"apps"_s}, {u"deployments"_s}, {}, {}}}, &users, &error),
                 qPrintable(error));
        m_alice = users.alice;
        m_bob = users.bob;
        m_audit = m_home.filePath(u"audit.jsonl"_s);
    }

    void init()
    {
        m_server.remove(u"deployments"_s, u"default"_s, u"worker"_s);
        m_server.remove(u"horizontalpodautoscalers"_s, u"default"_s, u"worker"_s);
        m_server.remove(u"events"_s, u"default"_s, u"worker.1"_s);
        m_server.seed(FakeKubeApiServer::deployment(u"worker"_s, 2, 2));
        m_server.seed(FakeKubeApiServer::hpa(u"worker"_s, u"worker"_s, 1, 10, u"messages"_s, 20, 2, 35));
        m_server.seed(FakeKubeApiServer::event(u"worker.1"_s, u"Deployment"_s, u"worker"_s, u"ScalingReplicaSet"_s,
                                               u"Scaled up replica set worker-abc to 2"_s));
        QFile::remove(m_audit);
        m_server.clearRequests();
    }

    void getDeploymentsTable()
    {
        const CliRun r = cli({u"get"_s, u"deployments"_s, u"--kubeconfig"_s, m_alice});
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        const QList<QByteArray> lines = r.out.split('\n');
        QVERIFY2(lines.value(0).simplified() == "NAME READY UP-TO-DATE AVAILABLE AGE", describe(r));
        QVERIFY2(lines.value(1).simplified().startsWith("worker 2/2 2 2 "), describe(r));
    }

    void getHpaJson()
    {
        const CliRun r = cli({u"get"_s, u"hpa"_s, u"--kubeconfig"_s, m_alice, u"-n"_s, u"default"_s, u"--json"_s});
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 1);
        const QJsonObject hpa = list.first().toObject();
        QCOMPARE(hpa.value(u"maxReplicas"_s).toInt(), 10);
        QCOMPARE(hpa.value(u"scaleTargetRef"_s).toObject().value(u"name"_s).toString(), u"worker"_s);
        const QJsonObject metric = hpa.value(u"metrics"_s).toArray().first().toObject();
        QCOMPARE(metric.value(u"type"_s).toString(), u"Pods"_s);
        QCOMPARE(metric.value(u"current"_s).toDouble(), 35.0);
        QCOMPARE(metric.value(u"target"_s).toDouble(), 20.0);
    }

    void getEventsFor()
    {
        const CliRun r = cli({u"get"_s, u"events"_s, u"--kubeconfig"_s, m_alice, u"--for"_s, u"deployment/worker"_s});
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        QVERIFY2(r.out.contains("ScalingReplicaSet") && r.out.contains("deployment/worker"), describe(r));
        QCOMPARE(m_server.requests().constLast().query,
                 u"fieldSelector=involvedObject.name%3Dworker%2CinvolvedObject.kind%3DDeployment"_s);
    }

    void getScaledObjectsWithoutKeda()
    {
        const CliRun r = cli({u"get"_s, u"scaledobjects"_s, u"--kubeconfig"_s, m_alice});
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        QVERIFY2(r.err.contains("KEDA is not installed"), describe(r));
    }

    void getForbidden()
    {
        const CliRun r = cli({u"get"_s, u"hpa"_s, u"--kubeconfig"_s, m_bob});
        QVERIFY2(r.finished && r.exitCode == 1, describe(r));
        QVERIFY2(r.err.contains("tideline-cli: error: 403 Forbidden: horizontalpodautoscalers.autoscaling is forbidden: "
                                "User \"bob\" cannot list resource \"horizontalpodautoscalers\""), describe(r));
    }

    void scaleDryRun()
    {
        const CliRun r = cli({u"scale"_s, u"deployment/worker"_s, u"--replicas"_s, u"5"_s, u"--dry-run"_s,
                              u"--kubeconfig"_s, m_alice, u"--audit-log"_s, m_audit});
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        QVERIFY2(r.out.contains("2 -> 5"), describe(r));
        QCOMPARE(replicas(u"worker"_s), 2);
        const auto audit = readAudit(m_audit);
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().value(u"outcome"_s).toString(), u"dry-run"_s);
        QCOMPARE(audit.first().value(u"dryRun"_s).toString(), u"ok"_s);
        QCOMPARE(audit.first().value(u"from"_s).toInt(), 2);
        QCOMPARE(audit.first().value(u"to"_s).toInt(), 5);
    }

    void scaleAsksAndCancels()
    {
        const CliRun r = cli({u"scale"_s, u"deployment/worker"_s, u"--replicas"_s, u"5"_s, u"--kubeconfig"_s, m_alice,
                              u"--audit-log"_s, m_audit}, "n\n");
        QVERIFY2(r.finished && r.exitCode == 1, describe(r));
        QVERIFY2(r.err.contains("from 2 to 5 replicas? [y/N]"), describe(r));
        QVERIFY2(r.err.contains("cancelled"), describe(r));
        QCOMPARE(replicas(u"worker"_s), 2);
        QCOMPARE(readAudit(m_audit).constLast().value(u"outcome"_s).toString(), u"cancelled"_s);
    }

    void scaleAsksAndApplies()
    {
        const CliRun r = cli({u"scale"_s, u"deploy/worker"_s, u"--replicas"_s, u"5"_s, u"--kubeconfig"_s, m_alice,
                              u"--audit-log"_s, m_audit}, "y\n");
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        QVERIFY2(r.out.contains("deployment.apps/worker scaled from 2 to 5 replicas"), describe(r));
        QCOMPARE(replicas(u"worker"_s), 5);
        // SSAR first, then the dry run, then the real patch.
        QStringList sequence;
        for (const auto &req : m_server.requests())
            sequence << QString::fromLatin1(req.method) + u' ' + req.path.section(u'/', -2) + u' ' + req.query;
        QCOMPARE(sequence, (QStringList{u"POST v1/selfsubjectaccessreviews "_s, u"GET worker/scale "_s,
                                        u"PATCH worker/scale dryRun=All"_s, u"PATCH worker/scale "_s}));
        const QJsonObject entry = readAudit(m_audit).constLast();
        QCOMPARE(entry.value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(entry.value(u"user"_s).toString(), u"tester"_s);
        QCOMPARE(entry.value(u"context"_s).toString(), u"fake"_s);
        QCOMPARE(entry.value(u"namespace"_s).toString(), u"default"_s);
        QCOMPARE(entry.value(u"kind"_s).toString(), u"Deployment"_s);
        QCOMPARE(entry.value(u"name"_s).toString(), u"worker"_s);
        QCOMPARE(entry.value(u"cluster"_s).toString(), m_server.url());
        QVERIFY(!entry.value(u"time"_s).toString().isEmpty());
    }

    void scaleDeniedBySsar()
    {
        const CliRun r = cli({u"scale"_s, u"deployment/worker"_s, u"--replicas"_s, u"5"_s, u"--yes"_s,
                              u"--kubeconfig"_s, m_bob, u"--audit-log"_s, m_audit});
        QVERIFY2(r.finished && r.exitCode == 1, describe(r));
        QVERIFY2(r.err.contains("not allowed: you cannot patch deployments/scale \"worker\""), describe(r));
        for (const auto &req : m_server.requests())
            QVERIFY(req.method != "PATCH");
        QCOMPARE(readAudit(m_audit).constLast().value(u"outcome"_s).toString(), u"denied"_s);
    }

    void scaleUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no replicas") << QStringList{u"scale"_s, u"deployment/worker"_s};
        QTest::newRow("negative") << QStringList{u"scale"_s, u"deployment/worker"_s, u"--replicas"_s, u"-1"_s};
        QTest::newRow("bad target") << QStringList{u"scale"_s, u"pod/worker"_s, u"--replicas"_s, u"1"_s};
        QTest::newRow("unknown type") << QStringList{u"get"_s, u"pods"_s};
    }

    void scaleUsageErrors()
    {
        QFETCH(QStringList, args);
        const CliRun r = cli(args + QStringList{u"--kubeconfig"_s, m_alice});
        QVERIFY2(r.finished && r.exitCode == 2, describe(r));
    }

    void preview()
    {
        // 35 messages per pod against a target of 20 on 2 pods: ceil(1.75 x 2) = 4.
        const CliRun r = cli({u"preview"_s, u"hpa/worker"_s, u"--kubeconfig"_s, m_alice, u"--json"_s});
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        const QJsonObject d = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(d.value(u"currentReplicas"_s).toInt(), 2);
        QCOMPARE(d.value(u"nextReplicas"_s).toInt(), 4);
        QCOMPARE(d.value(u"eventualReplicas"_s).toInt(), 4);
        QVERIFY(d.value(u"eventualReached"_s).toBool());
        QVERIFY(!d.value(u"reasons"_s).toArray().isEmpty());
        QCOMPARE(d.value(u"proposals"_s).toArray().first().toObject().value(u"replicas"_s).toInt(), 4);

        // What-if the queue drains: the 5-minute scale-down window holds 2 now, 1 later.
        const CliRun low = cli({u"preview"_s, u"hpa/worker"_s, u"--kubeconfig"_s, m_alice, u"--json"_s,
                                u"--metric-value"_s, u"5"_s});
        QVERIFY2(low.finished && low.exitCode == 0, describe(low));
        const QJsonObject l = QJsonDocument::fromJson(low.out).object();
        QCOMPARE(l.value(u"nextReplicas"_s).toInt(), 2);
        QCOMPARE(l.value(u"eventualReplicas"_s).toInt(), 1);
        QCOMPARE(l.value(u"whatIf"_s).toDouble(), 5.0);

        const CliRun text = cli({u"preview"_s, u"hpa/worker"_s, u"--kubeconfig"_s, m_alice});
        QVERIFY2(text.finished && text.exitCode == 0, describe(text));
        QVERIFY2(text.out.contains("now 2 replicas, next sync 4, settles at 4"), describe(text));
    }

    void brokenKubeconfig()
    {
        const QString path = m_home.filePath(u"broken.yaml"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("clusters: [\n");
        f.close();
        const CliRun r = cli({u"get"_s, u"deployments"_s, u"--kubeconfig"_s, path});
        QVERIFY2(r.finished && r.exitCode == 1, describe(r));
        QVERIFY2(r.err.startsWith(QByteArray("tideline-cli: error: kubeconfig " + path.toUtf8() + ": invalid YAML: line ")), describe(r));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TstKubeCli)
#include "tst_kube_cli.moc"
