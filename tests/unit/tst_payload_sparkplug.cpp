#include "payload/SparkplugDecoder.h"
#include "tst_payload_wire.h"

#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;
using namespace pbtest;

namespace {

// Metric fields by number, as in sparkplug_b.proto.
QByteArray metric(const QByteArray &name, quint64 datatype, const QByteArray &value)
{
    QByteArray m;
    if (!name.isEmpty())
        m += fBytes(1, name);
    m += fVarint(4, datatype) + value;
    return m;
}

QString field(const DecodedPayload &d, const QString &path)
{
    for (const auto &f : d.fields) {
        if (f.path == path)
            return f.type + u'|' + f.value;
    }
    return u"<missing>"_s;
}

bool hasWarning(const DecodedPayload &d, const QString &part)
{
    for (const auto &w : d.warnings) {
        if (w.message.contains(part))
            return true;
    }
    return false;
}

} // namespace

class TestPayloadSparkplug : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fullPayload()
    {
        QByteArray payload = fVarint(1, 1486144502122ULL);
        payload += fBytes(2, fBytes(1, "Temperature") + fVarint(2, 1) + fVarint(3, 1486144502122ULL)
                                 + fVarint(4, 9) + fFloat(12, 21.5f));
        payload += fBytes(2, metric("Count", 3, fVarint(10, quint32(-5))));
        payload += fBytes(2, fVarint(2, 7) + fVarint(14, 1)); // alias only, as in DATA messages
        payload += fVarint(3, 4) + fBytes(4, "schema-1");
        const DecodedPayload d = SparkplugDecoder::decode(payload, {u"spBv1.0/plant/DDATA/edge1/dev1"_s, nullptr});
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.decoderId, u"sparkplug"_s);
        QCOMPARE(d.summary, u"Sparkplug B DDATA, 3 metric(s), seq 4"_s);
        QCOMPARE(field(d, u"timestamp"_s), u"timestamp|1486144502122 (2017-02-03T17:55:02.122Z)"_s);
        QCOMPARE(field(d, u"metrics[0]"_s), u"Metric|Temperature = 21.5"_s);
        QCOMPARE(field(d, u"metrics[0].name"_s), u"string|\"Temperature\""_s);
        QCOMPARE(field(d, u"metrics[0].alias"_s), u"uint64|1"_s);
        QCOMPARE(field(d, u"metrics[0].datatype"_s), u"datatype|9 (Float)"_s);
        QCOMPARE(field(d, u"metrics[0].float_value"_s), u"Float|21.5"_s);
        QCOMPARE(field(d, u"metrics[1].int_value"_s), u"Int32|-5"_s);
        QCOMPARE(field(d, u"metrics[2]"_s), u"Metric|alias 7 = true"_s);
        QCOMPARE(field(d, u"seq"_s), u"uint64|4"_s);
        QCOMPARE(field(d, u"uuid"_s), u"string|\"schema-1\""_s);
        QVERIFY2(d.warnings.isEmpty(), qPrintable(d.warnings.value(0).message));
        QVERIFY(d.text.startsWith(u"timestamp: 1486144502122"_s));
        QVERIFY(d.text.contains(u"\nmetrics[0]: {\n  name: \"Temperature\"\n"_s));
    }

    void values_data()
    {
        QTest::addColumn<quint64>("datatype");
        QTest::addColumn<QByteArray>("value");   // the encoded value field
        QTest::addColumn<QString>("expected");   // type|value of metrics[0].<field>
        QTest::addColumn<QString>("fieldName");

        QTest::newRow("Int8 -1") << quint64(1) << fVarint(10, 0xffffffffu) << u"Int8|-1"_s << u"int_value"_s;
        QTest::newRow("Int16 min") << quint64(2) << fVarint(10, 0xffff8000u) << u"Int16|-32768"_s << u"int_value"_s;
        QTest::newRow("Int32 sign-extended varint") << quint64(3) << fVarint(10, quint64(-7)) << u"Int32|-7"_s << u"int_value"_s;
        QTest::newRow("UInt32 max") << quint64(7) << fVarint(10, 0xffffffffu) << u"UInt32|4294967295"_s << u"int_value"_s;
        QTest::newRow("Int64 -2") << quint64(4) << fVarint(11, quint64(-2)) << u"Int64|-2"_s << u"long_value"_s;
        QTest::newRow("UInt64 max") << quint64(8) << fVarint(11, ~0ULL) << u"UInt64|18446744073709551615"_s << u"long_value"_s;
        QTest::newRow("Double") << quint64(10) << fDouble(13, 0.1) << u"Double|0.10000000000000001"_s << u"double_value"_s;
        QTest::newRow("Boolean") << quint64(11) << fVarint(14, 0) << u"Boolean|false"_s << u"boolean_value"_s;
        QTest::newRow("String") << quint64(12) << fBytes(15, "\xe9\x98\x9f"_ba) << u"String|\"队\""_s << u"string_value"_s;
        QTest::newRow("DateTime") << quint64(13) << fVarint(11, 0) << u"DateTime|0 (1970-01-01T00:00:00.000Z)"_s << u"long_value"_s;
        QTest::newRow("Bytes") << quint64(17) << fBytes(16, "\x01\x02"_ba) << u"Bytes|h'01 02' (2 byte(s))"_s << u"bytes_value"_s;
        // Array examples of the Sparkplug 3.0 specification (little-endian packed in bytes_value).
        QTest::newRow("Int8Array") << quint64(22) << fBytes(16, QByteArray::fromHex("ef7b")) << u"Int8Array|[-17, 123]"_s << u"bytes_value"_s;
        QTest::newRow("Int32Array") << quint64(24) << fBytes(16, QByteArray::fromHex("15cd5b07b168de3a"))
                                    << u"Int32Array|[123456789, 987654321]"_s << u"bytes_value"_s;
        QTest::newRow("UInt16Array") << quint64(27) << fBytes(16, le(65535, 2) + le(1, 2)) << u"UInt16Array|[65535, 1]"_s << u"bytes_value"_s;
        QTest::newRow("DoubleArray") << quint64(31) << fBytes(16, le(0x3ff8000000000000ULL, 8)) << u"DoubleArray|[1.5]"_s << u"bytes_value"_s;
        QTest::newRow("BooleanArray") << quint64(32) << fBytes(16, le(4, 4) + "\xa0"_ba)
                                      << u"BooleanArray|[true, false, true, false]"_s << u"bytes_value"_s;
        QTest::newRow("StringArray") << quint64(33) << fBytes(16, "ab\0cd\0"_ba) << u"StringArray|[\"ab\", \"cd\"]"_s << u"bytes_value"_s;
        QTest::newRow("DateTimeArray") << quint64(34) << fBytes(16, le(1000, 8))
                                       << u"DateTimeArray|[1000 (1970-01-01T00:00:01.000Z)]"_s << u"bytes_value"_s;
    }
    void values()
    {
        QFETCH(quint64, datatype);
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        QFETCH(QString, fieldName);
        const QByteArray payload = fBytes(2, metric("m", datatype, value));
        const DecodedPayload d = SparkplugDecoder::decode(payload, {u"spBv1.0/g/NDATA/n"_s, nullptr});
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(field(d, u"metrics[0]."_s + fieldName), expected);
        QVERIFY2(d.warnings.isEmpty(), qPrintable(d.warnings.value(0).message));
    }

    void nestedStructures()
    {
        // A DataSet with two columns and one row, and a PropertySet with one property.
        const QByteArray dataset = fVarint(1, 2) + fBytes(2, "a") + fBytes(2, "b") + fVarint(3, 3) + fVarint(3, 12)
            + fBytes(4, fBytes(1, fVarint(1, 5)) + fBytes(1, fBytes(6, "x")));
        const QByteArray properties = fBytes(1, "engUnit") + fBytes(2, fVarint(1, 12) + fBytes(8, "degC"));
        const QByteArray payload = fBytes(2, metric("ds", 16, fBytes(17, dataset) + fBytes(9, properties)));
        const DecodedPayload d = SparkplugDecoder::decode(payload, {u"spBv1.0/g/NBIRTH/n"_s, nullptr});
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(field(d, u"metrics[0].dataset_value.columns[1]"_s), u"string|\"b\""_s);
        QCOMPARE(field(d, u"metrics[0].dataset_value.types[1]"_s), u"datatype|12 (String)"_s);
        QCOMPARE(field(d, u"metrics[0].dataset_value.rows[0].elements[0].int_value"_s), u"uint32|5"_s);
        QCOMPARE(field(d, u"metrics[0].dataset_value.rows[0].elements[1].string_value"_s), u"string|\"x\""_s);
        QCOMPARE(field(d, u"metrics[0].properties.keys[0]"_s), u"string|\"engUnit\""_s);
        QCOMPARE(field(d, u"metrics[0].properties.values[0].string_value"_s), u"string|\"degC\""_s);
    }

    void packedRepeatedTypes()
    {
        const QByteArray dataset = fBytes(3, varint(7) + varint(9));
        const DecodedPayload d = SparkplugDecoder::decode(fBytes(2, metric("ds", 16, fBytes(17, dataset))));
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(field(d, u"metrics[0].dataset_value.types[0]"_s), u"datatype|7 (UInt32)"_s);
        QCOMPARE(field(d, u"metrics[0].dataset_value.types[1]"_s), u"datatype|9 (Float)"_s);
    }

    void templatesRecurseBoundedly()
    {
        QByteArray m = metric("leaf", 3, fVarint(10, 1));
        for (int i = 0; i < 40; ++i)
            m = metric("t", 19, fBytes(18, fBytes(2, m)));
        const DecodedPayload d = SparkplugDecoder::decode(fBytes(2, m));
        QVERIFY2(d.ok, qPrintable(d.error));
        QVERIFY(hasWarning(d, u"nested deeper than 16 levels"_s));
    }

    void warnings_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("warning");

        QTest::newRow("wrong wire type") << u"spBv1.0/g/NDATA/n"_s << fVarint(2, 1) << u"has wire type varint, expected len; skipped"_s;
        QTest::newRow("no name or alias") << u"spBv1.0/g/NDATA/n"_s << fBytes(2, fVarint(4, 3) + fVarint(10, 1)) << u"neither a name nor an alias"_s;
        QTest::newRow("birth without datatype") << u"spBv1.0/g/NBIRTH/n"_s << fBytes(2, fBytes(1, "x") + fVarint(10, 1)) << u"birth message has no datatype"_s;
        QTest::newRow("unknown datatype") << u"spBv1.0/g/NDATA/n"_s << fBytes(2, metric("x", 99, QByteArray())) << u"unknown datatype 99"_s;
        QTest::newRow("seq out of range") << u"spBv1.0/g/NDATA/n"_s << fVarint(3, 300) << u"seq 300 is outside"_s;
        QTest::newRow("bad topic") << u"spBv1.0/g/NOPE/n"_s << fVarint(3, 1) << u"does not follow"_s;
        QTest::newRow("device type without device") << u"spBv1.0/g/DDATA/n"_s << fVarint(3, 1) << u"does not follow"_s;
        QTest::newRow("short array") << u"spBv1.0/g/NDATA/n"_s << fBytes(2, metric("a", 24, fBytes(16, "\x01\x02\x03"_ba)))
                                     << u"not a whole number of 4-byte values"_s;
        QTest::newRow("short boolean array") << u"spBv1.0/g/NDATA/n"_s << fBytes(2, metric("a", 32, fBytes(16, le(20, 4))))
                                             << u"BooleanArray of 20 values holds only 0 bytes"_s;
    }
    void warnings()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, payload);
        QFETCH(QString, warning);
        const DecodedPayload d = SparkplugDecoder::decode(payload, {topic, nullptr});
        QVERIFY2(d.ok, qPrintable(d.error));
        QStringList all;
        for (const auto &w : d.warnings)
            all << w.message;
        QVERIFY2(hasWarning(d, warning), qPrintable(all.join(u" / "_s)));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("error");
        QTest::newRow("truncated varint") << u"spBv1.0/g/NDATA/n"_s << QByteArray::fromHex("0896") << u"truncated varint"_s;
        QTest::newRow("truncated metric") << u"spBv1.0/g/NDATA/n"_s << fBytes(2, metric("x", 3, fVarint(10, 1))).chopped(1)
                                          << u"claims"_s;
        QTest::newRow("metric with truncated value") << u"spBv1.0/g/NDATA/n"_s << fBytes(2, "\x50\xff"_ba) << u"truncated varint in field 10"_s;
        QTest::newRow("state topic") << u"spBv1.0/STATE/host1"_s << "{\"online\":true}"_ba << u"STATE messages"_s;
    }
    void malformed()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, payload);
        QFETCH(QString, error);
        const DecodedPayload d = SparkplugDecoder::decode(payload, {topic, nullptr});
        QVERIFY(!d.ok);
        QVERIFY2(d.error.contains(error), qPrintable(d.error));
    }

    void emptyPayloadIsAnEmptyMessage()
    {
        const DecodedPayload d = SparkplugDecoder::decode(QByteArray(), {u"spBv1.0/g/NDEATH/n"_s, nullptr});
        QVERIFY(d.ok);
        QCOMPARE(d.summary, u"Sparkplug B NDEATH, 0 metric(s)"_s);
    }

    void topic_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("state");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("device");
        QTest::addColumn<bool>("payloadTopic");
        QTest::newRow("node birth") << u"spBv1.0/g1/NBIRTH/edge"_s << true << false << u"NBIRTH"_s << QString() << true;
        QTest::newRow("device data") << u"spBv1.0/g1/DDATA/edge/dev"_s << true << false << u"DDATA"_s << u"dev"_s << true;
        QTest::newRow("device command") << u"spBv1.0/g1/DCMD/edge/dev"_s << true << false << u"DCMD"_s << u"dev"_s << true;
        QTest::newRow("node type with device") << u"spBv1.0/g1/NDATA/edge/dev"_s << false << false << u"NDATA"_s << u"dev"_s << true;
        QTest::newRow("unknown type") << u"spBv1.0/g1/XDATA/edge"_s << false << false << u"XDATA"_s << QString() << true;
        QTest::newRow("too short") << u"spBv1.0/g1"_s << false << false << QString() << QString() << true;
        QTest::newRow("state") << u"spBv1.0/STATE/scada"_s << true << true << QString() << QString() << false;
        QTest::newRow("other namespace") << u"spAv1.0/g/NDATA/n"_s << false << false << QString() << QString() << false;
    }
    void topic()
    {
        QFETCH(QString, topic);
        QFETCH(bool, valid);
        QFETCH(bool, state);
        QFETCH(QString, type);
        QFETCH(QString, device);
        QFETCH(bool, payloadTopic);
        const auto t = SparkplugDecoder::parseTopic(topic);
        QCOMPARE(t.valid, valid);
        QCOMPARE(t.state, state);
        QCOMPARE(t.messageType, type);
        QCOMPARE(t.device, device);
        QCOMPARE(SparkplugDecoder::isPayloadTopic(topic), payloadTopic);
    }

    void dataTypeNames()
    {
        QCOMPARE(SparkplugDecoder::dataTypeName(0), u"Unknown"_s);
        QCOMPARE(SparkplugDecoder::dataTypeName(13), u"DateTime"_s);
        QCOMPARE(SparkplugDecoder::dataTypeName(21), u"PropertySetList"_s);
        QCOMPARE(SparkplugDecoder::dataTypeName(34), u"DateTimeArray"_s);
        QVERIFY(SparkplugDecoder::dataTypeName(35).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPayloadSparkplug)
#include "tst_payload_sparkplug.moc"
