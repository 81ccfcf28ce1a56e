#include "HpaModel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <climits>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

// The API's upper bounds (stabilizationWindowSeconds <= 3600, periodSeconds <= 1800): history
// older than this can never matter, whatever the spec says.
constexpr qint64 kMaxWindowMs = 3600 * 1000;
constexpr qint64 kMaxPeriodMs = 1800 * 1000;
// resource.Quantity milli-values are int64; keep sums of them well inside the range.
constexpr double kMilliLimit = 9.0e15;

struct Tolerances
{
    double down = 0.1;
    double up = 0.1;
    bool isWithin(double ratio) const { return (1.0 - down) <= ratio && ratio <= (1.0 + up); }
};

// Go's int32(x) after math.Ceil, with the controller's saturation at MaxInt32.
int ceilToInt(double v)
{
    if (std::isnan(v))
        return 0;
    const double c = std::ceil(v);
    if (c >= double(INT_MAX))
        return INT_MAX;
    if (c <= double(INT_MIN))
        return INT_MIN;
    return int(c);
}

qint64 saturatingAdd(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        return b > 0 ? LLONG_MAX : LLONG_MIN;
    return sum;
}

int clampToInt(qint64 v)
{
    return int(std::clamp<qint64>(v, INT_MIN, INT_MAX));
}

// resource.Quantity.MilliValue(): rounds up to the next milli-unit.
qint64 toMilli(double v)
{
    const double m = std::ceil(v * 1000.0 - 1e-6);
    return qint64(std::clamp(m, -kMilliLimit, kMilliLimit));
}

QString num(double v)
{
    return QLocale().toString(v, 'f', QLocale::FloatingPointShortest);
}

QString fixed2(double v)
{
    return QLocale().toString(v, 'f', 2);
}

bool isPerPod(const HpaMetricSpec &m)
{
    return m.source == HpaMetricSourceType::Pods || m.source == HpaMetricSourceType::Resource
        || m.source == HpaMetricSourceType::ContainerResource;
}

class Engine
{
    Q_DECLARE_TR_FUNCTIONS(HpaModel)

public:
    Engine(const HpaSpec &spec, const HpaOptions &options) : m_spec(spec), m_options(options)
    {
        if (m_spec.metrics.isEmpty()) {
            // The API's default when no metric is given: 80 % CPU.
            m_spec.metrics.append({HpaMetricSourceType::Resource, u"cpu"_s, {},
                                   HpaTargetType::Utilization, 80.0});
        }
        m_up = HpaModel::resolveScaleUp(m_spec, m_options);
        m_down = HpaModel::resolveScaleDown(m_spec, m_options);
        if (m_spec.behavior)
            m_tolerances = {m_down.tolerance, m_up.tolerance};
        else
            m_tolerances = {m_options.tolerance, m_options.tolerance};
    }

    const HpaSpec &spec() const { return m_spec; }

    HpaDecision sync(const HpaState &state, const QList<std::optional<HpaMetricValue>> &metrics);

    bool blockedForever(const HpaDecision &d) const
    {
        const bool wantsUp = d.stabilizedReplicas > d.currentReplicas;
        const bool wantsDown = d.stabilizedReplicas >= 0 && d.stabilizedReplicas < d.currentReplicas;
        if (!m_spec.behavior)
            return false;
        return (wantsUp && m_up.selectPolicy == HpaSelectPolicy::Disabled)
            || (wantsDown && m_down.selectPolicy == HpaSelectPolicy::Disabled);
    }

private:
    void addReason(HpaDecision &d, const QString &code, const QString &text, qint64 untilMs = 0)
    {
        d.reasons.append({code, text, untilMs});
    }

    HpaMetricProposal propose(int index, const std::optional<HpaMetricValue> &value,
                              const HpaState &state) const;
    QString describe(const HpaMetricSpec &m) const;
    QString toleranceText() const;
    QString policyText(const HpaScalingPolicy &p) const;

    int normalizeLegacy(HpaDecision &d, HpaState &state, int desired);
    int normalizeWithBehavior(HpaDecision &d, HpaState &state, int desired);

    struct Limit
    {
        int replicas = 0;
        int policyIndex = -1;
        int periodStart = 0;
    };
    Limit scaleUpLimit(const HpaState &state) const;
    Limit scaleDownLimit(const HpaState &state) const;
    int changeInPeriod(const HpaState &state, int periodSeconds, bool up) const;

