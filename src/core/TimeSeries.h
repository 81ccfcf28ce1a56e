#pragma once

#include "metrics/MetricTypes.h"

#include <QHash>
#include <QList>

#include <optional>
#include <span>
#include <vector>

namespace tideline {

// Display downsampling, pure functions over points in ascending time order. Non-finite values
// (NaN, ±inf: Prometheus's "no value" and stale markers) are skipped, never drawn; Qt Charts
// cannot draw them and they would poison an axis range.
// A view of a list's points for the functions below.
inline std::span<const MetricPoint> asSpan(const QList<MetricPoint> &points)
{
    return {points.constData(), size_t(points.size())};
}

namespace downsample {

// The width of one bucket when `spanMs` of time is drawn on `pixels` pixels (at least 1 ms).
qint64 bucketWidth(qint64 spanMs, int pixels);

// For every bucket of `bucketMs` (aligned to multiples of bucketMs since the epoch, so the
// buckets stay put while a live window scrolls), the lowest and the highest point in time
// order: a spike one sample wide still reaches its height on screen. A bucket whose min and
// max are the same point yields it once. At most 2 points per bucket. bucketMs <= 1 keeps
// every finite point.
QList<MetricPoint> minMax(std::span<const MetricPoint> points, qint64 bucketMs);

// Largest-Triangle-Three-Buckets (Steinarsson 2013): `threshold` points that keep the visual
// shape, first and last always kept. threshold >= the number of finite points keeps them all;
// threshold < 3 gives the first and last point (or the only one).
QList<MetricPoint> lttb(std::span<const MetricPoint> points, int threshold);

// The points with timestamps in [fromMs, toMs], and with `neighbours` also the one point just
// before and just after (so a line runs to the edge of a window instead of stopping short).
std::span<const MetricPoint> timeRange(const QList<MetricPoint> &points, qint64 fromMs, qint64 toMs,
                                       bool neighbours = false);

} // namespace downsample

// The live in-memory history behind the charts: per series, points sorted by time, bounded
// by a point count and by age (relative to the series' newest point, so the store is
// deterministic and does not need a clock). Not thread-safe: the GUI thread owns it.
//
// A point whose timestamp is already present replaces the old value (the later report wins:
// RabbitMQ's history overlaps the previous poll's).
class TimeSeriesStore final
{
public:
    struct Limits
    {
        qsizetype maxPoints = 200'000;           // per series; 2 days at 1 s
        qint64 maxAgeMs = 25LL * 3600 * 1000;    // a 24 h window plus some scrolling
    };

    TimeSeriesStore() = default;
    explicit TimeSeriesStore(Limits limits) : m_limits(limits) {}

    const Limits &limits() const { return m_limits; }
    void setLimits(Limits limits); // trims every series at once

    void append(const MetricSample &sample);
    void append(const QList<MetricSample> &samples);
    // Merges a stretch of history (any order; duplicates replace).
    void insert(const MetricSeries &series);
    void insert(const MetricSeriesKey &key, QList<MetricPoint> points);

    bool contains(const MetricSeriesKey &key) const { return m_series.contains(key); }
    QList<MetricSeriesKey> keys() const;
    // Implicitly shared: O(1), and stays valid while the store changes.
    QList<MetricPoint> points(const MetricSeriesKey &key) const;
    // A reference into the store: valid until the next change. Empty list for an unknown key.
    const QList<MetricPoint> &pointsRef(const MetricSeriesKey &key) const;
    std::optional<MetricPoint> last(const MetricSeriesKey &key) const;
    qsizetype size(const MetricSeriesKey &key) const;
    qsizetype totalPoints() const;
    // Bumps on every change of the series; a chart skips work when nothing changed.
    quint64 revision(const MetricSeriesKey &key) const;
    // Bumps on every change of any series.
    quint64 revision() const { return m_revision; }
    // Changes when points other than the newest were added or replaced (late or merged
    // history); stays put while points are only appended (or the newest replaced) or the oldest
    // trimmed. MinMaxCache relies on it. 0 for an unknown key.
    quint64 epoch(const MetricSeriesKey &key) const;

    void remove(const MetricSeriesKey &key);
    void clear();

private:
    struct Entry
    {
        QList<MetricPoint> points;
        quint64 revision = 0;
        quint64 epoch = 0;
    };
    Entry &entry(const MetricSeriesKey &key);
    void trim(Entry &e) const;

    Limits m_limits;
    QHash<MetricSeriesKey, Entry> m_series;
    quint64 m_revision = 0;
};

// Merges `incoming` (any order) into `sorted` (ascending, unique timestamps); an incoming
// point with a timestamp already present replaces it; among equal incoming timestamps the
// last one wins. Exposed for tests.
void mergePoints(QList<MetricPoint> &sorted, QList<MetricPoint> incoming);

// The min/max reduction of one series between redraws, recomputing only what changed: the
// first bucket of the range (it moves with the window's start), the buckets that new points
// reach, and the last one. Everything between is kept from the previous call. The result is
// exactly downsample::minMax(downsample::timeRange(points, fromMs, toMs, true), bucketMs); with
// a live window over a million points a redraw looks at a few points instead of all of them.
//
// `epoch` must change whenever points other than the newest were added, removed (except from
// the front) or replaced: TimeSeriesStore::epoch() does that.
class MinMaxCache final
{
public:
    QList<MetricPoint> update(const QList<MetricPoint> &points, quint64 epoch, qint64 fromMs, qint64 toMs,
                              qint64 bucketMs);
    void clear();
    // Buckets held (tests).
    qsizetype cachedBuckets() const { return qsizetype(m_buckets.size()); }

private:
    struct Bucket
    {
        qint64 index = 0;
        MetricPoint first;  // the earlier of min and max
        MetricPoint second; // the later one; unused when count == 1
        int count = 0;      // 0: no finite point in the bucket
    };
    std::vector<Bucket> m_buckets; // consecutive indices from m_firstIndex
    qint64 m_bucketMs = 0;
    quint64 m_epoch = 0;
    qint64 m_firstIndex = 0;
    qint64 m_endIndex = 0; // exclusive
};

} // namespace tideline
