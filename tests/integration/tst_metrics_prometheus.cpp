#include "PrometheusProcess.h"
#include "TestHttpServer.h"
#include "TestServers.h"

#include "metrics/PrometheusQueryClient.h"
#include "metrics/PrometheusQuerySource.h"
#include "metrics/PrometheusScrapeSource.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace tideline;
using namespace tideline::test;

namespace {

QByteArray exposition(double orders, double audit)
{
    return "# HELP tideline_test_queue_depth Messages waiting.\n"
           "# TYPE tideline_test_queue_depth gauge\n"
           "tideline_test_queue_depth{queue=\"orders\"} "
           + QByteArray::number(orders)
           + "\n"
             "tideline_test_queue_depth{queue=\"audit\"} "
           + QByteArray::number(audit)
           + "\n"
             "# TYPE tideline_test_special gauge\n"
             "tideline_test_special{kind=\"nan\"} NaN\n"
             "tideline_test_special{kind=\"inf\"} +Inf\n"
             "tideline_test_special{kind=\"neginf\"} -Inf\n";
}

using QueryResult = Result<PrometheusApi::QueryResult>;

// Runs one query to its answer while the event loop (and so the test's HTTP server) keeps going.
std::optional<QueryResult> ask(PrometheusQueryClient &client, const std::function<void(PrometheusQueryClient::Callback)> &send,
                               int timeoutMs = 20000)
{
    std::optional<QueryResult> answer;
    send([&answer](const QueryResult &r) { answer = r; });
    QElapsedTimer clock;
    clock.start();
    while (!answer && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    Q_UNUSED(client);
    return answer;
}

std::optional<QueryResult> instant(PrometheusQueryClient &client, const QString &promql)
{
    return ask(client, [&](PrometheusQueryClient::Callback done) { client.query(promql, std::nullopt, done); });
}

// The value of the single series an instant query returns, or NaN-free sentinel -1 when not (yet) there.
double singleValue(PrometheusQueryClient &client, const QString &promql)
{
    const auto answer = instant(client, promql);
    if (!answer || !answer->ok() || answer->value().series.size() != 1
        || answer->value().series.constFirst().points.size() != 1)
        return -1;
    return answer->value().series.constFirst().points.constFirst().value;
}

QString errorOf(const std::optional<QueryResult> &answer)
{
    if (!answer)
        return u"(no answer)"_s;
    return answer->ok() ? u"(success)"_s : answer->error().message;
}

} // namespace

// The Prometheus side of the metrics feature against real servers: the test's own exposition
// endpoint, scraped by a real Prometheus, queried through PrometheusQueryClient.
class TestMetricsPrometheus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_http.listen(&error), qPrintable(error));
        m_http.setResponse("/metrics", TestHttpServer::text(exposition(42, 7)));
        m_http.setResponse("/hang", TestHttpServer::hanging());
        m_http.setResponse("/garbage", TestHttpServer::json("{\"status\":\"success\",\"data\":{\"resultType\":"));
        m_http.setResponse("/api/v1/query", TestHttpServer::json("{\"status\":\"succ"));
        m_http.setResponse("/error500", TestHttpServer::text("boom\n", 500, "Internal Server Error"));
        m_http.setResponse("/html", TestHttpServer::text("<html><body>Hello</body></html>\n"));

        PrometheusProcess::Options options;
        options.targets.append({u"127.0.0.1:%1"_s.arg(m_http.port()), u"/metrics"_s, u"tideline-test"_s});
        m_prometheus = std::make_unique<PrometheusProcess>(options);
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(m_prometheus->start(&error), qPrintable(error));
        qInfo("prometheus ready after %lld ms", clock.elapsed());
    }

    void cleanupTestCase()
    {
        m_prometheus.reset();
    }

    void scrapeSourceReadsEndpoint()
    {
        PrometheusScrapeSource source({QUrl(m_http.url(u"/metrics"_s)), u"tideline_test_queue_depth"_s, {}});
        QSignalSpy samples(&source, &MetricSource::samplesReady);
        QSignalSpy states(&source, &MetricSource::stateChanged);
        source.refresh();
        QVERIFY(samples.wait(10000));
        QCOMPARE(source.state(), MetricSource::State::Ok);
        QCOMPARE(states.size(), 1);
        const auto list = samples.at(0).at(0).value<QList<MetricSample>>();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].key.toString(), u"tideline_test_queue_depth{queue=\"orders\"}"_s);
        QCOMPARE(list[0].point.value, 42.0);
        QCOMPARE(list[1].point.value, 7.0);
        QVERIFY(list[0].key.source.startsWith(u"scrape http://127.0.0.1:"_s));
        // What the server was asked for: the text format.
        QVERIFY(m_http.requests().constLast().header("accept").startsWith("text/plain;version=0.0.4"));
    }

    void scrapeSourceFailures_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        QTest::newRow("HTTP 500") << u"/error500"_s << u"HTTP 500 Internal Server Error"_s;
        QTest::newRow("404") << u"/nothing-here"_s << u"404 Not Found: check the URL (/nothing-here)"_s;
        QTest::newRow("not exposition format") << u"/html"_s
                                               << u"the response is not in the Prometheus text format (line 1"_s;
    }
    void scrapeSourceFailures()
    {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        PrometheusScrapeSource source({QUrl(m_http.url(path)), {}, {}});
        QSignalSpy finished(&source, &MetricSource::refreshFinished);
        source.refresh();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(source.state(), MetricSource::State::Failing);
        QVERIFY2(source.stateReason().startsWith(reason), qPrintable(source.stateReason()));
    }

    void sourceRecoversAndKeepsPolling()
    {
        m_http.setResponse("/flaky", TestHttpServer::text("oops\n", 503, "Service Unavailable"));
        PrometheusScrapeSource source({QUrl(m_http.url(u"/flaky"_s)), {}, {}});
        source.setIntervalMs(200);
        QSignalSpy states(&source, &MetricSource::stateChanged);
        source.start();
        QTRY_COMPARE_WITH_TIMEOUT(source.state(), MetricSource::State::Failing, 10000);
        QCOMPARE(source.stateReason(), u"HTTP 503 Service Unavailable"_s);
        m_http.setResponse("/flaky", TestHttpServer::text(exposition(1, 2)));
        QTRY_COMPARE_WITH_TIMEOUT(source.state(), MetricSource::State::Ok, 10000);
        QVERIFY(source.stateReason().isEmpty());
        source.stop();
        QCOMPARE(source.state(), MetricSource::State::Idle);
        QCOMPARE(states.size(), 3); // Failing, Ok, Idle
        QVERIFY(m_http.requestCount("/flaky") >= 2);
    }

    void instantQuery()
    {
        PrometheusQueryClient client({QUrl(m_prometheus->url()), {}, 10000});
        // Prometheus scrapes every second; the first scrape lands within a couple of seconds.
        QTRY_COMPARE_WITH_TIMEOUT(singleValue(client, u"tideline_test_queue_depth{queue=\"orders\"}"_s), 42.0, 30000);
        const auto answer = instant(client, u"tideline_test_queue_depth"_s);
        QVERIFY2(answer && answer->ok(), qPrintable(errorOf(answer)));
        QCOMPARE(answer->value().type, PrometheusApi::QueryResult::Type::Vector);
        QCOMPARE(answer->value().series.size(), 2);
        QHash<QString, double> values;
        for (const MetricSeries &s : answer->value().series) {
            QCOMPARE(s.key.name, u"tideline_test_queue_depth"_s);
            QCOMPARE(s.key.labels.value(u"job"_s), u"tideline-test"_s);
            QCOMPARE(s.key.labels.value(u"instance"_s), u"127.0.0.1:%1"_s.arg(m_http.port()));
            values.insert(s.key.labels.value(u"queue"_s), s.points.constFirst().value);
        }
        QCOMPARE(values.value(u"orders"_s), 42.0);
        QCOMPARE(values.value(u"audit"_s), 7.0);

        // An expression without a metric name, and a scalar.
        QCOMPARE(singleValue(client, u"sum(tideline_test_queue_depth)"_s), 49.0);
        const auto scalar = instant(client, u"scalar(sum(tideline_test_queue_depth)) * 2"_s);
        QVERIFY2(scalar && scalar->ok(), qPrintable(errorOf(scalar)));
        QCOMPARE(scalar->value().type, PrometheusApi::QueryResult::Type::Scalar);
        QCOMPARE(scalar->value().series.constFirst().points.constFirst().value, 98.0);
    }

    void specialValues()
    {
        PrometheusQueryClient client({QUrl(m_prometheus->url()), {}, 10000});
        QTRY_VERIFY_WITH_TIMEOUT(std::isnan(singleValue(client, u"tideline_test_special{kind=\"nan\"}"_s)), 30000);
        const double inf = singleValue(client, u"tideline_test_special{kind=\"inf\"}"_s);
        QVERIFY(std::isinf(inf) && inf > 0);
        const double negInf = singleValue(client, u"tideline_test_special{kind=\"neginf\"}"_s);
        QVERIFY(std::isinf(negInf) && negInf < 0);
    }

    void rangeQuery()
    {
        PrometheusQueryClient client({QUrl(m_prometheus->url()), {}, 10000});
        QTRY_COMPARE_WITH_TIMEOUT(singleValue(client, u"tideline_test_queue_depth{queue=\"orders\"}"_s), 42.0, 30000);
        m_http.setResponse("/metrics", TestHttpServer::text(exposition(17, 7)));
        QTRY_COMPARE_WITH_TIMEOUT(singleValue(client, u"tideline_test_queue_depth{queue=\"orders\"}"_s), 17.0, 30000);

        const qint64 end = QDateTime::currentMSecsSinceEpoch();
        const qint64 start = end - 120'000;
        const auto answer = ask(client, [&](PrometheusQueryClient::Callback done) {
            client.queryRange(u"tideline_test_queue_depth{queue=\"orders\"}"_s, start, end, 1000, done);
        });
        QVERIFY2(answer && answer->ok(), qPrintable(errorOf(answer)));
        QCOMPARE(answer->value().type, PrometheusApi::QueryResult::Type::Matrix);
        QCOMPARE(answer->value().series.size(), 1);
        const QList<MetricPoint> &points = answer->value().series.constFirst().points;
        QVERIFY2(points.size() >= 2, qPrintable(QString::number(points.size())));
        QSet<double> seen;
        for (qsizetype i = 0; i < points.size(); ++i) {
            seen.insert(points[i].value);
            QVERIFY(points[i].timestampMs >= start && points[i].timestampMs <= end);
            if (i > 0)
                QCOMPARE(points[i].timestampMs - points[i - 1].timestampMs, 1000); // the step
        }
        QCOMPARE(seen, (QSet<double>{42.0, 17.0}));
        QCOMPARE(points.constFirst().value, 42.0);
        QCOMPARE(points.constLast().value, 17.0);
        m_http.setResponse("/metrics", TestHttpServer::text(exposition(42, 7)));
    }

    void querySource()
    {
        PrometheusQuerySource source({QUrl(m_prometheus->url()), u"sum(tideline_test_special{kind=\"inf\"})"_s, {}});
        QSignalSpy samples(&source, &MetricSource::samplesReady);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                source.refresh();
                return samples.wait(5000) && !samples.constLast().at(0).value<QList<MetricSample>>().isEmpty();
            }(),
            30000);
        const auto list = samples.constLast().at(0).value<QList<MetricSample>>();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].key.name, u"sum(tideline_test_special{kind=\"inf\"})"_s);
        QVERIFY(std::isinf(list[0].point.value));
    }

    void badQuery()
    {
        PrometheusQueryClient client({QUrl(m_prometheus->url()), {}, 10000});
        const auto answer = instant(client, u"sum(tideline_test_queue_depth"_s);
        QVERIFY(answer && !answer->ok());
        QCOMPARE(answer->error().code, u"prometheus.bad_data"_s);
        QVERIFY2(answer->error().message.startsWith(u"the query is not valid: "_s), qPrintable(answer->error().message));
        QVERIFY2(answer->error().message.contains(u"parse error"_s), qPrintable(answer->error().message));
    }

    void notPrometheus_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("reason");
        // /api/v1/query on the test server answers cut-off JSON.
        QTest::newRow("garbage JSON") << QString() << u"response is not valid JSON at offset"_s;
        QTest::newRow("404 page") << u"/elsewhere"_s << u"404 Not Found: is this a Prometheus server URL"_s;
    }
    void notPrometheus()
    {
        QFETCH(QString, base);
        QFETCH(QString, reason);
        PrometheusQueryClient client({QUrl(m_http.url(base)), {}, 5000});
        const auto answer = instant(client, u"up"_s);
        QVERIFY2(errorOf(answer).startsWith(reason), qPrintable(errorOf(answer)));
    }

    void hangingServerTimesOut()
    {
        // A server that accepts and never answers: the source reports a timeout after its
        // configured timeout, and the event loop runs all the while.
        PrometheusScrapeSource source({QUrl(m_http.url(u"/hang"_s)), {}, {}});
        source.setTimeoutMs(1500);
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(50);
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start();
        QSignalSpy finished(&source, &MetricSource::refreshFinished);
        QElapsedTimer clock;
        clock.start();
        source.refresh();
        QVERIFY(source.isBusy());
        QVERIFY(finished.wait(10000));
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(source.state(), MetricSource::State::Failing);
        QCOMPARE(source.stateReason(), u"timed out after 1.5 s"_s);
        QVERIFY2(elapsed >= 1400 && elapsed < 5000, qPrintable(QString::number(elapsed)));
        // 50 ms ticks over ~1.5 s: the loop was never blocked.
        QVERIFY2(ticks >= 20, qPrintable(QString::number(ticks)));
        QVERIFY(m_http.requestCount("/hang") >= 1);

        // The query client too.
        PrometheusQueryClient client({QUrl(m_http.url(u"/hang"_s)), {}, 1000});
        m_http.setResponse("/hang/api/v1/query", TestHttpServer::hanging());
        const int ticksBefore = ticks;
        clock.restart();
        const auto answer = instant(client, u"up"_s);
        QCOMPARE(errorOf(answer), u"timed out after 1 s"_s);
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(ticks - ticksBefore >= 10);
    }

    void stopCancelsRequestInFlight()
    {
        PrometheusScrapeSource source({QUrl(m_http.url(u"/hang"_s)), {}, {}});
        source.setTimeoutMs(800);
        QSignalSpy states(&source, &MetricSource::stateChanged);
        QSignalSpy finished(&source, &MetricSource::refreshFinished);
        source.start();
        QTRY_VERIFY_WITH_TIMEOUT(source.isBusy(), 2000);
        source.stop();
        QVERIFY(!source.isBusy());
        QTest::qWait(1500); // past the timeout: nothing may arrive for the canceled request
        QCOMPARE(source.state(), MetricSource::State::Idle);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(states.size(), 0); // Idle -> Idle is no change
    }

    void connectionRefused()
    {
        const quint16 port = freePort();
        PrometheusScrapeSource source({QUrl(u"http://127.0.0.1:%1/metrics"_s.arg(port)), {}, {}});
        QSignalSpy finished(&source, &MetricSource::refreshFinished);
        source.refresh();
        QVERIFY(finished.wait(10000));
        QCOMPARE(source.stateReason(), u"connection refused: nothing listens on 127.0.0.1:%1"_s.arg(port));
        QCOMPARE(source.lastError().code, u"metrics.refused"_s);

        PrometheusQueryClient client({QUrl(u"http://127.0.0.1:%1"_s.arg(port)), {}, 5000});
        QCOMPARE(errorOf(instant(client, u"up"_s)), u"connection refused: nothing listens on 127.0.0.1:%1"_s.arg(port));
    }

    void tls()
    {
        // The same server behind HTTPS (Prometheus's web config) with a throwaway CA.
        PrometheusProcess::Options options;
        options.tls = true;
        PrometheusProcess secure(options);
        QString error;
        QVERIFY2(secure.start(&error), qPrintable(error));
        QVERIFY(secure.url().startsWith(u"https://"_s));

        PrometheusQueryClient trusted({QUrl(secure.url()), {secure.caFile(), true}, 10000});
        const auto answer = instant(trusted, u"vector(5)"_s);
        QVERIFY2(answer && answer->ok(), qPrintable(errorOf(answer)));
        QCOMPARE(answer->value().series.constFirst().points.constFirst().value, 5.0);

        PrometheusQueryClient untrusted({QUrl(secure.url()), {}, 10000});
        const auto refused = instant(untrusted, u"vector(5)"_s);
        QVERIFY(refused && !refused->ok());
        QCOMPARE(refused->error().code, u"metrics.tls"_s);
        qInfo("untrusted: %s", qPrintable(refused->error().message));
        QVERIFY2(refused->error().message.startsWith(u"TLS handshake with 127.0.0.1:%1 failed: "_s.arg(secure.port())),
                 qPrintable(refused->error().message));

        PrometheusQueryClient insecure({QUrl(secure.url()), {{}, false}, 10000});
        const auto accepted = instant(insecure, u"vector(5)"_s);
        QVERIFY2(accepted && accepted->ok(), qPrintable(errorOf(accepted)));

        // A scrape source over TLS: Prometheus's own /metrics.
        PrometheusScrapeSource scrape({QUrl(secure.url() + u"/metrics"_s), u"prometheus_build_info"_s,
                                       {secure.caFile(), true}});
        QSignalSpy samples(&scrape, &MetricSource::samplesReady);
        scrape.refresh();
        QVERIFY(samples.wait(10000));
        QCOMPARE(samples.at(0).at(0).value<QList<MetricSample>>().size(), 1);

        // A CA file that is not there: the source says so instead of trying.
        PrometheusScrapeSource missing({QUrl(secure.url() + u"/metrics"_s), {}, {u"/nonexistent/ca.pem"_s, true}});
        QSignalSpy finished(&missing, &MetricSource::refreshFinished);
        missing.refresh();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(missing.stateReason(), u"cannot read the CA file /nonexistent/ca.pem"_s);
    }

private:
    TestHttpServer m_http;
    std::unique_ptr<PrometheusProcess> m_prometheus;
};

QTEST_GUILESS_MAIN(TestMetricsPrometheus)
#include "tst_metrics_prometheus.moc"
