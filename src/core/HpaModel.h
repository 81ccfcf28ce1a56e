#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace tideline {

// What the Kubernetes HorizontalPodAutoscaler (autoscaling/v2) will do next, computed the way
// the controller does (pkg/controller/podautoscaler/horizontal.go, replica_calculator.go and
// the API defaults in pkg/apis/autoscaling/v2/defaults.go):
//
// - Per metric, ratio = current / target; no change while (1 - tolDown) <= ratio <= (1 + tolUp)
//   (tolerance 0.1 unless behavior.scale{Up,Down}.tolerance is set); otherwise
//   ceil(ratio x ready pods) for per-pod metrics and Value targets, ceil(total / target) for
//   Object/External AverageValue targets. Quantities are compared in milli-units and the
//   utilisation is an integer percentage, as in the controller.
// - Several metrics: the largest proposal. A missing metric blocks a scale-down but not a
//   scale-up; all metrics missing means no change.
// - spec.replicas == 0 with minReplicas > 0 disables autoscaling; replicas above max or below
//   min are moved to the bound without looking at metrics.
// - Without spec.behavior: scale-down stabilisation (highest recommendation of the last 300 s,
//   a window edge counts as inside; applied even above the current count, so a rate-limited
//   scale-up completes although the metric has dropped), scale-up at most max(2 x current, 4)
//   per sync, then the min/max clamp.
// - With spec.behavior: unset fields take the API defaults (scaleUp: window 0, Pods 4 and
//   Percent 100 per 15 s, Max; scaleDown: window 300, Percent 100 per 15 s, Max); the
//   stabilised value is clamp(current, lowest rec in the up window, highest rec in the down
//   window) (a window edge counts as outside); policies limit the change relative to the
//   replica count at the start of each policy period, reconstructed from past scale events.
//
// Simplifications (the preview cannot see everything the controller sees):
// - The controller keeps recommendations and scale events in memory. The caller passes what it
//   has observed (HpaState) and chains HpaDecision::state; an empty recommendation list is
//   the controller's first sync (recordInitialRecommendation: the current count, now).
// - Every pod counted is ready and reports the metric: the missing-metric and not-yet-ready
//   dampening (treating such pods as 0 % / 100 % of target) is not modelled. Per-pod inputs
//   are either the average (what `kubectl describe hpa` shows) or per-pod values.
// - History older than the API maxima (3600 s windows, 1800 s policy periods) is dropped;
//   the controller instead recycles one outdated slot per sync, which can forget an event
//   that the other direction's longer period would still have counted.
// - Scale events are recorded with or without spec.behavior (the controller stores them only
//   with a behavior, which is also the only time it reads them).
// - The eventual simulation assumes a new replica count takes effect (and its pods are ready)
//   by the next sync, and that the load stays as now: per-pod metrics keep their total (the
//   average is spread over the new pod count), Object and External values stay unchanged.
//
// Pure functions: no I/O, no clocks (time comes in HpaState::nowMs). A "what-if" is the same
// call with another metric value.

enum class HpaMetricSourceType { Resource, ContainerResource, Pods, Object, External };
enum class HpaTargetType { Utilization, AverageValue, Value };

struct HpaMetricSpec
{
    HpaMetricSourceType source = HpaMetricSourceType::Resource;
    QString name;          // "cpu", "messages", "rabbitmq_queue_messages", ...
    QString container;     // ContainerResource only
    HpaTargetType targetType = HpaTargetType::Utilization;
    double target = 0.0;   // averageUtilization (percent), averageValue or value
};

enum class HpaPolicyType { Pods, Percent };
enum class HpaSelectPolicy { Max, Min, Disabled };

struct HpaScalingPolicy
{
    HpaPolicyType type = HpaPolicyType::Pods;
    int value = 0;
    int periodSeconds = 15;
};

// One direction of spec.behavior; unset fields take the API defaults.
struct HpaScalingRules
{
    std::optional<int> stabilizationWindowSeconds;
    std::optional<HpaSelectPolicy> selectPolicy;
    std::optional<QList<HpaScalingPolicy>> policies;
    std::optional<double> tolerance; // 1.33+ (HPAConfigurableTolerance)
};

struct HpaBehavior
{
    std::optional<HpaScalingRules> scaleUp;
    std::optional<HpaScalingRules> scaleDown;
};

struct HpaSpec
{
    int minReplicas = 1;
    int maxReplicas = 1;
    QList<HpaMetricSpec> metrics;
    std::optional<HpaBehavior> behavior; // unset: the legacy algorithm
};

// A direction's rules with every default filled in.
struct HpaResolvedRules
{
    int stabilizationWindowSeconds = 0;
    HpaSelectPolicy selectPolicy = HpaSelectPolicy::Max;
    QList<HpaScalingPolicy> policies;
    double tolerance = 0.1;
};

