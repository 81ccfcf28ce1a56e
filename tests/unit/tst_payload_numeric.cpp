#include "payload/NumericExtractor.h"

#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

using Steps = QList<NumericExtractor::Step>;

class TestPayloadNumeric : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsePath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<Steps>("steps");
        QTest::newRow("empty") << QString() << true << Steps{};
        QTest::newRow("root") << u"$"_s << true << Steps{};
        QTest::newRow("members") << u"$.a.b"_s << true << Steps{{u"a"_s, -1}, {u"b"_s, -1}};
        QTest::newRow("index") << u"$.a[0]"_s << true << Steps{{u"a"_s, -1}, {QString(), 0}};
        QTest::newRow("root index") << u"$[12]"_s << true << Steps{{QString(), 12}};
        QTest::newRow("bare name") << u"a.b[1]"_s << true << Steps{{u"a"_s, -1}, {u"b"_s, -1}, {QString(), 1}};
        QTest::newRow("quoted key") << u"$['odd key'].v"_s << true << Steps{{u"odd key"_s, -1}, {u"v"_s, -1}};
        QTest::newRow("double quoted with escape") << u"$[\"a\\\"b\"]"_s << true << Steps{{u"a\"b"_s, -1}};
        QTest::newRow("unclosed bracket") << u"$.a[0"_s << false << Steps{};
        QTest::newRow("negative index") << u"$[-1]"_s << false << Steps{};
        QTest::newRow("empty member") << u"$.a..b"_s << false << Steps{};
        QTest::newRow("garbage after root") << u"$x"_s << false << Steps{};
        QTest::newRow("unclosed quote") << u"$['a"_s << false << Steps{};
    }
    void parsePath()
    {
        QFETCH(QString, path);
        QFETCH(bool, valid);
        QFETCH(Steps, steps);
        const auto parsed = NumericExtractor::parsePath(path);
        QCOMPARE(bool(parsed), valid);
        if (valid)
            QCOMPARE(*parsed, steps);
    }

    void value_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("found");
        QTest::addColumn<double>("value");
        QTest::newRow("plain number") << "21.5"_ba << QString() << true << 21.5;
        QTest::newRow("padded number") << "  -3e2\r\n"_ba << u"$"_s << true << -300.0;
        QTest::newRow("plus sign") << "+7"_ba << QString() << true << 7.0;
        QTest::newRow("plain true") << "true"_ba << QString() << true << 1.0;
        QTest::newRow("json string number") << "\"42\""_ba << QString() << true << 42.0;
        QTest::newRow("path") << "{\"a\":{\"b\":[3.25,4]}}"_ba << u"$.a.b[0]"_s << true << 3.25;
        QTest::newRow("path second") << "{\"a\":{\"b\":[3.25,4]}}"_ba << u"a.b[1]"_s << true << 4.0;
        QTest::newRow("boolean at path") << "{\"on\":false}"_ba << u"$.on"_s << true << 0.0;
        QTest::newRow("string at path") << "{\"v\":\" 12 \"}"_ba << u"$.v"_s << true << 12.0;
        QTest::newRow("big integer") << "{\"n\":9007199254740993}"_ba << u"$.n"_s << true << 9007199254740992.0;
        QTest::newRow("missing key") << "{\"a\":1}"_ba << u"$.b"_s << false << 0.0;
        QTest::newRow("index out of range") << "[1]"_ba << u"$[1]"_s << false << 0.0;
        QTest::newRow("object is no number") << "{\"a\":{}}"_ba << u"$.a"_s << false << 0.0;
        QTest::newRow("null") << "{\"a\":null}"_ba << u"$.a"_s << false << 0.0;
        QTest::newRow("text") << "hello"_ba << QString() << false << 0.0;
        QTest::newRow("nan text") << "nan"_ba << QString() << false << 0.0;
        QTest::newRow("inf text") << "inf"_ba << QString() << false << 0.0;
        QTest::newRow("overflow") << "1e999"_ba << QString() << false << 0.0;
        QTest::newRow("string not a number") << "{\"v\":\"12abc\"}"_ba << u"$.v"_s << false << 0.0;
        QTest::newRow("bad path") << "{\"a\":1}"_ba << u"$.a["_s << false << 0.0;
        QTest::newRow("empty") << QByteArray() << QString() << false << 0.0;
        QTest::newRow("too big") << QByteArray(2 * 1024 * 1024, '1') << QString() << false << 0.0;
        QTest::newRow("deep nesting") << QByteArray(100000, '[') << u"$[0]"_s << false << 0.0;
    }
    void value()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, path);
        QFETCH(bool, found);
        QFETCH(double, value);
        const auto v = NumericExtractor::value(payload, path);
        QCOMPARE(bool(v), found);
        if (found)
            QCOMPARE(*v, value);
    }
};

QTEST_GUILESS_MAIN(TestPayloadNumeric)
#include "tst_payload_numeric.moc"
