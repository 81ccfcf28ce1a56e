#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class QSslServer;
class QSslSocket;
class QTcpSocket;

namespace tideline::demo {

// A Kubernetes-compatible API server on 127.0.0.1 over TLS with its own CA: the demo cluster
// (see DemoCluster) and the tests' API server.
//
// Built on QSslServer with a small HTTP/1.1 layer of its own (keep-alive, chunked watch
// streams), because QHttpServer 6.4 cannot stream. What it implements, with the API server's
// JSON shapes (Status objects, lists with metadata.resourceVersion, watch events):
// - authentication: a client certificate signed by its CA (user = CN) or a configured bearer
//   token; neither: 401. Authorization: per-user rules (verbs/apiGroups/resources/namespaces/
//   names, "*" wildcards, "deployments/scale" for subresources); a denial is the real 403 text.
// - discovery: /version, /api, /apis, /api/v1, /apis/GROUP/VERSION (enough for kubectl).
// - apps/v1 deployments and statefulsets (+ /scale), autoscaling/v2 horizontalpodautoscalers,
//   core/v1 events and the same events seen as events.k8s.io/v1, keda.sh/v1alpha1
//   scaledobjects (404 unless enabled), authorization.k8s.io/v1 selfsubjectaccessreviews.
// - list (labelSelector, fieldSelector with = == !=), get, watch (?watch=1&resourceVersion=X
//   &allowWatchBookmarks=true&timeoutSeconds=N: events after X, or the current state for an
//   empty/"0" X; a 410 Expired ERROR event when X is older than the compaction point),
//   PATCH (merge-patch, strategic-merge-patch treated as merge-patch, json-patch; 415 for
//   anything else), PUT (409 on a resourceVersion mismatch), DELETE, dryRun=All, 422 Invalid
//   with details.causes for negative replicas and bad HPA bounds.
// Test hooks: seed, mutate, remove, drop the watch connections, compact the history.
class KubeApiServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeApiServer)

public:
    struct Rule
    {
        QStringList verbs;              // get list watch create update patch delete, or "*"
        QStringList apiGroups;          // "" for core, "apps", ..., or "*"
        QStringList resources;          // "deployments", "deployments/scale", or "*"
        QStringList namespaces;         // empty: all
        QStringList resourceNames;      // empty: all
    };

    struct RequestRecord
    {
        QByteArray method;
        QString path;
        QString query;
        QByteArray contentType;
        QByteArray accept;
        QString user;                   // empty when unauthenticated
        QByteArray authScheme;          // "Bearer", "Basic", ... from the Authorization header
        int status = 0;
    };

    explicit KubeApiServer(QObject *parent = nullptr);
    ~KubeApiServer() override;

    // Where start() listens; 127.0.0.1 unless set before (e.g. the address this machine's host
    // name resolves to, for tests that need the server under a name that is not "localhost").
    void setListenAddress(const QString &address) { m_listenAddress = address; }
    // Generates the PKI (openssl) and listens on the listen address and a free port.
    bool start(QString *error);
    void stop();
    quint16 port() const;
    QString url() const;                // https://LISTEN-ADDRESS:PORT
    QString caFile() const;
    QByteArray caPem() const;
    // A client certificate for `user` (CN) signed by the server's CA; `ec` makes a P-256 key.
    bool issueClientCertificate(const QString &user, QString *certFile, QString *keyFile, QString *error,
                                bool ec = false);
    // A self-signed certificate the server does not trust.
    bool issueUntrustedCertificate(const QString &user, QString *certFile, QString *keyFile, QString *error);
    QString dir() const { return m_dir.path(); }
    // Writes a kubeconfig for this server: cluster "fake" (certificate-authority: caFile()),
    // context "fake" (namespace `ns`) as current-context, user "tester" with `userYaml`
    // (lines of the user mapping, e.g. "token: abc"). Returns the path.
    QString writeKubeconfig(const QString &fileName, const QStringList &userYaml,
                            const QString &ns = QStringLiteral("default")) const;

    void addToken(const QString &token, const QString &user);
    void allowAll(const QString &user);
    void setRules(const QString &user, const QList<Rule> &rules);

    void setKedaEnabled(bool enabled) { m_keda = enabled; }
    void setBookmarkIntervalMs(int ms) { m_bookmarkIntervalMs = ms; }
    // Deliver "too old resource version" as an HTTP 410 response instead of an ERROR event.
    void setGoneAsHttpStatus(bool http) { m_goneAsHttp = http; }
    // After a change of spec.replicas, set the workload's status as a controller would.
    void setSimulateControllers(bool on) { m_simulateControllers = on; }

    // Stores `object` (kind/apiVersion decide the resource; core/v1 for events), filling in
    // uid, creationTimestamp, resourceVersion, generation and namespace "default". Returns it.
    QJsonObject seed(const QJsonObject &object);
    // The stored object or an empty one. `resource` is "deployments", "statefulsets",
    // "horizontalpodautoscalers", "events" or "scaledobjects".
    QJsonObject object(const QString &resource, const QString &ns, const QString &name) const;
    // Changes an object as a controller would (watchers see MODIFIED); false when missing.
    bool mutate(const QString &resource, const QString &ns, const QString &name,
                const std::function<void(QJsonObject &)> &change);
    bool remove(const QString &resource, const QString &ns, const QString &name);

    // Objects to seed, in the API's shapes.
    static QJsonObject deployment(const QString &name, int replicas, int ready,
                                  const QString &ns = QStringLiteral("default"));
    static QJsonObject statefulSet(const QString &name, int replicas, int ready,
                                   const QString &ns = QStringLiteral("default"));
    // autoscaling/v2 HPA on Deployment `target` with one Pods metric (AverageValue `target`).
    static QJsonObject hpa(const QString &name, const QString &target, int minReplicas, int maxReplicas,
                           const QString &metric, double targetValue, int currentReplicas, double currentValue,
                           const QString &ns = QStringLiteral("default"));
    // core/v1 Event about kind/name.
    static QJsonObject event(const QString &name, const QString &kind, const QString &objectName,
                             const QString &reason, const QString &message, const QString &type = QStringLiteral("Normal"),
                             const QString &ns = QStringLiteral("default"));
    static QJsonObject scaledObject(const QString &name, const QString &target, int minReplicas, int maxReplicas,
                                    const QString &ns = QStringLiteral("default"));

    qint64 resourceVersion() const { return m_rv; }
    // Forgets the history up to now: a watch from an older version gets 410 Gone.
    void compact();
    // Aborts every open watch connection (as a load balancer or an API server restart would).
    void dropWatchConnections();
    int activeWatchCount() const;
    const QList<RequestRecord> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

