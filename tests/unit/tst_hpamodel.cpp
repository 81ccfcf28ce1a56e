#include "core/HpaModel.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tideline;

using Metrics = QList<std::optional<HpaMetricValue>>;
Q_DECLARE_METATYPE(tideline::HpaSpec)
Q_DECLARE_METATYPE(tideline::HpaState)
Q_DECLARE_METATYPE(Metrics)

namespace {

constexpr qint64 T0 = Q_INT64_C(1'700'000'000'000);
constexpr qint64 S = 1000; // one second in ms

HpaSpec podsSpec(int min, int max, double target = 10.0)
{
    HpaSpec spec;
    spec.minReplicas = min;
    spec.maxReplicas = max;
    spec.metrics = {{HpaMetricSourceType::Pods, u"messages"_s, {}, HpaTargetType::AverageValue, target}};
    return spec;
}

HpaSpec cpuSpec(int min, int max, double targetPercent)
{
    HpaSpec spec;
    spec.minReplicas = min;
    spec.maxReplicas = max;
    spec.metrics = {{HpaMetricSourceType::Resource, u"cpu"_s, {}, HpaTargetType::Utilization,
                     targetPercent}};
    return spec;
}

HpaSpec withBehavior(HpaSpec spec, std::optional<HpaScalingRules> up = {},
                     std::optional<HpaScalingRules> down = {})
{
    spec.behavior = HpaBehavior{std::move(up), std::move(down)};
    return spec;
}

HpaScalingRules rules(std::optional<int> window, std::optional<HpaSelectPolicy> select = {},
                      std::optional<QList<HpaScalingPolicy>> policies = {})
{
    HpaScalingRules r;
    r.stabilizationWindowSeconds = window;
    r.selectPolicy = select;
    r.policies = std::move(policies);
    return r;
}

// A controller that has been running for a while: one recommendation too old to matter.
HpaState state(int current, QList<HpaRecommendation> recs = {{T0 - 3000 * S, 1}},
               QList<HpaScaleEvent> events = {}, qint64 now = T0)
{
    HpaState s;
    s.nowMs = now;
    s.currentReplicas = current;
    s.recommendations = std::move(recs);
    s.scaleEvents = std::move(events);
    return s;
}

Metrics value(double v)
{
    HpaMetricValue m;
    m.current = v;
    return {m};
}

Metrics queue(double total, int pods)
{
    return {HpaMetricValue::perPodAverageOfTotal(total, pods)};
}

QStringList codes(const HpaDecision &d)
{
    QStringList out;
    for (const HpaReason &r : d.reasons)
        out.append(r.code);
    return out;
}

QString texts(const HpaDecision &d)
{
    QStringList out;
    for (const HpaReason &r : d.reasons)
        out.append(r.code + u": "_s + r.text);
    return out.join(u"\n"_s);
}

const HpaReason *reason(const HpaDecision &d, QStringView code)
{
    for (const HpaReason &r : d.reasons) {
        if (r.code == code)
            return &r;
    }
    return nullptr;
}

} // namespace

