#include "KubeTypes.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tideline::kube {

namespace {

QString str(const QJsonObject &o, QStringView key)
{
    return o.value(key).toString();
}

QJsonObject obj(const QJsonObject &o, QStringView key)
{
    return o.value(key).toObject();
}

int integer(const QJsonObject &o, QStringView key, int fallback = 0)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? v.toInt(fallback) : fallback;
}

std::optional<int> optInt(const QJsonObject &o, QStringView key)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return std::nullopt;
    return v.toInt();
}

// A Quantity may come as a JSON string ("500m") or, from hand-written objects, a number.
std::optional<double> quantity(const QJsonObject &o, QStringView key)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return v.toDouble();
    if (v.isString())
        return KubeTypes::parseQuantity(v.toString());
    return std::nullopt;
}

QMap<QString, QString> stringMap(const QJsonObject &o)
{
    QMap<QString, QString> out;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        out.insert(it.key(), it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
    return out;
}

QList<KubeCondition> conditions(const QJsonArray &list)
{
    QList<KubeCondition> out;
    for (const QJsonValue &v : list) {
        const QJsonObject c = v.toObject();
        out.append({str(c, u"type"), str(c, u"status"), str(c, u"reason"), str(c, u"message"),
                    KubeTypes::parseTime(str(c, u"lastTransitionTime"))});
    }
    return out;
}

CrossVersionObjectReference targetRef(const QJsonObject &o)
{
    return {str(o, u"apiVersion"), str(o, u"kind"), str(o, u"name")};
}

std::optional<HpaMetricSourceType> sourceType(const QString &type)
{
    if (type == u"Resource"_s)
        return HpaMetricSourceType::Resource;
    if (type == u"ContainerResource"_s)
        return HpaMetricSourceType::ContainerResource;
    if (type == u"Pods"_s)
        return HpaMetricSourceType::Pods;
    if (type == u"Object"_s)
        return HpaMetricSourceType::Object;
    if (type == u"External"_s)
        return HpaMetricSourceType::External;
    return std::nullopt;
}

// The member that holds a metric source's details, by type.
QString sourceKey(HpaMetricSourceType t)
{
    switch (t) {
    case HpaMetricSourceType::Resource: return u"resource"_s;
    case HpaMetricSourceType::ContainerResource: return u"containerResource"_s;
    case HpaMetricSourceType::Pods: return u"pods"_s;
    case HpaMetricSourceType::Object: return u"object"_s;
    case HpaMetricSourceType::External: return u"external"_s;
    }
    return {};
}

// Resource sources name the resource directly; the others nest it in "metric".
QString metricName(HpaMetricSourceType t, const QJsonObject &source)
{
    if (t == HpaMetricSourceType::Resource || t == HpaMetricSourceType::ContainerResource)
        return str(source, u"name");
    return str(obj(source, u"metric"), u"name");
}

Result<HpaScalingRules> scalingRules(const QJsonObject &o, const QString &where)
{
    HpaScalingRules r;
    r.stabilizationWindowSeconds = optInt(o, u"stabilizationWindowSeconds");
    if (o.contains(u"selectPolicy")) {
        const QString p = str(o, u"selectPolicy");
        if (p == u"Max"_s)
            r.selectPolicy = HpaSelectPolicy::Max;
        else if (p == u"Min"_s)
            r.selectPolicy = HpaSelectPolicy::Min;
        else if (p == u"Disabled"_s)
            r.selectPolicy = HpaSelectPolicy::Disabled;
        else
            return Error{u"kube.parse"_s, KubeTypes::tr("%1.selectPolicy \"%2\" is unknown").arg(where, p), {}};
    }
    if (o.contains(u"policies")) {
        QList<HpaScalingPolicy> policies;
        for (const QJsonValue &v : o.value(u"policies").toArray()) {
            const QJsonObject p = v.toObject();
            HpaScalingPolicy policy;
            const QString type = str(p, u"type");
            if (type == u"Pods"_s)
                policy.type = HpaPolicyType::Pods;
            else if (type == u"Percent"_s)
                policy.type = HpaPolicyType::Percent;
            else
                return Error{u"kube.parse"_s, KubeTypes::tr("%1.policies: type \"%2\" is unknown").arg(where, type), {}};
            policy.value = integer(p, u"value");
            policy.periodSeconds = integer(p, u"periodSeconds", 15);
            policies.append(policy);
        }
        r.policies = policies;
    }
    r.tolerance = quantity(o, u"tolerance");
    return r;
}

} // namespace

