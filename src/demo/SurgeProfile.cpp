#include "SurgeProfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tideline::demo {

namespace {

Error profileError(const QString &message)
{
    return Error{u"demo.profile"_s, message, {}};
}

// Rate within one cycle at `t` (0 <= t < cycleSeconds).
double rateInCycle(const QList<SurgeProfile::Phase> &phases, double t)
{
    double start = 0;
    double previous = phases.isEmpty() ? 0.0 : phases.last().ordersPerSecond; // cycle wraps
    for (const SurgeProfile::Phase &p : phases) {
        if (t < start + p.seconds) {
            const double into = t - start;
            if (p.rampSeconds > 0 && into < p.rampSeconds)
                return previous + (p.ordersPerSecond - previous) * (into / p.rampSeconds);
            return p.ordersPerSecond;
        }
        start += p.seconds;
        previous = p.ordersPerSecond;
    }
    return previous;
}

// Integral of the rate over [0, t) within one cycle, phase by phase (ramps are trapezoids).
double ordersInCycle(const QList<SurgeProfile::Phase> &phases, double t)
{
    double start = 0;
    double total = 0;
    double previous = phases.isEmpty() ? 0.0 : phases.last().ordersPerSecond;
    for (const SurgeProfile::Phase &p : phases) {
        const double span = std::min(p.seconds, std::max(0.0, t - start));
        if (span <= 0)
            break;
        const double ramp = std::min(p.rampSeconds, p.seconds);
        const double rampSpan = std::min(span, ramp);
        if (rampSpan > 0) {
            const double endRate = previous + (p.ordersPerSecond - previous) * (rampSpan / ramp);
            total += (previous + endRate) / 2.0 * rampSpan;
        }
        total += p.ordersPerSecond * (span - rampSpan);
        start += p.seconds;
        previous = p.ordersPerSecond;
    }
    return total;
}

} // namespace

Result<SurgeProfile> SurgeProfile::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return profileError(tr("The surge profile is not valid JSON (%1 at offset %2).")
                                .arg(parseError.errorString())
                                .arg(parseError.offset));
    if (!doc.isObject())
        return profileError(tr("The surge profile must be a JSON object with a \"phases\" array."));
    const QJsonObject root = doc.object();
    SurgeProfile profile;
    if (root.contains(u"processingMs"_s)) {
        const double ms = root.value(u"processingMs"_s).toDouble(-1);
        if (ms < 1 || ms > 600000)
            return profileError(tr("\"processingMs\" must be a number of milliseconds from 1 to 600000."));
        profile.processingMs = int(ms);
    }
    const QJsonArray phases = root.value(u"phases"_s).toArray();
    if (phases.isEmpty())
        return profileError(tr("The surge profile needs at least one phase in \"phases\"."));
    for (qsizetype i = 0; i < phases.size(); ++i) {
        const QJsonObject o = phases.at(i).toObject();
        Phase p;
        p.name = o.value(u"name"_s).toString(u"phase %1"_s.arg(i + 1));
        p.seconds = o.value(u"seconds"_s).toDouble(-1);
        p.ordersPerSecond = o.value(u"ordersPerSecond"_s).toDouble(-1);
        p.rampSeconds = o.value(u"rampSeconds"_s).toDouble(0);
        const int number = int(i) + 1;
        if (!(p.seconds > 0) || !std::isfinite(p.seconds))
            return profileError(tr("Phase %1: \"seconds\" must be a positive number.").arg(number));
        if (!(p.ordersPerSecond >= 0) || p.ordersPerSecond > 100000)
            return profileError(tr("Phase %1: \"ordersPerSecond\" must be a number from 0 to 100000.").arg(number));
        if (!(p.rampSeconds >= 0) || p.rampSeconds > p.seconds)
            return profileError(tr("Phase %1: \"rampSeconds\" must be from 0 to the phase's \"seconds\".").arg(number));
        profile.phases.append(p);
    }
    return profile;
}

Result<SurgeProfile> SurgeProfile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return profileError(tr("Cannot read the surge profile %1: %2").arg(path, file.errorString()));
    return fromJson(file.read(1024 * 1024));
}

SurgeProfile SurgeProfile::launchDay()
{
    SurgeProfile p;
    p.processingMs = 400;
    p.phases = {{u"calm"_s, 40, 4, 0}, {u"surge"_s, 100, 24, 15}, {u"calm"_s, 240, 4, 10}};
    return p;
}

SurgeProfile SurgeProfile::scaled(double factor) const
{
    SurgeProfile s = *this;
    if (factor <= 0)
        return s;
    for (Phase &p : s.phases) {
        p.seconds /= factor;
        p.rampSeconds /= factor;
    }
    return s;
}

QByteArray SurgeProfile::toJson() const
{
    QJsonArray list;
    for (const Phase &p : phases) {
        QJsonObject o{{u"name"_s, p.name}, {u"seconds"_s, p.seconds}, {u"ordersPerSecond"_s, p.ordersPerSecond}};
        if (p.rampSeconds > 0)
            o.insert(u"rampSeconds"_s, p.rampSeconds);
        list.append(o);
    }
    return QJsonDocument(QJsonObject{{u"processingMs"_s, processingMs}, {u"phases"_s, list}})
        .toJson(QJsonDocument::Indented);
}

double SurgeProfile::cycleSeconds() const
{
    double total = 0;
    for (const Phase &p : phases)
        total += p.seconds;
    return total;
}

double SurgeProfile::rateAt(double seconds) const
{
    const double cycle = cycleSeconds();
    if (cycle <= 0 || seconds < 0)
        return 0;
    return rateInCycle(phases, std::fmod(seconds, cycle));
}

QString SurgeProfile::phaseAt(double seconds) const
{
    const double cycle = cycleSeconds();
    if (cycle <= 0)
        return {};
    const double t = std::fmod(std::max(0.0, seconds), cycle);
    double start = 0;
    for (const Phase &p : phases) {
        if (t < start + p.seconds)
            return p.name;
        start += p.seconds;
    }
    return phases.last().name;
}

double SurgeProfile::ordersUntil(double seconds) const
{
    const double cycle = cycleSeconds();
    if (cycle <= 0 || seconds <= 0)
        return 0;
    const double cycles = std::floor(seconds / cycle);
    return cycles * ordersInCycle(phases, cycle) + ordersInCycle(phases, seconds - cycles * cycle);
}

} // namespace tideline::demo
