#pragma once

#include "metrics/MetricSource.h"
#include "metrics/PrometheusApi.h"

#include <QUrl>

#include <functional>

namespace tideline {

class PrometheusQueryClient;

// Evaluates one PromQL expression as an instant query on a timer (/api/v1/query) and emits
// each series of the answer as a sample: queue depth as the monitoring stack already records
// it. A series without a __name__ (sum(...), rate(...)) is named after the expression.
class PrometheusQuerySource final : public MetricSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusQuerySource)

public:
    struct Options
    {
        QUrl url;      // the Prometheus server, http(s)://host:9090
        QString query; // PromQL
        MetricHttp::TlsOptions tls;
    };

    using RangeCallback = std::function<void(const Result<QList<MetricSeries>> &)>;

    explicit PrometheusQuerySource(Options options, QObject *parent = nullptr);
    const Options &options() const { return m_options; }

    // The same expression as a range query (/api/v1/query_range) over [startMs, endMs] every
    // stepMs, its series keyed like this source's samples: a chart's history from the server.
    // `done` runs on this thread after the call returns, never after the source is destroyed.
    void queryRange(qint64 startMs, qint64 endMs, qint64 stepMs, RangeCallback done);
    // Range queries sent so far (tests, and the dashboard's "history from" label).
    int rangeQueryCount() const { return m_rangeQueries; }

protected:
    Result<QNetworkRequest> makeRequest() override;
    void handleResponse(const MetricHttp::Response &response) override;

private:
    MetricSeriesKey keyFor(const MetricSeries &series) const;

    Options m_options;
    PrometheusQueryClient *m_rangeClient = nullptr; // created on first use
    int m_rangeQueries = 0;
};

} // namespace tideline
