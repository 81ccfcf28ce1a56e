#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace tideline::demo {

// The demo shop's traffic over time: phases of a steady order rate, each optionally ramping up
// (or down) from the previous phase's rate. Read from a small JSON file an operator can edit:
//
//   {"processingMs": 400,
//    "phases": [{"name": "calm",  "seconds": 40,  "ordersPerSecond": 4},
//               {"name": "surge", "seconds": 90,  "ordersPerSecond": 24, "rampSeconds": 15},
//               {"name": "calm",  "seconds": 240, "ordersPerSecond": 4,  "rampSeconds": 10}]}
//
// processingMs is how long one worker takes per order, so the rate one worker drains is
// 1000 / processingMs orders per second. After the last phase the profile repeats.
struct SurgeProfile
{
    Q_DECLARE_TR_FUNCTIONS(SurgeProfile)
public:
    struct Phase
    {
        QString name;
        double seconds = 0;
        double ordersPerSecond = 0;
        double rampSeconds = 0; // linear ramp from the previous phase's rate at the phase start
    };

    QList<Phase> phases;
    int processingMs = 400;

    static Result<SurgeProfile> fromJson(const QByteArray &json);
    static Result<SurgeProfile> load(const QString &path);
    // The built-in launch-day profile (what resources/demo/surge.json holds).
    static SurgeProfile launchDay();
    // The same shape compressed in time by `factor` (2 = twice as fast), for tests.
    SurgeProfile scaled(double factor) const;
    QByteArray toJson() const;

    // One cycle's length in seconds.
    double cycleSeconds() const;
    // Orders per second at `seconds` since the start (the profile repeats after one cycle).
    double rateAt(double seconds) const;
    // The phase in force at `seconds`; empty for an empty profile.
    QString phaseAt(double seconds) const;
    // Orders published in [0, seconds): the integral of rateAt.
    double ordersUntil(double seconds) const;
    double drainRatePerWorker() const { return processingMs > 0 ? 1000.0 / processingMs : 0.0; }
};

} // namespace tideline::demo