ObjectMeta KubeTypes::parseMeta(const QJsonObject &object)
{
    const QJsonObject m = obj(object, u"metadata");
    ObjectMeta meta;
    meta.name = str(m, u"name");
    meta.ns = str(m, u"namespace");
    meta.uid = str(m, u"uid");
    meta.resourceVersion = str(m, u"resourceVersion");
    meta.generation = qint64(m.value(u"generation").toDouble());
    meta.creationTimestamp = parseTime(str(m, u"creationTimestamp"));
    meta.labels = stringMap(obj(m, u"labels"));
    meta.annotations = stringMap(obj(m, u"annotations"));
    return meta;
}

Result<Workload> KubeTypes::parseWorkload(const QJsonObject &object)
{
    const QString kind = str(object, u"kind");
    if (kind != u"Deployment"_s && kind != u"StatefulSet"_s) {
        return Error{u"kube.parse"_s, tr("expected a Deployment or StatefulSet, got \"%1\"").arg(kind), {}};
    }
    Workload w;
    w.kind = kind;
    w.meta = parseMeta(object);
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    w.specReplicas = integer(spec, u"replicas", 1);
    w.replicas = integer(status, u"replicas");
    // StatefulSets count updated pods in status.updatedReplicas too (apps/v1).
    w.updatedReplicas = integer(status, u"updatedReplicas");
    w.readyReplicas = integer(status, u"readyReplicas");
    w.availableReplicas = integer(status, u"availableReplicas");
    w.observedGeneration = qint64(status.value(u"observedGeneration").toDouble());
    QStringList sel;
    const QJsonObject ml = obj(obj(spec, u"selector"), u"matchLabels");
    for (auto it = ml.constBegin(); it != ml.constEnd(); ++it)
        sel << it.key() + u'=' + it.value().toString();
    w.selector = sel.join(u',');
    return w;
}

