#include "RabbitMqProcess.h"
#include "TestServers.h"

#include "core/IngestPipeline.h"
#include "core/TopicTree.h"
#include "mqtt/ConnectionProfile.h"
#include "mqtt/MqttConnection.h"

#include <QtTest>

#include <memory>

using namespace tideline;
using namespace tideline::test;

namespace {

ConnectionProfile rabbitProfile(const QString &url,
                                ConnectionProfile::Version version = ConnectionProfile::Version::Mqtt311)
{
    ConnectionProfile profile;
    profile.id = ConnectionProfile::newId();
    profile.name = QStringLiteral("rabbitmq");
    profile.url = url;
    profile.version = version;
    profile.username = QStringLiteral("guest");
    profile.hasPassword = true;
    // RabbitMQ publishes no $SYS tree; the one test that keeps it on checks that it is harmless.
    profile.subscribeSys = false;
    profile.reconnectMinSeconds = 1;
    profile.reconnectMaxSeconds = 2;
    return profile;
}

// One MQTT client feeding its own pipeline, as a connection tab does.
struct Client
{
    IngestPipeline pipeline;
    std::unique_ptr<MqttConnection> connection;

    explicit Client(const ConnectionProfile &profile, const QString &password = QStringLiteral("guest"))
        : connection(std::make_unique<MqttConnection>(profile, pipeline.inbox()))
    {
        pipeline.setFrameInterval(10);
        pipeline.start();
        connection->setPassword(password);
    }
    ~Client() { connection->close(); }

    TopicTree::NodeId id(const QByteArray &topic) const { return pipeline.tree().find(topic); }
    bool has(const QByteArray &topic) const { return id(topic) != TopicTree::InvalidId; }
    const TopicTree::Node &node(const QByteArray &topic) const { return pipeline.tree().node(id(topic)); }
    QByteArray lastPayload(const QByteArray &topic) const { return pipeline.tree().lastPayload(id(topic)); }
    std::vector<TopicTree::HistoryEntry> history(const QByteArray &topic) const
    {
        return pipeline.tree().history(id(topic));
    }
};

QString describe(const MqttConnection &connection)
{
    return QStringLiteral("%1 (%2)").arg(connection.stateText(), connection.lastError());
}

} // namespace

// Tideline's MQTT client against RabbitMQ's MQTT and web-MQTT plugins (3.10: MQTT 3.1.1 only),
// one broker for the whole executable.
class TestRabbitMqMqtt : public QObject
{
    Q_OBJECT

private:
    RabbitMqProcess m_broker;

    // Opens, subscribes and waits for the SUBACK.
    static bool openAndSubscribe(Client &client, const QString &filter, int qos)
    {
        QSignalSpy subscribed(client.connection.get(), &MqttConnection::subscribed);
        client.connection->open();
        client.connection->subscribe({filter, qos});
        if (!QTest::qWaitFor([&] { return client.connection->state() == MqttConnection::State::Connected; },
                             15000))
            return false;
        return QTest::qWaitFor(
            [&] {
                for (const QList<QVariant> &args : std::as_const(subscribed)) {
                    if (args.at(0).toString() == filter)
                        return true;
                }
                return false;
            },
            10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_broker.start(&error), qPrintable(error));
        qInfo("RabbitMQ with MQTT on %s and %s, up in %lld ms", qPrintable(m_broker.mqttUrl()),
              qPrintable(m_broker.webMqttUrl()), m_broker.startDurationMs());
    }

    void cleanupTestCase()
    {
        // Short grace: usually ends in SIGKILL, which must leave nothing behind either.
        m_broker.stop(2000);
        QVERIFY(m_broker.leftoverProcesses().isEmpty());
    }

