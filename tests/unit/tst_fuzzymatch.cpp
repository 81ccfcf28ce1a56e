#include "core/FuzzyMatch.h"

#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

// The command palette's matcher: which candidates match a typed pattern, where, and in what order.
class TestFuzzyMatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<QList<int>>("positions");

        QTest::newRow("empty pattern") << QString() << u"Open workspace…"_s << true << QList<int>{};
        QTest::newRow("blank pattern") << u"   "_s << u"Open"_s << true << QList<int>{};
        QTest::newRow("prefix") << u"open"_s << u"Open workspace…"_s << true << QList<int>{0, 1, 2, 3};
        QTest::newRow("case-insensitive") << u"WORK"_s << u"Open workspace…"_s << true
                                          << QList<int>{5, 6, 7, 8};
        QTest::newRow("substring inside a word") << u"space"_s << u"Open workspace…"_s << true
                                                 << QList<int>{9, 10, 11, 12, 13};
        QTest::newRow("word-start substring preferred") << u"st"_s << u"test store"_s << true
                                                        << QList<int>{5, 6};
        QTest::newRow("subsequence across words") << u"ows"_s << u"Open workspace"_s << true
                                                  << QList<int>{0, 5, 9};
        QTest::newRow("subsequence prefers word starts") << u"nc"_s << u"New connection…"_s << true
                                                         << QList<int>{0, 4};
        QTest::newRow("topic levels") << u"s12o"_s << u"shop/store-12/orders"_s << true
                                      << QList<int>{0, 11, 12, 14};
        QTest::newRow("two terms, any order") << u"ws open"_s << u"Open workspace"_s << true
                                              << QList<int>{0, 1, 2, 3, 5, 9};
        QTest::newRow("one of two terms missing") << u"open zzz"_s << u"Open workspace"_s << false
                                                  << QList<int>{};
        QTest::newRow("characters out of order") << u"wo"_s << u"Open"_s << false << QList<int>{};
        QTest::newRow("longer than candidate") << u"openworkspacex"_s << u"Open workspace"_s
                                               << false << QList<int>{};
        QTest::newRow("camelCase hump") << u"qd"_s << u"queueDepth"_s << true << QList<int>{0, 5};
        QTest::newRow("unicode") << u"简体"_s << u"语言 › 简体中文"_s << true << QList<int>{5, 6};
        QTest::newRow("menu path separator") << u"view theme"_s << u"View › Theme › Dark"_s << true
                                             << QList<int>{0, 1, 2, 3, 7, 8, 9, 10, 11};
    }

    void matches()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, candidate);
        QFETCH(bool, matches);
        QFETCH(QList<int>, positions);
        const auto m = fuzzyMatch(pattern, candidate);
        QCOMPARE(m.has_value(), matches);
        if (m)
            QCOMPARE(m->positions, positions);
    }

    void ranking_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QStringList>("candidates");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("prefix beats inner substring")
            << u"conn"_s << QStringList{u"Close connection"_s, u"Connect"_s}
            << QStringList{u"Connect"_s, u"Close connection"_s};
        QTest::newRow("substring beats subsequence")
            << u"save"_s << QStringList{u"Subscribe as event"_s, u"Save as…"_s, u"Save"_s}
            << QStringList{u"Save"_s, u"Save as…"_s, u"Subscribe as event"_s};
        QTest::newRow("non-matches dropped")
            << u"dark"_s << QStringList{u"Light"_s, u"Dark"_s, u"System"_s} << QStringList{u"Dark"_s};
        QTest::newRow("word start beats mid-word")
            << u"temp"_s
            << QStringList{u"shop/attempts"_s, u"shop/store-12/devices/freezer-3/temp"_s}
            << QStringList{u"shop/store-12/devices/freezer-3/temp"_s, u"shop/attempts"_s};
        QTest::newRow("empty pattern keeps order")
            << QString() << QStringList{u"b"_s, u"a"_s, u"c"_s} << QStringList{u"b"_s, u"a"_s, u"c"_s};
        QTest::newRow("equal scores keep order")
            << u"x"_s << QStringList{u"x1"_s, u"x2"_s, u"x3"_s} << QStringList{u"x1"_s, u"x2"_s, u"x3"_s};
    }

    void ranking()
    {
        QFETCH(QString, pattern);
        QFETCH(QStringList, candidates);
        QFETCH(QStringList, expected);
        QStringList ranked;
        for (int i : fuzzyRank(pattern, candidates))
            ranked << candidates.at(i);
        QCOMPARE(ranked, expected);
    }

    void rankLimit()
    {
        QStringList many;
        for (int i = 0; i < 1000; ++i)
            many << u"topic/%1"_s.arg(i);
        QCOMPARE(fuzzyRank(u"topic"_s, many, 25).size(), 25);
        QCOMPARE(fuzzyRank(u"topic"_s, many, 0).size(), 0);
        // Substring matches (99, 990..999) come before the subsequence ones (909, 199, …).
        const QList<int> ranked = fuzzyRank(u"topic/99"_s, many);
        QVERIFY(ranked.size() > 11);
        QList<int> expected{99};
        for (int i = 990; i <= 999; ++i)
            expected << i;
        QCOMPARE(ranked.mid(0, 11), expected);
    }
};

QTEST_APPLESS_MAIN(TestFuzzyMatch)
#include "tst_fuzzymatch.moc"
