#include "mqtt/ConnectionProfile.h"
#include "mqtt/MqttConnection.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace tideline;
using namespace Qt::StringLiterals;

using ProfileEdit = std::function<void(ConnectionProfile &)>;
Q_DECLARE_METATYPE(ProfileEdit)

namespace {

ConnectionProfile validProfile()
{
    ConnectionProfile p;
    p.id = ConnectionProfile::newId();
    p.url = u"mqtt://localhost:1883"_s;
    return p;
}

ConnectionProfile fullProfile(const QString &existingFile)
{
    ConnectionProfile p;
    p.id = ConnectionProfile::newId();
    p.name = u"Production 工厂"_s;
    p.url = u"mqtts://broker.example:8884"_s;
    p.version = ConnectionProfile::Version::Mqtt311;
    p.clientId = u"console-7"_s;
    p.cleanStart = false;
    p.sessionExpirySeconds = 3600;
    p.keepAliveSeconds = 30;
    p.username = u"operator"_s;
    p.hasPassword = true;
    p.caFile = existingFile;
    p.clientCertFile = existingFile;
    p.clientKeyFile = existingFile;
    p.hasKeyPassphrase = true;
    p.verifyServer = false;
    p.will = { true, u"status/console-7"_s, QByteArray("offline\0bytes", 13), 1, true };
    p.subscriptions = { { u"factory/#"_s, 1 }, { u"$SYS/broker/load/#"_s, 0 }, { u"a/+/c"_s, 2 } };
    p.subscribeSys = false;
    p.autoReconnect = false;
    p.reconnectMinSeconds = 2;
    p.reconnectMaxSeconds = 30;
    return p;
}

} // namespace

