#pragma once

#include "core/Result.h"
#include "metrics/MetricHttp.h"
#include "metrics/PrometheusApi.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace tideline {

// Asks a Prometheus server: GET /api/v1/query (instant) and /api/v1/query_range. Owns its
// QNetworkAccessManager and the requests in flight; answers arrive through the callbacks on
// this object's thread (never inside the call), and are dropped when it is destroyed first.
// Every request has a transfer timeout.
class PrometheusQueryClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusQueryClient)

public:
    struct Options
    {
        QUrl url;            // the server, http(s)://host:9090 (a path prefix is kept)
        MetricHttp::TlsOptions tls;
        int timeoutMs = MetricHttp::DefaultTimeoutMs;
    };
    using Callback = std::function<void(const Result<PrometheusApi::QueryResult> &)>;

    explicit PrometheusQueryClient(Options options, QObject *parent = nullptr);
    ~PrometheusQueryClient() override;

    // Instant query at `timeMs` (now when empty).
    void query(const QString &promql, std::optional<qint64> timeMs, Callback done);
    // Range query over [startMs, endMs] every stepMs.
    void queryRange(const QString &promql, qint64 startMs, qint64 endMs, qint64 stepMs, Callback done);
    // Cancels everything in flight; their callbacks do not run.
    void cancelAll();

    QString sourceId() const { return m_sourceId; }
    const Options &options() const { return m_options; }
    // The URL a query would be sent to (for tests and messages).
    QUrl queryUrl(const QString &endpoint, const QList<std::pair<QString, QString>> &params) const;

private:
    void send(const QUrl &url, Callback done);

    Options m_options;
    QString m_sourceId;
    QNetworkAccessManager *m_network = nullptr;
    QList<QPointer<QNetworkReply>> m_inFlight;
};

} // namespace tideline
