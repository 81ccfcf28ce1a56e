#pragma once

#include "core/Result.h"
#include "metrics/MetricTypes.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>

#include <utility>

#include <optional>

namespace tideline {

// Pure functions over Prometheus's HTTP API (/api/v1/query, /api/v1/query_range): the JSON
// envelope {status, data: {resultType, result}, errorType, error, warnings}, sample values
// as strings ("NaN", "+Inf", "-Inf", "1.5e3"), and PromQL durations ("1h30m", "15s").
class PrometheusApi final
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusApi)

public:
    struct QueryResult
    {
        enum class Type { Vector, Matrix, Scalar, String };
        Type type = Type::Vector;
        // vector: one point per series; matrix: the range; scalar: one series, no name, no labels.
        // key.name is the __name__ label (empty for expressions like sum(...)); it is not in
        // key.labels. key.source is the caller's.
        QList<MetricSeries> series;
        QString stringValue;   // resultType "string" only
        qint64 stringTimeMs = 0;
        QStringList warnings;  // the server's "warnings", verbatim
        int skippedPoints = 0; // native histogram points and malformed entries
    };

    // Parses a response of either endpoint; `httpStatus` tells an error envelope from a
    // success (Prometheus answers errors with 400, 422 or 503 and a JSON body). Errors:
    // prometheus.bad_data, .execution, .timeout, .canceled, .unavailable, .internal, .error
    // (other errorType), metrics.json (not JSON), prometheus.format (JSON of another shape).
    static Result<QueryResult> parseQueryResponse(QByteArrayView body, int httpStatus, const QString &sourceId);

    // A sample value as the API writes it: Go's strconv.ParseFloat syntax ("NaN", "+Inf",
    // "-Inf", decimals, exponents).
    static std::optional<double> parseValue(QStringView text);
    // How Prometheus writes a value: "NaN", "+Inf", "-Inf", or the shortest decimal.
    static QString formatValue(double value);

    // A PromQL duration ("1h", "1h30m", "15s", "500ms", "2d", "1w", "1y") or plain seconds
    // ("15", "0.5") in milliseconds; nullopt when malformed, zero or negative.
    static std::optional<qint64> parseDurationMs(QStringView text);
    // The API's time parameter: seconds since the epoch with millisecond precision.
    static QString formatTime(qint64 msecsSinceEpoch);
    static QString typeName(QueryResult::Type type); // "vector", "matrix", ...
    // SERVER/api/v1/ENDPOINT?k=v&... with every value percent-encoded (a path prefix is kept).
    static QUrl endpointUrl(const QUrl &server, const QString &endpoint,
                            const QList<std::pair<QString, QString>> &params);
};

} // namespace tideline