    HpaSpec m_spec;
    HpaOptions m_options;
    HpaResolvedRules m_up;
    HpaResolvedRules m_down;
    Tolerances m_tolerances;
};

QString Engine::describe(const HpaMetricSpec &m) const
{
    switch (m.source) {
    case HpaMetricSourceType::Resource:
        return m.targetType == HpaTargetType::Utilization
            ? tr("%1 resource utilization (percentage of request)").arg(m.name)
            : tr("%1 resource").arg(m.name);
    case HpaMetricSourceType::ContainerResource:
        return m.targetType == HpaTargetType::Utilization
            ? tr("%1 utilization of container %2 (percentage of request)").arg(m.name, m.container)
            : tr("%1 of container %2").arg(m.name, m.container);
    case HpaMetricSourceType::Pods:
        return tr("pods metric %1").arg(m.name);
    case HpaMetricSourceType::Object:
        return tr("object metric %1").arg(m.name);
    case HpaMetricSourceType::External:
        return tr("external metric %1").arg(m.name);
    }
    return m.name;
}

QString Engine::toleranceText() const
{
    if (m_tolerances.up == m_tolerances.down)
        return fixed2(m_tolerances.up);
    return tr("-%1/+%2").arg(fixed2(m_tolerances.down), fixed2(m_tolerances.up));
}

QString Engine::policyText(const HpaScalingPolicy &p) const
{
    if (p.type == HpaPolicyType::Percent)
        return tr("at most %1 % per %2 s").arg(p.value).arg(p.periodSeconds);
    if (p.value == 1)
        return tr("at most 1 pod per %1 s").arg(p.periodSeconds);
    return tr("at most %1 pods per %2 s").arg(p.value).arg(p.periodSeconds);
}

