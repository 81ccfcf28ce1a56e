// ExecCredentialProvider with small shell-script plugins written by the test: what the plugin
// receives (args, env, KUBERNETES_EXEC_INFO, stdin), what it may answer, caching until
// expirationTimestamp, interactive modes and the error texts.
#include "kube/ExecCredentialProvider.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace tideline;
using namespace tideline::kube;
using namespace Qt::StringLiterals;

namespace {

Result<ExecCredential> fetch(ExecCredentialProvider &p, QObject *context, int timeoutMs = 10000)
{
    std::optional<Result<ExecCredential>> out;
    p.get(context, [&out](const Result<ExecCredential> &r) { out = r; });
    QElapsedTimer clock;
    clock.start();
    while (!out && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    if (!out)
        return Error{u"test.timeout"_s, u"no answer"_s, {}};
    return *out;
}

QString credentialJson(const QString &apiVersion, const QString &token, const QString &expiry = {})
{
    QJsonObject status{{u"token"_s, token}};
    if (!expiry.isEmpty())
        status.insert(u"expirationTimestamp"_s, expiry);
    return QString::fromUtf8(QJsonDocument(QJsonObject{{u"apiVersion"_s, apiVersion}, {u"kind"_s, u"ExecCredential"_s},
                                                       {u"status"_s, status}})
                                 .toJson(QJsonDocument::Compact));
}

} // namespace

class TstKubeExec : public QObject
{
    Q_OBJECT

private:
    QString script(const QString &name, const QString &body)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(u"#!/bin/sh\n"_s.toUtf8() + body.toUtf8() + '\n');
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }

