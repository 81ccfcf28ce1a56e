// KubeClient against the Kubernetes-compatible fake API server over TLS: every auth path
// (client certificate from files and inline data, token, token file, exec plugin with token
// and with a client certificate), every read, scale with dry-run then real, SSAR, HPA patch,
// KEDA present and absent, and the error texts for 401/403/404/409/415/422 and TLS failures.
#include "FakeKubeApiServer.h"
#include "TestServers.h"
#include "kube/ExecCredentialProvider.h"
#include "kube/KubeClient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace tideline;
using namespace tideline::kube;
using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

template<typename T>
Result<T> await(const std::function<void(KubeClient::Callback<T>)> &start, int timeoutMs = 20000)
{
    std::optional<Result<T>> out;
    start([&out](const Result<T> &r) { out = r; });
    QElapsedTimer clock;
    clock.start();
    while (!out && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    if (!out)
        return Error{u"test.timeout"_s, u"no answer within %1 ms"_s.arg(timeoutMs), {}};
    return *out;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeScript(const QString &path, const QByteArray &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(text);
    f.close();
    return f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// An HTTP CONNECT proxy on 127.0.0.1 that pipes bytes to the requested target and records it.
class ConnectProxy final
{
public:
    bool start()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                auto *upstream = new QTcpSocket(client);
                auto *head = new QByteArray;
                QObject::connect(client, &QTcpSocket::disconnected, client, [client, head] {
                    delete head;
                    client->deleteLater();
                });
                QObject::connect(client, &QTcpSocket::readyRead, client, [this, client, upstream, head] {
                    if (upstream->state() != QAbstractSocket::UnconnectedState) {
                        upstream->write(client->readAll());
                        return;
                    }
                    *head += client->readAll();
                    const qsizetype end = head->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QList<QByteArray> request = head->left(head->indexOf("\r\n")).split(' ');
                    if (request.value(0) != "CONNECT") {
                        client->write("HTTP/1.1 405 Method Not Allowed\r\n\r\n");
                        client->disconnectFromHost();
                        return;
                    }
                    m_targets << QString::fromLatin1(request.value(1));
                    const QList<QByteArray> hostPort = request.value(1).split(':');
                    const QByteArray rest = head->mid(end + 4);
                    QObject::connect(upstream, &QTcpSocket::connected, client, [client, upstream, rest] {
                        client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                        if (!rest.isEmpty())
                            upstream->write(rest);
                    });
                    QObject::connect(upstream, &QTcpSocket::readyRead, client,
                                     [client, upstream] { client->write(upstream->readAll()); });
                    QObject::connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
                    upstream->connectToHost(QString::fromLatin1(hostPort.value(0)), quint16(hostPort.value(1).toUInt()));
                });
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    const QStringList &targets() const { return m_targets; }

private:
    QTcpServer m_server;
    QStringList m_targets;
};

} // namespace

class TstKubeClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KubeClient> clientFor(const QString &kubeconfig, QString *error)
    {
        auto client = std::make_unique<KubeClient>();
        const auto r = client->configureFromKubeconfig(kubeconfig, {});
        if (!r) {
            *error = r.error().message;
            return nullptr;
        }
        return client;
    }

    FakeKubeApiServer m_server;
    QTemporaryDir m_tmp;
    QString m_cert;
    QString m_key;
    QString m_certConfig;
    QString m_tokenConfig;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY2(m_server.issueClientCertificate(u"alice"_s, &m_cert, &m_key, &error), qPrintable(error));
        m_server.allowAll(u"alice"_s);
        m_server.addToken(u"bob-token"_s, u"bob"_s);
        m_server.setRules(u"bob"_s, {{{u"get"_s, u"list"_s, u"watch"_s}, {u"apps"_s}, {u"deployments"_s}, {}, {}}});
        m_certConfig = m_server.writeKubeconfig(u"cert.yaml"_s, {u"client-certificate: "_s + m_cert,
                                                                 u"client-key: "_s + m_key});
        m_tokenConfig = m_server.writeKubeconfig(u"token.yaml"_s, {u"token: bob-token"_s});
    }

    void init()
    {
        // A fresh set of objects for every test function.
        for (const QString &name : {u"worker"_s, u"api"_s})
            m_server.remove(u"deployments"_s, u"default"_s, name);
        m_server.remove(u"statefulsets"_s, u"default"_s, u"db"_s);
        m_server.remove(u"horizontalpodautoscalers"_s, u"default"_s, u"worker"_s);
        m_server.remove(u"events"_s, u"default"_s, u"worker.1"_s);
        m_server.remove(u"events"_s, u"default"_s, u"api.1"_s);
        m_server.remove(u"scaledobjects"_s, u"default"_s, u"worker"_s);
        m_server.seed(FakeKubeApiServer::deployment(u"worker"_s, 2, 2));
        m_server.seed(FakeKubeApiServer::deployment(u"api"_s, 3, 1));
        m_server.seed(FakeKubeApiServer::statefulSet(u"db"_s, 1, 1));
        m_server.seed(FakeKubeApiServer::hpa(u"worker"_s, u"worker"_s, 1, 10, u"messages"_s, 20, 2, 35));
        m_server.seed(FakeKubeApiServer::event(u"worker.1"_s, u"Deployment"_s, u"worker"_s, u"ScalingReplicaSet"_s,
                                               u"Scaled up replica set worker-abc to 2"_s));
        m_server.seed(FakeKubeApiServer::event(u"api.1"_s, u"Deployment"_s, u"api"_s, u"FailedCreate"_s,
                                               u"quota exceeded"_s, u"Warning"_s));
        m_server.setKedaEnabled(false);
    }

    void authVariants_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("client cert files") << u"certFiles"_s;
        QTest::newRow("client cert inline data") << u"certData"_s;
        QTest::newRow("client cert with EC key") << u"certEc"_s;
        QTest::newRow("client cert, PKCS#1 RSA key (kind, kubeadm)") << u"certPkcs1"_s;
        QTest::newRow("client cert, SEC1 EC key") << u"certSec1"_s;
        QTest::newRow("token") << u"token"_s;
        QTest::newRow("tokenFile") << u"tokenFile"_s;
        QTest::newRow("exec token v1") << u"execV1"_s;
        QTest::newRow("exec token v1beta1") << u"execV1beta1"_s;
        QTest::newRow("exec client cert") << u"execCert"_s;
    }

    void authVariants()
    {
        QFETCH(QString, variant);
        QString error;
        QStringList user;
        QString expectedUser = u"alice"_s;
        const QString script = m_tmp.filePath(u"plugin-"_s + variant + u".sh"_s);
        if (variant == u"certFiles"_s) {
            user = {u"client-certificate: "_s + m_cert, u"client-key: "_s + m_key};
        } else if (variant == u"certData"_s) {
            user = {u"client-certificate-data: "_s + QString::fromLatin1(readFile(m_cert).toBase64()),
                    u"client-key-data: "_s + QString::fromLatin1(readFile(m_key).toBase64())};
        } else if (variant == u"certEc"_s) {
            QString cert;
            QString key;
            QVERIFY2(m_server.issueClientCertificate(u"erin"_s, &cert, &key, &error, true), qPrintable(error));
            m_server.allowAll(u"erin"_s);
            user = {u"client-certificate: "_s + cert, u"client-key: "_s + key};
            expectedUser = u"erin"_s;
        } else if (variant == u"certPkcs1"_s || variant == u"certSec1"_s) {
            // kubeadm and kind write "BEGIN RSA PRIVATE KEY"; EC keys often "BEGIN EC PRIVATE KEY".
            QString cert = m_cert;
            QString key = m_key;
            if (variant == u"certSec1"_s) {
                QVERIFY2(m_server.issueClientCertificate(u"erin"_s, &cert, &key, &error, true), qPrintable(error));
                m_server.allowAll(u"erin"_s);
                expectedUser = u"erin"_s;
            }
            QProcess openssl;
            openssl.start(findProgram(u"openssl"_s), {u"pkey"_s, u"-in"_s, key, u"-traditional"_s});
            QVERIFY(openssl.waitForFinished(10000));
            const QByteArray traditional = openssl.readAllStandardOutput();
            QVERIFY2(traditional.startsWith(variant == u"certSec1"_s ? "-----BEGIN EC PRIVATE KEY-----"
                                                                      : "-----BEGIN RSA PRIVATE KEY-----"),
                     traditional.left(40).constData());
            user = {u"client-certificate-data: "_s + QString::fromLatin1(readFile(cert).toBase64()),
                    u"client-key-data: "_s + QString::fromLatin1(traditional.toBase64())};
        } else if (variant == u"token"_s) {
            user = {u"token: bob-token"_s};
            expectedUser = u"bob"_s;
        } else if (variant == u"tokenFile"_s) {
            const QString tokenFile = m_tmp.filePath(u"token"_s);
            QFile f(tokenFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("bob-token\n");
            f.close();
            user = {u"tokenFile: "_s + tokenFile};
            expectedUser = u"bob"_s;
        } else if (variant == u"execV1"_s || variant == u"execV1beta1"_s) {
            const QByteArray api = variant == u"execV1"_s ? "client.authentication.k8s.io/v1"
                                                            : "client.authentication.k8s.io/v1beta1";
            m_server.addToken(u"exec-token"_s, u"carol"_s);
            m_server.allowAll(u"carol"_s);
            QVERIFY(writeScript(script, "#!/bin/sh\nprintf '{\"apiVersion\":\"" + api
                                            + "\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"exec-token\"}}'\n"));
            user = {u"exec:"_s, u"  apiVersion: "_s + QString::fromLatin1(api), u"  command: "_s + script,
                    u"  interactiveMode: Never"_s};
            expectedUser = u"carol"_s;
        } else if (variant == u"execCert"_s) {
            QString cert;
            QString key;
            QVERIFY2(m_server.issueClientCertificate(u"dave"_s, &cert, &key, &error), qPrintable(error));
            m_server.allowAll(u"dave"_s);
            const QJsonObject status{{u"clientCertificateData"_s, QString::fromUtf8(readFile(cert))},
                                     {u"clientKeyData"_s, QString::fromUtf8(readFile(key))}};
            const QJsonObject cred{{u"apiVersion"_s, u"client.authentication.k8s.io/v1"_s},
                                   {u"kind"_s, u"ExecCredential"_s}, {u"status"_s, status}};
            const QString json = m_tmp.filePath(u"cred.json"_s);
            QFile f(json);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(cred).toJson(QJsonDocument::Compact));
            f.close();
            QVERIFY(writeScript(script, "#!/bin/sh\ncat '" + json.toUtf8() + "'\n"));
            user = {u"exec:"_s, u"  apiVersion: client.authentication.k8s.io/v1"_s, u"  command: "_s + script,
                    u"  interactiveMode: Never"_s};
            expectedUser = u"dave"_s;
        }
        const QString config = m_server.writeKubeconfig(variant + u".yaml"_s, user);
        auto client = clientFor(config, &error);
        QVERIFY2(client, qPrintable(error));
        m_server.clearRequests();
        const auto list = await<KubeList<Workload>>([&](auto cb) { client->listDeployments(u"default"_s, this, cb); });
        QVERIFY2(list.ok(), qPrintable(list.ok() ? QString() : list.error().message));
        QCOMPARE(list.value().items.size(), 2);
        QVERIFY(!list.value().resourceVersion.isEmpty());
        QCOMPARE(m_server.requests().constLast().user, expectedUser);
    }

    void listAndGet()
    {
        QString error;
        auto client = clientFor(m_certConfig, &error);
        QVERIFY2(client, qPrintable(error));
        const auto deps = await<KubeList<Workload>>([&](auto cb) { client->listDeployments(u"default"_s, this, cb); });
        QVERIFY(deps.ok());
        const Workload *api = nullptr;
        for (const Workload &w : deps.value().items) {
            if (w.meta.name == u"api"_s)
                api = &w;
        }
        QVERIFY(api);
        QCOMPARE(api->kind, u"Deployment"_s);
        QCOMPARE(api->specReplicas, 3);
        QCOMPARE(api->readyReplicas, 1);
        QCOMPARE(api->availableReplicas, 1);
        QCOMPARE(api->selector, u"app=api"_s);

        const auto sts = await<Workload>([&](auto cb) { client->getStatefulSet(u"default"_s, u"db"_s, this, cb); });
        QVERIFY(sts.ok());
        QCOMPARE(sts.value().kind, u"StatefulSet"_s);
        const auto stsList = await<KubeList<Workload>>([&](auto cb) { client->listStatefulSets(u"default"_s, this, cb); });
        QVERIFY(stsList.ok());
        QCOMPARE(stsList.value().items.size(), 1);

        const auto hpa = await<Hpa>([&](auto cb) { client->getHpa(u"default"_s, u"worker"_s, this, cb); });
        QVERIFY2(hpa.ok(), qPrintable(hpa.ok() ? QString() : hpa.error().message));
        QCOMPARE(hpa.value().scaleTargetRef.name, u"worker"_s);
        QCOMPARE(hpa.value().spec.maxReplicas, 10);
        QCOMPARE(hpa.value().spec.metrics.size(), 1);
        QCOMPARE(hpa.value().spec.metrics.first().source, HpaMetricSourceType::Pods);
        QCOMPARE(hpa.value().spec.metrics.first().target, 20.0);
        QCOMPARE(hpa.value().currentReplicas, 2);
        QCOMPARE(hpa.value().metricValues().first()->current, 35.0);
        const auto hpas = await<KubeList<Hpa>>([&](auto cb) { client->listHpas(u"default"_s, this, cb); });
        QVERIFY(hpas.ok());
        QCOMPARE(hpas.value().items.size(), 1);

        const auto dep = await<Workload>([&](auto cb) { client->getDeployment(u"default"_s, u"worker"_s, this, cb); });
        QVERIFY(dep.ok());
        QCOMPARE(dep.value().specReplicas, 2);
    }

    void events_data()
    {
        QTest::addColumn<bool>("eventsApi");
        QTest::newRow("core/v1") << false;
        QTest::newRow("events.k8s.io/v1") << true;
    }

    void events()
    {
        QFETCH(bool, eventsApi);
        QString error;
        auto client = clientFor(m_certConfig, &error);
        QVERIFY2(client, qPrintable(error));
        const auto all = await<KubeList<KubeEvent>>(
            [&](auto cb) { client->listEvents(u"default"_s, {}, {}, eventsApi, this, cb); });
        QVERIFY2(all.ok(), qPrintable(all.ok() ? QString() : all.error().message));
        QCOMPARE(all.value().items.size(), 2);
        m_server.clearRequests();
        const auto one = await<KubeList<KubeEvent>>(
            [&](auto cb) { client->listEvents(u"default"_s, u"api"_s, u"Deployment"_s, eventsApi, this, cb); });
        QVERIFY(one.ok());
        QCOMPARE(one.value().items.size(), 1);
        const KubeEvent &e = one.value().items.first();
        QCOMPARE(e.reason, u"FailedCreate"_s);
        QCOMPARE(e.message, u"quota exceeded"_s);
        QCOMPARE(e.type, u"Warning"_s);
        QCOMPARE(e.involvedObject.name, u"api"_s);
        QCOMPARE(e.involvedObject.kind, u"Deployment"_s);
        QCOMPARE(e.occurrences(), 1);
        QVERIFY(e.lastSeen().isValid());
        const QString selector = eventsApi ? u"fieldSelector=regarding.name%3Dapi%2Cregarding.kind%3DDeployment"_s
                                           : u"fieldSelector=involvedObject.name%3Dapi%2CinvolvedObject.kind%3DDeployment"_s;
        QCOMPARE(m_server.requests().constLast().query, selector);
    }

    void scaleDryRunThenReal()
    {
        QString error;
        auto client = clientFor(m_certConfig, &error);
        QVERIFY2(client, qPrintable(error));
        const auto review = await<AccessReview>(
            [&](auto cb) { client->canScale(u"deployments"_s, u"default"_s, u"worker"_s, this, cb); });
        QVERIFY(review.ok());
        QVERIFY(review.value().allowed);

        m_server.clearRequests();
        const auto dry = await<KubeScale>(
            [&](auto cb) { client->scale(u"deployments"_s, u"default"_s, u"worker"_s, 5, true, this, cb); });
        QVERIFY2(dry.ok(), qPrintable(dry.ok() ? QString() : dry.error().message));
        QCOMPARE(dry.value().specReplicas, 5);
        QCOMPARE(m_server.object(u"deployments"_s, u"default"_s, u"worker"_s)
                     .value(u"spec"_s).toObject().value(u"replicas"_s).toInt(), 2);
        const auto &req = m_server.requests().constLast();
        QCOMPARE(req.method, QByteArray("PATCH"));
        QCOMPARE(req.path, u"/apis/apps/v1/namespaces/default/deployments/worker/scale"_s);
        QCOMPARE(req.query, u"dryRun=All"_s);
        QCOMPARE(req.contentType, QByteArray("application/merge-patch+json"));

        const auto real = await<KubeScale>(
            [&](auto cb) { client->scale(u"deployments"_s, u"default"_s, u"worker"_s, 5, false, this, cb); });
        QVERIFY(real.ok());
        QCOMPARE(real.value().specReplicas, 5);
        QCOMPARE(real.value().selector, u"app=worker"_s);
        QCOMPARE(m_server.object(u"deployments"_s, u"default"_s, u"worker"_s)
                     .value(u"spec"_s).toObject().value(u"replicas"_s).toInt(), 5);
        const auto scale = await<KubeScale>(
            [&](auto cb) { client->getScale(u"deployments"_s, u"default"_s, u"worker"_s, this, cb); });
        QVERIFY(scale.ok());
        QCOMPARE(scale.value().specReplicas, 5);

        const auto sts = await<KubeScale>(
            [&](auto cb) { client->scale(u"statefulsets"_s, u"default"_s, u"db"_s, 3, false, this, cb); });
        QVERIFY(sts.ok());
        QCOMPARE(m_server.object(u"statefulsets"_s, u"default"_s, u"db"_s)
                     .value(u"spec"_s).toObject().value(u"replicas"_s).toInt(), 3);
    }

    void accessReviewDenied()
    {
        QString error;
        auto client = clientFor(m_tokenConfig, &error);
        QVERIFY2(client, qPrintable(error));
        const auto review = await<AccessReview>(
            [&](auto cb) { client->canScale(u"deployments"_s, u"default"_s, u"worker"_s, this, cb); });
        QVERIFY2(review.ok(), qPrintable(review.ok() ? QString() : review.error().message));
        QVERIFY(!review.value().allowed);
        const auto read = await<AccessReview>([&](auto cb) {
            client->accessReview({u"default"_s, u"list"_s, u"apps"_s, u"deployments"_s, {}, {}}, this, cb);
        });
        QVERIFY(read.ok());
        QVERIFY(read.value().allowed);
    }

    void patchHpa()
    {
        QString error;
        auto client = clientFor(m_certConfig, &error);
        QVERIFY2(client, qPrintable(error));
        const auto hpa = await<Hpa>(
            [&](auto cb) { client->patchHpaReplicas(u"default"_s, u"worker"_s, 2, 12, false, this, cb); });
        QVERIFY2(hpa.ok(), qPrintable(hpa.ok() ? QString() : hpa.error().message));
        QCOMPARE(hpa.value().spec.minReplicas, 2);
        QCOMPARE(hpa.value().spec.maxReplicas, 12);
        const auto bad = await<Hpa>(
            [&](auto cb) { client->patchHpaReplicas(u"default"_s, u"worker"_s, 0, std::nullopt, false, this, cb); });
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, u"kube.invalid"_s);
        QCOMPARE(bad.error().message,
                 u"422 Unprocessable Entity: HorizontalPodAutoscaler.autoscaling \"worker\" is invalid: "
                 "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1"_s);
    }

    void errorTexts_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("401") << u"401"_s << u"kube.unauthorized"_s << u"401 Unauthorized: Unauthorized"_s;
        QTest::newRow("403") << u"403"_s << u"kube.forbidden"_s
                             << u"403 Forbidden: deployments.apps \"worker\" is forbidden: User \"bob\" cannot patch "
                                "resource \"deployments/scale\" in API group \"apps\" in the namespace \"default\""_s;
        QTest::newRow("404") << u"404"_s << u"kube.notfound"_s
                             << u"404 Not Found: deployments.apps \"missing\" not found"_s;
        QTest::newRow("409") << u"409"_s << u"kube.conflict"_s
                             << u"409 Conflict: Operation cannot be fulfilled on deployments.apps \"worker\": the object "
                                "has been modified; please apply your changes to the latest version and try again"_s;
        QTest::newRow("415") << u"415"_s << u"kube.unsupportedmediatype"_s
                             << u"415 Unsupported Media Type: the body of the request was in an unknown format - "
                                "accepted media types include: application/json-patch+json, "
                                "application/merge-patch+json, application/strategic-merge-patch+json"_s;
        QTest::newRow("422") << u"422"_s << u"kube.invalid"_s
                             << u"422 Unprocessable Entity: Scale.autoscaling \"worker\" is invalid: spec.replicas: "
                                "Invalid value: -1: must be greater than or equal to 0"_s;
    }

    void errorTexts()
    {
        QFETCH(QString, which);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QString error;
        const QString config = which == u"401"_s ? m_server.writeKubeconfig(u"bad-token.yaml"_s, {u"token: wrong"_s})
                             : which == u"403"_s ? m_tokenConfig
                                                 : m_certConfig;
        auto client = clientFor(config, &error);
        QVERIFY2(client, qPrintable(error));
        std::optional<Error> got;
        if (which == u"404"_s) {
            const auto r = await<Workload>([&](auto cb) { client->getDeployment(u"default"_s, u"missing"_s, this, cb); });
            QVERIFY(!r.ok());
            got = r.error();
        } else if (which == u"409"_s) {
            QJsonObject stale = m_server.object(u"deployments"_s, u"default"_s, u"worker"_s);
            QJsonObject meta = stale.value(u"metadata"_s).toObject();
            meta.insert(u"resourceVersion"_s, u"1"_s);
            stale.insert(u"metadata"_s, meta);
            const auto r = await<KubeResponse>([&](auto cb) {
                client->request("PUT", u"/apis/apps/v1/namespaces/default/deployments/worker"_s, {},
                                QJsonDocument(stale).toJson(), "application/json", this, cb);
            });
            QVERIFY(!r.ok());
            got = r.error();
        } else if (which == u"415"_s) {
            const auto r = await<KubeResponse>([&](auto cb) {
                client->request("PATCH", u"/apis/apps/v1/namespaces/default/deployments/worker/scale"_s, {},
                                "spec:\n  replicas: 3\n", "application/apply-patch+yaml", this, cb);
            });
            QVERIFY(!r.ok());
            got = r.error();
        } else {
            const int replicas = which == u"422"_s ? -1 : 3;
            const auto r = await<KubeScale>(
                [&](auto cb) { client->scale(u"deployments"_s, u"default"_s, u"worker"_s, replicas, false, this, cb); });
            QVERIFY(!r.ok());
            got = r.error();
        }
        QCOMPARE(got->code, code);
        QCOMPARE(got->message, message);
        if (which == u"422"_s) {
            // The full Status stays in the detail for the log.
            const QJsonObject status = QJsonDocument::fromJson(got->detail.toUtf8()).object();
            const QJsonArray causes = status.value(u"details"_s).toObject().value(u"causes"_s).toArray();
            QCOMPARE(causes.size(), 1);
            QCOMPARE(causes.first().toObject().value(u"field"_s).toString(), u"spec.replicas"_s);
            QCOMPARE(causes.first().toObject().value(u"reason"_s).toString(), u"FieldValueInvalid"_s);
        }
    }

    void untrustedClientCertIsUnauthorized()
    {
        QString cert;
        QString key;
        QString error;
        QVERIFY2(m_server.issueUntrustedCertificate(u"alice"_s, &cert, &key, &error), qPrintable(error));
        const QString config = m_server.writeKubeconfig(u"untrusted.yaml"_s, {u"client-certificate: "_s + cert,
                                                                              u"client-key: "_s + key});
        auto client = clientFor(config, &error);
        QVERIFY2(client, qPrintable(error));
        const auto r = await<KubeList<Workload>>([&](auto cb) { client->listDeployments(u"default"_s, this, cb); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"kube.unauthorized"_s);
    }

    void wrongCaIsTlsError()
    {
        // A kubeconfig whose CA did not sign the server certificate: the handshake fails.
        QTemporaryDir other;
        QFile ca(other.filePath(u"ca.crt"_s));
        QString cert;
        QString key;
        QString error;
        QVERIFY2(m_server.issueUntrustedCertificate(u"someone"_s, &cert, &key, &error), qPrintable(error));
        const QString config = m_server.dir() + u"/wrong-ca.yaml"_s;
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: " + m_server.url().toUtf8()
                + "\n    certificate-authority: " + cert.toUtf8()
                + "\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\nusers:\n"
                  "- name: u\n  user:\n    token: bob-token\n");
        f.close();
        auto client = clientFor(config, &error);
        QVERIFY2(client, qPrintable(error));
        const auto r = await<KubeList<Workload>>([&](auto cb) { client->listDeployments(u"default"_s, this, cb); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"kube.tls"_s);
        QVERIFY2(r.error().message.startsWith(u"TLS handshake with https://127.0.0.1:"_s), qPrintable(r.error().message));
    }

    void insecureSkipVerifyWorksAndWarns()
    {
        const QString config = m_server.dir() + u"/insecure.yaml"_s;
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: " + m_server.url().toUtf8()
                + "\n    insecure-skip-tls-verify: true\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\n"
                  "current-context: c\nusers:\n- name: u\n  user:\n    token: bob-token\n");
        f.close();
        QString error;
        auto client = clientFor(config, &error);
        QVERIFY2(client, qPrintable(error));
        QCOMPARE(client->configWarnings().size(), 1);
        QVERIFY(client->configWarnings().first().contains(u"insecure-skip-tls-verify"_s));
        const auto r = await<KubeList<Workload>>([&](auto cb) { client->listDeployments(u"default"_s, this, cb); });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    }

    void tlsServerName()
    {
        // Connect by IP but verify the certificate as "localhost" (one of its SANs).
        const QString config = m_server.writeKubeconfig(u"sni.yaml"_s, {u"token: bob-token"_s});
        QFile f(config);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        text.replace("    certificate-authority:", "    tls-server-name: localhost\n    certificate-authority:");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        QString error;
        auto client = clientFor(config, &error);
        QVERIFY2(client, qPrintable(error));
        const auto ok = await<KubeList<Workload>>([&](auto cb) { client->listDeployments(u"default"_s, this, cb); });
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message));

        text.replace("tls-server-name: localhost", "tls-server-name: not-in-the-certificate.example");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        auto wrong = clientFor(config, &error);
        QVERIFY2(wrong, qPrintable(error));
        const auto bad = await<KubeList<Workload>>([&](auto cb) { wrong->listDeployments(u"default"_s, this, cb); });
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, u"kube.tls"_s);
    }

    void proxyUrl()
    {
        ConnectProxy proxy;
        QVERIFY(proxy.start());
        const QString config = m_server.writeKubeconfig(u"proxied.yaml"_s, {u"token: bob-token"_s});
        QFile f(config);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        const QByteArray proxyLine = "    proxy-url: http://127.0.0.1:" + QByteArray::number(proxy.port());
        text.replace("    certificate-authority:", QByteArray(proxyLine + "\n    certificate-authority:"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        QString error;
        auto client = clientFor(config, &error);
        QVERIFY2(client, qPrintable(error));
        const auto r = await<KubeList<Workload>>([&](auto cb) { client->listDeployments(u"default"_s, this, cb); });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(proxy.targets(), QStringList{u"127.0.0.1:%1"_s.arg(m_server.port())});
    }

    void basicAuthIsSentAndRejected()
    {
        // Basic auth left Kubernetes in 1.19: the header goes out, the server answers 401.
        const QString config = m_server.writeKubeconfig(u"basic.yaml"_s, {u"username: admin"_s, u"password: secret"_s});
        QString error;
        auto client = clientFor(config, &error);
        QVERIFY2(client, qPrintable(error));
        m_server.clearRequests();
        const auto r = await<KubeList<Workload>>([&](auto cb) { client->listDeployments(u"default"_s, this, cb); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, u"401 Unauthorized: Unauthorized"_s);
        QCOMPARE(m_server.requests().constLast().authScheme, QByteArray("Basic"));
    }

    void execPluginRerunOn401()
    {
        // The first run hands out a token the server does not know; after the 401 the client
        // runs the plugin again (as client-go does) and gets a good one.
        m_server.addToken(u"fresh-token"_s, u"carol"_s);
        m_server.allowAll(u"carol"_s);
        const QString counter = m_tmp.filePath(u"runs"_s);
        QFile::remove(counter);
        const QString script = m_tmp.filePath(u"rotating.sh"_s);
        QVERIFY(writeScript(script, "#!/bin/sh\necho run >> '" + counter.toUtf8() + "'\n"
                                    "if [ $(wc -l < '" + counter.toUtf8() + "') -eq 1 ]; then t=stale; else t=fresh-token; fi\n"
                                    "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                                    "\"status\":{\"token\":\"%s\"}}' \"$t\"\n"));
        const QString config = m_server.writeKubeconfig(
            u"rotating.yaml"_s, {u"exec:"_s, u"  apiVersion: client.authentication.k8s.io/v1"_s,
                                 u"  command: "_s + script, u"  interactiveMode: Never"_s});
        QString error;
        auto client = clientFor(config, &error);
        QVERIFY2(client, qPrintable(error));
        const auto r = await<KubeList<Workload>>([&](auto cb) { client->listDeployments(u"default"_s, this, cb); });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(client->execProvider()->runCount(), 2);
        // Cached now: no third run.
        const auto again = await<KubeList<Workload>>([&](auto cb) { client->listDeployments(u"default"_s, this, cb); });
        QVERIFY(again.ok());
        QCOMPARE(client->execProvider()->runCount(), 2);
    }

    void execPluginMissing()
    {
        const QString config = m_server.writeKubeconfig(
            u"missing-plugin.yaml"_s, {u"exec:"_s, u"  apiVersion: client.authentication.k8s.io/v1beta1"_s,
                                       u"  command: aws-tideline-does-not-exist"_s,
                                       u"  args: [eks, get-token]"_s});
        QString error;
        auto client = clientFor(config, &error);
        QVERIFY2(client, qPrintable(error));
        const auto r = await<KubeList<Workload>>([&](auto cb) { client->listDeployments(u"default"_s, this, cb); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"kube.exec.notfound"_s);
        QCOMPARE(r.error().message, u"exec plugin 'aws-tideline-does-not-exist' not found: install it or fix "
                                    "users[tester].exec.command"_s);
    }

    void keda()
    {
        QString error;
        auto client = clientFor(m_certConfig, &error);
        QVERIFY2(client, qPrintable(error));
        const auto absent = await<ScaledObjectList>([&](auto cb) { client->listScaledObjects(u"default"_s, this, cb); });
        QVERIFY2(absent.ok(), qPrintable(absent.ok() ? QString() : absent.error().message));
        QVERIFY(!absent.value().installed);

        m_server.setKedaEnabled(true);
        m_server.seed(FakeKubeApiServer::scaledObject(u"worker"_s, u"worker"_s, 0, 20));
        const auto present = await<ScaledObjectList>([&](auto cb) { client->listScaledObjects(u"default"_s, this, cb); });
        QVERIFY(present.ok());
        QVERIFY(present.value().installed);
        QCOMPARE(present.value().objects.items.size(), 1);
        const ScaledObject &so = present.value().objects.items.first();
        QCOMPARE(so.scaleTargetRef.name, u"worker"_s);
        QCOMPARE(so.scaleTargetRef.kind, u"Deployment"_s);
        QCOMPARE(so.maxReplicaCount.value_or(-1), 20);
        QCOMPARE(so.triggers.first().type, u"rabbitmq"_s);
        QCOMPARE(so.triggers.first().metadata.value(u"queueName"_s), u"jobs"_s);
        QCOMPARE(so.hpaName, u"keda-hpa-worker"_s);
    }

    void brokenKubeconfig()
    {
        const QString path = m_tmp.filePath(u"broken.yaml"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nclusters:\n- name: c\n  cluster: {server: [unclosed\n");
        f.close();
        KubeClient client;
        const auto r = client.configureFromKubeconfig(path, {});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"kube.config"_s);
        QVERIFY2(r.error().message.startsWith(u"kubeconfig "_s + path + u": invalid YAML: line "_s),
                 qPrintable(r.error().message));
        // Nothing configured: requests fail cleanly instead of going anywhere.
        const auto list = await<KubeList<Workload>>([&](auto cb) { client.listDeployments(u"default"_s, this, cb); });
        QVERIFY(!list.ok());
    }

    void connectionRefused()
    {
        const quint16 port = freePort();
        const QString config = m_tmp.filePath(u"refused.yaml"_s);
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:"
                + QByteArray::number(port) + "\ncontexts:\n- name: c\n  context: {cluster: c, user: u}\n"
                "current-context: c\nusers:\n- name: u\n  user: {token: x}\n");
        f.close();
        QString error;
        auto client = clientFor(config, &error);
        QVERIFY2(client, qPrintable(error));
        const auto r = await<KubeList<Workload>>([&](auto cb) { client->listDeployments(u"default"_s, this, cb); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"kube.network"_s);
        QCOMPARE(r.error().message, u"cannot connect to https://127.0.0.1:%1: connection refused"_s.arg(port));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TstKubeClient)
#include "tst_kube_client.moc"
