#include "core/Workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

namespace {

ConnectionProfile fullProfile()
{
    ConnectionProfile p;
    p.id = u"0f6d1c52-1111-4c3e-9d7e-5a1e2b3c4d5e"_s;
    p.name = u"Shop broker"_s;
    p.url = u"mqtts://broker.shop.example:8883"_s;
    p.version = ConnectionProfile::Version::Mqtt311;
    p.clientId = u"tideline-ops"_s;
    p.cleanStart = false;
    p.sessionExpirySeconds = 4000000000u;
    p.keepAliveSeconds = 30;
    p.username = u"operator"_s;
    p.hasPassword = true;
    p.caFile = u"/etc/ssl/shop-ca.pem"_s;
    p.clientCertFile = u"/home/ops/client.pem"_s;
    p.clientKeyFile = u"/home/ops/client.key"_s;
    p.hasKeyPassphrase = true;
    p.verifyServer = false;
    p.will = {true, u"ops/tideline/status"_s, QByteArray("gone \xe2\x9c\x93"), 1, true};
    p.subscriptions = {{u"shop/+/orders/#"_s, 1}, {u"shop/+/devices/#"_s, 0}};
    p.subscribeSys = false;
    p.autoReconnect = false;
    p.reconnectMinSeconds = 2;
    p.reconnectMaxSeconds = 30;
    return p;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

} // namespace

// The workspace file: what goes in comes back out, secrets never go in, and every damaged,
// missing or too-new file gives a clear error instead of a crash.
class TestWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void profileRoundTrip()
    {
        const ConnectionProfile p = fullProfile();
        QCOMPARE(Workspace::profileFromJson(Workspace::profileToJson(p)), p);
        // A default profile too (every field at its default survives).
        const ConnectionProfile d = ConnectionProfile::fromUrl(u"mqtt://127.0.0.1:1883"_s).value();
        QCOMPARE(Workspace::profileFromJson(Workspace::profileToJson(d)), d);
    }

    void binaryWillPayloadRoundTrip()
    {
        ConnectionProfile p = fullProfile();
        p.will.payload = QByteArray("\x00\xff\xfe binary", 10);
        const QJsonObject json = Workspace::profileToJson(p);
        QVERIFY(json.value(u"will"_s).toObject().contains(u"payloadBase64"_s));
        QCOMPARE(Workspace::profileFromJson(json).will.payload, p.will.payload);
    }