    // The broker itself, checked with an independent client (mosquitto's), so that a failure
    // further down points at Tideline and not at the harness.
    void brokerAnswersMosquittoClients()
    {
        const QString pub = findProgram(QStringLiteral("mosquitto_pub"));
        const QString sub = findProgram(QStringLiteral("mosquitto_sub"));
        QVERIFY2(!pub.isEmpty() && !sub.isEmpty(), "mosquitto-clients is not installed");
        const QStringList common = {QStringLiteral("-h"), m_broker.host(), QStringLiteral("-p"),
                                    QString::number(m_broker.mqttPort()), QStringLiteral("-u"), m_broker.username(),
                                    QStringLiteral("-P"), m_broker.password(), QStringLiteral("-V"),
                                    QStringLiteral("mqttv311")};
        QProcess publisher;
        publisher.setProcessChannelMode(QProcess::MergedChannels);
        publisher.start(pub, common + QStringList{QStringLiteral("-t"), QStringLiteral("probe/mosquitto"),
                                                  QStringLiteral("-m"), QStringLiteral("hello"), QStringLiteral("-q"),
                                                  QStringLiteral("1"), QStringLiteral("-r")});
        QVERIFY(publisher.waitForFinished(15000));
        QVERIFY2(publisher.exitCode() == 0, publisher.readAll().constData());
        QProcess subscriber;
        subscriber.setProcessChannelMode(QProcess::MergedChannels);
        subscriber.start(sub, common + QStringList{QStringLiteral("-t"), QStringLiteral("probe/mosquitto"),
                                                   QStringLiteral("-C"), QStringLiteral("1"), QStringLiteral("-W"),
                                                   QStringLiteral("10"), QStringLiteral("-v")});
        QVERIFY(subscriber.waitForFinished(15000));
        QCOMPARE(subscriber.readAll().trimmed(), QByteArrayLiteral("probe/mosquitto hello"));
    }

    void publishedMessageReachesTheTree_data()
    {
        QTest::addColumn<bool>("webSocket");
        QTest::addColumn<bool>("subscribeSys");
        QTest::newRow("tcp") << false << false;
        QTest::newRow("tcp, $SYS asked for") << false << true;
        QTest::newRow("websocket") << true << false;
    }
    void publishedMessageReachesTheTree()
    {
        QFETCH(bool, webSocket);
        QFETCH(bool, subscribeSys);
        ConnectionProfile profile = rabbitProfile(webSocket ? m_broker.webMqttUrl() : m_broker.mqttUrl());
        profile.subscribeSys = subscribeSys;
        Client client(profile);
        QVERIFY2(openAndSubscribe(client, QStringLiteral("#"), 1), qPrintable(describe(*client.connection)));

        const QByteArray topic = "plant/" + QByteArray(QTest::currentDataTag()).replace(' ', '_') + "/temperature";
        QSignalSpy published(client.connection.get(), &MqttConnection::publishFinished);
        const quint64 id = client.connection->publish(topic, "21.5", 1, false);
        QVERIFY(id != 0);
        QTRY_COMPARE_WITH_TIMEOUT(published.size(), 1, 10000);
        QCOMPARE(published.at(0).at(0).toULongLong(), id);
        QVERIFY2(published.at(0).at(1).toBool(), qPrintable(published.at(0).at(2).toString()));

        QTRY_VERIFY_WITH_TIMEOUT(client.has(topic), 10000);
        const TopicTree::Node &node = client.node(topic);
        QCOMPARE(client.lastPayload(topic), QByteArrayLiteral("21.5"));
        QCOMPARE(node.messageCount, quint64(1));
        QVERIFY(!node.retained);
        QCOMPARE(client.connection->state(), MqttConnection::State::Connected);
        QVERIFY2(client.connection->lastError().isEmpty(), qPrintable(client.connection->lastError()));
    }

