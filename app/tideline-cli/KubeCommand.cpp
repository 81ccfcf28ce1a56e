#include "KubeCommand.h"

#include "CliSupport.h"
#include "core/HpaModel.h"
#include "kube/AuditLog.h"
#include "kube/KubeClient.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace tideline::cli {

namespace {

// The CLI has nothing else to do while a request runs: spin a local loop until it answers.
template<typename T>
Result<T> await(const std::function<void(kube::KubeClient::Callback<T>)> &start)
{
    std::optional<Result<T>> out;
    QEventLoop loop;
    start([&out, &loop](const Result<T> &r) {
        out = r;
        loop.quit();
    });
    if (!out)
        loop.exec();
    return *out;
}

void printWarnings(const kube::KubeClient &client)
{
    for (const QString &w : client.configWarnings())
        printStderr(QCoreApplication::translate("Cli", "tideline-cli: warning: %1").arg(w));
}

// Columns padded to their widest cell, as kubectl prints tables.
QString table(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : header)
        widths << h.size();
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    const auto line = [&widths](const QStringList &cells) -> QString {
        QString out;
        for (qsizetype i = 0; i < cells.size(); ++i)
            out += i + 1 == cells.size() ? cells.at(i) : cells.at(i).leftJustified(widths.at(i) + 3);
        out += u'\n';
        return out;
    };
    QString out = line(header);
    for (const QStringList &row : rows)
        out += line(row);
    return out;
}

QJsonObject metaJson(const kube::ObjectMeta &m)
{
    return {{u"name"_s, m.name}, {u"namespace"_s, m.ns}, {u"resourceVersion"_s, m.resourceVersion},
            {u"creationTimestamp"_s, m.creationTimestamp.toUTC().toString(Qt::ISODate)}};
}

QString sourceName(HpaMetricSourceType t)
{
    switch (t) {
    case HpaMetricSourceType::Resource: return u"Resource"_s;
    case HpaMetricSourceType::ContainerResource: return u"ContainerResource"_s;
    case HpaMetricSourceType::Pods: return u"Pods"_s;
    case HpaMetricSourceType::Object: return u"Object"_s;
    case HpaMetricSourceType::External: return u"External"_s;
    }
    return {};
}

QString targetName(HpaTargetType t)
{
    switch (t) {
    case HpaTargetType::Utilization: return u"Utilization"_s;
    case HpaTargetType::AverageValue: return u"AverageValue"_s;
    case HpaTargetType::Value: return u"Value"_s;
    }
    return {};
}

// "deployment/worker", "deploy/worker", "sts/db" -> ("deployments", "worker").
std::optional<QPair<QString, QString>> parseWorkloadRef(const QString &ref)
{
    const qsizetype slash = ref.indexOf(u'/');
    if (slash <= 0 || slash == ref.size() - 1)
        return std::nullopt;
    const QString type = ref.left(slash).toLower();
    const QString name = ref.mid(slash + 1);
    if (type == u"deployment"_s || type == u"deployments"_s || type == u"deploy"_s
        || type == u"deployment.apps"_s || type == u"deployments.apps"_s)
        return QPair<QString, QString>{u"deployments"_s, name};
    if (type == u"statefulset"_s || type == u"statefulsets"_s || type == u"sts"_s
        || type == u"statefulset.apps"_s || type == u"statefulsets.apps"_s)
        return QPair<QString, QString>{u"statefulsets"_s, name};
    return std::nullopt;
}

QString kindOf(const QString &resource)
{
    return resource == u"statefulsets"_s ? u"StatefulSet"_s : u"Deployment"_s;
}

QString singularOf(const QString &resource)
{
    return resource == u"statefulsets"_s ? u"statefulset"_s : u"deployment"_s;
}

} // namespace

// ---------------------------------------------------------------------------------------------

KubeTargetOptions::KubeTargetOptions()
    : m_kubeconfig(u"kubeconfig"_s, tr("kubeconfig file. Default: $KUBECONFIG or ~/.kube/config."), tr("FILE"))
    , m_context(u"context"_s, tr("kubeconfig context. Default: current-context."), tr("NAME"))
    , m_namespace({u"n"_s, u"namespace"_s}, tr("Namespace. Default: the context's namespace, else \"default\"."),
                  tr("NS"))
{
}

void KubeTargetOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOption(m_kubeconfig);
    parser.addOption(m_context);
    parser.addOption(m_namespace);
}

std::optional<QString> KubeTargetOptions::configure(const QCommandLineParser &parser, kube::KubeClient &client) const
{
    const auto r = client.configureFromKubeconfig(parser.value(m_kubeconfig), parser.value(m_context));
    if (!r) {
        runtimeError(r.error().message);
        return std::nullopt;
    }
    printWarnings(client);
    return parser.isSet(m_namespace) ? parser.value(m_namespace) : client.defaultNamespace();
}

// ---------------------------------------------------------------------------------------------
// kube get

KubeGetCommand::KubeGetCommand()
    : m_allNamespaces({u"A"_s, u"all-namespaces"_s}, tr("List across all namespaces."))
    , m_json(u"json"_s, tr("Print a JSON array of the parsed objects instead of a table."))
    , m_for(u"for"_s, tr("events only: the events of one object, e.g. deployment/worker."), tr("KIND/NAME"))
    , m_eventsApi(u"events-api"_s, tr("events only: read events.k8s.io/v1 instead of core/v1."))
{
}

QString KubeGetCommand::name() const
{
    return u"kube get"_s;
}

QString KubeGetCommand::summary() const
{
    return tr("List Deployments, StatefulSets, HPAs, events or KEDA ScaledObjects");
}

QString KubeGetCommand::synopsis() const
{
    return u"kube get deployments|statefulsets|hpa|events|scaledobjects [options]"_s;
}

QString KubeGetCommand::details() const
{
    return tr("Reads the cluster of a kubeconfig context (client certificates, tokens and exec plugins such "
              "as aws, gke-gcloud-auth-plugin or kubelogin work as with kubectl).\n"
              "Examples:\n"
              "  tideline-cli kube get deployments -n jobs\n"
              "  tideline-cli kube get hpa --context prod --json\n"
              "  tideline-cli kube get events --for deployment/worker");
}

void KubeGetCommand::addOptions(QCommandLineParser &parser)
{
    m_target.addTo(parser);
    parser.addOption(m_allNamespaces);
    parser.addOption(m_json);
    parser.addOption(m_for);
    parser.addOption(m_eventsApi);
    parser.addPositionalArgument(u"type"_s, tr("deployments, statefulsets, hpa, events or scaledobjects"));
}

