#include "core/QueueStats.h"
#include "core/TimeSeries.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;
using namespace tideline;

using Points = QList<MetricPoint>;
using OptDouble = std::optional<double>;
using Spans = QList<QueueStats::Span>;
using Kind = QueueStats::DrainEstimate::Kind;
using Transition = ThresholdMonitor::Transition;
using Transitions = QList<int>;

Q_DECLARE_METATYPE(OptDouble)
Q_DECLARE_METATYPE(QueueStats::Span)
Q_DECLARE_METATYPE(Kind)

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 T0 = Q_INT64_C(1'700'000'000'000);

// Points one second apart from T0.
Points everySecond(const QList<double> &values)
{
    Points out;
    for (qsizetype i = 0; i < values.size(); ++i)
        out.append({T0 + i * 1000, values.at(i)});
    return out;
}
} // namespace

class TestQueueStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void slope_data();
    void slope();
    void drain_data();
    void drain();
    void formatDuration_data();
    void formatDuration();
    void formatGrowth_data();
    void formatGrowth();
    void formatDrain();
    void spansAbove_data();
    void spansAbove();
    void monitor_data();
    void monitor();
    void monitorAgreesWithSpans();
};

void TestQueueStats::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestQueueStats::slope_data()
{
    QTest::addColumn<Points>("points");
    QTest::addColumn<OptDouble>("expected");
    QTest::newRow("empty") << Points{} << OptDouble{};
    QTest::newRow("one point") << everySecond({5}) << OptDouble{};
    QTest::newRow("same timestamp") << Points{{T0, 1}, {T0, 9}} << OptDouble{};
    QTest::newRow("growing 2/s") << everySecond({0, 2, 4, 6, 8}) << OptDouble{2.0};
    QTest::newRow("draining 5/s") << everySecond({100, 95, 90, 85}) << OptDouble{-5.0};
    QTest::newRow("flat") << everySecond({7, 7, 7}) << OptDouble{0.0};
    QTest::newRow("NaN ignored") << everySecond({0, NaN, 4, 6}) << OptDouble{2.0};
    QTest::newRow("only one finite") << everySecond({NaN, 3, NaN}) << OptDouble{};
    QTest::newRow("noise around 1/s") << everySecond({0, 2, 2, 4, 4}) << OptDouble{1.0};
    QTest::newRow("uneven spacing") << Points{{T0, 0}, {T0 + 500, 1}, {T0 + 4000, 8}} << OptDouble{2.0};
}

void TestQueueStats::slope()
{
    QFETCH(Points, points);
    QFETCH(OptDouble, expected);
    const OptDouble got = QueueStats::slopePerSecond(asSpan(points));
    QCOMPARE(got.has_value(), expected.has_value());
    if (expected)
        QVERIFY2(std::abs(*got - *expected) < 1e-9, qPrintable(QString::number(*got)));
}

void TestQueueStats::drain_data()
{
    QTest::addColumn<OptDouble>("depth");
    QTest::addColumn<OptDouble>("in");
    QTest::addColumn<OptDouble>("out");
    QTest::addColumn<OptDouble>("growth");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<double>("seconds");

    QTest::newRow("no depth") << OptDouble{} << OptDouble{10.0} << OptDouble{20.0} << OptDouble{} << Kind::Unknown << 0.0;
    QTest::newRow("NaN depth") << OptDouble{NaN} << OptDouble{} << OptDouble{} << OptDouble{-1.0} << Kind::Unknown << 0.0;
    QTest::newRow("empty") << OptDouble{0.0} << OptDouble{5.0} << OptDouble{1.0} << OptDouble{} << Kind::Empty << 0.0;
    QTest::newRow("consumers faster") << OptDouble{100.0} << OptDouble{10.0} << OptDouble{20.0} << OptDouble{}
                                      << Kind::Draining << 10.0;
    QTest::newRow("publishers faster") << OptDouble{100.0} << OptDouble{20.0} << OptDouble{10.0} << OptDouble{}
                                       << Kind::Never << 0.0;
    QTest::newRow("balanced") << OptDouble{100.0} << OptDouble{15.0} << OptDouble{15.0} << OptDouble{}
                              << Kind::Never << 0.0;
    QTest::newRow("no consumers") << OptDouble{100.0} << OptDouble{0.0} << OptDouble{0.0} << OptDouble{}
                                  << Kind::Never << 0.0;
    QTest::newRow("slope only, shrinking") << OptDouble{100.0} << OptDouble{} << OptDouble{} << OptDouble{-5.0}
                                           << Kind::Draining << 20.0;
    QTest::newRow("slope only, growing") << OptDouble{100.0} << OptDouble{} << OptDouble{} << OptDouble{1.0}
                                         << Kind::Never << 0.0;
    QTest::newRow("one rate only uses the slope") << OptDouble{100.0} << OptDouble{} << OptDouble{50.0}
                                                  << OptDouble{-10.0} << Kind::Draining << 10.0;
    QTest::newRow("rates win over slope") << OptDouble{100.0} << OptDouble{0.0} << OptDouble{4.0}
                                          << OptDouble{+3.0} << Kind::Draining << 25.0;
    QTest::newRow("nothing to go on") << OptDouble{100.0} << OptDouble{} << OptDouble{} << OptDouble{}
                                      << Kind::Unknown << 0.0;
    QTest::newRow("a few in flight, balanced: keeping up") << OptDouble{3.0} << OptDouble{4.0} << OptDouble{4.0}
                                                           << OptDouble{} << Kind::KeepingUp << 0.0;
    QTest::newRow("a second's work, draining: keeping up") << OptDouble{20.0} << OptDouble{10.0} << OptDouble{25.0}
                                                           << OptDouble{} << Kind::KeepingUp << 0.0;
    QTest::newRow("more than a second's work, balanced: never") << OptDouble{30.0} << OptDouble{25.0}
                                                                << OptDouble{25.0} << OptDouble{} << Kind::Never << 0.0;
    QTest::newRow("small but growing: never") << OptDouble{3.0} << OptDouble{9.0} << OptDouble{4.0} << OptDouble{}
                                              << Kind::Never << 0.0;
    QTest::newRow("small with the slope only: never") << OptDouble{3.0} << OptDouble{} << OptDouble{}
                                                      << OptDouble{0.0} << Kind::Never << 0.0;
    QTest::newRow("half a message is empty") << OptDouble{0.4} << OptDouble{} << OptDouble{} << OptDouble{}
                                             << Kind::Empty << 0.0;
}

