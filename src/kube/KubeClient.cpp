#include "KubeClient.h"

#include "core/Logging.h"
#include "kube/ExecCredentialProvider.h"
#include "kube/ProxyEnvironment.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslKey>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace tideline::kube {

namespace {

constexpr int kRequestTimeoutMs = 30000;
const char *const kSslErrorsProperty = "tidelineSslErrors";

QString reasonPhrase(int code)
{
    switch (code) {
    case 400: return u"Bad Request"_s;
    case 401: return u"Unauthorized"_s;
    case 403: return u"Forbidden"_s;
    case 404: return u"Not Found"_s;
    case 405: return u"Method Not Allowed"_s;
    case 406: return u"Not Acceptable"_s;
    case 409: return u"Conflict"_s;
    case 410: return u"Gone"_s;
    case 413: return u"Request Entity Too Large"_s;
    case 415: return u"Unsupported Media Type"_s;
    case 422: return u"Unprocessable Entity"_s;
    case 429: return u"Too Many Requests"_s;
    case 500: return u"Internal Server Error"_s;
    case 502: return u"Bad Gateway"_s;
    case 503: return u"Service Unavailable"_s;
    case 504: return u"Gateway Timeout"_s;
    default: return {};
    }
}

QString errorCodeFor(int http)
{
    switch (http) {
    case 400: return u"kube.badrequest"_s;
    case 401: return u"kube.unauthorized"_s;
    case 403: return u"kube.forbidden"_s;
    case 404: return u"kube.notfound"_s;
    case 409: return u"kube.conflict"_s;
    case 410: return u"kube.gone"_s;
    case 415: return u"kube.unsupportedmediatype"_s;
    case 422: return u"kube.invalid"_s;
    case 429: return u"kube.toomanyrequests"_s;
    default: return http >= 500 ? u"kube.server"_s : u"kube.http"_s;
    }
}

QByteArray encodeQuery(const QUrlQuery &query)
{
    QByteArray out;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

std::optional<QSslKey> parseKey(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return std::nullopt;
}

Result<void> applyClientCert(QSslConfiguration &ssl, const QByteArray &certPem, const QByteArray &keyPem,
                             const QString &what)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (chain.isEmpty()) {
        return Error{u"kube.tls"_s, KubeClient::tr("%1: the client certificate is not a PEM certificate").arg(what),
                     {}};
    }
    const auto key = parseKey(keyPem);
    if (!key) {
        return Error{u"kube.tls"_s,
                     KubeClient::tr("%1: the client key is not a PEM RSA, EC or DSA private key").arg(what), {}};
    }
    ssl.setLocalCertificateChain(chain);
    ssl.setPrivateKey(*key);
    return {};
}

template<typename T>
void deliver(const QPointer<QObject> &context, const KubeClient::Callback<T> &callback, const Result<T> &result)
{
    if (context)
        callback(result);
}

} // namespace

KubeClient::KubeClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    // Replies are finished by us; Qt's automatic redirects would drop the Authorization header.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

KubeClient::~KubeClient() = default;

Result<void> KubeClient::configureFromKubeconfig(const QString &kubeconfigPath, const QString &contextName)
{
    auto config = KubeConfig::load(kubeconfigPath);
    if (!config)
        return config.error();
    auto resolved = config.value().resolve(contextName);
    if (!resolved)
        return resolved.error();
    return configure(resolved.value());
}

