#include "metrics/PrometheusApi.h"

#include "metrics/MetricHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

struct PointResult
{
    bool ok = false;
    MetricPoint point;
};

// [ <unix time, float seconds>, "<value>" ]
PointResult parsePoint(const QJsonValue &value)
{
    const QJsonArray pair = value.toArray();
    if (!value.isArray() || pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
        return {};
    const std::optional<double> v = PrometheusApi::parseValue(pair.at(1).toString());
    if (!v)
        return {};
    return {true, MetricPoint{qint64(std::llround(pair.at(0).toDouble() * 1000.0)), *v}};
}

MetricSeriesKey keyFor(const QJsonObject &metric, const QString &sourceId)
{
    MetricSeriesKey key;
    key.source = sourceId;
    for (auto it = metric.constBegin(); it != metric.constEnd(); ++it) {
        if (it.key() == u"__name__"_s)
            key.name = it.value().toString();
        else
            key.labels.insert(it.key(), it.value().toString());
    }
    return key;
}

} // namespace

std::optional<double> PrometheusApi::parseValue(QStringView text)
{
    const QString lower = text.trimmed().toString().toLower();
    if (lower == u"nan"_s)
        return std::numeric_limits<double>::quiet_NaN();
    if (lower == u"+inf"_s || lower == u"inf"_s || lower == u"+infinity"_s || lower == u"infinity"_s)
        return std::numeric_limits<double>::infinity();
    if (lower == u"-inf"_s || lower == u"-infinity"_s)
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    // The C locale: a decimal point whatever the user's locale says.
    const double value = QLocale::c().toDouble(lower, &ok);
    if (!ok)
        return std::nullopt;
    return value;
}

