#include "mqtt/CloudEventsBuilder.h"
#include "mqtt/ConnectionProfile.h"
#include "mqtt/MessageTemplate.h"
#include "mqtt/Placeholders.h"
#include "mqtt/TemplateStore.h"
#include "payload/CloudEventsDecoder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

namespace {

using Format = MessageTemplate::PayloadFormat;

const QRegularExpression UuidPattern(u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
const QRegularExpression TimePattern(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"_s);

MessageTemplate fullTemplate()
{
    MessageTemplate t;
    t.name = u"Order created"_s;
    t.topic = u"shop/{{seq}}/orders"_s;
    t.qos = 1;
    t.retain = true;
    t.payloadFormat = Format::Json;
    t.payload = u"{\"id\": \"{{uuid}}\", \"n\": {{seq}}}"_s;
    t.properties.contentType = u"application/json"_s;
    t.properties.payloadFormatIndicator = 1;
    t.properties.responseTopic = u"shop/replies/{{seq}}"_s;
    t.properties.correlationData = "corr-{{seq}}";
    t.properties.userProperties = {{u"trace"_s, u"{{uuid}}"_s}, {u"dup"_s, u"a"_s}, {u"dup"_s, u"b"_s}};
    t.properties.messageExpiryInterval = 3600;
    return t;
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

// The GUI-free half of publishing: placeholders, message templates and their store, and the
// CloudEvents builder.
class TestPublishTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- placeholders ---------------------------------------------------------------------

    void placeholdersExpand_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none") << u"plain/topic"_s << u"plain/topic"_s;
        QTest::newRow("seq") << u"t/{{seq}}"_s << u"t/42"_s;
        QTest::newRow("seq twice") << u"{{seq}}-{{seq}}"_s << u"42-42"_s;
        QTest::newRow("now") << u"at {{now}}"_s << u"at 2023-11-14T22:13:20.123Z"_s;
        QTest::newRow("unknown kept") << u"{{name}} {{seq}}"_s << u"{{name}} 42"_s;
        QTest::newRow("extra braces") << u"{{{seq}}}"_s << u"{42}"_s;
        QTest::newRow("unterminated") << u"{{seq"_s << u"{{seq"_s;
        QTest::newRow("case matters") << u"{{SEQ}}"_s << u"{{SEQ}}"_s;
        QTest::newRow("non-ASCII around") << u"ü{{seq}}ß"_s << u"ü42ß"_s;
    }
    void placeholdersExpand()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        PlaceholderExpander values(42, 1'700'000'000'123);
        QCOMPARE(values.expand(text), expected);
        QCOMPARE(PlaceholderExpander::containsPlaceholder(text), text != expected);
    }

    void uuidIsOnePerMessage()
    {
        PlaceholderExpander first(1);
        const QByteArray a = first.expand(QByteArrayView("{{uuid}}|{{uuid}}"));
        const QList<QByteArray> parts = a.split('|');
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts[0], parts[1]);
        QVERIFY2(UuidPattern.match(QString::fromLatin1(parts[0])).hasMatch(), parts[0].constData());
        PlaceholderExpander second(2);
        QVERIFY(second.expand(QByteArrayView("{{uuid}}")) != parts[0]);
    }

    void nowIsCurrentUtc()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        PlaceholderExpander values(1);
        const QString now = QString::fromLatin1(values.now());
        QVERIFY2(TimePattern.match(now).hasMatch(), qPrintable(now));
        const QDateTime parsed = QDateTime::fromString(now, Qt::ISODateWithMs);
        QVERIFY(parsed.isValid());
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
        QVERIFY(parsed.toMSecsSinceEpoch() >= before);
        QVERIFY(parsed.toMSecsSinceEpoch() <= QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(PlaceholderExpander::formatTime(0), QByteArray("1970-01-01T00:00:00.000Z"));
    }

