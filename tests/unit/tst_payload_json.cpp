#include "payload/JsonDecoder.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

namespace {

QStringList rows(const DecodedPayload &d)
{
    QStringList out;
    for (const auto &f : d.fields)
        out << u"%1|%2|%3|%4"_s.arg(f.path, f.type, f.value).arg(f.depth);
    return out;
}

} // namespace

class TestPayloadJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("summaryOrError"); // a substring of summary (ok) or error
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");

        QTest::newRow("object") << "{\"a\":1,\"b\":[true,null]}"_ba << true << u"JSON object, 2 key"_s << 0 << 0;
        QTest::newRow("array") << "[1,2,3]"_ba << true << u"JSON array, 3 item"_s << 0 << 0;
        QTest::newRow("top-level number") << "42"_ba << true << u"JSON number 42"_s << 0 << 0;
        QTest::newRow("top-level negative exponent") << "-1.5e-3"_ba << true << u"JSON number -1.5e-3"_s << 0 << 0;
        QTest::newRow("top-level string") << "\"hi\""_ba << true << u"JSON string, 2 character"_s << 0 << 0;
        QTest::newRow("top-level true") << "true"_ba << true << u"JSON boolean true"_s << 0 << 0;
        QTest::newRow("top-level null") << " null "_ba << true << u"JSON null"_s << 0 << 0;
        QTest::newRow("padded") << "  \n {\"a\":1}\r\n"_ba << true << u"JSON object, 1 key"_s << 0 << 0;
        QTest::newRow("duplicate keys counted as published") << "{\"a\":1,\"a\":2}"_ba << true << u"JSON object, 2 key"_s << 0 << 0;
        QTest::newRow("empty") << QByteArray() << false << u"cannot decode: empty payload"_s << 0 << 0;
        QTest::newRow("white space only") << " \n\t"_ba << false << u"only white space"_s << 0 << 0;
        QTest::newRow("trailing comma") << "{\"a\":1,}"_ba << false << u"object is missing after a comma at line 1, column 8"_s << 1 << 8;
        QTest::newRow("error on line 3")
            << "{\n  \"a\": 1,\n  \"b\": tru\n}"_ba << false << u"line 3, column 10"_s << 3 << 10;
        QTest::newRow("column counts characters")
            << "{\"\xe9\x98\x9f\": x}"_ba << false << u"line 1, column 7"_s << 1 << 7;
        QTest::newRow("garbage after object") << "{\"a\":1} x"_ba << false << u"line 1"_s << 1 << 9;
        QTest::newRow("two scalars") << "1, 2"_ba << false << u"more than one JSON value at line 1, column 2"_s << 1 << 2;
        QTest::newRow("bad scalar") << "tru"_ba << false << u"line 1"_s << 1 << 2;
        QTest::newRow("unterminated string") << "{\"a\":\"b"_ba << false << u"line 1"_s << 1 << 7;
        QTest::newRow("invalid utf-8 in string") << "[\"\xff\"]"_ba << false << u"line 1"_s << 1 << 3;
        QTest::newRow("single quotes") << "{'a':1}"_ba << false << u"line 1, column 3"_s << 1 << 3;
        QTest::newRow("nan is not json") << "NaN"_ba << false << u"line 1"_s << 1 << 1;
    }
    void decode()
    {
        QFETCH(QByteArray, payload);
        QFETCH(bool, ok);
        QFETCH(QString, summaryOrError);
        QFETCH(int, line);
        QFETCH(int, column);

        const DecodedPayload d = JsonDecoder::decode(payload);
        QCOMPARE(d.decoderId, u"json"_s);
        QCOMPARE(d.ok, ok);
        if (ok) {
            QVERIFY2(d.summary.contains(summaryOrError), qPrintable(d.summary));
            QVERIFY(d.error.isEmpty());
            QVERIFY(!d.text.isEmpty());
            QVERIFY(!d.fields.isEmpty());
        } else {
            QVERIFY2(d.error.startsWith(u"cannot decode: "_s), qPrintable(d.error));
            QVERIFY2(d.error.contains(summaryOrError), qPrintable(d.error));
            QCOMPARE(d.errorLine, line);
            QCOMPARE(d.errorColumn, column);
            if (line > 0)
                QVERIFY2(d.text.endsWith(u'^'), qPrintable(d.text)); // the line with a caret
        }
    }

    void fields_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("nested paths") << "{\"items\":[{\"sku\":\"A-1\",\"qty\":2}],\"odd key\":null}"_ba
                                      << QStringList{u"$|object|{2 key(s)}|0"_s,
                                                     u"$.items|array|[1 item(s)]|1"_s,
                                                     u"$.items[0]|object|{2 key(s)}|2"_s,
                                                     u"$.items[0].sku|string|A-1|3"_s,
                                                     u"$.items[0].qty|number|2|3"_s,
                                                     u"$['odd key']|null|null|1"_s};
        QTest::newRow("key order as published") << "{\"z\":1,\"a\":2}"_ba
                                                << QStringList{u"$|object|{2 key(s)}|0"_s, u"$.z|number|1|1"_s,
                                                               u"$.a|number|2|1"_s};
        QTest::newRow("number literal kept") << "{\"id\":12345678901234567890,\"f\":1.10}"_ba
                                             << QStringList{u"$|object|{2 key(s)}|0"_s,
                                                            u"$.id|number|12345678901234567890|1"_s,
                                                            u"$.f|number|1.10|1"_s};
        QTest::newRow("escapes resolved") << "{\"s\":\"a\\nb\\u00e9\\\"\",\"k\\\"q\":true}"_ba
                                          << QStringList{u"$|object|{2 key(s)}|0"_s, u"$.s|string|a\nbé\"|1"_s,
                                                         u"$['k\"q']|boolean|true|1"_s};
        QTest::newRow("surrogate pair escape") << "[\"\\ud83d\\ude00\"]"_ba
                                               << QStringList{u"$|array|[1 item(s)]|0"_s,
                                                              u"$[0]|string|"_s + QString::fromUtf8("\xf0\x9f\x98\x80") + u"|1"_s};
        QTest::newRow("empty containers") << "{\"a\":{},\"b\":[]}"_ba
                                          << QStringList{u"$|object|{2 key(s)}|0"_s, u"$.a|object|{0 key(s)}|1"_s,
                                                         u"$.b|array|[0 item(s)]|1"_s};
        QTest::newRow("scalar root") << "7"_ba << QStringList{u"$|number|7|0"_s};
        QTest::newRow("quote in key path") << "{\"it's\":1}"_ba
                                           << QStringList{u"$|object|{1 key(s)}|0"_s, u"$['it\\'s']|number|1|1"_s};
    }
    void fields()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QStringList, expected);
        const DecodedPayload d = JsonDecoder::decode(payload);
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(rows(d), expected);
    }

    void prettyText_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("text");
        QTest::newRow("nested") << "{\"a\":[1,2],\"b\":{}, \"c\" : \"x y\"}"_ba
                                << u"{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": \"x y\"\n}"_s;
        QTest::newRow("scalar") << " 3.0 "_ba << u"3.0"_s;
        QTest::newRow("escapes kept as written") << "[\"\\u00e9\\n\"]"_ba << u"[\n  \"\\u00e9\\n\"\n]"_s;
    }
    void prettyText()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, text);
        const DecodedPayload d = JsonDecoder::decode(payload);
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.text, text);
    }

    void duplicateKeysWarn()
    {
        const DecodedPayload d = JsonDecoder::decode("{\"a\":1,\"b\":{\"x\":1,\"x\":2},\"a\":3}"_ba);
        QVERIFY(d.ok);
        QCOMPARE(d.warnings.size(), 2);
        QVERIFY2(d.warnings.at(0).message.contains(u"\"x\""_s), qPrintable(d.warnings.at(0).message));
        QVERIFY(d.warnings.at(0).message.contains(u"$.b"_s));
        QCOMPARE(d.warnings.at(0).offset, 18);
        QVERIFY(d.warnings.at(1).message.contains(u"\"a\""_s));
    }

    void byteOrderMarkIsSkippedWithWarning()
    {
        const DecodedPayload d = JsonDecoder::decode("\xEF\xBB\xBF{\"a\":1}"_ba);
        QVERIFY(d.ok);
        QCOMPARE(d.warnings.size(), 1);
        QCOMPARE(d.warnings.first().offset, 0);
    }

    void nestingLimit_data()
    {
        QTest::addColumn<int>("depth");
        QTest::addColumn<bool>("ok");
        QTest::newRow("512 levels") << 512 << true;
        QTest::newRow("513 levels") << 513 << false;
        QTest::newRow("100,000 levels") << 100000 << false;
    }
    void nestingLimit()
    {
        QFETCH(int, depth);
        QFETCH(bool, ok);
        const QByteArray payload = QByteArray(depth, '[') + QByteArray(depth, ']');
        QElapsedTimer timer;
        timer.start();
        const DecodedPayload d = JsonDecoder::decode(payload);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(d.ok, ok);
        if (!ok) {
            QCOMPARE(d.error, u"cannot decode: nesting deeper than 512 levels at line 1, column 513"_s);
            QCOMPARE(d.errorOffset, 512);
        }
    }
    void unclosedDeepNestingFailsFast()
    {
        QElapsedTimer timer;
        timer.start();
        const DecodedPayload d = JsonDecoder::decode(QByteArray(100000, '['));
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(!d.ok);
        QVERIFY(d.error.contains(u"nesting deeper than 512 levels"_s));
    }
    void bracketsInStringsDoNotCount()
    {
        const QByteArray payload = "[\"" + QByteArray(5000, '[') + "\"]";
        const DecodedPayload d = JsonDecoder::decode(payload);
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(JsonDecoder::nestingDepth(payload, 512), 1);
    }

    void largePayloadIsBounded()
    {
        // ~16 MiB: the tree and the text are capped, the parse still completes.
        QByteArray payload = "[";
        const QByteArray item = "{\"k\":\"" + QByteArray(1000, 'x') + "\"},";
        while (payload.size() < 16 * 1024 * 1024)
            payload += item;
        payload.chop(1);
        payload += ']';
        QElapsedTimer timer;
        timer.start();
        const DecodedPayload d = JsonDecoder::decode(payload);
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(d.ok, qPrintable(d.error));
        QVERIFY(d.truncated);
        QVERIFY(d.text.size() <= PayloadLimits::MaxTextChars);
        QVERIFY(d.fields.size() <= PayloadLimits::MaxFields);
        QVERIFY(d.summary.startsWith(u"JSON array, "_s));
        QVERIFY(!d.warnings.isEmpty());
    }
    void oversizedPayloadIsRefused()
    {
        const QByteArray payload(PayloadLimits::MaxStructuredInput + 1, ' ');
        QElapsedTimer timer;
        timer.start();
        const DecodedPayload d = JsonDecoder::decode(payload);
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(!d.ok);
        QVERIFY2(d.error.contains(u"more than the"_s), qPrintable(d.error));
    }

    void lineColumn_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("start") << "abc"_ba << qint64(0) << 1 << 1;
        QTest::newRow("end") << "abc"_ba << qint64(3) << 1 << 4;
        QTest::newRow("second line") << "ab\ncd"_ba << qint64(4) << 2 << 2;
        QTest::newRow("after newline") << "ab\n"_ba << qint64(3) << 2 << 1;
        QTest::newRow("multibyte") << "\xc3\xa9\xc3\xa9x"_ba << qint64(4) << 1 << 3;
        QTest::newRow("clamped") << "ab"_ba << qint64(99) << 1 << 3;
    }
    void lineColumn()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, offset);
        QFETCH(int, line);
        QFETCH(int, column);
        int l = 0, c = 0;
        JsonDecoder::lineColumn(text, offset, &l, &c);
        QCOMPARE(l, line);
        QCOMPARE(c, column);
    }

    void memberRange_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("value"); // empty = not found
        QTest::newRow("object value") << "{\"a\":1,\"data\" : {\"x\":[1,\"}\"]} }"_ba << u"data"_s << "{\"x\":[1,\"}\"]}"_ba;
        QTest::newRow("string") << "{\"data\":\"a\\\"b\"}"_ba << u"data"_s << "\"a\\\"b\""_ba;
        QTest::newRow("number") << "{\"data\":-1.5e3,\"z\":0}"_ba << u"data"_s << "-1.5e3"_ba;
        QTest::newRow("escaped key") << "{\"d\\u0061ta\":true}"_ba << u"data"_s << "true"_ba;
        QTest::newRow("missing") << "{\"a\":1}"_ba << u"data"_s << QByteArray();
        QTest::newRow("not an object") << "[1]"_ba << u"data"_s << QByteArray();
        QTest::newRow("nested key ignored") << "{\"a\":{\"data\":1}}"_ba << u"data"_s << QByteArray();
    }
    void memberRange()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, key);
        QFETCH(QByteArray, value);
        const auto range = JsonDecoder::memberRange(json, key);
        if (value.isEmpty()) {
            QVERIFY(!range);
            return;
        }
        QVERIFY(range);
        QCOMPARE(json.mid(range->first, range->second - range->first), value);
    }
};

QTEST_GUILESS_MAIN(TestPayloadJson)
#include "tst_payload_json.moc"