int KubeGetCommand::run(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(name(), tr("Name one type: deployments, statefulsets, hpa, events or scaledobjects."));
    QString type = args.first().toLower();
    if (type == u"deploy"_s || type == u"deployment"_s || type == u"deployments.apps"_s)
        type = u"deployments"_s;
    else if (type == u"sts"_s || type == u"statefulset"_s)
        type = u"statefulsets"_s;
    else if (type == u"horizontalpodautoscalers"_s || type == u"horizontalpodautoscaler"_s)
        type = u"hpa"_s;
    else if (type == u"ev"_s || type == u"event"_s)
        type = u"events"_s;
    else if (type == u"so"_s || type == u"scaledobject"_s)
        type = u"scaledobjects"_s;
    const QStringList known{u"deployments"_s, u"statefulsets"_s, u"hpa"_s, u"events"_s, u"scaledobjects"_s};
    if (!known.contains(type))
        return usageError(name(), tr("Unknown type \"%1\"; use one of: %2.").arg(args.first(), known.join(u", "_s)));
    if (parser.isSet(m_for) && type != u"events"_s)
        return usageError(name(), tr("--for only applies to events."));

    kube::KubeClient client;
    const auto target = m_target.configure(parser, client);
    if (!target)
        return ExitFailure;
    const QString ns = parser.isSet(m_allNamespaces) ? QString() : *target;
    const bool json = parser.isSet(m_json);
    const bool all = ns.isEmpty();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray out;
    QList<QStringList> rows;
    QStringList header;

    if (type == u"deployments"_s || type == u"statefulsets"_s) {
        const auto r = await<kube::KubeList<kube::Workload>>([&](auto cb) {
            if (type == u"deployments"_s)
                client.listDeployments(ns, nullptr, cb);
            else
                client.listStatefulSets(ns, nullptr, cb);
        });
        if (!r)
            return runtimeError(r.error().message);
        header = type == u"deployments"_s ? QStringList{tr("NAME"), tr("READY"), tr("UP-TO-DATE"), tr("AVAILABLE"), tr("AGE")}
                                          : QStringList{tr("NAME"), tr("READY"), tr("AGE")};
        if (all)
            header.prepend(tr("NAMESPACE"));
        for (const kube::Workload &w : r.value().items) {
            out.append(QJsonObject{{u"kind"_s, w.kind}, {u"metadata"_s, metaJson(w.meta)},
                                   {u"replicas"_s, w.specReplicas}, {u"statusReplicas"_s, w.replicas},
                                   {u"updatedReplicas"_s, w.updatedReplicas}, {u"readyReplicas"_s, w.readyReplicas},
                                   {u"availableReplicas"_s, w.availableReplicas}, {u"selector"_s, w.selector}});
            QStringList row{w.meta.name, u"%1/%2"_s.arg(w.readyReplicas).arg(w.specReplicas)};
            if (type == u"deployments"_s)
                row << QString::number(w.updatedReplicas) << QString::number(w.availableReplicas);
            row << kube::KubeTypes::formatAge(w.meta.creationTimestamp, now);
            if (all)
                row.prepend(w.meta.ns);
            rows << row;
        }
    } else if (type == u"hpa"_s) {
        const auto r = await<kube::KubeList<kube::Hpa>>([&](auto cb) { client.listHpas(ns, nullptr, cb); });
        if (!r)
            return runtimeError(r.error().message);
        header = {tr("NAME"), tr("REFERENCE"), tr("TARGETS"), tr("MINPODS"), tr("MAXPODS"), tr("REPLICAS"), tr("AGE")};
        if (all)
            header.prepend(tr("NAMESPACE"));
        for (const kube::Hpa &h : r.value().items) {
            QJsonArray metrics;
            const auto values = h.metricValues();
            for (qsizetype i = 0; i < h.spec.metrics.size(); ++i) {
                const HpaMetricSpec &m = h.spec.metrics.at(i);
                QJsonObject mj{{u"type"_s, sourceName(m.source)}, {u"name"_s, m.name},
                               {u"targetType"_s, targetName(m.targetType)}, {u"target"_s, m.target}};
                if (!m.container.isEmpty())
                    mj.insert(u"container"_s, m.container);
                mj.insert(u"current"_s, values.at(i) ? QJsonValue(values.at(i)->current) : QJsonValue());
                metrics.append(mj);
            }
            QJsonArray conditions;
            for (const kube::KubeCondition &c : h.conditions)
                conditions.append(QJsonObject{{u"type"_s, c.type}, {u"status"_s, c.status}, {u"reason"_s, c.reason},
                                              {u"message"_s, c.message}});
            out.append(QJsonObject{{u"kind"_s, u"HorizontalPodAutoscaler"_s}, {u"metadata"_s, metaJson(h.meta)},
                                   {u"scaleTargetRef"_s, QJsonObject{{u"kind"_s, h.scaleTargetRef.kind},
                                                                     {u"name"_s, h.scaleTargetRef.name},
                                                                     {u"apiVersion"_s, h.scaleTargetRef.apiVersion}}},
                                   {u"minReplicas"_s, h.spec.minReplicas}, {u"maxReplicas"_s, h.spec.maxReplicas},
                                   {u"currentReplicas"_s, h.currentReplicas}, {u"desiredReplicas"_s, h.desiredReplicas},
                                   {u"metrics"_s, metrics}, {u"conditions"_s, conditions},
                                   {u"hasBehavior"_s, h.spec.behavior.has_value()}});
            QStringList row{h.meta.name, h.scaleTargetRef.kind + u'/' + h.scaleTargetRef.name,
                            kube::KubeTypes::hpaTargets(h), QString::number(h.spec.minReplicas),
                            QString::number(h.spec.maxReplicas), QString::number(h.currentReplicas),
                            kube::KubeTypes::formatAge(h.meta.creationTimestamp, now)};
            if (all)
                row.prepend(h.meta.ns);
            rows << row;
        }
    } else if (type == u"events"_s) {
        QString forKind;
        QString forName;
        if (parser.isSet(m_for)) {
            const QString ref = parser.value(m_for);
            const qsizetype slash = ref.indexOf(u'/');
            if (slash <= 0)
                return usageError(name(), tr("--for takes KIND/NAME, e.g. deployment/worker."));
            forName = ref.mid(slash + 1);
            const QString k = ref.left(slash).toLower();
            const QMap<QString, QString> kinds{{u"deployment"_s, u"Deployment"_s}, {u"deploy"_s, u"Deployment"_s},
                                               {u"statefulset"_s, u"StatefulSet"_s}, {u"sts"_s, u"StatefulSet"_s},
                                               {u"hpa"_s, u"HorizontalPodAutoscaler"_s},
                                               {u"horizontalpodautoscaler"_s, u"HorizontalPodAutoscaler"_s},
                                               {u"pod"_s, u"Pod"_s}, {u"replicaset"_s, u"ReplicaSet"_s},
                                               {u"rs"_s, u"ReplicaSet"_s}, {u"scaledobject"_s, u"ScaledObject"_s}};
            forKind = kinds.value(k, ref.left(slash));
        }
        const auto r = await<kube::KubeList<kube::KubeEvent>>([&](auto cb) {
            client.listEvents(ns, forName, forKind, parser.isSet(m_eventsApi), nullptr, cb);
        });
        if (!r)
            return runtimeError(r.error().message);
        QList<kube::KubeEvent> events = r.value().items;
        std::stable_sort(events.begin(), events.end(),
                         [](const kube::KubeEvent &a, const kube::KubeEvent &b) { return a.lastSeen() < b.lastSeen(); });
        header = {tr("LAST SEEN"), tr("TYPE"), tr("REASON"), tr("OBJECT"), tr("MESSAGE")};
        if (all)
            header.prepend(tr("NAMESPACE"));
        for (const kube::KubeEvent &e : events) {
            out.append(QJsonObject{
                {u"metadata"_s, metaJson(e.meta)}, {u"type"_s, e.type}, {u"reason"_s, e.reason},
                {u"message"_s, e.message},
                {u"involvedObject"_s, QJsonObject{{u"kind"_s, e.involvedObject.kind}, {u"name"_s, e.involvedObject.name},
                                                  {u"namespace"_s, e.involvedObject.ns}}},
                {u"count"_s, e.occurrences()}, {u"lastSeen"_s, e.lastSeen().toUTC().toString(Qt::ISODate)},
                {u"reportingController"_s, e.reportingController}});
            QString seen = kube::KubeTypes::formatAge(e.lastSeen(), now);
            if (e.occurrences() > 1)
                seen = tr("%1 (x%2)").arg(seen).arg(e.occurrences());
            QStringList row{seen, e.type, e.reason, e.involvedObject.kind.toLower() + u'/' + e.involvedObject.name,
                            e.message};
            if (all)
                row.prepend(e.meta.ns);
            rows << row;
        }
    } else {
        const auto r = await<kube::ScaledObjectList>([&](auto cb) { client.listScaledObjects(ns, nullptr, cb); });
        if (!r)
            return runtimeError(r.error().message);
        if (!r.value().installed) {
            if (json)
                writeStdout("[]\n", true);
            printStderr(tr("KEDA is not installed in this cluster (the keda.sh/v1alpha1 ScaledObject API is not served)."));
            return ExitOk;
        }
        header = {tr("NAME"), tr("SCALETARGETKIND"), tr("SCALETARGETNAME"), tr("MIN"), tr("MAX"), tr("TRIGGERS"), tr("AGE")};
        if (all)
            header.prepend(tr("NAMESPACE"));
        for (const kube::ScaledObject &s : r.value().objects.items) {
            QStringList triggerTypes;
            QJsonArray triggers;
            for (const kube::KedaTrigger &t : s.triggers) {
                triggerTypes << t.type;
                QJsonObject md;
                for (auto it = t.metadata.constBegin(); it != t.metadata.constEnd(); ++it)
                    md.insert(it.key(), it.value());
                triggers.append(QJsonObject{{u"type"_s, t.type}, {u"name"_s, t.name}, {u"metadata"_s, md}});
            }
            out.append(QJsonObject{{u"kind"_s, u"ScaledObject"_s}, {u"metadata"_s, metaJson(s.meta)},
                                   {u"scaleTargetRef"_s, QJsonObject{{u"kind"_s, s.scaleTargetRef.kind},
                                                                     {u"name"_s, s.scaleTargetRef.name}}},
                                   {u"minReplicaCount"_s, s.minReplicaCount ? QJsonValue(*s.minReplicaCount) : QJsonValue()},
                                   {u"maxReplicaCount"_s, s.maxReplicaCount ? QJsonValue(*s.maxReplicaCount) : QJsonValue()},
                                   {u"triggers"_s, triggers}, {u"hpaName"_s, s.hpaName}});
            QStringList row{s.meta.name, s.scaleTargetRef.kind, s.scaleTargetRef.name,
                            s.minReplicaCount ? QString::number(*s.minReplicaCount) : u"0"_s,
                            s.maxReplicaCount ? QString::number(*s.maxReplicaCount) : u"100"_s,
                            triggerTypes.join(u','), kube::KubeTypes::formatAge(s.meta.creationTimestamp, now)};
            if (all)
                row.prepend(s.meta.ns);
            rows << row;
        }
    }

    if (json) {
        writeStdout(QJsonDocument(out).toJson(QJsonDocument::Indented), true);
        return ExitOk;
    }
    if (rows.isEmpty()) {
        printStderr(all ? tr("No resources found.") : tr("No resources found in %1 namespace.").arg(ns));
        return ExitOk;
    }
    writeStdout(table(header, rows).toUtf8(), true);
    return ExitOk;
}