    void sourceOffsetsMapBack()
    {
        PlaceholderExpander values(12345);
        QList<PlaceholderExpander::Replacement> replacements;
        const QByteArray source = "ab{{seq}}cd{{seq}}ef";
        const QByteArray expanded = values.expand(source, &replacements);
        QCOMPARE(expanded, QByteArray("ab12345cd12345ef"));
        QCOMPARE(replacements.size(), 2);
        QCOMPARE(PlaceholderExpander::sourceOffset(0, replacements), 0);   // a
        QCOMPARE(PlaceholderExpander::sourceOffset(3, replacements), 2);   // inside the first
        QCOMPARE(PlaceholderExpander::sourceOffset(7, replacements), 9);   // c
        QCOMPARE(PlaceholderExpander::sourceOffset(14, replacements), 18); // e
    }

    // --- templates ------------------------------------------------------------------------

    void templateJsonRoundTrip_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("payload");
        QTest::addColumn<QByteArray>("correlation");
        QTest::newRow("text") << int(Format::Text) << u"hello {{seq}}"_s << QByteArray("c1");
        QTest::newRow("json") << int(Format::Json) << u"{\"a\": [1, 2]}"_s << QByteArray();
        QTest::newRow("hex") << int(Format::Hex) << u"de ad be ef"_s << QByteArray("\xff\x00\x01", 3);
        QTest::newRow("base64") << int(Format::Base64) << u"aGVsbG8="_s << QByteArray("ü");
        QTest::newRow("file") << int(Format::File) << u"/tmp/payload.bin"_s << QByteArray();
    }
    void templateJsonRoundTrip()
    {
        QFETCH(int, format);
        QFETCH(QString, payload);
        QFETCH(QByteArray, correlation);
        MessageTemplate t = fullTemplate();
        t.payloadFormat = Format(format);
        t.payload = payload;
        t.properties.correlationData = correlation;
        const QJsonObject json = t.toJson();
        QCOMPARE(json.value(u"payload_format"_s).toString(), MessageTemplate::formatKey(Format(format)));
        // Through text, as the store keeps it.
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        const Result<MessageTemplate> back = MessageTemplate::fromJson(QJsonDocument::fromJson(text).object());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QVERIFY(back.value() == t);
        QCOMPARE(back.value().properties.userProperties.size(), 3); // duplicates and order kept
    }

    void templateJsonDefaults()
    {
        const Result<MessageTemplate> t = MessageTemplate::fromJson(QJsonObject{{u"topic"_s, u"a/b"_s}});
        QVERIFY(t.ok());
        QCOMPARE(t.value().qos, 0);
        QCOMPARE(t.value().retain, false);
        QCOMPARE(t.value().payloadFormat, Format::Text);
        QVERIFY(t.value().properties.isEmpty());
    }

    void templateJsonRejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("qos 3") << QByteArray("{\"qos\":3}");
        QTest::newRow("qos 1.5") << QByteArray("{\"qos\":1.5}");
        QTest::newRow("qos text") << QByteArray("{\"qos\":\"1\"}");
        QTest::newRow("retain text") << QByteArray("{\"retain\":\"yes\"}");
        QTest::newRow("unknown format") << QByteArray("{\"payload_format\":\"xml\"}");
        QTest::newRow("topic number") << QByteArray("{\"topic\":7}");
        QTest::newRow("properties list") << QByteArray("{\"properties\":[]}");
        QTest::newRow("user properties object")
            << QByteArray("{\"properties\":{\"user_properties\":{\"a\":\"b\"}}}");
        QTest::newRow("user property without value")
            << QByteArray("{\"properties\":{\"user_properties\":[{\"key\":\"a\"}]}}");
        QTest::newRow("indicator 2") << QByteArray("{\"properties\":{\"payload_format_indicator\":2}}");
        QTest::newRow("negative expiry") << QByteArray("{\"properties\":{\"message_expiry_interval\":-1}}");
        QTest::newRow("expiry too big")
            << QByteArray("{\"properties\":{\"message_expiry_interval\":4294967296}}");
    }
    void templateJsonRejects()
    {
        QFETCH(QByteArray, json);
        const Result<MessageTemplate> t = MessageTemplate::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, u"template.invalid"_s);
        QVERIFY(!t.error().message.isEmpty());
    }

    void payloadCheck_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<qint64>("bytes");
        QTest::newRow("text") << int(Format::Text) << u"héllo"_s << true << 0 << 0 << qint64(6);
        QTest::newRow("json object") << int(Format::Json) << u"{\"a\": 1}"_s << true << 0 << 0 << qint64(8);
        QTest::newRow("json scalar") << int(Format::Json) << u"42"_s << true << 0 << 0 << qint64(2);
        QTest::newRow("json with bare placeholder")
            << int(Format::Json) << u"{\"n\": {{seq}}, \"id\": \"{{uuid}}\"}"_s << true << 0 << 0 << qint64(32);
        QTest::newRow("json missing comma")
            << int(Format::Json) << u"{\n  \"a\": 1\n  \"b\": 2\n}"_s << false << 3 << 4 << qint64(-1);
        // The placeholder before the error is longer once expanded: the column is still in the
        // text as typed.
        QTest::newRow("json error after placeholder")
            << int(Format::Json) << u"{\"t\": \"{{now}}\" \"x\": 1}"_s << false << 1 << 18 << qint64(-1);
        QTest::newRow("empty json") << int(Format::Json) << u"  "_s << false << 1 << 1 << qint64(-1);
        QTest::newRow("hex") << int(Format::Hex) << u"DE ad\nbe EF"_s << true << 0 << 0 << qint64(4);
        QTest::newRow("hex bad digit") << int(Format::Hex) << u"de ad\nbx"_s << false << 2 << 2 << qint64(-1);
        QTest::newRow("hex odd") << int(Format::Hex) << u"abc"_s << false << 1 << 4 << qint64(-1);
        QTest::newRow("base64") << int(Format::Base64) << u"aGVs\nbG8="_s << true << 0 << 0 << qint64(5);
        QTest::newRow("base64 unpadded") << int(Format::Base64) << u"aGVsbG8"_s << true << 0 << 0 << qint64(5);
        QTest::newRow("base64url") << int(Format::Base64) << u"-_8"_s << true << 0 << 0 << qint64(2);
        QTest::newRow("base64 bad char") << int(Format::Base64) << u"aGV*"_s << false << 1 << 4 << qint64(-1);
        QTest::newRow("base64 after padding") << int(Format::Base64) << u"aGU=x"_s << false << 1 << 5 << qint64(-1);
        QTest::newRow("base64 cut") << int(Format::Base64) << u"aGVsb"_s << false << 1 << 6 << qint64(-1);
        QTest::newRow("file missing") << int(Format::File) << u"/nonexistent/payload"_s << false << 0 << 0
                                      << qint64(-1);
        QTest::newRow("file none") << int(Format::File) << QString() << false << 0 << 0 << qint64(-1);
    }
    void payloadCheck()
    {
        QFETCH(int, format);
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(qint64, bytes);
        const MessageTemplate::PayloadCheck check = MessageTemplate::checkPayload(Format(format), text);
        QVERIFY2(check.ok == ok, qPrintable(check.message));
        QVERIFY(!check.message.isEmpty());
        if (!ok) {
            QCOMPARE(check.line, line);
            QCOMPARE(check.column, column);
            // A problem at one character says where it is.
            if (QByteArray(QTest::currentDataTag()).contains("bad") || QByteArray(QTest::currentDataTag()).contains("json "))
                QVERIFY2(check.message.startsWith(u"Line %1, column %2: "_s.arg(line).arg(column)),
                         qPrintable(check.message));
        }
        QCOMPARE(check.bytes, bytes);
    }

    void payloadBytes()
    {
        MessageTemplate t;
        t.payloadFormat = Format::Hex;
        t.payload = u"00 ff 7B"_s;
        QCOMPARE(t.payloadBytes().value(), QByteArray("\x00\xff\x7b", 3));
        t.payloadFormat = Format::Base64;
        t.payload = u"AP97"_s;
        QCOMPARE(t.payloadBytes().value(), QByteArray("\x00\xff\x7b", 3));
        t.payloadFormat = Format::Json;
        t.payload = u"{oops"_s;
        QCOMPARE(t.payloadBytes().error().code, u"template.payload"_s);

        QTemporaryDir dir;
        const QString path = dir.filePath(u"p.bin"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\x01{{seq}}\x02", 9));
        f.close();
        t.payloadFormat = Format::File;
        t.payload = path;
        QCOMPARE(MessageTemplate::checkPayload(Format::File, path).bytes, 9);
        QCOMPARE(t.payloadBytes().value(), QByteArray("\x01{{seq}}\x02", 9));
        t.payload = dir.filePath(u"gone"_s);
        QCOMPARE(t.payloadBytes().error().code, u"template.file"_s);
    }

    void preparedMessageRenders()
    {
        const Result<PreparedMessage> prepared = PreparedMessage::prepare(fullTemplate());
        QVERIFY(prepared.ok());
        const OutgoingMessage m = prepared.value().render(7);
        QCOMPARE(m.topic, QByteArray("shop/7/orders"));
        QCOMPARE(m.qos, 1);
        QCOMPARE(m.retain, true);
        const QJsonObject payload = QJsonDocument::fromJson(m.payload).object();
        QCOMPARE(payload.value(u"n"_s).toInt(), 7);
        const QString id = payload.value(u"id"_s).toString();
        QVERIFY2(UuidPattern.match(id).hasMatch(), qPrintable(id));
        // One value per message, wherever it appears.
        QCOMPARE(valueOf(m.properties.userProperties, u"trace"_s), id);
        QCOMPARE(m.properties.responseTopic, u"shop/replies/7"_s);
        QCOMPARE(m.properties.correlationData, QByteArray("corr-7"));
        QCOMPARE(m.properties.contentType, u"application/json"_s);
        QCOMPARE(m.properties.messageExpiryInterval, std::optional<quint32>(3600));
        const OutgoingMessage next = prepared.value().render(8);
        QVERIFY(QJsonDocument::fromJson(next.payload).object().value(u"id"_s).toString() != id);
    }

    void bytesAreSentExactly()
    {
        // "{{seq}}" in hex is bytes, not a placeholder to expand.
        MessageTemplate t;
        t.topic = u"bin/{{seq}}"_s;
        t.payloadFormat = Format::Hex;
        t.payload = QString::fromLatin1(QByteArray("{{seq}}").toHex());
        const OutgoingMessage m = PreparedMessage::prepare(t).value().render(3);
        QCOMPARE(m.topic, QByteArray("bin/3"));
        QCOMPARE(m.payload, QByteArray("{{seq}}"));
    }

    void prepareRefuses_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<int>("qos");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty topic") << QString() << 0 << u"template.topic"_s;
        QTest::newRow("wildcard +") << u"a/+/b"_s << 0 << u"template.topic"_s;
        QTest::newRow("wildcard #") << u"a/#"_s << 0 << u"template.topic"_s;
        QTest::newRow("qos 3") << u"a"_s << 3 << u"template.qos"_s;
    }
    void prepareRefuses()
    {
        QFETCH(QString, topic);
        QFETCH(int, qos);
        QFETCH(QString, code);
        MessageTemplate t;
        t.topic = topic;
        t.qos = qos;
        const Result<PreparedMessage> prepared = PreparedMessage::prepare(t);
        QVERIFY(!prepared.ok());
        QCOMPARE(prepared.error().code, code);
        QVERIFY(!prepared.error().message.isEmpty());
    }

    // --- the store ------------------------------------------------------------------------

    void storeKeepsTemplatesPerConnection()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(u"settings.ini"_s);
        const QString a = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString b = u"odd/id\\with separators"_s;
        {
            QSettings settings(ini, QSettings::IniFormat);
            TemplateStore store(settings);
            QVERIFY(store.templates(a).isEmpty());
            MessageTemplate first = fullTemplate();
            first.name = u"first"_s;
            MessageTemplate second;
            second.name = u"second"_s;
            second.topic = u"x/y"_s;
            QVERIFY(store.save(a, first).ok());
            QVERIFY(store.save(a, second).ok());
            QVERIFY(store.save(b, second).ok());
            MessageTemplate unnamed;
            const Result<void> refused = store.save(a, unnamed);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, u"template.name"_s);
        }
        QSettings settings(ini, QSettings::IniFormat);
        TemplateStore store(settings);
        QCOMPARE(store.names(a), (QStringList{u"first"_s, u"second"_s}));
        QCOMPARE(store.names(b), QStringList{u"second"_s});
        MessageTemplate expected = fullTemplate();
        expected.name = u"first"_s;
        QVERIFY(store.find(a, u"first"_s).value() == expected);
        QVERIFY(!store.find(a, u"third"_s));

        // Saving under an existing name replaces it in place.
        MessageTemplate changed = expected;
        changed.topic = u"changed"_s;
        QVERIFY(store.save(a, changed).ok());
        QCOMPARE(store.names(a), (QStringList{u"first"_s, u"second"_s}));
        QCOMPARE(store.find(a, u"first"_s)->topic, u"changed"_s);

        QVERIFY(store.remove(a, u"first"_s));
        QVERIFY(!store.remove(a, u"first"_s));
        QCOMPARE(store.names(a), QStringList{u"second"_s});
        QCOMPARE(store.names(b), QStringList{u"second"_s});
        store.removeAll(b);
        QVERIFY(store.names(b).isEmpty());
        QCOMPARE(store.names(a), QStringList{u"second"_s});
    }

    void storeSurvivesProfileSaveAndSkipsBrokenEntries()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        ConnectionProfile profile = ConnectionProfile::fromUrl(u"mqtt://127.0.0.1:1883"_s).value();
        ProfileStore profiles(settings);
        profiles.save(profile);
        TemplateStore store(settings);
        MessageTemplate t;
        t.name = u"kept"_s;
        QVERIFY(store.save(profile.id, t).ok());
        profiles.save(profile); // rewrites "connections/<id>" from scratch
        QCOMPARE(store.names(profile.id), QStringList{u"kept"_s});
        QCOMPARE(profiles.all().size(), 1);

        settings.beginGroup(TemplateStore::groupFor(profile.id));
        settings.beginWriteArray(u"templates"_s);
        settings.setArrayIndex(1);
        settings.setValue(u"json"_s, u"{not json"_s);
        settings.endArray();
        settings.endGroup();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"skipping unreadable publish template 1"_s));
        QCOMPARE(store.names(profile.id), QStringList{u"kept"_s});
    }

    // --- CloudEvents ----------------------------------------------------------------------

    void cloudEventStructuredJsonData()
    {
        MessageTemplate base;
        base.topic = u"shop/orders"_s;
        base.qos = 1;
        base.payloadFormat = Format::Json;
        base.payload = u"{\n  \"sku\": \"A-1\",\n  \"n\": {{seq}}\n}"_s;
        base.properties.userProperties = {{u"tenant"_s, u"t1"_s}};
        CloudEventsBuilder::Event event;
        event.type = u"com.example.order.created"_s;
        event.source = u"/shop/store-12"_s;
        event.subject = u"order-{{seq}}"_s;
        event.extensions = {{u"partitionkey"_s, u"store-12"_s}};
        const Result<MessageTemplate> built = CloudEventsBuilder::build(event, CloudEventsBuilder::Mode::Structured, base);
        QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().message));
        const MessageTemplate &t = built.value();
        QCOMPARE(t.payloadFormat, Format::Json);
        QCOMPARE(t.properties.contentType, u"application/cloudevents+json"_s);
        QCOMPARE(t.properties.userProperties, (QList<QPair<QString, QString>>{{u"tenant"_s, u"t1"_s}}));
        QCOMPARE(t.topic, base.topic);
        QCOMPARE(t.qos, 1);
        // The template itself is valid JSON (placeholders and all), as the editor shows it.
        QVERIFY(MessageTemplate::checkPayload(Format::Json, t.payload).ok);

        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const OutgoingMessage m = PreparedMessage::prepare(t).value().render(5);
        QJsonParseError error;
        const QJsonObject envelope = QJsonDocument::fromJson(m.payload, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, m.payload.constData());
        QCOMPARE(envelope.value(u"specversion"_s).toString(), u"1.0"_s);
        QVERIFY(UuidPattern.match(envelope.value(u"id"_s).toString()).hasMatch());
        QCOMPARE(envelope.value(u"source"_s).toString(), u"/shop/store-12"_s);
        QCOMPARE(envelope.value(u"type"_s).toString(), u"com.example.order.created"_s);
        QCOMPARE(envelope.value(u"subject"_s).toString(), u"order-5"_s);
        QCOMPARE(envelope.value(u"partitionkey"_s).toString(), u"store-12"_s);
        QCOMPARE(envelope.value(u"datacontenttype"_s).toString(), u"application/json"_s);
        const QString time = envelope.value(u"time"_s).toString();
        QVERIFY2(TimePattern.match(time).hasMatch(), qPrintable(time));
        QVERIFY(QDateTime::fromString(time, Qt::ISODateWithMs).toMSecsSinceEpoch() >= before);
        QCOMPARE(envelope.value(u"data"_s).toObject(), (QJsonObject{{u"sku"_s, u"A-1"_s}, {u"n"_s, 5}}));

        // Tideline's own decoder reads it as a complete structured event.
        const DecodeContext context{QString::fromUtf8(m.topic), &m.properties};
        QCOMPARE(CloudEventsDecoder::detectMode(m.payload, &m.properties), CloudEventsDecoder::Mode::Structured);
        const DecodedPayload decoded = CloudEventsDecoder::decode(m.payload, context);
        QVERIFY2(decoded.ok, qPrintable(decoded.error));
        QVERIFY2(decoded.warnings.isEmpty(), qPrintable(decoded.warnings.value(0).message));
    }

    void cloudEventStructuredOtherData_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("payload");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QString>("member");
        QTest::addColumn<QString>("expectedContentType");
        QTest::newRow("text") << int(Format::Text) << u"hello {{seq}}"_s << QString() << u"data"_s
                              << u"text/plain; charset=utf-8"_s;
        QTest::newRow("text as csv") << int(Format::Text) << u"a,b"_s << u"text/csv"_s << u"data"_s << u"text/csv"_s;
        QTest::newRow("bytes") << int(Format::Hex) << u"00ff"_s << QString() << u"data_base64"_s
                               << u"application/octet-stream"_s;
        QTest::newRow("no data") << int(Format::Text) << QString() << QString() << QString() << QString();
    }
    void cloudEventStructuredOtherData()
    {
        QFETCH(int, format);
        QFETCH(QString, payload);
        QFETCH(QString, contentType);
        QFETCH(QString, member);
        QFETCH(QString, expectedContentType);
        MessageTemplate base;
        base.topic = u"t"_s;
        base.payloadFormat = Format(format);
        base.payload = payload;
        CloudEventsBuilder::Event event;
        event.type = u"t"_s;
        event.source = u"s"_s;
        event.dataContentType = contentType;
        const MessageTemplate t = CloudEventsBuilder::build(event, CloudEventsBuilder::Mode::Structured, base).value();
        const OutgoingMessage m = PreparedMessage::prepare(t).value().render(9);
        const QJsonObject envelope = QJsonDocument::fromJson(m.payload).object();
        QVERIFY2(!envelope.isEmpty(), m.payload.constData());
        QCOMPARE(envelope.value(u"datacontenttype"_s).toString(), expectedContentType);
        if (member == u"data"_s)
            QCOMPARE(envelope.value(u"data"_s).toString(), QString(payload).replace(u"{{seq}}"_s, u"9"_s));
        else if (member == u"data_base64"_s)
            QCOMPARE(QByteArray::fromBase64(envelope.value(member).toString().toLatin1()), QByteArray("\x00\xff", 2));
        else
            QVERIFY(!envelope.contains(u"data"_s) && !envelope.contains(u"data_base64"_s));
        const DecodedPayload decoded = CloudEventsDecoder::decode(m.payload, {});
        QVERIFY2(decoded.ok, qPrintable(decoded.error));
    }

    void cloudEventBinary()
    {
        MessageTemplate base;
        base.topic = u"shop/orders"_s;
        base.payloadFormat = Format::Json;
        base.payload = u"{\"sku\": \"A-1\"}"_s;
        base.properties.userProperties = {{u"tenant"_s, u"t1"_s}, {u"type"_s, u"stale"_s}};
        CloudEventsBuilder::Event event;
        event.type = u"com.example.order.created"_s;
        event.source = u"/shop/store-12"_s;
        event.dataSchema = u"https://example.com/order.json"_s;
        const MessageTemplate t = CloudEventsBuilder::build(event, CloudEventsBuilder::Mode::Binary, base).value();
        QCOMPARE(t.payload, base.payload);
        QCOMPARE(t.payloadFormat, Format::Json);
        QCOMPARE(t.properties.contentType, u"application/json"_s);
        QStringList names;
        for (const auto &[name, value] : t.properties.userProperties)
            names << name;
        QCOMPARE(names, (QStringList{u"specversion"_s, u"id"_s, u"source"_s, u"type"_s, u"time"_s,
                                     u"dataschema"_s, u"tenant"_s}));

        const OutgoingMessage m = PreparedMessage::prepare(t).value().render(1);
        QCOMPARE(m.payload, base.payload.toUtf8());
        QCOMPARE(valueOf(m.properties.userProperties, u"specversion"_s), u"1.0"_s);
        QVERIFY(UuidPattern.match(valueOf(m.properties.userProperties, u"id"_s)).hasMatch());
        QVERIFY(TimePattern.match(valueOf(m.properties.userProperties, u"time"_s)).hasMatch());
        QCOMPARE(CloudEventsDecoder::detectMode(m.payload, &m.properties), CloudEventsDecoder::Mode::Binary);
        const DecodedPayload decoded = CloudEventsDecoder::decode(m.payload, {QString(), &m.properties});
        QVERIFY2(decoded.ok, qPrintable(decoded.error));
        QCOMPARE(decoded.contentMode, u"binary"_s);
        QStringList decodedNames;
        for (const auto &a : decoded.attributes)
            decodedNames << a.name;
        for (const QString &name : {u"specversion"_s, u"id"_s, u"source"_s, u"type"_s, u"time"_s,
                                    u"dataschema"_s, u"datacontenttype"_s})
            QVERIFY2(decodedNames.contains(name), qPrintable(name));

        // Switching to structured takes the attributes out of the user properties again.
        const MessageTemplate structured
            = CloudEventsBuilder::build(event, CloudEventsBuilder::Mode::Structured, t).value();
        QCOMPARE(structured.properties.userProperties, (QList<QPair<QString, QString>>{{u"tenant"_s, u"t1"_s}}));
    }

    void cloudEventRefuses_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("extension");
        QTest::newRow("no type") << QString() << u"s"_s << QString();
        QTest::newRow("no source") << u"t"_s << u"  "_s << QString();
        QTest::newRow("upper-case extension") << u"t"_s << u"s"_s << u"Trace"_s;
        QTest::newRow("extension named like an attribute") << u"t"_s << u"s"_s << u"subject"_s;
        QTest::newRow("extension named data") << u"t"_s << u"s"_s << u"data"_s;
    }
    void cloudEventRefuses()
    {
        QFETCH(QString, type);
        QFETCH(QString, source);
        QFETCH(QString, extension);
        CloudEventsBuilder::Event event;
        event.type = type;
        event.source = source;
        if (!extension.isEmpty())
            event.extensions = {{extension, u"v"_s}};
        const Result<MessageTemplate> built
            = CloudEventsBuilder::build(event, CloudEventsBuilder::Mode::Binary, MessageTemplate{});
        QVERIFY(!built.ok());
        QCOMPARE(built.error().code, u"cloudevents.attribute"_s);
    }
};

QTEST_GUILESS_MAIN(TestPublishTemplates)
#include "tst_publishtemplates.moc"
