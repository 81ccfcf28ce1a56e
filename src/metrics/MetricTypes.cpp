#include "metrics/MetricTypes.h"

#include <QHashFunctions>

using namespace Qt::StringLiterals;

namespace tideline {

QString escapeLabelValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\')
            out += u"\\\\"_s;
        else if (c == u'"')
            out += u"\\\""_s;
        else if (c == u'\n')
            out += u"\\n"_s;
        else
            out += c;
    }
    return out;
}

QString formatLabels(const MetricLabels &labels)
{
    if (labels.isEmpty())
        return {};
    QString out = u"{"_s;
    bool first = true;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (!first)
            out += u',';
        first = false;
        out += it.key() + u"=\""_s + escapeLabelValue(it.value()) + u'"';
    }
    out += u'}';
    return out;
}

QString MetricSeriesKey::toString() const
{
    return name + formatLabels(labels);
}

size_t qHash(const MetricSeriesKey &key, size_t seed) noexcept
{
    QtPrivate::QHashCombine combine;
    seed = combine(seed, key.source);
    seed = combine(seed, key.name);
    for (auto it = key.labels.cbegin(); it != key.labels.cend(); ++it) {
        seed = combine(seed, it.key());
        seed = combine(seed, it.value());
    }
    return seed;
}

} // namespace tideline