Result<Hpa> KubeTypes::parseHpa(const QJsonObject &object)
{
    const QString kind = str(object, u"kind");
    if (kind != u"HorizontalPodAutoscaler"_s)
        return Error{u"kube.parse"_s, tr("expected a HorizontalPodAutoscaler, got \"%1\"").arg(kind), {}};
    const QString apiVersion = str(object, u"apiVersion");
    if (!apiVersion.isEmpty() && apiVersion != u"autoscaling/v2"_s) {
        return Error{u"kube.parse"_s,
                     tr("HorizontalPodAutoscaler %1 is %2; only autoscaling/v2 is understood")
                         .arg(str(obj(object, u"metadata"), u"name"), apiVersion), {}};
    }
    Hpa h;
    h.meta = parseMeta(object);
    const QJsonObject spec = obj(object, u"spec");
    h.scaleTargetRef = targetRef(obj(spec, u"scaleTargetRef"));
    h.spec.minReplicas = integer(spec, u"minReplicas", 1); // API default 1
    h.spec.maxReplicas = integer(spec, u"maxReplicas", 1);
    const QString where = u"HorizontalPodAutoscaler %1: spec"_s.arg(h.meta.name);
    const QJsonArray metrics = spec.value(u"metrics").toArray();
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        const QJsonObject m = metrics.at(i).toObject();
        const auto type = sourceType(str(m, u"type"));
        if (!type) {
            return Error{u"kube.parse"_s,
                         tr("%1.metrics[%2]: type \"%3\" is unknown").arg(where).arg(i).arg(str(m, u"type")), {}};
        }
        const QJsonObject source = obj(m, sourceKey(*type));
        const QJsonObject target = obj(source, u"target");
        HpaMetricSpec ms;
        ms.source = *type;
        ms.name = metricName(*type, source);
        ms.container = str(source, u"container");
        const QString targetType = str(target, u"type");
        std::optional<double> value;
        if (targetType == u"Utilization"_s) {
            ms.targetType = HpaTargetType::Utilization;
            value = quantity(target, u"averageUtilization");
        } else if (targetType == u"AverageValue"_s) {
            ms.targetType = HpaTargetType::AverageValue;
            value = quantity(target, u"averageValue");
        } else if (targetType == u"Value"_s) {
            ms.targetType = HpaTargetType::Value;
            value = quantity(target, u"value");
        } else {
            return Error{u"kube.parse"_s,
                         tr("%1.metrics[%2]: target type \"%3\" is unknown").arg(where).arg(i).arg(targetType), {}};
        }
        if (!value) {
            return Error{u"kube.parse"_s,
                         tr("%1.metrics[%2]: the %3 target has no valid value").arg(where).arg(i).arg(targetType), {}};
        }
        ms.target = *value;
        h.spec.metrics.append(ms);
    }
    // autoscaling/v2 defaults an empty metric list to 80 % CPU.
    if (metrics.isEmpty())
        h.spec.metrics.append({HpaMetricSourceType::Resource, u"cpu"_s, {}, HpaTargetType::Utilization, 80.0});
    if (spec.contains(u"behavior")) {
        const QJsonObject b = obj(spec, u"behavior");
        HpaBehavior behavior;
        if (b.contains(u"scaleUp")) {
            auto r = scalingRules(obj(b, u"scaleUp"), where + u".behavior.scaleUp"_s);
            if (!r)
                return r.error();
            behavior.scaleUp = r.value();
        }
        if (b.contains(u"scaleDown")) {
            auto r = scalingRules(obj(b, u"scaleDown"), where + u".behavior.scaleDown"_s);
            if (!r)
                return r.error();
            behavior.scaleDown = r.value();
        }
        h.spec.behavior = behavior;
    }
    const QJsonObject status = obj(object, u"status");
    h.currentReplicas = integer(status, u"currentReplicas");
    h.desiredReplicas = integer(status, u"desiredReplicas");
    h.lastScaleTime = parseTime(str(status, u"lastScaleTime"));
    for (const QJsonValue &v : status.value(u"currentMetrics").toArray()) {
        const QJsonObject m = v.toObject();
        const auto type = sourceType(str(m, u"type"));
        if (!type)
            continue; // a newer source type: shown nowhere, not an error
        const QJsonObject source = obj(m, sourceKey(*type));
        const QJsonObject current = obj(source, u"current");
        HpaMetricStatusValue s;
        s.source = *type;
        s.name = metricName(*type, source);
        s.container = str(source, u"container");
        s.averageUtilization = quantity(current, u"averageUtilization");
        s.averageValue = quantity(current, u"averageValue");
        s.value = quantity(current, u"value");
        h.currentMetrics.append(s);
    }
    h.conditions = conditions(status.value(u"conditions").toArray());
    return h;
}

QList<std::optional<HpaMetricValue>> Hpa::metricValues() const
{
    QList<std::optional<HpaMetricValue>> out;
    QList<bool> used(currentMetrics.size(), false);
    for (const HpaMetricSpec &m : spec.metrics) {
        std::optional<HpaMetricValue> value;
        for (qsizetype i = 0; i < currentMetrics.size(); ++i) {
            const HpaMetricStatusValue &s = currentMetrics.at(i);
            if (used.at(i) || s.source != m.source || s.name != m.name || s.container != m.container)
                continue;
            std::optional<double> v;
            switch (m.targetType) {
            case HpaTargetType::Utilization: v = s.averageUtilization; break;
            case HpaTargetType::AverageValue: v = s.averageValue; break;
            case HpaTargetType::Value: v = s.value; break;
            }
            if (!v)
                continue;
            double current = *v;
            const bool perPod = m.source == HpaMetricSourceType::Resource
                || m.source == HpaMetricSourceType::ContainerResource || m.source == HpaMetricSourceType::Pods;
            if (!perPod && m.targetType == HpaTargetType::AverageValue)
                current *= currentReplicas; // the status shows total / replicas
            HpaMetricValue mv;
            mv.current = current;
            value = mv;
            used[i] = true;
            break;
        }
        out.append(value);
    }
    return out;
}

