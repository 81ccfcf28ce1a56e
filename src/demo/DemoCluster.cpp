#include "DemoCluster.h"

#include "KubeApiServer.h"
#include "core/Logging.h"
#include "kube/KubeTypes.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tideline::demo {

namespace {

const QString kNs = QString::fromLatin1(DemoCluster::Namespace);
const QString kDeployment = QString::fromLatin1(DemoCluster::Deployment);
const QString kMetric = QString::fromLatin1(DemoCluster::MetricName);
constexpr int kMinReplicas = 2;
constexpr int kMaxReplicas = 10;
constexpr double kTargetAverage = 10.0;

QString nowRfc3339()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

// A quantity as the API server prints it: whole numbers plain, others in milli-units.
QString quantity(double value)
{
    if (!std::isfinite(value))
        return u"0"_s;
    const qint64 milli = qint64(std::llround(value * 1000.0));
    if (milli % 1000 == 0)
        return QString::number(milli / 1000);
    return QString::number(milli) + u'm';
}

QJsonObject condition(const QString &type, bool status, const QString &reason, const QString &message)
{
    return QJsonObject{{u"type"_s, type},
                       {u"status"_s, status ? u"True"_s : u"False"_s},
                       {u"lastTransitionTime"_s, nowRfc3339()},
                       {u"reason"_s, reason},
                       {u"message"_s, message}};
}

} // namespace

DemoCluster::DemoCluster(Hooks hooks, QObject *parent)
    : QObject(parent)
    , m_hooks(std::move(hooks))
{
    m_syncTimer.setInterval(m_timing.syncPeriodMs);
    m_deploymentTimer.setInterval(1000);
    connect(&m_syncTimer, &QTimer::timeout, this, &DemoCluster::syncHpa);
    connect(&m_deploymentTimer, &QTimer::timeout, this, &DemoCluster::syncDeployment);
}

DemoCluster::~DemoCluster()
{
    stop();
}

void DemoCluster::setTiming(const Timing &timing)
{
    m_timing = timing;
    m_timing.syncPeriodMs = std::max(100, timing.syncPeriodMs);
    m_timing.scaleUpPeriodSeconds = std::clamp(timing.scaleUpPeriodSeconds, 1, 1800);
    m_timing.scaleDownWindowSeconds = std::clamp(timing.scaleDownWindowSeconds, 0, 3600);
    m_syncTimer.setInterval(m_timing.syncPeriodMs);
}

QString DemoCluster::url() const
{
    return m_server ? m_server->url() : QString();
}

QString DemoCluster::replicaSetName() const
{
    // A pod-template-hash-like suffix, stable for the demo's one template.
    return kDeployment + u"-6d4cf56db9"_s;
}

