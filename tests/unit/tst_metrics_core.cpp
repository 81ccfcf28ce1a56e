#include "metrics/MetricHttp.h"
#include "metrics/MetricTypes.h"
#include "metrics/PrometheusScrapeSource.h"
#include "metrics/PrometheusText.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tideline;

class TestMetricsCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seriesKey()
    {
        const MetricSeriesKey a{u"s"_s, u"depth"_s, {{u"queue"_s, u"q\"1\\\n"_s}, {u"a"_s, u"x"_s}}};
        QCOMPARE(a.toString(), u"depth{a=\"x\",queue=\"q\\\"1\\\\\\n\"}"_s);
        // Label order does not matter; the source does.
        MetricSeriesKey b{u"s"_s, u"depth"_s, {}};
        b.labels.insert(u"queue"_s, u"q\"1\\\n"_s);
        b.labels.insert(u"a"_s, u"x"_s);
        QCOMPARE(a, b);
        QCOMPARE(qHash(a), qHash(b));
        b.source = u"t"_s;
        QVERIFY(!(a == b));
        QCOMPARE((MetricSeriesKey{u"s"_s, u"up"_s, {}}).toString(), u"up"_s);

        QHash<MetricSeriesKey, int> hash;
        hash.insert(a, 1);
        hash.insert(b, 2);
        QCOMPARE(hash.size(), 2);
    }

    void transportError_data()
    {
        QTest::addColumn<int>("networkError");
        QTest::addColumn<bool>("timedOut");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError) << false << 1000 << u"metrics.refused"_s
                                 << u"connection refused: nothing listens on 127.0.0.1:9"_s;
        QTest::newRow("timeout whole seconds") << int(QNetworkReply::OperationCanceledError) << true << 30000
                                               << u"metrics.timeout"_s << u"timed out after 30 s"_s;
        QTest::newRow("timeout fraction") << int(QNetworkReply::OperationCanceledError) << true << 1500
                                          << u"metrics.timeout"_s << u"timed out after 1.5 s"_s;
        QTest::newRow("host not found") << int(QNetworkReply::HostNotFoundError) << false << 1000 << u"metrics.host"_s
                                        << u"host not found: 127.0.0.1"_s;
        QTest::newRow("closed") << int(QNetworkReply::RemoteHostClosedError) << false << 1000 << u"metrics.closed"_s
                                << u"the server at 127.0.0.1:9 closed the connection without answering"_s;
    }
    void transportError()
    {
        QFETCH(int, networkError);
        QFETCH(bool, timedOut);
        QFETCH(int, timeoutMs);
        QFETCH(QString, code);
        QFETCH(QString, message);
        MetricHttp::Response response;
        response.url = QUrl(u"http://127.0.0.1:9/metrics"_s);
        response.networkError = QNetworkReply::NetworkError(networkError);
        response.timedOut = timedOut;
        const Error error = MetricHttp::transportError(response, timeoutMs);
        QCOMPARE(error.code, code);
        QCOMPARE(error.message, message);
    }

    void httpStatusError_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("401") << 401 << QByteArray("Unauthorized") << u"metrics.auth"_s
                             << u"401 Unauthorized: check the user and password"_s;
        QTest::newRow("403") << 403 << QByteArray("Forbidden") << u"metrics.forbidden"_s
                             << u"403 Forbidden: the user may not read this"_s;
        QTest::newRow("404") << 404 << QByteArray("Not Found") << u"metrics.not_found"_s
                             << u"404 Not Found: check the URL (/x)"_s;
        QTest::newRow("500") << 500 << QByteArray("Internal Server Error") << u"metrics.http"_s
                             << u"HTTP 500 Internal Server Error"_s;
        QTest::newRow("502 no reason") << 502 << QByteArray() << u"metrics.http"_s << u"HTTP 502"_s;
    }
    void httpStatusError()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        QFETCH(QString, code);
        QFETCH(QString, message);
        MetricHttp::Response response;
        response.url = QUrl(u"http://h/x"_s);
        response.status = status;
        response.reason = reason;
        const Error error = MetricHttp::httpStatusError(response);
        QCOMPARE(error.code, code);
        QCOMPARE(error.message, message);
    }

    void parseJson()
    {
        QVERIFY(MetricHttp::parseJson("{\"a\":1}").ok());
        const auto bad = MetricHttp::parseJson("{\"a\":1,}");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, u"metrics.json"_s);
        QVERIFY2(bad.error().message.startsWith(u"response is not valid JSON at offset 8"_s),
                 qPrintable(bad.error().message));
    }

    void displayUrlHidesPassword()
    {
        QCOMPARE(MetricHttp::displayUrl(QUrl(u"https://ops:hunter2@mq.example:15671/"_s)),
                 u"https://mq.example:15671/"_s);
    }

    void missingCaFile()
    {
        const auto ssl = MetricHttp::sslConfiguration({u"/nonexistent/ca.pem"_s, true});
        QVERIFY(!ssl.ok());
        QCOMPARE(ssl.error().code, u"metrics.cafile"_s);
        QVERIFY(ssl.error().message.contains(u"/nonexistent/ca.pem"_s));
    }

    void nameMatches_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("family");
        QTest::addColumn<bool>("expected");
        QTest::newRow("empty matches all") << QString() << u"a"_s << u"a"_s << true;
        QTest::newRow("exact") << u"up"_s << u"up"_s << u"up"_s << true;
        QTest::newRow("exact other") << u"up"_s << u"upx"_s << u"upx"_s << false;
        QTest::newRow("family") << u"http_seconds"_s << u"http_seconds_bucket"_s << u"http_seconds"_s << true;
        QTest::newRow("wildcard") << u"rabbitmq_queue_*"_s << u"rabbitmq_queue_messages"_s << QString() << true;
        QTest::newRow("wildcard anchored") << u"queue_*"_s << u"rabbitmq_queue_messages"_s << QString() << false;
        QTest::newRow("question mark") << u"up?"_s << u"up2"_s << QString() << true;
    }
    void nameMatches()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, sample);
        QFETCH(QString, family);
        QFETCH(bool, expected);
        QCOMPARE(PrometheusScrapeSource::nameMatches(pattern, sample, family), expected);
    }

    void scrapeSamples()
    {
        const auto parsed = PrometheusText::parse("# TYPE depth gauge\n"
                                                  "depth{queue=\"a\",vhost=\"/\"} 500\n"
                                                  "depth{queue=\"b\",vhost=\"/\"} NaN 1700000000123\n"
                                                  "other 1\n");
        const QList<MetricSample> all = PrometheusScrapeSource::toSamples(parsed, {}, u"s"_s, 99);
        QCOMPARE(all.size(), 3);
        const QList<MetricSample> depth = PrometheusScrapeSource::toSamples(parsed, u"depth"_s, u"s"_s, 99);
        QCOMPARE(depth.size(), 2);
        QCOMPARE(depth[0].key.toString(), u"depth{queue=\"a\",vhost=\"/\"}"_s);
        QCOMPARE(depth[0].point.value, 500.0);
        QCOMPARE(depth[0].point.timestampMs, 99);
        QCOMPARE(depth[1].point.timestampMs, 1700000000123);
        QVERIFY(std::isnan(depth[1].point.value));
    }
};

QTEST_GUILESS_MAIN(TestMetricsCore)
#include "tst_metrics_core.moc"