// ---------------------------------------------------------------------------------------------
// kube scale

KubeScaleCommand::KubeScaleCommand()
    : m_replicas(u"replicas"_s, tr("The new replica count."), tr("N"))
    , m_dryRun(u"dry-run"_s, tr("Only ask the API server to validate the change (dryRun=All); nothing changes."))
    , m_yes(u"yes"_s, tr("Do not ask for confirmation."))
    , m_auditLog(u"audit-log"_s, tr("Audit log file (JSON Lines). Default: kube-audit.jsonl in the app data directory."),
                 tr("FILE"))
{
}

QString KubeScaleCommand::name() const
{
    return u"kube scale"_s;
}

QString KubeScaleCommand::summary() const
{
    return tr("Scale a Deployment or StatefulSet (checked, dry-run first, audited)");
}

QString KubeScaleCommand::synopsis() const
{
    return u"kube scale deployment/NAME --replicas N [--dry-run] [--yes] [options]"_s;
}

QString KubeScaleCommand::details() const
{
    return tr("Steps: a SelfSubjectAccessReview for patch on deployments/scale (or statefulsets/scale), a "
              "server-side dry run of the change, a y/N question on stdin unless --yes, then a merge-patch "
              "of the scale subresource. Every attempt, including refusals and cancellations, is appended "
              "to the audit log. An HPA or KEDA on the same workload will move the count back.");
}