Result<void> DemoCluster::start(const QString &kubeconfigPath)
{
    stop();
    m_server = std::make_unique<KubeApiServer>();
    m_server->setSimulateControllers(false); // this class is the controller
    QString error;
    if (!m_server->start(&error)) {
        m_server.reset();
        return Error{u"demo.cluster"_s, tr("The demo cluster could not start: %1").arg(error), error};
    }
    QString certFile;
    QString keyFile;
    if (!m_server->issueClientCertificate(u"demo-admin"_s, &certFile, &keyFile, &error)) {
        m_server.reset();
        return Error{u"demo.cluster"_s, tr("The demo cluster could not issue a client certificate: %1").arg(error),
                     error};
    }
    m_server->allowAll(u"demo-admin"_s);

    const QStringList lines{
        u"apiVersion: v1"_s, u"kind: Config"_s,
        u"# Written by Tideline for its demo cluster (a local Kubernetes API endpoint)."_s,
        u"clusters:"_s, u"- name: tideline-demo"_s, u"  cluster:"_s,
        u"    server: %1"_s.arg(m_server->url()),
        u"    certificate-authority: %1"_s.arg(m_server->caFile()),
        u"contexts:"_s, u"- name: tideline-demo"_s, u"  context:"_s, u"    cluster: tideline-demo"_s,
        u"    user: demo-admin"_s, u"    namespace: %1"_s.arg(kNs),
        u"current-context: tideline-demo"_s,
        u"users:"_s, u"- name: demo-admin"_s, u"  user:"_s,
        u"    client-certificate: %1"_s.arg(certFile), u"    client-key: %1"_s.arg(keyFile)};
    QDir().mkpath(QFileInfo(kubeconfigPath).absolutePath());
    QFile file(kubeconfigPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_server.reset();
        return Error{u"demo.cluster"_s, tr("Cannot write the demo kubeconfig %1: %2").arg(kubeconfigPath, file.errorString()),
                     file.errorString()};
    }
    file.write(lines.join(u'\n').toUtf8() + '\n');
    file.close();
    m_kubeconfig = kubeconfigPath;

    const int ready = m_hooks.readyWorkers ? m_hooks.readyWorkers() : 0;
    m_server->seed(KubeApiServer::deployment(kDeployment, kMinReplicas, ready, kNs));
    QJsonObject hpa = KubeApiServer::hpa(kDeployment, kDeployment, kMinReplicas, kMaxReplicas, kMetric,
                                         kTargetAverage, kMinReplicas, 0.0, kNs);
    QJsonObject hpaSpec = hpa.value(u"spec"_s).toObject();
    const QJsonArray doubling{QJsonObject{{u"type"_s, u"Percent"_s}, {u"value"_s, 100},
                                          {u"periodSeconds"_s, m_timing.scaleUpPeriodSeconds}}};
    hpaSpec.insert(u"behavior"_s, QJsonObject{
        {u"scaleUp"_s, QJsonObject{{u"stabilizationWindowSeconds"_s, 0}, {u"selectPolicy"_s, u"Max"_s},
                                   {u"policies"_s, doubling}}},
        {u"scaleDown"_s, QJsonObject{{u"stabilizationWindowSeconds"_s, m_timing.scaleDownWindowSeconds},
                                     {u"selectPolicy"_s, u"Max"_s},
                                     {u"policies"_s, QJsonArray{QJsonObject{{u"type"_s, u"Percent"_s},
                                                                            {u"value"_s, 100},
                                                                            {u"periodSeconds"_s, 15}}}}}}});
    hpa.insert(u"spec"_s, hpaSpec);
    m_server->seed(hpa);
    m_state = HpaState{};
    m_workers = -1;
    m_rescales = 0;
    syncDeployment();
    m_syncTimer.start();
    m_deploymentTimer.start();
    qCInfo(lcKube) << "demo cluster at" << m_server->url() << "kubeconfig" << kubeconfigPath;
    return {};
}

void DemoCluster::stop()
{
    m_syncTimer.stop();
    m_deploymentTimer.stop();
    if (m_server)
        m_server->stop();
    m_server.reset();
}

int DemoCluster::specReplicas() const
{
    if (!m_server)
        return 0;
    return m_server->object(u"deployments"_s, kNs, kDeployment)
        .value(u"spec"_s).toObject().value(u"replicas"_s).toInt();
}

void DemoCluster::emitEvent(const QString &kind, const QString &name, const QString &reason, const QString &message,
                            const QString &component)
{
    // Event names are the object's name and a unique hex suffix, as the API server's clients make them.
    const QString eventName = u"%1.%2"_s.arg(name).arg(
        quint64(QDateTime::currentMSecsSinceEpoch()) * 1000 + (++m_eventSeq % 1000), 0, 16);
    QJsonObject event = KubeApiServer::event(eventName, kind, name, reason, message, u"Normal"_s, kNs);
    const QString resource = kind == u"HorizontalPodAutoscaler"_s ? u"horizontalpodautoscalers"_s : u"deployments"_s;
    QJsonObject involved = event.value(u"involvedObject"_s).toObject();
    const QJsonObject meta = m_server->object(resource, kNs, name).value(u"metadata"_s).toObject();
    involved.insert(u"uid"_s, meta.value(u"uid"_s));
    involved.insert(u"resourceVersion"_s, meta.value(u"resourceVersion"_s));
    event.insert(u"involvedObject"_s, involved);
    event.insert(u"source"_s, QJsonObject{{u"component"_s, component}});
    event.insert(u"reportingComponent"_s, component);
    m_server->seed(event);
}

