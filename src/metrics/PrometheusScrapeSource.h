#pragma once

#include "metrics/MetricSource.h"
#include "metrics/PrometheusText.h"

#include <QUrl>

namespace tideline {

// Scrapes a Prometheus exposition endpoint (/metrics of an application, an exporter, RabbitMQ's
// prometheus plugin) on a timer, parses it with PrometheusText and emits every sample, or only
// those whose name matches the filter. A sample's own timestamp is kept; others get the time
// the response arrived.
class PrometheusScrapeSource final : public MetricSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusScrapeSource)

public:
    struct Options
    {
        QUrl url;          // http(s)://host:port/metrics
        QString match;     // empty: every sample; see nameMatches()
        MetricHttp::TlsOptions tls;
    };

    explicit PrometheusScrapeSource(Options options, QObject *parent = nullptr);

    const Options &options() const { return m_options; }
    // The lines the last successful scrape could not parse (they were skipped).
    const QList<PrometheusText::LineError> &lastWarnings() const { return m_lastWarnings; }
    // Families and samples of the last successful scrape, unfiltered.
    const PrometheusText::ParseResult &lastParse() const { return m_lastParse; }

    // The name filter: an exact sample name or family name ("http_requests" also matches
    // http_requests_bucket of a histogram family of that name), or a wildcard pattern with '*'
    // and '?' matched against the sample name. An empty pattern matches everything.
    static bool nameMatches(const QString &pattern, const QString &sampleName, const QString &familyName);
    // Samples of `parsed` that pass the filter, keyed with `sourceId`.
    static QList<MetricSample> toSamples(const PrometheusText::ParseResult &parsed, const QString &match,
                                         const QString &sourceId, qint64 nowMs);

protected:
    Result<QNetworkRequest> makeRequest() override;
    void handleResponse(const MetricHttp::Response &response) override;

private:
    Options m_options;
    PrometheusText::ParseResult m_lastParse;
    QList<PrometheusText::LineError> m_lastWarnings;
};

} // namespace tideline