QString PrometheusApi::formatValue(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

std::optional<qint64> PrometheusApi::parseDurationMs(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const double seconds = QLocale::c().toDouble(t, &isNumber);
    if (isNumber) {
        if (!(seconds > 0) || seconds > 1e12)
            return std::nullopt;
        const qint64 ms = qint64(std::llround(seconds * 1000.0));
        return ms > 0 ? std::optional<qint64>(ms) : std::nullopt;
    }
    // Units must come in decreasing order, each at most once (Prometheus's rule).
    struct Unit
    {
        QStringView suffix;
        qint64 ms;
    };
    static constexpr qint64 day = 24LL * 3600 * 1000;
    const Unit units[] = {{u"y", 365 * day}, {u"w", 7 * day}, {u"d", day}, {u"h", 3600'000},
                          {u"m", 60'000},    {u"s", 1000},    {u"ms", 1}};
    qint64 total = 0;
    qsizetype pos = 0;
    int nextUnit = 0;
    while (pos < t.size()) {
        const qsizetype digitsStart = pos;
        while (pos < t.size() && t.at(pos).isDigit())
            ++pos;
        if (pos == digitsStart || pos - digitsStart > 12)
            return std::nullopt;
        const qint64 amount = t.mid(digitsStart, pos - digitsStart).toLongLong();
        const qsizetype unitStart = pos;
        while (pos < t.size() && t.at(pos).isLetter())
            ++pos;
        const QStringView suffix = t.mid(unitStart, pos - unitStart);
        int found = -1;
        for (int i = nextUnit; i < int(std::size(units)); ++i) {
            if (units[i].suffix == suffix) {
                found = i;
                break;
            }
        }
        if (found < 0)
            return std::nullopt;
        if (amount > (std::numeric_limits<qint64>::max() - total) / units[found].ms)
            return std::nullopt;
        total += amount * units[found].ms;
        nextUnit = found + 1;
    }
    return total > 0 ? std::optional<qint64>(total) : std::nullopt;
}

QString PrometheusApi::formatTime(qint64 msecsSinceEpoch)
{
    if (msecsSinceEpoch % 1000 == 0)
        return QString::number(msecsSinceEpoch / 1000);
    // Millisecond precision fits a double exactly for any realistic date (13 digits).
    return QString::number(double(msecsSinceEpoch) / 1000.0, 'f', 3);
}

QUrl PrometheusApi::endpointUrl(const QUrl &server, const QString &endpoint,
                                const QList<std::pair<QString, QString>> &params)
{
    QUrl url = server.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    QString prefix = url.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + u"/api/v1/"_s + endpoint);
    // Encoded by hand: PromQL is full of '+', '&', '=' and '"', which must reach the server as data.
    QStringList items;
    for (const auto &[key, value] : params)
        items.append(key + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(items.join(u'&'), QUrl::StrictMode);
    return url;
}

QString PrometheusApi::typeName(QueryResult::Type type)
{
    switch (type) {
    case QueryResult::Type::Vector:
        return u"vector"_s;
    case QueryResult::Type::Matrix:
        return u"matrix"_s;
    case QueryResult::Type::Scalar:
        return u"scalar"_s;
    case QueryResult::Type::String:
        return u"string"_s;
    }
    return {};
}

Result<PrometheusApi::QueryResult> PrometheusApi::parseQueryResponse(QByteArrayView body, int httpStatus,
                                                                     const QString &sourceId)
{
    Result<QJsonDocument> doc = MetricHttp::parseJson(body);
    if (!doc) {
        if (httpStatus >= 300) {
            // Not Prometheus's JSON envelope: a proxy's or another server's error page.
            MetricHttp::Response response;
            response.status = httpStatus;
            response.body = body.toByteArray();
            Error error = MetricHttp::httpStatusError(response);
            if (httpStatus == 404)
                error.message = tr("404 Not Found: is this a Prometheus server URL (without /api/v1)?");
            return error;
        }
        return doc.error();
    }
    const QJsonObject root = doc.value().object();
    const QString status = root.value("status"_L1).toString();
    if (!doc.value().isObject() || (status != u"success"_s && status != u"error"_s)) {
        return Error{u"prometheus.format"_s,
                     tr("the response is not a Prometheus API answer (no \"status\"): is the URL a Prometheus server?"),
                     QString::fromUtf8(body.first(qMin(body.size(), qsizetype(200))).toByteArray())};
    }
    if (status == u"error"_s) {
        const QString errorType = root.value("errorType"_L1).toString();
        const QString text = root.value("error"_L1).toString();
        if (errorType == u"bad_data"_s)
            return Error{u"prometheus.bad_data"_s, tr("the query is not valid: %1").arg(text), text};
        if (errorType == u"execution"_s)
            return Error{u"prometheus.execution"_s, tr("the query failed: %1").arg(text), text};
        if (errorType == u"timeout"_s)
            return Error{u"prometheus.timeout"_s, tr("the query timed out on the server: %1").arg(text), text};
        if (errorType == u"canceled"_s)
            return Error{u"prometheus.canceled"_s, tr("the server canceled the query: %1").arg(text), text};
        if (errorType == u"unavailable"_s)
            return Error{u"prometheus.unavailable"_s, tr("Prometheus is unavailable: %1").arg(text), text};
        if (errorType == u"internal"_s)
            return Error{u"prometheus.internal"_s, tr("Prometheus internal error: %1").arg(text), text};
        return Error{u"prometheus.error"_s, tr("Prometheus error (%1): %2").arg(errorType, text), text};
    }

    QueryResult result;
    for (const QJsonValue &w : root.value("warnings"_L1).toArray())
        result.warnings.append(w.toString());
    const QJsonObject data = root.value("data"_L1).toObject();
    const QString resultType = data.value("resultType"_L1).toString();
    const QJsonValue resultValue = data.value("result"_L1);
    auto badShape = [&body](const QString &what) {
        return Error{u"prometheus.format"_s, tr("unexpected Prometheus answer: %1").arg(what),
                     QString::fromUtf8(body.first(qMin(body.size(), qsizetype(200))).toByteArray())};
    };

    if (resultType == u"scalar"_s || resultType == u"string"_s) {
        const QJsonArray pair = resultValue.toArray();
        if (!resultValue.isArray() || pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
            return badShape(tr("a %1 result is not [time, \"value\"]").arg(resultType));
        const qint64 timeMs = qint64(std::llround(pair.at(0).toDouble() * 1000.0));
        if (resultType == u"string"_s) {
            result.type = QueryResult::Type::String;
            result.stringValue = pair.at(1).toString();
            result.stringTimeMs = timeMs;
            return result;
        }
        result.type = QueryResult::Type::Scalar;
        const std::optional<double> v = parseValue(pair.at(1).toString());
        if (!v)
            return badShape(tr("the scalar value \"%1\" is not a number").arg(pair.at(1).toString()));
        result.series.append(MetricSeries{MetricSeriesKey{sourceId, {}, {}}, {MetricPoint{timeMs, *v}}});
        return result;
    }
    if (resultType != u"vector"_s && resultType != u"matrix"_s)
        return badShape(tr("unknown resultType \"%1\"").arg(resultType));
    if (!resultValue.isArray())
        return badShape(tr("\"result\" is not a list"));
    const bool matrix = resultType == u"matrix"_s;
    result.type = matrix ? QueryResult::Type::Matrix : QueryResult::Type::Vector;
    const QJsonArray entries = resultValue.toArray();
    result.series.reserve(entries.size());
    for (const QJsonValue &entry : entries) {
        const QJsonObject object = entry.toObject();
        if (!entry.isObject()) {
            ++result.skippedPoints;
            continue;
        }
        MetricSeries series{keyFor(object.value("metric"_L1).toObject(), sourceId), {}};
        // Native histograms ("histogram"/"histograms") are not charted here: counted as skipped.
        if (matrix) {
            const QJsonArray values = object.value("values"_L1).toArray();
            series.points.reserve(values.size());
            for (const QJsonValue &v : values) {
                const PointResult p = parsePoint(v);
                if (p.ok)
                    series.points.append(p.point);
                else
                    ++result.skippedPoints;
            }
            result.skippedPoints += int(object.value("histograms"_L1).toArray().size());
        } else {
            const PointResult p = parsePoint(object.value("value"_L1));
            if (p.ok)
                series.points.append(p.point);
            else
                ++result.skippedPoints;
        }
        if (!series.points.isEmpty())
            result.series.append(series);
    }
    return result;
}

} // namespace tideline
