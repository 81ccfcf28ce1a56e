#include "payload/ProtobufDecoder.h"
#include "payload/ProtobufWire.h"
#include "tst_payload_wire.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;
using namespace pbtest;

namespace {

QStringList rows(const DecodedPayload &d)
{
    QStringList out;
    for (const auto &f : d.fields)
        out << u"%1|%2|%3"_s.arg(f.path, f.type, f.value);
    return out;
}

} // namespace

class TestPayloadProtobuf : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QStringList>("expected");

        // The examples of the protobuf encoding guide: 150 in field 1, "testing" in field 2.
        QTest::newRow("varint 150") << QByteArray::fromHex("089601") << QStringList{u"1|varint|150"_s};
        QTest::newRow("string") << QByteArray::fromHex("120774657374696e67") << QStringList{u"2|string|testing"_s};
        QTest::newRow("nested message") << QByteArray::fromHex("1a03089601")
                                        << QStringList{u"3|message|3 byte(s)"_s, u"3.1|varint|150"_s};
        QTest::newRow("negative int64") << fVarint(4, quint64(-1))
                                        << QStringList{u"4|varint|18446744073709551615 (int64 -1)"_s};
        QTest::newRow("double") << fDouble(5, 1.5) << QStringList{u"5|i64|fixed64 4609434218613702656, double 1.5"_s};
        QTest::newRow("float") << fFloat(6, 0.25f) << QStringList{u"6|i32|fixed32 1048576000, float 0.25"_s};
        QTest::newRow("bytes") << fBytes(7, "\xff\xfe"_ba) << QStringList{u"7|bytes|ff fe (2 byte(s))"_s};
        QTest::newRow("empty length-delimited") << fBytes(8, QByteArray()) << QStringList{u"8|len|empty"_s};
        QTest::newRow("repeated and large field numbers")
            << fVarint(1, 1) + fVarint(1, 2) + fVarint(536870911, 3)
            << QStringList{u"1|varint|1"_s, u"1|varint|2"_s, u"536870911|varint|3"_s};
        QTest::newRow("two levels")
            << fBytes(1, fBytes(2, fVarint(3, 7) + fBytes(4, "hi"_ba)))
            << QStringList{u"1|message|8 byte(s)"_s, u"1.2|message|6 byte(s)"_s, u"1.2.3|varint|7"_s, u"1.2.4|string|hi"_s};
        QTest::newRow("printable text stays text")
            << fBytes(1, "(hello world)"_ba) << QStringList{u"1|string|(hello world)"_s};
        QTest::newRow("group")
            << QByteArray::fromHex("0b08010c") << QStringList{u"1|group|"_s, u"1.1|varint|1"_s};
    }
    void decode()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QStringList, expected);
        const DecodedPayload d = ProtobufDecoder::decode(payload);
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.decoderId, u"protobuf"_s);
        QCOMPARE(rows(d), expected);
        QVERIFY(!d.text.isEmpty());
    }

    void textLooksLikeDecodeRaw()
    {
        const DecodedPayload d = ProtobufDecoder::decode(QByteArray::fromHex("0896011a03089601"));
        QCOMPARE(d.text, u"1: 150\n3: {\n  1: 150\n}"_s);
        QCOMPARE(d.summary, u"Protobuf wire format (no schema), 2 top-level field(s)"_s);
    }

    void groupWarns()
    {
        const DecodedPayload d = ProtobufDecoder::decode(QByteArray::fromHex("0b08010c"));
        QCOMPARE(d.warnings.size(), 1);
        QVERIFY(d.warnings.first().message.contains(u"deprecated group"_s));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("error");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<int>("rowsBeforeError");

        QTest::newRow("truncated varint value") << QByteArray::fromHex("0896") << u"truncated varint in field 1 at byte 1"_s << qint64(1) << 0;
        QTest::newRow("truncated after a good field") << QByteArray::fromHex("08010896") << u"truncated varint in field 1 at byte 3"_s << qint64(3) << 1;
        QTest::newRow("truncated tag") << QByteArray::fromHex("96") << u"truncated varint (field tag) at byte 0"_s << qint64(0) << 0;
        QTest::newRow("varint too long") << QByteArray::fromHex("08ffffffffffffffffffff01") << u"varint longer than 10 bytes"_s << qint64(1) << 0;
        QTest::newRow("length past the end") << QByteArray::fromHex("120561") << u"field 2 claims 5 bytes at byte 2, only 1 left"_s << qint64(1) << 0;
        QTest::newRow("truncated length") << QByteArray::fromHex("12") << u"truncated length of field 2"_s << qint64(1) << 0;
        QTest::newRow("short fixed32") << QByteArray::fromHex("0d0102") << u"field 1 needs 4 bytes"_s << qint64(1) << 0;
        QTest::newRow("short fixed64") << QByteArray::fromHex("0901020304") << u"field 1 needs 8 bytes"_s << qint64(1) << 0;
        QTest::newRow("wire type 6") << QByteArray::fromHex("0e") << u"invalid wire type 6 at byte 0"_s << qint64(0) << 0;
        QTest::newRow("wire type 7") << QByteArray::fromHex("0f") << u"invalid wire type 7"_s << qint64(0) << 0;
        QTest::newRow("field number 0") << QByteArray::fromHex("0001") << u"invalid field number 0 at byte 0"_s << qint64(0) << 0;
        QTest::newRow("end group without start") << QByteArray::fromHex("0c") << u"end of group 1 at byte 0 without a matching start"_s << qint64(0) << 0;
        QTest::newRow("unclosed group") << QByteArray::fromHex("0b0801") << u"group 1 starting at byte 0 is not closed"_s << qint64(0) << 2;
        QTest::newRow("mismatched group end") << QByteArray::fromHex("0b14") << u"end of group 2"_s << qint64(1) << 1;
        QTest::newRow("error inside nested message keeps outer rows")
            << fVarint(1, 5) + fBytes(2, fBytes(3, "abc"_ba)).left(5)
            << u"field 2 claims 5 bytes"_s << qint64(3) << 1;
    }
    void malformed()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, error);
        QFETCH(qint64, offset);
        QFETCH(int, rowsBeforeError);
        const DecodedPayload d = ProtobufDecoder::decode(payload);
        QVERIFY(!d.ok);
        QVERIFY2(d.error.startsWith(u"cannot decode: "_s), qPrintable(d.error));
        QVERIFY2(d.error.contains(error), qPrintable(d.error));
        QCOMPARE(d.errorOffset, offset);
        QCOMPARE(d.fields.size(), rowsBeforeError);
    }

    void emptyIsADefaultMessage()
    {
        const DecodedPayload d = ProtobufDecoder::decode(QByteArray());
        QVERIFY(d.ok);
        QVERIFY(d.fields.isEmpty());
        QVERIFY(d.summary.contains(u"Empty"_s));
    }

    void deepNestingIsBounded()
    {
        QByteArray payload = fVarint(1, 1);
        for (int i = 0; i < 200; ++i)
            payload = fBytes(1, payload);
        QElapsedTimer timer;
        timer.start();
        const DecodedPayload d = ProtobufDecoder::decode(payload);
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY2(d.ok, qPrintable(d.error));
        int deepest = 0;
        for (const auto &f : d.fields)
            deepest = std::max(deepest, f.depth);
        QVERIFY(deepest < ProtobufDecoder::MaxDepth);
        QCOMPARE(d.fields.last().type, u"bytes"_s); // below the limit it stays bytes
    }

    void manyFieldsStopAtTheRowLimit()
    {
        QByteArray payload;
        const QByteArray one = fVarint(1, 1);
        while (payload.size() < 16 * 1024 * 1024)
            payload += one;
        QElapsedTimer timer;
        timer.start();
        const DecodedPayload d = ProtobufDecoder::decode(payload);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(d.ok);
        QVERIFY(d.truncated);
        QCOMPARE(d.fields.size(), PayloadLimits::MaxFields);
    }

    void hugeBytesFieldIsCheap()
    {
        QByteArray big(16 * 1024 * 1024, '\0');
        big[0] = '\xff';
        const QByteArray payload = fBytes(1, big);
        QElapsedTimer timer;
        timer.start();
        const DecodedPayload d = ProtobufDecoder::decode(payload);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(d.ok);
        QCOMPARE(d.fields.size(), 1);
        QCOMPARE(d.fields.first().type, u"bytes"_s);
    }

    void looksLikeProtobuf_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("expected");
        QTest::newRow("message") << QByteArray::fromHex("089601") << true;
        QTest::newRow("text") << "hello"_ba << false;
        QTest::newRow("json") << "{\"a\":1}"_ba << false;
        QTest::newRow("garbage") << "\xff\xff"_ba << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("group") << QByteArray::fromHex("0b08010c") << false;
    }
    void looksLikeProtobuf()
    {
        QFETCH(QByteArray, payload);
        QFETCH(bool, expected);
        QCOMPARE(ProtobufDecoder::looksLikeProtobuf(payload), expected);
    }

    void zigzag()
    {
        QCOMPARE(protowire::zigzagDecode(0), 0);
        QCOMPARE(protowire::zigzagDecode(1), -1);
        QCOMPARE(protowire::zigzagDecode(2), 1);
        QCOMPARE(protowire::zigzagDecode(4294967294u), 2147483647);
    }
};

QTEST_GUILESS_MAIN(TestPayloadProtobuf)
#include "tst_payload_protobuf.moc"