HpaMetricProposal Engine::propose(int index, const std::optional<HpaMetricValue> &value,
                                  const HpaState &state) const
{
    const HpaMetricSpec &m = m_spec.metrics.at(index);
    HpaMetricProposal p;
    p.index = index;
    p.description = describe(m);
    p.target = m.target;

    const int current = state.currentReplicas;
    const int statusReplicas = state.statusReplicas >= 0 ? state.statusReplicas : current;
    const int readyPods = state.readyPods >= 0 ? state.readyPods : current;

    const bool utilization = m.targetType == HpaTargetType::Utilization;
    const bool supported = isPerPod(m)
        ? (m.targetType == HpaTargetType::AverageValue
           || (utilization && m.source != HpaMetricSourceType::Pods))
        : !utilization;
    if (!supported) {
        p.error = tr("this target type is not valid for this metric source");
        return p;
    }
    if (!value) {
        p.error = tr("metric missing");
        return p;
    }
    const auto finite = [](double v) { return !std::isnan(v); };
    if (!finite(value->current) || !std::all_of(value->podUsage.cbegin(), value->podUsage.cend(), finite)
        || !std::all_of(value->podRequest.cbegin(), value->podRequest.cend(), finite)) {
        p.error = tr("the metric value is not a number");
        return p;
    }

    if (utilization) {
        const int target = int(std::lround(m.target));
        if (target <= 0) {
            p.error = tr("the target utilization must be above 0");
            return p;
        }
        qint64 percent = 0;
        int pods = 0;
        if (!value->podUsage.isEmpty()) {
            if (value->podUsage.size() != value->podRequest.size()) {
                p.error = tr("per-pod usage and request lists differ in length");
                return p;
            }
            qint64 usage = 0;
            qint64 requests = 0;
            for (qsizetype i = 0; i < value->podUsage.size(); ++i) {
                usage = saturatingAdd(usage, toMilli(value->podUsage.at(i)));
                requests = saturatingAdd(requests, toMilli(value->podRequest.at(i)));
            }
            if (requests <= 0) {
                p.error = tr("no pod has a resource request");
                return p;
            }
            // int32((metricsTotal * 100) / requestsTotal), integer division.
            const bool exact = usage <= LLONG_MAX / 100 && usage >= LLONG_MIN / 100;
            const double raw = exact ? double((usage * 100) / requests)
                                     : std::trunc(double(usage) * 100.0 / double(requests));
            percent = qint64(std::clamp(raw, double(INT_MIN), double(INT_MAX)));
            pods = int(value->podUsage.size());
        } else {
            percent = qint64(std::clamp(std::trunc(value->current), -2.0e9, 2.0e9));
            pods = readyPods;
        }
        if (pods <= 0) {
            p.error = tr("no ready pods");
            return p;
        }
        p.current = double(percent);
        p.ratio = double(percent) / double(target);
        p.withinTolerance = m_tolerances.isWithin(p.ratio);
        p.replicas = p.withinTolerance ? current : ceilToInt(p.ratio * pods);
        p.valid = true;
        return p;
    }

    const qint64 targetMilli = toMilli(m.target);
    if (targetMilli <= 0) {
        p.error = tr("the target value must be above 0");
        return p;
    }

    if (isPerPod(m)) {
        // calcPlainMetricReplicas: the average in milli-units, integer division.
        qint64 usage = 0;
        int pods = 0;
        if (!value->podUsage.isEmpty()) {
            qint64 total = 0;
            for (const double u : value->podUsage)
                total = saturatingAdd(total, toMilli(u));
            pods = int(value->podUsage.size());
            usage = total / pods;
        } else {
            pods = readyPods;
            usage = toMilli(value->current);
        }
        if (pods <= 0) {
            p.error = tr("no ready pods");
            return p;
        }
        p.current = double(usage) / 1000.0;
        p.ratio = double(usage) / double(targetMilli);
        p.withinTolerance = m_tolerances.isWithin(p.ratio);
        p.replicas = p.withinTolerance ? current : ceilToInt(p.ratio * pods);
        p.valid = true;
        return p;
    }

    const qint64 usage = toMilli(value->current);
    if (m.targetType == HpaTargetType::Value) {
        // getUsageRatioReplicaCount
        p.current = double(usage) / 1000.0;
        p.ratio = double(usage) / double(targetMilli);
        if (current != 0) {
            p.withinTolerance = m_tolerances.isWithin(p.ratio);
            p.replicas = p.withinTolerance ? current : ceilToInt(p.ratio * readyPods);
        } else {
            p.replicas = ceilToInt(p.ratio); // scaling from zero
        }
        p.valid = true;
        return p;
    }

    // Object/External AverageValue: the total spread over status.replicas.
    p.ratio = double(usage) / (double(targetMilli) * double(statusReplicas));
    p.withinTolerance = m_tolerances.isWithin(p.ratio);
    p.replicas = p.withinTolerance ? statusReplicas
                                   : ceilToInt(double(usage) / double(targetMilli));
    p.current = statusReplicas > 0 ? std::ceil(double(usage) / double(statusReplicas)) / 1000.0
                                   : double(usage) / 1000.0;
    p.valid = true;
    return p;
}

int Engine::changeInPeriod(const HpaState &state, int periodSeconds, bool up) const
{
    const qint64 cutoff = state.nowMs - qint64(periodSeconds) * 1000;
    qint64 sum = 0;
    for (const HpaScaleEvent &e : state.scaleEvents) {
        if (e.timestampMs > cutoff && (up ? e.change > 0 : e.change < 0))
            sum += up ? e.change : -qint64(e.change);
    }
    return clampToInt(sum);
}

Engine::Limit Engine::scaleUpLimit(const HpaState &state) const
{
    const int current = state.currentReplicas;
    if (m_up.selectPolicy == HpaSelectPolicy::Disabled)
        return {current, -1, current};
    const bool minSelect = m_up.selectPolicy == HpaSelectPolicy::Min;
    Limit best{minSelect ? INT_MAX : INT_MIN, -1, current};
    for (qsizetype i = 0; i < m_up.policies.size(); ++i) {
        const HpaScalingPolicy &policy = m_up.policies.at(i);
        const qint64 start = qint64(current) - changeInPeriod(state, policy.periodSeconds, true)
            + changeInPeriod(state, policy.periodSeconds, false);
        const int proposed = policy.type == HpaPolicyType::Pods
            ? clampToInt(start + policy.value)
            : ceilToInt(double(start) * (1.0 + double(policy.value) / 100.0));
        if (minSelect ? proposed < best.replicas : proposed > best.replicas)
            best = {proposed, int(i), clampToInt(start)};
    }
    return best;
}

