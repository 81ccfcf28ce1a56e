#include "ScalingHistoryRecorder.h"

#include "core/HistoryStore.h"
#include "core/Logging.h"

#include <QDateTime>
#include <QRegularExpression>

#include <utility>

using namespace Qt::StringLiterals;

namespace tideline::kube {

namespace {

constexpr qint64 SeenMemoryMs = 8LL * 24 * 3600 * 1000;

QString workloadKey(const QString &kind, const QString &ns, const QString &name)
{
    return kind + u'/' + ns + u'/' + name;
}

QString lowerKind(const QString &kind)
{
    return kind == u"StatefulSet"_s ? u"statefulset"_s : u"deployment"_s;
}

std::optional<int> captureInt(const QString &text, const QRegularExpression &re)
{
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const int v = m.captured(1).toInt(&ok);
    return ok ? std::optional<int>(v) : std::nullopt;
}

} // namespace

ScalingHistoryRecorder::ScalingHistoryRecorder(HistoryStore *store, QString cluster, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_cluster(std::move(cluster))
{
}

ScalingHistoryRecorder::~ScalingHistoryRecorder() = default;

qint64 ScalingHistoryRecorder::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void ScalingHistoryRecorder::prime(qint64 sinceMs)
{
    if (m_primed || m_priming)
        return;
    if (!m_store || !m_store->isOpen()) {
        m_primed = true;
        return;
    }
    m_priming = true;
    HistoryStore::EventFilter filter;
    filter.cluster = m_cluster;
    filter.limit = 0;
    const qint64 to = now() + 24LL * 3600 * 1000; // events stamped by a clock slightly ahead
    m_store->queryEvents(now() - sinceMs, to, filter, this, [this](const Result<QList<TimelineEvent>> &result) {
        m_priming = false;
        m_primed = true;
        if (result) {
            for (const TimelineEvent &e : result.value())
                m_seen.insert(signature(e), e.timestampMs);
        } else {
            qCWarning(lcKube).noquote() << "scaling history: cannot read earlier events:" << result.error().message;
        }
        const QList<KubeEvent> pending = std::exchange(m_pending, {});
        for (const KubeEvent &e : pending)
            recordEvent(e);
    });
}

bool ScalingHistoryRecorder::isScalingEvent(const KubeEvent &event)
{
    static const QStringList kinds{u"Deployment"_s, u"StatefulSet"_s, u"ReplicaSet"_s,
                                   u"HorizontalPodAutoscaler"_s, u"ScaledObject"_s};
    return kinds.contains(event.involvedObject.kind);
}

TimelineEvent ScalingHistoryRecorder::timelineEvent(const KubeEvent &event, const QString &cluster)
{
    // deployment-controller: "Scaled up replica set worker-5d8f to 4 from 2" (1.26+) or
    // "Scaled up replica set worker-5d8f to 4"; HPA: "New size: 4; reason: ...".
    static const QRegularExpression to(u"\\bto (\\d+)\\b"_s);
    static const QRegularExpression from(u"\\bfrom (\\d+)\\b"_s);
    static const QRegularExpression newSize(u"New size: (\\d+)"_s);

    TimelineEvent t;
    t.timestampMs = event.lastSeen().toMSecsSinceEpoch();
    t.source = QString::fromLatin1(EventSource);
    t.cluster = cluster;
    t.ns = event.involvedObject.ns.isEmpty() ? event.meta.ns : event.involvedObject.ns;
    t.kind = event.involvedObject.kind;
    t.name = event.involvedObject.name;
    t.type = event.type;
    t.reason = event.reason;
    t.message = event.message;
    if (event.occurrences() > 1)
        t.message = tr("%1 (×%2)").arg(event.message).arg(event.occurrences());
    if (event.reason == u"ScalingReplicaSet"_s) {
        t.toReplicas = captureInt(event.message, to);
        t.fromReplicas = captureInt(event.message, from);
    } else if (event.reason == u"SuccessfulRescale"_s) {
        t.toReplicas = captureInt(event.message, newSize);
    }
    return t;
}

QString ScalingHistoryRecorder::signature(const TimelineEvent &e)
{
    return QStringList{e.ns, e.kind, e.name, e.reason, QString::number(e.timestampMs), e.message}.join(QChar(0x1f));
}

QString ScalingHistoryRecorder::seriesSource(const QString &cluster)
{
    return u"kube "_s + cluster;
}

MetricSeriesKey ScalingHistoryRecorder::specReplicasKey(const QString &cluster, const QString &kind,
                                                        const QString &ns, const QString &name)
{
    const QString k = lowerKind(kind);
    const QString metric = k == u"statefulset"_s ? u"kube_statefulset_replicas"_s : u"kube_deployment_spec_replicas"_s;
    return {seriesSource(cluster), metric, {{u"namespace"_s, ns}, {k, name}}};
}

MetricSeriesKey ScalingHistoryRecorder::readyReplicasKey(const QString &cluster, const QString &kind,
                                                         const QString &ns, const QString &name)
{
    const QString k = lowerKind(kind);
    return {seriesSource(cluster), u"kube_%1_status_replicas_ready"_s.arg(k), {{u"namespace"_s, ns}, {k, name}}};
}

MetricSeriesKey ScalingHistoryRecorder::hpaDesiredKey(const QString &cluster, const QString &ns, const QString &name)
{
    return {seriesSource(cluster), u"kube_horizontalpodautoscaler_status_desired_replicas"_s,
            {{u"namespace"_s, ns}, {u"horizontalpodautoscaler"_s, name}}};
}

void ScalingHistoryRecorder::write(const TimelineEvent &event)
{
    const QString sig = signature(event);
    if (m_seen.contains(sig))
        return;
    m_seen.insert(sig, event.timestampMs);
    if (m_store)
        m_store->appendEvent(event);
    ++m_recorded;
    if (m_seen.size() > 20'000)
        pruneSeen();
    Q_EMIT recorded(event);
}

void ScalingHistoryRecorder::writeSample(const MetricSeriesKey &key, qint64 ts, double value)
{
    const MetricSample sample{key, {ts, value}};
    if (m_store)
        m_store->append(sample);
    Q_EMIT sampleRecorded(sample);
}

void ScalingHistoryRecorder::pruneSeen()
{
    const qint64 oldest = now() - SeenMemoryMs;
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (it.value() < oldest)
            it = m_seen.erase(it);
        else
            ++it;
    }
}

void ScalingHistoryRecorder::observeEvent(const KubeEvent &event)
{
    if (!isScalingEvent(event))
        return;
    if (!m_primed) {
        m_pending.append(event);
        if (!m_priming)
            prime();
        return;
    }
    recordEvent(event);
}

void ScalingHistoryRecorder::recordEvent(const KubeEvent &event)
{
    write(timelineEvent(event, m_cluster));
}

void ScalingHistoryRecorder::observeWorkload(const Workload &w)
{
    const qint64 ts = now();
    const QString key = workloadKey(w.kind, w.meta.ns, w.meta.name);
    const auto it = m_workloads.constFind(key);
    const bool first = it == m_workloads.constEnd();
    const WorkloadMemory before = first ? WorkloadMemory{} : it.value();
    if (first || before.specReplicas != w.specReplicas) {
        writeSample(specReplicasKey(m_cluster, w.kind, w.meta.ns, w.meta.name), ts, w.specReplicas);
        if (!first) {
            TimelineEvent t;
            t.timestampMs = ts;
            t.source = QString::fromLatin1(OwnSource);
            t.cluster = m_cluster;
            t.ns = w.meta.ns;
            t.kind = w.kind;
            t.name = w.meta.name;
            t.reason = u"ReplicasChanged"_s;
            t.message = tr("spec.replicas %1 → %2").arg(before.specReplicas).arg(w.specReplicas);
            t.fromReplicas = before.specReplicas;
            t.toReplicas = w.specReplicas;
            write(t);
        }
    }
    if (first || before.readyReplicas != w.readyReplicas)
        writeSample(readyReplicasKey(m_cluster, w.kind, w.meta.ns, w.meta.name), ts, w.readyReplicas);
    m_workloads.insert(key, {w.specReplicas, w.readyReplicas});
}

void ScalingHistoryRecorder::forgetWorkload(const QString &kind, const QString &ns, const QString &name)
{
    if (kind == u"HorizontalPodAutoscaler"_s)
        m_hpas.remove(ns + u'/' + name);
    else
        m_workloads.remove(workloadKey(kind, ns, name));
}

void ScalingHistoryRecorder::observeHpa(const Hpa &hpa)
{
    const qint64 ts = now();
    const QString key = hpa.meta.ns + u'/' + hpa.meta.name;
    const auto it = m_hpas.constFind(key);
    const bool first = it == m_hpas.constEnd();
    const HpaMemory before = first ? HpaMemory{} : it.value();
    HpaMemory after;
    after.desiredReplicas = hpa.desiredReplicas;

    const auto base = [&] {
        TimelineEvent t;
        t.timestampMs = ts;
        t.source = QString::fromLatin1(OwnSource);
        t.cluster = m_cluster;
        t.ns = hpa.meta.ns;
        t.kind = u"HorizontalPodAutoscaler"_s;
        t.name = hpa.meta.name;
        return t;
    };

    if (first || before.desiredReplicas != hpa.desiredReplicas) {
        writeSample(hpaDesiredKey(m_cluster, hpa.meta.ns, hpa.meta.name), ts, hpa.desiredReplicas);
        if (!first) {
            TimelineEvent t = base();
            t.reason = u"DesiredReplicasChanged"_s;
            t.message = tr("desired replicas %1 → %2").arg(before.desiredReplicas).arg(hpa.desiredReplicas);
            t.fromReplicas = before.desiredReplicas;
            t.toReplicas = hpa.desiredReplicas;
            write(t);
        }
    }

    for (const KubeCondition &c : hpa.conditions) {
        const QString state = c.status + u'/' + c.reason;
        after.conditions.insert(c.type, state);
        if (before.conditions.value(c.type) == state)
            continue;
        TimelineEvent t = base();
        // The condition's own transition time when it has one: a restart records the same moment.
        if (c.lastTransitionTime.isValid())
            t.timestampMs = c.lastTransitionTime.toMSecsSinceEpoch();
        const bool healthy = (c.type == u"ScalingLimited"_s) ? c.status != u"True"_s : c.status == u"True"_s;
        t.type = healthy ? u"Normal"_s : u"Warning"_s;
        t.reason = u"%1=%2"_s.arg(c.type, c.status);
        t.message = c.reason.isEmpty() ? c.message : tr("%1: %2").arg(c.reason, c.message);
        write(t);
    }
    m_hpas.insert(key, after);
}

} // namespace tideline::kube
