#include "core/TimeSeries.h"

#include <QRandomGenerator>
#include <QtTest>

#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;
using namespace tideline;

using Points = QList<MetricPoint>;

namespace tideline {
// NaN equals NaN here: the tests compare what a function kept, not arithmetic.
bool operator==(const MetricPoint &a, const MetricPoint &b)
{
    return a.timestampMs == b.timestampMs
           && (a.value == b.value || (std::isnan(a.value) && std::isnan(b.value)));
}
char *toString(const MetricPoint &p)
{
    return QTest::toString(u"(%1, %2)"_s.arg(p.timestampMs).arg(p.value));
}
} // namespace tideline

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();

MetricSeriesKey key(const QString &name, const QString &queue = u"orders"_s)
{
    return {u"test"_s, name, {{u"queue"_s, queue}}};
}

} // namespace

class TestTimeSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bucketWidth_data();
    void bucketWidth();
    void minMax_data();
    void minMax();
    void minMaxKeepsExtremes();
    void lttb_data();
    void lttb();
    void lttbShape();
    void timeRange_data();
    void timeRange();
    void mergePoints_data();
    void mergePoints();
    void storeAppendsInOrder();
    void storeReplacesDuplicateTimestamps();
    void storeCapsByCount();
    void storeCapsByAge();
    void storeMergesHistory();
    void storeRevisions();
    void storeUnknownKey();
    void storeEpochs();
    void minMaxCacheMatchesFullReduction();
};