void KubeScaleCommand::addOptions(QCommandLineParser &parser)
{
    m_target.addTo(parser);
    parser.addOption(m_replicas);
    parser.addOption(m_dryRun);
    parser.addOption(m_yes);
    parser.addOption(m_auditLog);
    parser.addPositionalArgument(u"target"_s, tr("deployment/NAME or statefulset/NAME"));
}

int KubeScaleCommand::run(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(name(), tr("Name one target: deployment/NAME or statefulset/NAME."));
    const auto ref = parseWorkloadRef(args.first());
    if (!ref)
        return usageError(name(), tr("\"%1\" is not deployment/NAME or statefulset/NAME.").arg(args.first()));
    if (!parser.isSet(m_replicas))
        return usageError(name(), tr("--replicas is required."));
    const auto replicas = parseInteger(parser.value(m_replicas), 0, 1000000);
    if (!replicas)
        return usageError(name(), tr("--replicas must be a whole number from 0 to 1000000."));
    const QString resource = ref->first;
    const QString objectName = ref->second;
    const int to = int(*replicas);
    const bool dryRunOnly = parser.isSet(m_dryRun);

    kube::KubeClient client;
    const auto configured = m_target.configure(parser, client);
    if (!configured)
        return ExitFailure;
    const QString ns = *configured;
    const kube::AuditLog audit(parser.isSet(m_auditLog) ? parser.value(m_auditLog) : kube::AuditLog::defaultPath());
    kube::AuditEntry entry;
    entry.user = client.context().user.name;
    entry.cluster = client.server().toString();
    entry.context = client.context().contextName;
    entry.ns = ns;
    entry.kind = kindOf(resource);
    entry.name = objectName;
    entry.to = to;
    entry.dryRunResult = u"skipped"_s;
    const QString target = singularOf(resource) + u'/' + objectName;
    const auto finish = [&](const QString &outcome, int code, const QString &message) {
        entry.outcome = outcome;
        entry.time = QDateTime::currentDateTimeUtc();
        const auto written = audit.append(entry);
        if (!written)
            printStderr(tr("tideline-cli: warning: %1").arg(written.error().message));
        if (code != ExitOk)
            return runtimeError(message);
        if (!message.isEmpty())
            writeStdout((message + u'\n').toUtf8(), true);
        return code;
    };

    const auto review = await<kube::AccessReview>([&](auto cb) { client.canScale(resource, ns, objectName, nullptr, cb); });
    if (!review)
        return finish(u"failed: "_s + review.error().message, ExitFailure, review.error().message);
    if (!review.value().allowed) {
        QString message = tr("not allowed: you cannot patch %1/scale \"%2\" in namespace \"%3\" (SelfSubjectAccessReview "
                             "answered no)").arg(resource, objectName, ns);
        if (!review.value().reason.isEmpty())
            message += u": "_s + review.value().reason;
        return finish(u"denied"_s, ExitFailure, message);
    }

    const auto current = await<kube::KubeScale>([&](auto cb) { client.getScale(resource, ns, objectName, nullptr, cb); });
    if (!current)
        return finish(u"failed: "_s + current.error().message, ExitFailure, current.error().message);
    entry.from = current.value().specReplicas;

    const auto dry = await<kube::KubeScale>([&](auto cb) { client.scale(resource, ns, objectName, to, true, nullptr, cb); });
    if (!dry) {
        entry.dryRunResult = dry.error().message;
        return finish(u"failed: "_s + dry.error().message, ExitFailure, dry.error().message);
    }
    entry.dryRunResult = u"ok"_s;
    if (dryRunOnly) {
        return finish(u"dry-run"_s, ExitOk,
                      tr("%1 in namespace %2: %3 -> %4 replicas (server dry run passed; nothing was changed)")
                          .arg(target, ns).arg(current.value().specReplicas).arg(to));
    }
    if (!parser.isSet(m_yes)) {
        printStderr(tr("Scale %1 in namespace %2 (context %3) from %4 to %5 replicas? [y/N]")
                        .arg(target, ns, client.context().contextName)
                        .arg(current.value().specReplicas)
                        .arg(to));
        QFile in;
        QByteArray answer;
        if (in.open(stdin, QIODevice::ReadOnly))
            answer = in.readLine().trimmed().toLower();
        if (answer != "y" && answer != "yes")
            return finish(u"cancelled"_s, ExitFailure, tr("cancelled: %1 was not scaled").arg(target));
    }
    const auto done = await<kube::KubeScale>([&](auto cb) { client.scale(resource, ns, objectName, to, false, nullptr, cb); });
    if (!done)
        return finish(u"failed: "_s + done.error().message, ExitFailure, done.error().message);
    return finish(u"applied"_s, ExitOk,
                  tr("%1.apps/%2 scaled from %3 to %4 replicas")
                      .arg(singularOf(resource), objectName)
                      .arg(current.value().specReplicas)
                      .arg(done.value().specReplicas));
}

