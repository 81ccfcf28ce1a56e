#include "payload/PayloadDiff.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

namespace {

QStringList describe(const PayloadDiff::Result &r)
{
    QStringList out;
    for (const auto &c : r.changes) {
        const QString kind = c.kind == PayloadDiff::Change::Kind::Added ? u"added"_s
            : c.kind == PayloadDiff::Change::Kind::Removed              ? u"removed"_s
                                                                        : u"changed"_s;
        switch (r.mode) {
        case PayloadDiff::Mode::Json:
            out << u"%1 %2 %3 %4"_s.arg(kind, c.path, c.oldValue, c.newValue);
            break;
        case PayloadDiff::Mode::Lines:
            out << u"%1 %2 %3 %4"_s.arg(kind).arg(c.oldLine).arg(c.newLine).arg(c.oldValue + c.newValue);
            break;
        default:
            out << u"%1 @%2+%3 %4 | %5"_s.arg(kind).arg(c.offset).arg(c.length).arg(c.oldValue, c.newValue);
            break;
        }
    }
    return out;
}

} // namespace

class TestPayloadDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void diff_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QStringList>("changes");

        using M = PayloadDiff::Mode;
        QTest::newRow("identical") << "x"_ba << "x"_ba << int(M::Identical) << QStringList();
        QTest::newRow("json value changed and key added")
            << "{\"a\":1,\"b\":2}"_ba << "{\"a\":1,\"b\":3,\"c\":[4]}"_ba << int(M::Json)
            << QStringList{u"changed $.b 2 3"_s, u"added $.c  [4]"_s};
        QTest::newRow("json key removed") << "{\"a\":1,\"b\":{\"x\":true}}"_ba << "{\"a\":1}"_ba << int(M::Json)
                                          << QStringList{u"removed $.b {\"x\":true} "_s};
        QTest::newRow("json nested") << "{\"items\":[{\"sku\":\"A\",\"qty\":1}]}"_ba
                                     << "{\"items\":[{\"sku\":\"A\",\"qty\":2}]}"_ba << int(M::Json)
                                     << QStringList{u"changed $.items[0].qty 1 2"_s};
        QTest::newRow("json arrays") << "[1,2,3]"_ba << "[1,5]"_ba << int(M::Json)
                                     << QStringList{u"changed $[1] 2 5"_s, u"removed $[2] 3 "_s};
        QTest::newRow("json type change") << "{\"a\":1}"_ba << "{\"a\":\"1\"}"_ba << int(M::Json)
                                          << QStringList{u"changed $.a 1 \"1\""_s};
        QTest::newRow("json scalars") << "21.5"_ba << "22"_ba << int(M::Json) << QStringList{u"changed $ 21.5 22"_s};
        QTest::newRow("json formatting only") << "{\"a\":1}"_ba << "{ \"a\" : 1 }\n"_ba << int(M::Json) << QStringList();
        QTest::newRow("json odd key") << "{\"a b\":1}"_ba << "{\"a b\":2}"_ba << int(M::Json)
                                      << QStringList{u"changed $['a b'] 1 2"_s};
        QTest::newRow("lines") << "a\nb\nc\n"_ba << "a\nx\nc\n"_ba << int(M::Lines)
                               << QStringList{u"removed 2 0 b"_s, u"added 0 2 x"_s};
        QTest::newRow("lines inserted") << "a\nc"_ba << "a\nb\nc"_ba << int(M::Lines) << QStringList{u"added 0 2 b"_s};
        QTest::newRow("crlf ignored") << "a\r\nb\r\n"_ba << "a\nb\nc\n"_ba << int(M::Lines) << QStringList{u"added 0 3 c"_s};
        QTest::newRow("one side not json") << "{\"a\":1}"_ba << "{\"a\":1"_ba << int(M::Lines)
                                           << QStringList{u"removed 1 0 {\"a\":1}"_s, u"added 0 1 {\"a\":1"_s};
        QTest::newRow("bytes") << "\x00\x01\x02\x03"_ba << "\x00\xff\x02\x03\x04"_ba << int(M::Bytes)
                               << QStringList{u"changed @1+1 01 | ff"_s, u"added @4+1  | 04"_s};
        QTest::newRow("bytes shorter") << "\xff\xfe\xfd"_ba << "\xff"_ba << int(M::Bytes)
                                       << QStringList{u"removed @1+2 fe fd | "_s};
    }
    void diff()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(int, mode);
        QFETCH(QStringList, changes);
        const PayloadDiff::Result r = PayloadDiff::diff(before, after);
        QCOMPARE(int(r.mode), mode);
        QCOMPARE(describe(r), changes);
        QVERIFY(!r.summary.isEmpty());
        QVERIFY(!r.truncated);
    }

    void manyJsonChangesAreCapped()
    {
        QByteArray a = "{", b = "{";
        for (int i = 0; i < 5000; ++i) {
            a += "\"k" + QByteArray::number(i) + "\":1,";
            b += "\"k" + QByteArray::number(i) + "\":2,";
        }
        a.chop(1);
        b.chop(1);
        a += '}';
        b += '}';
        const auto r = PayloadDiff::diff(a, b);
        QCOMPARE(r.mode, PayloadDiff::Mode::Json);
        QCOMPARE(r.changes.size(), PayloadDiff::MaxChanges);
        QVERIFY(r.truncated);
    }

    void largeLineDiffFallsBackToBlocks()
    {
        QByteArray a, b;
        for (int i = 0; i < 5000; ++i) {
            a += "old " + QByteArray::number(i) + '\n';
            b += "new " + QByteArray::number(i) + '\n';
        }
        QElapsedTimer timer;
        timer.start();
        const auto r = PayloadDiff::diff("same\n" + a, "same\n" + b);
        QVERIFY(timer.elapsed() < 3000);
        QCOMPARE(r.mode, PayloadDiff::Mode::Lines);
        QVERIFY(r.truncated);
        QCOMPARE(r.changes.size(), PayloadDiff::MaxChanges);
        QCOMPARE(r.changes.first().oldLine, 2); // the common first line was not reported
    }

    void largeBinaryDiffIsQuick()
    {
        QByteArray a(64 * 1024 * 1024, '\x80');
        QByteArray b = a;
        b[10] = '\x01';
        b[a.size() - 1] = '\x02';
        QElapsedTimer timer;
        timer.start();
        const auto r = PayloadDiff::diff(a, b);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(r.mode, PayloadDiff::Mode::Bytes);
        QCOMPARE(r.changes.size(), 2);
        QCOMPARE(r.changes.at(1).offset, a.size() - 1);
    }
};

QTEST_GUILESS_MAIN(TestPayloadDiff)
#include "tst_payload_diff.moc"
