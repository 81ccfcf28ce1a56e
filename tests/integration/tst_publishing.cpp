#include "MqttTestClient.h"
#include "TestServers.h"

#include "core/MessageInbox.h"
#include "mqtt/BurstPublisher.h"
#include "mqtt/CloudEventsBuilder.h"
#include "mqtt/MessageTemplate.h"
#include "mqtt/MqttConnection.h"
#include "mqtt/SocketTuning.h"
#include "payload/CloudEventsDecoder.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

using State = MqttConnection::State;
using Report = BurstPublisher::Report;

namespace {

using Client = MqttTestClient;

ConnectionProfile profileFor(const MosquittoProcess &broker, ConnectionProfile::Version version)
{
    ConnectionProfile p = ConnectionProfile::fromUrl(broker.url()).value();
    p.version = version;
    p.subscribeSys = false;
    p.subscriptions.clear();
    p.reconnectMinSeconds = 1;
    p.reconnectMaxSeconds = 2;
    return p;
}

int noDelay(const QTcpSocket &socket)
{
    int value = -1;
    socklen_t length = sizeof(value);
    getsockopt(int(socket.socketDescriptor()), IPPROTO_TCP, TCP_NODELAY, &value, &length);
    return value;
}

QString valueOf(const QList<QPair<QString, QString>> &pairs, const QString &name)
{
    for (const auto &[k, v] : pairs) {
        if (k == name)
            return v;
    }
    return {};
}

} // namespace

// BurstPublisher and the CloudEvents builder against a real mosquitto: bursts arrive complete
// at the rate asked for without stalling the event loop, can be cancelled and survive a dead
// broker; events keep every attribute on the way through the broker.
class TestPublishing : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MosquittoProcess> m_broker;

    std::unique_ptr<Client> client(ConnectionProfile::Version version = ConnectionProfile::Version::Mqtt5,
                                    const QString &subscribeTo = {}, bool autoReconnect = true,
                                    MosquittoProcess *broker = nullptr)
    {
        auto client = std::make_unique<Client>();
        ConnectionProfile p = profileFor(broker ? *broker : *m_broker, version);
        p.autoReconnect = autoReconnect;
        client->connection = std::make_unique<MqttConnection>(p, client->inbox);
        QSignalSpy subscribed(client->connection.get(), &MqttConnection::subscribed);
        if (!subscribeTo.isEmpty())
            client->connection->subscribe({subscribeTo, 1});
        client->connection->open();
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(client->connection->state(), State::Connected, 10000);
            if (!subscribeTo.isEmpty())
                QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 5000);
        }();
        if (QTest::currentTestFailed())
            return nullptr;
        return client;
    }

