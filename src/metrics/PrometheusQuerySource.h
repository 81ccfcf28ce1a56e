#pragma once

#include "metrics/MetricSource.h"
#include "metrics/PrometheusApi.h"

#include <QUrl>

namespace tideline {

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

    explicit PrometheusQuerySource(Options options, QObject *parent = nullptr);
    const Options &options() const { return m_options; }

protected:
    Result<QNetworkRequest> makeRequest() override;
    void handleResponse(const MetricHttp::Response &response) override;

private:
    Options m_options;
};

} // namespace tideline
