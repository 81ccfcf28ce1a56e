#include "metrics/RabbitMqManagementApi.h"
#include "metrics/RabbitMqManagementSource.h"

#include <QtTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace tideline;

namespace {

// Shaped like RabbitMQ 3.10's GET /api/queues/%2F/orders?lengths_age=60&lengths_incr=5&
// msg_rates_age=60&msg_rates_incr=5 (fields trimmed): samples are newest first.
const char kQueueWithHistory[] =
    "{\"arguments\":{},\"auto_delete\":false,\"consumers\":2,\"durable\":true,\"exclusive\":false,"
    "\"message_stats\":{"
    "\"ack\":150,\"ack_details\":{\"rate\":3.5,\"samples\":[{\"sample\":150,\"timestamp\":1700000010000},"
    "{\"sample\":150,\"timestamp\":1700000005000},{\"sample\":100,\"timestamp\":1700000000000}]},"
    "\"deliver_get\":200,\"deliver_get_details\":{\"rate\":4.0,\"samples\":[{\"sample\":200,\"timestamp\":1700000010000},"
    "{\"sample\":100,\"timestamp\":1700000000000}]},"
    "\"publish\":500,\"publish_details\":{\"rate\":12.5,\"samples\":[{\"sample\":500,\"timestamp\":1700000010000},"
    "{\"sample\":450,\"timestamp\":1700000005000},{\"sample\":400,\"timestamp\":1700000000000}]}},"
    "\"messages\":300,\"messages_details\":{\"avg\":400.0,\"avg_rate\":-20.0,\"rate\":-40.0,"
    "\"samples\":[{\"sample\":300,\"timestamp\":1700000010000},{\"sample\":500,\"timestamp\":1700000005000},"
    "{\"sample\":500,\"timestamp\":1700000000000}]},"
    "\"messages_ready\":290,\"messages_ready_details\":{\"rate\":0.0,\"samples\":[{\"sample\":290,\"timestamp\":1700000010000}]},"
    "\"messages_unacknowledged\":10,\"messages_unacknowledged_details\":{\"rate\":0.0},"
    "\"name\":\"orders\",\"node\":\"rabbit@host\",\"state\":\"running\",\"type\":\"classic\",\"vhost\":\"/\"}";

const char kTwoQueues[] =
    "[{\"name\":\"a\",\"vhost\":\"/\",\"messages\":5,\"messages_ready\":5,\"messages_unacknowledged\":0,"
    "\"consumers\":0},"
    "{\"name\":\"b\",\"vhost\":\"prod\",\"messages\":0,\"messages_ready\":0,\"messages_unacknowledged\":0,"
    "\"consumers\":1,\"message_stats\":{\"publish\":10,\"publish_details\":{\"rate\":0.2}}}]";

double orMinusOne(const std::optional<double> &v)
{
    return v ? *v : -1.0;
}

QList<MetricPoint> points(std::initializer_list<std::pair<qint64, double>> list)
{
    QList<MetricPoint> out;
    for (const auto &[t, v] : list)
        out.append(MetricPoint{t, v});
    return out;
}

QString describe(const QList<MetricPoint> &list)
{
    QStringList parts;
    for (const MetricPoint &p : list)
        parts << u"(%1, %2)"_s.arg(p.timestampMs).arg(p.value);
    return parts.join(u' ');
}

} // namespace

class TestRabbitMqApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseQueues_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("errorCode"); // empty: must parse
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("skipped");
        QTest::addColumn<QString>("firstName");
        QTest::addColumn<double>("firstMessages"); // -1: absent
        QTest::addColumn<double>("firstConsumers");
        QTest::addColumn<double>("firstPublishRate");

        QTest::newRow("single queue") << QByteArray(kQueueWithHistory) << QString() << 1 << 0 << u"orders"_s
                                      << 300.0 << 2.0 << 12.5;
        QTest::newRow("list") << QByteArray(kTwoQueues) << QString() << 2 << 0 << u"a"_s << 5.0 << 0.0 << -1.0;
        QTest::newRow("page") << QByteArray("{\"filtered_count\":1,\"item_count\":1,\"page\":1,\"items\":"
                                            "[{\"name\":\"p\",\"vhost\":\"/\",\"messages\":7}]}")
                              << QString() << 1 << 0 << u"p"_s << 7.0 << -1.0 << -1.0;
        QTest::newRow("empty list") << QByteArray("[]") << QString() << 0 << 0 << QString() << -1.0 << -1.0 << -1.0;
        // A queue declared a moment ago: its statistics are not in yet.
        QTest::newRow("missing counts") << QByteArray("[{\"name\":\"new\",\"vhost\":\"/\",\"durable\":true}]")
                                        << QString() << 1 << 0 << u"new"_s << -1.0 << -1.0 << -1.0;
        QTest::newRow("counts of the wrong type")
            << QByteArray("[{\"name\":\"q\",\"vhost\":\"/\",\"messages\":\"12\",\"consumers\":null,"
                          "\"message_stats\":{\"publish_details\":{\"rate\":\"fast\"}}}]")
            << QString() << 1 << 0 << u"q"_s << -1.0 << -1.0 << -1.0;
        QTest::newRow("entries without name or vhost are skipped")
            << QByteArray("[{\"vhost\":\"/\",\"messages\":1},42,{\"name\":\"x\"},{\"name\":\"ok\",\"vhost\":\"/\","
                          "\"messages\":3}]")
            << QString() << 1 << 3 << u"ok"_s << 3.0 << -1.0 << -1.0;
        QTest::newRow("garbage") << QByteArray("this is not json") << u"metrics.json"_s << 0 << 0 << QString()
                                 << -1.0 << -1.0 << -1.0;
        QTest::newRow("truncated") << QByteArray("[{\"name\":\"a\",\"vhost\":\"/\",\"messages\":5")
                                   << u"metrics.json"_s << 0 << 0 << QString() << -1.0 << -1.0 << -1.0;
        QTest::newRow("html error page") << QByteArray("<html><body>502 Bad Gateway</body></html>")
                                         << u"metrics.json"_s << 0 << 0 << QString() << -1.0 << -1.0 << -1.0;
        QTest::newRow("empty body") << QByteArray() << u"metrics.json"_s << 0 << 0 << QString() << -1.0 << -1.0
                                    << -1.0;
        QTest::newRow("other object") << QByteArray("{\"rabbitmq_version\":\"3.10.8\"}") << u"rabbitmq.format"_s
                                      << 0 << 0 << QString() << -1.0 << -1.0 << -1.0;
        QTest::newRow("error object") << QByteArray("{\"error\":\"not_authorized\",\"reason\":\"Login failed\"}")
                                      << u"rabbitmq.error"_s << 0 << 0 << QString() << -1.0 << -1.0 << -1.0;
    }
    void parseQueues()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, errorCode);
        QFETCH(int, count);
        QFETCH(int, skipped);
        QFETCH(QString, firstName);
        QFETCH(double, firstMessages);
        QFETCH(double, firstConsumers);
        QFETCH(double, firstPublishRate);

        const auto result = RabbitMqManagementApi::parseQueues(json);
        if (!errorCode.isEmpty()) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, errorCode);
            QVERIFY(!result.error().message.isEmpty());
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().queues.size(), count);
        QCOMPARE(result.value().skipped, skipped);
        if (count == 0)
            return;
        const RabbitMqQueueStats &first = result.value().queues.constFirst();
        QCOMPARE(first.name, firstName);
        QCOMPARE(orMinusOne(first.messages), firstMessages);
        QCOMPARE(orMinusOne(first.consumers), firstConsumers);
        QCOMPARE(orMinusOne(first.publishRate), firstPublishRate);
    }

    void garbageSaysWhere()
    {
        const auto result = RabbitMqManagementApi::parseQueues("[{\"name\": \"a\",, }]");
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.startsWith(u"response is not valid JSON at offset 15"_s),
                 qPrintable(result.error().message));
    }

    void fullQueue()
    {
        const auto result = RabbitMqManagementApi::parseQueues(kQueueWithHistory);
        QVERIFY(result.ok());
        const RabbitMqQueueStats q = result.value().queues.constFirst();
        QCOMPARE(q.vhost, u"/"_s);
        QCOMPARE(orMinusOne(q.messagesReady), 290.0);
        QCOMPARE(orMinusOne(q.messagesUnacknowledged), 10.0);
        QCOMPARE(orMinusOne(q.deliverGetRate), 4.0);
        QCOMPARE(orMinusOne(q.ackRate), 3.5);
        // Lengths: the server's samples, oldest first.
        QCOMPARE(describe(q.messagesHistory),
                 describe(points({{1700000000000, 500}, {1700000005000, 500}, {1700000010000, 300}})));
        QCOMPARE(describe(q.messagesReadyHistory), describe(points({{1700000010000, 290}})));
        QVERIFY(q.messagesUnacknowledgedHistory.isEmpty());
        // Rates: differences of the cumulative counts per second.
        QCOMPARE(describe(q.publishRateHistory), describe(points({{1700000005000, 10}, {1700000010000, 10}})));
        QCOMPARE(describe(q.deliverGetRateHistory), describe(points({{1700000010000, 10}})));
        QCOMPARE(describe(q.ackRateHistory), describe(points({{1700000005000, 10}, {1700000010000, 0}})));
    }

    void parseSamples_data()
    {
        QTest::addColumn<QByteArray>("details");
        QTest::addColumn<QString>("expected");
        QTest::newRow("newest first") << QByteArray("{\"samples\":[{\"sample\":3,\"timestamp\":3000},"
                                                    "{\"sample\":2,\"timestamp\":2000},{\"sample\":1,\"timestamp\":1000}]}")
                                      << describe(points({{1000, 1}, {2000, 2}, {3000, 3}}));
        QTest::newRow("no samples key") << QByteArray("{\"rate\":1.0}") << QString();
        QTest::newRow("samples not a list") << QByteArray("{\"samples\":{}}") << QString();
        QTest::newRow("malformed entries skipped")
            << QByteArray("{\"samples\":[{\"sample\":\"x\",\"timestamp\":1},{\"timestamp\":2},7,"
                          "{\"sample\":5,\"timestamp\":4000}]}")
            << describe(points({{4000, 5}}));
    }
    void parseSamples()
    {
        QFETCH(QByteArray, details);
        QFETCH(QString, expected);
        const QJsonValue value = QJsonDocument::fromJson(details).object();
        QCOMPARE(describe(RabbitMqManagementApi::parseSamples(value)), expected);
    }

    void ratesFromCounts_data()
    {
        QTest::addColumn<QList<MetricPoint>>("counts");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QList<MetricPoint>() << QString();
        QTest::newRow("one point") << points({{1000, 5}}) << QString();
        QTest::newRow("steady") << points({{0, 0}, {2000, 10}, {4000, 30}}) << describe(points({{2000, 5}, {4000, 10}}));
        QTest::newRow("counter reset") << points({{0, 100}, {1000, 3}, {2000, 5}}) << describe(points({{2000, 2}}));
        QTest::newRow("same timestamp") << points({{1000, 1}, {1000, 2}, {1500, 3}}) << describe(points({{1500, 2}}));
    }
    void ratesFromCounts()
    {
        QFETCH(QList<MetricPoint>, counts);
        QFETCH(QString, expected);
        QCOMPARE(describe(RabbitMqManagementApi::ratesFromCounts(counts)), expected);
    }

    void toSamplesAndSeries()
    {
        const auto parsed = RabbitMqManagementApi::parseQueues(kTwoQueues);
        QVERIFY(parsed.ok());
        const QList<MetricSample> samples =
            RabbitMqManagementApi::toSamples(parsed.value().queues, u"rabbitmq http://h:15672"_s, 42);
        // a: four counts, no rates (no message_stats); b: four counts and a publish rate.
        QCOMPARE(samples.size(), 9);
        QHash<QString, double> byKey;
        for (const MetricSample &s : samples) {
            QCOMPARE(s.key.source, u"rabbitmq http://h:15672"_s);
            QCOMPARE(s.point.timestampMs, 42);
            byKey.insert(s.key.toString(), s.point.value);
        }
        QCOMPARE(byKey.value(u"rabbitmq_queue_messages{queue=\"a\",vhost=\"/\"}"_s, -1), 5.0);
        QCOMPARE(byKey.value(u"rabbitmq_queue_messages_ready{queue=\"a\",vhost=\"/\"}"_s, -1), 5.0);
        QCOMPARE(byKey.value(u"rabbitmq_queue_consumers{queue=\"b\",vhost=\"prod\"}"_s, -1), 1.0);
        QCOMPARE(byKey.value(u"rabbitmq_queue_publish_rate{queue=\"b\",vhost=\"prod\"}"_s, -1), 0.2);
        QVERIFY(!byKey.contains(u"rabbitmq_queue_publish_rate{queue=\"a\",vhost=\"/\"}"_s));
        QVERIFY(RabbitMqManagementApi::toSeries(parsed.value().queues, u"s"_s).isEmpty());

        const auto withHistory = RabbitMqManagementApi::parseQueues(kQueueWithHistory);
        const QList<MetricSeries> series = RabbitMqManagementApi::toSeries(withHistory.value().queues, u"s"_s);
        QStringList names;
        for (const MetricSeries &s : series)
            names << s.key.name;
        QCOMPARE(names, (QStringList{u"rabbitmq_queue_messages"_s, u"rabbitmq_queue_messages_ready"_s,
                                     u"rabbitmq_queue_publish_rate"_s, u"rabbitmq_queue_deliver_get_rate"_s,
                                     u"rabbitmq_queue_ack_rate"_s}));
        QCOMPARE(series.constFirst().points.size(), 3);
    }

    void queuesPath_data()
    {
        QTest::addColumn<QString>("vhost");
        QTest::addColumn<QString>("queue");
        QTest::addColumn<QString>("expected");
        QTest::newRow("all") << QString() << QString() << u"/api/queues"_s;
        QTest::newRow("default vhost") << u"/"_s << QString() << u"/api/queues/%2F"_s;
        QTest::newRow("queue in default vhost") << QString() << u"orders"_s << u"/api/queues/%2F/orders"_s;
        QTest::newRow("escaped") << u"prod/eu"_s << u"a b#c?d"_s << u"/api/queues/prod%2Feu/a%20b%23c%3Fd"_s;
    }
    void queuesPath()
    {
        QFETCH(QString, vhost);
        QFETCH(QString, queue);
        QFETCH(QString, expected);
        QCOMPARE(RabbitMqManagementApi::queuesPath(vhost, queue), expected);
    }

    void requestUrl_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("vhost");
        QTest::addColumn<QString>("queue");
        QTest::addColumn<int>("history");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << u"http://127.0.0.1:15672"_s << QString() << QString() << 0
                               << QByteArray("http://127.0.0.1:15672/api/queues");
        QTest::newRow("credentials and slash dropped") << u"http://guest:secret@h:15672/"_s << u"/"_s << u"q"_s << 0
                                                       << QByteArray("http://h:15672/api/queues/%2F/q");
        QTest::newRow("path prefix and history") << u"https://h/rabbitmq/"_s << u"/"_s << u"q"_s << 60
                                                 << QByteArray("https://h/rabbitmq/api/queues/%2F/q?lengths_age=60&"
                                                               "lengths_incr=5&msg_rates_age=60&msg_rates_incr=5");
    }
    void requestUrl()
    {
        QFETCH(QString, base);
        QFETCH(QString, vhost);
        QFETCH(QString, queue);
        QFETCH(int, history);
        QFETCH(QByteArray, expected);
        RabbitMqManagementSource::Options options;
        options.url = QUrl(base);
        options.user = u"guest"_s;
        options.vhost = vhost;
        options.queue = queue;
        options.historySeconds = history;
        RabbitMqManagementSource source(options);
        QCOMPARE(source.requestUrl().toEncoded(), expected);
        QVERIFY2(!source.sourceId().contains(u"secret"_s), qPrintable(source.sourceId()));
    }

    void secretKey()
    {
        QCOMPARE(RabbitMqManagementSource::secretKey(QUrl(u"http://mq.example:15672"_s), u"ops"_s),
                 u"metrics/rabbitmq/ops@mq.example:15672/password"_s);
        QCOMPARE(RabbitMqManagementSource::secretKey(QUrl(u"https://mq.example"_s), u"ops"_s),
                 u"metrics/rabbitmq/ops@mq.example:443/password"_s);
    }
};

QTEST_GUILESS_MAIN(TestRabbitMqApi)
#include "tst_metrics_rabbitmqapi.moc"
