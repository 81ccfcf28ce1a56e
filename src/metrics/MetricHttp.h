#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkRequest;

namespace tideline {

// The HTTP plumbing shared by the metric sources and the Prometheus query client: an
// asynchronous GET with a transfer timeout and a size cap, and the translation of what went
// wrong into one sentence an operator can act on ("connection refused", "timed out after 10 s",
// "401 Unauthorized: check the user and password"). Everything but get() is a pure function.
class MetricHttp final
{
    Q_DECLARE_TR_FUNCTIONS(MetricHttp)

public:
    static constexpr int DefaultTimeoutMs = 10'000;
    static constexpr qint64 DefaultMaxBytes = 64LL * 1024 * 1024;

    struct Response
    {
        QUrl url;                  // without user info
        int status = 0;            // HTTP status; 0 when no HTTP response arrived
        QByteArray reason;         // the status line's reason phrase
        QByteArray contentType;
        QByteArray body;
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        QString networkErrorText;  // Qt's own words: for the log, never the headline
        bool timedOut = false;     // no data for the whole transfer timeout
        bool tooLarge = false;     // the body passed the size cap and was cut off
        bool canceled = false;     // abort() by the caller (a source being stopped)
        qint64 receivedAtMs = 0;   // wall clock when the reply finished

        bool hasHttpResponse() const { return status != 0 && !timedOut && !tooLarge && !canceled; }
        bool isSuccess() const { return hasHttpResponse() && status >= 200 && status < 300; }
    };

    struct TlsOptions
    {
        QString caFile;          // PEM; empty: the system trust store
        bool verifyPeer = true;  // false only for testing against self-signed servers
    };

    // Starts a GET with `timeoutMs` as the transfer timeout (no byte for that long aborts it)
    // and `maxBytes` as the body cap. `done` runs exactly once, on `context`'s thread, unless
    // `context` is destroyed first. The returned reply may be passed to abort().
    static QNetworkReply *get(QNetworkAccessManager *manager, QNetworkRequest request, int timeoutMs,
                              qint64 maxBytes, QObject *context, std::function<void(const Response &)> done);
    // Cancels a request from get(): `done` still runs, with `canceled` set.
    static void abort(QNetworkReply *reply);

    // The TLS configuration for a request: the CA file's certificates (replacing the system
    // store) and peer verification. Fails when the CA file cannot be read or holds no certificate.
    static Result<QSslConfiguration> sslConfiguration(const TlsOptions &options);

    // Why a request produced no usable HTTP response (refused, timed out, TLS, too large, ...).
    static Error transportError(const Response &response, int timeoutMs);
    // A non-2xx status in general terms: 401, 403, 404, 5xx. Sources refine it where they know more.
    static Error httpStatusError(const Response &response);
    static Error unauthorized();
    // "timed out after 10 s" (or "0.5 s").
    static QString timeoutText(int timeoutMs);

    // Parses a JSON document; the error says where the syntax breaks.
    static Result<QJsonDocument> parseJson(QByteArrayView body);

    // The URL without user info, for ids, messages and the log.
    static QString displayUrl(const QUrl &url);
};

} // namespace tideline
