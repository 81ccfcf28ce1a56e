#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace tideline::PrometheusText {

// Parser for the Prometheus text exposition format 0.0.4 (what /metrics endpoints serve:
// Spring Boot/Micrometer, RabbitMQ's prometheus plugin on 15692, node exporters, ...).
//
// Owns nothing beyond its result: parse() is a pure function of its input. It is lenient
// where the Prometheus server's own scraper is lenient and strict where it rejects input:
// - A malformed line is reported (1-based line number and a translated reason) and skipped;
//   it never aborts the rest of the input.
// - Unknown escapes in label values and HELP text (`\t`, `\x`) are kept verbatim, as the
//   Prometheus scraper does; only `\\`, `\"` (label values) and `\n` are unescaped.
// - A trailing `\r` is treated as whitespace (some servers send CRLF).
// - Invalid UTF-8 in a label value or HELP text is an error for that line.
// - Value syntax follows Go's strconv.ParseFloat: decimal, exponent, `NaN`, `[+-]Inf`,
//   `[+-]Infinity` (any case), hexadecimal floats with a `p` exponent. Timestamps are int64
//   milliseconds (strconv.ParseInt syntax).
// - Samples of one family may be interleaved with others; they are merged. A second
//   sample with the same name and label set is reported and dropped.
// Input is bounded (Limits): an over-long line is reported and skipped; past the sample,
// family or byte cap parsing stops with one error and `truncated` set.

enum class MetricType { Untyped, Counter, Gauge, Histogram, Summary };

struct Label
{
    QString name;
    QString value;
    friend bool operator==(const Label &, const Label &) = default;
};

struct Sample
{
    QString name;          // full sample name, e.g. "http_request_duration_seconds_bucket"
    QList<Label> labels;   // in the order they appeared
    double value = 0.0;
    std::optional<qint64> timestampMs;
    int line = 0;          // 1-based source line

    // The value of label `name`, or an empty string when absent (Prometheus semantics).
    QString label(QStringView name) const;
    bool hasLabel(QStringView name) const;
};

struct Family
{
    QString name;          // base name: histogram/summary _bucket/_sum/_count are grouped here
    QString help;
    MetricType type = MetricType::Untyped;
    QList<Sample> samples;
};

struct LineError
{
    int line = 0;          // 1-based; 0 for errors about the input as a whole
    QString code;          // stable: "prom.missing_value", "prom.bad_label", ...
    QString message;       // translated, for the operator
};

struct ParseResult
{
    QList<Family> families;  // in order of first appearance
    QList<LineError> errors; // at most Limits::maxErrors; the rest are only counted
    qsizetype sampleCount = 0;
    qsizetype droppedErrors = 0;
    bool truncated = false;  // a cap was hit and the rest of the input was ignored

    const Family *family(QStringView name) const;
    bool ok() const { return errors.isEmpty() && droppedErrors == 0 && !truncated; }
};

struct Limits
{
    qsizetype maxLineLength = 64 * 1024;
    qsizetype maxSamples = 200'000;
    qsizetype maxFamilies = 50'000;
    qsizetype maxErrors = 1000;
    qsizetype maxBytes = 64 * 1024 * 1024;
};

ParseResult parse(QByteArrayView text, const Limits &limits = {});

// Selects samples like a PromQL instant selector: `name{queue="orders",vhost!="x"}`.
// A matcher against an absent label sees an empty value (so `foo=""` matches "no foo").
struct LabelMatcher
{
    enum class Op { Equal, NotEqual, RegexMatch, RegexNoMatch };
    QString name;
    QString value;         // for the regex ops: a fully anchored QRegularExpression pattern
    Op op = Op::Equal;
};

// Samples named exactly `metricName` (an empty name matches every sample) whose labels
// satisfy all matchers, in input order. An invalid regex matches nothing.
QList<Sample> find(const ParseResult &result, QStringView metricName,
                   const QList<LabelMatcher> &matchers = {});

QString typeName(MetricType type);
bool isValidMetricName(QStringView name);
bool isValidLabelName(QStringView name);

} // namespace tideline::PrometheusText

Q_DECLARE_TYPEINFO(tideline::PrometheusText::Label, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(tideline::PrometheusText::Sample, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(tideline::PrometheusText::Family, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(tideline::PrometheusText::LineError, Q_RELOCATABLE_TYPE);
