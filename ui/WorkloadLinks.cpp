#include "WorkloadLinks.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tideline {

void WorkloadLinks::set(const WorkloadLink &link)
{
    for (WorkloadLink &l : links) {
        if (l.seriesKey == link.seriesKey && l.context == link.context) {
            l = link;
            return;
        }
    }
    links.append(link);
}

bool WorkloadLinks::remove(const QString &seriesKey, const QString &context)
{
    return links.removeIf([&](const WorkloadLink &l) { return l.seriesKey == seriesKey && l.context == context; }) > 0;
}

QList<WorkloadLink> WorkloadLinks::forWorkload(const QString &context, const QString &ns, const QString &name) const
{
    QList<WorkloadLink> out;
    for (const WorkloadLink &l : links) {
        if (l.context == context && l.ns == ns && l.deployment == name)
            out.append(l);
    }
    return out;
}

QJsonObject WorkloadLinks::toJson() const
{
    QJsonArray array;
    for (const WorkloadLink &l : links) {
        array.append(QJsonObject{{u"series"_s, l.seriesKey},
                                 {u"cluster"_s, l.cluster},
                                 {u"context"_s, l.context},
                                 {u"namespace"_s, l.ns},
                                 {u"deployment"_s, l.deployment}});
    }
    return {{u"links"_s, array}};
}

WorkloadLinks WorkloadLinks::fromJson(const QJsonObject &json)
{
    WorkloadLinks out;
    for (const QJsonValue &v : json.value(u"links"_s).toArray()) {
        const QJsonObject o = v.toObject();
        WorkloadLink l{o.value(u"series"_s).toString(), o.value(u"cluster"_s).toString(),
                       o.value(u"context"_s).toString(), o.value(u"namespace"_s).toString(),
                       o.value(u"deployment"_s).toString()};
        if (l.seriesKey.isEmpty() || l.deployment.isEmpty())
            continue; // not a link anyone could use
        out.set(l);
    }
    return out;
}

QString WorkloadLinks::keyText(const MetricSeriesKey &key)
{
    return key.toString();
}

std::optional<MetricSeriesKey> WorkloadLinks::resolve(const QString &text, const QList<MetricSeriesKey> &keys)
{
    for (const MetricSeriesKey &k : keys) {
        if (keyText(k) == text)
            return k;
    }
    for (const MetricSeriesKey &k : keys) {
        if (k.source + u' ' + keyText(k) == text)
            return k;
    }
    return std::nullopt;
}

} // namespace tideline
