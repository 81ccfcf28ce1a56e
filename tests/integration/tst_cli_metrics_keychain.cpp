#include "CliRunner.h"
#include "PrometheusProcess.h"
#include "RabbitMqProcess.h"
#include "TestHttpServer.h"
#include "TestServers.h"

#include "metrics/RabbitMqManagementSource.h"
#include "secrets/CredentialStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace tideline;
using namespace tideline::test;

// `tideline-cli metrics ...` as a user runs it: the built binary against a real RabbitMQ (its
// management API and its Prometheus endpoint) and a real Prometheus scraping that node. Runs
// inside scripts/with-keyring (the file name says "keychain"), so the password-from-keychain
// path meets a real Secret Service.

namespace {

const QString kQueue = u"cli.metrics"_s;
constexpr int kDepth = 120;

// The test's own HTTP server must answer the CLI: wait with the event loop running.
const CliRunner runCli(30000, CliRunner::Wait::EventLoop);

// The whitespace-separated cells of the first table row whose text contains `needle`.
QList<QByteArray> rowWith(const QByteArray &table, const QByteArray &needle)
{
    for (const QByteArray &line : lines(table)) {
        if (line.contains(needle))
            return line.simplified().split(' ');
    }
    return {};
}

} // namespace

class TestCliMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath() + u" was not built"_s));
        QVERIFY2(qEnvironmentVariableIsSet("TIDELINE_IN_KEYRING"),
                 "run through scripts/with-keyring (ctest does): the keychain case needs a Secret Service");
        QString error;
        QVERIFY2(m_http.listen(&error), qPrintable(error));
        m_http.setResponse("/hang", TestHttpServer::hanging());
        m_http.setResponse("/hang/api/queues", TestHttpServer::hanging());
        m_http.setResponse("/html", TestHttpServer::text("<html>hello</html>\n"));

        RabbitMqProcess::Options options;
        // Per-queue series on /metrics, so Prometheus records the depth of each queue.
        options.extraConfig << u"prometheus.return_per_object_metrics = true"_s;
        m_rabbit = std::make_unique<RabbitMqProcess>(options);
        QVERIFY2(m_rabbit->start(&error), qPrintable(error));
        qInfo("RabbitMQ started in %lld ms", m_rabbit->startDurationMs());
        QVERIFY2(m_rabbit->declareQueue(kQueue, &error), qPrintable(error));
        QVERIFY2(m_rabbit->publishToQueue(kQueue, kDepth, &error), qPrintable(error));

        PrometheusProcess::Options prometheus;
        prometheus.targets.append({u"127.0.0.1:%1"_s.arg(m_rabbit->prometheusPort()), u"/metrics"_s, u"rabbitmq"_s});
        m_prometheus = std::make_unique<PrometheusProcess>(prometheus);
        QVERIFY2(m_prometheus->start(&error), qPrintable(error));

        PrometheusProcess::Options secure;
        secure.tls = true;
        m_securePrometheus = std::make_unique<PrometheusProcess>(secure);
        QVERIFY2(m_securePrometheus->start(&error), qPrintable(error));

        // The password the keychain case finds, under the key the CLI documents.
        CredentialStore store;
        const auto written = store.writeSync(
            RabbitMqManagementSource::secretKey(QUrl(m_rabbit->managementUrl()), m_rabbit->username()),
            m_rabbit->password());
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    }

    void cleanupTestCase()
    {
        m_securePrometheus.reset();
        m_prometheus.reset();
        m_rabbit.reset();
    }

    void help()
    {
        const CliRun general = runCli({u"--help"_s});
        QVERIFY2(general.exitCode == 0, describe(general));
        for (const char *name : {"metrics rabbitmq  ", "metrics scrape", "metrics query"})
            QVERIFY2(general.out.contains(name), describe(general));
        const CliRun group = runCli({u"metrics"_s, u"--help"_s});
        QVERIFY2(group.exitCode == 0 && group.out.contains("metrics scrape"), describe(group));
        const CliRun command = runCli({u"help"_s, u"metrics"_s, u"rabbitmq"_s});
        QVERIFY2(command.exitCode == 0 && command.out.contains("--password-stdin"), describe(command));
        QVERIFY2(!command.out.contains("--password <"), describe(command)); // no option that takes it in argv
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        const QString mq = u"http://127.0.0.1:1"_s;
        QTest::newRow("no --password option")
            << QStringList{u"metrics"_s, u"rabbitmq"_s, u"--url"_s, mq, u"--user"_s, u"u"_s, u"--password"_s, u"x"_s}
            << QByteArray("Unknown option 'password'");
        QTest::newRow("password in the URL")
            << QStringList{u"metrics"_s, u"rabbitmq"_s, u"--url"_s, u"http://u:secret@127.0.0.1:1"_s}
            << QByteArray("Do not put a password in the URL");
        QTest::newRow("rabbitmq without url") << QStringList{u"metrics"_s, u"rabbitmq"_s, u"--user"_s, u"u"_s}
                                              << QByteArray("--url is required.");
        QTest::newRow("rabbitmq without user") << QStringList{u"metrics"_s, u"rabbitmq"_s, u"--url"_s, mq}
                                               << QByteArray("--user is required.");
        QTest::newRow("not http") << QStringList{u"metrics"_s, u"scrape"_s, u"--url"_s, u"ftp://h/metrics"_s}
                                  << QByteArray("must be an http:// or https:// URL");
        QTest::newRow("bad timeout") << QStringList{u"metrics"_s, u"scrape"_s, u"--url"_s, mq, u"--timeout"_s, u"0"_s}
                                     << QByteArray("--timeout must be");
        QTest::newRow("query without query") << QStringList{u"metrics"_s, u"query"_s, u"--prometheus"_s, mq}
                                             << QByteArray("--query is required.");
        QTest::newRow("bad range") << QStringList{u"metrics"_s, u"query"_s, u"--prometheus"_s, mq, u"--query"_s,
                                                  u"up"_s, u"--range"_s, u"an hour"_s}
                                   << QByteArray("--range must be a duration");
        QTest::newRow("step without range") << QStringList{u"metrics"_s, u"query"_s, u"--prometheus"_s, mq,
                                                           u"--query"_s, u"up"_s, u"--step"_s, u"15s"_s}
                                            << QByteArray("--step needs --range.");
        QTest::newRow("too many points") << QStringList{u"metrics"_s, u"query"_s, u"--prometheus"_s, mq, u"--query"_s,
                                                        u"up"_s, u"--range"_s, u"30d"_s, u"--step"_s, u"1s"_s}
                                         << QByteArray("more than 11000 points");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const CliRun run = runCli(args);
        QVERIFY2(run.finished && run.exitCode == 2, describe(run));
        QVERIFY2(run.err.contains(message), describe(run));
        QVERIFY2(run.out.isEmpty(), describe(run));
    }

    void rabbitmqTable()
    {
        const QStringList args{u"metrics"_s, u"rabbitmq"_s, u"--url"_s, m_rabbit->managementUrl(), u"--user"_s,
                               m_rabbit->username(), u"--password-stdin"_s, u"--vhost"_s, u"/"_s, u"--queue"_s, kQueue};
        CliRun run;
        // The management API's statistics lag the publishes by up to collect_statistics_interval.
        QTRY_VERIFY2_WITH_TIMEOUT((run = runCli(args, "guest\n"), rowWith(run.out, kQueue.toUtf8()).value(2) == "120"),
                                  describe(run), 30000);
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> out = lines(run.out);
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[0].simplified(), QByteArray("VHOST QUEUE MESSAGES READY UNACKED CONSUMERS PUBLISH/S DELIVER/S ACK/S"));
        const QList<QByteArray> row = rowWith(run.out, kQueue.toUtf8());
        QCOMPARE(row.value(0), QByteArray("/"));
        QCOMPARE(row.value(1), kQueue.toUtf8());
        QCOMPARE(row.value(3), QByteArray("120")); // ready
        QCOMPARE(row.value(4), QByteArray("0"));   // unacked
        QCOMPARE(row.value(5), QByteArray("0"));   // consumers
        // Aligned: every column starts at the same offset in the header and the row.
        QCOMPARE(out[0].indexOf("QUEUE"), out[1].indexOf(kQueue.toUtf8()));
        QVERIFY2(run.err.isEmpty(), describe(run));
    }

    void rabbitmqJsonWithKeychainPassword()
    {
        // No --password-stdin: the password stored in the keychain for guest@host:port is used.
        const QStringList args{u"metrics"_s, u"rabbitmq"_s, u"--url"_s, m_rabbit->managementUrl(), u"--user"_s,
                               m_rabbit->username(), u"--json"_s};
        CliRun run;
        QJsonObject mine;
        QTRY_VERIFY2_WITH_TIMEOUT(
            [&] {
                run = runCli(args);
                for (const QByteArray &line : lines(run.out)) {
                    const QJsonObject o = QJsonDocument::fromJson(line).object();
                    if (o.value(u"queue"_s).toString() == kQueue)
                        mine = o;
                }
                return run.exitCode == 0 && mine.value(u"messages"_s).toDouble() == kDepth;
            }(),
            describe(run), 30000);
        for (const QByteArray &line : lines(run.out)) {
            QJsonParseError error;
            QVERIFY2(QJsonDocument::fromJson(line, &error).isObject(), line.constData());
        }
        QCOMPARE(mine.value(u"vhost"_s).toString(), u"/"_s);
        QCOMPARE(mine.value(u"messages_ready"_s).toDouble(), double(kDepth));
        QCOMPARE(mine.value(u"messages_unacknowledged"_s).toDouble(), 0.0);
        QCOMPARE(mine.value(u"consumers"_s).toDouble(), 0.0);
        QVERIFY(mine.contains(u"publish_rate"_s) && mine.contains(u"ack_rate"_s));
    }

    void rabbitmqFailures_data()
    {
        QTest::addColumn<QString>("url"); // empty: the node's management API
        QTest::addColumn<QString>("user");
        QTest::addColumn<QByteArray>("stdinPassword"); // empty: no --password-stdin
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("stderrLine");
        QTest::newRow("wrong password") << QString() << u"guest"_s << QByteArray("wrong\n") << QStringList() << 1
                                        << QByteArray("tideline-cli: error: 401 Unauthorized: check the user and password");
        QTest::newRow("unknown vhost") << QString() << u"guest"_s << QByteArray("guest\n")
                                       << QStringList{u"--vhost"_s, u"nowhere"_s} << 1
                                       << QByteArray("tideline-cli: error: 404 Not Found: no vhost \"nowhere\"");
        QTest::newRow("nothing in the keychain") << QString() << u"nobody"_s << QByteArray() << QStringList() << 2
                                                 << QByteArray("in the keychain: pass it with --password-stdin.");
    }
    void rabbitmqFailures()
    {
        QFETCH(QString, url);
        QFETCH(QString, user);
        QFETCH(QByteArray, stdinPassword);
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, stderrLine);
        QStringList args{u"metrics"_s, u"rabbitmq"_s, u"--url"_s, url.isEmpty() ? m_rabbit->managementUrl() : url,
                         u"--user"_s, user};
        if (!stdinPassword.isEmpty())
            args << u"--password-stdin"_s;
        args << extra;
        const CliRun run = runCli(args, stdinPassword);
        QVERIFY2(run.finished && run.exitCode == exitCode, describe(run));
        QVERIFY2(run.err.contains(stderrLine), describe(run));
        QVERIFY2(run.out.isEmpty(), describe(run));
        QVERIFY2(!run.err.contains("wrong"), describe(run)); // the password is never echoed
    }

    void networkFailures_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("stderrLine");
        QTest::addColumn<int>("maxMs");
        const quint16 closed = freePort();
        const QString refused = u"http://127.0.0.1:%1"_s.arg(closed);
        const QByteArray refusedLine = "tideline-cli: error: connection refused: nothing listens on 127.0.0.1:"
                                       + QByteArray::number(closed) + '\n';
        QTest::newRow("rabbitmq refused") << QStringList{u"metrics"_s, u"rabbitmq"_s, u"--url"_s, refused, u"--user"_s,
                                                         u"guest"_s, u"--password-stdin"_s}
                                          << refusedLine << 10000;
        QTest::newRow("scrape refused") << QStringList{u"metrics"_s, u"scrape"_s, u"--url"_s, refused + u"/metrics"_s}
                                        << refusedLine << 10000;
        QTest::newRow("query refused")
            << QStringList{u"metrics"_s, u"query"_s, u"--prometheus"_s, refused, u"--query"_s, u"up"_s} << refusedLine
            << 10000;
        QTest::newRow("scrape hangs") << QStringList{u"metrics"_s, u"scrape"_s, u"--url"_s, m_http.url(u"/hang"_s),
                                                     u"--timeout"_s, u"1"_s}
                                      << QByteArray("tideline-cli: error: timed out after 1 s\n") << 5000;
        QTest::newRow("rabbitmq hangs") << QStringList{u"metrics"_s, u"rabbitmq"_s, u"--url"_s, m_http.url(u"/hang"_s),
                                                       u"--user"_s, u"guest"_s, u"--password-stdin"_s, u"--timeout"_s,
                                                       u"1.5"_s}
                                        << QByteArray("tideline-cli: error: timed out after 1.5 s\n") << 5000;
        QTest::newRow("scrape not exposition format")
            << QStringList{u"metrics"_s, u"scrape"_s, u"--url"_s, m_http.url(u"/html"_s)}
            << QByteArray("tideline-cli: error: the response is not in the Prometheus text format (line 1") << 10000;
    }
    void networkFailures()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, stderrLine);
        QFETCH(int, maxMs);
        const CliRun run = runCli(args, "guest\n");
        QVERIFY2(run.finished && run.exitCode == 1, describe(run));
        QVERIFY2(run.err.startsWith(stderrLine), describe(run));
        QCOMPARE(lines(run.err).size(), 1); // one line
        QVERIFY2(run.out.isEmpty(), describe(run));
        QVERIFY2(run.elapsedMs < maxMs, describe(run));
    }

    void scrapeRabbitMqEndpoint()
    {
        const QStringList args{u"metrics"_s, u"scrape"_s, u"--url"_s, m_rabbit->prometheusUrl(), u"--match"_s,
                               u"rabbitmq_queue_messages"_s};
        CliRun run;
        QTRY_VERIFY2_WITH_TIMEOUT((run = runCli(args), rowWith(run.out, QByteArray("queue=\"" + kQueue.toUtf8() + '"')).value(2) == "120"),
                                  describe(run), 30000);
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> out = lines(run.out);
        QCOMPARE(out.constFirst().simplified(), QByteArray("NAME LABELS VALUE"));
        for (qsizetype i = 1; i < out.size(); ++i)
            QVERIFY2(out[i].startsWith("rabbitmq_queue_messages "), out[i].constData());
        QVERIFY2(rowWith(run.out, kQueue.toUtf8()).value(1).contains("vhost=\"/\""), describe(run));

        const CliRun json = runCli({u"metrics"_s, u"scrape"_s, u"--url"_s, m_rabbit->prometheusUrl(), u"--match"_s,
                                    u"rabbitmq_queue_messages*"_s, u"--json"_s});
        QVERIFY2(json.exitCode == 0, describe(json));
        QSet<QString> names;
        for (const QByteArray &line : lines(json.out)) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY2(o.value(u"labels"_s).isObject(), line.constData());
            names.insert(o.value(u"name"_s).toString());
            if (o.value(u"name"_s).toString() == u"rabbitmq_queue_messages_ready"_s
                && o.value(u"labels"_s).toObject().value(u"queue"_s).toString() == kQueue)
                QCOMPARE(o.value(u"value"_s).toDouble(), double(kDepth));
        }
        QVERIFY2(names.contains(u"rabbitmq_queue_messages"_s) && names.contains(u"rabbitmq_queue_messages_ready"_s),
                 describe(json));

        const CliRun none = runCli({u"metrics"_s, u"scrape"_s, u"--url"_s, m_rabbit->prometheusUrl(), u"--match"_s,
                                    u"no_such_metric"_s});
        QVERIFY2(none.exitCode == 1 && none.err.contains("no sample matches \"no_such_metric\""), describe(none));
    }

    void queryPrometheus()
    {
        const QString selector = u"rabbitmq_queue_messages{queue=\"%1\"}"_s.arg(kQueue);
        const QStringList instant{u"metrics"_s, u"query"_s, u"--prometheus"_s, m_prometheus->url(), u"--query"_s, selector};
        CliRun run;
        // Prometheus scrapes the node every second; the first scrapes land within seconds.
        QTRY_VERIFY2_WITH_TIMEOUT((run = runCli(instant), rowWith(run.out, "rabbitmq_queue_messages{").value(1) == "120"),
                                  describe(run), 60000);
        QCOMPARE(lines(run.out).constFirst().simplified(), QByteArray("SERIES VALUE"));
        const QByteArray series = rowWith(run.out, "rabbitmq_queue_messages{").value(0);
        QVERIFY2(series.contains("job=\"rabbitmq\"") && series.contains(QByteArray("queue=\"" + kQueue.toUtf8() + '"')),
                 describe(run));

        const CliRun sum = runCli({u"metrics"_s, u"query"_s, u"--prometheus"_s, m_prometheus->url(), u"--query"_s,
                                   u"sum(%1) * 2"_s.arg(selector), u"--json"_s});
        QVERIFY2(sum.exitCode == 0 && lines(sum.out).size() == 1, describe(sum));
        const QJsonObject o = QJsonDocument::fromJson(lines(sum.out).constFirst()).object();
        QCOMPARE(o.value(u"value"_s).toDouble(), 240.0);
        QCOMPARE(o.value(u"metric"_s).toObject(), QJsonObject());
        QVERIFY(QDateTime::fromString(o.value(u"time"_s).toString(), Qt::ISODateWithMs).isValid());

        // A range ends at now aligned down to the step: right after the series' first scrape it
        // can still be empty ("no series"), so ask again until the first sample falls inside.
        CliRun range;
        for (int attempt = 0; attempt < 20; ++attempt) {
            range = runCli({u"metrics"_s, u"query"_s, u"--prometheus"_s, m_prometheus->url(), u"--query"_s,
                            selector, u"--range"_s, u"2m"_s, u"--step"_s, u"1s"_s});
            if (!range.err.contains("returned no series"))
                break;
            QTest::qWait(500);
        }
        QVERIFY2(range.exitCode == 0, describe(range));
        const QList<QByteArray> rangeLines = lines(range.out);
        QVERIFY2(!rangeLines.isEmpty() && rangeLines.constFirst().simplified() == QByteArray("SERIES TIME VALUE"),
                 describe(range));
        QVERIFY2(rangeLines.size() >= 2, describe(range));
        // Scrapes from before the queue was filled may fall inside the range: every value is a
        // depth up to 120, and the newest one is 120.
        QCOMPARE(rangeLines.constLast().simplified().split(' ').value(2), QByteArray("120"));
        for (qsizetype i = 1; i < rangeLines.size(); ++i) {
            const QList<QByteArray> cells = rangeLines[i].simplified().split(' ');
            bool numeric = false;
            const double value = cells.value(2).toDouble(&numeric);
            QVERIFY2(numeric && value >= 0 && value <= 120, rangeLines[i]);
            QVERIFY2(QDateTime::fromString(QString::fromLatin1(cells.value(1)), Qt::ISODate).isValid(), rangeLines[i]);
        }

        const CliRun rangeJson = runCli({u"metrics"_s, u"query"_s, u"--prometheus"_s, m_prometheus->url(),
                                         u"--query"_s, selector, u"--range"_s, u"1m"_s, u"--json"_s});
        QVERIFY2(rangeJson.exitCode == 0 && !rangeJson.out.isEmpty(), describe(rangeJson));
        const QList<QByteArray> jsonLines = lines(rangeJson.out);
        for (const QByteArray &line : jsonLines) {
            const QJsonObject p = QJsonDocument::fromJson(line).object();
            const double value = p.value(u"value"_s).toDouble(-1);
            QVERIFY2(value >= 0 && value <= double(kDepth), line.constData());
            QCOMPARE(p.value(u"metric"_s).toObject().value(u"__name__"_s).toString(), u"rabbitmq_queue_messages"_s);
        }
        QCOMPARE(QJsonDocument::fromJson(jsonLines.constLast()).object().value(u"value"_s).toDouble(), double(kDepth));
    }

    void queryErrors()
    {
        const CliRun bad = runCli({u"metrics"_s, u"query"_s, u"--prometheus"_s, m_prometheus->url(), u"--query"_s,
                                   u"sum(rabbitmq_queue_messages"_s});
        QVERIFY2(bad.exitCode == 1 && bad.err.startsWith("tideline-cli: error: the query is not valid: "), describe(bad));
        QCOMPARE(lines(bad.err).size(), 1);

        const CliRun empty = runCli({u"metrics"_s, u"query"_s, u"--prometheus"_s, m_prometheus->url(), u"--query"_s,
                                     u"no_such_metric"_s});
        QVERIFY2(empty.exitCode == 0 && empty.out.isEmpty() && empty.err.contains("no series"), describe(empty));

        // The management API is not Prometheus.
        const CliRun wrong = runCli({u"metrics"_s, u"query"_s, u"--prometheus"_s, m_rabbit->managementUrl(),
                                     u"--query"_s, u"up"_s});
        QVERIFY2(wrong.exitCode == 1 && wrong.err.startsWith("tideline-cli: error: "), describe(wrong));
    }

    void queryOverTls_data()
    {
        QTest::addColumn<QStringList>("tlsArgs");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("expected"); // in stdout on success, else in stderr
        QTest::newRow("--cafile") << QStringList{u"--cafile"_s, m_securePrometheus->caFile()} << 0 << QByteArray("3\n");
        QTest::newRow("untrusted") << QStringList() << 1
                                   << QByteArray("tideline-cli: error: TLS handshake with 127.0.0.1:");
        QTest::newRow("--insecure") << QStringList{u"--insecure"_s} << 0 << QByteArray("3\n");
        QTest::newRow("missing CA file") << QStringList{u"--cafile"_s, u"/nonexistent/ca.pem"_s} << 1
                                         << QByteArray("tideline-cli: error: Cannot read the file /nonexistent/ca.pem.");
    }
    void queryOverTls()
    {
        QFETCH(QStringList, tlsArgs);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, expected);
        const CliRun run = runCli(QStringList{u"metrics"_s, u"query"_s, u"--prometheus"_s, m_securePrometheus->url(),
                                              u"--query"_s, u"vector(3)"_s}
                                  + tlsArgs);
        QVERIFY2(run.finished && run.exitCode == exitCode, describe(run));
        QVERIFY2((exitCode == 0 ? run.out : run.err).contains(expected), describe(run));
    }

private:
    TestHttpServer m_http;
    std::unique_ptr<RabbitMqProcess> m_rabbit;
    std::unique_ptr<PrometheusProcess> m_prometheus;
    std::unique_ptr<PrometheusProcess> m_securePrometheus;
};

QTEST_GUILESS_MAIN(TestCliMetrics)
#include "tst_cli_metrics_keychain.moc"