    KubeExecConfig config(const QString &command, const QString &apiVersion = u"client.authentication.k8s.io/v1"_s)
    {
        KubeExecConfig c;
        c.command = command;
        c.apiVersion = apiVersion;
        c.interactiveMode = ExecInteractiveMode::Never;
        c.baseDir = m_dir.path();
        return c;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void pluginInputs()
    {
        const QString envFile = m_dir.filePath(u"env.txt"_s);
        const QString path = script(u"inputs.sh"_s,
                                    u"printf '%s\\n' \"$KUBERNETES_EXEC_INFO\" > '"_s + envFile + u"'\n"
                                    u"printf '%s\\n' \"$AWS_PROFILE\" \"$#\" \"$1\" \"$2\" >> '"_s + envFile + u"'\n"
                                    u"if read -r line; then echo \"stdin: $line\" >> '"_s + envFile + u"'; fi\n"
                                    u"echo '"_s + credentialJson(u"client.authentication.k8s.io/v1"_s, u"t1"_s) + u"'"_s);
        KubeExecConfig c = config(path);
        c.args = {u"eks"_s, u"get token"_s};
        c.env = {{u"AWS_PROFILE"_s, u"prod"_s}};
        c.provideClusterInfo = true;
        KubeCluster cluster;
        cluster.server = u"https://k.example:6443"_s;
        cluster.tlsServerName = u"k.internal"_s;
        cluster.certificateAuthorityData = "PEM";
        ExecCredentialProvider p(c, u"me"_s, cluster);
        const auto r = fetch(p, this);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value().token, u"t1"_s);
        QFile f(envFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        const QJsonObject info = QJsonDocument::fromJson(lines.value(0)).object();
        QCOMPARE(info.value(u"apiVersion"_s).toString(), u"client.authentication.k8s.io/v1"_s);
        QCOMPARE(info.value(u"kind"_s).toString(), u"ExecCredential"_s);
        const QJsonObject spec = info.value(u"spec"_s).toObject();
        QCOMPARE(spec.value(u"interactive"_s).toBool(true), false);
        const QJsonObject cl = spec.value(u"cluster"_s).toObject();
        QCOMPARE(cl.value(u"server"_s).toString(), u"https://k.example:6443"_s);
        QCOMPARE(cl.value(u"tls-server-name"_s).toString(), u"k.internal"_s);
        QCOMPARE(cl.value(u"certificate-authority-data"_s).toString(), QString::fromLatin1(QByteArray("PEM").toBase64()));
        QCOMPARE(lines.value(1), QByteArray("prod"));
        QCOMPARE(lines.value(2), QByteArray("2"));
        QCOMPARE(lines.value(3), QByteArray("eks"));
        QCOMPARE(lines.value(4), QByteArray("get token"));
        // interactiveMode Never: stdin is closed, the plugin reads nothing and does not hang.
        QVERIFY(!lines.contains("stdin:"));
    }

    void noClusterInfoUnlessAsked()
    {
        const QString envFile = m_dir.filePath(u"env2.txt"_s);
        const QString path = script(u"noinfo.sh"_s, u"printf '%s' \"$KUBERNETES_EXEC_INFO\" > '"_s + envFile + u"'\n"
                                                    u"echo '"_s + credentialJson(u"client.authentication.k8s.io/v1beta1"_s, u"t"_s) + u"'"_s);
        ExecCredentialProvider p(config(path, u"client.authentication.k8s.io/v1beta1"_s), u"me"_s, KubeCluster{});
        QVERIFY(fetch(p, this).ok());
        QFile f(envFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject info = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(info.value(u"apiVersion"_s).toString(), u"client.authentication.k8s.io/v1beta1"_s);
        QVERIFY(!info.value(u"spec"_s).toObject().contains(u"cluster"_s));
    }

    void cachesUntilExpiry()
    {
        const QString counter = m_dir.filePath(u"count"_s);
        const QString later = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
        const QString path = script(u"cached.sh"_s, u"echo x >> '"_s + counter + u"'\necho '"_s
                                                        + credentialJson(u"client.authentication.k8s.io/v1"_s, u"t"_s, later) + u"'"_s);
        ExecCredentialProvider p(config(path), u"me"_s, KubeCluster{});
        QVERIFY(fetch(p, this).ok());
        QVERIFY(fetch(p, this).ok());
        QCOMPARE(p.runCount(), 1);
        QVERIFY(p.hasCachedCredential());
        p.invalidate();
        QVERIFY(fetch(p, this).ok());
        QCOMPARE(p.runCount(), 2);
    }

    void rerunsAfterExpiry()
    {
        // Expires one second from now: a request after that runs the plugin again.
        const QString soon = QDateTime::currentDateTimeUtc().addSecs(1).toString(Qt::ISODate);
        const QString path = script(u"expiring.sh"_s, u"echo '"_s + credentialJson(u"client.authentication.k8s.io/v1"_s,
                                                                                    u"t"_s, soon) + u"'"_s);
        ExecCredentialProvider p(config(path), u"me"_s, KubeCluster{});
        const auto first = fetch(p, this);
        QVERIFY(first.ok());
        QVERIFY(first.value().expirationTimestamp.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(!p.hasCachedCredential(), 3000);
        QVERIFY(fetch(p, this).ok());
        QCOMPARE(p.runCount(), 2);
    }

    void concurrentCallersShareOneRun()
    {
        const QString path = script(u"slow.sh"_s, u"sleep 0.3\necho '"_s
                                                      + credentialJson(u"client.authentication.k8s.io/v1"_s, u"t"_s) + u"'"_s);
        ExecCredentialProvider p(config(path), u"me"_s, KubeCluster{});
        int answers = 0;
        for (int i = 0; i < 3; ++i)
            p.get(this, [&answers](const Result<ExecCredential> &r) { answers += r.ok() ? 1 : 100; });
        QTRY_COMPARE_WITH_TIMEOUT(answers, 3, 5000);
        QCOMPARE(p.runCount(), 1);
    }

    void relativeCommand()
    {
        QDir(m_dir.path()).mkpath(u"bin"_s);
        script(u"bin/plugin"_s, u"echo '"_s + credentialJson(u"client.authentication.k8s.io/v1"_s, u"rel"_s) + u"'"_s);
        ExecCredentialProvider p(config(u"./bin/plugin"_s), u"me"_s, KubeCluster{});
        const auto r = fetch(p, this);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value().token, u"rel"_s);
    }

    void failures_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("exit code")
            << u"echo 'token expired, run aws sso login' >&2\nexit 3"_s << u"kube.exec.failed"_s
            << u"exec plugin '%1' failed (exit code 3): token expired, run aws sso login"_s;
        QTest::newRow("not json") << u"echo hello"_s << u"kube.exec.output"_s
                                  << u"exec plugin '%1' did not print an ExecCredential JSON object"_s;
        QTest::newRow("wrong apiVersion")
            << u"echo '"_s + credentialJson(u"client.authentication.k8s.io/v1beta1"_s, u"t"_s) + u"'"_s
            << u"kube.exec.output"_s
            << u"exec plugin '%1' is configured to use API version client.authentication.k8s.io/v1, but it "
               "returned client.authentication.k8s.io/v1beta1"_s;
        QTest::newRow("no credentials")
            << u"echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{}}'"_s
            << u"kube.exec.output"_s << u"exec plugin '%1' returned neither a token nor a client certificate"_s;
        QTest::newRow("cert without key")
            << u"echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
               "\"status\":{\"clientCertificateData\":\"PEM\"}}'"_s
            << u"kube.exec.output"_s
            << u"exec plugin '%1' returned clientCertificateData without clientKeyData, or the reverse"_s;
        QTest::newRow("bad expiry")
            << u"echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
               "\"status\":{\"token\":\"t\",\"expirationTimestamp\":\"tomorrow\"}}'"_s
            << u"kube.exec.output"_s << u"exec plugin '%1' returned an invalid expirationTimestamp \"tomorrow\""_s;
    }

    void failures()
    {
        QFETCH(QString, body);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const QString path = script(u"fail-%1.sh"_s.arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'-'), body);
        ExecCredentialProvider p(config(path), u"me"_s, KubeCluster{});
        const auto r = fetch(p, this);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY2(r.error().message.startsWith(message.arg(path)), qPrintable(r.error().message));
        QVERIFY(!p.hasCachedCredential());
    }

