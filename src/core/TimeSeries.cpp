#include "core/TimeSeries.h"

#include <algorithm>
#include <limits>
#include <cmath>
#include <vector>

namespace tideline {

namespace {

bool finite(const MetricPoint &p)
{
    return std::isfinite(p.value);
}

bool earlier(const MetricPoint &a, const MetricPoint &b)
{
    return a.timestampMs < b.timestampMs;
}

// Floor division, so buckets of negative timestamps line up like positive ones.
qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

const QList<MetricPoint> &emptyPoints()
{
    static const QList<MetricPoint> empty;
    return empty;
}

} // namespace

namespace downsample {

qint64 bucketWidth(qint64 spanMs, int pixels)
{
    if (spanMs <= 0 || pixels <= 0)
        return 1;
    return std::max<qint64>(1, (spanMs + pixels - 1) / pixels);
}

QList<MetricPoint> minMax(std::span<const MetricPoint> points, qint64 bucketMs)
{
    QList<MetricPoint> out;
    if (points.empty())
        return out;
    if (bucketMs <= 1) {
        out.reserve(qsizetype(points.size()));
        for (const MetricPoint &p : points) {
            if (finite(p))
                out.append(p);
        }
        return out;
    }

    const auto firstFinite = std::find_if(points.begin(), points.end(), finite);
    if (firstFinite == points.end())
        return out;
    const auto lastFinite = std::find_if(points.rbegin(), points.rend(), finite);
    const MetricPoint *first = &*firstFinite;
    const MetricPoint *last = &*lastFinite;

    auto keep = [&out](const MetricPoint *p) {
        // Points come in time order, so a repeat can only be the one just emitted.
        if (!out.isEmpty() && out.constLast().timestampMs == p->timestampMs && out.constLast().value == p->value)
            return;
        out.append(*p);
    };

    out.reserve(std::min<qsizetype>(qsizetype(points.size()),
                                     2 * ((last->timestampMs - first->timestampMs) / bucketMs + 1) + 2));
    keep(first);
    const MetricPoint *lo = nullptr;
    const MetricPoint *hi = nullptr;
    // Exclusive end of the current bucket: one comparison per point instead of a 64-bit
    // division (which made up most of the cost with a million points).
    qint64 bucketEnd = 0;
    auto flush = [&] {
        if (!lo)
            return;
        if (lo == hi) {
            keep(lo);
        } else {
            keep(std::min(lo, hi)); // pointers into one array: the earlier point first
            keep(std::max(lo, hi));
        }
    };
    for (const MetricPoint *p = first; p <= last; ++p) {
        if (!finite(*p))
            continue;
        if (!lo || p->timestampMs >= bucketEnd) {
            flush();
            const qint64 b = floorDiv(p->timestampMs, bucketMs);
            bucketEnd = b < std::numeric_limits<qint64>::max() / bucketMs - 1 ? (b + 1) * bucketMs
                                                                              : std::numeric_limits<qint64>::max();
            lo = hi = p;
            continue;
        }
        if (p->value < lo->value)
            lo = p;
        if (p->value > hi->value)
            hi = p;
    }
    flush();
    keep(last);
    return out;
}

QList<MetricPoint> lttb(std::span<const MetricPoint> points, int threshold)
{
    // Work on the finite points only; copy them out only when there is something to skip.
    std::vector<MetricPoint> filtered;
    std::span<const MetricPoint> data = points;
    if (!std::all_of(points.begin(), points.end(), finite)) {
        filtered.reserve(points.size());
        std::copy_if(points.begin(), points.end(), std::back_inserter(filtered), finite);
        data = filtered;
    }

    const qsizetype n = qsizetype(data.size());
    QList<MetricPoint> out;
    if (n == 0)
        return out;
    if (threshold >= n) {
        out = QList<MetricPoint>(data.begin(), data.end());
        return out;
    }
    if (threshold < 3) {
        out.append(data.front());
        if (n > 1)
            out.append(data.back());
        return out;
    }

    out.reserve(threshold);
    const qint64 t0 = data.front().timestampMs;
    auto x = [t0](const MetricPoint &p) { return double(p.timestampMs - t0); };
    // Bucket size; the first and last point form buckets of their own.
    const double every = double(n - 2) / double(threshold - 2);
    qsizetype a = 0;
    out.append(data[0]);
    for (int i = 0; i < threshold - 2; ++i) {
        // The average of the next bucket is the third corner of the triangle.
        qsizetype avgStart = qsizetype(std::floor((i + 1) * every)) + 1;
        qsizetype avgEnd = std::min(qsizetype(std::floor((i + 2) * every)) + 1, n);
        if (avgStart >= avgEnd) { // the last bucket: the last point
            avgStart = n - 1;
            avgEnd = n;
        }
        double avgX = 0, avgY = 0;
        for (qsizetype j = avgStart; j < avgEnd; ++j) {
            avgX += x(data[j]);
            avgY += data[j].value;
        }
        avgX /= double(avgEnd - avgStart);
        avgY /= double(avgEnd - avgStart);

        const qsizetype from = qsizetype(std::floor(i * every)) + 1;
        const qsizetype to = std::min(qsizetype(std::floor((i + 1) * every)) + 1, n - 1);
        const double ax = x(data[a]);
        const double ay = data[a].value;
        double maxArea = -1;
        qsizetype chosen = from;
        for (qsizetype j = from; j < to; ++j) {
            const double area = std::abs((ax - avgX) * (data[j].value - ay) - (ax - x(data[j])) * (avgY - ay));
            if (area > maxArea) {
                maxArea = area;
                chosen = j;
            }
        }
        out.append(data[chosen]);
        a = chosen;
    }
    out.append(data[n - 1]);
    return out;
}

std::span<const MetricPoint> timeRange(const QList<MetricPoint> &points, qint64 fromMs, qint64 toMs, bool neighbours)
{
    if (points.isEmpty() || fromMs > toMs)
        return {};
    auto begin = std::lower_bound(points.cbegin(), points.cend(), MetricPoint{fromMs, 0.0}, earlier);
    auto end = std::upper_bound(begin, points.cend(), MetricPoint{toMs, 0.0}, earlier);
    if (neighbours) {
        if (begin != points.cbegin())
            --begin;
        if (end != points.cend())
            ++end;
    }
    return std::span<const MetricPoint>(points.constData() + (begin - points.cbegin()), size_t(end - begin));
}

} // namespace downsample

void mergePoints(QList<MetricPoint> &sorted, QList<MetricPoint> incoming)
{
    if (incoming.isEmpty())
        return;
    std::stable_sort(incoming.begin(), incoming.end(), earlier);
    // Among equal timestamps keep the last one given.
    qsizetype w = 0;
    for (qsizetype r = 0; r < incoming.size(); ++r) {
        if (w > 0 && incoming[w - 1].timestampMs == incoming[r].timestampMs)
            incoming[w - 1] = incoming[r];
        else
            incoming[w++] = incoming[r];
    }
    incoming.resize(w);

    if (sorted.isEmpty()) {
        sorted = std::move(incoming);
        return;
    }
    if (incoming.constFirst().timestampMs > sorted.constLast().timestampMs) {
        sorted.append(incoming);
        return;
    }
    QList<MetricPoint> merged;
    merged.reserve(sorted.size() + incoming.size());
    qsizetype i = 0, j = 0;
    while (i < sorted.size() && j < incoming.size()) {
        const qint64 a = sorted[i].timestampMs;
        const qint64 b = incoming[j].timestampMs;
        if (a < b) {
            merged.append(sorted[i++]);
        } else if (b < a) {
            merged.append(incoming[j++]);
        } else {
            merged.append(incoming[j++]);
            ++i;
        }
    }
    for (; i < sorted.size(); ++i)
        merged.append(sorted[i]);
    for (; j < incoming.size(); ++j)
        merged.append(incoming[j]);
    sorted = std::move(merged);
}

void TimeSeriesStore::setLimits(Limits limits)
{
    m_limits = limits;
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        const qsizetype before = it->points.size();
        trim(*it);
        if (it->points.size() != before)
            it->revision = ++m_revision;
    }
}