void TestQueueStats::drain()
{
    QFETCH(OptDouble, depth);
    QFETCH(OptDouble, in);
    QFETCH(OptDouble, out);
    QFETCH(OptDouble, growth);
    QFETCH(Kind, kind);
    QFETCH(double, seconds);
    const auto e = QueueStats::estimateDrain(depth, in, out, growth);
    QCOMPARE(e.kind, kind);
    if (kind == Kind::Draining)
        QCOMPARE(e.seconds, seconds);
}

void TestQueueStats::formatDuration_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << 0.0 << u"0 s"_s;
    QTest::newRow("rounds up") << 0.2 << u"1 s"_s;
    QTest::newRow("45 s") << 45.0 << u"45 s"_s;
    QTest::newRow("59.5 s is a minute") << 59.5 << u"1 min"_s;
    QTest::newRow("3 min 20 s") << 200.0 << u"3 min 20 s"_s;
    QTest::newRow("1 h") << 3600.0 << u"1 h"_s;
    QTest::newRow("2 h 5 min") << 7500.0 << u"2 h 5 min"_s;
    QTest::newRow("1 d 1 h") << 90000.0 << u"1 d 1 h"_s;
    QTest::newRow("3 d") << 3.0 * 86400 << u"3 d"_s;
    QTest::newRow("years") << 400.0 * 86400 << u"more than a year"_s;
    QTest::newRow("infinite") << std::numeric_limits<double>::infinity() << u"more than a year"_s;
}

void TestQueueStats::formatDuration()
{
    QFETCH(double, seconds);
    QFETCH(QString, expected);
    QCOMPARE(QueueStats::formatDuration(seconds), expected);
}

void TestQueueStats::formatGrowth_data()
{
    QTest::addColumn<OptDouble>("rate");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown") << OptDouble{} << u"–"_s;
    QTest::newRow("NaN") << OptDouble{NaN} << u"–"_s;
    QTest::newRow("growing") << OptDouble{12.4} << u"+12 msg/s"_s;
    QTest::newRow("slow growth") << OptDouble{2.24} << u"+2.2 msg/s"_s;
    QTest::newRow("shrinking") << OptDouble{-3.0} << u"−3.0 msg/s"_s;
    QTest::newRow("tiny is zero") << OptDouble{0.01} << u"0 msg/s"_s;
    QTest::newRow("tiny negative is zero") << OptDouble{-0.01} << u"0 msg/s"_s;
    QTest::newRow("fast") << OptDouble{1234.4} << u"+1234 msg/s"_s;
}

void TestQueueStats::formatGrowth()
{
    QFETCH(OptDouble, rate);
    QFETCH(QString, expected);
    QCOMPARE(QueueStats::formatGrowth(rate), expected);
}

void TestQueueStats::formatDrain()
{
    using E = QueueStats::DrainEstimate;
    QCOMPARE(QueueStats::formatDrain(E{Kind::Empty, 0, 0}), u"empty"_s);
    QCOMPARE(QueueStats::formatDrain(E{Kind::Never, 0, -2}), u"never at this rate"_s);
    QCOMPARE(QueueStats::formatDrain(E{Kind::KeepingUp, 0, 0}), u"keeping up"_s);
    QCOMPARE(QueueStats::formatDrain(E{Kind::Draining, 200, 1}), u"3 min 20 s"_s);
    QCOMPARE(QueueStats::formatDrain(E{Kind::Unknown, 0, 0}), u"–"_s);
    // The whole chain: 1 000 queued, consumers 50/s ahead of publishers.
    QCOMPARE(QueueStats::formatDrain(QueueStats::estimateDrain(1000.0, 100.0, 150.0, std::nullopt)), u"20 s"_s);
}