Engine::Limit Engine::scaleDownLimit(const HpaState &state) const
{
    const int current = state.currentReplicas;
    if (m_down.selectPolicy == HpaSelectPolicy::Disabled)
        return {current, -1, current};
    // For scaling down the smallest change is the highest count.
    const bool minSelect = m_down.selectPolicy == HpaSelectPolicy::Min;
    Limit best{minSelect ? INT_MIN : INT_MAX, -1, current};
    for (qsizetype i = 0; i < m_down.policies.size(); ++i) {
        const HpaScalingPolicy &policy = m_down.policies.at(i);
        const qint64 start = qint64(current) - changeInPeriod(state, policy.periodSeconds, true)
            + changeInPeriod(state, policy.periodSeconds, false);
        // Go's int32(float64) truncates toward zero.
        const int proposed = policy.type == HpaPolicyType::Pods
            ? clampToInt(start - policy.value)
            : int(std::clamp(std::trunc(double(start) * (1.0 - double(policy.value) / 100.0)),
                             double(INT_MIN), double(INT_MAX)));
        if (minSelect ? proposed > best.replicas : proposed < best.replicas)
            best = {proposed, int(i), clampToInt(start)};
    }
    return best;
}

int Engine::normalizeLegacy(HpaDecision &d, HpaState &state, int desired)
{
    const int current = state.currentReplicas;
    const qint64 windowMs = qint64(m_options.downscaleStabilizationSeconds) * 1000;
    const qint64 cutoff = state.nowMs - windowMs;
    int stabilized = desired;
    qint64 lastHigher = LLONG_MIN;
    for (const HpaRecommendation &rec : std::as_const(state.recommendations)) {
        if (rec.timestampMs < cutoff) // Before(cutoff): the window edge still counts
            continue;
        stabilized = std::max(stabilized, rec.replicas);
        if (rec.replicas > desired)
            lastHigher = std::max(lastHigher, rec.timestampMs);
    }
    state.recommendations.append({state.nowMs, desired});
    d.stabilizedReplicas = stabilized;

    // convertDesiredReplicasWithRules
    const int scaleUpLimit = int(std::max(2.0 * current, 4.0));
    const bool rateBound = m_spec.maxReplicas > scaleUpLimit;
    const int maximumAllowed = rateBound ? scaleUpLimit : m_spec.maxReplicas;
    const auto convert = [&](int v) {
        return v < m_spec.minReplicas ? m_spec.minReplicas : std::min(v, maximumAllowed);
    };
    // The window is only worth a word when it changed the outcome.
    if (convert(stabilized) != convert(desired)) {
        const qint64 until = lastHigher + windowMs;
        const QString text = convert(stabilized) > current
            ? tr("the highest recommendation in the last %1 s was %2 and the HPA applies it "
                 "although the metrics now want %3 (no spec.behavior: rolling maximum until %4)")
                  .arg(m_options.downscaleStabilizationSeconds)
                  .arg(stabilized)
                  .arg(desired)
                  .arg(HpaModel::formatClock(until))
            : tr("held by the scale-down stabilization window until %1 (highest recommendation "
                 "in the last %2 s was %3)")
                  .arg(HpaModel::formatClock(until))
                  .arg(m_options.downscaleStabilizationSeconds)
                  .arg(stabilized);
        addReason(d, u"stabilized.down"_s, text, until);
    }
    int result = stabilized;
    if (stabilized < m_spec.minReplicas) {
        addReason(d, u"clamp.min"_s, tr("clamped at minReplicas %1").arg(m_spec.minReplicas));
        result = m_spec.minReplicas;
    } else if (stabilized > maximumAllowed) {
        if (rateBound) {
            addReason(d, u"limit.scaleUp"_s,
                      tr("capped by the scale-up limit: at most %1 replicas in one sync "
                         "(twice the current %2, at least 4)")
                          .arg(scaleUpLimit)
                          .arg(current));
        } else {
            addReason(d, u"clamp.max"_s, tr("clamped at maxReplicas %1").arg(m_spec.maxReplicas));
        }
        result = maximumAllowed;
    }
    return result;
}

