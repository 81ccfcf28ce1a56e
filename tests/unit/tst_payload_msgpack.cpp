#include "payload/MsgPackDecoder.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

class TestPayloadMsgPack : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("hex");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("summary");

        QTest::newRow("fixmap") << "82a16101a162920203"_ba << u"{\n  \"a\": 1,\n  \"b\": [\n    2,\n    3\n  ]\n}"_s << u"MessagePack map, 2 pair(s)"_s;
        QTest::newRow("fixarray") << "93010203"_ba << u"[\n  1,\n  2,\n  3\n]"_s << u"MessagePack array, 3 item(s)"_s;
        QTest::newRow("nil") << "c0"_ba << u"nil"_s << u"MessagePack nil"_s;
        QTest::newRow("false") << "c2"_ba << u"false"_s << u"MessagePack bool"_s;
        QTest::newRow("true") << "c3"_ba << u"true"_s << u"MessagePack bool"_s;
        QTest::newRow("positive fixint") << "7f"_ba << u"127"_s << u"MessagePack int"_s;
        QTest::newRow("negative fixint") << "e0"_ba << u"-32"_s << u"MessagePack int"_s;
        QTest::newRow("uint8") << "ccff"_ba << u"255"_s << u"MessagePack uint"_s;
        QTest::newRow("uint16") << "cd0100"_ba << u"256"_s << u"MessagePack uint"_s;
        QTest::newRow("uint32") << "ceffffffff"_ba << u"4294967295"_s << u"MessagePack uint"_s;
        QTest::newRow("uint64") << "cfffffffffffffffff"_ba << u"18446744073709551615"_s << u"MessagePack uint"_s;
        QTest::newRow("int8") << "d0ff"_ba << u"-1"_s << u"MessagePack int"_s;
        QTest::newRow("int16") << "d18000"_ba << u"-32768"_s << u"MessagePack int"_s;
        QTest::newRow("int32") << "d2fffffffe"_ba << u"-2"_s << u"MessagePack int"_s;
        QTest::newRow("int64") << "d38000000000000000"_ba << u"-9223372036854775808"_s << u"MessagePack int"_s;
        QTest::newRow("float32") << "ca3f800000"_ba << u"1"_s << u"MessagePack float32"_s;
        QTest::newRow("float64") << "cb3ff8000000000000"_ba << u"1.5"_s << u"MessagePack float64"_s;
        QTest::newRow("fixstr") << "a568656c6c6f"_ba << u"\"hello\""_s << u"MessagePack str"_s;
        QTest::newRow("str8") << "d903616263"_ba << u"\"abc\""_s << u"MessagePack str"_s;
        QTest::newRow("bin8") << "c403010203"_ba << u"h'010203'"_s << u"MessagePack bin"_s;
        QTest::newRow("fixext1") << "d40105"_ba << u"ext(1, h'05')"_s << u"MessagePack ext 1"_s;
        QTest::newRow("timestamp32") << "d6ff00000001"_ba << u"timestamp(1970-01-01T00:00:01.000Z)"_s << u"MessagePack timestamp"_s;
        QTest::newRow("timestamp64") << "d7ff7735940000000002"_ba << u"timestamp(1970-01-01T00:00:02.500Z)"_s << u"MessagePack timestamp"_s;
        QTest::newRow("timestamp96") << "c70cff00000000ffffffffffffffff"_ba << u"timestamp(1969-12-31T23:59:59.000Z)"_s << u"MessagePack timestamp"_s;
        QTest::newRow("integer key") << "810102"_ba << u"{\n  1: 2\n}"_s << u"MessagePack map, 1 pair(s)"_s;
        QTest::newRow("array16 empty") << "dc0000"_ba << u"[]"_s << u"MessagePack array, 0 item(s)"_s;
        QTest::newRow("stream") << "01a178"_ba << u"1\n\"x\""_s << u"MessagePack stream of 2 object(s)"_s;
    }
    void decode()
    {
        QFETCH(QByteArray, hex);
        QFETCH(QString, text);
        QFETCH(QString, summary);
        const DecodedPayload d = MsgPackDecoder::decode(QByteArray::fromHex(hex));
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.decoderId, u"msgpack"_s);
        QCOMPARE(d.text, text);
        QCOMPARE(d.summary, summary);
    }

    void fields()
    {
        const DecodedPayload d = MsgPackDecoder::decode(QByteArray::fromHex("82a3736b75a3412d31a3717479920102"));
        QVERIFY2(d.ok, qPrintable(d.error));
        QStringList rows;
        for (const auto &f : d.fields)
            rows << u"%1|%2|%3|%4"_s.arg(f.path, f.type, f.value).arg(f.depth);
        QCOMPARE(rows, (QStringList{u"$|map|{2 pair(s)}|0"_s, u"$.sku|str|A-1|1"_s, u"$.qty|array|[2 item(s)]|1"_s,
                                    u"$.qty[0]|int|1|2"_s, u"$.qty[1]|int|2|2"_s}));
    }

    void invalidUtf8StringWarns()
    {
        const DecodedPayload d = MsgPackDecoder::decode(QByteArray::fromHex("a2ff41"));
        QVERIFY(d.ok);
        QCOMPARE(d.warnings.size(), 1);
        QCOMPARE(d.warnings.first().offset, 0);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("hex");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << u"empty payload"_s;
        QTest::newRow("short array") << "9201"_ba << u"claims 2 elements but only 1 bytes follow"_s;
        QTest::newRow("short map") << "81a161"_ba << u"ends early"_s;
        QTest::newRow("short string") << "a56865"_ba << u"ends early"_s;
        QTest::newRow("short uint16") << "cd01"_ba << u"ends early"_s;
        QTest::newRow("short float64") << "cb3ff0"_ba << u"ends early"_s;
        QTest::newRow("huge array32 claim") << "ddffffffff"_ba << u"claims 4294967295 elements"_s;
        QTest::newRow("huge map32 claim") << "dfffffffff01"_ba << u"claims 4294967295 elements"_s;
        QTest::newRow("huge str32 claim") << "dbffffffff41"_ba << u"ends early"_s;
        QTest::newRow("huge ext32 claim") << "c9ffffffff01"_ba << u"ends early"_s;
        QTest::newRow("never used byte") << "c1"_ba << u"byte 0xc1 at offset 0 is never used"_s;
        QTest::newRow("never used byte nested") << "91c1"_ba << u"byte 0xc1 at offset 1"_s;
    }
    void malformed()
    {
        QFETCH(QByteArray, hex);
        QFETCH(QString, error);
        const DecodedPayload d = MsgPackDecoder::decode(QByteArray::fromHex(hex));
        QVERIFY(!d.ok);
        QVERIFY2(d.error.startsWith(u"cannot decode: "_s), qPrintable(d.error));
        QVERIFY2(d.error.contains(error), qPrintable(d.error));
    }

    void nesting_data()
    {
        QTest::addColumn<int>("depth");
        QTest::addColumn<bool>("ok");
        QTest::newRow("512") << 512 << true;
        QTest::newRow("513") << 513 << false;
        QTest::newRow("100,000") << 100000 << false;
    }
    void nesting()
    {
        QFETCH(int, depth);
        QFETCH(bool, ok);
        const QByteArray payload = QByteArray(depth, '\x91') + '\x00';
        QElapsedTimer timer;
        timer.start();
        const DecodedPayload d = MsgPackDecoder::decode(payload);
        QVERIFY(timer.elapsed() < 2000);
        QCOMPARE(d.ok, ok);
        if (!ok)
            QVERIFY2(d.error.contains(u"nesting deeper than 512 levels"_s), qPrintable(d.error));
    }

    void largeInputsAreBounded()
    {
        QByteArray items = QByteArray::fromHex("dd01000000") + QByteArray(16 * 1024 * 1024, '\x01');
        QElapsedTimer timer;
        timer.start();
        const DecodedPayload d = MsgPackDecoder::decode(items);
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(d.truncated);
        QVERIFY(d.fields.size() <= PayloadLimits::MaxFields);
    }
};

QTEST_GUILESS_MAIN(TestPayloadMsgPack)
#include "tst_payload_msgpack.moc"
