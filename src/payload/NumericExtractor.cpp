#include "NumericExtractor.h"

#include "JsonDecoder.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

std::optional<double> numberFromText(QByteArrayView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    if (text == "true")
        return 1.0;
    if (text == "false")
        return 0.0;
    // Plain decimal notation only: toDouble alone would also take "nan" and "inf".
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
            return std::nullopt;
    }
    bool ok = false;
    const double d = text.toByteArray().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

} // namespace

std::optional<QList<NumericExtractor::Step>> NumericExtractor::parsePath(QStringView path)
{
    QList<Step> steps;
    qsizetype i = 0;
    const qsizetype n = path.size();
    // A bare first name ("a.b") is allowed only without the "$".
    bool first = true;
    if (i < n && path.at(i) == u'$') {
        ++i;
        first = false;
    }
    while (i < n) {
        const QChar c = path.at(i);
        if (c == u'[') {
            ++i;
            if (i < n && (path.at(i) == u'\'' || path.at(i) == u'"')) {
                const QChar quote = path.at(i++);
                QString key;
                while (i < n && path.at(i) != quote) {
                    if (path.at(i) == u'\\' && i + 1 < n)
                        ++i;
                    key += path.at(i++);
                }
                if (i + 1 >= n || path.at(i + 1) != u']')
                    return std::nullopt;
                i += 2;
                steps.append({key, -1});
            } else {
                const qsizetype start = i;
                while (i < n && path.at(i).isDigit())
                    ++i;
                if (i == start || i >= n || path.at(i) != u']')
                    return std::nullopt;
                bool ok = false;
                const qint64 index = path.mid(start, i - start).toLongLong(&ok);
                if (!ok)
                    return std::nullopt;
                ++i;
                steps.append({QString(), index});
            }
        } else {
            // ".name", or a bare first name ("a.b" means "$.a.b").
            if (c == u'.')
                ++i;
            else if (!first)
                return std::nullopt;
            const qsizetype start = i;
            while (i < n && path.at(i) != u'.' && path.at(i) != u'[')
                ++i;
            if (i == start)
                return std::nullopt;
            steps.append({path.mid(start, i - start).toString(), -1});
        }
        first = false;
    }
    return steps;
}

std::optional<double> NumericExtractor::value(const QByteArray &payload, const QString &jsonPath)
{
    if (payload.size() > MaxInput)
        return std::nullopt;
    const auto steps = parsePath(jsonPath);
    if (!steps)
        return std::nullopt;
    if (steps->isEmpty()) {
        if (const auto plain = numberFromText(payload))
            return plain;
    }
    const auto parsed = JsonDecoder::parse(payload);
    if (!parsed.ok)
        return std::nullopt;
    QJsonValue v = parsed.value;
    for (const Step &step : *steps) {
        if (step.index >= 0) {
            if (!v.isArray() || step.index >= v.toArray().size())
                return std::nullopt;
            v = v.toArray().at(step.index);
        } else {
            if (!v.isObject())
                return std::nullopt;
            const QJsonObject o = v.toObject();
            const auto it = o.constFind(step.key);
            if (it == o.constEnd())
                return std::nullopt;
            v = it.value();
        }
    }
    switch (v.type()) {
    case QJsonValue::Double:
        return v.toDouble();
    case QJsonValue::Bool:
        return v.toBool() ? 1.0 : 0.0;
    case QJsonValue::String:
        return numberFromText(v.toString().toUtf8());
    default:
        return std::nullopt;
    }
}

} // namespace tideline