Result<void> KubeClient::configure(const ResolvedKubeContext &context)
{
    m_context = context;
    m_configWarnings.clear();
    m_server = QUrl(context.cluster.server, QUrl::StrictMode);
    const QString scheme = m_server.scheme();
    if (!m_server.isValid() || m_server.host().isEmpty() || (scheme != u"https"_s && scheme != u"http"_s)) {
        return Error{u"kube.config"_s,
                     tr("cluster \"%1\": server \"%2\" is not an https:// URL")
                         .arg(context.cluster.name, context.cluster.server), {}};
    }
    if (scheme == u"http"_s)
        m_configWarnings << tr("cluster \"%1\" is reached over plain HTTP: credentials travel unencrypted")
                                .arg(context.cluster.name);

    m_ssl = QSslConfiguration::defaultConfiguration();
    if (!context.caPem.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromData(context.caPem, QSsl::Pem);
        if (cas.isEmpty()) {
            return Error{u"kube.tls"_s,
                         tr("cluster \"%1\": certificate-authority holds no PEM certificate").arg(context.cluster.name),
                         {}};
        }
        // As kubectl: the configured CA replaces the system roots.
        m_ssl.setCaCertificates(cas);
    }
    if (context.cluster.insecureSkipTlsVerify) {
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_configWarnings << tr("cluster \"%1\" has insecure-skip-tls-verify: the server's certificate is not "
                               "checked, anyone on the network path can impersonate it")
                                .arg(context.cluster.name);
    }
    if (!context.clientCertPem.isEmpty()) {
        auto applied = applyClientCert(m_ssl, context.clientCertPem, context.clientKeyPem,
                                       tr("user \"%1\"").arg(context.user.name));
        if (!applied)
            return applied;
    }

    // As client-go: proxy-url wins; without it the environment decides (and may say "direct").
    // Every connection (requests, watches) goes through m_nam, so one proxy serves them all.
    m_proxyDescription.clear();
    std::optional<QUrl> proxyUrl;
    QString proxyOrigin;
    if (!context.cluster.proxyUrl.isEmpty()) {
        proxyUrl = QUrl(context.cluster.proxyUrl, QUrl::StrictMode);
        proxyOrigin = tr("proxy-url of cluster \"%1\"").arg(context.cluster.name);
    } else {
        const auto choice = ProxyEnvironment::fromEnvironment(m_environment).proxyFor(m_server);
        if (!choice)
            return choice.error();
        if (!choice.value().ignored.isEmpty())
            m_configWarnings << choice.value().ignored;
        proxyUrl = choice.value().proxy;
        proxyOrigin = choice.value().variable;
    }
    if (proxyUrl) {
        auto proxy = networkProxyFor(*proxyUrl, proxyOrigin);
        if (!proxy)
            return proxy.error();
        m_nam->setProxy(proxy.value());
        //: %1 is a proxy URL, %2 where it was configured (HTTPS_PROXY, proxy-url of cluster "x")
        m_proxyDescription = tr("%1 (from %2)").arg(redactedProxy(*proxyUrl), proxyOrigin);
        qCDebug(lcKube) << "proxy for" << m_server.host() << ":" << m_proxyDescription;
    } else {
        // Explicitly direct: Qt's own reading of the environment (when enabled) knows no NO_PROXY.
        m_nam->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    }

    delete m_exec;
    m_exec = nullptr;
    if (context.user.exec) {
        m_exec = new ExecCredentialProvider(*context.user.exec, context.user.name, context.cluster, this);
        m_exec->setBaseEnvironment(m_environment);
    }
    m_configured = true;
    return {};
}

void KubeClient::credentialsRejected()
{
    if (m_exec)
        m_exec->invalidate();
}

void KubeClient::withCredentials(QObject *context, std::function<void(const Result<Credentials> &)> callback)
{
    Credentials creds;
    creds.ssl = m_ssl;
    const KubeUser &user = m_context.user;
    if (!user.token.isEmpty()) {
        creds.authorization = "Bearer " + user.token.toUtf8();
    } else if (!user.tokenFile.isEmpty() && !m_exec) {
        // Re-read every time: projected service account tokens rotate on disk.
        QFile f(user.tokenFile);
        if (!f.open(QIODevice::ReadOnly)) {
            callback(Error{u"kube.config"_s,
                           tr("user \"%1\": cannot read tokenFile %2: %3").arg(user.name, user.tokenFile, f.errorString()),
                           {}});
            return;
        }
        creds.authorization = "Bearer " + f.readAll().trimmed();
    } else if (!user.username.isEmpty()) {
        creds.authorization = "Basic " + (user.username + u':' + user.password).toUtf8().toBase64();
    }
    if (!m_exec) {
        callback(creds);
        return;
    }
    m_exec->get(context, [this, creds, callback](const Result<ExecCredential> &cred) mutable {
        if (!cred) {
            callback(cred.error());
            return;
        }
        if (!cred.value().token.isEmpty())
            creds.authorization = "Bearer " + cred.value().token.toUtf8();
        if (!cred.value().clientCertificatePem.isEmpty()) {
            auto applied = applyClientCert(creds.ssl, cred.value().clientCertificatePem, cred.value().clientKeyPem,
                                           tr("exec plugin '%1'").arg(m_context.user.exec->command));
            if (!applied) {
                callback(applied.error());
                return;
            }
        }
        callback(creds);
    });
}