int Engine::normalizeWithBehavior(HpaDecision &d, HpaState &state, int desired)
{
    const int current = state.currentReplicas;
    const qint64 upWindowMs = qint64(m_up.stabilizationWindowSeconds) * 1000;
    const qint64 downWindowMs = qint64(m_down.stabilizationWindowSeconds) * 1000;
    const qint64 upCutoff = state.nowMs - upWindowMs;
    const qint64 downCutoff = state.nowMs - downWindowMs;

    // stabilizeRecommendationWithBehaviors
    int upRecommendation = desired;
    int downRecommendation = desired;
    qint64 lastLower = LLONG_MIN;
    qint64 lastHigher = LLONG_MIN;
    for (const HpaRecommendation &rec : std::as_const(state.recommendations)) {
        if (rec.timestampMs > upCutoff) { // After(cutoff): the window edge is outside
            upRecommendation = std::min(upRecommendation, rec.replicas);
            if (rec.replicas < desired)
                lastLower = std::max(lastLower, rec.timestampMs);
        }
        if (rec.timestampMs > downCutoff) {
            downRecommendation = std::max(downRecommendation, rec.replicas);
            if (rec.replicas > desired)
                lastHigher = std::max(lastHigher, rec.timestampMs);
        }
    }
    int stabilized = current;
    if (stabilized < upRecommendation)
        stabilized = upRecommendation;
    if (stabilized > downRecommendation)
        stabilized = downRecommendation;
    state.recommendations.append({state.nowMs, desired});
    d.stabilizedReplicas = stabilized;

    // convertDesiredReplicasWithBehaviorRate: the rate limits bound the move away from current.
    Limit up = scaleUpLimit(state);
    up.replicas = std::max(up.replicas, current); // no further scale-up until events age out
    const bool upRateBound = m_spec.maxReplicas > up.replicas;
    const int maximumAllowed = upRateBound ? up.replicas : m_spec.maxReplicas;
    Limit down = scaleDownLimit(state);
    down.replicas = std::min(down.replicas, current);
    const bool downRateBound = m_spec.minReplicas < down.replicas;
    const int minimumAllowed = downRateBound ? down.replicas : m_spec.minReplicas;
    const auto convert = [&](int v) {
        if (v > current)
            return std::min(v, maximumAllowed);
        if (v < current)
            return std::max(v, minimumAllowed);
        return v;
    };
    const int result = convert(stabilized);

    // The window is only worth a word when it changed the outcome.
    if (result != convert(desired)) {
        if (desired >= current) {
            const qint64 until = lastLower + upWindowMs;
            addReason(d, u"stabilized.up"_s,
                      tr("held by the scale-up stabilization window until %1 (lowest "
                         "recommendation in the last %2 s was %3)")
                          .arg(HpaModel::formatClock(until))
                          .arg(m_up.stabilizationWindowSeconds)
                          .arg(upRecommendation),
                      until);
        } else {
            const qint64 until = lastHigher + downWindowMs;
            addReason(d, u"stabilized.down"_s,
                      tr("held by the scale-down stabilization window until %1 (highest "
                         "recommendation in the last %2 s was %3)")
                          .arg(HpaModel::formatClock(until))
                          .arg(m_down.stabilizationWindowSeconds)
                          .arg(downRecommendation),
                      until);
        }
    }

    if (result < stabilized) {
        if (!upRateBound) {
            addReason(d, u"clamp.max"_s, tr("clamped at maxReplicas %1").arg(m_spec.maxReplicas));
        } else if (m_up.selectPolicy == HpaSelectPolicy::Disabled) {
            addReason(d, u"disabled.up"_s, tr("scaling up disabled (selectPolicy Disabled)"));
        } else if (up.policyIndex < 0) {
            addReason(d, u"limit.scaleUp"_s,
                      tr("capped by the scale-up policies: no scale-up allowed now"));
        } else if (up.periodStart == current) {
            addReason(d, u"limit.scaleUp"_s,
                      tr("capped by the scale-up policy: %1")
                          .arg(policyText(m_up.policies.at(up.policyIndex))));
        } else {
            addReason(d, u"limit.scaleUp"_s,
                      tr("capped by the scale-up policy: %1 (counted from %2 replicas at the "
                         "start of the period)")
                          .arg(policyText(m_up.policies.at(up.policyIndex)))
                          .arg(up.periodStart));
        }
    } else if (result > stabilized) {
        if (!downRateBound) {
            addReason(d, u"clamp.min"_s, tr("clamped at minReplicas %1").arg(m_spec.minReplicas));
        } else if (m_down.selectPolicy == HpaSelectPolicy::Disabled) {
            addReason(d, u"disabled.down"_s, tr("scaling down disabled (selectPolicy Disabled)"));
        } else if (down.policyIndex < 0) {
            addReason(d, u"limit.scaleDown"_s,
                      tr("capped by the scale-down policies: no scale-down allowed now"));
        } else if (down.periodStart == current) {
            addReason(d, u"limit.scaleDown"_s,
                      tr("capped by the scale-down policy: %1")
                          .arg(policyText(m_down.policies.at(down.policyIndex))));
        } else {
            addReason(d, u"limit.scaleDown"_s,
                      tr("capped by the scale-down policy: %1 (counted from %2 replicas at the "
                         "start of the period)")
                          .arg(policyText(m_down.policies.at(down.policyIndex)))
                          .arg(down.periodStart));
        }
    }
    return result;
}