    void fileRoundTrip()
    {
        Workspace ws;
        ws.connections = {fullProfile(), ConnectionProfile::fromUrl(u"ws://127.0.0.1:9001/mqtt"_s).value()};
        ws.currentConnection = 1;
        ws.workloadLinks = {{u"rabbitmq:orders"_s, u"prod"_s, u"prod-admin"_s, u"shop"_s, u"order-worker"_s},
                            {u"prom:queue_depth{queue=\"x\"}"_s, u"staging"_s, u"kind-staging"_s,
                             u"default"_s, u"x-consumer"_s}};
        ws.layout = {QByteArray("\x01\xd9\xd0\xcb\x00\x03geometry", 14), QByteArray("\x00\x00\x00\xffstate", 9)};
        ws.setSection(u"dashboards"_s,
                      QJsonObject{{u"panels"_s, QJsonArray{QJsonObject{{u"title"_s, u"Orders"_s}}}}});
        ws.setSection(u"metricSources"_s, QJsonObject{{u"sources"_s, QJsonArray{u"rabbitmq"_s}}});
        ws.setSection(u"removed"_s, QJsonObject{{u"x"_s, 1}});
        ws.setSection(u"removed"_s, QJsonObject{});
        QCOMPARE(ws.sectionNames(), (QStringList{u"dashboards"_s, u"metricSources"_s}));

        const QString file = path(u"shop floor.tideline"_s);
        const Result<void> saved = ws.save(file);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));

        const Result<Workspace> loaded = Workspace::load(file);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        const Workspace &back = loaded.value();
        QCOMPARE(back.connections, ws.connections);
        QCOMPARE(back.currentConnection, 1);
        QCOMPARE(back.workloadLinks, ws.workloadLinks);
        QCOMPARE(back.layout, ws.layout);
        QCOMPARE(back.sectionNames(), ws.sectionNames());
        QCOMPARE(back.section(u"dashboards"_s), ws.section(u"dashboards"_s));
        QCOMPARE(back.section(u"metricSources"_s), ws.section(u"metricSources"_s));
        QVERIFY(back.section(u"nope"_s).isEmpty());
        QCOMPARE(back.toJson(), ws.toJson());
        QCOMPARE(Workspace::displayNameFor(file), u"shop floor"_s);

        // Content ignores layout and the current tab, nothing else.
        Workspace moved = back;
        moved.layout = {};
        moved.currentConnection = 0;
        QCOMPARE(moved.contentJson(), ws.contentJson());
        moved.connections[1].subscriptions.append({u"more/#"_s, 0});
        QVERIFY(moved.contentJson() != ws.contentJson());
    }

    void noSecretsInTheFile()
    {
        // The profile has no secret members; what the file says is only *that* one is stored.
        Workspace ws;
        ws.connections = {fullProfile()};
        const QString file = path(u"secrets.tideline"_s);
        QVERIFY(ws.save(file).ok());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonObject profile = json.value(u"connections"_s).toArray().at(0).toObject();
        QStringList keys = profile.keys();
        keys += profile.value(u"tls"_s).toObject().keys();
        for (const QString &key : std::as_const(keys)) {
            QVERIFY2(!key.contains(u"password"_s, Qt::CaseInsensitive) || key == u"hasPassword"_s, qPrintable(key));
            QVERIFY2(!key.contains(u"passphrase"_s, Qt::CaseInsensitive) || key == u"hasKeyPassphrase"_s,
                     qPrintable(key));
            QVERIFY2(!key.contains(u"secret"_s, Qt::CaseInsensitive) && !key.contains(u"token"_s, Qt::CaseInsensitive),
                     qPrintable(key));
        }
        QCOMPARE(profile.value(u"hasPassword"_s).toBool(), true);
        QCOMPARE(profile.value(u"id"_s).toString(), fullProfile().id); // the keychain key
    }

    void loadErrors_data()
    {
        QTest::addColumn<QByteArray>("content"); // empty: no file at all
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("missing file") << QByteArray() << u"workspace.missing"_s << u"does not exist"_s;
        QTest::newRow("empty file") << QByteArray(" ") << u"workspace.json"_s << u"is damaged"_s;
        QTest::newRow("bad json") << QByteArray("{\"format\": \"tideline-workspace\", \"version\": 1,")
                                  << u"workspace.json"_s << u"is damaged"_s;
        QTest::newRow("array") << QByteArray("[1, 2]") << u"workspace.format"_s << u"is not a Tideline workspace"_s;
        QTest::newRow("other json") << QByteArray("{\"name\": \"x\"}") << u"workspace.format"_s
                                    << u"not a Tideline workspace"_s;
        QTest::newRow("no version") << QByteArray("{\"format\": \"tideline-workspace\"}")
                                    << u"workspace.format"_s << u"no valid format version"_s;
        QTest::newRow("version as text")
            << QByteArray("{\"format\": \"tideline-workspace\", \"version\": \"1\"}") << u"workspace.format"_s
            << u"no valid format version"_s;
        QTest::newRow("newer version")
            << QByteArray("{\"format\": \"tideline-workspace\", \"version\": 7, \"connections\": []}")
            << u"workspace.newer"_s << u"newer version of Tideline (workspace format 7"_s;
        QTest::newRow("connections not a list")
            << QByteArray("{\"format\": \"tideline-workspace\", \"version\": 1, \"connections\": {}}")
            << u"workspace.format"_s << u"connection list is damaged"_s;
        QTest::newRow("connection without url")
            << QByteArray("{\"format\": \"tideline-workspace\", \"version\": 1, \"connections\": [{\"url\": "
                          "\"mqtt://a\"}, {\"name\": \"b\"}]}")
            << u"workspace.format"_s << u"Connection 2 in the workspace has no broker URL"_s;
        QTest::newRow("connection not an object")
            << QByteArray("{\"format\": \"tideline-workspace\", \"version\": 1, \"connections\": [3]}")
            << u"workspace.format"_s << u"Connection 1"_s;
        QTest::newRow("links not a list")
            << QByteArray("{\"format\": \"tideline-workspace\", \"version\": 1, \"workloadLinks\": 5}")
            << u"workspace.format"_s << u"workload links are damaged"_s;
        QTest::newRow("sections not an object")
            << QByteArray("{\"format\": \"tideline-workspace\", \"version\": 1, \"sections\": []}")
            << u"workspace.format"_s << u"sections are damaged"_s;
    }

    void loadErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, code);
        QFETCH(QString, messagePart);
        const QString file = path(u"errors-%1.tideline"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
        if (!content.isEmpty())
            writeFile(file, content);
        const Result<Workspace> r = Workspace::load(file);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY2(r.error().message.contains(messagePart), qPrintable(r.error().message));
        // Every message names the file, so the operator knows which one.
        QVERIFY2(r.error().message.contains(QDir::toNativeSeparators(file)), qPrintable(r.error().message));
    }

    void lenientWhereHarmless()
    {
        // Unknown keys, a section that is not an object and an out-of-range tab are ignored.
        const QString file = path(u"lenient.tideline"_s);
        writeFile(file, "{\"format\": \"tideline-workspace\", \"version\": 1, \"future\": true,"
                        " \"currentConnection\": 9,"
                        " \"connections\": [{\"url\": \"mqtt://127.0.0.1:1883\", \"subscriptions\": "
                        "[{\"filter\": \"a/#\", \"qos\": 7}, {\"qos\": 1}]}],"
                        " \"sections\": {\"good\": {\"a\": 1}, \"bad\": 3}}");
        const Result<Workspace> r = Workspace::load(file);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value().connections.size(), 1);
        QCOMPARE(r.value().connections.first().subscriptions, (QList<Subscription>{{u"a/#"_s, 2}}));
        QCOMPARE(r.value().currentConnection, -1);
        QCOMPARE(r.value().sectionNames(), QStringList{u"good"_s});
    }

    void olderVersionLoads()
    {
        // Format 1 is the oldest; a file of exactly that version must load.
        const QString file = path(u"v1.tideline"_s);
        writeFile(file, "{\"format\": \"tideline-workspace\", \"version\": 1}");
        QVERIFY(Workspace::load(file).ok());
    }

    void saveFailsClearly()
    {
        Workspace ws;
        const QString file = path(u"no-such-dir/ws.tideline"_s);
        const Result<void> r = ws.save(file);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"workspace.write"_s);
        QVERIFY2(r.error().message.contains(u"no-such-dir"_s), qPrintable(r.error().message));
    }

    void recentList()
    {
        QSettings settings(path(u"recent.ini"_s), QSettings::IniFormat);
        RecentWorkspaces recent(settings);
        QVERIFY(recent.paths().isEmpty());

        QStringList files;
        for (int i = 0; i < 12; ++i) {
            files << path(u"recent-%1.tideline"_s.arg(i));
            writeFile(files.last(), "{}");
            recent.add(files.last());
        }
        // Newest first, capped.
        QStringList listed = recent.paths();
        QCOMPARE(listed.size(), RecentWorkspaces::MaxEntries);
        QCOMPARE(listed.first(), files.at(11));
        QCOMPARE(listed.last(), files.at(2));

        // Re-adding moves to the front without duplicating; relative paths become absolute.
        const QString cwd = QDir::currentPath();
        QDir::setCurrent(m_dir.path());
        recent.add(u"recent-5.tideline"_s);
        QDir::setCurrent(cwd);
        listed = recent.paths();
        QCOMPARE(listed.first(), files.at(5));
        QCOMPARE(listed.count(files.at(5)), 1);
        QCOMPARE(listed.size(), RecentWorkspaces::MaxEntries);

        // Missing files are pruned, also from the stored list.
        QVERIFY(QFile::remove(files.at(11)));
        listed = recent.paths();
        QVERIFY(!listed.contains(files.at(11)));
        QVERIFY(!settings.value(RecentWorkspaces::settingsKey()).toStringList().contains(files.at(11)));

        recent.remove(files.at(5));
        QVERIFY(!recent.paths().contains(files.at(5)));
        recent.clear();
        QVERIFY(recent.paths().isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
