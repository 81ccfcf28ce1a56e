#include "metrics/PrometheusScrapeSource.h"

#include <QNetworkRequest>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tideline {

PrometheusScrapeSource::PrometheusScrapeSource(Options options, QObject *parent)
    : MetricSource(u"scrape "_s + MetricHttp::displayUrl(options.url), parent)
    , m_options(std::move(options))
{
}

bool PrometheusScrapeSource::nameMatches(const QString &pattern, const QString &sampleName, const QString &familyName)
{
    if (pattern.isEmpty())
        return true;
    if (pattern.contains(u'*') || pattern.contains(u'?')) {
        // Anchored: "rabbitmq_queue_*" must not match "x_rabbitmq_queue_y".
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(pattern));
        return re.match(sampleName).hasMatch();
    }
    return pattern == sampleName || pattern == familyName;
}

QList<MetricSample> PrometheusScrapeSource::toSamples(const PrometheusText::ParseResult &parsed, const QString &match,
                                                      const QString &sourceId, qint64 nowMs)
{
    QList<MetricSample> samples;
    for (const PrometheusText::Family &family : parsed.families) {
        for (const PrometheusText::Sample &s : family.samples) {
            if (!nameMatches(match, s.name, family.name))
                continue;
            MetricLabels labels;
            for (const PrometheusText::Label &label : s.labels)
                labels.insert(label.name, label.value);
            samples.append(MetricSample{MetricSeriesKey{sourceId, s.name, labels},
                                        MetricPoint{s.timestampMs.value_or(nowMs), s.value}});
        }
    }
    return samples;
}

Result<QNetworkRequest> PrometheusScrapeSource::makeRequest()
{
    QNetworkRequest request(m_options.url);
    // The text format, which is what PrometheusText reads (never protobuf or OpenMetrics).
    request.setRawHeader("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1");
    if (m_options.url.scheme() == u"https"_s) {
        Result<QSslConfiguration> ssl = MetricHttp::sslConfiguration(m_options.tls);
        if (!ssl)
            return ssl.error();
        request.setSslConfiguration(ssl.value());
    }
    return request;
}

void PrometheusScrapeSource::handleResponse(const MetricHttp::Response &response)
{
    if (!response.isSuccess()) {
        fail(MetricHttp::httpStatusError(response));
        return;
    }
    PrometheusText::ParseResult parsed = PrometheusText::parse(response.body);
    if (parsed.sampleCount == 0 && !parsed.errors.isEmpty()) {
        const PrometheusText::LineError &first = parsed.errors.constFirst();
        fail(Error{u"metrics.exposition"_s,
                   tr("the response is not in the Prometheus text format (line %1: %2)").arg(first.line).arg(first.message),
                   QString::fromUtf8(response.body.left(200))});
        return;
    }
    m_lastWarnings = parsed.errors;
    m_lastParse = std::move(parsed);
    succeed(toSamples(m_lastParse, m_options.match, sourceId(), response.receivedAtMs));
}

} // namespace tideline