// The HPA preview against cases worked out from the Kubernetes controller source and the
// HPA documentation (algorithm details, configurable scaling behavior, the walkthrough).
class TestHpaModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    // One sync: spec + controller memory + metric value -> next replicas and the reason.
    void decide_data()
    {
        QTest::addColumn<HpaSpec>("spec");
        QTest::addColumn<HpaState>("st");
        QTest::addColumn<Metrics>("metrics");
        QTest::addColumn<int>("next");
        QTest::addColumn<QString>("code");

        const HpaSpec pods = podsSpec(1, 20);
        // Tolerance: no change while 0.9 <= ratio <= 1.1 (isWithin, both edges inclusive).
        QTest::newRow("ratio 1.0") << pods << state(10) << value(10) << 10 << u"tolerance"_s;
        QTest::newRow("ratio exactly 1.1 is within") << pods << state(10) << value(11) << 10 << u"tolerance"_s;
        QTest::newRow("ratio 1.1001 scales") << pods << state(10) << value(11.001) << 12 << u"metric"_s;
        QTest::newRow("ratio exactly 0.9 is within") << pods << state(10) << value(9) << 10 << u"tolerance"_s;
        QTest::newRow("ratio 0.8999 scales down") << pods << state(10) << value(8.999) << 9 << u"metric"_s;
        QTest::newRow("ratio 1.2") << pods << state(10) << value(12) << 12 << u"result.scale"_s;
        // The controller compares milli-units: 11.0004 rounds up to 11001m.
        QTest::newRow("milli rounding") << pods << state(10) << value(11.0004) << 12 << u"metric"_s;

        const HpaSpec cpu = cpuSpec(1, 20, 50);
        QTest::newRow("cpu 55% of 50% within") << cpu << state(10) << value(55) << 10 << u"tolerance"_s;
        // Utilization is an integer percentage: 55.9 % reads as 55 %.
        QTest::newRow("cpu 55.9% truncates") << cpu << state(10) << value(55.9) << 10 << u"tolerance"_s;
        QTest::newRow("cpu 56% scales") << cpu << state(10) << value(56) << 12 << u"metric"_s;
        QTest::newRow("cpu 25% halves") << cpu << state(10) << value(25) << 5 << u"metric"_s;

        // Configurable tolerance (behavior.scaleUp/scaleDown.tolerance).
        HpaScalingRules tightUp;
        tightUp.tolerance = 0.05;
        HpaScalingRules looseDown;
        looseDown.tolerance = 0.2;
        looseDown.stabilizationWindowSeconds = 0;
        const HpaSpec tolerant = withBehavior(cpu, tightUp, looseDown);
        QTest::newRow("tolerance up 0.05") << tolerant << state(10) << value(53) << 11 << u"metric"_s;
        QTest::newRow("tolerance down 0.2") << tolerant << state(10) << value(41) << 10 << u"tolerance"_s;
        QTest::newRow("tolerance down 0.2 exceeded") << tolerant << state(10) << value(39) << 8 << u"metric"_s;

        // Legacy (no spec.behavior): scale-up at most max(2 x current, 4) per sync.
        const HpaSpec wide = podsSpec(1, 100);
        QTest::newRow("legacy limit from 1 is 4") << wide << state(1) << value(100) << 4 << u"limit.scaleUp"_s;
        QTest::newRow("legacy limit from 2 is 4") << wide << state(2) << value(100) << 4 << u"limit.scaleUp"_s;
        QTest::newRow("legacy limit from 5 is 10") << wide << state(5) << value(100) << 10 << u"limit.scaleUp"_s;
        QTest::newRow("legacy below limit") << wide << state(5) << value(15) << 8 << u"result.scale"_s;
        // Legacy scale-down has no rate limit once the window allows it.
        QTest::newRow("legacy down in one step") << wide << state(50) << value(1) << 5 << u"result.scale"_s;

        // Clamps.
        const HpaSpec narrow = podsSpec(2, 5);
        QTest::newRow("clamp max") << narrow << state(3) << value(30) << 5 << u"clamp.max"_s;
        QTest::newRow("clamp min") << narrow << state(3) << value(1) << 2 << u"clamp.min"_s;
        QTest::newRow("above max, metrics ignored") << narrow << state(12) << Metrics{} << 5 << u"aboveMax"_s;
        QTest::newRow("below min, metrics ignored") << narrow << state(1) << value(0) << 2 << u"belowMin"_s;
        QTest::newRow("zero replicas disables") << narrow << state(0) << value(500) << 0 << u"disabled.zeroReplicas"_s;
        QTest::newRow("invalid spec") << podsSpec(5, 2) << state(3) << value(30) << 3 << u"spec.invalid"_s;

        // Default behavior (spec.behavior present, every field defaulted).
        const HpaSpec defaults = withBehavior(wide);
        QTest::newRow("default up: 4 pods beats 100%") << defaults << state(2) << value(100) << 6 << u"limit.scaleUp"_s;
        QTest::newRow("default up: 100% beats 4 pods") << defaults << state(10) << value(100) << 20 << u"limit.scaleUp"_s;
        QTest::newRow("default up: period already used")
            << defaults << state(6, {{T0 - 3000 * S, 1}}, {{T0 - 10 * S, +4}}) << value(100) << 6
            << u"limit.scaleUp"_s;
        QTest::newRow("default up: event at the period edge is outside")
            << defaults << state(6, {{T0 - 3000 * S, 1}}, {{T0 - 15 * S, +4}}) << value(100) << 12
            << u"limit.scaleUp"_s;
        QTest::newRow("default up: a scale-down in the period counts too")
            << defaults << state(6, {{T0 - 3000 * S, 1}}, {{T0 - 5 * S, -2}}) << value(100) << 16
            << u"limit.scaleUp"_s;
        QTest::newRow("default down: 100% per 15 s") << defaults << state(10) << value(3) << 3 << u"result.scale"_s;
        QTest::newRow("default down: clamp min") << withBehavior(podsSpec(4, 100)) << state(10) << value(1) << 4
                                                  << u"clamp.min"_s;

        // Scale-down policies from the documentation: Pods 4/60 s and Percent 10/60 s.
        const QList<HpaScalingPolicy> docsDown = {{HpaPolicyType::Pods, 4, 60},
                                                  {HpaPolicyType::Percent, 10, 60}};
        const HpaSpec docsMax = withBehavior(podsSpec(1, 100), {}, rules(0, {}, docsDown));
        QTest::newRow("docs: 80 -> 72 (10%)") << docsMax << state(80) << value(1) << 72 << u"limit.scaleDown"_s;
        QTest::newRow("docs: 72 -> 64 (7.2 rounds to 8)") << docsMax << state(72) << value(1) << 64
                                                          << u"limit.scaleDown"_s;
        QTest::newRow("docs: below 40 the Pods policy wins") << docsMax << state(30) << value(1) << 26
                                                             << u"limit.scaleDown"_s;
        QTest::newRow("docs: period used up")
            << docsMax << state(72, {{T0 - 3000 * S, 1}}, {{T0 - 15 * S, -8}}) << value(1) << 72
            << u"limit.scaleDown"_s;
        const QList<HpaScalingPolicy> docsMinPolicies = {{HpaPolicyType::Percent, 10, 60},
                                                         {HpaPolicyType::Pods, 5, 60}};
        const HpaSpec docsMin = withBehavior(podsSpec(1, 100), {},
                                             rules(0, HpaSelectPolicy::Min, docsMinPolicies));
        QTest::newRow("select Min: 80 -> 75 (5 pods)") << docsMin << state(80) << value(1) << 75 << u"limit.scaleDown"_s;
        QTest::newRow("select Min: 30 -> 27 (10%)") << docsMin << state(30) << value(1) << 27 << u"limit.scaleDown"_s;
        QTest::newRow("select Min up: 2 -> 4")
            << withBehavior(wide, rules({}, HpaSelectPolicy::Min)) << state(2) << value(100) << 4
            << u"limit.scaleUp"_s;
        QTest::newRow("scale-down disabled")
            << withBehavior(wide, {}, rules(0, HpaSelectPolicy::Disabled)) << state(10) << value(3) << 10
            << u"disabled.down"_s;
        QTest::newRow("scale-up disabled")
            << withBehavior(wide, rules({}, HpaSelectPolicy::Disabled)) << state(10) << value(30) << 10
            << u"disabled.up"_s;
        QTest::newRow("scale-up disabled, down still works")
            << withBehavior(wide, rules({}, HpaSelectPolicy::Disabled), rules(0)) << state(10) << value(3)
            << 3 << u"result.scale"_s;

        // Stabilization windows.
        const HpaSpec stable = withBehavior(podsSpec(1, 20));
        QTest::newRow("down window holds at the highest")
            << stable << state(8, {{T0 - 200 * S, 8}, {T0 - 100 * S, 6}}) << value(5) << 8
            << u"stabilized.down"_s;
        QTest::newRow("down window steps to the next highest")
            << stable << state(8, {{T0 - 301 * S, 8}, {T0 - 100 * S, 6}}) << value(5) << 6
            << u"stabilized.down"_s;
        QTest::newRow("behavior: the window edge is outside")
            << stable << state(8, {{T0 - 300 * S, 8}}) << value(5) << 4 << u"result.scale"_s;
        QTest::newRow("legacy: the window edge is inside")
            << podsSpec(1, 20) << state(8, {{T0 - 300 * S, 8}}) << value(5) << 8 << u"stabilized.down"_s;
        QTest::newRow("no up window by default")
            << stable << state(3, {{T0 - 10 * S, 3}}) << value(20) << 6 << u"result.scale"_s;
        const HpaSpec upWindow = withBehavior(podsSpec(1, 20), rules(60));
        QTest::newRow("up window holds at the lowest")
            << upWindow << state(3, {{T0 - 30 * S, 3}, {T0 - 90 * S, 2}}) << value(20) << 3
            << u"stabilized.up"_s;
        QTest::newRow("up window allows the lowest recent")
            << upWindow << state(3, {{T0 - 30 * S, 5}, {T0 - 45 * S, 7}}) << value(20) << 5
            << u"stabilized.up"_s;
        QTest::newRow("first sync holds a scale-down")
            << stable << state(8, {}) << value(5) << 8 << u"stabilized.down"_s;
        QTest::newRow("first sync does not hold a scale-up")
            << stable << state(4, {}) << value(20) << 8 << u"result.scale"_s;
        QTest::newRow("custom down window 60")
            << withBehavior(podsSpec(1, 20), {}, rules(60)) << state(8, {{T0 - 61 * S, 8}}) << value(5)
            << 4 << u"result.scale"_s;

        // Several metrics: the largest proposal wins; a missing one blocks only scale-down.
        HpaSpec multi = cpuSpec(1, 20, 50);
        multi.metrics.append({HpaMetricSourceType::Pods, u"messages"_s, {}, HpaTargetType::AverageValue, 10});
        HpaMetricValue cpu75;
        cpu75.current = 75;
        HpaMetricValue msg20;
        msg20.current = 20;
        HpaMetricValue cpu20;
        cpu20.current = 20;
        QTest::newRow("two metrics: max") << multi << state(4) << Metrics{cpu75, msg20} << 8 << u"metric"_s;
        QTest::newRow("two metrics: other order") << multi << state(4) << Metrics{cpu20, msg20} << 8
                                                 << u"result.scale"_s;
        QTest::newRow("one missing, other scales up") << multi << state(4) << Metrics{std::nullopt, msg20} << 8
                                                      << u"metric.invalid"_s;
        QTest::newRow("one missing, other scales down") << multi << state(4) << Metrics{cpu20, std::nullopt}
                                                        << 4 << u"metrics.partial"_s;
        QTest::newRow("all missing") << multi << state(4) << Metrics{} << 4 << u"metrics.invalid"_s;
        QTest::newRow("NaN metric is missing") << pods << state(4) << value(qQNaN()) << 4 << u"metrics.invalid"_s;

        // Object and External metrics.
        HpaSpec external = podsSpec(1, 20, 30);
        external.metrics[0].source = HpaMetricSourceType::External;
        HpaState fourReplicas = state(4);
        QTest::newRow("external AverageValue: ceil(total/target), legacy limit")
            << external << fourReplicas << value(500) << 8 << u"limit.scaleUp"_s;
        QTest::newRow("external AverageValue: within on status replicas")
            << external << state(17) << value(500) << 17 << u"tolerance"_s;
        HpaState statusLags = state(10);
        statusLags.statusReplicas = 8;
        // 250 / (30 x 8) = 1.04 is within tolerance, and the controller then proposes
        // status.replicas (8), not spec.replicas.
        QTest::newRow("external AverageValue: divides by status.replicas")
            << external << statusLags << value(250) << 8 << u"tolerance"_s;
        HpaSpec externalValue = podsSpec(1, 20, 100);
        externalValue.metrics[0].source = HpaMetricSourceType::External;
        externalValue.metrics[0].targetType = HpaTargetType::Value;
        QTest::newRow("external Value: ratio x ready pods") << externalValue << state(4) << value(150) << 6
                                                            << u"metric"_s;
        HpaState threeReady = state(4);
        threeReady.readyPods = 3;
        QTest::newRow("external Value: only ready pods count") << externalValue << threeReady << value(200)
                                                               << 6 << u"metric"_s;
        HpaSpec objectValue = externalValue;
        objectValue.metrics[0].source = HpaMetricSourceType::Object;
        objectValue.minReplicas = 0;
        QTest::newRow("object Value: from zero with minReplicas 0") << objectValue << state(0) << value(250)
                                                                     << 3 << u"result.scale"_s;
        HpaSpec objectUtil = objectValue;
        objectUtil.metrics[0].targetType = HpaTargetType::Utilization;
        QTest::newRow("object Utilization is invalid") << objectUtil << state(3) << value(250) << 3
                                                       << u"metrics.invalid"_s;
        HpaSpec podsValue = podsSpec(1, 20);
        podsValue.metrics[0].targetType = HpaTargetType::Value;
        QTest::newRow("pods Value is invalid") << podsValue << state(3) << value(250) << 3 << u"metrics.invalid"_s;

        // Per-pod detail: utilisation from usages and requests.
        HpaMetricValue perPod;
        perPod.podUsage = {0.3, 0.5};
        perPod.podRequest = {0.5, 0.5};
        QTest::newRow("cpu from pod usage/request: 80% of 50%") << cpuSpec(1, 10, 50) << state(2)
                                                               << Metrics{perPod} << 4 << u"metric"_s;
        HpaMetricValue perPodMessages;
        perPodMessages.podUsage = {30, 10, 20};
        QTest::newRow("pods metric from per-pod values") << podsSpec(1, 10) << state(3)
                                                        << Metrics{perPodMessages} << 6 << u"metric"_s;
        HpaMetricValue mismatched;
        mismatched.podUsage = {0.3, 0.5};
        mismatched.podRequest = {0.5};
        QTest::newRow("usage/request lists differ") << cpuSpec(1, 10, 50) << state(2) << Metrics{mismatched}
                                                   << 2 << u"metrics.invalid"_s;
        QTest::newRow("no metrics in spec: the API's 80% CPU")
            << HpaSpec{1, 10, {}, {}} << state(2) << value(160) << 4 << u"metric"_s;
    }
    void decide()
    {
        QFETCH(HpaSpec, spec);
        QFETCH(HpaState, st);
        QFETCH(Metrics, metrics);
        QFETCH(int, next);
        QFETCH(QString, code);
        const HpaDecision d = HpaModel::sync(spec, st, metrics);
        QVERIFY2(d.nextReplicas == next,
                 qPrintable(u"next %1, expected %2\n%3"_s.arg(d.nextReplicas).arg(next).arg(texts(d))));
        QVERIFY2(codes(d).contains(code), qPrintable(u"no reason %1 in\n%2"_s.arg(code, texts(d))));
        for (const HpaReason &r : d.reasons)
            QVERIFY(!r.text.isEmpty());
        // The controller's memory moves on with the decision.
        QCOMPARE(d.state.nowMs, st.nowMs);
        QCOMPARE(d.state.currentReplicas, next);
        if (next != st.currentReplicas)
            QCOMPARE(d.state.scaleEvents.last(), (HpaScaleEvent{st.nowMs, next - st.currentReplicas}));
        // A sync is pure: the same input gives the same answer.
        QCOMPARE(HpaModel::sync(spec, st, metrics).nextReplicas, next);
    }

    // The walkthrough behind Tideline's demo: a Pods metric `messages`, target average 10,
    // min 2, max 10, workers 2 -> 4 -> 8 -> 10, then the queue drains.
    void classicDemo()
    {
        const HpaSpec spec = podsSpec(2, 10);
        HpaState s;
        s.nowMs = T0;
        s.currentReplicas = 2;

        // 40 messages over 2 pods: 20 each, ratio 2 -> 4.
        HpaDecision d = HpaModel::preview(spec, s, queue(40, 2));
        QCOMPARE(d.nextReplicas, 4);
        QCOMPARE(d.proposals.first().current, 20.0);
        QCOMPARE(d.proposals.first().ratio, 2.0);
        QCOMPARE(d.eventualReplicas, 4); // at 4 pods the average is 10: on target
        QVERIFY(d.eventualReached);

        // 160 over 4: ratio 4 wants 16, the legacy limit allows max(2 x 4, 4) = 8.
        s = d.state;
        s.nowMs += 15 * S;
        d = HpaModel::preview(spec, s, queue(160, 4));
        QCOMPARE(d.metricReplicas, 16);
        QCOMPARE(d.nextReplicas, 8);
        QCOMPARE(reason(d, u"limit.scaleUp")->text,
                 u"capped by the scale-up limit: at most 8 replicas in one sync (twice the current 4, at least 4)"_s);
        QCOMPARE(d.eventualReplicas, 10);
        QCOMPARE(d.trajectory, (QList<HpaTrajectoryPoint>{{s.nowMs, 4}, {s.nowMs, 8}, {s.nowMs + 15 * S, 10}}));

        // 400 over 8: ratio 5 wants 40, clamped at maxReplicas 10.
        s = d.state;
        s.nowMs += 15 * S;
        d = HpaModel::sync(spec, s, queue(400, 8));
        QCOMPARE(d.metricReplicas, 40);
        QCOMPARE(d.nextReplicas, 10);
        QCOMPARE(reason(d, u"clamp.max")->text, u"clamped at maxReplicas 10"_s);

        // Draining: 20 messages over 10 pods wants 2, held by the 300 s window whose highest
        // (unclamped) recommendation is 40 from the last sync.
        const qint64 peak = s.nowMs;
        s = d.state;
        s.nowMs += 15 * S;
        d = HpaModel::preview(spec, s, queue(20, 10));
        QCOMPARE(d.metricReplicas, 2);
        QCOMPARE(d.nextReplicas, 10);
        const HpaReason *held = reason(d, u"stabilized.down");
        QVERIFY(held);
        QCOMPARE(held->untilMs, peak + 300 * S);
        QCOMPARE(held->text, u"held by the scale-down stabilization window until %1 (highest "
                             u"recommendation in the last 300 s was 40)"_s
                                 .arg(HpaModel::formatClock(peak + 300 * S)));
        // Legacy: a recommendation exactly 300 s old still counts, so the drop comes one sync
        // later, straight to 2 (no scale-down rate limit without spec.behavior).
        QCOMPARE(d.eventualReplicas, 2);
        QVERIFY(d.eventualReached);
        QCOMPARE(d.eventualAtMs, peak + 315 * S);
        QCOMPARE(d.trajectory, (QList<HpaTrajectoryPoint>{{s.nowMs, 10}, {peak + 315 * S, 2}}));

        // Step through the same drain sync by sync, as the UI would.
        for (qint64 t = s.nowMs; t < peak + 315 * S; t += 15 * S) {
            s = d.state;
            s.nowMs = t + 15 * S;
            d = HpaModel::sync(spec, s, queue(20, 10));
            const int expected = s.nowMs < peak + 315 * S ? 10 : 2;
            QCOMPARE(d.nextReplicas, expected);
        }
    }

    // Scaling down from 80 to 10 under the documentation's Pods 4 / Percent 10 per 60 s.
    void docsScaleDownSequence()
    {
        const QList<HpaScalingPolicy> policies = {{HpaPolicyType::Pods, 4, 60},
                                                  {HpaPolicyType::Percent, 10, 60}};
        const HpaSpec spec = withBehavior(podsSpec(1, 100), {}, rules(0, {}, policies));
        HpaState s = state(80);
        // Load for 10 pods at target: 100 messages in total.
        HpaDecision d = HpaModel::preview(spec, s, queue(100, 80));
        QCOMPARE(d.nextReplicas, 72);
        QCOMPARE(reason(d, u"limit.scaleDown")->text, u"capped by the scale-down policy: at most 10 % per 60 s"_s);
        QVERIFY(d.eventualReached);
        QCOMPARE(d.eventualReplicas, 10);
        QList<int> steps;
        for (const HpaTrajectoryPoint &p : d.trajectory)
            steps.append(p.replicas);
        // 10 % (rounded up) while above 40, then 4 pods a minute.
        QCOMPARE(steps, (QList<int>{80, 72, 64, 57, 51, 45, 40, 36, 32, 28, 24, 20, 16, 12, 10}));
        // One step per 60 s period.
        QCOMPARE(d.trajectory.at(2).timestampMs - d.trajectory.at(1).timestampMs, 60 * S);

        // Within the period the next sync is capped and says from where it counts.
        s = d.state;
        s.nowMs += 15 * S;
        d = HpaModel::sync(spec, s, queue(100, 72));
        QCOMPARE(d.nextReplicas, 72);
        QCOMPARE(reason(d, u"limit.scaleDown")->text,
                 u"capped by the scale-down policy: at most 10 % per 60 s (counted from 80 replicas at the start of the period)"_s);
    }

    void reasonTexts()
    {
        const HpaDecision within = HpaModel::sync(podsSpec(1, 20), state(10), value(10.4));
        QCOMPARE(reason(within, u"tolerance")->text,
                 u"pods metric messages: within tolerance (ratio 1.04, tolerance 0.10): no change"_s);
        QCOMPARE(reason(within, u"result.none")->text, u"no change: 10 replicas"_s);

        const HpaDecision up = HpaModel::sync(withBehavior(podsSpec(1, 100)), state(2), value(100));
        QCOMPARE(reason(up, u"limit.scaleUp")->text, u"capped by the scale-up policy: at most 4 pods per 15 s"_s);
        QCOMPARE(reason(up, u"metric")->text,
                 u"pods metric messages: 100 against a target of 10 (ratio 10.00): 20 replicas"_s);
        QCOMPARE(reason(up, u"result.scale")->text, u"scale from 2 to 6 replicas"_s);

        const HpaDecision clampMin = HpaModel::sync(podsSpec(2, 5), state(3), value(1));
        QCOMPARE(reason(clampMin, u"clamp.min")->text, u"clamped at minReplicas 2"_s);

        const HpaDecision off = HpaModel::sync(withBehavior(podsSpec(1, 20), {}, rules(0, HpaSelectPolicy::Disabled)),
                                               state(10), value(3));
        QCOMPARE(reason(off, u"disabled.down")->text, u"scaling down disabled (selectPolicy Disabled)"_s);

        HpaScalingRules asym;
        asym.tolerance = 0.05;
        const HpaDecision asymmetric = HpaModel::sync(withBehavior(podsSpec(1, 20), asym), state(10), value(10.2));
        QCOMPARE(reason(asymmetric, u"tolerance")->text,
                 u"pods metric messages: within tolerance (ratio 1.02, tolerance -0.10/+0.05): no change"_s);

        const HpaDecision upHeld = HpaModel::sync(withBehavior(podsSpec(1, 20), rules(60)),
                                                  state(3, {{T0 - 30 * S, 3}, {T0 - 90 * S, 2}}), value(20));
        QCOMPARE(reason(upHeld, u"stabilized.up")->untilMs, T0 + 30 * S);
        QCOMPARE(reason(upHeld, u"stabilized.up")->text,
                 u"held by the scale-up stabilization window until %1 (lowest recommendation in the last 60 s was 3)"_s
                     .arg(HpaModel::formatClock(T0 + 30 * S)));

        // A window that did not change the outcome is not mentioned: the rate limit alone
        // gives 8 whether the window's 20 or the metric's 40 is the goal.
        const HpaDecision masked = HpaModel::sync(withBehavior(podsSpec(1, 100), rules(60)),
                                                  state(4, {{T0 - 30 * S, 20}}), value(100));
        QCOMPARE(masked.stabilizedReplicas, 20);
        QCOMPARE(masked.nextReplicas, 8);
        QCOMPARE(codes(masked), (QStringList{u"metric"_s, u"limit.scaleUp"_s, u"result.scale"_s}));

        const HpaDecision missing = HpaModel::sync(podsSpec(1, 20), state(4), Metrics{});
        QCOMPARE(reason(missing, u"metric.invalid")->text, u"pods metric messages: metric missing"_s);
        QVERIFY(!missing.scalingActive);

        const HpaDecision zero = HpaModel::preview(podsSpec(1, 20), state(0), value(50));
        QVERIFY(!zero.scalingActive);
        QCOMPARE(zero.eventualReplicas, 0);
        QVERIFY(zero.eventualReached);
    }

    // The UI's slider: the same state with another metric value; nothing is mutated.
    void whatIf()
    {
        const HpaSpec spec = withBehavior(podsSpec(2, 10));
        const HpaState s = state(4, {{T0 - 60 * S, 4}});
        const HpaState copy = s;
        const HpaDecision calm = HpaModel::preview(spec, s, queue(40, 4));
        const HpaDecision surge = HpaModel::preview(spec, s, queue(400, 4));
        const HpaDecision quiet = HpaModel::preview(spec, s, queue(4, 4));
        QCOMPARE(calm.nextReplicas, 4);
        QCOMPARE(calm.eventualReplicas, 4);
        QCOMPARE(surge.nextReplicas, 8);      // 4 + max(4 pods, 100 %) in 15 s
        QCOMPARE(surge.eventualReplicas, 10); // then clamped at max
        QCOMPARE(quiet.nextReplicas, 4);      // held by the 300 s window (initial 4 at T0-60)
        QCOMPARE(quiet.eventualReplicas, 2);
        QCOMPARE(quiet.eventualAtMs, T0 + 240 * S);
        QCOMPARE(s.recommendations, copy.recommendations);
        QCOMPARE(s.currentReplicas, copy.currentReplicas);
        // The chained state records this sync's raw recommendation and the scale event.
        QCOMPARE(surge.state.recommendations.last(), (HpaRecommendation{T0, 40}));
        QCOMPARE(surge.state.scaleEvents, (QList<HpaScaleEvent>{{T0, 4}}));
        QCOMPARE(surge.state.currentReplicas, 8);
    }

    void simulationIsBounded()
    {
        // A policy that never allows growth keeps the preview pending, not spinning.
        const HpaSpec stuck = withBehavior(podsSpec(1, 20), rules({}, {}, QList<HpaScalingPolicy>{{HpaPolicyType::Pods, 0, 15}}));
        HpaOptions options;
        options.maxSimulatedSyncs = 50;
        const HpaDecision d = HpaModel::preview(stuck, state(2), value(50), options);
        QCOMPARE(d.nextReplicas, 2);
        QVERIFY(!d.eventualReached);
        QCOMPARE(d.eventualReplicas, 2);
        // Disabled is a permanent answer, not a pending one.
        const HpaDecision off = HpaModel::preview(withBehavior(podsSpec(1, 20), rules({}, HpaSelectPolicy::Disabled)),
                                                  state(2), value(50), options);
        QVERIFY(off.eventualReached);
        QCOMPARE(off.eventualReplicas, 2);
        // External value that does not respond to replicas runs to max.
        HpaSpec ext = podsSpec(1, 30, 100);
        ext.metrics[0].source = HpaMetricSourceType::External;
        ext.metrics[0].targetType = HpaTargetType::Value;
        const HpaDecision runaway = HpaModel::preview(ext, state(2), value(150));
        QVERIFY(runaway.eventualReached);
        QCOMPARE(runaway.eventualReplicas, 30);
    }

    void historyStaysBounded()
    {
        // Long chains keep only what a window can see (plus the newest entry).
        const HpaSpec spec = withBehavior(podsSpec(1, 20), {}, rules(0));
        HpaState s = state(5);
        int changes = 0;
        for (int i = 0; i < 1000; ++i) {
            const double total = i % 2 ? 200 : 20; // flapping load: a scale event every sync
            const HpaDecision d = HpaModel::sync(spec, s, queue(total, s.currentReplicas));
            changes += d.nextReplicas != d.currentReplicas;
            s = d.state;
            s.nowMs += 15 * S;
        }
        QVERIFY(changes > 900);
        QVERIFY(s.recommendations.size() <= 3600 / 15 + 1);
        QVERIFY(s.scaleEvents.size() <= 1800 / 15 + 1);
        QVERIFY(!s.recommendations.isEmpty());
    }

    // Without spec.behavior the controller applies the highest recommendation of the window
    // even above the current count: a scale-up that was rate-limited earlier is completed
    // although the metric now says "scale down". With a behavior it holds instead.
    void legacyRollingMaximum()
    {
        const HpaState s = state(8, {{T0 - 60 * S, 16}});
        const HpaDecision legacy = HpaModel::sync(podsSpec(1, 20), s, value(5));
        QCOMPARE(legacy.metricReplicas, 4);
        QCOMPARE(legacy.stabilizedReplicas, 16);
        QCOMPARE(legacy.nextReplicas, 16);
        QCOMPARE(reason(legacy, u"stabilized.down")->text,
                 u"the highest recommendation in the last 300 s was 16 and the HPA applies it although "
                 u"the metrics now want 4 (no spec.behavior: rolling maximum until %1)"_s
                     .arg(HpaModel::formatClock(T0 + 240 * S)));
        const HpaDecision behavior = HpaModel::sync(withBehavior(podsSpec(1, 20)), s, value(5));
        QCOMPARE(behavior.stabilizedReplicas, 8);
        QCOMPARE(behavior.nextReplicas, 8);
    }

    // Random specs, histories and values: never outside the bounds, never against the metric.
    void randomInvariants()
    {
        QRandomGenerator rng(424242);
        for (int round = 0; round < 3000; ++round) {
            const int min = int(rng.bounded(4));
            HpaSpec spec = podsSpec(min, min + 1 + int(rng.bounded(30)), 1 + rng.bounded(50.0));
            if (rng.bounded(3) == 0)
                spec.metrics[0] = {HpaMetricSourceType::External, u"q"_s, {},
                                   rng.bounded(2) ? HpaTargetType::Value : HpaTargetType::AverageValue,
                                   1 + rng.bounded(100.0)};
            if (rng.bounded(2)) {
                HpaScalingRules up;
                HpaScalingRules down;
                up.stabilizationWindowSeconds = int(rng.bounded(120));
                down.stabilizationWindowSeconds = int(rng.bounded(600));
                const HpaSelectPolicy selects[] = {HpaSelectPolicy::Max, HpaSelectPolicy::Min,
                                                   HpaSelectPolicy::Disabled};
                up.selectPolicy = selects[rng.bounded(3)];
                down.selectPolicy = selects[rng.bounded(3)];
                down.policies = QList<HpaScalingPolicy>{
                    {rng.bounded(2) ? HpaPolicyType::Pods : HpaPolicyType::Percent,
                     1 + int(rng.bounded(100)), 15 + 15 * int(rng.bounded(8))}};
                spec.behavior = HpaBehavior{up, down};
            }
            HpaState s;
            s.nowMs = T0;
            s.currentReplicas = int(rng.bounded(spec.maxReplicas + 5));
            for (int k = int(rng.bounded(20)); k > 0; --k)
                s.recommendations.append({T0 - qint64(rng.bounded(900)) * S, int(rng.bounded(50))});
            for (int k = int(rng.bounded(6)); k > 0; --k)
                s.scaleEvents.append({T0 - qint64(rng.bounded(200)) * S, int(rng.bounded(21)) - 10});
            const Metrics m = rng.bounded(10) == 0 ? Metrics{} : value(rng.bounded(1000.0));

            const HpaDecision d = HpaModel::preview(spec, s, m);
            const QString context = u"round %1\n%2"_s.arg(round).arg(texts(d));
            if (d.scalingActive && s.currentReplicas >= spec.minReplicas
                && s.currentReplicas <= spec.maxReplicas) {
                QVERIFY2(d.nextReplicas >= spec.minReplicas && d.nextReplicas <= spec.maxReplicas,
                         qPrintable(context));
                if (d.metricReplicas > s.currentReplicas)
                    QVERIFY2(d.nextReplicas >= s.currentReplicas, qPrintable(context));
                // With a behavior the stabilised value stays between current and the metric;
                // the legacy rolling maximum may still go up (see legacyRollingMaximum).
                if (spec.behavior && d.metricReplicas >= 0 && d.metricReplicas < s.currentReplicas)
                    QVERIFY2(d.nextReplicas <= s.currentReplicas, qPrintable(context));
            }
            if (s.currentReplicas > spec.maxReplicas)
                QCOMPARE(d.nextReplicas, spec.maxReplicas);
            QVERIFY(!d.trajectory.isEmpty());
            QCOMPARE(d.trajectory.first(), (HpaTrajectoryPoint{T0, s.currentReplicas}));
            if (d.eventualReached && (s.currentReplicas == 0 ? spec.minReplicas == 0 : true))
                QVERIFY2(d.eventualReplicas >= spec.minReplicas && d.eventualReplicas <= spec.maxReplicas,
                         qPrintable(context));
            QVERIFY(!d.reasons.isEmpty());
        }
    }

    void resolvedDefaults()
    {
        const HpaSpec legacy = podsSpec(1, 10);
        const HpaResolvedRules up = HpaModel::resolveScaleUp(withBehavior(legacy));
        QCOMPARE(up.stabilizationWindowSeconds, 0);
        QCOMPARE(up.selectPolicy, HpaSelectPolicy::Max);
        QCOMPARE(up.policies.size(), 2);
        QCOMPARE(up.policies.at(0).type, HpaPolicyType::Pods);
        QCOMPARE(up.policies.at(0).value, 4);
        QCOMPARE(up.policies.at(1).type, HpaPolicyType::Percent);
        QCOMPARE(up.policies.at(1).value, 100);
        QCOMPARE(up.policies.at(1).periodSeconds, 15);
        QCOMPARE(up.tolerance, 0.1);
        const HpaResolvedRules down = HpaModel::resolveScaleDown(withBehavior(legacy, {}, rules(60)));
        QCOMPARE(down.stabilizationWindowSeconds, 60);
        QCOMPARE(down.policies.size(), 1);
        QCOMPARE(down.policies.at(0).type, HpaPolicyType::Percent);
        QCOMPARE(down.policies.at(0).value, 100);
        HpaOptions flags;
        flags.downscaleStabilizationSeconds = 120;
        QCOMPARE(HpaModel::resolveScaleDown(withBehavior(legacy), flags).stabilizationWindowSeconds, 120);
    }
};

QTEST_GUILESS_MAIN(TestHpaModel)
#include "tst_hpamodel.moc"
