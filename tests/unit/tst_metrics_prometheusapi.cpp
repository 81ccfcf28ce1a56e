#include "metrics/PrometheusApi.h"
#include "metrics/PrometheusQueryClient.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace tideline;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// NaN == NaN for the tables' purposes.
bool sameValue(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

QByteArray success(const QByteArray &data)
{
    return "{\"status\":\"success\",\"data\":" + data + "}";
}

QByteArray vectorOf(const QByteArray &value)
{
    return success("{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"__name__\":\"g\"},\"value\":[1700000000,\""
                   + value + "\"]}]}");
}

} // namespace

class TestPrometheusApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseQueryResponse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorCode"); // empty: success
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("seriesCount");
        QTest::addColumn<QString>("firstKey");   // MetricSeriesKey::toString()
        QTest::addColumn<int>("firstPoints");
        QTest::addColumn<qint64>("firstTime");
        QTest::addColumn<double>("firstValue");

        QTest::newRow("vector") << success("{\"resultType\":\"vector\",\"result\":["
                                           "{\"metric\":{\"__name__\":\"up\",\"job\":\"prometheus\",\"instance\":\"h:9090\"},"
                                           "\"value\":[1435781451.781,\"1\"]},"
                                           "{\"metric\":{\"__name__\":\"up\",\"job\":\"node\",\"instance\":\"h:9100\"},"
                                           "\"value\":[1435781451.781,\"0\"]}]}")
                                << 200 << QString() << QString() << u"vector"_s << 2
                                << u"up{instance=\"h:9090\",job=\"prometheus\"}"_s << 1 << qint64(1435781451781) << 1.0;
        QTest::newRow("vector without __name__")
            << success("{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1700000000,\"42.5\"]}]}")
            << 200 << QString() << QString() << u"vector"_s << 1 << QString() << 1 << qint64(1700000000000) << 42.5;
        QTest::newRow("empty vector") << success("{\"resultType\":\"vector\",\"result\":[]}") << 200 << QString()
                                      << QString() << u"vector"_s << 0 << QString() << 0 << qint64(0) << 0.0;
        QTest::newRow("NaN") << vectorOf("NaN") << 200 << QString() << QString() << u"vector"_s << 1 << u"g"_s << 1
                             << qint64(1700000000000) << kNaN;
        QTest::newRow("+Inf") << vectorOf("+Inf") << 200 << QString() << QString() << u"vector"_s << 1 << u"g"_s << 1
                              << qint64(1700000000000) << kInf;
        QTest::newRow("-Inf") << vectorOf("-Inf") << 200 << QString() << QString() << u"vector"_s << 1 << u"g"_s << 1
                              << qint64(1700000000000) << -kInf;
        QTest::newRow("exponent") << vectorOf("1.5e+06") << 200 << QString() << QString() << u"vector"_s << 1 << u"g"_s
                                  << 1 << qint64(1700000000000) << 1.5e6;
        QTest::newRow("unparsable value skipped") << vectorOf("lots") << 200 << QString() << QString() << u"vector"_s
                                                  << 0 << QString() << 0 << qint64(0) << 0.0;
        QTest::newRow("matrix") << success("{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"__name__\":\"depth\","
                                           "\"queue\":\"q\"},\"values\":[[1700000000,\"500\"],[1700000015,\"NaN\"],"
                                           "[1700000030,\"300\"],[\"bad\",\"1\"]]}]}")
                                << 200 << QString() << QString() << u"matrix"_s << 1 << u"depth{queue=\"q\"}"_s << 3
                                << qint64(1700000000000) << 500.0;
        QTest::newRow("scalar") << success("{\"resultType\":\"scalar\",\"result\":[1700000000.25,\"2\"]}") << 200
                                << QString() << QString() << u"scalar"_s << 1 << QString() << 1
                                << qint64(1700000000250) << 2.0;
        QTest::newRow("string") << success("{\"resultType\":\"string\",\"result\":[1700000000,\"hello\"]}") << 200
                                << QString() << QString() << u"string"_s << 0 << QString() << 0 << qint64(0) << 0.0;

        QTest::newRow("bad_data") << QByteArray("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":"
                                                "\"1:5: parse error: unexpected right parenthesis ')'\"}")
                                  << 400 << u"prometheus.bad_data"_s
                                  << u"the query is not valid: 1:5: parse error: unexpected right parenthesis ')'"_s
                                  << QString() << 0 << QString() << 0 << qint64(0) << 0.0;
        QTest::newRow("execution") << QByteArray("{\"status\":\"error\",\"errorType\":\"execution\",\"error\":"
                                                 "\"found duplicate series for the match group\"}")
                                   << 422 << u"prometheus.execution"_s << u"the query failed: found duplicate"_s
                                   << QString() << 0 << QString() << 0 << qint64(0) << 0.0;
        QTest::newRow("timeout") << QByteArray("{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":"
                                               "\"query timed out in expression evaluation\"}")
                                 << 503 << u"prometheus.timeout"_s << u"the query timed out on the server"_s
                                 << QString() << 0 << QString() << 0 << qint64(0) << 0.0;
        QTest::newRow("other errorType") << QByteArray("{\"status\":\"error\",\"errorType\":\"weird\",\"error\":\"x\"}")
                                         << 500 << u"prometheus.error"_s << u"weird"_s << QString() << 0 << QString()
                                         << 0 << qint64(0) << 0.0;
        QTest::newRow("garbage JSON") << QByteArray("{\"status\":\"success\",\"data\":{") << 200 << u"metrics.json"_s
                                      << u"response is not valid JSON at offset"_s << QString() << 0 << QString() << 0
                                      << qint64(0) << 0.0;
        QTest::newRow("html 404") << QByteArray("<html>404 page not found</html>") << 404 << u"metrics.not_found"_s
                                  << u"Prometheus server URL"_s << QString() << 0 << QString() << 0 << qint64(0)
                                  << 0.0;
        QTest::newRow("html 502") << QByteArray("<html>Bad Gateway</html>") << 502 << u"metrics.http"_s
                                  << u"HTTP 502"_s << QString() << 0 << QString() << 0 << qint64(0) << 0.0;
        QTest::newRow("no status") << QByteArray("{\"data\":{}}") << 200 << u"prometheus.format"_s << QString()
                                   << QString() << 0 << QString() << 0 << qint64(0) << 0.0;
        QTest::newRow("array") << QByteArray("[1,2]") << 200 << u"prometheus.format"_s << QString() << QString() << 0
                               << QString() << 0 << qint64(0) << 0.0;
        QTest::newRow("unknown resultType") << success("{\"resultType\":\"table\",\"result\":[]}") << 200
                                            << u"prometheus.format"_s << u"table"_s << QString() << 0 << QString() << 0
                                            << qint64(0) << 0.0;
        QTest::newRow("result not a list") << success("{\"resultType\":\"vector\",\"result\":{}}") << 200
                                           << u"prometheus.format"_s << QString() << QString() << 0 << QString() << 0
                                           << qint64(0) << 0.0;
        QTest::newRow("scalar malformed") << success("{\"resultType\":\"scalar\",\"result\":[1,2]}") << 200
                                          << u"prometheus.format"_s << QString() << QString() << 0 << QString() << 0
                                          << qint64(0) << 0.0;
    }
    void parseQueryResponse()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, errorCode);
        QFETCH(QString, messagePart);
        QFETCH(QString, type);
        QFETCH(int, seriesCount);
        QFETCH(QString, firstKey);
        QFETCH(int, firstPoints);
        QFETCH(qint64, firstTime);
        QFETCH(double, firstValue);

        const auto result = PrometheusApi::parseQueryResponse(body, status, u"src"_s);
        if (!errorCode.isEmpty()) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, errorCode);
            QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(PrometheusApi::typeName(result.value().type), type);
        QCOMPARE(result.value().series.size(), seriesCount);
        if (seriesCount == 0)
            return;
        const MetricSeries &first = result.value().series.constFirst();
        QCOMPARE(first.key.source, u"src"_s);
        QCOMPARE(first.key.toString(), firstKey);
        QCOMPARE(first.points.size(), firstPoints);
        QCOMPARE(first.points.constFirst().timestampMs, firstTime);
        QVERIFY2(sameValue(first.points.constFirst().value, firstValue),
                 qPrintable(QString::number(first.points.constFirst().value)));
    }

    void matrixValues()
    {
        const auto result = PrometheusApi::parseQueryResponse(
            success("{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"__name__\":\"d\"},\"values\":"
                    "[[1700000000,\"500\"],[1700000015,\"NaN\"],[1700000030,\"+Inf\"],[1700000045,\"-3.25\"]]}]}"),
            200, u"s"_s);
        QVERIFY(result.ok());
        const QList<MetricPoint> &p = result.value().series.constFirst().points;
        QCOMPARE(p.size(), 4);
        QCOMPARE(p[1].timestampMs, 1700000015000);
        QVERIFY(std::isnan(p[1].value));
        QVERIFY(std::isinf(p[2].value) && p[2].value > 0);
        QCOMPARE(p[3].value, -3.25);
    }

    void stringAndWarnings()
    {
        const auto result = PrometheusApi::parseQueryResponse(
            "{\"status\":\"success\",\"warnings\":[\"results truncated\"],\"data\":{\"resultType\":\"string\","
            "\"result\":[1700000000,\"hello\"]}}",
            200, u"s"_s);
        QVERIFY(result.ok());
        QCOMPARE(result.value().stringValue, u"hello"_s);
        QCOMPARE(result.value().stringTimeMs, 1700000000000);
        QCOMPARE(result.value().warnings, QStringList{u"results truncated"_s});
    }

    void parseValue_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("expected");
        QTest::newRow("integer") << u"500"_s << true << 500.0;
        QTest::newRow("decimal") << u"0.25"_s << true << 0.25;
        QTest::newRow("negative") << u"-7.5"_s << true << -7.5;
        QTest::newRow("plus sign") << u"+3"_s << true << 3.0;
        QTest::newRow("exponent") << u"1e-3"_s << true << 0.001;
        QTest::newRow("NaN") << u"NaN"_s << true << kNaN;
        QTest::newRow("+Inf") << u"+Inf"_s << true << kInf;
        QTest::newRow("-Inf") << u"-Inf"_s << true << -kInf;
        QTest::newRow("Inf") << u"Inf"_s << true << kInf;
        QTest::newRow("empty") << QString() << false << 0.0;
        QTest::newRow("word") << u"many"_s << false << 0.0;
        QTest::newRow("comma decimal") << u"1,5"_s << false << 0.0;
    }
    void parseValue()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(double, expected);
        const std::optional<double> v = PrometheusApi::parseValue(text);
        QCOMPARE(v.has_value(), ok);
        if (ok)
            QVERIFY2(sameValue(*v, expected), qPrintable(QString::number(*v)));
    }

    void formatValue_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("integer") << 500.0 << u"500"_s;
        QTest::newRow("fraction") << 0.1 << u"0.1"_s;
        QTest::newRow("NaN") << kNaN << u"NaN"_s;
        QTest::newRow("+Inf") << kInf << u"+Inf"_s;
        QTest::newRow("-Inf") << -kInf << u"-Inf"_s;
    }
    void formatValue()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(PrometheusApi::formatValue(value), expected);
    }

    void parseDuration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expectedMs"); // -1: invalid
        QTest::newRow("seconds") << u"15s"_s << qint64(15000);
        QTest::newRow("hour") << u"1h"_s << qint64(3600000);
        QTest::newRow("compound") << u"1h30m"_s << qint64(5400000);
        QTest::newRow("milliseconds") << u"500ms"_s << qint64(500);
        QTest::newRow("days and weeks") << u"1w2d"_s << qint64(9LL * 86400000);
        QTest::newRow("plain seconds") << u"30"_s << qint64(30000);
        QTest::newRow("fractional seconds") << u"0.5"_s << qint64(500);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("zero") << u"0s"_s << qint64(-1);
        QTest::newRow("negative") << u"-5"_s << qint64(-1);
        QTest::newRow("unit order") << u"30m1h"_s << qint64(-1);
        QTest::newRow("repeated unit") << u"1h1h"_s << qint64(-1);
        QTest::newRow("unknown unit") << u"5x"_s << qint64(-1);
        QTest::newRow("no number") << u"h"_s << qint64(-1);
        QTest::newRow("overflow") << u"999999999999y"_s << qint64(-1);
    }
    void parseDuration()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expectedMs);
        const std::optional<qint64> ms = PrometheusApi::parseDurationMs(text);
        QCOMPARE(ms.value_or(-1), expectedMs);
    }

    void formatTime()
    {
        QCOMPARE(PrometheusApi::formatTime(1700000000000), u"1700000000"_s);
        QCOMPARE(PrometheusApi::formatTime(1700000000250), u"1700000000.250"_s);
        QCOMPARE(PrometheusApi::formatTime(15000), u"15"_s);
    }

    void endpointUrl()
    {
        const QUrl url = PrometheusApi::endpointUrl(QUrl(u"http://h:9090/prom/"_s), u"query"_s,
                                                    {{u"query"_s, u"sum(rate(x{a=~\"b|c&d\"}[5m])) + 1"_s},
                                                     {u"time"_s, u"1700000000.5"_s}});
        QCOMPARE(url.toEncoded(),
                 QByteArray("http://h:9090/prom/api/v1/query?query=sum%28rate%28x%7Ba%3D~%22b%7Cc%26d%22%7D%5B5m%5D%29%29"
                            "%20%2B%201&time=1700000000.5"));
        // The server decodes it back to the expression.
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(u"query"_s, QUrl::FullyDecoded), u"sum(rate(x{a=~\"b|c&d\"}[5m])) + 1"_s);
    }

    void clientUrls()
    {
        PrometheusQueryClient client({QUrl(u"http://127.0.0.1:9090"_s), {}, 1000});
        QCOMPARE(client.sourceId(), u"prometheus http://127.0.0.1:9090"_s);
        QCOMPARE(client.queryUrl(u"query_range"_s, {{u"query"_s, u"up"_s}, {u"step"_s, u"15"_s}}).toEncoded(),
                 QByteArray("http://127.0.0.1:9090/api/v1/query_range?query=up&step=15"));
        PrometheusQueryClient slash({QUrl(u"http://127.0.0.1:9090/"_s), {}, 1000});
        QCOMPARE(slash.queryUrl(u"query"_s, {{u"query"_s, u"up"_s}}).toEncoded(),
                 QByteArray("http://127.0.0.1:9090/api/v1/query?query=up"));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusApi)
#include "tst_metrics_prometheusapi.moc"