QNetworkRequest KubeClient::buildRequest(const QString &path, const QUrlQuery &query, const Credentials &creds) const
{
    QUrl url = m_server;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    const QByteArray q = encodeQuery(query);
    if (!q.isEmpty())
        url.setQuery(QString::fromLatin1(q), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setSslConfiguration(creds.ssl);
    if (!m_context.cluster.tlsServerName.isEmpty())
        request.setPeerVerifyName(m_context.cluster.tlsServerName);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "tideline/" TIDELINE_VERSION " (" + QSysInfo::kernelType().toLatin1() + "/"
                                           + QSysInfo::currentCpuArchitecture().toLatin1() + ")");
    if (!creds.authorization.isEmpty())
        request.setRawHeader("Authorization", creds.authorization);
    return request;
}

void KubeClient::collectWarnings(QNetworkReply *reply)
{
    if (m_context.cluster.insecureSkipTlsVerify)
        reply->ignoreSslErrors();
    connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        reply->setProperty(kSslErrorsProperty, texts);
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        // "299 - "text"" (RFC 7234 warn-code, as the API server sends it).
        const QByteArray raw = reply->rawHeader("Warning");
        if (raw.isEmpty())
            return;
        QString text = QString::fromUtf8(raw);
        const qsizetype quote = text.indexOf(u'"');
        if (quote >= 0 && text.endsWith(u'"'))
            text = text.mid(quote + 1, text.size() - quote - 2);
        Q_EMIT serverWarning(text);
    });
}

std::optional<Error> KubeClient::errorFor(QNetworkReply *reply, const QByteArray &body) const
{
    const int http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (http >= 200 && http < 300)
        return std::nullopt;
    const QString server = m_server.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery);
    if (http > 0) {
        QString phrase = reasonPhrase(http);
        if (phrase.isEmpty())
            phrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        QString message;
        if (const auto status = KubeTypes::parseStatus(json))
            message = status->message;
        if (message.isEmpty())
            message = QString::fromUtf8(body.left(300)).trimmed();
        if (message.isEmpty())
            message = tr("no details from %1").arg(server);
        const QString text = phrase.isEmpty() ? u"%1: %2"_s.arg(http).arg(message)
                                              : u"%1 %2: %3"_s.arg(QString::number(http), phrase, message);
        return Error{errorCodeFor(http), text, QString::fromUtf8(body.left(2000))};
    }
    const QStringList sslErrors = reply->property(kSslErrorsProperty).toStringList();
    const QNetworkReply::NetworkError code = reply->error();
    // Through a proxy Qt reports some proxy failures as UnknownNetworkError ("Proxy connection
    // refused"): every connection failure then names the proxy it went through.
    const bool viaProxy = !m_proxyDescription.isEmpty() && code != QNetworkReply::NoError
        && code != QNetworkReply::SslHandshakeFailedError && code != QNetworkReply::TimeoutError
        && code != QNetworkReply::OperationCanceledError;
    switch (viaProxy ? QNetworkReply::UnknownProxyError : code) {
    case QNetworkReply::NoError:
        return std::nullopt;
    case QNetworkReply::ConnectionRefusedError:
        return Error{u"kube.network"_s, tr("cannot connect to %1: connection refused").arg(server), reply->errorString()};
    case QNetworkReply::HostNotFoundError:
        return Error{u"kube.network"_s, tr("cannot connect to %1: unknown host").arg(server), reply->errorString()};
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return Error{u"kube.network"_s, tr("%1 did not answer in time").arg(server), reply->errorString()};
    case QNetworkReply::RemoteHostClosedError:
        return Error{u"kube.network"_s, tr("%1 closed the connection").arg(server), reply->errorString()};
    case QNetworkReply::SslHandshakeFailedError: {
        const QString why = sslErrors.isEmpty() ? reply->errorString() : sslErrors.join(u"; "_s);
        return Error{u"kube.tls"_s, tr("TLS handshake with %1 failed: %2").arg(server, why), reply->errorString()};
    }
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return Error{u"kube.network"_s,
                     tr("cannot reach %1 through proxy %2: %3").arg(server, m_proxyDescription, reply->errorString()),
                     reply->errorString()};
    default:
        qCDebug(lcKube) << "network error" << reply->error() << reply->errorString();
        return Error{u"kube.network"_s, tr("request to %1 failed: %2").arg(server, reply->errorString()),
                     reply->errorString()};
    }
}