void TestTimeSeries::bucketWidth_data()
{
    QTest::addColumn<qint64>("span");
    QTest::addColumn<int>("pixels");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("5 min on 600 px") << qint64(300'000) << 600 << qint64(500);
    QTest::newRow("rounds up") << qint64(1001) << 1000 << qint64(2);
    QTest::newRow("at least 1 ms") << qint64(10) << 1000 << qint64(1);
    QTest::newRow("no span") << qint64(0) << 100 << qint64(1);
    QTest::newRow("no pixels") << qint64(1000) << 0 << qint64(1);
}

void TestTimeSeries::bucketWidth()
{
    QFETCH(qint64, span);
    QFETCH(int, pixels);
    QFETCH(qint64, expected);
    QCOMPARE(downsample::bucketWidth(span, pixels), expected);
}

void TestTimeSeries::minMax_data()
{
    QTest::addColumn<Points>("input");
    QTest::addColumn<qint64>("bucket");
    QTest::addColumn<Points>("expected");

    QTest::newRow("empty") << Points{} << qint64(1000) << Points{};
    QTest::newRow("one point") << Points{{500, 1}} << qint64(1000) << Points{{500, 1}};
    QTest::newRow("two points, one bucket") << Points{{100, 1}, {200, 2}} << qint64(1000)
                                            << Points{{100, 1}, {200, 2}};
    QTest::newRow("two points, reversed values") << Points{{100, 2}, {200, 1}} << qint64(1000)
                                                 << Points{{100, 2}, {200, 1}};
    QTest::newRow("all NaN") << Points{{0, NaN}, {100, NaN}} << qint64(1000) << Points{};
    QTest::newRow("NaN and inf skipped") << Points{{0, 1}, {100, NaN}, {150, Inf}, {200, 3}} << qint64(1000)
                                         << Points{{0, 1}, {200, 3}};
    QTest::newRow("NaN at both ends") << Points{{0, NaN}, {100, 4}, {200, NaN}} << qint64(1000)
                                      << Points{{100, 4}};

    Points spike;
    for (int i = 0; i < 10; ++i)
        spike.append({i * 100, i == 5 ? 100.0 : 1.0});
    for (int i = 10; i < 20; ++i)
        spike.append({i * 100, 2.0});
    QTest::newRow("spike survives") << spike << qint64(1000)
                                    << Points{{0, 1}, {500, 100}, {1000, 2}, {1900, 2}};

    QTest::newRow("bucket boundaries")
        << Points{{999, 5}, {1000, 1}, {1999, 3}, {2000, 4}} << qint64(1000)
        << Points{{999, 5}, {1000, 1}, {1999, 3}, {2000, 4}};
    QTest::newRow("min before max in time order, first and last kept")
        << Points{{1000, 1}, {1500, 9}, {1600, 0}, {1999, 3}} << qint64(1000)
        << Points{{1000, 1}, {1500, 9}, {1600, 0}, {1999, 3}};
    QTest::newRow("middle points dropped")
        << Points{{1000, 5}, {1100, 6}, {1200, 9}, {1300, 7}, {1400, 0}, {1500, 4}, {1999, 5}} << qint64(1000)
        << Points{{1000, 5}, {1200, 9}, {1400, 0}, {1999, 5}};
    QTest::newRow("duplicate timestamps") << Points{{100, 1}, {100, 5}, {200, 2}} << qint64(1000)
                                          << Points{{100, 1}, {100, 5}, {200, 2}};
    QTest::newRow("duplicate points collapse") << Points{{100, 3}, {100, 3}, {100, 3}} << qint64(1000)
                                               << Points{{100, 3}};
    QTest::newRow("negative timestamps") << Points{{-1500, 1}, {-500, 2}, {500, 3}} << qint64(1000)
                                         << Points{{-1500, 1}, {-500, 2}, {500, 3}};
    QTest::newRow("bucket 1 keeps every finite point") << Points{{0, 1}, {1, NaN}, {2, 3}, {3, 2}} << qint64(1)
                                                       << Points{{0, 1}, {2, 3}, {3, 2}};
}

void TestTimeSeries::minMax()
{
    QFETCH(Points, input);
    QFETCH(qint64, bucket);
    QFETCH(Points, expected);
    QCOMPARE(downsample::minMax(asSpan(input), bucket), expected);
}

void TestTimeSeries::minMaxKeepsExtremes()
{
    // A day at 1 s with noise and a few one-sample spikes, onto 1200 pixels.
    QRandomGenerator rng(42);
    Points points;
    const qint64 t0 = 1'700'000'000'000;
    for (int i = 0; i < 86'400; ++i)
        points.append({t0 + i * 1000LL, 100.0 + rng.bounded(10.0)});
    points[12'345].value = 5000;
    points[70'000].value = -300;
    const qint64 bucket = downsample::bucketWidth(86'400'000, 1200);
    const Points out = downsample::minMax(asSpan(points), bucket);

    QVERIFY(out.size() <= 2 * (86'400'000 / bucket + 2) + 2);
    QVERIFY(out.size() > 1200);
    QVERIFY(std::is_sorted(out.cbegin(), out.cend(),
                           [](const MetricPoint &a, const MetricPoint &b) { return a.timestampMs < b.timestampMs; }));
    QVERIFY(out.contains(points[12'345]));
    QVERIFY(out.contains(points[70'000]));
    QCOMPARE(out.constFirst(), points.constFirst());
    QCOMPARE(out.constLast(), points.constLast());
}

void TestTimeSeries::lttb_data()
{
    QTest::addColumn<Points>("input");
    QTest::addColumn<int>("threshold");
    QTest::addColumn<Points>("expected");

    QTest::newRow("empty") << Points{} << 10 << Points{};
    QTest::newRow("one point") << Points{{0, 1}} << 10 << Points{{0, 1}};
    QTest::newRow("two points") << Points{{0, 1}, {1000, 2}} << 3 << Points{{0, 1}, {1000, 2}};
    QTest::newRow("threshold above size keeps all") << Points{{0, 1}, {1, 2}, {2, 3}} << 100
                                                    << Points{{0, 1}, {1, 2}, {2, 3}};
    QTest::newRow("threshold 2: first and last") << Points{{0, 1}, {1, 7}, {2, 3}, {3, 4}} << 2
                                                 << Points{{0, 1}, {3, 4}};
    QTest::newRow("threshold 0: first and last") << Points{{0, 1}, {1, 7}, {2, 3}, {3, 4}} << 0
                                                 << Points{{0, 1}, {3, 4}};
    QTest::newRow("picks the largest triangle")
        << Points{{0, 0}, {1000, 10}, {2000, 0}, {3000, 0}, {4000, 0}} << 3
        << Points{{0, 0}, {1000, 10}, {4000, 0}};
    QTest::newRow("NaN skipped") << Points{{0, NaN}, {1000, 1}, {2000, NaN}, {3000, 2}} << 10
                                 << Points{{1000, 1}, {3000, 2}};
    QTest::newRow("all NaN") << Points{{0, NaN}, {1, NaN}} << 10 << Points{};
    QTest::newRow("duplicate timestamps") << Points{{0, 0}, {1000, 5}, {1000, 9}, {2000, 1}, {3000, 0}} << 3
                                          << Points{{0, 0}, {1000, 9}, {3000, 0}};
}

void TestTimeSeries::lttb()
{
    QFETCH(Points, input);
    QFETCH(int, threshold);
    QFETCH(Points, expected);
    QCOMPARE(downsample::lttb(asSpan(input), threshold), expected);
}

void TestTimeSeries::lttbShape()
{
    Points points;
    for (int i = 0; i < 100'000; ++i)
        points.append({i * 10LL, std::sin(i / 1000.0) * 100.0 + (i == 54'321 ? 500.0 : 0.0)});
    const Points out = downsample::lttb(asSpan(points), 1000);
    QCOMPARE(out.size(), 1000);
    QCOMPARE(out.constFirst(), points.constFirst());
    QCOMPARE(out.constLast(), points.constLast());
    QVERIFY(std::is_sorted(out.cbegin(), out.cend(),
                           [](const MetricPoint &a, const MetricPoint &b) { return a.timestampMs < b.timestampMs; }));
    QVERIFY(out.contains(points[54'321])); // the spike makes the largest triangle of its bucket
}

void TestTimeSeries::timeRange_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<bool>("neighbours");
    QTest::addColumn<Points>("expected");
    const Points all{{0, 0}, {1000, 1}, {2000, 2}, {3000, 3}};
    QTest::newRow("inner") << qint64(1000) << qint64(2000) << false << Points{{1000, 1}, {2000, 2}};
    QTest::newRow("inner with neighbours") << qint64(1000) << qint64(2000) << true << all;
    QTest::newRow("between points") << qint64(1500) << qint64(1600) << false << Points{};
    QTest::newRow("between points with neighbours") << qint64(1500) << qint64(1600) << true
                                                    << Points{{1000, 1}, {2000, 2}};
    QTest::newRow("everything") << qint64(-10) << qint64(10'000) << true << all;
    QTest::newRow("before all") << qint64(-5000) << qint64(-4000) << false << Points{};
    QTest::newRow("before all with neighbours") << qint64(-5000) << qint64(-4000) << true << Points{{0, 0}};
    QTest::newRow("after all with neighbours") << qint64(5000) << qint64(6000) << true << Points{{3000, 3}};
    QTest::newRow("reversed") << qint64(2000) << qint64(1000) << true << Points{};
}

void TestTimeSeries::timeRange()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(bool, neighbours);
    QFETCH(Points, expected);
    const Points all{{0, 0}, {1000, 1}, {2000, 2}, {3000, 3}};
    const auto span = downsample::timeRange(all, from, to, neighbours);
    QCOMPARE(Points(span.begin(), span.end()), expected);
    QCOMPARE(downsample::timeRange(Points{}, 0, 1000, true).size(), size_t(0));
}

void TestTimeSeries::mergePoints_data()
{
    QTest::addColumn<Points>("sorted");
    QTest::addColumn<Points>("incoming");
    QTest::addColumn<Points>("expected");
    QTest::newRow("into empty") << Points{} << Points{{2, 2}, {1, 1}} << Points{{1, 1}, {2, 2}};
    QTest::newRow("append") << Points{{1, 1}} << Points{{2, 2}, {3, 3}} << Points{{1, 1}, {2, 2}, {3, 3}};
    QTest::newRow("overlap replaces") << Points{{1, 1}, {2, 2}, {3, 3}} << Points{{2, 20}, {4, 4}}
                                      << Points{{1, 1}, {2, 20}, {3, 3}, {4, 4}};
    QTest::newRow("before and between") << Points{{10, 1}, {30, 3}} << Points{{20, 2}, {5, 0}}
                                        << Points{{5, 0}, {10, 1}, {20, 2}, {30, 3}};
    QTest::newRow("last of equal incoming wins") << Points{{1, 1}} << Points{{2, 5}, {2, 6}, {1, 9}}
                                                 << Points{{1, 9}, {2, 6}};
    QTest::newRow("nothing incoming") << Points{{1, 1}} << Points{} << Points{{1, 1}};
}

void TestTimeSeries::mergePoints()
{
    QFETCH(Points, sorted);
    QFETCH(Points, incoming);
    QFETCH(Points, expected);
    tideline::mergePoints(sorted, incoming);
    QCOMPARE(sorted, expected);
}

void TestTimeSeries::storeAppendsInOrder()
{
    TimeSeriesStore store;
    const auto k = key(u"depth"_s);
    store.append({k, {1000, 1}});
    store.append({k, {3000, 3}});
    store.append({k, {2000, 2}}); // late arrival
    QCOMPARE(store.points(k), (Points{{1000, 1}, {2000, 2}, {3000, 3}}));
    QCOMPARE(store.last(k)->value, 3.0);
    QCOMPARE(store.size(k), 3);
    QCOMPARE(store.keys(), QList<MetricSeriesKey>{k});
}

void TestTimeSeries::storeReplacesDuplicateTimestamps()
{
    TimeSeriesStore store;
    const auto k = key(u"depth"_s);
    store.append(QList<MetricSample>{{k, {1000, 1}}, {k, {2000, 2}}, {k, {2000, 7}}, {k, {1000, 4}}});
    QCOMPARE(store.points(k), (Points{{1000, 4}, {2000, 7}}));
}

void TestTimeSeries::storeCapsByCount()
{
    TimeSeriesStore store({5, 0});
    const auto k = key(u"depth"_s);
    for (int i = 0; i < 12; ++i)
        store.append({k, {i * 1000LL, double(i)}});
    QCOMPARE(store.size(k), 5);
    QCOMPARE(store.points(k).constFirst().timestampMs, 7000);
    store.setLimits({3, 0});
    QCOMPARE(store.points(k), (Points{{9000, 9}, {10000, 10}, {11000, 11}}));
}

void TestTimeSeries::storeCapsByAge()
{
    TimeSeriesStore store({0, 10'000});
    const auto k = key(u"depth"_s);
    for (int i = 0; i <= 30; ++i)
        store.append({k, {i * 1000LL, double(i)}});
    // Relative to the newest point (30 s): 20 s .. 30 s stay.
    QCOMPARE(store.size(k), 11);
    QCOMPARE(store.points(k).constFirst().timestampMs, 20'000);
    // Old history merged in is trimmed as well.
    store.insert(k, Points{{1000, 1}, {25'500, 5}});
    QCOMPARE(store.size(k), 12);
    QCOMPARE(store.points(k).constFirst().timestampMs, 20'000);
}

void TestTimeSeries::storeMergesHistory()
{
    TimeSeriesStore store;
    const auto k = key(u"depth"_s);
    store.append({k, {5000, 5}});
    store.insert(MetricSeries{k, {{1000, 1}, {3000, 3}, {5000, 50}}});
    QCOMPARE(store.points(k), (Points{{1000, 1}, {3000, 3}, {5000, 50}}));
    store.insert(MetricSeries{key(u"depth"_s, u"other"_s), {{1, 1}}});
    QCOMPARE(store.keys().size(), 2);
    QCOMPARE(store.totalPoints(), 4);
}

void TestTimeSeries::storeRevisions()
{
    TimeSeriesStore store;
    const auto a = key(u"a"_s);
    const auto b = key(u"b"_s);
    store.append({a, {1, 1}});
    const quint64 ra = store.revision(a);
    const quint64 all = store.revision();
    store.append({b, {1, 1}});
    QCOMPARE(store.revision(a), ra);
    QVERIFY(store.revision() > all);
    QVERIFY(store.revision(b) > ra);
    store.remove(b);
    QCOMPARE(store.revision(b), quint64(0));
    store.append({b, {2, 2}});
    QVERIFY(store.revision(b) > ra); // never reused after a remove
}

void TestTimeSeries::storeUnknownKey()
{
    TimeSeriesStore store;
    const auto k = key(u"nothing"_s);
    QVERIFY(store.points(k).isEmpty());
    QVERIFY(store.pointsRef(k).isEmpty());
    QVERIFY(!store.last(k));
    QCOMPARE(store.size(k), 0);
    QVERIFY(!store.contains(k));
    store.clear();
    QCOMPARE(store.totalPoints(), 0);
}

void TestTimeSeries::storeEpochs()
{
    TimeSeriesStore store({5, 0});
    const auto k = key(u"depth"_s);
    QCOMPARE(store.epoch(k), quint64(0));
    store.append({k, {1000, 1}});
    const quint64 e0 = store.epoch(k);
    QVERIFY(e0 != 0);
    store.append({k, {2000, 2}});       // append
    store.append({k, {2000, 3}});       // the newest replaced
    store.insert(k, {{3000, 3}, {4000, 4}}); // history after the newest
    for (int i = 5; i < 12; ++i)        // the oldest trimmed
        store.append({k, {i * 1000LL, double(i)}});
    QCOMPARE(store.epoch(k), e0);
    store.append({k, {6500, 9}});       // a late point
    const quint64 e1 = store.epoch(k);
    QVERIFY(e1 != e0);
    store.insert(k, {{7000, 1}});       // overlapping history
    QVERIFY(store.epoch(k) != e1);
    const quint64 e2 = store.epoch(k);
    store.remove(k);
    store.append({k, {1, 1}});
    QVERIFY(store.epoch(k) != e2);
    QVERIFY(store.epoch(k) != e0);
}

void TestTimeSeries::minMaxCacheMatchesFullReduction()
{
    // A live series with all the awkward cases, redrawn 600 times; every result must be what
    // the full reduction gives.
    QRandomGenerator rng(7);
    TimeSeriesStore store({0, 0});
    const auto k = key(u"depth"_s);
    qint64 t = 1'700'000'000'000;
    Points initial;
    for (int i = 0; i < 20'000; ++i) {
        initial.append({t, double(rng.bounded(1000))});
        t += 1 + rng.bounded(100);
    }
    store.insert(k, initial);
    MinMaxCache cache;
    qint64 window = 300'000;
    int pixels = 700;
    bool fixed = false;
    qint64 fixedFrom = 0, fixedTo = 0;
    int reused = 0;
    for (int step = 0; step < 600; ++step) {
        const int arriving = rng.bounded(25);
        for (int i = 0; i < arriving; ++i) {
            t += rng.bounded(200); // 0: the same timestamp again, the newest is replaced
            double v = double(rng.bounded(1000));
            if (rng.bounded(50) == 0)
                v = std::numeric_limits<double>::quiet_NaN();
            if (rng.bounded(200) == 0)
                v = 1e6;
            store.append({k, {t, v}});
        }
        switch (rng.bounded(60)) {
        case 0: // a late point
            store.append({k, {t - rng.bounded(200'000), 5e5}});
            break;
        case 1: // resized
            pixels = 200 + rng.bounded(1200);
            break;
        case 2: // zoomed to a fixed range, or back to live
            fixed = !fixed;
            fixedTo = t - rng.bounded(500'000);
            fixedFrom = fixedTo - 10'000 - rng.bounded(400'000);
            break;
        case 3: // another window
            window = 10'000 + rng.bounded(2'000'000);
            break;
        case 4: // the oldest trimmed
            store.setLimits({std::max<qsizetype>(1000, store.size(k) - 3000), 0});
            break;
        default:
            break;
        }
        const qint64 to = fixed ? fixedTo : t;
        const qint64 from = fixed ? fixedFrom : t - window;
        const qint64 bucket = downsample::bucketWidth(to - from, pixels);
        const qsizetype cachedBefore = cache.cachedBuckets();
        const Points expected = downsample::minMax(downsample::timeRange(store.pointsRef(k), from, to, true), bucket);
        const Points got = cache.update(store.pointsRef(k), store.epoch(k), from, to, bucket);
        if (got != expected) {
            qWarning("step %d: %lld vs %lld points", step, qint64(got.size()), qint64(expected.size()));
            QCOMPARE(got, expected);
        }
        reused += cachedBefore > 0 && cache.cachedBuckets() > 0 ? 1 : 0;
    }
    QVERIFY2(reused > 300, qPrintable(QString::number(reused))); // the cache is used, not rebuilt each time
}

QTEST_GUILESS_MAIN(TestTimeSeries)
#include "tst_timeseries.moc"
