#pragma once

#include "core/HpaModel.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace tideline::kube {

// Parsed views of the Kubernetes objects Tideline reads. Only what the app shows or computes
// with; the raw JSON stays available to whoever needs more.

struct ObjectMeta
{
    QString name;
    QString ns;
    QString uid;
    QString resourceVersion;
    qint64 generation = 0;
    QDateTime creationTimestamp;
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
};

// Deployment or StatefulSet (apps/v1): spec.replicas and the rollout counters of .status.
struct Workload
{
    QString kind;                       // "Deployment" or "StatefulSet"
    ObjectMeta meta;
    int specReplicas = 1;               // spec.replicas (API default 1)
    int replicas = 0;                   // status.replicas
    int updatedReplicas = 0;            // status.updatedReplicas ("currentReplicas"-like for sts)
    int readyReplicas = 0;
    int availableReplicas = 0;
    qint64 observedGeneration = 0;
    QString selector;                   // spec.selector.matchLabels as "k=v,k=v"
};

struct CrossVersionObjectReference
{
    QString apiVersion;
    QString kind;
    QString name;
};

// One entry of HPA status.currentMetrics: what the controller last measured.
struct HpaMetricStatusValue
{
    HpaMetricSourceType source = HpaMetricSourceType::Resource;
    QString name;
    QString container;
    std::optional<double> averageUtilization; // percent
    std::optional<double> averageValue;
    std::optional<double> value;
};

struct KubeCondition
{
    QString type;
    QString status;
    QString reason;
    QString message;
    QDateTime lastTransitionTime;
};

// autoscaling/v2 HorizontalPodAutoscaler.
struct Hpa
{
    ObjectMeta meta;
    CrossVersionObjectReference scaleTargetRef;
    HpaSpec spec;                       // the input of HpaModel
    int currentReplicas = 0;
    int desiredReplicas = 0;
    QDateTime lastScaleTime;
    QList<HpaMetricStatusValue> currentMetrics;
    QList<KubeCondition> conditions;

    // HpaModel's metric inputs from status.currentMetrics, one per spec metric in order
    // (nullopt where the controller has no value). Object/External AverageValue targets get
    // the total (averageValue x status replicas) that HpaModel expects.
    QList<std::optional<HpaMetricValue>> metricValues() const;
};

struct ObjectReference
{
    QString kind;
    QString ns;
    QString name;
    QString uid;
    QString apiVersion;
    QString fieldPath;
};

// core/v1 Event or events.k8s.io/v1 Event, in the same shape (regarding -> involvedObject,
// note -> message, deprecated* -> the legacy timestamps).
struct KubeEvent
{
    ObjectMeta meta;
    QString reason;
    QString message;
    QString type;                       // Normal, Warning
    ObjectReference involvedObject;
    QDateTime firstTimestamp;
    QDateTime lastTimestamp;
    QDateTime eventTime;                // MicroTime
    int count = 0;
    int seriesCount = 0;
    QDateTime seriesLastObservedTime;
    QString reportingController;

    // When it last happened: series.lastObservedTime, lastTimestamp, eventTime,
    // firstTimestamp or creationTimestamp, the first that is set (kubectl's order).
    QDateTime lastSeen() const;
    int occurrences() const;            // series.count, count, or 1
};

struct KedaTrigger
{
    QString type;
    QString name;
    QMap<QString, QString> metadata;
};

// keda.sh/v1alpha1 ScaledObject.
struct ScaledObject
{
    ObjectMeta meta;
    CrossVersionObjectReference scaleTargetRef;
    std::optional<int> minReplicaCount;  // KEDA default 0
    std::optional<int> maxReplicaCount;  // KEDA default 100
    std::optional<int> pollingInterval;
    std::optional<int> cooldownPeriod;
    QList<KedaTrigger> triggers;
    QString hpaName;                     // status.hpaName
    QList<KubeCondition> conditions;
};

// metav1.Status, the body of every API error.
struct KubeStatus
{
    QString status;                     // Success / Failure
    QString message;
    QString reason;                     // NotFound, Forbidden, Expired, ...
    int code = 0;
    QJsonObject details;
};

// Converters. Each fails with a clear message when the JSON is not that kind.
class KubeTypes final
{
    Q_DECLARE_TR_FUNCTIONS(KubeTypes)

public:
    KubeTypes() = delete;

    static ObjectMeta parseMeta(const QJsonObject &object);
    static Result<Workload> parseWorkload(const QJsonObject &object);
    static Result<Hpa> parseHpa(const QJsonObject &object);
    static Result<KubeEvent> parseEvent(const QJsonObject &object);
    static Result<ScaledObject> parseScaledObject(const QJsonObject &object);
    static std::optional<KubeStatus> parseStatus(const QJsonObject &object);

    // Items of a List (kind "...List"), each through `parse`.
    template<typename T>
    static Result<QList<T>> parseList(const QJsonObject &list, Result<T> (*parse)(const QJsonObject &))
    {
        QList<T> out;
        const QJsonArray items = list.value(QStringLiteral("items")).toArray();
        for (const QJsonValue &v : items) {
            Result<T> one = parse(v.toObject());
            if (!one)
                return one.error();
            out.append(std::move(one).value());
        }
        return out;
    }

    // resource.Quantity: "250m", "1.5", "2Ki", "1G", "1e3" -> value; nullopt when malformed.
    static std::optional<double> parseQuantity(const QString &text);
    // RFC 3339 (with or without fractional seconds); invalid QDateTime when empty/malformed.
    static QDateTime parseTime(const QString &text);
    // "3m", "5h", "2d" like kubectl's age column.
    static QString formatAge(const QDateTime &since, const QDateTime &now);

    // The HPA TARGETS column as kubectl shows it ("cpu: 45%/70%", "3/5").
    static QString hpaTargets(const Hpa &hpa);
};

} // namespace tideline::kube
