// HTTPS_PROXY / NO_PROXY through a real proxy: KubeClient and KubeWatcher against the TLS fake
// API server via Debian's tinyproxy (CONNECT), and kubectl itself against the same setup.
//
// Addressing: Go (and so Tideline) never proxies "localhost" or a loopback IP literal, and the
// fake API server listens on a loopback address. The kubeconfig therefore names the server by
// this machine's host name (QHostInfo::localHostName()), and the server listens on the address
// that name resolves to (127.0.0.1 or Debian's usual 127.0.1.1, or the machine's own address):
// not a loopback literal in the URL, so the proxy rules apply, and the proxy, not Tideline,
// resolves it when it opens the tunnel. The server's certificate names localhost, so the
// kubeconfig carries `tls-server-name: localhost` (a standard kubeconfig field kubectl honours
// too). On a machine whose host name does not resolve at all, initTestCase() fails and says so.
#include "FakeKubeApiServer.h"
#include "TestServers.h"
#include "TinyProxyProcess.h"
#include "kube/KubeClient.h"
#include "kube/KubeWatcher.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tideline;
using namespace tideline::kube;
using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 30000;

QProcessEnvironment environmentWith(const QStringList &variables)
{
    // Not the process's environment: a proxy set on the build machine must not leak in.
    QProcessEnvironment env;
    env.insert(u"PATH"_s, QProcessEnvironment::systemEnvironment().value(u"PATH"_s));
    for (const QString &v : variables)
        env.insert(v.section(u'=', 0, 0), v.section(u'=', 1));
    return env;
}

} // namespace

class TstKubeProxyEnv : public QObject
{
    Q_OBJECT

private:
    struct Listed
    {
        bool done = false;
        std::optional<Result<KubeList<Workload>>> result;
    };

    std::unique_ptr<KubeClient> makeClient(const QStringList &variables)
    {
        auto client = std::make_unique<KubeClient>();
        client->setProcessEnvironment(environmentWith(variables));
        const auto r = client->configureFromKubeconfig(m_kubeconfig, {});
        if (!r.ok())
            qWarning() << "configure failed:" << r.error().message;
        return r.ok() ? std::move(client) : nullptr;
    }

    Result<KubeList<Workload>> listDeployments(KubeClient *client)
    {
        auto listed = std::make_shared<Listed>();
        client->listDeployments(u"default"_s, this, [listed](const Result<KubeList<Workload>> &r) {
            listed->result = r;
            listed->done = true;
        });
        if (!QTest::qWaitFor([&] { return listed->done; }, kTimeoutMs))
            return Error{u"test.timeout"_s, u"listDeployments did not answer"_s, {}};
        return *listed->result;
    }

    QString serverTarget() const { return u"%1:%2"_s.arg(m_host).arg(m_server->port()); }

    // The fake server's kubeconfig with the server named by host name (see the file comment).
    QString writeKubeconfig(const QString &fileName, const QStringList &userYaml)
    {
        const QString path = m_server->writeKubeconfig(fileName, userYaml);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QString text = QString::fromUtf8(f.readAll());
        f.close();
        const QString direct = u"server: "_s + m_server->url();
        if (!text.contains(direct))
            return {};
        text.replace(direct, u"server: https://%1\n    tls-server-name: localhost"_s.arg(serverTarget()));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(text.toUtf8());
        return path;
    }

