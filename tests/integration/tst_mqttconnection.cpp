#include "TestServers.h"

#include "core/IngestPipeline.h"
#include "mqtt/MqttConnection.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QProcess>
#include <QtTest>

#include <memory>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

using State = MqttConnection::State;
using Version = ConnectionProfile::Version;

namespace {

// Everything logged while the test runs, to prove that no secret ever reaches a log line.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << message;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

ConnectionProfile profileFor(const QString &url, Version version)
{
    ConnectionProfile p;
    p.id = ConnectionProfile::newId();
    p.url = url;
    p.version = version;
    p.subscribeSys = false;
    p.keepAliveSeconds = 10;
    p.reconnectMinSeconds = 1; // keep the suite fast
    p.reconnectMaxSeconds = 2;
    return p;
}

bool mosquittoPub(const MosquittoProcess &broker, const QStringList &args, QString *error)
{
    const QString program = findProgram(u"mosquitto_pub"_s);
    if (program.isEmpty()) {
        *error = u"mosquitto_pub is not installed"_s;
        return false;
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, QStringList { u"-h"_s, broker.host(), u"-p"_s, QString::number(broker.port()) } + args);
    if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = u"mosquitto_pub %1 failed: %2"_s.arg(args.join(u' '), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

// A CA that signed nothing the brokers use.
bool makeUnrelatedCa(const QString &dir, QString *certFile, QString *error)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(findProgram(u"openssl"_s),
            { u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s,
              u"/CN=Unrelated CA"_s, u"-keyout"_s, u"other-ca.key"_s, u"-out"_s, u"other-ca.crt"_s });
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        *error = u"openssl failed: "_s + QString::fromLocal8Bit(p.readAll());
        return false;
    }
    *certFile = QDir(dir).filePath(u"other-ca.crt"_s);
    return true;
}

// Drains the pipeline and looks the topic up.
TopicTree::NodeId arrived(IngestPipeline &pipeline, const QByteArray &topic)
{
    pipeline.drainNow();
    return pipeline.tree().find(topic);
}

QList<State> statesOf(const QSignalSpy &spy)
{
    QList<State> states;
    for (const QList<QVariant> &args : spy)
        states << args.at(0).value<State>();
    return states;
}

} // namespace

// MqttConnection against a real mosquitto: both protocol versions, TLS, authentication,
// failures with their specific messages, reconnect with restored subscriptions, teardown.
class TestMqttConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MosquittoProcess> m_plain;
    std::unique_ptr<MosquittoProcess> m_tls;
    QTemporaryDir m_dir;
    QString m_unrelatedCa;

    ConnectionProfile tlsProfile(Version version) const
    {
        ConnectionProfile p = profileFor(m_tls->url(), version);
        p.caFile = m_tls->caFile();
        p.clientCertFile = m_tls->clientCertFile();
        p.clientKeyFile = m_tls->clientKeyFile();
        return p;
    }

    static void addVersions()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("mqtt311") << int(Version::Mqtt311);
        QTest::newRow("mqtt5") << int(Version::Mqtt5);
    }