private Q_SLOTS:
    void initTestCase()
    {
        MosquittoProcess::Options options;
        // The subscriber must not lose messages to the broker's per-client queue limit: the
        // test measures the publisher.
        options.extraConfig = {u"max_queued_messages 0"_s};
        m_broker = std::make_unique<MosquittoProcess>(options);
        QString error;
        QVERIFY2(m_broker->start(&error), qPrintable(error));
    }

    void burstArrivesCompleteAtTheTargetRate()
    {
        const quint64 count = 10000;
        const double rate = 2000;
        auto subscriber = client(ConnectionProfile::Version::Mqtt5, u"tst/burst/rate"_s);
        QVERIFY(subscriber);
        auto publisher = client();
        QVERIFY(publisher);

        MessageTemplate t;
        t.topic = u"tst/burst/rate"_s;
        t.qos = 1;
        t.payload = u"{{seq}}"_s;
        BurstPublisher burst(publisher->connection.get(), {count, rate, 0},
                             PreparedMessage::prepare(t).value());
        QSignalSpy finished(&burst, &BurstPublisher::finished);
        QSignalSpy progress(&burst, &BurstPublisher::progress);

        // The event loop must keep turning while the burst runs: a 5 ms ticker measures it.
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        ticker.setInterval(5);
        QElapsedTimer sinceTick;
        qint64 longestGapMs = 0;
        connect(&ticker, &QTimer::timeout, this, [&] {
            if (sinceTick.isValid())
                longestGapMs = qMax(longestGapMs, sinceTick.elapsed());
            sinceTick.start();
        });
        ticker.start();

        burst.start();
        QVERIFY(burst.isRunning());
        // A real event loop, as in the app: QTRY_* polls with 10 ms sleeps, which would pace
        // every acknowledgement to the poll.
        QVERIFY(finished.wait(30000));
        ticker.stop();
        const Report report = finished.first().first().value<Report>();
        QCOMPARE(report.requested, count);
        QCOMPARE(report.sent, count);
        QCOMPARE(report.failed, quint64(0));
        QCOMPARE(report.unsent, quint64(0));
        QVERIFY(!report.cancelled);
        QCOMPARE(report.targetRate, rate);
        qInfo("burst: %llu in %.3f s = %.1f msgs/s (target %.0f), window %d, longest event-loop gap %lld ms",
              report.sent, report.elapsedSeconds, report.achievedRate(), rate, burst.window(), longestGapMs);
        QVERIFY2(qAbs(report.achievedRate() - rate) <= rate * 0.10,
                 qPrintable(u"achieved %1 msgs/s"_s.arg(report.achievedRate())));
        QCOMPARE(burst.window(), BurstPublisher::defaultWindow(1, true));
        QVERIFY2(longestGapMs < 250, qPrintable(u"event loop stalled for %1 ms"_s.arg(longestGapMs)));
        // Progress came in steps, not once per message, and ended at the total.
        QVERIFY(progress.size() >= 5);
        QVERIFY(progress.size() < 1000);
        QCOMPARE(progress.last().at(0).toULongLong(), count);

        // Every message arrived, each number once.
        QTRY_VERIFY_WITH_TIMEOUT((subscriber->drain(), subscriber->received.size() >= count), 15000);
        QTest::qWait(200);
        subscriber->drain();
        QCOMPARE(subscriber->received.size(), size_t(count));
        QSet<QByteArray> numbers;
        for (const MqttMessage &m : subscriber->received)
            numbers.insert(m.payload);
        QCOMPARE(quint64(numbers.size()), count);
        QVERIFY(numbers.contains("1") && numbers.contains("10000"));
    }

    void burstAsFastAsPossible_data()
    {
        QTest::addColumn<int>("qos");
        QTest::addColumn<int>("version");
        QTest::newRow("QoS 0, MQTT 5") << 0 << int(ConnectionProfile::Version::Mqtt5);
        QTest::newRow("QoS 2, MQTT 5") << 2 << int(ConnectionProfile::Version::Mqtt5);
        QTest::newRow("QoS 1, MQTT 3.1.1") << 1 << int(ConnectionProfile::Version::Mqtt311);
    }
    void burstAsFastAsPossible()
    {
        QFETCH(int, qos);
        QFETCH(int, version);
        const quint64 count = 3000;
        const QString topic = u"tst/burst/fast/%1/%2"_s.arg(qos).arg(version);
        auto subscriber = client(ConnectionProfile::Version::Mqtt5, topic);
        QVERIFY(subscriber);
        auto publisher = client(ConnectionProfile::Version(version));
        QVERIFY(publisher);
        MessageTemplate t;
        t.topic = topic;
        t.qos = qos;
        t.payload = u"m{{seq}}"_s;
        BurstPublisher burst(publisher->connection.get(), {count, 0, 0}, PreparedMessage::prepare(t).value());
        QSignalSpy finished(&burst, &BurstPublisher::finished);
        burst.start();
        QVERIFY(finished.wait(60000));
        const Report report = finished.first().first().value<Report>();
        QCOMPARE(report.sent, count);
        QCOMPARE(report.failed, quint64(0));
        QCOMPARE(report.targetRate, 0.0);
        QVERIFY(report.achievedRate() > 0);
        qInfo("as fast as possible: %.0f msgs/s", report.achievedRate());
        QTRY_VERIFY_WITH_TIMEOUT((subscriber->drain(), subscriber->received.size() >= count), 15000);
    }

    void cancelStopsTheBurst()
    {
        auto publisher = client();
        QVERIFY(publisher);
        MessageTemplate t;
        t.topic = u"tst/burst/cancel"_s;
        t.qos = 1;
        BurstPublisher burst(publisher->connection.get(), {100000, 500, 0}, PreparedMessage::prepare(t).value());
        QSignalSpy finished(&burst, &BurstPublisher::finished);
        burst.start();
        QTest::qWait(300);
        burst.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        const Report report = finished.first().first().value<Report>();
        QVERIFY(report.cancelled);
        QVERIFY2(report.sent > 50 && report.sent < 1000, qPrintable(QString::number(report.sent)));
        QCOMPARE(report.failed, quint64(0));
        QCOMPARE(report.sent + report.failed + report.unsent, report.requested);
        QVERIFY(!burst.isRunning());
    }

    void otherPublishesDoNotCount()
    {
        // The panel publishes single messages on the same connection while a burst runs.
        auto publisher = client();
        QVERIFY(publisher);
        MessageTemplate t;
        t.topic = u"tst/burst/shared"_s;
        t.qos = 1;
        BurstPublisher burst(publisher->connection.get(), {200, 400, 0}, PreparedMessage::prepare(t).value());
        QSignalSpy finished(&burst, &BurstPublisher::finished);
        burst.start();
        for (int i = 0; i < 20; ++i)
            QVERIFY(publisher->connection->publish("tst/burst/other", "x", 1, false) != 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        const Report report = finished.first().first().value<Report>();
        QCOMPARE(report.sent, quint64(200));
        QCOMPARE(report.failed, quint64(0));
    }

    void deadBrokerEndsTheBurst()
    {
        MosquittoProcess broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        auto publisher = client(ConnectionProfile::Version::Mqtt5, {}, false, &broker);
        QVERIFY(publisher);
        MessageTemplate t;
        t.topic = u"tst/burst/dead"_s;
        t.qos = 1;
        BurstPublisher burst(publisher->connection.get(), {100000, 1000, 0}, PreparedMessage::prepare(t).value());
        QSignalSpy finished(&burst, &BurstPublisher::finished);
        burst.start();
        QTest::qWait(300);
        broker.kill();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        const Report report = finished.first().first().value<Report>();
        QVERIFY(report.sent > 0);
        QVERIFY(report.failed > 0);
        QCOMPARE(report.sent + report.failed + report.unsent, report.requested);
        QVERIFY(!report.firstError.isEmpty());
    }

    void nagleIsTurnedOffOnTheBrokerSocketOnly()
    {
        QTcpServer broker;
        QTcpServer other;
        QVERIFY(broker.listen(QHostAddress::LocalHost) && other.listen(QHostAddress::LocalHost));
        QTcpSocket toBroker;
        QTcpSocket toOther;
        toBroker.connectToHost(QHostAddress::LocalHost, broker.serverPort());
        toOther.connectToHost(QHostAddress::LocalHost, other.serverPort());
        QVERIFY(toBroker.waitForConnected(5000) && toOther.waitForConnected(5000));
        QCOMPARE(noDelay(toBroker), 0);
        QCOMPARE(detail::disableNagle(u"127.0.0.1"_s, broker.serverPort()), 1);
        QVERIFY(noDelay(toBroker) != 0);
        QCOMPARE(noDelay(toOther), 0);
        QCOMPARE(detail::disableNagle(u"127.0.0.1"_s, broker.serverPort()), 0); // already off
        QCOMPARE(detail::disableNagle(u"10.255.255.1"_s, other.serverPort()), 0); // another host
        QCOMPARE(detail::disableNagle(u"broker.invalid"_s, other.serverPort()), 1); // a name: port only
        QVERIFY(noDelay(toOther) != 0);
    }

    void notConnectedFailsAtOnce()
    {
        ConnectionProfile p = profileFor(*m_broker, ConnectionProfile::Version::Mqtt5);
        MqttConnection connection(p, std::make_shared<MessageInbox>());
        MessageTemplate t;
        t.topic = u"x"_s;
        BurstPublisher burst(&connection, {5, 0, 0}, PreparedMessage::prepare(t).value());
        QSignalSpy finished(&burst, &BurstPublisher::finished);
        burst.start();
        QTRY_COMPARE(finished.size(), 1);
        const Report report = finished.first().first().value<Report>();
        QCOMPARE(report.sent, quint64(0));
        QCOMPARE(report.failed, quint64(5));
    }

    void propertiesSurviveTheBroker()
    {
        auto subscriber = client(ConnectionProfile::Version::Mqtt5, u"tst/props/#"_s);
        QVERIFY(subscriber);
        auto publisher = client();
        QVERIFY(publisher);
        MessageTemplate t;
        t.topic = u"tst/props/{{seq}}"_s;
        t.qos = 1;
        t.payloadFormat = MessageTemplate::PayloadFormat::Json;
        t.payload = u"{\"n\": {{seq}}}"_s;
        t.properties.contentType = u"application/json"_s;
        t.properties.payloadFormatIndicator = 1;
        t.properties.responseTopic = u"tst/reply/{{seq}}"_s;
        t.properties.correlationData = QByteArray("\x00\x01req-{{seq}}", 13);
        t.properties.userProperties = {{u"k"_s, u"v1"_s}, {u"k"_s, u"v2"_s}, {u"ü"_s, u"✓"_s}};
        t.properties.messageExpiryInterval = 600;
        BurstPublisher burst(publisher->connection.get(), {2, 0, 0}, PreparedMessage::prepare(t).value());
        QSignalSpy finished(&burst, &BurstPublisher::finished);
        burst.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT((subscriber->drain(), subscriber->received.size() >= 2), 10000);
        const MqttMessage &m = subscriber->received.at(1);
        QCOMPARE(m.topic, QByteArray("tst/props/2"));
        QCOMPARE(m.payload, QByteArray("{\"n\": 2}"));
        QVERIFY(m.properties);
        QCOMPARE(m.properties->contentType, u"application/json"_s);
        QCOMPARE(m.properties->payloadFormatIndicator, std::optional<quint8>(1));
        QCOMPARE(m.properties->responseTopic, u"tst/reply/2"_s);
        QCOMPARE(m.properties->correlationData, QByteArray("\x00\x01req-2", 7));
        QCOMPARE(m.properties->userProperties, t.properties.userProperties);
        QVERIFY(m.properties->messageExpiryInterval && *m.properties->messageExpiryInterval <= 600);
    }

    void cloudEventInBinaryModeRoundTrips()
    {
        auto subscriber = client(ConnectionProfile::Version::Mqtt5, u"tst/ce/binary"_s);
        QVERIFY(subscriber);
        auto publisher = client();
        QVERIFY(publisher);
        MessageTemplate base;
        base.topic = u"tst/ce/binary"_s;
        base.qos = 1;
        base.payloadFormat = MessageTemplate::PayloadFormat::Json;
        base.payload = u"{\"sku\": \"A-1\", \"qty\": 3}"_s;
        CloudEventsBuilder::Event event;
        event.type = u"com.example.order.created"_s;
        event.source = u"/shop/store-12"_s;
        event.subject = u"order-{{seq}}"_s;
        event.dataSchema = u"https://example.com/schemas/order.json"_s;
        event.extensions = {{u"traceparent"_s, u"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"_s}};
        const MessageTemplate t = CloudEventsBuilder::build(event, CloudEventsBuilder::Mode::Binary, base).value();
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        BurstPublisher burst(publisher->connection.get(), {1, 0, 0}, PreparedMessage::prepare(t).value());
        QSignalSpy finished(&burst, &BurstPublisher::finished);
        burst.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT((subscriber->drain(), !subscriber->received.empty()), 10000);

        const MqttMessage &m = subscriber->received.front();
        QCOMPARE(m.payload, base.payload.toUtf8()); // binary mode: the payload is the data
        QVERIFY(m.properties);
        const auto &user = m.properties->userProperties;
        QCOMPARE(m.properties->contentType, u"application/json"_s);
        QCOMPARE(valueOf(user, u"specversion"_s), u"1.0"_s);
        QCOMPARE(valueOf(user, u"type"_s), event.type);
        QCOMPARE(valueOf(user, u"source"_s), event.source);
        QCOMPARE(valueOf(user, u"subject"_s), u"order-1"_s);
        QCOMPARE(valueOf(user, u"dataschema"_s), event.dataSchema);
        QCOMPARE(valueOf(user, u"traceparent"_s), event.extensions.first().second);
        const QString id = valueOf(user, u"id"_s);
        QVERIFY2(QRegularExpression(u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s)
                     .match(id)
                     .hasMatch(),
                 qPrintable(id));
        const QDateTime time = QDateTime::fromString(valueOf(user, u"time"_s), Qt::ISODateWithMs);
        QVERIFY(time.isValid());
        QVERIFY(time.toMSecsSinceEpoch() >= before && time.toMSecsSinceEpoch() <= QDateTime::currentMSecsSinceEpoch());

        // And Tideline's inspector reads the received message as a complete event.
        const DecodedPayload decoded = CloudEventsDecoder::decode(m.payload, {QString(), m.properties.get()});
        QVERIFY2(decoded.ok, qPrintable(decoded.error));
        QCOMPARE(decoded.contentMode, u"binary"_s);
        QVERIFY2(decoded.warnings.isEmpty(), qPrintable(decoded.warnings.value(0).message));
        QStringList names;
        for (const auto &a : decoded.attributes)
            names << a.name;
        for (const QString &name : {u"specversion"_s, u"id"_s, u"source"_s, u"type"_s, u"subject"_s, u"time"_s,
                                    u"datacontenttype"_s, u"dataschema"_s, u"traceparent"_s})
            QVERIFY2(names.contains(name), qPrintable(name + u" missing from "_s + names.join(u',')));
    }
};

QTEST_GUILESS_MAIN(TestPublishing)
#include "tst_publishing.moc"
