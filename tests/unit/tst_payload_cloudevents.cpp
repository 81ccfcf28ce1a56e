#include "payload/CloudEventsDecoder.h"

#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

namespace {

const QByteArray fullEvent =
    "{\"specversion\":\"1.0\",\"type\":\"com.example.order.created\",\"source\":\"/shop/frontend\","
    "\"id\":\"A234-1234-1234\",\"time\":\"2018-04-05T17:31:00Z\",\"subject\":\"order-42\","
    "\"comexampleextension1\":\"value\",\"datacontenttype\":\"application/json\","
    "\"data\":{\"z\":1,\"sku\":\"A-1\",\"qty\":12345678901234567890}}";

MessageProperties properties(const QString &contentType, const QStringList &userProperties)
{
    MessageProperties p;
    p.contentType = contentType;
    for (const QString &kv : userProperties) {
        const qsizetype eq = kv.indexOf(u'=');
        p.userProperties.append({kv.left(eq), kv.mid(eq + 1)});
    }
    return p;
}

QStringList namesOf(const DecodedPayload &d)
{
    QStringList names;
    for (const auto &a : d.attributes)
        names << a.name;
    return names;
}

} // namespace

class TestPayloadCloudEvents : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void structuredEvent()
    {
        const DecodedPayload d = CloudEventsDecoder::decode(fullEvent);
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.decoderId, u"cloudevents"_s);
        QCOMPARE(d.contentMode, u"structured"_s);
        QCOMPARE(namesOf(d), (QStringList{u"specversion"_s, u"id"_s, u"source"_s, u"type"_s,
                                                 u"datacontenttype"_s, u"subject"_s, u"time"_s,
                                                 u"comexampleextension1"_s}));
        QCOMPARE(d.attributes.at(0).kind, DecodedPayload::Attribute::Kind::Required);
        QCOMPARE(d.attributes.at(4).kind, DecodedPayload::Attribute::Kind::Optional);
        QCOMPARE(d.attributes.at(7).kind, DecodedPayload::Attribute::Kind::Extension);
        QVERIFY2(d.warnings.isEmpty(), qPrintable(d.warnings.value(0).message));
        // The data exactly as published: key order and the big integer literal survive.
        QCOMPARE(d.innerBytes, "{\"z\":1,\"sku\":\"A-1\",\"qty\":12345678901234567890}"_ba);
        QVERIFY(d.inner);
        QCOMPARE(d.inner->decoderId, u"json"_s);
        QCOMPARE(d.inner->fields.at(1).path, u"$.z"_s);
        QCOMPARE(d.inner->fields.at(3).value, u"12345678901234567890"_s);
        QVERIFY2(d.summary.startsWith(u"CloudEvent com.example.order.created from /shop/frontend, structured mode"_s),
                 qPrintable(d.summary));
        QVERIFY(!d.fields.isEmpty()); // the whole event as a JSON tree
    }

    void modes_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QStringList>("userProperties");
        QTest::addColumn<bool>("withProperties");
        QTest::addColumn<int>("mode");

        using M = CloudEventsDecoder::Mode;
        QTest::newRow("mqtt 3.1.1 structured") << fullEvent << QString() << QStringList() << false << int(M::Structured);
        QTest::newRow("structured content type") << "{}"_ba << u"application/cloudevents+json; charset=utf-8"_s << QStringList() << true << int(M::Structured);
        QTest::newRow("binary") << "{}"_ba << u"application/json"_s << QStringList{u"specversion=1.0"_s} << true << int(M::Binary);
        QTest::newRow("plain json") << "{\"a\":1}"_ba << QString() << QStringList() << false << int(M::None);
        QTest::newRow("specversion only in a string") << "[\"specversion\"]"_ba << QString() << QStringList() << false << int(M::None);
        QTest::newRow("other user properties") << "x"_ba << QString() << QStringList{u"trace=1"_s} << true << int(M::None);
    }
    void modes()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, contentType);
        QFETCH(QStringList, userProperties);
        QFETCH(bool, withProperties);
        QFETCH(int, mode);
        const MessageProperties p = properties(contentType, userProperties);
        QCOMPARE(int(CloudEventsDecoder::detectMode(payload, withProperties ? &p : nullptr)), mode);
    }

    void structuredWarnings_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QStringList>("warnings"); // substrings, one per expected warning, in order

        QTest::newRow("missing source and id")
            << "{\"specversion\":\"1.0\",\"type\":\"t\"}"_ba
            << QStringList{u"\"id\" is missing"_s, u"\"source\" is missing"_s};
        QTest::newRow("null counts as missing")
            << "{\"specversion\":\"1.0\",\"type\":\"t\",\"id\":\"1\",\"source\":null}"_ba
            << QStringList{u"\"source\" is missing"_s};
        QTest::newRow("old specversion")
            << "{\"specversion\":\"0.3\",\"type\":\"t\",\"id\":\"1\",\"source\":\"/s\"}"_ba
            << QStringList{u"specversion is \"0.3\""_s};
        QTest::newRow("empty id, numeric type")
            << "{\"specversion\":\"1.0\",\"type\":5,\"id\":\"\",\"source\":\"/s\"}"_ba
            << QStringList{u"\"id\" must not be empty"_s, u"\"type\" must be a string"_s};
        QTest::newRow("bad time")
            << "{\"specversion\":\"1.0\",\"type\":\"t\",\"id\":\"1\",\"source\":\"/s\",\"time\":\"yesterday\"}"_ba
            << QStringList{u"not an RFC 3339 timestamp"_s};
        QTest::newRow("bad extension name")
            << "{\"specversion\":\"1.0\",\"type\":\"t\",\"id\":\"1\",\"source\":\"/s\",\"Trace-Id\":\"x\"}"_ba
            << QStringList{u"\"Trace-Id\" is not lower-case"_s};
        QTest::newRow("object attribute")
            << "{\"specversion\":\"1.0\",\"type\":\"t\",\"id\":\"1\",\"source\":\"/s\",\"ext\":{\"a\":1}}"_ba
            << QStringList{u"holds a JSON object"_s};
        QTest::newRow("data and data_base64")
            << "{\"specversion\":\"1.0\",\"type\":\"t\",\"id\":\"1\",\"source\":\"/s\",\"data\":1,\"data_base64\":\"AA==\"}"_ba
            << QStringList{u"both \"data\" and \"data_base64\""_s};
        QTest::newRow("bad base64")
            << "{\"specversion\":\"1.0\",\"type\":\"t\",\"id\":\"1\",\"source\":\"/s\",\"data_base64\":\"@@@\"}"_ba
            << QStringList{u"not valid base64"_s};
        QTest::newRow("json data with xml type")
            << "{\"specversion\":\"1.0\",\"type\":\"t\",\"id\":\"1\",\"source\":\"/s\",\"datacontenttype\":\"application/xml\",\"data\":{}}"_ba
            << QStringList{u"\"data\" is JSON although datacontenttype"_s};
    }
    void structuredWarnings()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QStringList, warnings);
        const DecodedPayload d = CloudEventsDecoder::decode(payload);
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.warnings.size(), warnings.size());
        for (int i = 0; i < warnings.size(); ++i)
            QVERIFY2(d.warnings.at(i).message.contains(warnings.at(i)), qPrintable(d.warnings.at(i).message));
    }

    void dataByContentType_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QByteArray>("innerBytes");
        QTest::addColumn<QString>("innerDecoder");

        const QByteArray head = "{\"specversion\":\"1.0\",\"type\":\"t\",\"id\":\"1\",\"source\":\"/s\",";
        QTest::newRow("base64 text") << head + "\"datacontenttype\":\"text/plain\",\"data_base64\":\"aGVsbG8=\"}"
                                     << "hello"_ba << u"text"_s;
        QTest::newRow("base64 without type: detected") << head + "\"data_base64\":\"eyJhIjoxfQ==\"}" << "{\"a\":1}"_ba << u"json"_s;
        QTest::newRow("xml string") << head + "\"datacontenttype\":\"application/xml\",\"data\":\"<a/>\"}" << "<a/>"_ba << u"text"_s;
        QTest::newRow("json string is a json value") << head + "\"data\":\"I'm just a string\"}" << "\"I'm just a string\""_ba << u"json"_s;
        QTest::newRow("vendor +json") << head + "\"datacontenttype\":\"application/vnd.x+json\",\"data\":[1]}" << "[1]"_ba << u"json"_s;
        QTest::newRow("null data") << head + "\"data\":null}" << "null"_ba << u"json"_s;
    }
    void dataByContentType()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QByteArray, innerBytes);
        QFETCH(QString, innerDecoder);
        const DecodedPayload d = CloudEventsDecoder::decode(payload);
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.innerBytes, innerBytes);
        QVERIFY(d.inner);
        QCOMPARE(d.inner->decoderId, innerDecoder);
        QVERIFY2(d.inner->ok, qPrintable(d.inner->error));
    }

    void binaryMode()
    {
        const MessageProperties p = properties(
            u"application/json; charset=utf-8"_s,
            {u"specversion=1.0"_s, u"type=com.example.someevent"_s, u"time=2018-04-05T03:56:24Z"_s,
             u"id=1234-1234-1234"_s, u"source=/mycontext/subcontext"_s, u"traceparent=00-abc"_s,
             u"Retry-Count=3"_s});
        const QByteArray payload = "{\"appinfoA\":\"abc\",\"appinfoB\":123}";
        const DecodedPayload d = CloudEventsDecoder::decode(payload, {u"orders/created"_s, &p});
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.contentMode, u"binary"_s);
        QCOMPARE(namesOf(d), (QStringList{u"specversion"_s, u"id"_s, u"source"_s, u"type"_s,
                                                 u"datacontenttype"_s, u"time"_s, u"traceparent"_s}));
        QCOMPARE(d.attributes.at(4).value, u"application/json; charset=utf-8"_s);
        QCOMPARE(d.warnings.size(), 1);
        QVERIFY2(d.warnings.first().message.contains(u"Retry-Count"_s), qPrintable(d.warnings.first().message));
        QCOMPARE(d.innerBytes, payload);
        QVERIFY(d.inner);
        QCOMPARE(d.inner->decoderId, u"json"_s);
        QCOMPARE(d.fields.size(), 7);
        QCOMPARE(d.fields.first().path, u"specversion"_s);
        QVERIFY(d.text.contains(u"type: com.example.someevent"_s));
        QVERIFY(d.summary.contains(u"binary mode"_s));
    }

    void binaryModeWarnings_data()
    {
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QStringList>("userProperties");
        QTest::addColumn<QString>("warning");
        QTest::newRow("missing id") << QString() << QStringList{u"specversion=1.0"_s, u"type=t"_s, u"source=/s"_s}
                                    << u"\"id\" is missing"_s;
        QTest::newRow("content types differ") << u"text/plain"_s
                                              << QStringList{u"specversion=1.0"_s, u"type=t"_s, u"source=/s"_s, u"id=1"_s,
                                                             u"datacontenttype=application/json"_s}
                                              << u"differ"_s;
        QTest::newRow("duplicate attribute") << QString()
                                             << QStringList{u"specversion=1.0"_s, u"type=t"_s, u"source=/s"_s, u"id=1"_s, u"id=2"_s}
                                             << u"more than one user property"_s;
    }
    void binaryModeWarnings()
    {
        QFETCH(QString, contentType);
        QFETCH(QStringList, userProperties);
        QFETCH(QString, warning);
        const MessageProperties p = properties(contentType, userProperties);
        const DecodedPayload d = CloudEventsDecoder::decode("x"_ba, {QString(), &p});
        QVERIFY2(d.ok, qPrintable(d.error));
        bool found = false;
        for (const auto &w : d.warnings)
            found = found || w.message.contains(warning);
        QVERIFY(found);
    }

    void binaryModeWithoutData()
    {
        const MessageProperties p = properties(QString(), {u"specversion=1.0"_s, u"type=t"_s, u"source=/s"_s, u"id=1"_s});
        const DecodedPayload d = CloudEventsDecoder::decode(QByteArray(), {QString(), &p});
        QVERIFY(d.ok);
        QVERIFY(!d.inner);
        QVERIFY(d.warnings.isEmpty());
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QString>("error");
        QTest::newRow("no markers") << "hello"_ba << QString() << u"no CloudEvents markers"_s;
        QTest::newRow("empty without properties") << QByteArray() << QString() << u"no CloudEvents markers"_s;
        QTest::newRow("structured but not an object") << "[1]"_ba << u"application/cloudevents+json"_s << u"is a JSON object"_s;
        QTest::newRow("structured but broken json") << "{\"specversion\":\"1.0\",}"_ba << QString() << u"line 1, column"_s;
        QTest::newRow("batch") << "[]"_ba << u"application/cloudevents-batch+json"_s << u"batched CloudEvents"_s;
        QTest::newRow("other event format") << "x"_ba << u"application/cloudevents+avro"_s << u"event format application/cloudevents+avro"_s;
    }
    void failures()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, contentType);
        QFETCH(QString, error);
        const MessageProperties p = properties(contentType, {});
        const DecodedPayload d = CloudEventsDecoder::decode(payload, {QString(), contentType.isEmpty() ? nullptr : &p});
        QVERIFY(!d.ok);
        QVERIFY2(d.error.startsWith(u"cannot decode: "_s), qPrintable(d.error));
        QVERIFY2(d.error.contains(error), qPrintable(d.error));
    }

    void rfc3339_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("zulu") << u"2018-04-05T17:31:00Z"_s << true;
        QTest::newRow("fraction") << u"2018-04-05T17:31:00.123456Z"_s << true;
        QTest::newRow("offset") << u"2018-04-05T17:31:00+08:00"_s << true;
        QTest::newRow("lower case") << u"2018-04-05t17:31:00z"_s << true;
        QTest::newRow("no zone") << u"2018-04-05T17:31:00"_s << false;
        QTest::newRow("date only") << u"2018-04-05"_s << false;
        QTest::newRow("month 13") << u"2018-13-05T17:31:00Z"_s << false;
        QTest::newRow("words") << u"yesterday"_s << false;
    }
    void rfc3339()
    {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        QCOMPARE(CloudEventsDecoder::isRfc3339(value), valid);
    }

    void attributeNameRules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"traceparent"_s << true;
        QTest::newRow("digits") << u"ext2"_s << true;
        QTest::newRow("upper") << u"Ext"_s << false;
        QTest::newRow("dash") << u"a-b"_s << false;
        QTest::newRow("underscore") << u"data_base64"_s << false;
        QTest::newRow("empty") << QString() << false;
    }
    void attributeNameRules()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(CloudEventsDecoder::isValidAttributeName(name), valid);
    }
};

QTEST_GUILESS_MAIN(TestPayloadCloudEvents)
#include "tst_payload_cloudevents.moc"