    // RabbitMQ's MQTT plugin maps topics onto amq.topic ('/' <-> '.'): what an AMQP service
    // publishes there shows up in the MQTT tree.
    void amqpPublishShowsUpAsMqttTopic()
    {
        Client client(rabbitProfile(m_broker.mqttUrl()));
        QVERIFY2(openAndSubscribe(client, QStringLiteral("orders/#"), 0), qPrintable(describe(*client.connection)));
        const QJsonObject message{{QStringLiteral("routing_key"), QStringLiteral("orders.eu.created")},
                                  {QStringLiteral("payload"), QStringLiteral("{\"id\":42}")},
                                  {QStringLiteral("payload_encoding"), QStringLiteral("string")},
                                  {QStringLiteral("properties"), QJsonObject()}};
        const QByteArray body = QJsonDocument(message).toJson(QJsonDocument::Compact);
        const RabbitMqProcess::HttpResult reply = m_broker.managementRequest(
            QByteArrayLiteral("POST"), QStringLiteral("/api/exchanges/%2F/amq.topic/publish"), body);
        QVERIFY2(reply.ok(), qPrintable(reply.error));
        QVERIFY2(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("routed")).toBool(),
                 reply.body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(client.has("orders/eu/created"), 10000);
        QCOMPARE(client.lastPayload("orders/eu/created"), QByteArrayLiteral("{\"id\":42}"));
    }

    // RabbitMQ 3.10 delivers retained messages only to filters without wildcards.
    void retainedMessageReachesNewSubscriber()
    {
        const QByteArray topic = "plant/line1/setpoint";
        {
            Client publisher(rabbitProfile(m_broker.mqttUrl()));
            publisher.connection->open();
            QTRY_COMPARE_WITH_TIMEOUT(publisher.connection->state(), MqttConnection::State::Connected, 15000);
            QSignalSpy published(publisher.connection.get(), &MqttConnection::publishFinished);
            QVERIFY(publisher.connection->publish(topic, "42", 1, true) != 0);
            QTRY_COMPARE_WITH_TIMEOUT(published.size(), 1, 10000);
            QVERIFY2(published.at(0).at(1).toBool(), qPrintable(published.at(0).at(2).toString()));
        }
        Client subscriber(rabbitProfile(m_broker.mqttUrl()));
        QVERIFY2(openAndSubscribe(subscriber, QString::fromUtf8(topic), 1),
                 qPrintable(describe(*subscriber.connection)));
        QTRY_VERIFY_WITH_TIMEOUT(subscriber.has(topic), 10000);
        QCOMPARE(subscriber.lastPayload(topic), QByteArrayLiteral("42"));
        QVERIFY(subscriber.node(topic).retained);
        const std::vector<TopicTree::HistoryEntry> history = subscriber.history(topic);
        QCOMPARE(history.size(), size_t(1));
        QVERIFY(history.back().retained);
        QCOMPARE(history.back().payload, QByteArrayLiteral("42"));
    }