struct HpaRecommendation
{
    qint64 timestampMs = 0;
    int replicas = 0;      // the unstabilised desired count of that sync
    friend bool operator==(const HpaRecommendation &, const HpaRecommendation &) = default;
};

struct HpaScaleEvent
{
    qint64 timestampMs = 0;
    int change = 0;        // new - old replicas: positive up, negative down
    friend bool operator==(const HpaScaleEvent &, const HpaScaleEvent &) = default;
};

// What the controller knows at a sync.
struct HpaState
{
    qint64 nowMs = 0;
    int currentReplicas = 0;    // scale.spec.replicas
    int statusReplicas = -1;    // scale.status.replicas; -1: same as currentReplicas
    int readyPods = -1;         // ready pods of the target; -1: same as currentReplicas
    QList<HpaRecommendation> recommendations;
    QList<HpaScaleEvent> scaleEvents;
};

// The current value of one metric, as the controller reads it.
struct HpaMetricValue
{
    // Utilization: the average utilisation in percent of request.
    // Pods, Resource/ContainerResource AverageValue: the per-pod average.
    // Object: the object's value. External: the sum of all matching series.
    double current = 0.0;
    // Optional per-pod detail for per-pod metrics (the ready pods): usages, and for
    // Utilization the requests alongside. When set, it replaces `current`.
    QList<double> podUsage;
    QList<double> podRequest;

    // The per-pod average when `pods` ready pods report `total` between them (a queue of 40
    // messages over 2 workers: 20), averaged in milli-units as the controller does.
    static HpaMetricValue perPodAverageOfTotal(double total, int pods);
};

struct HpaReason
{
    QString code;          // stable, e.g. "tolerance", "stabilized.down", "clamp.max"
    QString text;          // translated sentence for the operator
    qint64 untilMs = 0;    // for holds: when the window releases
};

struct HpaMetricProposal
{
    int index = 0;                 // into HpaSpec::metrics
    QString description;           // "pods metric messages"
    bool valid = false;
    double current = 0.0;          // as the controller reports it (average, value, percent)
    double target = 0.0;
    double ratio = 0.0;
    bool withinTolerance = false;
    int replicas = 0;
    QString error;
};

struct HpaTrajectoryPoint
{
    qint64 timestampMs = 0;
    int replicas = 0;
    friend bool operator==(const HpaTrajectoryPoint &, const HpaTrajectoryPoint &) = default;
};

struct HpaDecision
{
    int currentReplicas = 0;
    int metricReplicas = -1;       // largest metric proposal; -1 when none could be computed
    int stabilizedReplicas = -1;   // after the stabilisation window(s); -1 when not reached
    int nextReplicas = 0;          // this sync
    bool scalingActive = true;     // false: disabled (0 replicas) or no usable metric
    QList<HpaMetricProposal> proposals;
    QList<HpaReason> reasons;
    HpaState state;                // the controller's memory after this sync (chain it)

    // From preview(): where it settles if the metrics stay as now.
    int eventualReplicas = 0;
    bool eventualReached = false;  // false: still moving when the simulation bound was hit
    qint64 eventualAtMs = 0;       // when it gets there
    QList<HpaTrajectoryPoint> trajectory; // now, then every change
};

struct HpaOptions
{
    double tolerance = 0.1;                    // --horizontal-pod-autoscaler-tolerance
    int downscaleStabilizationSeconds = 300;   // --horizontal-pod-autoscaler-downscale-stabilization
    int syncPeriodSeconds = 15;                // --horizontal-pod-autoscaler-sync-period
    int maxSimulatedSyncs = 2000;
};

class HpaModel final
{
public:
    HpaModel() = delete;

    // One controller sync at state.nowMs.
    static HpaDecision sync(const HpaSpec &spec, const HpaState &state,
                            const QList<std::optional<HpaMetricValue>> &metrics,
                            const HpaOptions &options = {});

    // sync(), then syncs every options.syncPeriodSeconds with the load held constant until
    // nothing is pending (bounded by options.maxSimulatedSyncs).
    static HpaDecision preview(const HpaSpec &spec, const HpaState &state,
                               const QList<std::optional<HpaMetricValue>> &metrics,
                               const HpaOptions &options = {});

    static HpaResolvedRules resolveScaleUp(const HpaSpec &spec, const HpaOptions &options = {});
    static HpaResolvedRules resolveScaleDown(const HpaSpec &spec, const HpaOptions &options = {});

    // Local wall-clock time as used in reason texts ("14:05:30").
    static QString formatClock(qint64 msSinceEpoch);
};

} // namespace tideline