void TestQueueStats::spansAbove_data()
{
    QTest::addColumn<Points>("points");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<qint64>("duration");
    QTest::addColumn<Spans>("expected");
    using S = QueueStats::Span;

    QTest::newRow("empty") << Points{} << 10.0 << qint64(5000) << Spans{};
    QTest::newRow("never above") << everySecond({1, 2, 10, 3}) << 10.0 << qint64(0) << Spans{};
    QTest::newRow("too short") << everySecond({0, 20, 20, 20, 20, 0}) << 10.0 << qint64(5000) << Spans{};
    QTest::newRow("exactly long enough")
        << everySecond({0, 20, 20, 20, 20, 20, 20, 0}) << 10.0 << qint64(5000)
        << Spans{S{T0 + 1000, T0 + 6000, T0 + 7000, false}};
    QTest::newRow("still above at the end")
        << everySecond({0, 20, 20, 20}) << 10.0 << qint64(1000) << Spans{S{T0 + 1000, T0 + 2000, T0 + 3000, true}};
    QTest::newRow("zero duration fires at once")
        << everySecond({0, 20, 0}) << 10.0 << qint64(0) << Spans{S{T0 + 1000, T0 + 1000, T0 + 2000, false}};
    QTest::newRow("NaN does not break a run")
        << everySecond({20, NaN, 20, 20}) << 10.0 << qint64(3000) << Spans{S{T0, T0 + 3000, T0 + 3000, true}};
    QTest::newRow("two runs") << everySecond({20, 20, 0, 20, 20, 20}) << 10.0 << qint64(1000)
                              << Spans{S{T0, T0 + 1000, T0 + 2000, false}, S{T0 + 3000, T0 + 4000, T0 + 5000, true}};
    QTest::newRow("equal is not above") << everySecond({10, 10, 10}) << 10.0 << qint64(0) << Spans{};
}

void TestQueueStats::spansAbove()
{
    QFETCH(Points, points);
    QFETCH(double, threshold);
    QFETCH(qint64, duration);
    QFETCH(Spans, expected);
    QCOMPARE(QueueStats::spansAbove(asSpan(points), threshold, duration), expected);
}

void TestQueueStats::monitor_data()
{
    QTest::addColumn<Points>("points");
    QTest::addColumn<Transitions>("expected"); // one Transition per point
    constexpr int N = int(Transition::None), F = int(Transition::Fired), C = int(Transition::Cleared);
    QTest::newRow("fires after the duration, once")
        << everySecond({20, 20, 20, 20, 20}) << Transitions{N, N, N, F, N};
    QTest::newRow("clears on the first point at or below")
        << everySecond({20, 20, 20, 20, 10, 20}) << Transitions{N, N, N, F, C, N};
    QTest::newRow("a dip restarts the clock")
        << everySecond({20, 20, 5, 20, 20, 20, 20}) << Transitions{N, N, N, N, N, N, F};
    QTest::newRow("NaN ignored") << everySecond({20, NaN, 20, 20}) << Transitions{N, N, N, F};
    QTest::newRow("older points ignored")
        << Points{{T0, 20}, {T0 + 3000, 20}, {T0 + 1000, 0}, {T0 + 4000, 0}} << Transitions{N, F, N, C};
}

void TestQueueStats::monitor()
{
    QFETCH(Points, points);
    QFETCH(Transitions, expected);
    ThresholdMonitor m(10.0, 3000);
    Transitions got;
    for (const MetricPoint &p : std::as_const(points))
        got.append(int(m.update(p)));
    QCOMPARE(got, expected);
}

void TestQueueStats::monitorAgreesWithSpans()
{
    const Points points = everySecond({0, 12, 30, 14, 11, 9, 50, 60, 70, 80, 5, 11, 12});
    ThresholdMonitor m(10.0, 2000);
    QList<qint64> fired;
    for (const MetricPoint &p : points) {
        if (m.update(p) == Transition::Fired)
            fired.append(p.timestampMs);
    }
    QList<qint64> fromSpans;
    for (const auto &s : QueueStats::spansAbove(asSpan(points), 10.0, 2000))
        fromSpans.append(s.firedMs);
    QCOMPARE(fired, fromSpans);
    QCOMPARE(fired, (QList<qint64>{T0 + 3000, T0 + 8000}));
    QCOMPARE(m.peak(), 12.0);
    QVERIFY(!m.isFiring());
}

QTEST_GUILESS_MAIN(TestQueueStats)
#include "tst_queuestats.moc"
