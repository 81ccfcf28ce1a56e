#include "core/QueueStats.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tideline {

std::optional<double> QueueStats::slopePerSecond(std::span<const MetricPoint> points)
{
    // Centre the times on the first point: epoch milliseconds squared lose all precision.
    qint64 t0 = 0;
    bool haveT0 = false;
    double n = 0, sx = 0, sy = 0;
    for (const MetricPoint &p : points) {
        if (!std::isfinite(p.value))
            continue;
        if (!haveT0) {
            t0 = p.timestampMs;
            haveT0 = true;
        }
        sx += double(p.timestampMs - t0) / 1000.0;
        sy += p.value;
        n += 1;
    }
    if (n < 2)
        return std::nullopt;
    const double mx = sx / n;
    const double my = sy / n;
    double sxx = 0, sxy = 0;
    for (const MetricPoint &p : points) {
        if (!std::isfinite(p.value))
            continue;
        const double dx = double(p.timestampMs - t0) / 1000.0 - mx;
        sxx += dx * dx;
        sxy += dx * (p.value - my);
    }
    if (sxx <= 0)
        return std::nullopt;
    return sxy / sxx;
}

QueueStats::DrainEstimate QueueStats::estimateDrain(std::optional<double> depth, std::optional<double> inRate,
                                                    std::optional<double> outRate,
                                                    std::optional<double> growthPerSecond)
{
    DrainEstimate e;
    if (!depth || !std::isfinite(*depth))
        return e;
    if (*depth < 0.5) {
        e.kind = DrainEstimate::Kind::Empty;
        return e;
    }
    std::optional<double> net;
    if (inRate && outRate && std::isfinite(*inRate) && std::isfinite(*outRate))
        net = *outRate - *inRate;
    else if (growthPerSecond && std::isfinite(*growthPerSecond))
        net = -*growthPerSecond;
    if (!net)
        return e;
    e.netOutflow = *net;
    if (outRate && std::isfinite(*outRate) && *outRate > 0 && *depth <= *outRate && *net > -1e-3) {
        e.kind = DrainEstimate::Kind::KeepingUp;
        return e;
    }
    // Below a thousandth of a message per second "draining" would take years: call it never.
    if (*net <= 1e-3) {
        e.kind = DrainEstimate::Kind::Never;
        return e;
    }
    e.kind = DrainEstimate::Kind::Draining;
    e.seconds = *depth / *net;
    return e;
}

QString QueueStats::formatGrowth(std::optional<double> perSecond)
{
    if (!perSecond || !std::isfinite(*perSecond))
        return u"–"_s;
    const QLocale locale;
    const double v = *perSecond;
    const double a = std::abs(v);
    const int decimals = a < 10 ? 1 : 0;
    const QString number = locale.toString(a, 'f', decimals);
    if (number == locale.toString(0.0, 'f', decimals))
        return tr("0 msg/s");
    return v > 0 ? tr("+%1 msg/s").arg(number) : tr("−%1 msg/s").arg(number);
}

QString QueueStats::formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds > 365.0 * 86400)
        return tr("more than a year");
    const qint64 s = std::max<qint64>(0, qint64(std::ceil(seconds)));
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600) {
        const qint64 min = s / 60, rest = s % 60;
        return rest == 0 ? tr("%1 min").arg(min) : tr("%1 min %2 s").arg(min).arg(rest);
    }
    if (s < 86400) {
        const qint64 h = s / 3600, min = (s % 3600) / 60;
        return min == 0 ? tr("%1 h").arg(h) : tr("%1 h %2 min").arg(h).arg(min);
    }
    const qint64 d = s / 86400, h = (s % 86400) / 3600;
    return h == 0 ? tr("%1 d").arg(d) : tr("%1 d %2 h").arg(d).arg(h);
}

QString QueueStats::formatDrain(const DrainEstimate &estimate)
{
    switch (estimate.kind) {
    case DrainEstimate::Kind::Empty:
        return tr("empty");
    case DrainEstimate::Kind::Draining:
        return formatDuration(estimate.seconds);
    case DrainEstimate::Kind::Never:
        return tr("never at this rate");
    case DrainEstimate::Kind::KeepingUp:
        return tr("keeping up");
    case DrainEstimate::Kind::Unknown:
        break;
    }
    return u"–"_s;
}

QList<QueueStats::Span> QueueStats::spansAbove(std::span<const MetricPoint> points, double threshold,
                                               qint64 minDurationMs)
{
    QList<Span> out;
    std::optional<Span> run;
    bool fired = false;
    qint64 lastMs = 0;
    for (const MetricPoint &p : points) {
        if (!std::isfinite(p.value))
            continue;
        lastMs = p.timestampMs;
        if (p.value > threshold) {
            if (!run) {
                run = Span{p.timestampMs, 0, p.timestampMs, false};
                fired = false;
            }
            run->endMs = p.timestampMs;
            if (!fired && p.timestampMs - run->startMs >= minDurationMs) {
                fired = true;
                run->firedMs = p.timestampMs;
            }
        } else if (run) {
            if (fired) {
                run->endMs = p.timestampMs;
                out.append(*run);
            }
            run.reset();
        }
    }
    if (run && fired) {
        run->endMs = lastMs;
        run->open = true;
        out.append(*run);
    }
    return out;
}

ThresholdMonitor::Transition ThresholdMonitor::update(const MetricPoint &point)
{
    if (!std::isfinite(point.value))
        return Transition::None;
    if (m_lastMs && point.timestampMs < *m_lastMs)
        return Transition::None;
    m_lastMs = point.timestampMs;
    if (point.value > m_threshold) {
        if (!m_aboveSince) {
            m_aboveSince = point.timestampMs;
            m_peak = point.value;
        }
        m_peak = std::max(m_peak, point.value);
        if (!m_firing && point.timestampMs - *m_aboveSince >= m_durationMs) {
            m_firing = true;
            return Transition::Fired;
        }
        return Transition::None;
    }
    m_aboveSince.reset();
    if (m_firing) {
        m_firing = false;
        return Transition::Cleared;
    }
    return Transition::None;
}

void ThresholdMonitor::reset()
{
    m_aboveSince.reset();
    m_lastMs.reset();
    m_peak = 0.0;
    m_firing = false;
}

} // namespace tideline
