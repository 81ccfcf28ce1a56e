#include "metrics/MetricHttp.h"

#include "core/Logging.h"

#include <QDateTime>
#include <QFile>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {
constexpr char kCanceledProperty[] = "tideline_canceled";
constexpr char kTooLargeProperty[] = "tideline_too_large";

QString hostPort(const QUrl &url)
{
    const int defaultPort = url.scheme() == u"https"_s ? 443 : 80;
    return u"%1:%2"_s.arg(url.host()).arg(url.port(defaultPort));
}
} // namespace

QString MetricHttp::displayUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo).toDisplayString();
}

QNetworkReply *MetricHttp::get(QNetworkAccessManager *manager, QNetworkRequest request, int timeoutMs,
                               qint64 maxBytes, QObject *context, std::function<void(const Response &)> done)
{
    request.setTransferTimeout(timeoutMs);
    // Every poll must see the server's current numbers.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    QNetworkReply *reply = manager->get(request);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply, maxBytes](qint64 received, qint64) {
        if (received > maxBytes && !reply->property(kTooLargeProperty).toBool()) {
            reply->setProperty(kTooLargeProperty, true);
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
        Response response;
        response.url = reply->url().adjusted(QUrl::RemoveUserInfo);
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
        response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        response.networkError = reply->error();
        response.networkErrorText = reply->errorString();
        response.canceled = reply->property(kCanceledProperty).toBool();
        response.tooLarge = reply->property(kTooLargeProperty).toBool();
        // The transfer timeout aborts the reply from inside Qt: an abort nobody asked for.
        response.timedOut = !response.canceled && !response.tooLarge
                            && (response.networkError == QNetworkReply::OperationCanceledError
                                || response.networkError == QNetworkReply::TimeoutError);
        if (response.timedOut || response.canceled || response.tooLarge)
            response.status = 0;
        else
            response.body = reply->readAll();
        response.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        done(response);
    });
    return reply;
}

void MetricHttp::abort(QNetworkReply *reply)
{
    if (!reply || reply->isFinished())
        return;
    reply->setProperty(kCanceledProperty, true);
    reply->abort();
}

Result<QSslConfiguration> MetricHttp::sslConfiguration(const TlsOptions &options)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!options.caFile.isEmpty()) {
        QFile file(options.caFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return Error{u"metrics.cafile"_s, tr("cannot read the CA file %1").arg(options.caFile),
                         file.errorString()};
        }
        const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (certificates.isEmpty()) {
            return Error{u"metrics.cafile"_s, tr("the CA file %1 holds no PEM certificate").arg(options.caFile),
                         {}};
        }
        config.setCaCertificates(certificates);
    }
    if (!options.verifyPeer)
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

QString MetricHttp::timeoutText(int timeoutMs)
{
    const QString seconds = timeoutMs % 1000 == 0 ? QString::number(timeoutMs / 1000)
                                                  : QString::number(timeoutMs / 1000.0, 'g', 3);
    return tr("timed out after %1 s").arg(seconds);
}

Error MetricHttp::unauthorized()
{
    return Error{u"metrics.auth"_s, tr("401 Unauthorized: check the user and password"), {}};
}

Error MetricHttp::transportError(const Response &response, int timeoutMs)
{
    const QString detail = response.networkErrorText;
    if (response.canceled)
        return Error{u"metrics.canceled"_s, tr("canceled"), detail};
    if (response.timedOut)
        return Error{u"metrics.timeout"_s, timeoutText(timeoutMs), detail};
    if (response.tooLarge) {
        const qint64 mib = DefaultMaxBytes / (1024 * 1024);
        return Error{u"metrics.too_large"_s, tr("the response is larger than %1 MiB").arg(mib), detail};
    }
    const QString where = hostPort(response.url);
    switch (response.networkError) {
    case QNetworkReply::ConnectionRefusedError:
        return Error{u"metrics.refused"_s, tr("connection refused: nothing listens on %1").arg(where), detail};
    case QNetworkReply::HostNotFoundError:
        return Error{u"metrics.host"_s, tr("host not found: %1").arg(response.url.host()), detail};
    case QNetworkReply::RemoteHostClosedError:
        return Error{u"metrics.closed"_s, tr("the server at %1 closed the connection without answering").arg(where),
                     detail};
    case QNetworkReply::SslHandshakeFailedError:
    {
        // Qt's text starts with its own "SSL handshake failed: "; the reason after it is what helps.
        QString reason = detail;
        if (const qsizetype colon = reason.indexOf(u": "_s); colon >= 0 && reason.startsWith(u"SSL handshake"_s))
            reason = reason.mid(colon + 2);
        return Error{u"metrics.tls"_s, tr("TLS handshake with %1 failed: %2").arg(where, reason), detail};
    }
    case QNetworkReply::ProtocolUnknownError:
        return Error{u"metrics.url"_s, tr("unsupported URL scheme \"%1\": use http or https").arg(response.url.scheme()),
                     detail};
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return Error{u"metrics.proxy"_s, tr("proxy error: %1").arg(detail), detail};
    default:
        break;
    }
    return Error{u"metrics.network"_s, tr("network error talking to %1: %2").arg(where, detail), detail};
}

Error MetricHttp::httpStatusError(const Response &response)
{
    const QString detail = QString::fromUtf8(response.body.left(300));
    switch (response.status) {
    case 401:
    {
        Error e = unauthorized();
        e.detail = detail;
        return e;
    }
    case 403:
        return Error{u"metrics.forbidden"_s, tr("403 Forbidden: the user may not read this"), detail};
    case 404:
        return Error{u"metrics.not_found"_s, tr("404 Not Found: check the URL (%1)").arg(response.url.path()), detail};
    default:
        break;
    }
    const QString reason = QString::fromLatin1(response.reason).trimmed();
    const QString message = reason.isEmpty() ? tr("HTTP %1").arg(response.status)
                                             : tr("HTTP %1 %2").arg(response.status).arg(reason);
    return Error{u"metrics.http"_s, message, detail};
}

Result<QJsonDocument> MetricHttp::parseJson(QByteArrayView body)
{
    QJsonParseError parseError{};
    QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{u"metrics.json"_s,
                     tr("response is not valid JSON at offset %1 (%2)").arg(parseError.offset).arg(parseError.errorString()),
                     QString::fromUtf8(body.first(qMin(body.size(), qsizetype(200))).toByteArray())};
    }
    return doc;
}

} // namespace tideline