void DemoCluster::syncHpa()
{
    if (!m_server)
        return;
    const int current = specReplicas();
    const int ready = m_hooks.readyWorkers ? m_hooks.readyWorkers() : current;
    const std::optional<double> depth = m_hooks.depth ? m_hooks.depth() : std::nullopt;

    m_state.nowMs = QDateTime::currentMSecsSinceEpoch();
    m_state.currentReplicas = current;
    m_state.statusReplicas = current;
    m_state.readyPods = ready;
    QList<std::optional<HpaMetricValue>> metrics;
    double average = 0;
    if (depth && ready > 0) {
        // The Pods metric `messages` per pod: the queue shared by the ready workers.
        metrics.append(HpaMetricValue::perPodAverageOfTotal(*depth, ready));
        average = *depth / ready;
    } else {
        metrics.append(std::nullopt);
    }
    // The spec as stored now: kubectl edit or Tideline's scale dialog may have changed min/max.
    const auto hpaObject = kube::KubeTypes::parseHpa(m_server->object(u"horizontalpodautoscalers"_s, kNs, kDeployment));
    if (!hpaObject)
        return; // deleted or broken: a real controller would log and wait, so do we
    const HpaSpec &spec = hpaObject.value().spec;
    HpaOptions options;
    options.syncPeriodSeconds = std::max(1, m_timing.syncPeriodMs / 1000);
    const HpaDecision decision = HpaModel::sync(spec, m_state, metrics, options);
    m_lastDecision = decision;
    m_state = decision.state;
    const int next = decision.nextReplicas;
    const QString now = nowRfc3339();
    const bool changed = next != current && decision.scalingActive;
    const QString reasonText = decision.reasons.isEmpty() ? QString() : decision.reasons.first().text;

    m_server->mutate(u"horizontalpodautoscalers"_s, kNs, kDeployment, [&](QJsonObject &hpa) {
        QJsonObject status = hpa.value(u"status"_s).toObject();
        status.insert(u"currentReplicas"_s, current);
        status.insert(u"desiredReplicas"_s, changed ? next : current);
        if (changed)
            status.insert(u"lastScaleTime"_s, now);
        QJsonArray currentMetrics;
        if (!metrics.first().has_value()) {
            status.remove(u"currentMetrics"_s);
        } else {
            currentMetrics.append(QJsonObject{
                {u"type"_s, u"Pods"_s},
                {u"pods"_s, QJsonObject{{u"metric"_s, QJsonObject{{u"name"_s, kMetric}}},
                                        {u"current"_s, QJsonObject{{u"averageValue"_s, quantity(average)}}}}}});
            status.insert(u"currentMetrics"_s, currentMetrics);
        }
        // As the controller words it: the scale-up (or -down) policy, when it is stricter than
        // the bounds, is "ScaleUpLimit"; otherwise the bound itself.
        const int wanted = decision.stabilizedReplicas >= 0 ? decision.stabilizedReplicas : decision.metricReplicas;
        const bool rateUp = wanted > current && next < std::min(wanted, spec.maxReplicas);
        const bool rateDown = wanted >= 0 && wanted < current && next > std::max(wanted, spec.minReplicas);
        const bool tooMany = decision.metricReplicas > spec.maxReplicas;
        const bool limited = rateUp || rateDown || tooMany
                             || (decision.metricReplicas >= 0 && decision.metricReplicas < spec.minReplicas);
        const QJsonObject limitedCondition =
            rateUp     ? condition(u"ScalingLimited"_s, true, u"ScaleUpLimit"_s,
                                   u"the desired replica count is increasing faster than the maximum scale rate"_s)
            : rateDown ? condition(u"ScalingLimited"_s, true, u"ScaleDownLimit"_s,
                                   u"the desired replica count is decreasing faster than the maximum scale rate"_s)
            : tooMany  ? condition(u"ScalingLimited"_s, true, u"TooManyReplicas"_s,
                                   u"the desired replica count is more than the maximum replica count"_s)
                       : condition(u"ScalingLimited"_s, true, u"TooFewReplicas"_s,
                                   u"the desired replica count is less than the minimum replica count"_s);
        status.insert(u"conditions"_s, QJsonArray{
            condition(u"AbleToScale"_s, true, changed ? u"SucceededRescale"_s : u"ReadyForNewScale"_s,
                      changed ? u"the HPA controller was able to update the target scale to %1"_s.arg(next)
                              : u"recommended size matches current size"_s),
            metrics.first().has_value()
                ? condition(u"ScalingActive"_s, true, u"ValidMetricFound"_s,
                            u"the HPA was able to successfully calculate a replica count from pods metric %1"_s.arg(kMetric))
                : condition(u"ScalingActive"_s, false, u"FailedGetPodsMetric"_s,
                            u"the HPA was unable to compute the replica count: unable to get metric %1"_s.arg(kMetric)),
            limited ? limitedCondition
                    : condition(u"ScalingLimited"_s, false, u"DesiredWithinRange"_s,
                                u"the desired count is within the acceptable range"_s)});
        hpa.insert(u"status"_s, status);
    });

    if (!metrics.first().has_value()) {
        emitEvent(u"HorizontalPodAutoscaler"_s, kDeployment, u"FailedGetPodsMetric"_s,
                  u"unable to get metric %1: no ready pods or no queue depth"_s.arg(kMetric),
                  u"horizontal-pod-autoscaler"_s);
        return;
    }
    if (!changed)
        return;
    m_server->mutate(u"deployments"_s, kNs, kDeployment, [&](QJsonObject &d) {
        QJsonObject deploymentSpec = d.value(u"spec"_s).toObject();
        deploymentSpec.insert(u"replicas"_s, next);
        d.insert(u"spec"_s, deploymentSpec);
        QJsonObject meta = d.value(u"metadata"_s).toObject();
        meta.insert(u"generation"_s, meta.value(u"generation"_s).toInt(1) + 1);
        d.insert(u"metadata"_s, meta);
    });
    const QString why = next > current ? u"pods metric %1 above target"_s.arg(kMetric)
                                       : u"All metrics below target"_s;
    emitEvent(u"HorizontalPodAutoscaler"_s, kDeployment, u"SuccessfulRescale"_s,
              u"New size: %1; reason: %2"_s.arg(next).arg(why), u"horizontal-pod-autoscaler"_s);
    ++m_rescales;
    qCInfo(lcKube) << "demo HPA rescaled" << current << "->" << next << reasonText;
    Q_EMIT rescaled(current, next, reasonText);
    syncDeployment(); // the deployment controller reacts at once, as it would to the watch
}

