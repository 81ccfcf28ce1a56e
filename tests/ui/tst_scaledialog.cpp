// ScaleDialog against the fake Kubernetes API server: the access review refuses without RBAC
// (buttons disabled, the reason shown), the dry run reaches the server with dryRun=All and
// changes nothing, the confirmed patch changes the object, every action lands in the audit
// log, and the HPA warnings (undo at the next sync, 0 switches it off, change its bounds).
#include "FakeKubeApiServer.h"
#include "ScaleDialog.h"
#include "kube/AuditLog.h"
#include "kube/KubeClient.h"

#include <QDir>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace tideline;
using namespace tideline::kube;
using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

QString shotDir()
{
    const QString fromEnv = qEnvironmentVariable("TIDELINE_SCREENSHOT_DIR");
    const QString dir = fromEnv.isEmpty() ? QDir::temp().filePath(u"tideline-ui-tests"_s) : fromEnv;
    QDir().mkpath(dir);
    return dir;
}

int specReplicas(const QJsonObject &o)
{
    return o.value(u"spec"_s).toObject().value(u"replicas"_s).toInt();
}

} // namespace

class TestScaleDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeKubeApiServer> m_server;
    std::unique_ptr<KubeClient> m_client;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_audit;

    void connectAs(const QString &token)
    {
        m_client = std::make_unique<KubeClient>();
        const QString config = m_server->writeKubeconfig(u"config-%1.yaml"_s.arg(token), {u"token: "_s + token},
                                                         u"shop"_s);
        const auto r = m_client->configureFromKubeconfig(config, {});
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    }

    QList<QJsonObject> auditEntries() const
    {
        const auto r = AuditLog(m_audit).read();
        return r ? r.value() : QList<QJsonObject>();
    }

    ScaleDialog::Target workerTarget(bool withHpa) const
    {
        ScaleDialog::Target t{u"Deployment"_s, u"shop"_s, u"worker"_s, 2, std::nullopt};
        if (withHpa) {
            auto hpa = KubeTypes::parseHpa(m_server->object(u"horizontalpodautoscalers"_s, u"shop"_s, u"worker"_s));
            if (hpa)
                t.hpa = hpa.value();
        }
        return t;
    }

    int scalePatches(bool dryRun) const
    {
        int n = 0;
        for (const auto &r : m_server->requests()) {
            if (r.method == "PATCH" && r.path.endsWith(u"/deployments/worker/scale"_s)
                && r.query.contains(u"dryRun=All"_s) == dryRun)
                ++n;
        }
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_audit = m_dir->filePath(u"audit.jsonl"_s);
        m_server = std::make_unique<FakeKubeApiServer>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_server->addToken(u"admin-token"_s, u"alice"_s);
        m_server->allowAll(u"alice"_s);
        // bob may look but not scale.
        m_server->addToken(u"viewer-token"_s, u"bob"_s);
        m_server->setRules(u"bob"_s, {FakeKubeApiServer::Rule{{u"get"_s, u"list"_s, u"watch"_s},
                                                              {u""_s, u"apps"_s, u"autoscaling"_s},
                                                              {u"*"_s}, {}, {}}});
        m_server->seed(FakeKubeApiServer::deployment(u"worker"_s, 2, 2, u"shop"_s));
    }

    void cleanup()
    {
        if (QTest::currentTestFailed()) {
            if (auto *d = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
                d->reject();
        }
        m_client.reset();
        m_server.reset();
        m_dir.reset();
    }

    void refusesWithoutRbac()
    {
        connectAs(u"viewer-token"_s);
        ScaleDialog dialog(m_client.get(), workerTarget(false), m_audit);
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), ScaleDialog::Step::Denied, 10000);
        QVERIFY(!dialog.scaleButton()->isEnabled());
        QVERIFY(!dialog.dryRunButton()->isEnabled());
        QVERIFY(!dialog.replicasSpin()->isEnabled());
        const QString reason = dialog.permissionLabel()->text();
        QVERIFY2(reason.contains(u"may not scale worker"_s), qPrintable(reason));
        QVERIFY2(reason.contains(u"deployments/scale"_s), qPrintable(reason));
        QCOMPARE(dialog.scaleButton()->toolTip(), reason);
        // The server was asked, and nothing was patched.
        bool reviewed = false;
        for (const auto &r : m_server->requests())
            reviewed |= r.method == "POST" && r.path.contains(u"selfsubjectaccessreviews"_s);
        QVERIFY(reviewed);
        QCOMPARE(scalePatches(true) + scalePatches(false), 0);
        const auto entries = auditEntries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).value(u"outcome"_s).toString(), u"denied"_s);
        QCOMPARE(entries.at(0).value(u"user"_s).toString(), u"tester"_s);
        QCOMPARE(entries.at(0).value(u"from"_s).toInt(), 2);
        QTest::qWait(50); // the deferred fit of wrapped texts
        QVERIFY(dialog.grab().save(QDir(shotDir()).filePath(u"scaledialog-denied.png"_s), "PNG"));
    }

    void dryRunConfirmPatchAndAudit()
    {
        connectAs(u"admin-token"_s);
        ScaleDialog dialog(m_client.get(), workerTarget(false), m_audit);
        QSignalSpy scaled(&dialog, &ScaleDialog::scaled);
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), ScaleDialog::Step::Ready, 10000);
        QVERIFY(dialog.hpaBox()->isHidden());
        // Nothing to do yet: same count.
        QVERIFY(!dialog.dryRunButton()->isEnabled());
        QVERIFY(!dialog.scaleButton()->isEnabled());

        dialog.replicasSpin()->setValue(6);
        QCOMPARE(dialog.changeLabel()->text(), u"2 → 6"_s);
        QVERIFY(dialog.dryRunButton()->isEnabled());
        QVERIFY2(!dialog.scaleButton()->isEnabled(), "scaling needs a passing dry run first");

        m_server->clearRequests();
        QTest::mouseClick(dialog.dryRunButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), ScaleDialog::Step::DryRunPassed, 10000);
        QCOMPARE(scalePatches(true), 1);
        QCOMPARE(scalePatches(false), 0);
        // The server saw the dry run and the object did not change.
        QCOMPARE(specReplicas(m_server->object(u"deployments"_s, u"shop"_s, u"worker"_s)), 2);
        QVERIFY2(dialog.dryRunLabel()->text().contains(u"Dry run passed"_s), qPrintable(dialog.dryRunLabel()->text()));
        QVERIFY(dialog.scaleButton()->isEnabled());
        QCOMPARE(dialog.scaleButton()->text(), u"&Scale 2 → 6"_s);

        // Changing the count invalidates the confirmation until its own dry run.
        dialog.replicasSpin()->setValue(7);
        QVERIFY(!dialog.scaleButton()->isEnabled());
        dialog.replicasSpin()->setValue(6);
        QVERIFY(!dialog.scaleButton()->isEnabled());
        QTest::mouseClick(dialog.dryRunButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), ScaleDialog::Step::DryRunPassed, 10000);
        QTest::qWait(50); // the deferred fit of wrapped texts
        QVERIFY(dialog.grab().save(QDir(shotDir()).filePath(u"scaledialog-confirm.png"_s), "PNG"));

        QTest::mouseClick(dialog.scaleButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), ScaleDialog::Step::Applied, 10000);
        QCOMPARE(scaled.size(), 1);
        QCOMPARE(scaled.at(0).at(0).toInt(), 6);
        QCOMPARE(scalePatches(false), 1);
        QCOMPARE(specReplicas(m_server->object(u"deployments"_s, u"shop"_s, u"worker"_s)), 6);
        QVERIFY2(dialog.resultLabel()->text().contains(u"Scaled"_s), qPrintable(dialog.resultLabel()->text()));

        dialog.accept();
        const auto entries = auditEntries();
        QCOMPARE(entries.size(), 3); // two dry runs, one change; closing after applying is no cancellation
        QCOMPARE(entries.at(0).value(u"outcome"_s).toString(), u"dry-run"_s);
        QCOMPARE(entries.at(0).value(u"dryRun"_s).toString(), u"ok"_s);
        const QJsonObject applied = entries.at(2);
        QCOMPARE(applied.value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(applied.value(u"from"_s).toInt(), 2);
        QCOMPARE(applied.value(u"to"_s).toInt(), 6);
        QCOMPARE(applied.value(u"dryRun"_s).toString(), u"ok"_s);
        QCOMPARE(applied.value(u"kind"_s).toString(), u"Deployment"_s);
        QCOMPARE(applied.value(u"name"_s).toString(), u"worker"_s);
        QCOMPARE(applied.value(u"namespace"_s).toString(), u"shop"_s);
        QCOMPARE(applied.value(u"context"_s).toString(), u"fake"_s);
        QCOMPARE(applied.value(u"cluster"_s).toString(), m_server->url());
        QVERIFY(!applied.value(u"time"_s).toString().isEmpty());
    }

    void cancellingAfterDryRunIsLogged()
    {
        connectAs(u"admin-token"_s);
        ScaleDialog dialog(m_client.get(), workerTarget(false), m_audit);
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), ScaleDialog::Step::Ready, 10000);
        dialog.replicasSpin()->setValue(3);
        QTest::mouseClick(dialog.dryRunButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), ScaleDialog::Step::DryRunPassed, 10000);
        dialog.reject();
        QCOMPARE(specReplicas(m_server->object(u"deployments"_s, u"shop"_s, u"worker"_s)), 2);
        const auto entries = auditEntries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(1).value(u"outcome"_s).toString(), u"cancelled"_s);
        QCOMPARE(entries.at(1).value(u"to"_s).toInt(), 3);
    }

    void hpaWarningsAndBounds()
    {
        m_server->seed(FakeKubeApiServer::hpa(u"worker"_s, u"worker"_s, 2, 10, u"messages"_s, 10, 2, 12, u"shop"_s));
        connectAs(u"admin-token"_s);
        ScaleDialog dialog(m_client.get(), workerTarget(true), m_audit);
        QSignalSpy hpaChanged(&dialog, &ScaleDialog::hpaChanged);
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), ScaleDialog::Step::Ready, 10000);
        QVERIFY(dialog.hpaBox()->isVisible());
        const QString warning = dialog.hpaWarningLabel()->text();
        QVERIFY2(warning.contains(u"HPA worker"_s), qPrintable(warning));
        QVERIFY2(warning.contains(u"next sync"_s), qPrintable(warning));
        QVERIFY2(warning.contains(u"change its bounds"_s), qPrintable(warning));
        QCOMPARE(dialog.hpaMinSpin()->value(), 2);
        QCOMPARE(dialog.hpaMaxSpin()->value(), 10);

        QVERIFY(dialog.zeroWarningLabel()->isHidden());
        dialog.replicasSpin()->setValue(0);
        QVERIFY(dialog.zeroWarningLabel()->isVisible());
        QVERIFY2(dialog.zeroWarningLabel()->text().contains(u"switches the HPA worker off"_s),
                 qPrintable(dialog.zeroWarningLabel()->text()));
        QTest::qWait(50); // the deferred fit of wrapped texts
        QVERIFY(dialog.grab().save(QDir(shotDir()).filePath(u"scaledialog-hpa.png"_s), "PNG"));
        dialog.replicasSpin()->setValue(2);
        QVERIFY(dialog.zeroWarningLabel()->isHidden());

        // The alternative: change the HPA's bounds (dry run, then the patch).
        m_server->clearRequests();
        dialog.hpaMinSpin()->setValue(4);
        QTest::mouseClick(dialog.hpaApplyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(hpaChanged.size(), 1, 10000);
        const QJsonObject hpa = m_server->object(u"horizontalpodautoscalers"_s, u"shop"_s, u"worker"_s);
        QCOMPARE(hpa.value(u"spec"_s).toObject().value(u"minReplicas"_s).toInt(), 4);
        QCOMPARE(hpa.value(u"spec"_s).toObject().value(u"maxReplicas"_s).toInt(), 10);
        int dry = 0;
        int real = 0;
        for (const auto &r : m_server->requests()) {
            if (r.method == "PATCH" && r.path.endsWith(u"/horizontalpodautoscalers/worker"_s))
                (r.query.contains(u"dryRun=All"_s) ? dry : real)++;
        }
        QCOMPARE(dry, 1);
        QCOMPARE(real, 1);
        QVERIFY2(dialog.hpaResultLabel()->text().contains(u"between 4 and 10"_s),
                 qPrintable(dialog.hpaResultLabel()->text()));
        const auto entries = auditEntries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).value(u"kind"_s).toString(), u"HorizontalPodAutoscaler"_s);
        QCOMPARE(entries.at(0).value(u"field"_s).toString(), u"spec.minReplicas"_s);
        QCOMPARE(entries.at(0).value(u"from"_s).toInt(), 2);
        QCOMPARE(entries.at(0).value(u"to"_s).toInt(), 4);
        QCOMPARE(entries.at(0).value(u"outcome"_s).toString(), u"applied"_s);
        dialog.reject();
        QCOMPARE(auditEntries().size(), 1); // no scale dry run, so closing cancels nothing
    }

    void statefulSetUsesItsScaleResource()
    {
        m_server->seed(FakeKubeApiServer::statefulSet(u"db"_s, 3, 3, u"shop"_s));
        connectAs(u"admin-token"_s);
        ScaleDialog dialog(m_client.get(), ScaleDialog::Target{u"StatefulSet"_s, u"shop"_s, u"db"_s, 3, std::nullopt},
                           m_audit);
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), ScaleDialog::Step::Ready, 10000);
        dialog.replicasSpin()->setValue(5);
        QTest::mouseClick(dialog.dryRunButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), ScaleDialog::Step::DryRunPassed, 10000);
        QTest::mouseClick(dialog.scaleButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), ScaleDialog::Step::Applied, 10000);
        QCOMPARE(specReplicas(m_server->object(u"statefulsets"_s, u"shop"_s, u"db"_s)), 5);
        bool sawPatch = false;
        for (const auto &r : m_server->requests())
            sawPatch |= r.path.endsWith(u"/statefulsets/db/scale"_s);
        QVERIFY(sawPatch);
    }
};

QTEST_MAIN(TestScaleDialog)
#include "tst_scaledialog.moc"
