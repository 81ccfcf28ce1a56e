// The whole demo for a shortened surge: real mosquitto and RabbitMQ, the storefront and real
// AMQP workers, the demo cluster's HPA scaling the workers from the real queue depth. Asserts
// the story: scaled above 2 during the surge and back to 2 after it, rescale events in the
// cluster, every order consumed exactly once; and kubectl works against the demo kubeconfig.

#include "demo/DemoCluster.h"
#include "demo/DemoEnvironment.h"
#include "demo/KubeApiServer.h"
#include "demo/OrderShop.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tideline::demo;

class TestDemo : public QObject
{
    Q_OBJECT
private:
    static QByteArray kubectl(const QString &kubeconfig, const QStringList &args, int *exitCode)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        // The demo cluster answers on this thread: wait with the event loop running.
        QSignalSpy finished(&p, &QProcess::finished);
        p.start(u"kubectl"_s, QStringList{u"--kubeconfig"_s, kubeconfig} + args);
        if (!finished.wait(60000)) {
            p.kill();
            p.waitForFinished(5000);
        }
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return p.readAll();
    }

private Q_SLOTS:
    void surgeScalesUpAndBackDownAndEveryOrderIsConsumedOnce()
    {
        DemoEnvironment::Options options;
        SurgeProfile profile;
        profile.processingMs = 100; // one worker drains 10 orders/s
        profile.phases = {{u"calm"_s, 4, 8, 0}, {u"surge"_s, 14, 60, 2}, {u"calm"_s, 600, 2, 2}};
        options.profile = profile;
        options.hpaSyncMs = 1000;
        options.scaleUpPeriodSeconds = 2;
        options.scaleDownWindowSeconds = 8;
        DemoEnvironment env(options);
        QSignalSpy ready(&env, &DemoEnvironment::ready);
        env.start();
        QVERIFY(ready.wait(180000));
        QVERIFY2(env.failure(DemoEnvironment::Component::Mosquitto).isEmpty(), qPrintable(env.summary()));
        QVERIFY2(env.failure(DemoEnvironment::Component::RabbitMq).isEmpty(), qPrintable(env.summary()));
        QVERIFY2(env.failure(DemoEnvironment::Component::Cluster).isEmpty(), qPrintable(env.summary()));
        QVERIFY(env.cluster());
        QVERIFY(env.shop());
        QVERIFY(!env.metricsUrl().isEmpty());

        // Up: the surge outruns two workers; the HPA doubles them, capped at 10.
        int most = 0;
        QTRY_VERIFY_WITH_TIMEOUT((most = std::max(most, env.cluster()->specReplicas())) >= 4, 60000);
        QTRY_VERIFY_WITH_TIMEOUT((most = std::max(most, env.cluster()->specReplicas())) >= 8, 60000);
        QVERIFY(env.cluster()->specReplicas() <= 10);
        // Down: after the surge the queue drains and the scale-down window passes.
        QTRY_COMPARE_WITH_TIMEOUT(env.cluster()->specReplicas(), 2, 120000);
        QVERIFY(env.cluster()->rescaleCount() >= 3);

        // The cluster recorded it as Kubernetes would: SuccessfulRescale on the HPA, ScalingReplicaSet
        // on the deployment, listed through the API by kubectl.
        int exitCode = 0;
        const QByteArray events = kubectl(env.kubeconfigPath(), {u"get"_s, u"events"_s, u"-o"_s, u"json"_s}, &exitCode);
        QVERIFY2(exitCode == 0, events.constData());
        int rescales = 0;
        int replicaSets = 0;
        for (const QJsonValue &e : QJsonDocument::fromJson(events).object().value(u"items"_s).toArray()) {
            const QString reason = e.toObject().value(u"reason"_s).toString();
            rescales += reason == u"SuccessfulRescale"_s;
            replicaSets += reason == u"ScalingReplicaSet"_s;
        }
        QVERIFY2(rescales >= 3, events.left(2000).constData());
        QVERIFY(replicaSets >= 3);

        // Exactly once: stop the storefront, let the workers drain, compare the ids.
        env.shop()->setPublishing(false);
        const quint64 published = env.shop()->published();
        QVERIFY(published > 300);
        QTRY_COMPARE_WITH_TIMEOUT(env.shop()->consumed(), published, 60000);
        QCOMPARE(env.shop()->duplicates(), quint64(0));
        const QSet<quint64> ids = env.shop()->consumedIds();
        QCOMPARE(quint64(ids.size()), published);

        // kubectl reads and scales the demo deployment, and the workers follow.
        const QByteArray hpa = kubectl(env.kubeconfigPath(), {u"get"_s, u"hpa"_s}, &exitCode);
        QVERIFY2(exitCode == 0 && hpa.contains("worker"), hpa.constData());
        // Raising the HPA's floor with kubectl scales the workers to it; a manual scale above it is
        // accepted by the API and then undone by the HPA on its next sync, as on a real cluster.
        const QByteArray patched = kubectl(env.kubeconfigPath(),
                                           {u"patch"_s, u"hpa"_s, u"worker"_s, u"--type=merge"_s,
                                            u"-p"_s, u"{\"spec\":{\"minReplicas\":3}}"_s}, &exitCode);
        QVERIFY2(exitCode == 0, patched.constData());
        QTRY_COMPARE_WITH_TIMEOUT(env.shop()->replicas(), 3, 20000);
        const QByteArray scaled = kubectl(env.kubeconfigPath(),
                                          {u"scale"_s, u"deployment/worker"_s, u"--replicas=5"_s}, &exitCode);
        QVERIFY2(exitCode == 0 && scaled.contains("scaled"), scaled.constData());
        QTRY_COMPARE_WITH_TIMEOUT(env.cluster()->specReplicas(), 3, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(env.shop()->replicas(), 3, 20000);

        env.stop();
        QVERIFY(!env.cluster());
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