void KubeClient::request(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
                         const QByteArray &contentType, QObject *context, Callback<KubeResponse> callback)
{
    sendOnce(verb, path, query, body, contentType, context, false, std::move(callback));
}

void KubeClient::sendOnce(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
                          const QByteArray &contentType, QObject *context, bool retried, Callback<KubeResponse> callback)
{
    if (!m_configured) {
        callback(Error{u"kube.config"_s, tr("no Kubernetes context is configured"), {}});
        return;
    }
    QPointer<QObject> guard(context ? context : this);
    withCredentials(this, [=, this](const Result<Credentials> &creds) {
        if (!guard)
            return;
        if (!creds) {
            callback(creds.error());
            return;
        }
        QNetworkRequest req = buildRequest(path, query, creds.value());
        req.setTransferTimeout(kRequestTimeoutMs);
        if (!contentType.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        qCDebug(lcKube) << verb << req.url().toString(QUrl::RemoveUserInfo);
        QNetworkReply *reply = m_nam->sendCustomRequest(req, verb, body);
        collectWarnings(reply);
        connect(reply, &QNetworkReply::finished, this, [=, this] {
            reply->deleteLater();
            const QByteArray bytes = reply->readAll();
            const int http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (!guard)
                return;
            if (http == 401 && m_exec && !retried) {
                // client-go: a 401 with plugin credentials runs the plugin once more.
                m_exec->invalidate();
                sendOnce(verb, path, query, body, contentType, guard, true, callback);
                return;
            }
            if (auto error = errorFor(reply, bytes)) {
                callback(*error);
                return;
            }
            KubeResponse response;
            response.httpStatus = http;
            response.body = bytes;
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
            if (!bytes.isEmpty() && (parseError.error != QJsonParseError::NoError || !doc.isObject())) {
                callback(Error{u"kube.parse"_s,
                               tr("the server answered %1 with something that is not a JSON object")
                                   .arg(req.url().path()),
                               QString::fromUtf8(bytes.left(300))});
                return;
            }
            response.json = doc.object();
            callback(response);
        });
    });
}

void KubeClient::openStream(const QString &path, const QUrlQuery &query, QObject *context,
                            Callback<QNetworkReply *> callback)
{
    if (!m_configured) {
        callback(Error{u"kube.config"_s, tr("no Kubernetes context is configured"), {}});
        return;
    }
    QPointer<QObject> guard(context ? context : this);
    withCredentials(this, [=, this](const Result<Credentials> &creds) {
        if (!guard)
            return;
        if (!creds) {
            callback(creds.error());
            return;
        }
        QNetworkRequest req = buildRequest(path, query, creds.value());
        qCDebug(lcKube) << "GET (stream)" << req.url().toString(QUrl::RemoveUserInfo);
        QNetworkReply *reply = m_nam->get(req);
        collectWarnings(reply);
        callback(reply);
    });
}

QString KubeClient::collectionPath(const QString &group, const QString &version, const QString &resource,
                                   const QString &ns)
{
    const QString root = group.isEmpty() ? u"/api/%1"_s.arg(version) : u"/apis/%1/%2"_s.arg(group, version);
    if (ns.isEmpty())
        return root + u'/' + resource;
    return root + u"/namespaces/"_s + ns + u'/' + resource;
}

template<typename T>
void KubeClient::getObject(const QString &path, const QUrlQuery &query, QObject *context,
                           Result<T> (*parse)(const QJsonObject &), Callback<T> callback)
{
    QPointer<QObject> guard(context ? context : static_cast<QObject *>(this));
    request("GET", path, query, {}, {}, context, [guard, parse, callback](const Result<KubeResponse> &r) {
        if (!r) {
            deliver<T>(guard, callback, r.error());
            return;
        }
        deliver<T>(guard, callback, parse(r.value().json));
    });
}

// The List's items carry no kind/apiVersion in real servers' lists: fill them in before
// parsing so that the typed parsers can check what they got.
namespace {
QJsonObject withKind(QJsonObject list, const QString &kind, const QString &apiVersion)
{
    QJsonArray items = list.value(u"items"_s).toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        QJsonObject o = items.at(i).toObject();
        if (!o.contains(u"kind"_s))
            o.insert(u"kind"_s, kind);
        if (!o.contains(u"apiVersion"_s))
            o.insert(u"apiVersion"_s, apiVersion);
        items[i] = o;
    }
    list.insert(u"items"_s, items);
    return list;
}

template<typename T>
Result<KubeList<T>> typedList(const KubeResponse &r, const QString &kind, const QString &apiVersion,
                              Result<T> (*parse)(const QJsonObject &))
{
    const QJsonObject list = withKind(r.json, kind, apiVersion);
    auto items = KubeTypes::parseList<T>(list, parse);
    if (!items)
        return items.error();
    KubeList<T> out;
    out.items = std::move(items).value();
    out.resourceVersion = list.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString();
    return out;
}

template<typename T>
void listOf(KubeClient *client, const QString &path, const QUrlQuery &query, const QString &kind,
            const QString &apiVersion, Result<T> (*parse)(const QJsonObject &), QObject *context,
            KubeClient::Callback<KubeList<T>> callback)
{
    QPointer<QObject> guard(context ? context : static_cast<QObject *>(client));
    client->request("GET", path, query, {}, {}, context, [=](const Result<KubeResponse> &r) {
        if (!r) {
            deliver<KubeList<T>>(guard, callback, r.error());
            return;
        }
        deliver<KubeList<T>>(guard, callback, typedList<T>(r.value(), kind, apiVersion, parse));
    });
}
} // namespace

