// The demo as the operator gets it (`tideline --demo`), for a shortened surge: the real
// MainWindow and DemoSession, the real brokers, shop, workers and demo cluster. Asserts what
// the window records: the rescales (SuccessfulRescale on the HPA, ScalingReplicaSet on the
// deployment, replica changes 2 → more → 2) end up in the history store the timeline draws
// from, and that store is the demo's own (nothing from before the run).

#include "ClusterView.h"
#include "DemoSession.h"
#include "MainWindow.h"
#include "WorkspaceController.h"
#include "core/HistoryStore.h"
#include "demo/DemoCluster.h"
#include "demo/DemoEnvironment.h"
#include "demo/OrderShop.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

class TestDemoWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rescalesAreRecordedInTheDemoHistory()
    {
        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        MainWindow window;
        window.workspaces()->setAskToSave(false);
        // Something in the operator's own workspace history, which the demo must not show.
        HistoryStore *own = window.workspaces()->history();
        QVERIFY(own);
        TimelineEvent old;
        old.timestampMs = started - 3600'000;
        old.source = u"kube"_s;
        old.cluster = u"elsewhere"_s;
        old.reason = u"SuccessfulRescale"_s;
        old.kind = u"HorizontalPodAutoscaler"_s;
        old.name = u"earlier-run"_s;
        own->appendEvent(old);
        QVERIFY(own->flushSync());
        window.show();

        demo::DemoEnvironment::Options options;
        demo::SurgeProfile profile;
        profile.processingMs = 100; // one worker drains 10 orders/s
        profile.phases = {{u"calm"_s, 4, 8, 0}, {u"surge"_s, 14, 60, 2}, {u"calm"_s, 600, 2, 2}};
        options.profile = profile;
        options.hpaSyncMs = 1000;
        options.scaleUpPeriodSeconds = 2;
        options.scaleDownWindowSeconds = 8;
        auto *session = new DemoSession(&window, options);
        QSignalSpy ready(session, &DemoSession::ready);
        session->start();
        QVERIFY(ready.wait(180000));
        demo::DemoEnvironment *env = session->environment();
        QVERIFY2(env->failure(demo::DemoEnvironment::Component::Cluster).isEmpty(), qPrintable(env->summary()));
        QVERIFY2(env->failure(demo::DemoEnvironment::Component::RabbitMq).isEmpty(), qPrintable(env->summary()));
        QVERIFY(session->clusterView());
        QCOMPARE(window.tabWidget()->currentWidget(), session->clusterView());

        // The demo's history is its own file, under the demo's data folder, with nothing older.
        HistoryStore *history = window.workspaces()->history();
        QCOMPARE(history, own); // the same store object, pointed at another file
        QVERIFY2(history->path().startsWith(env->dataDir()), qPrintable(history->path()));
        {
            const auto before = history->queryEventsSync(0, started);
            QVERIFY(before);
            QCOMPARE(before.value().size(), 0);
        }

        // The surge plays out: up above 2, then back to 2.
        int most = 0;
        QTRY_VERIFY_WITH_TIMEOUT((most = std::max(most, env->cluster()->specReplicas())) >= 4, 90000);
        QTRY_COMPARE_WITH_TIMEOUT(env->cluster()->specReplicas(), 2, 150000);

        // What the window recorded, read back from the SQLite file: the HPA's rescales, the
        // deployment's ReplicaSet scaling, and replica changes going up and coming back down.
        int rescales = 0;
        int replicaSetEvents = 0;
        int ups = 0;
        int downs = 0;
        const auto count = [&] {
            rescales = replicaSetEvents = ups = downs = 0;
            const auto events = history->queryEventsSync(started - 60'000, QDateTime::currentMSecsSinceEpoch() + 60'000);
            if (!events)
                return false;
            for (const TimelineEvent &e : events.value()) {
                rescales += e.reason == u"SuccessfulRescale"_s && e.kind == u"HorizontalPodAutoscaler"_s;
                replicaSetEvents += e.reason == u"ScalingReplicaSet"_s;
                if (e.fromReplicas && e.toReplicas && e.kind == u"Deployment"_s) {
                    ups += *e.toReplicas > *e.fromReplicas;
                    downs += *e.toReplicas < *e.fromReplicas;
                }
            }
            return rescales >= 2 && replicaSetEvents >= 2 && ups >= 1 && downs >= 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(count(), 30000);
        QVERIFY2(rescales >= 2, qPrintable(u"SuccessfulRescale events recorded: %1"_s.arg(rescales)));
        QCOMPARE(env->cluster()->rescaleCount() >= rescales, true);

        // The replica counts are there as samples too, for the timeline's step lines.
        const auto keys = history->seriesKeysSync();
        QVERIFY(keys);
        bool replicaSeries = false;
        for (const MetricSeriesKey &k : keys.value())
            replicaSeries = replicaSeries || k.name.contains(u"replicas"_s);
        QVERIFY(replicaSeries);

        // The operator's own workspace history was left alone.
        window.workspaces()->newWorkspace();
        QVERIFY(window.workspaces()->history());
        QVERIFY(!window.workspaces()->history()->path().startsWith(env->dataDir()));
    }
};

QTEST_MAIN(TestDemoWindow)
#include "tst_demo_window.moc"
