#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace tideline {

// Turns a payload into one number for plotting: the payload itself ("21.5", "true") or the
// value at a simple JSONPath ($.a.b[0], $['odd key'].v). Strings that hold a number count;
// anything else is "no value" rather than a guess.
class NumericExtractor final
{
public:
    static constexpr qsizetype MaxInput = 1024 * 1024; // plotting never needs a bigger payload

    struct Step
    {
        QString key;        // member name, when index < 0
        qint64 index = -1;  // array index
        bool operator==(const Step &) const = default;
    };

    // "$", "$.a.b[0]", "a.b", "$['x y'][2]"; nullopt on a syntax error.
    static std::optional<QList<Step>> parsePath(QStringView path);

    static std::optional<double> value(const QByteArray &payload, const QString &jsonPath = QString());
};

} // namespace tideline