TimeSeriesStore::Entry &TimeSeriesStore::entry(const MetricSeriesKey &key)
{
    auto it = m_series.find(key);
    if (it == m_series.end()) {
        it = m_series.insert(key, Entry{});
        it->epoch = ++m_revision; // never the epoch of an earlier series of the same key
    }
    return *it;
}

void TimeSeriesStore::trim(Entry &e) const
{
    QList<MetricPoint> &p = e.points;
    if (p.isEmpty())
        return;
    if (m_limits.maxAgeMs > 0) {
        const qint64 cutoff = p.constLast().timestampMs - m_limits.maxAgeMs;
        if (p.constFirst().timestampMs < cutoff) {
            const auto it = std::lower_bound(p.cbegin(), p.cend(), MetricPoint{cutoff, 0.0}, earlier);
            p.remove(0, it - p.cbegin());
        }
    }
    if (m_limits.maxPoints > 0 && p.size() > m_limits.maxPoints)
        p.remove(0, p.size() - m_limits.maxPoints);
}

void TimeSeriesStore::append(const MetricSample &sample)
{
    Entry &e = entry(sample.key);
    QList<MetricPoint> &p = e.points;
    if (p.isEmpty() || sample.point.timestampMs > p.constLast().timestampMs) {
        p.append(sample.point);
    } else if (sample.point.timestampMs == p.constLast().timestampMs) {
        p.last() = sample.point;
    } else {
        mergePoints(p, {sample.point});
        e.epoch = m_revision + 1; // a late point: not an append
    }
    trim(e);
    e.revision = ++m_revision;
}

