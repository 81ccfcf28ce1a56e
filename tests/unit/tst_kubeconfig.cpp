// KubeConfig: parsing, kubectl's merge rules for $KUBECONFIG, path resolution against the
// file's directory, and errors that name the file and the reason (never a crash).
#include "kube/KubeConfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tideline;
using namespace tideline::kube;
using namespace Qt::StringLiterals;

namespace {

QByteArray lines(const QStringList &l)
{
    return l.join(u'\n').toUtf8() + '\n';
}

const QByteArray kBase = lines({
    u"apiVersion: v1"_s, u"kind: Config"_s,
    u"clusters:"_s,
    u"- name: prod"_s, u"  cluster:"_s, u"    server: https://prod.example:6443"_s,
    u"    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg=="_s,
    u"    tls-server-name: api.prod"_s, u"    proxy-url: socks5://127.0.0.1:1080"_s,
    u"- name: dev"_s, u"  cluster:"_s, u"    server: https://dev.example"_s,
    u"    insecure-skip-tls-verify: true"_s,
    u"users:"_s,
    u"- name: admin"_s, u"  user:"_s, u"    token: abc"_s,
    u"- name: basic"_s, u"  user:"_s, u"    username: u1"_s, u"    password: p1"_s,
    u"- name: eks"_s, u"  user:"_s, u"    exec:"_s, u"      apiVersion: client.authentication.k8s.io/v1beta1"_s,
    u"      command: aws"_s, u"      args: [eks, get-token, --cluster-name, prod]"_s,
    u"      env:"_s, u"      - name: AWS_PROFILE"_s, u"        value: prod"_s,
    u"      installHint: install the aws cli"_s, u"      provideClusterInfo: true"_s,
    u"contexts:"_s,
    u"- name: prod-admin"_s, u"  context: {cluster: prod, user: admin, namespace: payments}"_s,
    u"- name: dev-basic"_s, u"  context: {cluster: dev, user: basic}"_s,
    u"- name: prod-eks"_s, u"  context: {cluster: prod, user: eks}"_s,
    u"- name: dangling-cluster"_s, u"  context: {cluster: nowhere, user: admin}"_s,
    u"- name: dangling-user"_s, u"  context: {cluster: prod, user: nobody}"_s,
    u"current-context: prod-admin"_s,
});

} // namespace

class TstKubeConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolveContexts_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("error");
        QTest::newRow("current-context") << QString() << u"https://prod.example:6443"_s << u"payments"_s << u"admin"_s << QString();
        QTest::newRow("default namespace") << u"dev-basic"_s << u"https://dev.example"_s << u"default"_s << u"basic"_s << QString();
        QTest::newRow("exec user") << u"prod-eks"_s << u"https://prod.example:6443"_s << u"default"_s << u"eks"_s << QString();
        QTest::newRow("unknown context") << u"nope"_s << QString() << QString() << QString()
                                         << u"kubeconfig /k/config: context \"nope\" not found"_s;
        QTest::newRow("dangling cluster") << u"dangling-cluster"_s << QString() << QString() << QString()
                                          << u"kubeconfig /k/config: context \"dangling-cluster\" refers to cluster "
                                             "\"nowhere\", which is not defined"_s;
        QTest::newRow("dangling user") << u"dangling-user"_s << QString() << QString() << QString()
                                       << u"kubeconfig /k/config: context \"dangling-user\" refers to user \"nobody\", "
                                          "which is not defined"_s;
    }

    void resolveContexts()
    {
        QFETCH(QString, context);
        QFETCH(QString, server);
        QFETCH(QString, ns);
        QFETCH(QString, user);
        QFETCH(QString, error);
        const auto config = KubeConfig::parse(kBase, u"/k/config"_s);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
        const auto r = config.value().resolve(context);
        if (!error.isEmpty()) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, u"kube.config"_s);
            QCOMPARE(r.error().message, error);
            return;
        }
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value().cluster.server, server);
        QCOMPARE(r.value().ns, ns);
        QCOMPARE(r.value().user.name, user);
    }

    void fields()
    {
        const auto config = KubeConfig::parse(kBase, u"/k/config"_s);
        QVERIFY(config.ok());
        const KubeConfig &c = config.value();
        QCOMPARE(c.currentContext, u"prod-admin"_s);
        const KubeCluster *prod = c.cluster(u"prod"_s);
        QVERIFY(prod);
        QCOMPARE(prod->certificateAuthorityData, QByteArray("-----BEGIN CERTIFICATE-----\n"));
        QCOMPARE(prod->tlsServerName, u"api.prod"_s);
        QCOMPARE(prod->proxyUrl, u"socks5://127.0.0.1:1080"_s);
        QVERIFY(!prod->insecureSkipTlsVerify);
        QVERIFY(c.cluster(u"dev"_s)->insecureSkipTlsVerify);
        QCOMPARE(c.user(u"admin"_s)->token, u"abc"_s);
        QCOMPARE(c.user(u"basic"_s)->username, u"u1"_s);
        QCOMPARE(c.user(u"basic"_s)->password, u"p1"_s);
        const KubeUser *eks = c.user(u"eks"_s);
        QVERIFY(eks->exec);
        QCOMPARE(eks->exec->command, u"aws"_s);
        QCOMPARE(eks->exec->args, (QStringList{u"eks"_s, u"get-token"_s, u"--cluster-name"_s, u"prod"_s}));
        QCOMPARE(eks->exec->env.size(), 1);
        QCOMPARE(eks->exec->env.first().first, u"AWS_PROFILE"_s);
        QCOMPARE(eks->exec->env.first().second, u"prod"_s);
        QCOMPARE(eks->exec->apiVersion, u"client.authentication.k8s.io/v1beta1"_s);
        QCOMPARE(eks->exec->interactiveMode, ExecInteractiveMode::IfAvailable); // v1beta1 default
        QVERIFY(eks->exec->provideClusterInfo);
        QCOMPARE(eks->exec->installHint, u"install the aws cli"_s);
        QCOMPARE(eks->exec->baseDir, u"/k"_s);
        QCOMPARE(c.contexts.size(), 5);
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        QTest::newRow("broken yaml") << QByteArray("clusters:\n- name: a\n  cluster: {server: [x\n")
                                     << u"kubeconfig /k/bad: invalid YAML: line "_s;
        QTest::newRow("not a mapping") << QByteArray("- just\n- a list\n")
                                       << u"kubeconfig /k/bad: the top level is not a mapping"_s;
        QTest::newRow("wrong kind") << QByteArray("kind: Pod\n") << u"kubeconfig /k/bad: kind is \"Pod\", expected Config"_s;
        QTest::newRow("clusters not a list") << QByteArray("clusters: {a: b}\n")
                                             << u"kubeconfig /k/bad: clusters must be a list"_s;
        QTest::newRow("nameless cluster") << QByteArray("clusters:\n- cluster: {server: https://x}\n")
                                          << u"kubeconfig /k/bad: clusters[0] has no name"_s;
        QTest::newRow("server not a string") << QByteArray("clusters:\n- name: a\n  cluster: {server: [1, 2]}\n")
                                             << u"kubeconfig /k/bad: clusters[a].cluster.server must be a string"_s;
        QTest::newRow("bad base64") << QByteArray("clusters:\n- name: a\n  cluster: {certificate-authority-data: \"!!!\"}\n")
                                    << u"kubeconfig /k/bad: clusters[a].cluster.certificate-authority-data is not valid base64"_s;
        QTest::newRow("bad bool") << QByteArray("clusters:\n- name: a\n  cluster: {insecure-skip-tls-verify: maybe}\n")
                                  << u"kubeconfig /k/bad: clusters[a].cluster.insecure-skip-tls-verify must be true or false"_s;
        QTest::newRow("exec without command") << QByteArray("users:\n- name: u\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1}\n")
                                              << u"kubeconfig /k/bad: users[u].user.exec.command is required"_s;
        QTest::newRow("exec v1 without interactiveMode")
            << QByteArray("users:\n- name: u\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1, command: x}\n")
            << u"kubeconfig /k/bad: users[u].user.exec.interactiveMode must be specified for apiVersion "
               "client.authentication.k8s.io/v1"_s;
        QTest::newRow("exec unknown apiVersion")
            << QByteArray("users:\n- name: u\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: x, interactiveMode: Never}\n")
            << u"kubeconfig /k/bad: users[u].user.exec.apiVersion \"client.authentication.k8s.io/v1alpha1\" is not supported"_s;
        QTest::newRow("exec bad interactiveMode")
            << QByteArray("users:\n- name: u\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1, command: x, interactiveMode: Sometimes}\n")
            << u"kubeconfig /k/bad: users[u].user.exec.interactiveMode \"Sometimes\" is not one of Never, IfAvailable, Always"_s;
    }

    void invalid()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        const auto r = KubeConfig::parse(yaml, u"/k/bad"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"kube.config"_s);
        QVERIFY2(r.error().message.startsWith(error), qPrintable(r.error().message));
    }

    void emptyFileIsEmptyConfig()
    {
        const auto r = KubeConfig::parse({}, u"/k/empty"_s);
        QVERIFY(r.ok());
        QVERIFY(r.value().contexts.isEmpty());
        const auto resolved = r.value().resolve();
        QVERIFY(!resolved.ok());
        QCOMPARE(resolved.error().message, u"kubeconfig /k/empty: no current-context is set; pass a context"_s);
    }

    void mergeAsKubectl()
    {
        // The first file to define a name wins; current-context from the first file that sets it.
        QTemporaryDir dir;
        const QString a = dir.filePath(u"a"_s);
        const QString b = dir.filePath(u"b"_s);
        QFile fa(a);
        QVERIFY(fa.open(QIODevice::WriteOnly));
        fa.write(lines({u"clusters:"_s, u"- name: shared"_s, u"  cluster: {server: https://from-a}"_s,
                        u"users:"_s, u"- name: me"_s, u"  user: {token: a-token}"_s}));
        fa.close();
        QFile fb(b);
        QVERIFY(fb.open(QIODevice::WriteOnly));
        fb.write(lines({u"current-context: ctx"_s, u"clusters:"_s, u"- name: shared"_s,
                        u"  cluster: {server: https://from-b}"_s, u"- name: only-b"_s,
                        u"  cluster: {server: https://b-only}"_s, u"users:"_s, u"- name: me"_s,
                        u"  user: {token: b-token}"_s, u"contexts:"_s, u"- name: ctx"_s,
                        u"  context: {cluster: shared, user: me}"_s}));
        fb.close();
        qputenv("KUBECONFIG", (a + u"::"_s + dir.filePath(u"missing"_s) + u':' + b).toLocal8Bit());
        QCOMPARE(KubeConfig::defaultPaths().size(), 3);
        const auto config = KubeConfig::load();
        qunsetenv("KUBECONFIG");
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
        QCOMPARE(config.value().files.size(), 2); // the missing file is skipped, as kubectl does
        const auto r = config.value().resolve();
        QVERIFY(r.ok());
        QCOMPARE(r.value().contextName, u"ctx"_s);
        QCOMPARE(r.value().cluster.server, u"https://from-a"_s);
        QCOMPARE(r.value().user.token, u"a-token"_s);
        QVERIFY(config.value().cluster(u"only-b"_s));
    }

    void explicitMissingFile()
    {
        const auto r = KubeConfig::load(u"/nonexistent/kubeconfig"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, u"kubeconfig /nonexistent/kubeconfig: no such file"_s);
    }

    void relativePathsAndFiles()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(u"certs"_s);
        const auto write = [&](const QString &rel, const QByteArray &data) {
            QFile f(dir.filePath(rel));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(data);
        };
        write(u"certs/ca.crt"_s, "CA PEM");
        write(u"certs/client.crt"_s, "CERT PEM");
        write(u"certs/client.key"_s, "KEY PEM");
        write(u"config"_s, lines({u"clusters:"_s, u"- name: c"_s,
                                  u"  cluster: {server: https://x, certificate-authority: certs/ca.crt}"_s,
                                  u"users:"_s, u"- name: u"_s,
                                  u"  user: {client-certificate: certs/client.crt, client-key: ./certs/client.key}"_s,
                                  u"- name: broken"_s, u"  user: {client-certificate: certs/nope.crt, client-key: certs/client.key}"_s,
                                  u"- name: halfcert"_s, u"  user: {client-certificate: certs/client.crt}"_s,
                                  u"contexts:"_s, u"- name: ok"_s, u"  context: {cluster: c, user: u}"_s,
                                  u"- name: missing-file"_s, u"  context: {cluster: c, user: broken}"_s,
                                  u"- name: half"_s, u"  context: {cluster: c, user: halfcert}"_s}));
        const auto config = KubeConfig::load(dir.filePath(u"config"_s));
        QVERIFY(config.ok());
        const auto ok = config.value().resolve(u"ok"_s);
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message));
        QCOMPARE(ok.value().cluster.certificateAuthority, dir.filePath(u"certs/ca.crt"_s));
        QCOMPARE(ok.value().caPem, QByteArray("CA PEM"));
        QCOMPARE(ok.value().clientCertPem, QByteArray("CERT PEM"));
        QCOMPARE(ok.value().clientKeyPem, QByteArray("KEY PEM"));
        const auto missing = config.value().resolve(u"missing-file"_s);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.startsWith(u"kubeconfig %1: users[broken].client-certificate: cannot read %2"_s
                                                        .arg(dir.filePath(u"config"_s), dir.filePath(u"certs/nope.crt"_s))),
                 qPrintable(missing.error().message));
        const auto half = config.value().resolve(u"half"_s);
        QVERIFY(!half.ok());
        QVERIFY(half.error().message.contains(u"client certificate without a key"_s));
    }
};

QTEST_GUILESS_MAIN(TstKubeConfig)
#include "tst_kubeconfig.moc"