QDateTime KubeEvent::lastSeen() const
{
    if (seriesLastObservedTime.isValid())
        return seriesLastObservedTime;
    if (lastTimestamp.isValid())
        return lastTimestamp;
    if (eventTime.isValid())
        return eventTime;
    if (firstTimestamp.isValid())
        return firstTimestamp;
    return meta.creationTimestamp;
}

int KubeEvent::occurrences() const
{
    if (seriesCount > 0)
        return seriesCount;
    if (count > 0)
        return count;
    return 1;
}

Result<KubeEvent> KubeTypes::parseEvent(const QJsonObject &object)
{
    if (str(object, u"kind") != u"Event"_s)
        return Error{u"kube.parse"_s, tr("expected an Event, got \"%1\"").arg(str(object, u"kind")), {}};
    KubeEvent e;
    e.meta = parseMeta(object);
    e.type = str(object, u"type");
    e.reason = str(object, u"reason");
    e.eventTime = parseTime(str(object, u"eventTime"));
    const QJsonObject series = obj(object, u"series");
    e.seriesCount = integer(series, u"count");
    e.seriesLastObservedTime = parseTime(str(series, u"lastObservedTime"));
    const bool newApi = str(object, u"apiVersion") == u"events.k8s.io/v1"_s;
    const QJsonObject ref = obj(object, newApi ? u"regarding"_s : u"involvedObject"_s);
    e.involvedObject = {str(ref, u"kind"), str(ref, u"namespace"), str(ref, u"name"), str(ref, u"uid"),
                        str(ref, u"apiVersion"), str(ref, u"fieldPath")};
    if (newApi) {
        e.message = str(object, u"note");
        e.firstTimestamp = parseTime(str(object, u"deprecatedFirstTimestamp"));
        e.lastTimestamp = parseTime(str(object, u"deprecatedLastTimestamp"));
        e.count = integer(object, u"deprecatedCount");
        e.reportingController = str(object, u"reportingController");
    } else {
        e.message = str(object, u"message");
        e.firstTimestamp = parseTime(str(object, u"firstTimestamp"));
        e.lastTimestamp = parseTime(str(object, u"lastTimestamp"));
        e.count = integer(object, u"count");
        e.reportingController = str(object, u"reportingComponent");
        if (e.reportingController.isEmpty())
            e.reportingController = str(obj(object, u"source"), u"component");
    }
    return e;
}

Result<ScaledObject> KubeTypes::parseScaledObject(const QJsonObject &object)
{
    if (str(object, u"kind") != u"ScaledObject"_s)
        return Error{u"kube.parse"_s, tr("expected a ScaledObject, got \"%1\"").arg(str(object, u"kind")), {}};
    ScaledObject s;
    s.meta = parseMeta(object);
    const QJsonObject spec = obj(object, u"spec");
    s.scaleTargetRef = targetRef(obj(spec, u"scaleTargetRef"));
    if (s.scaleTargetRef.kind.isEmpty())
        s.scaleTargetRef.kind = u"Deployment"_s; // KEDA's default target kind
    s.minReplicaCount = optInt(spec, u"minReplicaCount");
    s.maxReplicaCount = optInt(spec, u"maxReplicaCount");
    s.pollingInterval = optInt(spec, u"pollingInterval");
    s.cooldownPeriod = optInt(spec, u"cooldownPeriod");
    for (const QJsonValue &v : spec.value(u"triggers").toArray()) {
        const QJsonObject t = v.toObject();
        s.triggers.append({str(t, u"type"), str(t, u"name"), stringMap(obj(t, u"metadata"))});
    }
    const QJsonObject status = obj(object, u"status");
    s.hpaName = str(status, u"hpaName");
    s.conditions = conditions(status.value(u"conditions").toArray());
    return s;
}

std::optional<KubeStatus> KubeTypes::parseStatus(const QJsonObject &object)
{
    if (str(object, u"kind") != u"Status"_s)
        return std::nullopt;
    KubeStatus s;
    s.status = str(object, u"status");
    s.message = str(object, u"message");
    s.reason = str(object, u"reason");
    s.code = integer(object, u"code");
    s.details = obj(object, u"details");
    return s;
}