void KubeClient::listDeployments(const QString &ns, QObject *context, Callback<KubeList<Workload>> callback)
{
    listOf<Workload>(this, collectionPath(u"apps"_s, u"v1"_s, u"deployments"_s, ns), {}, u"Deployment"_s,
                     u"apps/v1"_s, &KubeTypes::parseWorkload, context, std::move(callback));
}

void KubeClient::getDeployment(const QString &ns, const QString &name, QObject *context, Callback<Workload> callback)
{
    getObject<Workload>(collectionPath(u"apps"_s, u"v1"_s, u"deployments"_s, ns) + u'/' + name, {}, context,
                        &KubeTypes::parseWorkload, std::move(callback));
}

void KubeClient::listStatefulSets(const QString &ns, QObject *context, Callback<KubeList<Workload>> callback)
{
    listOf<Workload>(this, collectionPath(u"apps"_s, u"v1"_s, u"statefulsets"_s, ns), {}, u"StatefulSet"_s,
                     u"apps/v1"_s, &KubeTypes::parseWorkload, context, std::move(callback));
}

void KubeClient::getStatefulSet(const QString &ns, const QString &name, QObject *context, Callback<Workload> callback)
{
    getObject<Workload>(collectionPath(u"apps"_s, u"v1"_s, u"statefulsets"_s, ns) + u'/' + name, {}, context,
                        &KubeTypes::parseWorkload, std::move(callback));
}