HpaDecision Engine::sync(const HpaState &input, const QList<std::optional<HpaMetricValue>> &metrics)
{
    HpaDecision d;
    HpaState state = input;
    const int current = state.currentReplicas;
    d.currentReplicas = current;
    d.nextReplicas = current;

    // Keep the controller's memory bounded; the newest recommendation always stays so that an
    // idle history is not mistaken for a first sync.
    {
        const qint64 recCutoff = state.nowMs - kMaxWindowMs;
        auto &recs = state.recommendations;
        std::stable_sort(recs.begin(), recs.end(), [](const auto &a, const auto &b) {
            return a.timestampMs < b.timestampMs;
        });
        const auto firstKept = std::find_if(recs.begin(), recs.end(), [&](const auto &r) {
            return r.timestampMs >= recCutoff;
        });
        const qsizetype drop = std::min<qsizetype>(firstKept - recs.begin(), recs.size() - 1);
        if (drop > 0)
            recs.remove(0, drop);
        const qint64 eventCutoff = state.nowMs - kMaxPeriodMs;
        state.scaleEvents.removeIf([&](const HpaScaleEvent &e) {
            return e.timestampMs < eventCutoff || e.change == 0;
        });
    }
    // recordInitialRecommendation
    if (state.recommendations.isEmpty())
        state.recommendations.append({state.nowMs, current});

    const int minReplicas = m_spec.minReplicas;
    const int maxReplicas = m_spec.maxReplicas;
    if (minReplicas < 0 || maxReplicas < 1 || minReplicas > maxReplicas) {
        d.scalingActive = false;
        addReason(d, u"spec.invalid"_s,
                  tr("the HPA spec is invalid (minReplicas %1, maxReplicas %2): no change")
                      .arg(minReplicas)
                      .arg(maxReplicas));
        d.state = state;
        return d;
    }

    int desired = 0;
    if (current == 0 && minReplicas != 0) {
        d.scalingActive = false;
        addReason(d, u"disabled.zeroReplicas"_s,
                  tr("scaling disabled: the target has 0 replicas (the HPA does nothing until it "
                     "is scaled by hand)"));
        d.state = state;
        return d;
    }
    if (current > maxReplicas) {
        desired = maxReplicas;
        addReason(d, u"aboveMax"_s,
                  tr("%1 replicas are above maxReplicas %2: scaling to %2")
                      .arg(current)
                      .arg(maxReplicas));
    } else if (current < minReplicas) {
        desired = minReplicas;
        addReason(d, u"belowMin"_s,
                  tr("%1 replicas are below minReplicas %2: scaling to %2")
                      .arg(current)
                      .arg(minReplicas));
    } else {
        // computeReplicasForMetrics
        int replicas = 0;
        int invalid = 0;
        for (int i = 0; i < m_spec.metrics.size(); ++i) {
            const std::optional<HpaMetricValue> value =
                i < metrics.size() ? metrics.at(i) : std::nullopt;
            HpaMetricProposal p = propose(i, value, state);
            if (!p.valid) {
                ++invalid;
                addReason(d, u"metric.invalid"_s, tr("%1: %2").arg(p.description, p.error));
            } else {
                if (replicas == 0 || p.replicas > replicas)
                    replicas = p.replicas;
                if (p.withinTolerance) {
                    addReason(d, u"tolerance"_s,
                              tr("%1: within tolerance (ratio %2, tolerance %3): no change")
                                  .arg(p.description, fixed2(p.ratio), toleranceText()));
                } else {
                    addReason(d, u"metric"_s,
                              tr("%1: %2 against a target of %3 (ratio %4): %5 replicas")
                                  .arg(p.description, num(p.current), num(p.target),
                                       fixed2(p.ratio))
                                  .arg(p.replicas));
                }
            }
            d.proposals.append(p);
        }
        if (invalid >= m_spec.metrics.size()) {
            d.scalingActive = false;
            addReason(d, u"metrics.invalid"_s,
                      tr("no metric could be computed: no change"));
            d.state = state;
            return d;
        }
        if (invalid > 0 && replicas < current) {
            addReason(d, u"metrics.partial"_s,
                      tr("some metrics are missing and the others suggest scaling down: no change"));
            d.state = state;
            return d;
        }
        d.metricReplicas = replicas;
        desired = m_spec.behavior ? normalizeWithBehavior(d, state, replicas)
                                  : normalizeLegacy(d, state, replicas);
    }

    d.nextReplicas = desired;
    if (desired != current) {
        state.scaleEvents.append({state.nowMs, desired - current});
        state.currentReplicas = desired;
        state.statusReplicas = -1;
        state.readyPods = -1;
        addReason(d, u"result.scale"_s,
                  tr("scale from %1 to %2 replicas").arg(current).arg(desired));
    } else {
        addReason(d, u"result.none"_s, tr("no change: %1 replicas").arg(current));
    }
    d.state = state;
    return d;
}

