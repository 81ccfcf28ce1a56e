#include "CliRunner.h"
#include "TestServers.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

const QRegularExpression UuidPattern(u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);

const CliRunner runCli(60000);

// `sub --json` against `broker` in the background.
BackgroundSub jsonSub(const MosquittoProcess &broker, const QStringList &args)
{
    return BackgroundSub(broker, u"tst-cli-publish-sub-"_s,
                         QStringList{u"--url"_s, broker.url(), u"--json"_s} + args);
}

constexpr int SubFinishMs = 20000;

QList<QJsonObject> jsonLines(const QByteArray &text)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.trimmed().isEmpty())
            out << QJsonDocument::fromJson(line).object();
    }
    return out;
}

// The user properties of a `sub --json` line, as name -> values in order.
QMultiMap<QString, QString> userProperties(const QJsonObject &message)
{
    QMultiMap<QString, QString> out;
    const QJsonArray list = message.value(u"properties"_s).toObject().value(u"user_properties"_s).toArray();
    for (const QJsonValue &v : list)
        out.insert(v.toObject().value(u"key"_s).toString(), v.toObject().value(u"value"_s).toString());
    return out;
}

} // namespace

// `tideline-cli pub` with CloudEvents, user properties, content type, placeholders and the final
// rate report, against a real mosquitto, read back with `tideline-cli sub --json`.
class TestCliPublish : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath() + u" was not built"_s));
        QString error;
        QVERIFY2(m_broker.start(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    void cloudEventBinaryWithProperties()
    {
        BackgroundSub sub = jsonSub(m_broker, {u"--topic"_s, u"tst/clipub/ce/binary"_s, u"--count"_s, u"2"_s});
        QVERIFY(sub.waitSubscribed());
        const qint64 before = QDateTime::currentMSecsSinceEpoch() - 1000;
        const CliRun pub = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--topic"_s, u"tst/clipub/ce/binary"_s,
                                   u"--message"_s, u"{\"n\": {{seq}}}"_s, u"--count"_s, u"2"_s, u"--qos"_s, u"1"_s,
                                   u"--cloudevents"_s, u"--ce-mode"_s, u"binary"_s, u"--ce-type"_s,
                                   u"com.example.order.created"_s, u"--ce-source"_s, u"/shop/store-12"_s,
                                   u"--ce-subject"_s, u"order-{{seq}}"_s, u"--property"_s, u"tenant=t1"_s,
                                   u"--property"_s, u"trace={{uuid}}"_s, u"--content-type"_s,
                                   u"application/json"_s});
        QVERIFY2(pub.finished && pub.exitCode == 0, describe(pub));
        QVERIFY2(pub.err.contains("published 2 messages in"), describe(pub));
        QVERIFY2(pub.err.contains(", 0 failed"), describe(pub));

        const CliRun run = sub.finish(SubFinishMs);
        QVERIFY2(run.finished && run.exitCode == 0, describe(run));
        const QList<QJsonObject> messages = jsonLines(run.out);
        QCOMPARE(messages.size(), 2);
        QStringList ids;
        for (int i = 0; i < 2; ++i) {
            const QJsonObject &m = messages[i];
            QCOMPARE(m.value(u"payload"_s).toString(), u"{\"n\": %1}"_s.arg(i + 1)); // the data as sent
            QCOMPARE(m.value(u"properties"_s).toObject().value(u"content_type"_s).toString(), u"application/json"_s);
            const QMultiMap<QString, QString> user = userProperties(m);
            QCOMPARE(user.value(u"specversion"_s), u"1.0"_s);
            QCOMPARE(user.value(u"type"_s), u"com.example.order.created"_s);
            QCOMPARE(user.value(u"source"_s), u"/shop/store-12"_s);
            QCOMPARE(user.value(u"subject"_s), u"order-%1"_s.arg(i + 1));
            QCOMPARE(user.value(u"tenant"_s), u"t1"_s);
            QVERIFY2(UuidPattern.match(user.value(u"trace"_s)).hasMatch(), qPrintable(user.value(u"trace"_s)));
            QVERIFY(!user.contains(u"datacontenttype"_s)); // that is the Content Type property
            const QString id = user.value(u"id"_s);
            QVERIFY2(UuidPattern.match(id).hasMatch(), qPrintable(id));
            ids << id;
            const QDateTime time = QDateTime::fromString(user.value(u"time"_s), Qt::ISODateWithMs);
            QVERIFY2(time.isValid() && time.timeSpec() == Qt::UTC, qPrintable(user.value(u"time"_s)));
            QVERIFY(time.toMSecsSinceEpoch() >= before);
        }
        QVERIFY(ids[0] != ids[1]); // a fresh id per message
    }

    void cloudEventStructured()
    {
        BackgroundSub sub = jsonSub(m_broker, {u"--topic"_s, u"tst/clipub/ce/structured"_s, u"--count"_s, u"1"_s});
        QVERIFY(sub.waitSubscribed());
        const CliRun pub = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--topic"_s,
                                   u"tst/clipub/ce/structured"_s, u"--message"_s, u"{\"sku\": \"A-1\"}"_s,
                                   u"--cloudevents"_s, u"--ce-type"_s, u"com.example.stock"_s, u"--property"_s,
                                   u"origin=cli"_s});
        QVERIFY2(pub.finished && pub.exitCode == 0, describe(pub));
        const CliRun run = sub.finish(SubFinishMs);
        QVERIFY2(run.finished && run.exitCode == 0, describe(run));
        const QList<QJsonObject> messages = jsonLines(run.out);
        QCOMPARE(messages.size(), 1);
        const QJsonObject props = messages[0].value(u"properties"_s).toObject();
        QCOMPARE(props.value(u"content_type"_s).toString(), u"application/cloudevents+json"_s);
        QCOMPARE(userProperties(messages[0]).value(u"origin"_s), u"cli"_s);
        const QJsonObject event = QJsonDocument::fromJson(messages[0].value(u"payload"_s).toString().toUtf8()).object();
        QCOMPARE(event.value(u"specversion"_s).toString(), u"1.0"_s);
        QCOMPARE(event.value(u"type"_s).toString(), u"com.example.stock"_s);
        QCOMPARE(event.value(u"source"_s).toString(), u"/tideline-cli"_s); // the default
        QCOMPARE(event.value(u"datacontenttype"_s).toString(), u"application/json"_s);
        QVERIFY(UuidPattern.match(event.value(u"id"_s).toString()).hasMatch());
        QVERIFY(QDateTime::fromString(event.value(u"time"_s).toString(), Qt::ISODateWithMs).isValid());
        QCOMPARE(event.value(u"data"_s).toObject(), (QJsonObject{{u"sku"_s, u"A-1"_s}}));
    }

    void cloudEventStructuredOverMqtt311FromFile()
    {
        const QString file = m_dir.filePath(u"data.bin"_s);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("\x00\x01{{seq}}", 9));
        }
        BackgroundSub sub = jsonSub(m_broker, {u"--topic"_s, u"tst/clipub/ce/311"_s, u"--count"_s, u"1"_s});
        QVERIFY(sub.waitSubscribed());
        const CliRun pub = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--mqtt-version"_s, u"3"_s, u"--topic"_s,
                                   u"tst/clipub/ce/311"_s, u"--file"_s, file, u"--cloudevents"_s});
        QVERIFY2(pub.finished && pub.exitCode == 0, describe(pub));
        const CliRun run = sub.finish(SubFinishMs);
        QVERIFY2(run.finished && run.exitCode == 0, describe(run));
        const QList<QJsonObject> messages = jsonLines(run.out);
        QCOMPARE(messages.size(), 1);
        QVERIFY(!messages[0].contains(u"properties"_s)); // MQTT 3.1.1 carries none
        const QJsonObject event = QJsonDocument::fromJson(messages[0].value(u"payload"_s).toString().toUtf8()).object();
        QCOMPARE(event.value(u"datacontenttype"_s).toString(), u"application/octet-stream"_s);
        // File bytes are sent exactly: no placeholder expansion inside them.
        QCOMPARE(QByteArray::fromBase64(event.value(u"data_base64"_s).toString().toLatin1()),
                 QByteArray("\x00\x01{{seq}}", 9));
    }

    void propertiesAndPlaceholdersWithoutCloudEvents()
    {
        BackgroundSub sub = jsonSub(m_broker, {u"--topic"_s, u"tst/clipub/plain/#"_s, u"--count"_s, u"3"_s});
        QVERIFY(sub.waitSubscribed());
        const CliRun pub = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--topic"_s,
                                   u"tst/clipub/plain/{{seq}}"_s, u"--message"_s, u"id={{uuid}} at={{now}}"_s,
                                   u"--count"_s, u"3"_s, u"--property"_s, u"a=1"_s, u"--property"_s, u"a=2"_s,
                                   u"--property"_s, u"msg={{uuid}}"_s, u"--content-type"_s, u"text/plain"_s});
        QVERIFY2(pub.finished && pub.exitCode == 0, describe(pub));
        const CliRun run = sub.finish(SubFinishMs);
        QVERIFY2(run.finished && run.exitCode == 0, describe(run));
        const QList<QJsonObject> messages = jsonLines(run.out);
        QCOMPARE(messages.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject &m = messages[i];
            QCOMPARE(m.value(u"topic"_s).toString(), u"tst/clipub/plain/%1"_s.arg(i + 1));
            const QRegularExpressionMatch match
                = QRegularExpression(u"^id=([0-9a-f-]{36}) at=(\\S+)$"_s).match(m.value(u"payload"_s).toString());
            QVERIFY2(match.hasMatch(), qPrintable(m.value(u"payload"_s).toString()));
            QVERIFY(QDateTime::fromString(match.captured(2), Qt::ISODateWithMs).isValid());
            const QMultiMap<QString, QString> user = userProperties(m);
            QCOMPARE(user.values(u"a"_s).size(), 2); // repeated names are kept
            QCOMPARE(user.value(u"msg"_s), match.captured(1)); // one {{uuid}} per message
            QCOMPARE(m.value(u"properties"_s).toObject().value(u"content_type"_s).toString(), u"text/plain"_s);
        }
    }

    void rateRunReportsAchievedRate()
    {
        const CliRun pub = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--topic"_s, u"tst/clipub/rate"_s,
                                   u"--message"_s, u"{{seq}}"_s, u"--count"_s, u"400"_s, u"--rate"_s, u"200"_s,
                                   u"--qos"_s, u"1"_s});
        QVERIFY2(pub.finished && pub.exitCode == 0, describe(pub));
        const QRegularExpressionMatch match
            = QRegularExpression(u"published 400 messages in ([0-9.]+) s \\(([0-9]+) msgs/s, target 200 msgs/s\\), "
                                 "0 failed"_s)
                  .match(QString::fromUtf8(pub.err));
        QVERIFY2(match.hasMatch(), describe(pub));
        const double achieved = match.captured(2).toDouble();
        QVERIFY2(qAbs(achieved - 200) <= 20, describe(pub));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString url = u"mqtt://127.0.0.1:1"_s;
        const QStringList base{u"pub"_s, u"--url"_s, url, u"--topic"_s, u"a"_s, u"--message"_s, u"x"_s};
        QTest::newRow("ce mode without cloudevents") << base + QStringList{u"--ce-mode"_s, u"binary"_s};
        QTest::newRow("ce type without cloudevents") << base + QStringList{u"--ce-type"_s, u"t"_s};
        QTest::newRow("unknown ce mode") << base + QStringList{u"--cloudevents"_s, u"--ce-mode"_s, u"packed"_s};
        QTest::newRow("binary on MQTT 3.1.1")
            << base + QStringList{u"--cloudevents"_s, u"--ce-mode"_s, u"binary"_s, u"--mqtt-version"_s, u"3"_s};
        QTest::newRow("property on MQTT 3.1.1")
            << base + QStringList{u"--property"_s, u"a=b"_s, u"--mqtt-version"_s, u"3"_s};
        QTest::newRow("content type on MQTT 3.1.1")
            << base + QStringList{u"--content-type"_s, u"text/plain"_s, u"--mqtt-version"_s, u"3"_s};
        QTest::newRow("property without =") << base + QStringList{u"--property"_s, u"novalue"_s};
        QTest::newRow("property without name") << base + QStringList{u"--property"_s, u"=v"_s};
        QTest::newRow("empty ce type") << base + QStringList{u"--cloudevents"_s, u"--ce-type"_s, u""_s};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        const CliRun run = runCli(args);
        QVERIFY2(run.finished && run.exitCode == 2, describe(run));
        QVERIFY2(!run.err.trimmed().isEmpty(), describe(run));
        QVERIFY2(run.out.isEmpty(), describe(run));
    }

private:
    MosquittoProcess m_broker;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliPublish)
#include "tst_cli_publish.moc"