void KubeClient::listHpas(const QString &ns, QObject *context, Callback<KubeList<Hpa>> callback)
{
    listOf<Hpa>(this, collectionPath(u"autoscaling"_s, u"v2"_s, u"horizontalpodautoscalers"_s, ns), {},
                u"HorizontalPodAutoscaler"_s, u"autoscaling/v2"_s, &KubeTypes::parseHpa, context,
                std::move(callback));
}

void KubeClient::getHpa(const QString &ns, const QString &name, QObject *context, Callback<Hpa> callback)
{
    getObject<Hpa>(collectionPath(u"autoscaling"_s, u"v2"_s, u"horizontalpodautoscalers"_s, ns) + u'/' + name, {},
                   context, &KubeTypes::parseHpa, std::move(callback));
}

void KubeClient::listEvents(const QString &ns, const QString &involvedName, const QString &involvedKind,
                            bool eventsApi, QObject *context, Callback<KubeList<KubeEvent>> callback)
{
    QUrlQuery query;
    QStringList selectors;
    const QString prefix = eventsApi ? u"regarding"_s : u"involvedObject"_s;
    if (!involvedName.isEmpty())
        selectors << prefix + u".name="_s + involvedName;
    if (!involvedKind.isEmpty())
        selectors << prefix + u".kind="_s + involvedKind;
    if (!selectors.isEmpty())
        query.addQueryItem(u"fieldSelector"_s, selectors.join(u','));
    const QString path = eventsApi ? collectionPath(u"events.k8s.io"_s, u"v1"_s, u"events"_s, ns)
                                   : collectionPath({}, u"v1"_s, u"events"_s, ns);
    listOf<KubeEvent>(this, path, query, u"Event"_s, eventsApi ? u"events.k8s.io/v1"_s : u"v1"_s,
                      &KubeTypes::parseEvent, context, std::move(callback));
}

void KubeClient::listScaledObjects(const QString &ns, QObject *context, Callback<ScaledObjectList> callback)
{
    QPointer<QObject> guard(context ? context : static_cast<QObject *>(this));
    const QString path = collectionPath(u"keda.sh"_s, u"v1alpha1"_s, u"scaledobjects"_s, ns);
    request("GET", path, {}, {}, {}, context, [guard, callback](const Result<KubeResponse> &r) {
        if (!r) {
            // A list never 404s for a missing namespace: 404 means the CRD is not served.
            if (r.error().code == u"kube.notfound"_s) {
                deliver<ScaledObjectList>(guard, callback, ScaledObjectList{});
                return;
            }
            deliver<ScaledObjectList>(guard, callback, r.error());
            return;
        }
        auto list = typedList<ScaledObject>(r.value(), u"ScaledObject"_s, u"keda.sh/v1alpha1"_s,
                                            &KubeTypes::parseScaledObject);
        if (!list) {
            deliver<ScaledObjectList>(guard, callback, list.error());
            return;
        }
        deliver<ScaledObjectList>(guard, callback, ScaledObjectList{true, list.value()});
    });
}

Result<KubeScale> KubeClient::parseScale(const QJsonObject &object)
{
    if (object.value(u"kind"_s).toString() != u"Scale"_s) {
        return Error{u"kube.parse"_s,
                     tr("expected a Scale, got \"%1\"").arg(object.value(u"kind"_s).toString()), {}};
    }
    const ObjectMeta meta = KubeTypes::parseMeta(object);
    KubeScale s;
    s.name = meta.name;
    s.ns = meta.ns;
    s.resourceVersion = meta.resourceVersion;
    s.specReplicas = object.value(u"spec"_s).toObject().value(u"replicas"_s).toInt();
    const QJsonObject status = object.value(u"status"_s).toObject();
    s.statusReplicas = status.value(u"replicas"_s).toInt();
    s.selector = status.value(u"selector"_s).toString();
    return s;
}

void KubeClient::getScale(const QString &resource, const QString &ns, const QString &name, QObject *context,
                          Callback<KubeScale> callback)
{
    getObject<KubeScale>(collectionPath(u"apps"_s, u"v1"_s, resource, ns) + u'/' + name + u"/scale"_s, {}, context,
                         &KubeClient::parseScale, std::move(callback));
}

