#include "metrics/PrometheusQuerySource.h"

#include "metrics/PrometheusQueryClient.h"

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
        const MetricSeriesKey key = keyFor(series);
        for (const MetricPoint &point : series.points)
            samples.append(MetricSample{key, point});
    }
    succeed(samples);
}

MetricSeriesKey PrometheusQuerySource::keyFor(const MetricSeries &series) const
{
    MetricSeriesKey key = series.key;
    key.source = sourceId();
    if (key.name.isEmpty())
        key.name = m_options.query;
    return key;
}

void PrometheusQuerySource::queryRange(qint64 startMs, qint64 endMs, qint64 stepMs, RangeCallback done)
{
    if (!m_rangeClient) {
        PrometheusQueryClient::Options o;
        o.url = m_options.url;
        o.tls = m_options.tls;
        o.timeoutMs = timeoutMs();
        m_rangeClient = new PrometheusQueryClient(o, this);
    }
    ++m_rangeQueries;
    m_rangeClient->queryRange(m_options.query, startMs, endMs, stepMs,
                              [this, done = std::move(done)](const Result<PrometheusApi::QueryResult> &r) {
                                  if (!r) {
                                      done(r.error());
                                      return;
                                  }
                                  QList<MetricSeries> out;
                                  for (const MetricSeries &series : r.value().series)
                                      out.append(MetricSeries{keyFor(series), series.points});
                                  done(out);
                              });
}

} // namespace tideline