// The load behind each metric, held constant while the replica count changes.
struct Load
{
    bool perPod = false;
    bool missing = false;
    double total = 0.0;        // per-pod metrics: average x pods (percent x pods for utilization)
    HpaMetricValue fixed;      // Object/External: unchanged
};

QList<Load> captureLoad(const HpaSpec &spec, const HpaState &state,
                        const QList<std::optional<HpaMetricValue>> &metrics)
{
    QList<Load> loads;
    const int ready = state.readyPods >= 0 ? state.readyPods : state.currentReplicas;
    for (int i = 0; i < spec.metrics.size(); ++i) {
        Load load;
        const std::optional<HpaMetricValue> value = i < metrics.size() ? metrics.at(i) : std::nullopt;
        const HpaMetricSpec &m = spec.metrics.at(i);
        load.missing = !value.has_value();
        load.perPod = isPerPod(m);
        if (value && load.perPod) {
            if (!value->podUsage.isEmpty()) {
                double usage = 0;
                double requests = 0;
                for (qsizetype k = 0; k < value->podUsage.size(); ++k) {
                    usage += value->podUsage.at(k);
                    requests += k < value->podRequest.size() ? value->podRequest.at(k) : 0.0;
                }
                const double pods = double(value->podUsage.size());
                if (m.targetType == HpaTargetType::Utilization)
                    load.total = requests > 0 ? usage * 100.0 / requests * pods : 0.0;
                else
                    load.total = usage;
            } else {
                load.total = value->current * ready;
            }
        } else if (value) {
            load.fixed = *value;
        }
        loads.append(load);
    }
    return loads;
}

QList<std::optional<HpaMetricValue>> project(const QList<Load> &loads, int replicas)
{
    QList<std::optional<HpaMetricValue>> out;
    for (const Load &load : loads) {
        if (load.missing || (load.perPod && replicas <= 0)) {
            out.append(std::nullopt);
        } else if (load.perPod) {
            out.append(HpaMetricValue::perPodAverageOfTotal(load.total, replicas));
        } else {
            out.append(load.fixed);
        }
    }
    return out;
}

} // namespace

HpaMetricValue HpaMetricValue::perPodAverageOfTotal(double total, int pods)
{
    // As the controller averages integer milli-values: sum / count, rounded down.
    HpaMetricValue v;
    if (pods > 0 && !std::isnan(total))
        v.current = double(toMilli(total) / pods) / 1000.0;
    return v;
}