    // kubectl runs while this thread's event loop serves the API: never block on the process.
    bool kubectl(const QStringList &variables, QByteArray *out, QByteArray *err)
    {
        QProcess p;
        p.setProcessEnvironment(environmentWith(variables + QStringList{u"HOME="_s + m_home.path()}));
        p.start(m_kubectl, QStringList{u"--kubeconfig"_s, m_kubeconfig, u"--cache-dir"_s,
                                       m_home.filePath(u"cache"_s), u"--request-timeout=20s"_s, u"get"_s,
                                       u"deployments"_s, u"-o"_s, u"name"_s});
        if (!p.waitForStarted(5000))
            return false;
        QElapsedTimer clock;
        clock.start();
        while (p.state() != QProcess::NotRunning && clock.elapsed() < 60000)
            QTest::qWait(20);
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(2000);
            return false;
        }
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    std::unique_ptr<FakeKubeApiServer> m_server;
    QString m_host;
    QString m_address; // what m_host resolves to; the server listens there
    QString m_kubeconfig;
    QString m_kubectl;
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        m_host = QHostInfo::localHostName().toLower();
        const QHostInfo info = QHostInfo::fromName(m_host);
        QVERIFY2(!m_host.isEmpty() && m_host != u"localhost"_s, "this machine has no host name of its own");
        for (const QHostAddress &a : info.addresses()) {
            if (a.protocol() == QAbstractSocket::IPv4Protocol) {
                m_address = a.toString();
                break;
            }
        }
        QVERIFY2(!m_address.isEmpty(),
                 qPrintable(u"the host name \"%1\" must resolve to an IPv4 address (/etc/hosts) so that a proxy "
                            "can reach the test's API server under a name that is not a loopback literal"_s
                                .arg(m_host)));
        m_kubectl = findProgram(u"kubectl"_s);
        QVERIFY2(!m_kubectl.isEmpty(), "kubectl is not installed (scripts/install-deps installs it)");
        QVERIFY(m_home.isValid());
    }

    void init()
    {
        m_server = std::make_unique<FakeKubeApiServer>();
        m_server->setListenAddress(m_address);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_server->addToken(u"t"_s, u"alice"_s);
        m_server->allowAll(u"alice"_s);
        m_server->seed(FakeKubeApiServer::deployment(u"worker"_s, 2, 2));
        m_server->seed(FakeKubeApiServer::deployment(u"api"_s, 1, 1));
        m_kubeconfig = writeKubeconfig(u"proxy.yaml"_s, {u"token: t"_s});
        QVERIFY(!m_kubeconfig.isEmpty());
    }

    void cleanup()
    {
        m_server.reset();
    }

    void listAndWatchThroughProxy()
    {
        TinyProxyProcess proxy({{m_server->port()}, {}, {}});
        QString error;
        QVERIFY2(proxy.start(&error), qPrintable(error));
        auto client = makeClient({u"HTTPS_PROXY="_s + proxy.url(), u"NO_PROXY=example.com,10.0.0.0/8"_s});
        QVERIFY(client);
        QVERIFY2(client->proxyDescription().contains(u"HTTPS_PROXY"_s), qPrintable(client->proxyDescription()));

        const auto listed = listDeployments(client.get());
        QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : listed.error().message));
        QCOMPARE(listed.value().items.size(), 2);
        QVERIFY2(proxy.connectTargets().contains(serverTarget()), qPrintable(proxy.log()));
        for (const QString &target : proxy.connectTargets())
            QCOMPARE(target, serverTarget());

        KubeWatcher watcher(client.get(),
                            KubeClient::collectionPath(u"apps"_s, u"v1"_s, u"deployments"_s, u"default"_s),
                            u"Deployment"_s, u"apps/v1"_s);
        watcher.setBackoff(100, 1000);
        QSignalSpy modified(&watcher, &KubeWatcher::objectModified);
        QSignalSpy errors(&watcher, &KubeWatcher::errorOccurred);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->activeWatchCount(), 1, kTimeoutMs);
        QVERIFY(m_server->mutate(u"deployments"_s, u"default"_s, u"worker"_s, [](QJsonObject &o) {
            QJsonObject spec = o.value(u"spec"_s).toObject();
            spec.insert(u"replicas"_s, 5);
            o.insert(u"spec"_s, spec);
        }));
        QTRY_COMPARE_WITH_TIMEOUT(modified.size(), 1, kTimeoutMs);
        QCOMPARE(errors.size(), 0);

        // The watch stream runs inside the proxy's tunnel: with the proxy gone it breaks, and
        // the watcher's reconnects fail at the proxy, which the error names.
        proxy.stop();
        QTRY_VERIFY_WITH_TIMEOUT(errors.size() >= 2, kTimeoutMs);
        const auto lastError = errors.last().at(0).value<tideline::Error>();
        QVERIFY2(lastError.message.contains(proxy.url()), qPrintable(lastError.message));
        watcher.stop();
    }

    void noProxyGoesDirect_data()
    {
        QTest::addColumn<QStringList>("variables");
        const QString httpsProxy = u"HTTPS_PROXY=%1"_s;    // %1: the proxy's URL
        QTest::newRow("host") << QStringList{httpsProxy, u"NO_PROXY=other.example,%HOST%"_s};
        QTest::newRow("host:port") << QStringList{httpsProxy, u"NO_PROXY=%HOST%:%PORT%"_s};
        QTest::newRow("upper case, lower-case variable") << QStringList{httpsProxy, u"no_proxy=%HOSTUPPER%"_s};
        QTest::newRow("*") << QStringList{httpsProxy, u"NO_PROXY=*"_s};
        QTest::newRow("only HTTP_PROXY (not for https)") << QStringList{u"HTTP_PROXY=%1"_s};
    }

    void noProxyGoesDirect()
    {
        QFETCH(QStringList, variables);
        TinyProxyProcess proxy({{m_server->port()}, {}, {}});
        QString error;
        QVERIFY2(proxy.start(&error), qPrintable(error));
        for (QString &v : variables) {
            v.replace(u"%HOSTUPPER%"_s, m_host.toUpper())
                .replace(u"%HOST%"_s, m_host)
                .replace(u"%PORT%"_s, QString::number(m_server->port()));
            if (v.contains(u"%1"_s))
                v = v.arg(proxy.url());
        }
        auto client = makeClient(variables);
        QVERIFY(client);
        QCOMPARE(client->proxyDescription(), QString());
        const auto listed = listDeployments(client.get());
        QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : listed.error().message));
        QCOMPARE(listed.value().items.size(), 2);
        QVERIFY2(proxy.connectTargets().isEmpty(), qPrintable(proxy.log()));
        QVERIFY2(proxy.forwardedRequests().isEmpty(), qPrintable(proxy.log()));
    }

    void proxyAuthentication()
    {
        TinyProxyProcess proxy({{m_server->port()}, u"tideline"_s, u"s3cret"_s});
        QString error;
        QVERIFY2(proxy.start(&error), qPrintable(error));

        // Without credentials the proxy answers 407: a clear error naming the proxy.
        auto client = makeClient({u"HTTPS_PROXY="_s + proxy.url()});
        QVERIFY(client);
        const auto refused = listDeployments(client.get());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"kube.network"_s);
        QVERIFY2(refused.error().message.contains(proxy.url()), qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(u"HTTPS_PROXY"_s), qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(u"authentication"_s, Qt::CaseInsensitive),
                 qPrintable(refused.error().message));
        QVERIFY2(proxy.connectTargets().contains(serverTarget()), qPrintable(proxy.log()));

        // With user:password in the variable it works, and the password shows nowhere.
        const QString withCredentials = u"http://tideline:s3cret@127.0.0.1:%1"_s.arg(proxy.port());
        auto authed = makeClient({u"https_proxy="_s + withCredentials});
        QVERIFY(authed);
        QVERIFY(!authed->proxyDescription().contains(u"s3cret"_s));
        const auto listed = listDeployments(authed.get());
        QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : listed.error().message));
        QCOMPARE(listed.value().items.size(), 2);
    }

    void proxyNotListening()
    {
        const quint16 dead = freePort();
        auto client = makeClient({u"HTTPS_PROXY=127.0.0.1:%1"_s.arg(dead)});
        QVERIFY(client);
        const auto r = listDeployments(client.get());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"kube.network"_s);
        QVERIFY2(r.error().message.contains(u"http://127.0.0.1:%1"_s.arg(dead)), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(serverTarget()), qPrintable(r.error().message));
    }

    // An exec credential plugin runs with the client's environment, not the process's: it sees
    // the same HTTPS_PROXY (EKS/GKE plugins call their cloud's API through it) and here takes its
    // token from a variable only the client's environment has.
    void execPluginGetsTheClientsEnvironment()
    {
        TinyProxyProcess proxy({{m_server->port()}, {}, {}});
        QString error;
        QVERIFY2(proxy.start(&error), qPrintable(error));
        const QString seen = m_home.filePath(u"plugin-saw-proxy"_s);
        const QString plugin = m_home.filePath(u"token-plugin.sh"_s);
        {
            QFile f(plugin);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("#!/bin/sh\nprintf '%s' \"$HTTPS_PROXY\" > \"$SEEN_FILE\"\n"
                    "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                    "\"status\":{\"token\":\"%s\"}}' \"$PLUGIN_TOKEN\"\n");
            f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        const QString config = writeKubeconfig(u"exec.yaml"_s, {u"exec:"_s,
                                                                u"  apiVersion: client.authentication.k8s.io/v1"_s,
                                                                u"  command: %1"_s.arg(plugin),
                                                                u"  interactiveMode: Never"_s});
        QVERIFY(!config.isEmpty());
        auto client = std::make_unique<KubeClient>();
        client->setProcessEnvironment(environmentWith(
            {u"HTTPS_PROXY="_s + proxy.url(), u"PLUGIN_TOKEN=t"_s, u"SEEN_FILE="_s + seen}));
        const auto configured = client->configureFromKubeconfig(config, {});
        QVERIFY2(configured.ok(), qPrintable(configured.ok() ? QString() : configured.error().message));
        const auto listed = listDeployments(client.get());
        QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : listed.error().message));
        QCOMPARE(listed.value().items.size(), 2);
        QVERIFY2(proxy.connectTargets().contains(serverTarget()), qPrintable(proxy.log()));
        QFile f(seen);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), proxy.url());
    }

    // The reference client, same kubeconfig, same variables: it takes the same route.
    void kubectlAgrees()
    {
        TinyProxyProcess proxy({{m_server->port()}, {}, {}});
        QString error;
        QVERIFY2(proxy.start(&error), qPrintable(error));
        QByteArray out, err;
        QVERIFY2(kubectl({u"HTTPS_PROXY="_s + proxy.url()}, &out, &err), err.constData());
        QCOMPARE(out.trimmed(), QByteArray("deployment.apps/api\ndeployment.apps/worker"));
        QVERIFY2(!proxy.connectTargets().isEmpty(), qPrintable(proxy.log()));
        for (const QString &target : proxy.connectTargets())
            QCOMPARE(target, serverTarget());

        // A proxy of its own for the second run: kubectl's parallel connections of the first
        // may still be logged after it exited.
        TinyProxyProcess unused({{m_server->port()}, {}, {}});
        QVERIFY2(unused.start(&error), qPrintable(error));
        QVERIFY2(kubectl({u"HTTPS_PROXY="_s + unused.url(), u"NO_PROXY="_s + m_host}, &out, &err), err.constData());
        QCOMPARE(out.trimmed(), QByteArray("deployment.apps/api\ndeployment.apps/worker"));
        QVERIFY2(unused.connectTargets().isEmpty(), qPrintable(unused.log()));
    }
};

QTEST_GUILESS_MAIN(TstKubeProxyEnv)
#include "tst_kube_proxyenv.moc"