void KubeClient::scale(const QString &resource, const QString &ns, const QString &name, int replicas, bool dryRun,
                       QObject *context, Callback<KubeScale> callback)
{
    QUrlQuery query;
    if (dryRun)
        query.addQueryItem(u"dryRun"_s, u"All"_s);
    const QJsonObject patch{{u"spec"_s, QJsonObject{{u"replicas"_s, replicas}}}};
    QPointer<QObject> guard(context ? context : static_cast<QObject *>(this));
    request("PATCH", collectionPath(u"apps"_s, u"v1"_s, resource, ns) + u'/' + name + u"/scale"_s, query,
            QJsonDocument(patch).toJson(QJsonDocument::Compact), "application/merge-patch+json", context,
            [guard, callback](const Result<KubeResponse> &r) {
                if (!r) {
                    deliver<KubeScale>(guard, callback, r.error());
                    return;
                }
                deliver<KubeScale>(guard, callback, parseScale(r.value().json));
            });
}

void KubeClient::patchHpaReplicas(const QString &ns, const QString &name, std::optional<int> minReplicas,
                                  std::optional<int> maxReplicas, bool dryRun, QObject *context,
                                  Callback<Hpa> callback)
{
    QJsonObject spec;
    if (minReplicas)
        spec.insert(u"minReplicas"_s, *minReplicas);
    if (maxReplicas)
        spec.insert(u"maxReplicas"_s, *maxReplicas);
    QUrlQuery query;
    if (dryRun)
        query.addQueryItem(u"dryRun"_s, u"All"_s);
    QPointer<QObject> guard(context ? context : static_cast<QObject *>(this));
    request("PATCH", collectionPath(u"autoscaling"_s, u"v2"_s, u"horizontalpodautoscalers"_s, ns) + u'/' + name,
            query, QJsonDocument(QJsonObject{{u"spec"_s, spec}}).toJson(QJsonDocument::Compact),
            "application/merge-patch+json", context, [guard, callback](const Result<KubeResponse> &r) {
                if (!r) {
                    deliver<Hpa>(guard, callback, r.error());
                    return;
                }
                deliver<Hpa>(guard, callback, KubeTypes::parseHpa(r.value().json));
            });
}

void KubeClient::accessReview(const ResourceAttributes &a, QObject *context, Callback<AccessReview> callback)
{
    QJsonObject attrs{{u"verb"_s, a.verb}, {u"resource"_s, a.resource}};
    if (!a.ns.isEmpty())
        attrs.insert(u"namespace"_s, a.ns);
    if (!a.group.isEmpty())
        attrs.insert(u"group"_s, a.group);
    if (!a.subresource.isEmpty())
        attrs.insert(u"subresource"_s, a.subresource);
    if (!a.name.isEmpty())
        attrs.insert(u"name"_s, a.name);
    const QJsonObject review{{u"apiVersion"_s, u"authorization.k8s.io/v1"_s},
                             {u"kind"_s, u"SelfSubjectAccessReview"_s},
                             {u"spec"_s, QJsonObject{{u"resourceAttributes"_s, attrs}}}};
    QPointer<QObject> guard(context ? context : static_cast<QObject *>(this));
    request("POST", u"/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"_s, {},
            QJsonDocument(review).toJson(QJsonDocument::Compact), "application/json", context,
            [guard, callback](const Result<KubeResponse> &r) {
                if (!r) {
                    deliver<AccessReview>(guard, callback, r.error());
                    return;
                }
                const QJsonObject status = r.value().json.value(u"status"_s).toObject();
                AccessReview out;
                out.allowed = status.value(u"allowed"_s).toBool();
                out.denied = status.value(u"denied"_s).toBool();
                out.reason = status.value(u"reason"_s).toString();
                out.evaluationError = status.value(u"evaluationError"_s).toString();
                deliver<AccessReview>(guard, callback, out);
            });
}

void KubeClient::canScale(const QString &resource, const QString &ns, const QString &name, QObject *context,
                          Callback<AccessReview> callback)
{
    accessReview({ns, u"patch"_s, u"apps"_s, resource, u"scale"_s, name}, context, std::move(callback));
}

} // namespace tideline::kube