private Q_SLOTS:
    void initTestCase()
    {
        g_previousHandler = qInstallMessageHandler(captureMessages);
        m_plain = std::make_unique<MosquittoProcess>();
        QString error;
        QVERIFY2(m_plain->start(&error), qPrintable(error));
        MosquittoProcess::Options tls;
        tls.tls = true;
        tls.requireClientCert = true;
        m_tls = std::make_unique<MosquittoProcess>(tls);
        QVERIFY2(m_tls->start(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
        QVERIFY2(makeUnrelatedCa(m_dir.path(), &m_unrelatedCa, &error), qPrintable(error));
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void connectsSubscribesAndReceives_data() { addVersions(); }
    void connectsSubscribesAndReceives()
    {
        QFETCH(int, version);
        const QByteArray prefix = "basic/" + QByteArray::number(version) + '/';
        IngestPipeline pipeline;
        MqttConnection c(profileFor(m_plain->url(), Version(version)), pipeline.inbox());
        QSignalSpy states(&c, &MqttConnection::stateChanged);
        QSignalSpy subscribed(&c, &MqttConnection::subscribed);
        QSignalSpy published(&c, &MqttConnection::publishFinished);
        QCOMPARE(c.publish(prefix + "early", "x", 0, false), quint64(0)); // not connected yet

        c.open();
        QCOMPARE(c.state(), State::Connecting);
        QCOMPARE(c.stateText(), u"Connecting…"_s);
        QTRY_COMPARE(c.state(), State::Connected);
        QCOMPARE(statesOf(states), (QList<State> { State::Connecting, State::Connected }));
        QCOMPARE(c.stateText(), u"Connected"_s);
        QVERIFY(c.lastError().isEmpty());

        c.subscribe({ u"#"_s, 1 });
        QTRY_COMPARE(subscribed.count(), 1);
        QCOMPARE(subscribed.at(0).at(0).toString(), u"#"_s);
        QCOMPARE(subscribed.at(0).at(1).toInt(), 1);

        const quint64 id = c.publish(prefix + "own", "hello", 1, false);
        QVERIFY(id > 0);
        QTRY_COMPARE(published.count(), 1);
        QCOMPARE(published.at(0).at(0).toULongLong(), id);
        QVERIFY(published.at(0).at(1).toBool());

        QString error;
        QVERIFY2(mosquittoPub(*m_plain,
                              { u"-t"_s, QString::fromUtf8(prefix + "external"), u"-m"_s, u"world"_s, u"-q"_s,
                                u"1"_s },
                              &error),
                 qPrintable(error));

        QTRY_VERIFY(arrived(pipeline, prefix + "own") != TopicTree::InvalidId);
        QTRY_VERIFY(arrived(pipeline, prefix + "external") != TopicTree::InvalidId);
        const TopicTree &tree = pipeline.tree();
        const TopicTree::NodeId own = tree.find(QByteArray(prefix + "own"));
        const TopicTree::NodeId external = tree.find(QByteArray(prefix + "external"));
        QCOMPARE(tree.lastPayload(own), QByteArray("hello"));
        QCOMPARE(tree.lastPayload(external), QByteArray("world"));
        QCOMPARE(tree.node(external).lastQos, quint8(1));
        QVERIFY(!tree.node(external).retained);
        QVERIFY(tree.node(external).lastTimestampMs > 0);

        c.close();
        QCOMPARE(c.state(), State::Disconnected);
        QCOMPARE(c.stateText(), u"Disconnected"_s);
    }

    void retainedMessageOnSubscribe_data() { addVersions(); }
    void retainedMessageOnSubscribe()
    {
        QFETCH(int, version);
        const QString prefix = u"retained/%1/"_s.arg(version);
        QString error;
        QVERIFY2(mosquittoPub(*m_plain, { u"-r"_s, u"-t"_s, prefix + u"kept"_s, u"-m"_s, u"last known"_s },
                              &error),
                 qPrintable(error));

        IngestPipeline pipeline;
        QElapsedTimer sinceOpen;
        QElapsedTimer sinceConnected;
        qint64 connectedAfterMs = -1;
        qint64 subscribedAfterMs = -1;
        MqttConnection c(profileFor(m_plain->url(), Version(version)), pipeline.inbox());
        QSignalSpy subscribed(&c, &MqttConnection::subscribed);
        // Timed in the slots, not by polling: QTRY_* only looks every few milliseconds.
        connect(&c, &MqttConnection::stateChanged, this, [&](State state) {
            if (state == State::Connected && !sinceConnected.isValid()) {
                connectedAfterMs = sinceOpen.elapsed();
                sinceConnected.start();
            }
        });
        connect(&c, &MqttConnection::subscribed, this, [&] {
            if (subscribedAfterMs < 0 && sinceConnected.isValid())
                subscribedAfterMs = sinceConnected.elapsed();
        });
        c.subscribe({ prefix + u"#"_s, 0 }); // queued while disconnected
        QCOMPARE(c.subscriptions().size(), 1);
        sinceOpen.start();
        c.open();
        QTRY_COMPARE(subscribed.count(), 1);
        // The queued SUBSCRIBE goes out as soon as the CONNACK is in (no timer, no waiting for
        // $SYS): on loopback the SUBACK is back in milliseconds; 750 ms leaves room for a busy
        // CI machine. (A connect while another Paho client of this process is connected takes
        // about 2 s more, inside Paho C 1.3.x's receive loop: eclipse-paho/paho.mqtt.c#1430.)
        qInfo("connected %lld ms after open(), subscribed %lld ms after that", connectedAfterMs,
              subscribedAfterMs);
        QVERIFY2(subscribedAfterMs >= 0 && subscribedAfterMs < 750,
                 qPrintable(QString::number(subscribedAfterMs)));
        QTRY_VERIFY(arrived(pipeline, (prefix + u"kept"_s).toUtf8()) != TopicTree::InvalidId);
        const TopicTree::NodeId kept = pipeline.tree().find((prefix + u"kept"_s).toUtf8());
        QVERIFY(pipeline.tree().node(kept).retained);
        QCOMPARE(pipeline.tree().lastPayload(kept), QByteArray("last known"));

        // A live, non-retained message on the same topic is not flagged as retained.
        QVERIFY2(mosquittoPub(*m_plain, { u"-t"_s, prefix + u"kept"_s, u"-m"_s, u"live"_s }, &error),
                 qPrintable(error));
        QTRY_COMPARE((pipeline.drainNow(), pipeline.tree().lastPayload(kept)), QByteArray("live"));
        QVERIFY(!pipeline.tree().node(kept).retained);

        // Clean up the retained message for the other data row.
        QVERIFY2(mosquittoPub(*m_plain, { u"-r"_s, u"-n"_s, u"-t"_s, prefix + u"kept"_s }, &error),
                 qPrintable(error));
    }

    void mqtt5PropertiesRoundTrip()
    {
        IngestPipeline pipeline;
        MqttConnection c(profileFor(m_plain->url(), Version::Mqtt5), pipeline.inbox());
        QSignalSpy subscribed(&c, &MqttConnection::subscribed);
        QSignalSpy published(&c, &MqttConnection::publishFinished);
        c.subscribe({ u"props/#"_s, 1 });
        c.open();
        QTRY_COMPARE(subscribed.count(), 1);

        MessageProperties sent;
        sent.contentType = u"application/json"_s;
        sent.payloadFormatIndicator = 1;
        sent.responseTopic = u"props/reply/工厂"_s;
        sent.correlationData = QByteArray("\x00\x01corr\xff", 7);
        sent.userProperties
            = { { u"trace-id"_s, u"abc123"_s }, { u"unit"_s, u"°C"_s }, { u"trace-id"_s, u"dup"_s } };
        sent.messageExpiryInterval = 300;
        QVERIFY(c.publish("props/reading", R"({"t":21.5})", 1, false, sent) > 0);
        QTRY_COMPARE(published.count(), 1);
        QVERIFY(published.at(0).at(1).toBool());

        QTRY_VERIFY(arrived(pipeline, "props/reading") != TopicTree::InvalidId);
        const auto received = pipeline.tree().lastProperties(pipeline.tree().find("props/reading"));
        QVERIFY(received);
        QCOMPARE(received->contentType, sent.contentType);
        QCOMPARE(received->payloadFormatIndicator, sent.payloadFormatIndicator);
        QCOMPARE(received->responseTopic, sent.responseTopic);
        QCOMPARE(received->correlationData, sent.correlationData);
        QCOMPARE(received->userProperties, sent.userProperties);
        QVERIFY(received->messageExpiryInterval.has_value());
        QVERIFY(*received->messageExpiryInterval <= 300 && *received->messageExpiryInterval >= 290);

        // A message without properties arrives without any.
        QVERIFY(c.publish("props/plain", "x", 0, false) > 0);
        QTRY_VERIFY(arrived(pipeline, "props/plain") != TopicTree::InvalidId);
        QVERIFY(!pipeline.tree().lastProperties(pipeline.tree().find("props/plain")));
    }

    void invalidFilterAndTopic()
    {
        IngestPipeline pipeline;
        MqttConnection c(profileFor(m_plain->url(), Version::Mqtt5), pipeline.inbox());
        QSignalSpy failed(&c, &MqttConnection::subscribeFailed);
        QSignalSpy published(&c, &MqttConnection::publishFinished);
        c.open();
        QTRY_COMPARE(c.state(), State::Connected);
        c.subscribe({ u"a/#/b"_s, 0 });
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), u"a/#/b"_s);
        QVERIFY(failed.at(0).at(1).toString().contains(u"not a valid topic filter"_s));
        QVERIFY(c.subscriptions().isEmpty());
        QCOMPARE(c.state(), State::Connected); // the broker never saw it

        const quint64 id = c.publish("a/+", "x", 0, false);
        QTRY_COMPARE(published.count(), 1);
        QCOMPARE(published.at(0).at(0).toULongLong(), id);
        QVERIFY(!published.at(0).at(1).toBool());
        QVERIFY(published.at(0).at(2).toString().contains(u"not a valid topic name"_s));
    }

    void sysTopicsWhenAsked()
    {
        IngestPipeline pipeline;
        ConnectionProfile p = profileFor(m_plain->url(), Version::Mqtt311);
        p.subscribeSys = true;
        MqttConnection c(p, pipeline.inbox());
        QSignalSpy subscribed(&c, &MqttConnection::subscribed);
        QSignalSpy failed(&c, &MqttConnection::subscribeFailed);
        c.open();
        // mosquitto publishes $SYS every second here (sys_interval 1).
        QTRY_VERIFY_WITH_TIMEOUT(arrived(pipeline, "$SYS/broker/uptime") != TopicTree::InvalidId, 5000);
        QCOMPARE(subscribed.count(), 0); // internal: not one of the operator's subscriptions
        QCOMPARE(failed.count(), 0);
        QVERIFY(c.subscriptions().isEmpty());
    }

    void webSockets_data() { addVersions(); }
    void webSockets()
    {
        QFETCH(int, version);
        WebSocketBridge bridge(m_plain->port());
        QString error;
        QVERIFY2(bridge.start(&error), qPrintable(error));
        IngestPipeline pipeline;
        ConnectionProfile p = profileFor(u"ws://127.0.0.1:%1/mqtt"_s.arg(bridge.port()), Version(version));
        QCOMPARE(p.pahoUri(), u"ws://127.0.0.1:%1/mqtt"_s.arg(bridge.port()));
        MqttConnection c(p, pipeline.inbox());
        QSignalSpy subscribed(&c, &MqttConnection::subscribed);
        c.subscribe({ u"ws/#"_s, 1 });
        c.open();
        QTRY_COMPARE(c.state(), State::Connected);
        QTRY_COMPARE(subscribed.count(), 1);
        const QByteArray topic = "ws/" + QByteArray::number(version);
        QVERIFY(c.publish(topic, "framed", 1, false) > 0);
        QTRY_VERIFY(arrived(pipeline, topic) != TopicTree::InvalidId);
        QCOMPARE(pipeline.tree().lastPayload(pipeline.tree().find(topic)), QByteArray("framed"));
        QCOMPARE(bridge.acceptedConnections(), 1); // it really went through the WebSocket
    }

    void tlsWithClientCertificate_data() { addVersions(); }
    void tlsWithClientCertificate()
    {
        QFETCH(int, version);
        IngestPipeline pipeline;
        MqttConnection c(tlsProfile(Version(version)), pipeline.inbox());
        QSignalSpy subscribed(&c, &MqttConnection::subscribed);
        c.subscribe({ u"#"_s, 1 });
        c.open();
        QTRY_COMPARE(c.state(), State::Connected);
        QTRY_COMPARE(subscribed.count(), 1);
        const QByteArray topic = "tls/" + QByteArray::number(version);
        QVERIFY(c.publish(topic, "secure", 1, false) > 0);
        QTRY_VERIFY(arrived(pipeline, topic) != TopicTree::InvalidId);
        QCOMPARE(pipeline.tree().lastPayload(pipeline.tree().find(topic)), QByteArray("secure"));
    }

    void tlsWrongCaFails_data() { addVersions(); }
    void tlsWrongCaFails()
    {
        QFETCH(int, version);
        ConnectionProfile p = tlsProfile(Version(version));
        p.caFile = m_unrelatedCa;
        MqttConnection c(p, std::make_shared<MessageInbox>());
        QSignalSpy states(&c, &MqttConnection::stateChanged);
        QSignalSpy errors(&c, &MqttConnection::errorOccurred);
        c.open();
        QTRY_COMPARE(c.state(), State::Failed);
        QCOMPARE(c.lastErrorCode(), u"mqtt.tls.verify"_s);
        QVERIFY2(c.lastError().contains(u"certificate of localhost:"_s), qPrintable(c.lastError()));
        QVERIFY(c.lastError().contains(u"could not be verified"_s));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), c.lastError());
        QVERIFY(!statesOf(states).contains(State::Reconnecting)); // retrying cannot fix this
        QCOMPARE(c.stateText(), u"Failed: "_s + c.lastError());
        QCOMPARE(c.secondsUntilReconnect(), -1);
    }

    void tlsVerifyOffConnects()
    {
        ConnectionProfile p = tlsProfile(Version::Mqtt5);
        p.caFile = m_unrelatedCa;
        p.verifyServer = false;
        MqttConnection c(p, std::make_shared<MessageInbox>());
        c.open();
        QTRY_COMPARE(c.state(), State::Connected);
    }

    void tlsWithoutClientCertificateFails()
    {
        ConnectionProfile p = tlsProfile(Version::Mqtt311);
        p.clientCertFile.clear();
        p.clientKeyFile.clear();
        MqttConnection c(p, std::make_shared<MessageInbox>());
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), State::Failed, 10000);
        QVERIFY2(c.lastErrorCode().startsWith(u"mqtt.tls"_s), qPrintable(c.lastErrorCode()));
        QVERIFY2(c.lastError().contains(u"client certificate"_s), qPrintable(c.lastError()));
    }

    void wrongKindOfPort()
    {
        // TLS spoken to a plain listener: a configuration error, not worth retrying.
        ConnectionProfile tlsToPlain
            = profileFor(u"mqtts://127.0.0.1:%1"_s.arg(m_plain->port()), Version::Mqtt5);
        tlsToPlain.verifyServer = false;
        MqttConnection a(tlsToPlain, std::make_shared<MessageInbox>());
        a.open();
        QTRY_COMPARE(a.state(), State::Failed);
        QCOMPARE(a.lastErrorCode(), u"mqtt.tls.notls"_s);
        QVERIFY2(a.lastError().contains(u"Is this a TLS port?"_s), qPrintable(a.lastError()));

        // Plain MQTT spoken to a TLS listener: said so, and retried (it might be a restart).
        MqttConnection b(profileFor(u"mqtt://127.0.0.1:%1"_s.arg(m_tls->port()), Version::Mqtt311),
                         std::make_shared<MessageInbox>());
        b.open();
        QTRY_COMPARE(b.state(), State::Reconnecting);
        QCOMPARE(b.lastErrorCode(), u"mqtt.noanswer"_s);
        QVERIFY2(b.lastError().contains(u"mqtts://"_s), qPrintable(b.lastError()));
    }

    void wrongPassword_data() { addVersions(); }
    void wrongPassword()
    {
        QFETCH(int, version);
        MosquittoProcess::Options o;
        o.allowAnonymous = false;
        o.username = u"alice"_s;
        o.password = u"right-horse-battery"_s;
        MosquittoProcess broker(o);
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));

        const QString wrong = u"Wr0ng-Pa55-never-logged"_s;
        ConnectionProfile p = profileFor(broker.url(), Version(version));
        p.username = u"alice"_s;
        p.hasPassword = true;
        {
            QMutexLocker lock(&g_logMutex);
            g_log.clear();
        }
        MqttConnection c(p, std::make_shared<MessageInbox>());
        QSignalSpy states(&c, &MqttConnection::stateChanged);
        c.setPassword(wrong);
        c.open();
        QTRY_COMPARE(c.state(), State::Failed);
        QVERIFY2(c.lastError().contains(u"username or password"_s), qPrintable(c.lastError()));
        QVERIFY(c.lastErrorCode() == u"mqtt.auth"_s || c.lastErrorCode() == u"mqtt.notauthorized"_s);
        QVERIFY(!statesOf(states).contains(State::Reconnecting));
        {
            QMutexLocker lock(&g_logMutex);
            QVERIFY(!g_log.isEmpty()); // the failure was logged...
            QVERIFY(!g_log.join(u'\n').contains(wrong)); // ...without the password
        }

        MqttConnection right(p, std::make_shared<MessageInbox>());
        right.setPassword(o.password);
        right.open();
        QTRY_COMPARE(right.state(), State::Connected);
    }

    void unknownHost()
    {
        MqttConnection c(profileFor(u"mqtt://no-such-host.invalid:1883"_s, Version::Mqtt5),
                         std::make_shared<MessageInbox>());
        QSignalSpy states(&c, &MqttConnection::stateChanged);
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), State::Failed, 10000);
        QCOMPARE(c.lastErrorCode(), u"mqtt.unknownhost"_s);
        QCOMPARE(c.lastError(),
                 u"Unknown host \"no-such-host.invalid\": the name could not be resolved. "
                 "Check the broker address."_s);
        QVERIFY(!statesOf(states).contains(State::Reconnecting));
    }

    void connectionRefusedRetriesUntilClosed()
    {
        const quint16 port = freePort(); // nothing listens here
        QVERIFY(port > 0);
        MqttConnection c(profileFor(u"mqtt://127.0.0.1:%1"_s.arg(port), Version::Mqtt311),
                         std::make_shared<MessageInbox>());
        QSignalSpy errors(&c, &MqttConnection::errorOccurred);
        QSignalSpy countdown(&c, &MqttConnection::reconnectCountdownChanged);
        c.open();
        QTRY_COMPARE(c.state(), State::Reconnecting);
        QCOMPARE(c.lastErrorCode(), u"mqtt.refused"_s);
        QCOMPARE(c.lastError(), u"Connection refused by 127.0.0.1:%1 (is the broker running?)"_s.arg(port));
        QVERIFY(c.secondsUntilReconnect() >= 1 && c.secondsUntilReconnect() <= 2);
        QVERIFY2(c.stateText().startsWith(u"Reconnecting in "_s), qPrintable(c.stateText()));
        QVERIFY(c.stateText().endsWith(u" s"_s));
        QVERIFY(!countdown.isEmpty());
        QVERIFY(countdown.at(0).at(0).toInt() >= 1);

        // It really retries, and keeps saying why.
        QTRY_VERIFY_WITH_TIMEOUT(errors.count() >= 2, 6000);
        QCOMPARE(c.state(), State::Reconnecting);

        c.close();
        QCOMPARE(c.state(), State::Disconnected);
        QCOMPARE(c.secondsUntilReconnect(), -1);
        const int errorsAtClose = int(errors.count());
        QTest::qWait(2500); // longer than the longest backoff
        QCOMPARE(int(errors.count()), errorsAtClose);
        QCOMPARE(c.state(), State::Disconnected);
    }

    void brokerKilledReconnectsAndRestores_data() { addVersions(); }
    void brokerKilledReconnectsAndRestores()
    {
        QFETCH(int, version);
        MosquittoProcess broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        IngestPipeline pipeline;
        MqttConnection c(profileFor(broker.url(), Version(version)), pipeline.inbox());
        QSignalSpy states(&c, &MqttConnection::stateChanged);
        QSignalSpy subscribed(&c, &MqttConnection::subscribed);
        c.subscribe({ u"plant/#"_s, 1 });
        c.open();
        QTRY_COMPARE(subscribed.count(), 1);

        broker.kill();
        QTRY_COMPARE(c.state(), State::Reconnecting);
        QCOMPARE(c.lastErrorCode(), u"mqtt.lost"_s);
        QCOMPARE(c.lastError(), u"Lost the connection to 127.0.0.1:%1."_s.arg(broker.port()));
        QVERIFY(c.secondsUntilReconnect() >= 0);

        QElapsedTimer sinceRestart;
        QVERIFY2(broker.restart(&error), qPrintable(error));
        sinceRestart.start();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), State::Connected, 8000);
        qInfo("reconnected %lld ms after the broker came back", sinceRestart.elapsed());
        QTRY_COMPARE(subscribed.count(), 2); // restored without being asked
        QCOMPARE(c.subscriptions(), (QList<Subscription> { { u"plant/#"_s, 1 } }));

        QVERIFY2(mosquittoPub(broker, { u"-t"_s, u"plant/after-restart"_s, u"-m"_s, u"back"_s }, &error),
                 qPrintable(error));
        QTRY_VERIFY(arrived(pipeline, "plant/after-restart") != TopicTree::InvalidId);
        const QList<State> seen = statesOf(states);
        QVERIFY(seen.contains(State::Reconnecting));
        QCOMPARE(seen.last(), State::Connected);
        QVERIFY(!seen.contains(State::Failed));
    }

    void reopenAfterClose()
    {
        IngestPipeline pipeline;
        MqttConnection c(profileFor(m_plain->url(), Version::Mqtt5), pipeline.inbox());
        QSignalSpy subscribed(&c, &MqttConnection::subscribed);
        c.subscribe({ u"reopen/#"_s, 0 });
        c.open();
        QTRY_COMPARE(c.state(), State::Connected);
        c.close();
        c.open();
        QCOMPARE(c.state(), State::Connecting);
        QTRY_COMPARE(c.state(), State::Connected);
        QTRY_VERIFY(subscribed.count() >= 2);
        QVERIFY(c.publish("reopen/x", "again", 0, false) > 0);
        QTRY_VERIFY(arrived(pipeline, "reopen/x") != TopicTree::InvalidId);

        // Closed and reopened while the connect is still in flight.
        c.close();
        c.open();
        c.close();
        c.open();
        QTRY_COMPARE(c.state(), State::Connected);
        QTest::qWait(300); // no stale result may knock it over
        QCOMPARE(c.state(), State::Connected);
        QVERIFY(c.publish("reopen/y", "still", 0, false) > 0);
        QTRY_VERIFY(arrived(pipeline, "reopen/y") != TopicTree::InvalidId);
    }

    void destroyWhileBusy()
    {
        QElapsedTimer timer;
        qint64 worstMs = 0;
        const auto destroy = [&](std::unique_ptr<MqttConnection> &c) {
            const State before = c->state();
            timer.start();
            c.reset();
            if (timer.elapsed() > 150)
                qInfo("destroying in state %d took %lld ms", int(before), timer.elapsed());
            worstMs = std::max(worstMs, timer.elapsed());
        };
        for (int i = 0; i < 10; ++i) {
            // TCP connect in flight.
            auto plain = std::make_unique<MqttConnection>(profileFor(m_plain->url(), Version(i % 2 ? 4 : 5)),
                                                          std::make_shared<MessageInbox>());
            plain->open();
            destroy(plain);
            // Host lookup in flight.
            auto named = std::make_unique<MqttConnection>(
                profileFor(u"mqtt://localhost:%1"_s.arg(m_plain->port()), Version::Mqtt5),
                std::make_shared<MessageInbox>());
            named->open();
            destroy(named);
            // TLS handshake in flight, with callbacks already queued.
            auto tls = std::make_unique<MqttConnection>(tlsProfile(Version::Mqtt5),
                                                        std::make_shared<MessageInbox>());
            tls->open();
            QTest::qWait(i * 3);
            destroy(tls);
        }
        // Waiting to reconnect.
        auto refused = std::make_unique<MqttConnection>(
            profileFor(u"mqtt://127.0.0.1:%1"_s.arg(freePort()), Version::Mqtt311),
            std::make_shared<MessageInbox>());
        refused->open();
        QTRY_COMPARE(refused->state(), State::Reconnecting);
        destroy(refused);
        // Connected, with messages flowing.
        auto inbox = std::make_shared<MessageInbox>();
        auto connected = std::make_unique<MqttConnection>(profileFor(m_plain->url(), Version::Mqtt5), inbox);
        connected->subscribe({ u"#"_s, 0 });
        connected->open();
        QTRY_COMPARE(connected->state(), State::Connected);
        for (int i = 0; i < 200; ++i)
            connected->publish("busy/x", QByteArray::number(i), 0, false);
        destroy(connected);
        qInfo("slowest destructor: %lld ms", worstMs);
        QVERIFY2(worstMs < 1500, qPrintable(QString::number(worstMs)));
        QTest::qWait(200); // late Paho callbacks land on nothing

        // The library is still usable afterwards.
        MqttConnection again(profileFor(m_plain->url(), Version::Mqtt5), std::make_shared<MessageInbox>());
        again.open();
        QTRY_COMPARE(again.state(), State::Connected);
    }
};

QTEST_GUILESS_MAIN(TestMqttConnection)
#include "tst_mqttconnection.moc"