void TimeSeriesStore::append(const QList<MetricSample> &samples)
{
    for (const MetricSample &s : samples)
        append(s);
}

void TimeSeriesStore::insert(const MetricSeries &series)
{
    insert(series.key, series.points);
}

void TimeSeriesStore::insert(const MetricSeriesKey &key, QList<MetricPoint> points)
{
    Entry &e = entry(key);
    const bool appendOnly = e.points.isEmpty()
                            || std::all_of(points.cbegin(), points.cend(), [&](const MetricPoint &p) {
                                   return p.timestampMs > e.points.constLast().timestampMs;
                               });
    mergePoints(e.points, std::move(points));
    if (!appendOnly)
        e.epoch = m_revision + 1;
    trim(e);
    e.revision = ++m_revision;
}

QList<MetricSeriesKey> TimeSeriesStore::keys() const
{
    return m_series.keys();
}

QList<MetricPoint> TimeSeriesStore::points(const MetricSeriesKey &key) const
{
    return pointsRef(key);
}

const QList<MetricPoint> &TimeSeriesStore::pointsRef(const MetricSeriesKey &key) const
{
    const auto it = m_series.constFind(key);
    return it == m_series.constEnd() ? emptyPoints() : it->points;
}

std::optional<MetricPoint> TimeSeriesStore::last(const MetricSeriesKey &key) const
{
    const QList<MetricPoint> &p = pointsRef(key);
    if (p.isEmpty())
        return std::nullopt;
    return p.constLast();
}

qsizetype TimeSeriesStore::size(const MetricSeriesKey &key) const
{
    return pointsRef(key).size();
}

qsizetype TimeSeriesStore::totalPoints() const
{
    qsizetype n = 0;
    for (const Entry &e : m_series)
        n += e.points.size();
    return n;
}

quint64 TimeSeriesStore::revision(const MetricSeriesKey &key) const
{
    const auto it = m_series.constFind(key);
    return it == m_series.constEnd() ? 0 : it->revision;
}

quint64 TimeSeriesStore::epoch(const MetricSeriesKey &key) const
{
    const auto it = m_series.constFind(key);
    return it == m_series.constEnd() ? 0 : it->epoch;
}

void TimeSeriesStore::remove(const MetricSeriesKey &key)
{
    if (m_series.remove(key))
        ++m_revision;
}

void TimeSeriesStore::clear()
{
    m_series.clear();
    ++m_revision;
}

// --- MinMaxCache ----------------------------------------------------------------------------------

void MinMaxCache::clear()
{
    m_buckets.clear();
    m_bucketMs = 0;
    m_epoch = 0;
    m_firstIndex = m_endIndex = 0;
}

