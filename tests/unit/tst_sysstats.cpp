#include "mqtt/SysStats.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using tideline::MqttMessage;
using tideline::SysStats;
using tideline::TopicTree;

namespace {

void publish(TopicTree &tree, const QByteArray &topic, const QByteArray &payload)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.timestampMs = 1000;
    m.retained = true;
    tree.apply(m);
}

QString rowValue(const SysStats &stats, const QString &label)
{
    for (const auto &row : stats.rows()) {
        if (row.first == label)
            return row.second;
    }
    return {};
}

} // namespace

class TestSysStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void emptyTree()
    {
        TopicTree tree;
        publish(tree, "home/temp", "21");
        const SysStats stats = SysStats::read(tree);
        QVERIFY(!stats.available());
        QVERIFY(stats.rows().isEmpty());
        QCOMPARE(stats.broker, SysStats::Broker::Unknown);
    }

    void mosquitto()
    {
        TopicTree tree;
        publish(tree, "$SYS/broker/version", "mosquitto version 2.0.11");
        publish(tree, "$SYS/broker/uptime", "3725 seconds");
        publish(tree, "$SYS/broker/clients/connected", "3");
        publish(tree, "$SYS/broker/clients/total", "5");
        publish(tree, "$SYS/broker/clients/maximum", "7");
        publish(tree, "$SYS/broker/subscriptions/count", "12");
        publish(tree, "$SYS/broker/messages/received", "123456");
        publish(tree, "$SYS/broker/messages/sent", "654321");
        publish(tree, "$SYS/broker/store/messages/count", "42");
        publish(tree, "$SYS/broker/retained messages/count", "40");
        publish(tree, "$SYS/broker/bytes/received", "1048576");
        publish(tree, "$SYS/broker/bytes/sent", "2048");
        publish(tree, "$SYS/broker/load/messages/received/1min", "120.52");
        publish(tree, "$SYS/broker/load/messages/sent/1min", "60.00");
        // Newer values replace older ones.
        publish(tree, "$SYS/broker/clients/connected", "4");

        const SysStats stats = SysStats::read(tree);
        QVERIFY(stats.available());
        QCOMPARE(stats.broker, SysStats::Broker::Mosquitto);
        QCOMPARE(stats.version, std::optional<QString>(u"mosquitto version 2.0.11"_s));
        QCOMPARE(stats.uptimeSeconds, std::optional<qint64>(3725));
        QCOMPARE(stats.clientsConnected, std::optional<qint64>(4));
        QCOMPARE(stats.clientsTotal, std::optional<qint64>(5));
        QCOMPARE(stats.clientsMaximum, std::optional<qint64>(7));
        QCOMPARE(stats.subscriptions, std::optional<qint64>(12));
        QCOMPARE(stats.messagesReceived, std::optional<qint64>(123456));
        QCOMPARE(stats.messagesSent, std::optional<qint64>(654321));
        QCOMPARE(stats.messagesStored, std::optional<qint64>(42));
        QCOMPARE(stats.retainedMessages, std::optional<qint64>(40));
        QCOMPARE(stats.bytesReceived, std::optional<qint64>(1048576));
        QCOMPARE(stats.bytesSent, std::optional<qint64>(2048));
        QVERIFY(stats.receivedPerMinute1min && qFuzzyCompare(*stats.receivedPerMinute1min, 120.52));
        QVERIFY(stats.sentPerMinute1min && qFuzzyCompare(*stats.sentPerMinute1min, 60.0));

        QCOMPARE(rowValue(stats, u"Clients connected"_s), u"4"_s);
        QCOMPARE(rowValue(stats, u"Uptime"_s), u"1 h 2 min"_s);
        QCOMPARE(rowValue(stats, u"Received, 1-minute average"_s), u"120.5 msg/min"_s);
        QCOMPARE(rowValue(stats, u"Broker version"_s), u"mosquitto version 2.0.11"_s);
        QCOMPARE(rowValue(stats, u"Bytes received"_s), QLocale::c().formattedDataSize(1048576));
        QCOMPARE(stats.rows().size(), 14);
    }

    void mosquittoDeprecatedNames()
    {
        TopicTree tree;
        publish(tree, "$SYS/broker/clients/active", "2");
        publish(tree, "$SYS/broker/messages/stored", "9");
        const SysStats stats = SysStats::read(tree);
        QCOMPARE(stats.clientsConnected, std::optional<qint64>(2));
        QCOMPARE(stats.messagesStored, std::optional<qint64>(9));
    }

    void emqx()
    {
        TopicTree tree;
        const QByteArray p = "$SYS/brokers/emqx@127.0.0.1/";
        publish(tree, "$SYS/brokers", "emqx@127.0.0.1");
        publish(tree, p + "version", "5.3.0");
        publish(tree, p + "uptime", "1 days, 2 hours, 3 minutes, 4 seconds");
        publish(tree, p + "sysdescr", "EMQX");
        publish(tree, p + "stats/connections/count", "17");
        publish(tree, p + "stats/subscriptions.count", "30");
        publish(tree, p + "stats/retained/count", "8");
        publish(tree, p + "metrics/messages/received", "1000");
        publish(tree, p + "metrics/messages/sent", "2000");
        publish(tree, p + "metrics/bytes/received", "3000");
        publish(tree, p + "clients/dev1/connected", "{\"clientid\":\"dev1\"}");

        const SysStats stats = SysStats::read(tree);
        QCOMPARE(stats.broker, SysStats::Broker::Emqx);
        QCOMPARE(stats.node, u"emqx@127.0.0.1"_s);
        QCOMPARE(stats.version, std::optional<QString>(u"5.3.0"_s));
        QCOMPARE(stats.uptimeSeconds, std::optional<qint64>(93784));
        QCOMPARE(stats.clientsConnected, std::optional<qint64>(17));
        QCOMPARE(stats.subscriptions, std::optional<qint64>(30));
        QCOMPARE(stats.retainedMessages, std::optional<qint64>(8));
        QCOMPARE(stats.messagesReceived, std::optional<qint64>(1000));
        QCOMPARE(stats.messagesSent, std::optional<qint64>(2000));
        QCOMPARE(stats.bytesReceived, std::optional<qint64>(3000));
        QVERIFY(!stats.bytesSent);
        QCOMPARE(rowValue(stats, u"Broker node"_s), u"emqx@127.0.0.1"_s);
        QCOMPARE(rowValue(stats, u"Uptime"_s), u"1 d 2 h 3 min"_s);
    }

    void garbageStaysAbsent()
    {
        TopicTree tree;
        publish(tree, "$SYS/broker/clients/connected", "lots");
        publish(tree, "$SYS/broker/messages/received", "-5");
        publish(tree, "$SYS/broker/messages/sent", "99999999999999999999999999");
        publish(tree, "$SYS/broker/uptime", "since yesterday");
        publish(tree, "$SYS/broker/load/messages/received/1min", "nan");
        publish(tree, "$SYS/broker/load/messages/sent/1min", QByteArray(16 * 1024 * 1024, '7'));
        publish(tree, "$SYS/broker/version", "\xff\xfe" + QByteArray(1024 * 1024, 'v') + "\n\x01");
        publish(tree, "$SYS/broker/subscriptions/count", "");
        publish(tree, "$SYS/broker/bytes/sent", "12");

        const SysStats stats = SysStats::read(tree);
        QVERIFY(stats.available());
        QVERIFY(!stats.clientsConnected);
        QVERIFY(!stats.messagesReceived);
        QVERIFY(!stats.messagesSent);
        QVERIFY(!stats.uptimeSeconds);
        QVERIFY(!stats.receivedPerMinute1min);
        QVERIFY(!stats.sentPerMinute1min);
        QVERIFY(!stats.subscriptions);
        QCOMPARE(stats.bytesSent, std::optional<qint64>(12));
        QVERIFY(stats.version);
        QVERIFY(stats.version->size() <= 200);
        QVERIFY(stats.version->startsWith(QChar(QChar::ReplacementCharacter)));
        QCOMPARE(rowValue(stats, u"Clients connected"_s), QString());
    }

    void parseCount_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("value"); // -1: absent
        QTest::newRow("plain") << "12"_ba << qint64(12);
        QTest::newRow("zero") << "0"_ba << qint64(0);
        QTest::newRow("whitespace") << " 12 \n"_ba << qint64(12);
        QTest::newRow("largest") << "9223372036854775807"_ba << qint64(9223372036854775807LL);
        QTest::newRow("overflow") << "9223372036854775808"_ba << qint64(-1);
        QTest::newRow("negative") << "-1"_ba << qint64(-1);
        QTest::newRow("plus") << "+1"_ba << qint64(-1);
        QTest::newRow("decimal") << "1.5"_ba << qint64(-1);
        QTest::newRow("trailing text") << "12abc"_ba << qint64(-1);
        QTest::newRow("words") << "abc"_ba << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("binary") << QByteArray("\x00\x01", 2) << qint64(-1);
    }

    void parseCount()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, value);
        const auto parsed = SysStats::parseCount(text);
        QCOMPARE(parsed.has_value(), value >= 0);
        if (parsed)
            QCOMPARE(*parsed, value);
    }

    void parseDecimal_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<double>("value"); // -1: absent
        QTest::newRow("decimal") << "12.5"_ba << 12.5;
        QTest::newRow("integer") << "3"_ba << 3.0;
        QTest::newRow("exponent") << "1e3"_ba << 1000.0;
        QTest::newRow("spaces") << " 0.25\n"_ba << 0.25;
        QTest::newRow("nan") << "nan"_ba << -1.0;
        QTest::newRow("inf") << "inf"_ba << -1.0;
        QTest::newRow("huge") << "1e400"_ba << -1.0;
        QTest::newRow("negative") << "-3"_ba << -1.0;
        QTest::newRow("comma") << "1,5"_ba << -1.0;
        QTest::newRow("text") << "fast"_ba << -1.0;
        QTest::newRow("empty") << ""_ba << -1.0;
    }

    void parseDecimal()
    {
        QFETCH(QByteArray, text);
        QFETCH(double, value);
        const auto parsed = SysStats::parseDecimal(text);
        QCOMPARE(parsed.has_value(), value >= 0);
        if (parsed)
            QVERIFY(qFuzzyCompare(*parsed, value));
    }

    void parseUptime_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("seconds"); // -1: absent
        QTest::newRow("mosquitto") << "12345 seconds"_ba << qint64(12345);
        QTest::newRow("bare number") << "3600"_ba << qint64(3600);
        QTest::newRow("emqx 4") << "1 days, 2 hours, 3 minutes, 4 seconds"_ba << qint64(93784);
        QTest::newRow("singular") << "1 day, 1 hour, 1 minute, 1 second"_ba << qint64(90061);
        QTest::newRow("short units") << "2 h 5 min"_ba << qint64(7500);
        QTest::newRow("unit only") << "seconds"_ba << qint64(-1);
        QTest::newRow("unknown unit") << "5 fortnights"_ba << qint64(-1);
        QTest::newRow("negative") << "-5 seconds"_ba << qint64(-1);
        QTest::newRow("overflow") << "9223372036854775807 days"_ba << qint64(-1);
        QTest::newRow("garbage") << "\xff\xfe\x00"_ba << qint64(-1);
        QTest::newRow("too long") << QByteArray(1000, '1') << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }

    void parseUptime()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, seconds);
        const auto parsed = SysStats::parseUptime(text);
        QCOMPARE(parsed.has_value(), seconds >= 0);
        if (parsed)
            QCOMPARE(*parsed, seconds);
    }

    void formatUptime_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("seconds") << qint64(42) << u"42 s"_s;
        QTest::newRow("minutes") << qint64(125) << u"2 min 5 s"_s;
        QTest::newRow("hours") << qint64(3725) << u"1 h 2 min"_s;
        QTest::newRow("days") << qint64(93784) << u"1 d 2 h 3 min"_s;
    }

    void formatUptime()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        QCOMPARE(SysStats::formatUptime(seconds), expected);
    }
};

QTEST_GUILESS_MAIN(TestSysStats)
#include "tst_sysstats.moc"