std::optional<double> KubeTypes::parseQuantity(const QString &input)
{
    const QString text = input.trimmed();
    static const QRegularExpression re(u"^([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    double value = m.captured(1).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    if (!m.captured(2).isEmpty())
        return value * std::pow(10.0, m.captured(2).mid(1).toDouble());
    const QString suffix = m.captured(3);
    static const QMap<QString, double> factors = {
        {u"n"_s, 1e-9}, {u"u"_s, 1e-6}, {u"m"_s, 1e-3}, {u"k"_s, 1e3}, {u"M"_s, 1e6}, {u"G"_s, 1e9},
        {u"T"_s, 1e12}, {u"P"_s, 1e15}, {u"E"_s, 1e18}, {u"Ki"_s, 1024.0}, {u"Mi"_s, 1048576.0},
        {u"Gi"_s, 1073741824.0}, {u"Ti"_s, 1099511627776.0}, {u"Pi"_s, 1125899906842624.0},
        {u"Ei"_s, 1152921504606846976.0}};
    if (!suffix.isEmpty())
        value *= factors.value(suffix, 1.0);
    return value;
}

QDateTime KubeTypes::parseTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        // MicroTime has six fractional digits; Qt reads at most three.
        static const QRegularExpression micro(u"^(.*T\\d\\d:\\d\\d:\\d\\d)(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)$"_s);
        const auto m = micro.match(text);
        if (m.hasMatch())
            t = QDateTime::fromString(m.captured(1) + m.captured(2).left(4) + m.captured(3), Qt::ISODateWithMs);
    }
    return t;
}

QString KubeTypes::formatAge(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid())
        return u"<unknown>"_s;
    const qint64 s = std::max<qint64>(0, since.secsTo(now));
    // k8s.io/apimachinery/pkg/util/duration.HumanDuration.
    if (s < 120)
        return u"%1s"_s.arg(s);
    const qint64 m = s / 60;
    if (m < 10)
        return s % 60 == 0 ? u"%1m"_s.arg(m) : u"%1m%2s"_s.arg(m).arg(s % 60);
    if (m < 180)
        return u"%1m"_s.arg(m);
    const qint64 h = s / 3600;
    if (h < 8)
        return m % 60 == 0 ? u"%1h"_s.arg(h) : u"%1h%2m"_s.arg(h).arg(m % 60);
    if (h < 48)
        return u"%1h"_s.arg(h);
    if (h < 24 * 8)
        return h % 24 == 0 ? u"%1d"_s.arg(h / 24) : u"%1d%2h"_s.arg(h / 24).arg(h % 24);
    if (h < 24 * 365 * 2)
        return u"%1d"_s.arg(h / 24);
    const qint64 y = h / (24 * 365);
    if (y < 8)
        return u"%1y%2d"_s.arg(y).arg((h / 24) % 365);
    return u"%1y"_s.arg(y);
}

QString KubeTypes::hpaTargets(const Hpa &hpa)
{
    QStringList parts;
    const auto values = hpa.metricValues();
    for (qsizetype i = 0; i < hpa.spec.metrics.size(); ++i) {
        const HpaMetricSpec &m = hpa.spec.metrics.at(i);
        QString current = u"<unknown>"_s;
        if (values.at(i)) {
            double v = values.at(i)->current;
            if (m.source != HpaMetricSourceType::Resource && m.source != HpaMetricSourceType::ContainerResource
                && m.source != HpaMetricSourceType::Pods && m.targetType == HpaTargetType::AverageValue
                && hpa.currentReplicas > 0)
                v /= hpa.currentReplicas;
            current = m.targetType == HpaTargetType::Utilization ? u"%1%"_s.arg(v) : QString::number(v, 'g', 12);
        }
        const QString target = m.targetType == HpaTargetType::Utilization ? u"%1%"_s.arg(m.target)
                                                                          : QString::number(m.target, 'g', 12);
        const QString prefix = m.source == HpaMetricSourceType::Resource ? m.name + u": "_s : QString();
        parts << prefix + current + u'/' + target;
    }
    return parts.join(u", "_s);
}

} // namespace tideline::kube
