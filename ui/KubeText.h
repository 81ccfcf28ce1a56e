#pragma once

#include "core/HpaModel.h"
#include "kube/KubeTypes.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace tideline {

// How the Kubernetes panels word autoscaler objects: metric names, targets, current values,
// behavior policies and condition health. Shared by the HPA panel, the preview and the scale
// dialog so they say the same thing the same way.
class KubeText final
{
    Q_DECLARE_TR_FUNCTIONS(KubeText)

public:
    KubeText() = delete;

    // "1.5", "250m" stays a number: quantities as plain decimals with up to 3 places.
    static QString number(double value);
    // "cpu (resource)", "messages (pods)", "queue_messages_ready (external)".
    static QString metricName(const HpaMetricSpec &metric);
    // "70 % of request", "10 per pod", "100 total", "20 average".
    static QString targetText(const HpaMetricSpec &metric);
    // The controller's last reading for spec metric `index`, in the target's unit; nullopt
    // when the status has none.
    static std::optional<double> currentValue(const kube::Hpa &hpa, int index);
    static QString valueText(const HpaMetricSpec &metric, double value);
    // One line per direction: window, select policy, policies, tolerance.
    static QStringList behaviorLines(const HpaSpec &spec);
    // A condition that needs attention (AbleToScale/ScalingActive False, ScalingLimited True).
    static bool conditionNeedsAttention(const kube::KubeCondition &condition);
    // "Deployment worker".
    static QString workloadText(const QString &kind, const QString &name);
};

} // namespace tideline
