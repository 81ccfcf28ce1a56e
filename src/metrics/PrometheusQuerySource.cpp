#include "metrics/PrometheusQuerySource.h"

#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace tideline {

PrometheusQuerySource::PrometheusQuerySource(Options options, QObject *parent)
    : MetricSource(u"prometheus "_s + MetricHttp::displayUrl(options.url), parent)
    , m_options(std::move(options))
{
}

Result<QNetworkRequest> PrometheusQuerySource::makeRequest()
{
    QNetworkRequest request(PrometheusApi::endpointUrl(m_options.url, u"query"_s, {{u"query"_s, m_options.query}}));
    request.setRawHeader("Accept", "application/json");
    if (m_options.url.scheme() == u"https"_s) {
        Result<QSslConfiguration> ssl = MetricHttp::sslConfiguration(m_options.tls);
        if (!ssl)
            return ssl.error();
        request.setSslConfiguration(ssl.value());
    }
    return request;
}

void PrometheusQuerySource::handleResponse(const MetricHttp::Response &response)
{
    if (response.status == 401) {
        fail(MetricHttp::unauthorized());
        return;
    }
    Result<PrometheusApi::QueryResult> parsed =
        PrometheusApi::parseQueryResponse(response.body, response.status, sourceId());
    if (!parsed) {
        fail(parsed.error());
        return;
    }
    QList<MetricSample> samples;
    for (const MetricSeries &series : parsed.value().series) {
        MetricSeriesKey key = series.key;
        if (key.name.isEmpty())
            key.name = m_options.query;
        for (const MetricPoint &point : series.points)
            samples.append(MetricSample{key, point});
    }
    succeed(samples);
}

} // namespace tideline
