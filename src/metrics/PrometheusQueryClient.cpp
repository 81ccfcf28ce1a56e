#include "metrics/PrometheusQueryClient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace tideline {

PrometheusQueryClient::PrometheusQueryClient(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
{
    m_options.url = m_options.url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    m_sourceId = u"prometheus "_s + MetricHttp::displayUrl(m_options.url);
}

PrometheusQueryClient::~PrometheusQueryClient()
{
    cancelAll();
}

QUrl PrometheusQueryClient::queryUrl(const QString &endpoint, const QList<std::pair<QString, QString>> &params) const
{
    return PrometheusApi::endpointUrl(m_options.url, endpoint, params);
}

void PrometheusQueryClient::query(const QString &promql, std::optional<qint64> timeMs, Callback done)
{
    QList<std::pair<QString, QString>> params{{u"query"_s, promql}};
    if (timeMs)
        params.append({u"time"_s, PrometheusApi::formatTime(*timeMs)});
    send(queryUrl(u"query"_s, params), std::move(done));
}

void PrometheusQueryClient::queryRange(const QString &promql, qint64 startMs, qint64 endMs, qint64 stepMs,
                                       Callback done)
{
    const QList<std::pair<QString, QString>> params{
        {u"query"_s, promql},
        {u"start"_s, PrometheusApi::formatTime(startMs)},
        {u"end"_s, PrometheusApi::formatTime(endMs)},
        {u"step"_s, PrometheusApi::formatTime(stepMs)},
    };
    send(queryUrl(u"query_range"_s, params), std::move(done));
}

void PrometheusQueryClient::cancelAll()
{
    const QList<QPointer<QNetworkReply>> inFlight = std::exchange(m_inFlight, {});
    for (const QPointer<QNetworkReply> &reply : inFlight)
        MetricHttp::abort(reply);
}

void PrometheusQueryClient::send(const QUrl &url, Callback done)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (url.scheme() == u"https"_s) {
        Result<QSslConfiguration> ssl = MetricHttp::sslConfiguration(m_options.tls);
        if (!ssl) {
            // Asynchronous like every other answer.
            QTimer::singleShot(0, this, [done = std::move(done), error = ssl.error()] { done(error); });
            return;
        }
        request.setSslConfiguration(ssl.value());
    }
    const int timeoutMs = m_options.timeoutMs;
    QNetworkReply *reply = MetricHttp::get(
        m_network, request, timeoutMs, MetricHttp::DefaultMaxBytes, this,
        [this, timeoutMs, done = std::move(done)](const MetricHttp::Response &response) {
            m_inFlight.removeIf([](const QPointer<QNetworkReply> &r) { return r.isNull() || r->isFinished(); });
            if (response.canceled)
                return;
            if (!response.hasHttpResponse()) {
                done(MetricHttp::transportError(response, timeoutMs));
                return;
            }
            if (response.status == 401) {
                done(MetricHttp::unauthorized());
                return;
            }
            done(PrometheusApi::parseQueryResponse(response.body, response.status, m_sourceId));
        });
    m_inFlight.append(reply);
}

} // namespace tideline
