#pragma once

#include "metrics/MetricTypes.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>
#include <span>

namespace tideline {

// Figures derived from a queue's series, shown beside the depth chart: how fast the queue
// grows, when it will be empty, when it has been too deep for too long. Pure functions; the
// chart feeds them the stored points.
class QueueStats final
{
    Q_DECLARE_TR_FUNCTIONS(QueueStats)

public:
    // Least-squares slope of the finite points, in value units per second (msgs/s for a
    // depth). nullopt with fewer than two finite points or when they all share one timestamp.
    static std::optional<double> slopePerSecond(std::span<const MetricPoint> points);

    struct DrainEstimate
    {
        enum class Kind {
            Unknown,  // no depth, or neither rates nor a slope
            Empty,    // nothing to drain
            Draining, // `seconds` until empty
            Never,    // not shrinking: "never at this rate"
            KeepingUp, // a standing depth the consumers clear within a second: "keeping up"
        };
        Kind kind = Kind::Unknown;
        double seconds = 0.0;
        double netOutflow = 0.0; // msgs/s the queue shrinks by (negative: it grows)
    };

    // When a queue of `depth` messages is empty. With both broker rates the net outflow is
    // out - in ("at the current consumer rate"); without them it is minus the depth's growth
    // (the slope). A depth below half a message counts as empty; a depth the consumers get
    // through within a second (depth <= out rate, with the out rate known and the queue not
    // growing faster than it drains) is "keeping up", not "never": a few orders in flight.
    static DrainEstimate estimateDrain(std::optional<double> depth, std::optional<double> inRate,
                                       std::optional<double> outRate, std::optional<double> growthPerSecond);

    // "+12.5 msg/s", "−3 msg/s", "0 msg/s"; "–" when unknown.
    static QString formatGrowth(std::optional<double> perSecond);
    // "empty", "3 min 20 s", "never at this rate", "–".
    static QString formatDrain(const DrainEstimate &estimate);
    // "45 s", "3 min 20 s", "2 h 5 min", "3 d 4 h", "more than a year".
    static QString formatDuration(double seconds);

    // A stretch where a series was above a threshold. startMs: the first point above; endMs:
    // the first point at or below after it (or the last point when it is still above, then
    // `open`); firedMs: the first point at which it had been above for the required time.
    struct Span
    {
        qint64 startMs = 0;
        qint64 firedMs = 0;
        qint64 endMs = 0;
        bool open = false;
        friend bool operator==(const Span &, const Span &) = default;
    };
    // The stretches that stayed above `threshold` (strictly) for at least `minDurationMs`, as
    // ThresholdMonitor would fire on them. Non-finite points are ignored.
    static QList<Span> spansAbove(std::span<const MetricPoint> points, double threshold, qint64 minDurationMs);
};

// Watches one series for "above N for M seconds": fires once when a run of points above the
// threshold has lasted `durationMs`, clears on the first point at or below it. Points older
// than the last one seen and non-finite values are ignored.
class ThresholdMonitor final
{
public:
    enum class Transition { None, Fired, Cleared };

    ThresholdMonitor(double threshold, qint64 durationMs) : m_threshold(threshold), m_durationMs(durationMs) {}

    Transition update(const MetricPoint &point);
    void reset();

    double threshold() const { return m_threshold; }
    qint64 durationMs() const { return m_durationMs; }
    bool isFiring() const { return m_firing; }
    // Start of the current run above the threshold.
    std::optional<qint64> aboveSinceMs() const { return m_aboveSince; }
    // The highest value of the current run (the alert says how bad it got).
    double peak() const { return m_peak; }

private:
    double m_threshold;
    qint64 m_durationMs;
    std::optional<qint64> m_aboveSince;
    std::optional<qint64> m_lastMs;
    double m_peak = 0.0;
    bool m_firing = false;
};

} // namespace tideline