HpaResolvedRules HpaModel::resolveScaleUp(const HpaSpec &spec, const HpaOptions &options)
{
    HpaResolvedRules r;
    r.stabilizationWindowSeconds = 0;
    r.selectPolicy = HpaSelectPolicy::Max;
    r.policies = {{HpaPolicyType::Pods, 4, 15}, {HpaPolicyType::Percent, 100, 15}};
    r.tolerance = options.tolerance;
    if (spec.behavior && spec.behavior->scaleUp) {
        const HpaScalingRules &rules = *spec.behavior->scaleUp;
        r.stabilizationWindowSeconds = rules.stabilizationWindowSeconds.value_or(r.stabilizationWindowSeconds);
        r.selectPolicy = rules.selectPolicy.value_or(r.selectPolicy);
        r.policies = rules.policies.value_or(r.policies);
        r.tolerance = rules.tolerance.value_or(r.tolerance);
    }
    return r;
}

HpaResolvedRules HpaModel::resolveScaleDown(const HpaSpec &spec, const HpaOptions &options)
{
    HpaResolvedRules r;
    r.stabilizationWindowSeconds = options.downscaleStabilizationSeconds;
    r.selectPolicy = HpaSelectPolicy::Max;
    r.policies = {{HpaPolicyType::Percent, 100, 15}};
    r.tolerance = options.tolerance;
    if (spec.behavior && spec.behavior->scaleDown) {
        const HpaScalingRules &rules = *spec.behavior->scaleDown;
        r.stabilizationWindowSeconds = rules.stabilizationWindowSeconds.value_or(r.stabilizationWindowSeconds);
        r.selectPolicy = rules.selectPolicy.value_or(r.selectPolicy);
        r.policies = rules.policies.value_or(r.policies);
        r.tolerance = rules.tolerance.value_or(r.tolerance);
    }
    return r;
}

HpaDecision HpaModel::sync(const HpaSpec &spec, const HpaState &state,
                           const QList<std::optional<HpaMetricValue>> &metrics,
                           const HpaOptions &options)
{
    Engine engine(spec, options);
    HpaDecision d = engine.sync(state, metrics);
    d.eventualReplicas = d.nextReplicas;
    d.eventualReached = d.nextReplicas == d.currentReplicas;
    d.eventualAtMs = state.nowMs;
    return d;
}

HpaDecision HpaModel::preview(const HpaSpec &spec, const HpaState &state,
                              const QList<std::optional<HpaMetricValue>> &metrics,
                              const HpaOptions &options)
{
    Engine engine(spec, options);
    HpaDecision first = engine.sync(state, metrics);
    first.trajectory.append({state.nowMs, first.currentReplicas});
    if (first.nextReplicas != first.currentReplicas)
        first.trajectory.append({state.nowMs, first.nextReplicas});
    first.eventualReplicas = first.nextReplicas;
    first.eventualAtMs = state.nowMs;

    const auto settled = [&](const HpaDecision &d) {
        if (d.nextReplicas != d.currentReplicas)
            return false;
        if (d.metricReplicas < 0)
            return true; // disabled, bounds, or no usable metric: nothing more to expect
        const int target = std::clamp(d.metricReplicas, engine.spec().minReplicas,
                                      engine.spec().maxReplicas);
        return target == d.currentReplicas || engine.blockedForever(d);
    };
    if (settled(first) || !first.scalingActive) {
        first.eventualReached = true;
        return first;
    }

    const QList<Load> loads = captureLoad(engine.spec(), state, metrics);
    const qint64 stepMs = qint64(std::max(1, options.syncPeriodSeconds)) * 1000;
    HpaState sim = first.state;
    for (int i = 0; i < options.maxSimulatedSyncs; ++i) {
        sim.nowMs += stepMs;
        sim.readyPods = -1;
        sim.statusReplicas = -1;
        const HpaDecision d = engine.sync(sim, project(loads, sim.currentReplicas));
        if (d.nextReplicas != d.currentReplicas) {
            first.trajectory.append({sim.nowMs, d.nextReplicas});
            first.eventualAtMs = sim.nowMs;
        }
        first.eventualReplicas = d.nextReplicas;
        sim = d.state;
        if (settled(d)) {
            first.eventualReached = true;
            return first;
        }
    }
    first.eventualReached = false;
    return first;
}

QString HpaModel::formatClock(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toString(u"HH:mm:ss"_s);
}

} // namespace tideline