    void brokerKilledReconnectsAndRestores()
    {
        const QByteArray topic = "plant/line2/after-restart";
        Client subscriber(rabbitProfile(m_broker.mqttUrl()));
        QVERIFY2(openAndSubscribe(subscriber, QStringLiteral("plant/line2/#"), 1), qPrintable(describe(*subscriber.connection)));
        m_broker.kill();
        QTRY_VERIFY_WITH_TIMEOUT(subscriber.connection->state() == MqttConnection::State::Reconnecting, 20000);
        QString error;
        QVERIFY2(m_broker.restart(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(subscriber.connection->state(), MqttConnection::State::Connected, 90000);
        // The subscription came back with the connection: a new message reaches the tree.
        Client publisher(rabbitProfile(m_broker.mqttUrl()));
        publisher.connection->open();
        QTRY_COMPARE_WITH_TIMEOUT(publisher.connection->state(), MqttConnection::State::Connected, 15000);
        const auto publishAndLook = [&] {
            publisher.connection->publish(topic, "back", 1, false);
            return subscriber.has(topic);
        };
        QTRY_VERIFY_WITH_TIMEOUT(publishAndLook(), 20000);
        QCOMPARE(subscriber.lastPayload(topic), QByteArrayLiteral("back"));
    }

    void wrongPasswordFails()
    {
        Client client(rabbitProfile(m_broker.mqttUrl()), QStringLiteral("not-the-password"));
        QSignalSpy errors(client.connection.get(), &MqttConnection::errorOccurred);
        client.connection->open();
        QTRY_COMPARE_WITH_TIMEOUT(client.connection->state(), MqttConnection::State::Failed, 15000);
        QVERIFY2(client.connection->lastError().contains(QLatin1String("username or password")),
                 qPrintable(client.connection->lastError()));
        QCOMPARE(client.connection->lastErrorCode(), QStringLiteral("mqtt.auth")); // CONNACK return code 4
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.constLast().at(0).toString(), client.connection->lastError());
        // Failed means it gave up: no retry loop hammering the broker with a bad password.
        QTest::qWait(1500);
        QCOMPARE(client.connection->state(), MqttConnection::State::Failed);
        QCOMPARE(client.connection->secondsUntilReconnect(), -1);
    }

    // RabbitMQ 3.10's web-MQTT sends no CONNACK for bad credentials: it closes the WebSocket
    // (1002 "unauthenticated"), which Paho reports as a plain connect failure. The client must
    // still say something and never claim to be connected; a specific "username or password"
    // message is only possible if it gives up.
    void wrongPasswordOverWebSocketIsReported()
    {
        Client client(rabbitProfile(m_broker.webMqttUrl()), QStringLiteral("not-the-password"));
        QSignalSpy states(client.connection.get(), &MqttConnection::stateChanged);
        QSignalSpy errors(client.connection.get(), &MqttConnection::errorOccurred);
        client.connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(client.connection->state() == MqttConnection::State::Failed
                                     || client.connection->state() == MqttConnection::State::Reconnecting,
                                 15000);
        qInfo("bad password over web-MQTT: %s [%s]", qPrintable(describe(*client.connection)),
              qPrintable(client.connection->lastErrorCode()));
        QVERIFY(!errors.isEmpty());
        QVERIFY(!client.connection->lastError().isEmpty());
        for (const QList<QVariant> &args : std::as_const(states))
            QVERIFY(args.at(0).value<MqttConnection::State>() != MqttConnection::State::Connected);
        if (client.connection->state() == MqttConnection::State::Failed)
            QVERIFY2(client.connection->lastError().contains(QLatin1String("username or password")),
                     qPrintable(client.connection->lastError()));
        else
            QCOMPARE(client.connection->lastErrorCode(), QStringLiteral("mqtt.noanswer"));
    }

    // RabbitMQ 3.10 cannot parse an MQTT 5 CONNECT: it logs "cannot parse a frame" and closes
    // the socket without a CONNACK. The operator must see an error, not an endless
    // "Connecting…". Today the client reports "closed it without an MQTT answer" and retries;
    // if it learns to give up with "mqtt.version", that is accepted too.
    void mqtt5IsRefusedWithAnError()
    {
        Client client(rabbitProfile(m_broker.mqttUrl(), ConnectionProfile::Version::Mqtt5));
        QSignalSpy states(client.connection.get(), &MqttConnection::stateChanged);
        QSignalSpy errors(client.connection.get(), &MqttConnection::errorOccurred);
        client.connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(client.connection->state() == MqttConnection::State::Failed
                                     || client.connection->state() == MqttConnection::State::Reconnecting,
                                 15000);
        qInfo("MQTT 5 against RabbitMQ 3.10: %s [%s]", qPrintable(describe(*client.connection)),
              qPrintable(client.connection->lastErrorCode()));
        QVERIFY(!errors.isEmpty());
        const QString message = client.connection->lastError();
        QVERIFY(!message.isEmpty());
        QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(m_broker.mqttPort())), qPrintable(message));
        for (const QList<QVariant> &args : std::as_const(states))
            QVERIFY(args.at(0).value<MqttConnection::State>() != MqttConnection::State::Connected);
        if (client.connection->state() == MqttConnection::State::Failed)
            QCOMPARE(client.connection->lastErrorCode(), QStringLiteral("mqtt.version"));
        else
            QCOMPARE(client.connection->lastErrorCode(), QStringLiteral("mqtt.noanswer"));
    }
};

QTEST_GUILESS_MAIN(TestRabbitMqMqtt)
#include "tst_rabbitmq_mqtt.moc"
