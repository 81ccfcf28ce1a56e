#pragma once

#include "core/Result.h"
#include "kube/KubeConfig.h"
#include "kube/KubeTypes.h"

#include <QJsonObject>
#include <QNetworkProxy>
#include <QObject>
#include <QProcessEnvironment>
#include <QSslConfiguration>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace tideline::kube {

class ExecCredentialProvider;

template<typename T>
struct KubeList
{
    QList<T> items;
    QString resourceVersion;            // metadata.resourceVersion of the list
};

// autoscaling/v1 Scale (the scale subresource of a Deployment or StatefulSet).
struct KubeScale
{
    QString name;
    QString ns;
    QString resourceVersion;
    int specReplicas = 0;
    int statusReplicas = 0;
    QString selector;
};

// A SelfSubjectAccessReview question and the API server's answer.
struct ResourceAttributes
{
    QString ns;
    QString verb;
    QString group;
    QString resource;
    QString subresource;
    QString name;
};

struct AccessReview
{
    bool allowed = false;
    bool denied = false;
    QString reason;
    QString evaluationError;
};

// KEDA may not be installed: then `installed` is false and `objects` empty (not an error).
struct ScaledObjectList
{
    bool installed = false;
    KubeList<ScaledObject> objects;
};

// What the server answered, for the generic request API.
struct KubeResponse
{
    int httpStatus = 0;
    QByteArray body;
    QJsonObject json;
};

// An HTTPS client for one kubeconfig context. TLS (CA, client certificate, insecure flag,
// tls-server-name), bearer token / token file / basic auth / exec plugins, proxy-url, and without
// proxy-url HTTPS_PROXY/HTTP_PROXY/NO_PROXY as kubectl reads them (ProxyEnvironment). Every
// call is asynchronous: the callback runs on this object's thread and is dropped when the
// `context` object is destroyed first. Errors carry the API's Status text:
// "403 Forbidden: deployments.apps "worker" is forbidden: ...".
class KubeClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeClient)

public:
    template<typename T>
    using Callback = std::function<void(const Result<T> &)>;

    explicit KubeClient(QObject *parent = nullptr);
    ~KubeClient() override;

    // Takes the resolved context: builds the TLS configuration and the proxy. Fails when a
    // PEM block cannot be used or the server URL is not https/http.
    Result<void> configure(const ResolvedKubeContext &context);
    // kubeconfig path (empty: $KUBECONFIG or ~/.kube/config) and context (empty: current).
    Result<void> configureFromKubeconfig(const QString &kubeconfigPath, const QString &contextName);
    // The environment the proxy variables are read from and exec plugins inherit (default: this
    // process's). Takes effect at the next configure().
    void setProcessEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    // The proxy connections go through ("http://proxy:3128 (from HTTPS_PROXY)"), empty when direct.
    QString proxyDescription() const { return m_proxyDescription; }

    const ResolvedKubeContext &context() const { return m_context; }
    QString defaultNamespace() const { return m_context.ns; }
    QUrl server() const { return m_server; }
    // Things the operator should know about this configuration (insecure TLS, ...).
    QStringList configWarnings() const { return m_configWarnings; }
    ExecCredentialProvider *execProvider() const { return m_exec; }
    QSslConfiguration sslConfiguration() const { return m_ssl; }

    // A null `context` means "as long as this client lives".
    // Low level. `path` starts with "/api" or "/apis"; `contentType` only with a body.
    void request(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
                 const QByteArray &contentType, QObject *context, Callback<KubeResponse> callback);
    // A GET whose body is read as it arrives (watch). The reply is handed over with credentials
    // attached; the caller owns it and reads readyRead/finished itself.
    void openStream(const QString &path, const QUrlQuery &query, QObject *context,
                    Callback<QNetworkReply *> callback);
    // The error a finished reply stands for (network failure, or an API Status), or nullopt.
    std::optional<Error> errorFor(QNetworkReply *reply, const QByteArray &body) const;
    // A 401 while using exec credentials: the next request runs the plugin again.
    void credentialsRejected();

    // Paths. An empty namespace means all namespaces.
    static QString collectionPath(const QString &group, const QString &version, const QString &resource,
                                  const QString &ns);

    void listDeployments(const QString &ns, QObject *context, Callback<KubeList<Workload>> callback);
    void getDeployment(const QString &ns, const QString &name, QObject *context, Callback<Workload> callback);
    void listStatefulSets(const QString &ns, QObject *context, Callback<KubeList<Workload>> callback);
    void getStatefulSet(const QString &ns, const QString &name, QObject *context, Callback<Workload> callback);
    void listHpas(const QString &ns, QObject *context, Callback<KubeList<Hpa>> callback);
    void getHpa(const QString &ns, const QString &name, QObject *context, Callback<Hpa> callback);
    // core/v1 events, or events.k8s.io/v1 with `eventsApi`; narrowed to one object when
    // involvedName (and optionally involvedKind) is set.
    void listEvents(const QString &ns, const QString &involvedName, const QString &involvedKind, bool eventsApi,
                    QObject *context, Callback<KubeList<KubeEvent>> callback);
    void listScaledObjects(const QString &ns, QObject *context, Callback<ScaledObjectList> callback);

    // resource: "deployments" or "statefulsets".
    void getScale(const QString &resource, const QString &ns, const QString &name, QObject *context,
                  Callback<KubeScale> callback);
    // PATCH .../RESOURCE/NAME/scale, application/merge-patch+json {"spec":{"replicas":N}},
    // ?dryRun=All when asked.
    void scale(const QString &resource, const QString &ns, const QString &name, int replicas, bool dryRun,
               QObject *context, Callback<KubeScale> callback);
    // Merge-patches spec.minReplicas / spec.maxReplicas of an HPA.
    void patchHpaReplicas(const QString &ns, const QString &name, std::optional<int> minReplicas,
                          std::optional<int> maxReplicas, bool dryRun, QObject *context, Callback<Hpa> callback);
    void accessReview(const ResourceAttributes &attributes, QObject *context, Callback<AccessReview> callback);
    // May the current user patch RESOURCE/NAME/scale in group apps?
    void canScale(const QString &resource, const QString &ns, const QString &name, QObject *context,
                  Callback<AccessReview> callback);

    static Result<KubeScale> parseScale(const QJsonObject &object);

Q_SIGNALS:
    // A "Warning:" header from the API server (deprecations, admission warnings).
    void serverWarning(const QString &text);

private:
    struct Credentials
    {
        QByteArray authorization;       // header value, empty for none
        QSslConfiguration ssl;
    };
    void withCredentials(QObject *context, std::function<void(const Result<Credentials> &)> callback);
    QNetworkRequest buildRequest(const QString &path, const QUrlQuery &query, const Credentials &creds) const;
    void sendOnce(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
                  const QByteArray &contentType, QObject *context, bool retried, Callback<KubeResponse> callback);
    template<typename T>
    void getObject(const QString &path, const QUrlQuery &query, QObject *context,
                   Result<T> (*parse)(const QJsonObject &), Callback<T> callback);
    void collectWarnings(QNetworkReply *reply);

    QNetworkAccessManager *m_nam;
    ResolvedKubeContext m_context;
    QUrl m_server;
    QSslConfiguration m_ssl;
    QStringList m_configWarnings;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    QString m_proxyDescription;
    ExecCredentialProvider *m_exec = nullptr;
    bool m_configured = false;
};

} // namespace tideline::kube