// ConnectionProfile: URL parsing, validation messages, the Paho URI, and settings that never
// contain a secret.
class TestConnectionProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromUrl_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("errorCode"); // empty: accepted
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("pahoUri");

        QTest::newRow("mqtt default port")
            << u"mqtt://broker.local"_s << QString() << u"mqtt://broker.local"_s << QString()
            << u"broker.local"_s << 1883 << u"tcp://broker.local:1883"_s;
        QTest::newRow("mqtts explicit port")
            << u"mqtts://broker:8884"_s << QString() << u"mqtts://broker:8884"_s << QString() << u"broker"_s
            << 8884 << u"ssl://broker:8884"_s;
        QTest::newRow("mqtts default port") << u"mqtts://broker"_s << QString() << u"mqtts://broker"_s
                                            << QString() << u"broker"_s << 8883 << u"ssl://broker:8883"_s;
        QTest::newRow("ws default port, path")
            << u"ws://gw.local/mqtt"_s << QString() << u"ws://gw.local/mqtt"_s << QString() << u"gw.local"_s
            << 80 << u"ws://gw.local:80/mqtt"_s;
        QTest::newRow("wss with port") << u"wss://gw:9443/ws"_s << QString() << u"wss://gw:9443/ws"_s
                                       << QString() << u"gw"_s << 9443 << u"wss://gw:9443/ws"_s;
        QTest::newRow("wss default port") << u"wss://gw"_s << QString() << u"wss://gw"_s << QString()
                                          << u"gw"_s << 443 << u"wss://gw:443"_s;
        QTest::newRow("username") << u"mqtt://alice@host:1884"_s << QString() << u"mqtt://host:1884"_s
                                  << u"alice"_s << u"host"_s << 1884 << u"tcp://host:1884"_s;
        QTest::newRow("percent-encoded username")
            << u"mqtt://al%40ice@host"_s << QString() << u"mqtt://host"_s << u"al@ice"_s << u"host"_s << 1883
            << u"tcp://host:1883"_s;
        QTest::newRow("bare host:port") << u"localhost:1999"_s << QString() << u"mqtt://localhost:1999"_s
                                        << QString() << u"localhost"_s << 1999 << u"tcp://localhost:1999"_s;
        QTest::newRow("upper-case scheme") << u"MQTTS://Broker"_s << QString() << u"mqtts://Broker"_s
                                           << QString() << u"Broker"_s << 8883 << u"ssl://Broker:8883"_s;
        QTest::newRow("ipv6") << u"mqtt://[::1]:1884"_s << QString() << u"mqtt://[::1]:1884"_s << QString()
                              << u"::1"_s << 1884 << u"tcp://[::1]:1884"_s;
        QTest::newRow("surrounding blanks") << u"  mqtt://h:1 "_s << QString() << u"mqtt://h:1"_s << QString()
                                            << u"h"_s << 1 << u"tcp://h:1"_s;

        const QString none;
        QTest::newRow("password rejected")
            << u"mqtt://alice:secret@host"_s << u"mqtt.url.password"_s << none << none << none << 0 << none;
        QTest::newRow("empty password rejected")
            << u"mqtt://alice:@host"_s << u"mqtt.url.password"_s << none << none << none << 0 << none;
        QTest::newRow("http scheme") << u"http://host"_s << u"mqtt.url"_s << none << none << none << 0
                                     << none;
        QTest::newRow("no host") << u"mqtt://"_s << u"mqtt.url"_s << none << none << none << 0 << none;
        QTest::newRow("only port") << u"mqtt://:1883"_s << u"mqtt.url"_s << none << none << none << 0 << none;
        QTest::newRow("port too big")
            << u"mqtt://h:70000"_s << u"mqtt.url"_s << none << none << none << 0 << none;
        QTest::newRow("port zero") << u"mqtt://h:0"_s << u"mqtt.url"_s << none << none << none << 0 << none;
        QTest::newRow("port not a number")
            << u"mqtt://h:abc"_s << u"mqtt.url"_s << none << none << none << 0 << none;
        QTest::newRow("port missing") << u"mqtt://h:"_s << u"mqtt.url"_s << none << none << none << 0 << none;
        QTest::newRow("unbracketed ipv6")
            << u"mqtt://::1:1883"_s << u"mqtt.url"_s << none << none << none << 0 << none;
        QTest::newRow("space in host")
            << u"mqtt://ho st"_s << u"mqtt.url"_s << none << none << none << 0 << none;
        QTest::newRow("path on mqtt")
            << u"mqtt://h/x"_s << u"mqtt.url"_s << none << none << none << 0 << none;
        QTest::newRow("empty") << QString() << u"mqtt.url"_s << none << none << none << 0 << none;
    }

    void fromUrl()
    {
        QFETCH(QString, input);
        QFETCH(QString, errorCode);
        const Result<ConnectionProfile> r = ConnectionProfile::fromUrl(input);
        if (!errorCode.isEmpty()) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, errorCode);
            QVERIFY(!r.error().message.isEmpty());
            QVERIFY2(!r.error().message.contains(u"secret"_s), "the rejected password must not be echoed");
            return;
        }
        if (!r.ok())
            QFAIL(qPrintable(r.error().message));
        QFETCH(QString, url);
        QFETCH(QString, username);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, pahoUri);
        const ConnectionProfile &p = r.value();
        QCOMPARE(p.url, url);
        QCOMPARE(p.username, username);
        QCOMPARE(p.host(), host);
        QCOMPARE(p.port(), port);
        QCOMPARE(p.pahoUri(), pahoUri);
        QVERIFY(!p.id.isEmpty());
        QVERIFY(!p.hasPassword);
        QCOMPARE(p.validate(), QString());
    }

    void fromUrlMessages()
    {
        // The messages name the actual problem, not just "invalid URL".
        QVERIFY(ConnectionProfile::fromUrl(u"mqtt://a:b@h"_s).error().message.contains(u"password"_s));
        QVERIFY(ConnectionProfile::fromUrl(u"mqtt://h:70000"_s).error().message.contains(u"65535"_s));
        QVERIFY(ConnectionProfile::fromUrl(u"amqp://h"_s).error().message.contains(u"amqp"_s));
        QVERIFY(ConnectionProfile::fromUrl(u"mqtt://"_s).error().message.contains(u"host"_s));
        QVERIFY(ConnectionProfile::fromUrl(u"mqtt://h:x1"_s).error().message.contains(u"not a number"_s));
    }

    void validate_data()
    {
        QTest::addColumn<ProfileEdit>("edit");
        QTest::addColumn<QString>("expected"); // a fragment of the message; empty: valid

        QTest::newRow("valid") << ProfileEdit([](ConnectionProfile &) {}) << QString();
        QTest::newRow("valid ws") << ProfileEdit([](ConnectionProfile &p) { p.url = u"ws://h:9001/mqtt"_s; })
                                  << QString();
        QTest::newRow("keep-alive 0 is allowed")
            << ProfileEdit([](ConnectionProfile &p) { p.keepAliveSeconds = 0; }) << QString();
        QTest::newRow("bad scheme") << ProfileEdit([](ConnectionProfile &p) { p.url = u"amqp://h"_s; })
                                    << u"Unsupported scheme \"amqp\""_s;
        QTest::newRow("no scheme") << ProfileEdit([](ConnectionProfile &p) { p.url = u"localhost"_s; })
                                   << u"has no scheme"_s;
        QTest::newRow("missing host")
            << ProfileEdit([](ConnectionProfile &p) { p.url = u"mqtt://:1883"_s; }) << u"no host name"_s;
        QTest::newRow("port out of range")
            << ProfileEdit([](ConnectionProfile &p) { p.url = u"mqtt://h:65536"_s; })
            << u"port 65536 is out of range"_s;
        QTest::newRow("password in url")
            << ProfileEdit([](ConnectionProfile &p) { p.url = u"mqtt://u:pw@h"_s; })
            << u"contains a password"_s;
        QTest::newRow("keep-alive negative")
            << ProfileEdit([](ConnectionProfile &p) { p.keepAliveSeconds = -1; }) << u"keep-alive"_s;
        QTest::newRow("keep-alive too long")
            << ProfileEdit([](ConnectionProfile &p) { p.keepAliveSeconds = 70000; }) << u"keep-alive"_s;
        QTest::newRow("unknown version")
            << ProfileEdit([](ConnectionProfile &p) { p.version = ConnectionProfile::Version(3); })
            << u"Unsupported MQTT version 3"_s;
        QTest::newRow("3.1.1 password without user") << ProfileEdit([](ConnectionProfile &p) {
            p.version = ConnectionProfile::Version::Mqtt311;
            p.hasPassword = true;
        }) << u"without a username"_s;
        QTest::newRow("cert without key") << ProfileEdit([](ConnectionProfile &p) {
            p.url = u"mqtts://h"_s;
            p.clientCertFile = QStringLiteral(TIDELINE_SOURCE_DIR "/tests/unit/tst_connectionprofile.cpp");
        }) << u"needs its private key"_s;
        QTest::newRow("key without cert") << ProfileEdit([](ConnectionProfile &p) {
            p.url = u"mqtts://h"_s;
            p.clientKeyFile = QStringLiteral(TIDELINE_SOURCE_DIR "/tests/unit/tst_connectionprofile.cpp");
        }) << u"no client certificate"_s;
        QTest::newRow("missing CA file") << ProfileEdit([](ConnectionProfile &p) {
            p.url = u"mqtts://h"_s;
            p.caFile = u"/nonexistent/ca.pem"_s;
        }) << u"CA file \"/nonexistent/ca.pem\""_s;
        QTest::newRow("missing key file") << ProfileEdit([](ConnectionProfile &p) {
            p.url = u"mqtts://h"_s;
            p.clientCertFile = QStringLiteral(TIDELINE_SOURCE_DIR "/tests/unit/tst_connectionprofile.cpp");
            p.clientKeyFile = u"/nonexistent/key.pem"_s;
        }) << u"private key file \"/nonexistent/key.pem\""_s;
        QTest::newRow("will without topic")
            << ProfileEdit([](ConnectionProfile &p) { p.will.enabled = true; })
            << u"last will needs a topic"_s;
        QTest::newRow("will topic with wildcard") << ProfileEdit([](ConnectionProfile &p) {
            p.will.enabled = true;
            p.will.topic = u"status/#"_s;
        }) << u"not a valid topic name"_s;
        QTest::newRow("will qos 3") << ProfileEdit([](ConnectionProfile &p) {
            p.will.enabled = true;
            p.will.topic = u"status"_s;
            p.will.qos = 3;
        }) << u"last-will QoS must be 0, 1 or 2 (it is 3)"_s;
        QTest::newRow("disabled will is not checked")
            << ProfileEdit([](ConnectionProfile &p) { p.will.qos = 7; }) << QString();
        QTest::newRow("subscription qos") << ProfileEdit([](ConnectionProfile &p) {
            p.subscriptions = { { u"a/#"_s, 5 } };
        }) << u"QoS of the subscription \"a/#\" must be 0, 1 or 2 (it is 5)"_s;
        QTest::newRow("subscription filter") << ProfileEdit([](ConnectionProfile &p) {
            p.subscriptions = { { u"a/#/b"_s, 0 } };
        }) << u"\"a/#/b\" is not a valid topic filter"_s;
        QTest::newRow("empty filter") << ProfileEdit([](ConnectionProfile &p) {
            p.subscriptions = { { QString(), 0 } };
        }) << u"empty topic filter"_s;
        QTest::newRow("reconnect min 0")
            << ProfileEdit([](ConnectionProfile &p) { p.reconnectMinSeconds = 0; })
            << u"shortest reconnect delay"_s;
        QTest::newRow("reconnect max < min") << ProfileEdit([](ConnectionProfile &p) {
            p.reconnectMinSeconds = 10;
            p.reconnectMaxSeconds = 5;
        }) << u"longest reconnect delay (5 s)"_s;
    }

    void validate()
    {
        QFETCH(ProfileEdit, edit);
        QFETCH(QString, expected);
        ConnectionProfile p = validProfile();
        edit(p);
        const QString message = p.validate();
        if (expected.isEmpty())
            QCOMPARE(message, QString());
        else
            QVERIFY2(message.contains(expected), qPrintable(u"got: "_s + message));
    }

    void pahoUri_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("pahoUri");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<bool>("webSockets");
        QTest::newRow("mqtt") << u"mqtt://h"_s << u"tcp://h:1883"_s << false << false;
        QTest::newRow("mqtts") << u"mqtts://h"_s << u"ssl://h:8883"_s << true << false;
        QTest::newRow("ws") << u"ws://h"_s << u"ws://h:80"_s << false << true;
        QTest::newRow("ws path+query")
            << u"ws://h:8080/mqtt?x=1"_s << u"ws://h:8080/mqtt?x=1"_s << false << true;
        QTest::newRow("wss") << u"wss://h/mqtt"_s << u"wss://h:443/mqtt"_s << true << true;
        QTest::newRow("ipv6 tls") << u"mqtts://[fe80::1]"_s << u"ssl://[fe80::1]:8883"_s << true << false;
        QTest::newRow("trailing slash on mqtt") << u"mqtt://h:1/"_s << u"tcp://h:1"_s << false << false;
        QTest::newRow("invalid") << u"mqtt://h:99999"_s << QString() << false << false;
    }

    void pahoUri()
    {
        QFETCH(QString, url);
        QFETCH(QString, pahoUri);
        QFETCH(bool, tls);
        QFETCH(bool, webSockets);
        ConnectionProfile p;
        p.url = url;
        QCOMPARE(p.pahoUri(), pahoUri);
        QCOMPARE(p.usesTls(), tls);
        QCOMPARE(p.usesWebSockets(), webSockets);
    }

    void displayName()
    {
        ConnectionProfile p;
        p.url = u"mqtts://broker.example"_s;
        QCOMPARE(p.displayName(), u"broker.example:8883"_s);
        p.url = u"mqtt://[::1]:1999"_s;
        QCOMPARE(p.displayName(), u"[::1]:1999"_s);
        p.name = u"  Plant 3 "_s;
        QCOMPARE(p.displayName(), u"Plant 3"_s);
    }

    void topicFilters_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("validFilter");
        QTest::addColumn<bool>("validName");
        QTest::newRow("#") << u"#"_s << true << false;
        QTest::newRow("+") << u"+"_s << true << false;
        QTest::newRow("a/+/c") << u"a/+/c"_s << true << false;
        QTest::newRow("a/#") << u"a/#"_s << true << false;
        QTest::newRow("plain") << u"a/b/c"_s << true << true;
        QTest::newRow("empty levels") << u"a//b/"_s << true << true;
        QTest::newRow("slash") << u"/"_s << true << true;
        QTest::newRow("$SYS") << u"$SYS/#"_s << true << false;
        QTest::newRow("shared") << u"$share/g/a/#"_s << true << false;
        QTest::newRow("a#") << u"a#"_s << false << false;
        QTest::newRow("a/#/b") << u"a/#/b"_s << false << false;
        QTest::newRow("+a") << u"+a/b"_s << false << false;
        QTest::newRow("empty") << QString() << false << false;
        QTest::newRow("shared without filter") << u"$share/g"_s << false << true;
        QTest::newRow("shared empty group") << u"$share//a"_s << false << true;
        QTest::newRow("nul") << u"a\0b"_s << false << false;
    }

    void topicFilters()
    {
        QFETCH(QString, filter);
        QFETCH(bool, validFilter);
        QFETCH(bool, validName);
        QCOMPARE(ConnectionProfile::isValidTopicFilter(filter), validFilter);
        QCOMPARE(ConnectionProfile::isValidTopicName(filter), validName);
    }

    void saveLoadRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const ConnectionProfile original = fullProfile(QStringLiteral(TIDELINE_SOURCE_DIR "/tests/unit/tst_connectionprofile.cpp"));
        QCOMPARE(original.validate(), QString());
        const QString file = dir.filePath(u"settings.ini"_s);
        {
            QSettings settings(file, QSettings::IniFormat);
            settings.beginGroup(u"somewhere"_s);
            original.save(settings);
            settings.endGroup();
        }
        QSettings settings(file, QSettings::IniFormat);
        settings.beginGroup(u"somewhere"_s);
        const ConnectionProfile loaded = ConnectionProfile::load(settings);
        QCOMPARE(loaded.will, original.will);
        QCOMPARE(loaded.subscriptions, original.subscriptions);
        QVERIFY(loaded == original);

        // A shorter subscription list replaces the longer one completely.
        ConnectionProfile shorter = original;
        shorter.subscriptions = { { u"only/#"_s, 1 } };
        shorter.save(settings);
        QCOMPARE(ConnectionProfile::load(settings).subscriptions, shorter.subscriptions);
    }

    void loadDefaults()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"empty.ini"_s), QSettings::IniFormat);
        QVERIFY(ConnectionProfile::load(settings) == ConnectionProfile());
    }

    void profileStore()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"store.ini"_s), QSettings::IniFormat);
        ProfileStore store(settings);
        QVERIFY(store.all().isEmpty());

        ConnectionProfile b = validProfile();
        b.name = u"beta"_s;
        ConnectionProfile a = validProfile();
        a.name = u"Alpha"_s;
        a.subscriptions = { { u"x/#"_s, 1 } };
        store.save(b);
        store.save(a);

        QList<ConnectionProfile> all = store.all();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0], a); // sorted by name, case-insensitively
        QCOMPARE(all[1], b);
        QVERIFY(settings.childGroups().contains(u"connections"_s));
        settings.beginGroup(u"connections"_s);
        QVERIFY(settings.childGroups().contains(a.id));
        settings.endGroup();

        QCOMPARE(store.byName(u"beta"_s).value_or(ConnectionProfile()).id, b.id);
        QCOMPARE(store.byName(u"ALPHA"_s).value_or(ConnectionProfile()).id, a.id);
        QCOMPARE(store.byName(a.id).value_or(ConnectionProfile()).id, a.id);
        QVERIFY(!store.byName(u"gamma"_s).has_value());

        a.url = u"mqtts://other:8884"_s;
        a.subscriptions.clear();
        store.save(a);
        QCOMPARE(store.byName(a.id).value_or(ConnectionProfile()), a);

        store.remove(b.id);
        all = store.all();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all[0].id, a.id);
        store.remove(QString()); // must not wipe everything
        QCOMPARE(store.all().size(), 1);
    }

    void secretsNeverWritten()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"secrets.ini"_s);
        const QString password = u"Pa55-w0rd-never-on-disk"_s;
        const QString passphrase = u"key-pass-never-on-disk"_s;

        ConnectionProfile p = fullProfile(QStringLiteral(TIDELINE_SOURCE_DIR "/tests/unit/tst_connectionprofile.cpp"));
        // Where the CredentialStore keeps them: keys derived from the profile id.
        QCOMPARE(ConnectionProfile::secretKey(p.id, u"password"_s),
                 u"connections/"_s + p.id + u"/password"_s);
        QCOMPARE(ConnectionProfile::secretKey(p.id, u"key-passphrase"_s),
                 u"connections/"_s + p.id + u"/key-passphrase"_s);

        // The secrets reach the connection, never the profile it saves.
        MqttConnection connection(p, std::make_shared<MessageInbox>());
        connection.setPassword(password);
        connection.setKeyPassphrase(passphrase);
        QVERIFY(connection.profile() == p);
        {
            QSettings settings(file, QSettings::IniFormat);
            ProfileStore(settings).save(connection.profile());
        }
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString ini = QString::fromUtf8(f.readAll());
        QVERIFY(!ini.contains(password));
        QVERIFY(!ini.contains(passphrase));
        QVERIFY(ini.contains(u"hasPassword=true"_s));
        QVERIFY(ini.contains(u"hasKeyPassphrase=true"_s));
        // No key that could hold a secret at all.
        QVERIFY(!ini.contains(QRegularExpression(
            u"(?im)^([^=\\s]*[\\\\/])?(password|passphrase|key-?passphrase|secret)\\s*="_s)));
    }

    void generatedClientId()
    {
        const ConnectionProfile p = validProfile();
        MqttConnection first(p, std::make_shared<MessageInbox>());
        MqttConnection second(p, std::make_shared<MessageInbox>());
        QVERIFY(first.clientId().startsWith(u"tideline-"_s));
        QVERIFY(first.clientId().size() > 12);
        QVERIFY(first.clientId() != second.clientId());
        ConnectionProfile named = p;
        named.clientId = u"fixed-id"_s;
        QCOMPARE(MqttConnection(named, std::make_shared<MessageInbox>()).clientId(), u"fixed-id"_s);
    }

    void invalidProfileFailsOnOpen()
    {
        ConnectionProfile p = validProfile();
        p.keepAliveSeconds = -5;
        MqttConnection connection(p, std::make_shared<MessageInbox>());
        QSignalSpy errors(&connection, &MqttConnection::errorOccurred);
        connection.open();
        QCOMPARE(connection.state(), MqttConnection::State::Failed);
        QCOMPARE(connection.lastError(), p.validate());
        QCOMPARE(connection.lastErrorCode(), u"mqtt.profile"_s);
        QCOMPARE(errors.count(), 1);
        QVERIFY(connection.stateText().startsWith(u"Failed: "_s));
        QCOMPARE(connection.publish("a", "b", 0, false), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connectionprofile.moc"
