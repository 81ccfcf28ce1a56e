#include "KubeText.h"

#include <QLocale>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace tideline {

QString KubeText::number(double value)
{
    if (!std::isfinite(value))
        return tr("n/a");
    if (std::abs(value - std::round(value)) < 1e-9) {
        // Memory-like quantities read better the way they were written ("200Mi").
        const qint64 n = std::llround(value);
        const std::pair<qint64, const char *> units[] = {
            {1LL << 40, "Ti"}, {1LL << 30, "Gi"}, {1LL << 20, "Mi"}};
        for (const auto &[size, suffix] : units) {
            if (n >= size && n % size == 0)
                return QString::number(n / size) + QLatin1String(suffix);
        }
        return QString::number(n);
    }
    QString s = QString::number(value, 'f', 3);
    while (s.endsWith(u'0'))
        s.chop(1);
    if (s.endsWith(u'.'))
        s.chop(1);
    return s;
}

QString KubeText::metricName(const HpaMetricSpec &m)
{
    switch (m.source) {
    case HpaMetricSourceType::Resource: return tr("%1 (resource)").arg(m.name);
    case HpaMetricSourceType::ContainerResource: return tr("%1 of container %2").arg(m.name, m.container);
    case HpaMetricSourceType::Pods: return tr("%1 (pods)").arg(m.name);
    case HpaMetricSourceType::Object: return tr("%1 (object)").arg(m.name);
    case HpaMetricSourceType::External: return tr("%1 (external)").arg(m.name);
    }
    return m.name;
}

QString KubeText::valueText(const HpaMetricSpec &m, double value)
{
    switch (m.targetType) {
    case HpaTargetType::Utilization: return tr("%1 %").arg(number(value));
    case HpaTargetType::AverageValue: return tr("%1 avg").arg(number(value));
    case HpaTargetType::Value: return number(value);
    }
    return number(value);
}

QString KubeText::targetText(const HpaMetricSpec &m)
{
    switch (m.targetType) {
    case HpaTargetType::Utilization: return tr("%1 % of request").arg(number(m.target));
    case HpaTargetType::AverageValue:
        return m.source == HpaMetricSourceType::Pods || m.source == HpaMetricSourceType::Resource
                || m.source == HpaMetricSourceType::ContainerResource
            ? tr("%1 per pod").arg(number(m.target))
            : tr("%1 per pod (average)").arg(number(m.target));
    case HpaTargetType::Value: return tr("%1 total").arg(number(m.target));
    }
    return number(m.target);
}

std::optional<double> KubeText::currentValue(const kube::Hpa &hpa, int index)
{
    if (index < 0 || index >= hpa.spec.metrics.size())
        return std::nullopt;
    const HpaMetricSpec &m = hpa.spec.metrics.at(index);
    // The same pairing as Hpa::metricValues(): the n-th status entry of a source/name goes with
    // the n-th spec entry of it.
    int seen = 0;
    for (int i = 0; i < index; ++i) {
        const HpaMetricSpec &o = hpa.spec.metrics.at(i);
        if (o.source == m.source && o.name == m.name && o.container == m.container)
            ++seen;
    }
    for (const kube::HpaMetricStatusValue &s : hpa.currentMetrics) {
        if (s.source != m.source || s.name != m.name || s.container != m.container)
            continue;
        if (seen-- > 0)
            continue;
        switch (m.targetType) {
        case HpaTargetType::Utilization: return s.averageUtilization;
        case HpaTargetType::AverageValue: return s.averageValue;
        case HpaTargetType::Value: return s.value;
        }
    }
    return std::nullopt;
}

QStringList KubeText::behaviorLines(const HpaSpec &spec)
{
    if (!spec.behavior) {
        return {tr("No behavior set, the controller's defaults apply: scale up at most to double (or +4) per "
                   "sync; scale down only to the highest recommendation of the last 300 s.")};
    }
    const auto policy = [](HpaSelectPolicy p) {
        switch (p) {
        case HpaSelectPolicy::Max: return tr("the larger change");
        case HpaSelectPolicy::Min: return tr("the smaller change");
        case HpaSelectPolicy::Disabled: return tr("disabled");
        }
        return QString();
    };
    const auto describe = [&](const QString &direction, const HpaResolvedRules &r) {
        if (r.selectPolicy == HpaSelectPolicy::Disabled)
            return tr("%1: disabled (selectPolicy Disabled)").arg(direction);
        QStringList policies;
        for (const HpaScalingPolicy &p : r.policies) {
            policies << (p.type == HpaPolicyType::Percent ? tr("%1 % per %2 s").arg(p.value).arg(p.periodSeconds)
                                                          : tr("%1 pods per %2 s").arg(p.value).arg(p.periodSeconds));
        }
        return tr("%1: stabilization %2 s; %3 (%4); tolerance %5 %")
            .arg(direction)
            .arg(r.stabilizationWindowSeconds)
            .arg(policies.join(tr(", ")), policy(r.selectPolicy), number(r.tolerance * 100.0));
    };
    return {describe(tr("Scale up"), HpaModel::resolveScaleUp(spec)),
            describe(tr("Scale down"), HpaModel::resolveScaleDown(spec))};
}

bool KubeText::conditionNeedsAttention(const kube::KubeCondition &c)
{
    if (c.type == u"ScalingLimited"_s)
        return c.status == u"True"_s;
    return c.status != u"True"_s;
}

QString KubeText::workloadText(const QString &kind, const QString &name)
{
    return tr("%1 %2").arg(kind, name);
}

} // namespace tideline
