#include "mqtt/MessageReplayer.h"

#include <QtTest>

#include <limits>

using namespace tideline;
using namespace Qt::StringLiterals;

using Timing = MessageReplayer::Timing;
using Options = MessageReplayer::Options;

namespace {

constexpr qint64 Ms = 1'000'000; // nanoseconds

QList<qint64> toList(const std::vector<qint64> &v)
{
    return QList<qint64>(v.begin(), v.end());
}

MqttMessage message(const QByteArray &topic, qint64 timestampMs, quint8 qos = 0, bool retained = false)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = "p";
    m.timestampMs = timestampMs;
    m.qos = qos;
    m.retained = retained;
    return m;
}

} // namespace

// The planning half of MessageReplayer, without a broker: when each message of a recorded set
// is due, how topics are rewritten and what is sent of a recorded message.
class TestMessageReplayerSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schedule_data()
    {
        QTest::addColumn<int>("timing");
        QTest::addColumn<double>("speed");
        QTest::addColumn<double>("rate");
        QTest::addColumn<QList<qint64>>("timestampsMs");
        QTest::addColumn<QList<qint64>>("expectedNs");

        const int original = int(Timing::Original);
        const int fixed = int(Timing::FixedRate);
        const int fastest = int(Timing::AsFastAsPossible);
        const double inf = std::numeric_limits<double>::infinity();
        const QList<qint64> three{1000, 1500, 3000};

        QTest::newRow("original 1x") << original << 1.0 << 0.0 << three << QList<qint64>{0, 500 * Ms, 2000 * Ms};
        QTest::newRow("original 10x") << original << 10.0 << 0.0 << three << QList<qint64>{0, 50 * Ms, 200 * Ms};
        QTest::newRow("original 0.5x (slower)")
            << original << 0.5 << 0.0 << three << QList<qint64>{0, 1000 * Ms, 4000 * Ms};
        QTest::newRow("original 3x rounds to the nanosecond")
            << original << 3.0 << 0.0 << QList<qint64>{0, 1000} << QList<qint64>{0, 333'333'333};
        QTest::newRow("original, infinite speed") << original << inf << 0.0 << three << QList<qint64>{0, 0, 0};
        QTest::newRow("timestamps far from the epoch")
            << original << 2.0 << 0.0 << QList<qint64>{1'738'324'800'123, 1'738'324'801'123}
            << QList<qint64>{0, 500 * Ms};
        QTest::newRow("equal timestamps go out together")
            << original << 1.0 << 0.0 << QList<qint64>{5000, 5000, 5000, 5100}
            << QList<qint64>{0, 0, 0, 100 * Ms};
        QTest::newRow("out of order: an earlier one follows its predecessor at once")
            << original << 1.0 << 0.0 << QList<qint64>{1000, 3000, 2000, 4000}
            << QList<qint64>{0, 2000 * Ms, 2000 * Ms, 3000 * Ms};
        QTest::newRow("out of order: the first is the latest")
            << original << 1.0 << 0.0 << QList<qint64>{5000, 1000, 6000} << QList<qint64>{0, 0, 1000 * Ms};
        QTest::newRow("single message") << original << 1.0 << 0.0 << QList<qint64>{42} << QList<qint64>{0};
        QTest::newRow("fixed rate 4/s ignores timestamps")
            << fixed << 1.0 << 4.0 << QList<qint64>{9000, 1000, 1000, 7000, 7000}
            << QList<qint64>{0, 250 * Ms, 500 * Ms, 750 * Ms, 1000 * Ms};
        QTest::newRow("fixed rate 1000/s") << fixed << 1.0 << 1000.0 << three << QList<qint64>{0, 1 * Ms, 2 * Ms};
        QTest::newRow("fixed rate 0 is unpaced") << fixed << 1.0 << 0.0 << three << QList<qint64>{0, 0, 0};
        QTest::newRow("as fast as possible") << fastest << 1.0 << 0.0 << three << QList<qint64>{0, 0, 0};
        QTest::newRow("empty, original") << original << 1.0 << 0.0 << QList<qint64>{} << QList<qint64>{};
        QTest::newRow("empty, fixed rate") << fixed << 1.0 << 10.0 << QList<qint64>{} << QList<qint64>{};
        QTest::newRow("empty, as fast as possible") << fastest << 1.0 << 0.0 << QList<qint64>{} << QList<qint64>{};
    }

    void schedule()
    {
        QFETCH(int, timing);
        QFETCH(double, speed);
        QFETCH(double, rate);
        QFETCH(QList<qint64>, timestampsMs);
        QFETCH(QList<qint64>, expectedNs);

        Options options;
        options.timing = Timing(timing);
        options.speed = speed;
        options.rate = rate;
        const std::vector<qint64> planned
            = MessageReplayer::schedule(std::vector<qint64>(timestampsMs.begin(), timestampsMs.end()), options);
        QCOMPARE(toList(planned), expectedNs);
        QVERIFY(std::is_sorted(planned.begin(), planned.end()));

        // The overload on messages reads the same timestamps.
        std::vector<MqttMessage> messages;
        for (qint64 t : timestampsMs)
            messages.push_back(message("a", t));
        QCOMPARE(toList(MessageReplayer::schedule(messages, options)), expectedNs);
    }

    void validate_data()
    {
        QTest::addColumn<int>("timing");
        QTest::addColumn<double>("speed");
        QTest::addColumn<double>("rate");
        QTest::addColumn<QByteArray>("newPrefix");
        QTest::addColumn<QString>("errorCode");

        const int original = int(Timing::Original);
        const int fixed = int(Timing::FixedRate);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("1x") << original << 1.0 << 0.0 << QByteArray() << QString();
        QTest::newRow("infinite speed") << original << inf << 0.0 << QByteArray() << QString();
        QTest::newRow("speed 0") << original << 0.0 << 0.0 << QByteArray() << u"replay.speed"_s;
        QTest::newRow("negative speed") << original << -2.0 << 0.0 << QByteArray() << u"replay.speed"_s;
        QTest::newRow("NaN speed") << original << nan << 0.0 << QByteArray() << u"replay.speed"_s;
        QTest::newRow("rate 5") << fixed << 0.0 << 5.0 << QByteArray() << QString();
        QTest::newRow("rate 0") << fixed << 1.0 << 0.0 << QByteArray() << u"replay.rate"_s;
        QTest::newRow("infinite rate") << fixed << 1.0 << inf << QByteArray() << u"replay.rate"_s;
        QTest::newRow("speed unused at a fixed rate") << fixed << 0.0 << 5.0 << QByteArray() << QString();
        QTest::newRow("wildcard prefix") << original << 1.0 << 0.0 << QByteArray("replay/+/") << u"replay.prefix"_s;
        QTest::newRow("good prefix") << original << 1.0 << 0.0 << QByteArray("replay/") << QString();
    }

    void validate()
    {
        QFETCH(int, timing);
        QFETCH(double, speed);
        QFETCH(double, rate);
        QFETCH(QByteArray, newPrefix);
        QFETCH(QString, errorCode);
        Options options;
        options.timing = Timing(timing);
        options.speed = speed;
        options.rate = rate;
        options.newPrefix = newPrefix;
        const Result<void> result = MessageReplayer::validate(options);
        QCOMPARE(result.ok(), errorCode.isEmpty());
        if (!result.ok()) {
            QCOMPARE(result.error().code, errorCode);
            QVERIFY(!result.error().message.isEmpty());
        }
    }

    void rewriteTopic_data()
    {
        QTest::addColumn<QByteArray>("oldPrefix");
        QTest::addColumn<QByteArray>("newPrefix");
        QTest::addColumn<QByteArray>("topic");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("no rewrite") << QByteArray() << QByteArray() << QByteArray("shop/a") << QByteArray("shop/a");
        QTest::newRow("prefix replaced") << QByteArray("shop/") << QByteArray("replay/shop/")
                                         << QByteArray("shop/orders/1") << QByteArray("replay/shop/orders/1");
        QTest::newRow("other topic unchanged") << QByteArray("shop/") << QByteArray("replay/shop/")
                                               << QByteArray("factory/x") << QByteArray("factory/x");
        QTest::newRow("prefix is not a substring match")
            << QByteArray("shop/") << QByteArray("r/") << QByteArray("workshop/x") << QByteArray("workshop/x");
        QTest::newRow("empty old prefix prepends") << QByteArray() << QByteArray("replay/") << QByteArray("a/b")
                                                   << QByteArray("replay/a/b");
        QTest::newRow("empty new prefix strips") << QByteArray("shop/") << QByteArray() << QByteArray("shop/a")
                                                 << QByteArray("a");
        QTest::newRow("whole topic") << QByteArray("shop") << QByteArray("store") << QByteArray("shop")
                                     << QByteArray("store");
    }

    void rewriteTopic()
    {
        QFETCH(QByteArray, oldPrefix);
        QFETCH(QByteArray, newPrefix);
        QFETCH(QByteArray, topic);
        QFETCH(QByteArray, expected);
        Options options;
        options.oldPrefix = oldPrefix;
        options.newPrefix = newPrefix;
        QCOMPARE(MessageReplayer::rewriteTopic(topic, options), expected);
    }

    void outgoingKeepsWhatTheRecordingSent()
    {
        MqttMessage m = message("shop/orders", 1000, 2, true);
        m.payload = QByteArray("\x00\x01\xff", 3);
        auto properties = std::make_shared<MessageProperties>();
        properties->contentType = u"application/octet-stream"_s;
        properties->payloadFormatIndicator = 0;
        properties->responseTopic = u"shop/replies"_s;
        properties->correlationData = QByteArray("\x01\x02", 2);
        properties->userProperties = {{u"k"_s, u"v1"_s}, {u"k"_s, u"v2"_s}};
        properties->messageExpiryInterval = 60;
        properties->subscriptionIdentifiers = {7};
        properties->topicAlias = 3;
        m.properties = properties;

        Options options;
        options.oldPrefix = "shop/";
        options.newPrefix = "replay/shop/";
        OutgoingMessage out = MessageReplayer::toOutgoing(m, options);
        QCOMPARE(out.topic, QByteArray("replay/shop/orders"));
        QCOMPARE(out.payload, m.payload);
        QCOMPARE(out.qos, 2);
        QVERIFY(out.retain);
        QCOMPARE(out.properties.contentType, properties->contentType);
        QCOMPARE(out.properties.payloadFormatIndicator, std::optional<quint8>(0));
        QCOMPARE(out.properties.responseTopic, properties->responseTopic);
        QCOMPARE(out.properties.correlationData, properties->correlationData);
        QCOMPARE(out.properties.userProperties, properties->userProperties);
        QCOMPARE(out.properties.messageExpiryInterval, std::optional<quint32>(60));
        // State of the recording connection, not of the message.
        QVERIFY(out.properties.subscriptionIdentifiers.isEmpty());
        QVERIFY(!out.properties.topicAlias);

        options.dropRetain = true;
        out = MessageReplayer::toOutgoing(m, options);
        QVERIFY(!out.retain);

        m.properties.reset();
        out = MessageReplayer::toOutgoing(m, options);
        QVERIFY(out.properties.isEmpty());
    }

    void summary()
    {
        const std::vector<MqttMessage> messages{message("a", 3000), message("b", 1000), message("a", 7000),
                                                message("c/d", 2000)};
        const MessageReplayer::Summary s = MessageReplayer::summarize(messages);
        QCOMPARE(s.count, 4);
        QCOMPARE(s.topics, 3);
        QCOMPARE(s.firstMs, 1000);
        QCOMPARE(s.lastMs, 7000);
        QCOMPARE(s.spanMs(), 6000);

        const MessageReplayer::Summary empty = MessageReplayer::summarize({});
        QCOMPARE(empty.count, 0);
        QCOMPARE(empty.topics, 0);
        QCOMPARE(empty.spanMs(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMessageReplayerSchedule)
#include "tst_messagereplayer_schedule.moc"