// ---------------------------------------------------------------------------------------------
// kube preview

KubePreviewCommand::KubePreviewCommand()
    : m_metricValue(u"metric-value"_s,
                    tr("What-if: use V as the current value of the HPA's first metric (in the unit kubectl describe "
                       "shows: percent, per-pod average, or the value)."),
                    tr("V"))
    , m_json(u"json"_s, tr("Print the decision as JSON."))
{
}

QString KubePreviewCommand::name() const
{
    return u"kube preview"_s;
}

QString KubePreviewCommand::summary() const
{
    return tr("Preview the next HPA decision (autoscaling/v2 controller rules)");
}

QString KubePreviewCommand::synopsis() const
{
    return u"kube preview hpa/NAME [--metric-value V] [--json] [options]"_s;
}

QString KubePreviewCommand::details() const
{
    return tr("Reads the HPA and its scale target and runs the controller's algorithm on the metrics the HPA "
              "last reported (status.currentMetrics), or on --metric-value. The controller's in-memory history "
              "(recommendations, scale events) is not visible from outside: the preview starts from a first "
              "sync. JSON fields: currentReplicas, nextReplicas, eventualReplicas, eventualReached, reasons, "
              "proposals, trajectory.");
}

void KubePreviewCommand::addOptions(QCommandLineParser &parser)
{
    m_target.addTo(parser);
    parser.addOption(m_metricValue);
    parser.addOption(m_json);
    parser.addPositionalArgument(u"hpa"_s, tr("hpa/NAME"));
}

