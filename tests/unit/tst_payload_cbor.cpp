#include "payload/CborDecoder.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QElapsedTimer>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

class TestPayloadCbor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("hex");
        QTest::addColumn<QString>("text");    // diagnostic notation
        QTest::addColumn<QString>("summary");

        // Examples from RFC 8949 appendix A.
        QTest::newRow("map") << "a26161016162820203"_ba << u"{\n  \"a\": 1,\n  \"b\": [\n    2,\n    3\n  ]\n}"_s << u"CBOR map, 2 pair(s)"_s;
        QTest::newRow("array") << "83010203"_ba << u"[\n  1,\n  2,\n  3\n]"_s << u"CBOR array, 3 item(s)"_s;
        QTest::newRow("zero") << "00"_ba << u"0"_s << u"CBOR unsigned"_s;
        QTest::newRow("uint64 max") << "1bffffffffffffffff"_ba << u"18446744073709551615"_s << u"CBOR unsigned"_s;
        QTest::newRow("minus one") << "20"_ba << u"-1"_s << u"CBOR negative"_s;
        QTest::newRow("minus 2^64") << "3bffffffffffffffff"_ba << u"-18446744073709551616"_s << u"CBOR negative"_s;
        QTest::newRow("half float") << "f93c00"_ba << u"1.0"_s << u"CBOR float16"_s;
        QTest::newRow("float") << "fa47c35000"_ba << u"100000.0"_s << u"CBOR float32"_s;
        QTest::newRow("double") << "fb3ff199999999999a"_ba << u"1.1000000000000001"_s << u"CBOR float64"_s;
        QTest::newRow("infinity") << "f97c00"_ba << u"Infinity"_s << u"CBOR float16"_s;
        QTest::newRow("nan") << "f97e00"_ba << u"NaN"_s << u"CBOR float16"_s;
        QTest::newRow("true") << "f5"_ba << u"true"_s << u"CBOR bool"_s;
        QTest::newRow("null") << "f6"_ba << u"null"_s << u"CBOR null"_s;
        QTest::newRow("undefined") << "f7"_ba << u"undefined"_s << u"CBOR undefined"_s;
        QTest::newRow("simple 16") << "f0"_ba << u"simple(16)"_s << u"CBOR simple"_s;
        QTest::newRow("date tag") << "c074323031332d30332d32315432303a30343a30305a"_ba << u"0(\"2013-03-21T20:04:00Z\")"_s << u"CBOR text"_s;
        QTest::newRow("epoch tag") << "c11a514b67b0"_ba << u"1(1363896240)"_s << u"CBOR unsigned"_s;
        QTest::newRow("bytes") << "4401020304"_ba << u"h'01020304'"_s << u"CBOR bytes"_s;
        QTest::newRow("indefinite bytes") << "5f42010243030405ff"_ba << u"h'0102030405'"_s << u"CBOR bytes"_s;
        QTest::newRow("indefinite text") << "7f657374726561646d696e67ff"_ba << u"\"streaming\""_s << u"CBOR text"_s;
        QTest::newRow("unicode text") << "62c3bc"_ba << u"\"ü\""_s << u"CBOR text"_s;
        QTest::newRow("indefinite array") << "9f01820203ff"_ba << u"[_ \n  1,\n  [\n    2,\n    3\n  ]\n]"_s << u"CBOR array, 2 item(s)"_s;
        QTest::newRow("self-described empty map") << "d9d9f7a0"_ba << u"55799({})"_s << u"CBOR map, 0 pair(s)"_s;
        QTest::newRow("integer key") << "a10102"_ba << u"{\n  1: 2\n}"_s << u"CBOR map, 1 pair(s)"_s;
        QTest::newRow("array key") << "a1820102f5"_ba << u"{\n  [1, 2]: true\n}"_s << u"CBOR map, 1 pair(s)"_s;
        QTest::newRow("sequence") << "0102"_ba << u"1\n2"_s << u"CBOR sequence of 2 item(s)"_s;
    }
    void decode()
    {
        QFETCH(QByteArray, hex);
        QFETCH(QString, text);
        QFETCH(QString, summary);
        const DecodedPayload d = CborDecoder::decode(QByteArray::fromHex(hex));
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.decoderId, u"cbor"_s);
        QCOMPARE(d.text, text);
        QCOMPARE(d.summary, summary);
    }

    void fields()
    {
        const DecodedPayload d = CborDecoder::decode(QByteArray::fromHex("a2616182010261621bffffffffffffffff"));
        QVERIFY2(d.ok, qPrintable(d.error));
        QStringList rows;
        for (const auto &f : d.fields)
            rows << u"%1|%2|%3|%4"_s.arg(f.path, f.type, f.value).arg(f.depth);
        QCOMPARE(rows, (QStringList{u"$|map|{2 pair(s)}|0"_s, u"$.a|array|[2 item(s)]|1"_s, u"$.a[0]|unsigned|1|2"_s,
                                    u"$.a[1]|unsigned|2|2"_s, u"$.b|unsigned|18446744073709551615|1"_s}));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("hex");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << u"empty payload"_s;
        QTest::newRow("map missing value") << "a16161"_ba << u"ends early at byte 3 (truncated input)"_s;
        QTest::newRow("short array") << "830102"_ba << u"truncated input"_s;
        QTest::newRow("short text") << "6261"_ba << u"truncated input"_s;
        QTest::newRow("short integer") << "1a0000"_ba << u"truncated input"_s;
        QTest::newRow("huge byte string claim") << "5affffffff01"_ba << u"truncated input"_s;
        QTest::newRow("huge array claim") << "9bffffffffffffffff"_ba << u"invalid CBOR"_s;
        QTest::newRow("unterminated indefinite") << "9f0102"_ba << u"truncated input"_s;
        QTest::newRow("lone break") << "ff"_ba << u"invalid CBOR at byte 0"_s;
        QTest::newRow("reserved additional info") << "1c"_ba << u"invalid CBOR at byte 0"_s;
        QTest::newRow("invalid utf-8 text") << "62ff01"_ba << u"invalid CBOR"_s;
        QTest::newRow("second item truncated") << "0119"_ba << u"truncated input"_s;
        // Found by fuzz_cbor: Qt keeps reporting text items after this stray break.
        QTest::newRow("break inside a definite map") << "2e96ba60ff96ba60ff95953a"_ba << u"unexpected 'break' byte"_s;
    }
    void malformed()
    {
        QFETCH(QByteArray, hex);
        QFETCH(QString, error);
        QElapsedTimer timer;
        timer.start();
        const DecodedPayload d = CborDecoder::decode(QByteArray::fromHex(hex));
        QVERIFY(timer.elapsed() < 500);
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
        const QByteArray payload = QByteArray(depth, '\x81') + '\x00';
        QElapsedTimer timer;
        timer.start();
        const DecodedPayload d = CborDecoder::decode(payload);
        QVERIFY(timer.elapsed() < 2000);
        QCOMPARE(d.ok, ok);
        if (!ok)
            QVERIFY2(d.error.contains(u"nesting deeper than 512 levels"_s), qPrintable(d.error));
    }

    void roundTripWithQtEncoder()
    {
        QCborMap map;
        map.insert(u"temp"_s, 21.5);
        map.insert(u"tags"_s, QCborArray{u"a"_s, -3, QByteArray("\x00\x01", 2)});
        map.insert(42, QCborValue(QCborSimpleType::Null));
        const DecodedPayload d = CborDecoder::decode(QCborValue(map).toCbor());
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.summary, u"CBOR map, 3 pair(s)"_s);
        QVERIFY(d.text.contains(u"\"temp\": 21.5"_s));
        QVERIFY(d.text.contains(u"h'0001'"_s));
        QVERIFY(d.text.contains(u"42: null"_s));
    }

    void largeInputsAreBounded()
    {
        // A 16 MiB byte string: shown as a preview; 16 M small items: stops at the item cap.
        QByteArray bytes = QByteArray::fromHex("5a01000000") + QByteArray(16 * 1024 * 1024, 'x');
        QElapsedTimer timer;
        timer.start();
        DecodedPayload d = CborDecoder::decode(bytes);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(d.ok);
        QVERIFY(d.fields.first().value.contains(u"MiB"_s));

        const QByteArray items = QByteArray::fromHex("9f") + QByteArray(16 * 1024 * 1024, '\x01') + QByteArray::fromHex("ff");
        timer.restart();
        d = CborDecoder::decode(items);
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(d.truncated);
        QVERIFY(d.fields.size() <= PayloadLimits::MaxFields);
    }
};

QTEST_GUILESS_MAIN(TestPayloadCbor)
#include "tst_payload_cbor.moc"