QList<MetricPoint> MinMaxCache::update(const QList<MetricPoint> &points, quint64 epoch, qint64 fromMs, qint64 toMs,
                                       qint64 bucketMs)
{
    const std::span<const MetricPoint> span = downsample::timeRange(points, fromMs, toMs, true);
    if (bucketMs <= 1 || span.empty()) {
        clear();
        return downsample::minMax(span, bucketMs);
    }
    const auto firstFinite = std::find_if(span.begin(), span.end(), finite);
    if (firstFinite == span.end())
        return {};
    const MetricPoint *first = &*firstFinite;
    const MetricPoint *last = &*std::find_if(span.rbegin(), span.rend(), finite);
    const MetricPoint *spanEnd = span.data() + span.size();

    if (bucketMs != m_bucketMs || epoch != m_epoch) {
        clear();
        m_bucketMs = bucketMs;
        m_epoch = epoch;
    }
    const qint64 firstB = floorDiv(first->timestampMs, bucketMs);
    const qint64 lastB = floorDiv(last->timestampMs, bucketMs);

    // The buckets strictly between the first and the last lie wholly inside the range, and
    // appended points cannot reach them: those are the ones worth keeping.
    const qint64 keepFrom = firstB + 1;
    const qint64 keepTo = std::max(keepFrom, lastB); // exclusive
    if (m_buckets.empty() || keepFrom < m_firstIndex || keepFrom >= m_endIndex) {
        m_buckets.clear();
        m_firstIndex = m_endIndex = keepFrom;
    } else if (keepFrom > m_firstIndex) {
        m_buckets.erase(m_buckets.begin(), m_buckets.begin() + (keepFrom - m_firstIndex));
        m_firstIndex = keepFrom;
    }
    if (m_endIndex > keepTo) {
        m_buckets.resize(size_t(keepTo - m_firstIndex));
        m_endIndex = keepTo;
    }

    // Reduces the points from `p` on that fall into bucket `index`; returns where it stopped.
    auto reduce = [&](const MetricPoint *p, qint64 index, Bucket &b) {
        b = Bucket{index, {}, {}, 0};
        const qint64 end = (index + 1) * bucketMs;
        const MetricPoint *lo = nullptr;
        const MetricPoint *hi = nullptr;
        for (; p < spanEnd && p->timestampMs < end; ++p) {
            if (!finite(*p))
                continue;
            if (!lo) {
                lo = hi = p;
                continue;
            }
            if (p->value < lo->value)
                lo = p;
            if (p->value > hi->value)
                hi = p;
        }
        if (lo) {
            b.first = *std::min(lo, hi);
            b.second = *std::max(lo, hi);
            b.count = lo == hi ? 1 : 2;
        }
        return p;
    };

    // New complete buckets: from where the cache ends up to the last bucket.
    if (m_endIndex < keepTo) {
        const MetricPoint *p = std::lower_bound(first, spanEnd, MetricPoint{m_endIndex * bucketMs, 0.0}, earlier);
        while (p < spanEnd && m_endIndex < keepTo) {
            const qint64 index = floorDiv(p->timestampMs, bucketMs);
            if (index >= keepTo)
                break;
            while (m_endIndex < index) // empty buckets keep the indices consecutive
                m_buckets.push_back(Bucket{m_endIndex++, {}, {}, 0});
            Bucket b;
            p = reduce(p, index, b);
            m_buckets.push_back(b);
            m_endIndex = index + 1;
        }
        while (m_endIndex < keepTo)
            m_buckets.push_back(Bucket{m_endIndex++, {}, {}, 0});
    }

    QList<MetricPoint> out;
    out.reserve(qsizetype(m_buckets.size()) * 2 + 6);
    auto keep = [&out](const MetricPoint &p) {
        if (!out.isEmpty() && out.constLast().timestampMs == p.timestampMs && out.constLast().value == p.value)
            return;
        out.append(p);
    };
    auto keepBucket = [&keep](const Bucket &b) {
        if (b.count >= 1)
            keep(b.first);
        if (b.count == 2)
            keep(b.second);
    };
    keep(*first);
    Bucket edge;
    reduce(first, firstB, edge);
    keepBucket(edge);
    for (const Bucket &b : m_buckets)
        keepBucket(b);
    if (lastB != firstB) {
        const MetricPoint *p = std::lower_bound(first, spanEnd, MetricPoint{lastB * bucketMs, 0.0}, earlier);
        reduce(p, lastB, edge);
        keepBucket(edge);
    }
    keep(*last);
    return out;
}

} // namespace tideline