int KubePreviewCommand::run(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1 || !(args.first().startsWith(u"hpa/"_s) || args.first().startsWith(u"horizontalpodautoscaler/"_s)))
        return usageError(name(), tr("Name one HPA: hpa/NAME."));
    const QString hpaName = args.first().section(u'/', 1);
    if (hpaName.isEmpty())
        return usageError(name(), tr("Name one HPA: hpa/NAME."));
    std::optional<double> whatIf;
    if (parser.isSet(m_metricValue)) {
        whatIf = parseNumber(parser.value(m_metricValue), 0.0, 1e15);
        if (!whatIf)
            return usageError(name(), tr("--metric-value must be a number of 0 or more."));
    }

    kube::KubeClient client;
    const auto configured = m_target.configure(parser, client);
    if (!configured)
        return ExitFailure;
    const QString ns = *configured;
    const auto hpa = await<kube::Hpa>([&](auto cb) { client.getHpa(ns, hpaName, nullptr, cb); });
    if (!hpa)
        return runtimeError(hpa.error().message);
    const kube::Hpa &h = hpa.value();

    HpaState state;
    state.nowMs = QDateTime::currentMSecsSinceEpoch();
    state.currentReplicas = h.currentReplicas;
    // The controller reads scale.spec.replicas; prefer it when the target is ours to read.
    const QString kind = h.scaleTargetRef.kind;
    if (kind == u"Deployment"_s || kind == u"StatefulSet"_s) {
        const QString resource = kind == u"Deployment"_s ? u"deployments"_s : u"statefulsets"_s;
        const auto scale = await<kube::KubeScale>(
            [&](auto cb) { client.getScale(resource, ns, h.scaleTargetRef.name, nullptr, cb); });
        if (scale) {
            state.currentReplicas = scale.value().specReplicas;
            state.statusReplicas = scale.value().statusReplicas;
        } else {
            printStderr(tr("tideline-cli: warning: cannot read the scale of %1/%2 (%3); using the HPA's status")
                            .arg(kind, h.scaleTargetRef.name, scale.error().message));
        }
    }
    QList<std::optional<HpaMetricValue>> metrics = h.metricValues();
    if (whatIf && !metrics.isEmpty()) {
        const HpaMetricSpec &m = h.spec.metrics.first();
        const bool perPod = m.source == HpaMetricSourceType::Resource || m.source == HpaMetricSourceType::ContainerResource
            || m.source == HpaMetricSourceType::Pods;
        HpaMetricValue v;
        const int replicas = state.statusReplicas >= 0 ? state.statusReplicas : state.currentReplicas;
        v.current = (!perPod && m.targetType == HpaTargetType::AverageValue) ? *whatIf * replicas : *whatIf;
        metrics[0] = v;
    }
    const HpaDecision d = HpaModel::preview(h.spec, state, metrics);

    if (parser.isSet(m_json)) {
        QJsonArray reasons;
        for (const HpaReason &r : d.reasons) {
            QJsonObject o{{u"code"_s, r.code}, {u"text"_s, r.text}};
            if (r.untilMs > 0)
                o.insert(u"untilMs"_s, r.untilMs);
            reasons.append(o);
        }
        QJsonArray proposals;
        for (const HpaMetricProposal &p : d.proposals) {
            QJsonObject o{{u"index"_s, p.index}, {u"description"_s, p.description}, {u"valid"_s, p.valid},
                          {u"current"_s, p.current}, {u"target"_s, p.target}, {u"ratio"_s, p.ratio},
                          {u"withinTolerance"_s, p.withinTolerance}, {u"replicas"_s, p.replicas}};
            if (!p.error.isEmpty())
                o.insert(u"error"_s, p.error);
            proposals.append(o);
        }
        QJsonArray trajectory;
        for (const HpaTrajectoryPoint &t : d.trajectory)
            trajectory.append(QJsonObject{{u"timestampMs"_s, t.timestampMs}, {u"replicas"_s, t.replicas}});
        const QJsonObject out{{u"hpa"_s, h.meta.name}, {u"namespace"_s, ns},
                              {u"scaleTargetRef"_s, QString(h.scaleTargetRef.kind + u'/' + h.scaleTargetRef.name)},
                              {u"minReplicas"_s, h.spec.minReplicas}, {u"maxReplicas"_s, h.spec.maxReplicas},
                              {u"currentReplicas"_s, d.currentReplicas}, {u"nextReplicas"_s, d.nextReplicas},
                              {u"eventualReplicas"_s, d.eventualReplicas}, {u"eventualReached"_s, d.eventualReached},
                              {u"eventualAtMs"_s, d.eventualAtMs}, {u"metricReplicas"_s, d.metricReplicas},
                              {u"stabilizedReplicas"_s, d.stabilizedReplicas}, {u"scalingActive"_s, d.scalingActive},
                              {u"whatIf"_s, whatIf ? QJsonValue(*whatIf) : QJsonValue()},
                              {u"reasons"_s, reasons}, {u"proposals"_s, proposals}, {u"trajectory"_s, trajectory}};
        writeStdout(QJsonDocument(out).toJson(QJsonDocument::Indented), true);
        return ExitOk;
    }
    QString text = tr("hpa/%1 -> %2/%3 (min %4, max %5)\n")
                       .arg(h.meta.name, h.scaleTargetRef.kind, h.scaleTargetRef.name)
                       .arg(h.spec.minReplicas)
                       .arg(h.spec.maxReplicas);
    text += tr("  now %1 replicas, next sync %2, settles at %3%4\n")
                .arg(d.currentReplicas)
                .arg(d.nextReplicas)
                .arg(d.eventualReplicas)
                .arg(d.eventualReached ? tr(" at %1").arg(HpaModel::formatClock(d.eventualAtMs))
                                       : tr(" (still moving when the simulation stopped)"));
    for (const HpaMetricProposal &p : d.proposals) {
        if (p.valid)
            text += tr("  metric %1: current %2, target %3 -> %4 replicas\n")
                        .arg(p.description)
                        .arg(p.current)
                        .arg(p.target)
                        .arg(p.replicas);
        else
            text += tr("  metric %1: %2\n").arg(p.description, p.error);
    }
    for (const HpaReason &r : d.reasons)
        text += u"  - "_s + r.text + u'\n';
    writeStdout(text.toUtf8(), true);
    return ExitOk;
}

} // namespace tideline::cli