    void missingBinary()
    {
        KubeExecConfig c = config(u"aws"_s);
        c.command = u"tideline-no-such-plugin"_s;
        c.installHint = u"Install it with: apt install tideline-no-such-plugin"_s;
        ExecCredentialProvider p(c, u"eks-admin"_s, KubeCluster{});
        const auto r = fetch(p, this);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"kube.exec.notfound"_s);
        QCOMPARE(r.error().message, u"exec plugin 'tideline-no-such-plugin' not found: install it or fix "
                                    "users[eks-admin].exec.command\nInstall it with: apt install tideline-no-such-plugin"_s);
        QCOMPARE(p.runCount(), 0);
    }

    void interactiveModes()
    {
        const QString path = script(u"interactive.sh"_s, u"echo '"_s + credentialJson(u"client.authentication.k8s.io/v1"_s, u"t"_s) + u"'"_s);
        KubeExecConfig c = config(path);
        c.interactiveMode = ExecInteractiveMode::Always;
        ExecCredentialProvider always(c, u"me"_s, KubeCluster{});
        always.setStdinIsTerminal(false);
        const auto r = fetch(always, this);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"kube.exec.interactive"_s);
        QCOMPARE(always.runCount(), 0);
        QCOMPARE(QString::fromUtf8(always.execInfo(true)),
                 u"{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":true}}"_s);

        c.interactiveMode = ExecInteractiveMode::IfAvailable;
        ExecCredentialProvider ifAvailable(c, u"me"_s, KubeCluster{});
        ifAvailable.setStdinIsTerminal(false);
        QVERIFY(fetch(ifAvailable, this).ok());
    }
};

QTEST_GUILESS_MAIN(TstKubeExec)
#include "tst_kube_exec.moc"