void DemoCluster::syncDeployment()
{
    if (!m_server)
        return;
    const int spec = specReplicas();
    if (spec != m_workers) {
        if (m_workers >= 0) {
            emitEvent(u"Deployment"_s, kDeployment, u"ScalingReplicaSet"_s,
                      u"Scaled %1 replica set %2 to %3 from %4"_s
                          .arg(spec > m_workers ? u"up"_s : u"down"_s, replicaSetName())
                          .arg(spec)
                          .arg(m_workers),
                      u"deployment-controller"_s);
        }
        m_workers = spec;
        if (m_hooks.setWorkers)
            m_hooks.setWorkers(spec);
    }
    const int ready = std::min(spec, m_hooks.readyWorkers ? m_hooks.readyWorkers() : spec);
    const QJsonObject current = m_server->object(u"deployments"_s, kNs, kDeployment);
    const QJsonObject status = current.value(u"status"_s).toObject();
    const int generation = current.value(u"metadata"_s).toObject().value(u"generation"_s).toInt(1);
    if (status.value(u"readyReplicas"_s).toInt(-1) == ready && status.value(u"replicas"_s).toInt(-1) == spec
        && status.value(u"observedGeneration"_s).toInt() == generation)
        return;
    m_server->mutate(u"deployments"_s, kNs, kDeployment, [&](QJsonObject &d) {
        QJsonObject s = d.value(u"status"_s).toObject();
        s.insert(u"observedGeneration"_s, generation);
        s.insert(u"replicas"_s, spec);
        s.insert(u"updatedReplicas"_s, spec);
        s.insert(u"readyReplicas"_s, ready);
        s.insert(u"availableReplicas"_s, ready);
        if (spec > ready)
            s.insert(u"unavailableReplicas"_s, spec - ready);
        else
            s.remove(u"unavailableReplicas"_s);
        d.insert(u"status"_s, s);
    });
}

} // namespace tideline::demo