Q_SIGNALS:
    void watchStarted(const QString &path);

private:
    struct Resource;
    struct Connection;
    struct Request;
    struct Response;
    struct Watch;

    void onNewConnection();
    void onReadyRead(Connection *c);
    void dispatch(Connection *c, const Request &req);
    void send(Connection *c, const Response &res, const Request &req);
    bool generatePki(QString *error);
    bool runOpenssl(const QStringList &args, QString *error);

    Response route(Connection *c, const Request &req, const QString &user);
    Response discovery(const QString &path) const;
    Response accessReview(const Request &req, const QString &user);
    Response resourceRequest(Connection *c, const Request &req, const QString &user, const Resource &resource,
                             const QString &ns, const QString &name, const QString &sub);
    Response startWatch(Connection *c, const Request &req, const Resource &resource, const QString &ns);
    Response applyWrite(const Request &req, const Resource &resource, const QString &ns, const QString &name,
                        const QString &sub);

    bool allowed(const QString &user, const QString &verb, const QString &group, const QString &resource,
                 const QString &ns, const QString &name) const;
    const Resource *findResource(const QString &group, const QString &version, const QString &plural) const;
    QString storeKey(const Resource &r, const QString &ns, const QString &name) const;
    void record(const QString &type, const QString &key, const QJsonObject &object);
    void notify(const QString &type, const QString &key, const QJsonObject &object, qint64 rv);
    QJsonObject view(const Resource &r, const QJsonObject &stored) const;
    void endWatch(Connection *c, bool closeConnection);
    void writeChunk(Connection *c, const QByteArray &data);
    void simulateController(const QString &key);

    QTemporaryDir m_dir;
    QString m_listenAddress = QStringLiteral("127.0.0.1");
    std::unique_ptr<QSslServer> m_server;
    QList<Resource> m_resources;
    QHash<QString, QString> m_tokens;
    QHash<QString, QList<Rule>> m_rules;
    QMap<QString, QJsonObject> m_store; // storeKey -> stored object
    struct HistoryEntry
    {
        qint64 rv;
        QString type;
        QString key;
        QJsonObject object;
    };
    QList<HistoryEntry> m_history;
    qint64 m_rv = 1000;
    qint64 m_compactedRv = 0;
    bool m_keda = false;
    bool m_goneAsHttp = false;
    bool m_simulateControllers = false;
    int m_bookmarkIntervalMs = 1000;
    QList<Connection *> m_connections;
    QList<RequestRecord> m_requests;
};

} // namespace tideline::demo
