#include "PrometheusText.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string_view>

using namespace Qt::StringLiterals;

namespace tideline::PrometheusText {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isMetricNameStart(char c)
{
    return isNameStart(c) || c == ':';
}

bool isMetricNameChar(char c)
{
    return isMetricNameStart(c) || isDigit(c);
}

bool isLabelNameChar(char c)
{
    return isNameStart(c) || isDigit(c);
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != b[i])
            return false;
    }
    return true;
}

// Decodes UTF-8; nullopt on malformed input. ASCII (the common case) skips the decoder.
std::optional<QString> decodeUtf8(std::string_view bytes)
{
    const bool ascii = std::all_of(bytes.begin(), bytes.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii)
        return QString::fromLatin1(bytes.data(), qsizetype(bytes.size()));
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// Mirrors Go's strconv.ParseFloat, which is what the format defines values by.
std::optional<double> parseGoFloat(std::string_view s)
{
    if (s.empty())
        return std::nullopt;
    bool negative = false;
    std::string_view body = s;
    if (body.front() == '+' || body.front() == '-') {
        negative = body.front() == '-';
        body.remove_prefix(1);
        if (body.empty())
            return std::nullopt;
    }
    const double sign = negative ? -1.0 : 1.0;
    if (equalsIgnoreCase(body, "inf") || equalsIgnoreCase(body, "infinity"))
        return sign * std::numeric_limits<double>::infinity();
    if (equalsIgnoreCase(body, "nan")) {
        if (body.size() != s.size()) // Go accepts no sign in front of NaN
            return std::nullopt;
        return std::numeric_limits<double>::quiet_NaN();
    }

    if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) {
        // Hexadecimal float: Go insists on a 'p' exponent.
        std::string_view hex = body.substr(2);
        const size_t p = hex.find_first_of("pP");
        if (p == std::string_view::npos || p == 0)
            return std::nullopt;
        double v = 0.0;
        const auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), v,
                                               std::chars_format::hex);
        if (ptr != hex.data() + hex.size())
            return std::nullopt;
        if (ec == std::errc::result_out_of_range)
            return std::nullopt;
        if (ec != std::errc())
            return std::nullopt;
        return sign * v;
    }

    // Decimal: digits [ '.' digits ] [ ('e'|'E') [sign] digits ], at least one mantissa digit.
    size_t i = 0;
    size_t intDigits = 0;
    size_t significantIntDigits = 0;
    size_t leadingFractionZeros = 0;
    bool seenNonZero = false;
    while (i < body.size() && isDigit(body[i])) {
        if (body[i] != '0')
            seenNonZero = true;
        if (seenNonZero)
            ++significantIntDigits;
        ++intDigits;
        ++i;
    }
    size_t fracDigits = 0;
    if (i < body.size() && body[i] == '.') {
        ++i;
        while (i < body.size() && isDigit(body[i])) {
            if (!seenNonZero) {
                if (body[i] == '0')
                    ++leadingFractionZeros;
                else
                    seenNonZero = true;
            }
            ++fracDigits;
            ++i;
        }
    }
    if (intDigits + fracDigits == 0)
        return std::nullopt;
    long long exponent = 0;
    if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
        ++i;
        bool expNegative = false;
        if (i < body.size() && (body[i] == '+' || body[i] == '-')) {
            expNegative = body[i] == '-';
            ++i;
        }
        const size_t expStart = i;
        while (i < body.size() && isDigit(body[i])) {
            if (exponent < 1'000'000)
                exponent = exponent * 10 + (body[i] - '0');
            ++i;
        }
        if (i == expStart)
            return std::nullopt;
        if (expNegative)
            exponent = -exponent;
    }
    if (i != body.size())
        return std::nullopt;

    double v = 0.0;
    const auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), v,
                                           std::chars_format::general);
    if (ptr != body.data() + body.size())
        return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
        // Go reports overflow as an error but rounds underflow to zero.
        const long long magnitude = significantIntDigits > 0
            ? (long long)significantIntDigits - 1 + exponent
            : -(long long)leadingFractionZeros - 1 + exponent;
        if (!seenNonZero || magnitude < 0)
            return sign * 0.0;
        return std::nullopt;
    }
    if (ec != std::errc())
        return std::nullopt;
    return sign * v;
}

// Go's strconv.ParseInt(s, 10, 64).
std::optional<qint64> parseGoInt64(std::string_view s)
{
    if (s.empty())
        return std::nullopt;
    std::string_view body = s;
    if (body.front() == '+')
        body.remove_prefix(1);
    if (body.empty() || (body.front() == '-' && body.size() == 1))
        return std::nullopt;
    const size_t digitsStart = body.front() == '-' ? 1 : 0;
    if (!std::all_of(body.begin() + digitsStart, body.end(), isDigit))
        return std::nullopt;
    qint64 v = 0;
    const auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), v);
    if (ec != std::errc() || ptr != body.data() + body.size())
        return std::nullopt;
    return v;
}

// Unescapes `\\` and `\n` (and `\"` in label values); other escapes are kept verbatim, as
// the Prometheus scraper does.
std::string unescape(std::string_view raw, bool quoteEscape)
{
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\\' && i + 1 < raw.size()) {
            const char n = raw[i + 1];
            if (n == '\\' || n == 'n' || (quoteEscape && n == '"')) {
                out.push_back(n == 'n' ? '\n' : n);
                ++i;
                continue;
            }
        }
        out.push_back(c);
    }
    return out;
}

// Unescaped and decoded; nullopt on malformed UTF-8. Most values have no escapes at all.
std::optional<QString> decodeEscaped(std::string_view raw, bool quoteEscape)
{
    if (raw.find('\\') == std::string_view::npos)
        return decodeUtf8(raw);
    return decodeUtf8(unescape(raw, quoteEscape));
}

QString shown(std::string_view text)
{
    // For messages: a short, printable excerpt of offending input.
    constexpr size_t kMax = 40;
    QString out;
    for (size_t i = 0; i < text.size() && i < kMax; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7f)
            out.append(QLatin1Char(char(c)));
        else
            out.append(u"\\x%1"_s.arg(uint(c), 2, 16, QLatin1Char('0')));
    }
    if (text.size() > kMax)
        out.append(u"…"_s);
    return out;
}

class Parser
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusText)

public:
    Parser(const Limits &limits, ParseResult &result) : m_limits(limits), m_result(result) {}

    void run(QByteArrayView text)
    {
        qsizetype size = text.size();
        if (size > m_limits.maxBytes) {
            size = m_limits.maxBytes;
            addError(0, u"prom.input_too_large"_s,
                     tr("The input is larger than %1 bytes; the rest was ignored.")
                         .arg(m_limits.maxBytes));
            m_result.truncated = true;
        }
        const char *data = text.data();
        qsizetype pos = 0;
        int lineNo = 0;
        while (pos < size && !m_stop) {
            ++lineNo;
            const void *nl = std::memchr(data + pos, '\n', size_t(size - pos));
            const qsizetype lineEnd = nl ? qsizetype(static_cast<const char *>(nl) - data) : size;
            const qsizetype length = lineEnd - pos;
            if (length > m_limits.maxLineLength) {
                addError(lineNo, u"prom.line_too_long"_s,
                         tr("The line is longer than %1 bytes and was skipped.")
                             .arg(m_limits.maxLineLength));
            } else {
                parseLine(lineNo, std::string_view(data + pos, size_t(length)));
            }
            pos = lineEnd + 1;
        }
    }

private:
    struct FamilyMeta
    {
        bool hasHelp = false;
        bool hasType = false;
    };

    void addError(int line, const QString &code, const QString &message)
    {
        if (m_result.errors.size() < m_limits.maxErrors)
            m_result.errors.append({line, code, message});
        else
            ++m_result.droppedErrors;
    }

    void stop(int line, const QString &code, const QString &message)
    {
        addError(line, code, message);
        m_result.truncated = true;
        m_stop = true;
    }

    // Index of the family `name`, created (untyped) if needed; -1 when the family cap is hit.
    int familyFor(int line, const QString &name)
    {
        const auto it = m_familyIndex.constFind(name);
        if (it != m_familyIndex.constEnd())
            return it.value();
        if (m_result.families.size() >= m_limits.maxFamilies) {
            stop(line, u"prom.too_many_families"_s,
                 tr("More than %1 metric families; the rest of the input was ignored.")
                     .arg(m_limits.maxFamilies));
            return -1;
        }
        const int index = int(m_result.families.size());
        Family family;
        family.name = name;
        m_result.families.append(std::move(family));
        m_meta.append(FamilyMeta{});
        m_familyIndex.insert(name, index);
        return index;
    }

    void parseLine(int lineNo, std::string_view line)
    {
        size_t b = 0;
        size_t e = line.size();
        while (b < e && isBlank(line[b]))
            ++b;
        while (e > b && (isBlank(line[e - 1]) || line[e - 1] == '\r'))
            --e;
        line = line.substr(b, e - b);
        if (line.empty())
            return;
        if (line.front() == '#')
            parseComment(lineNo, line.substr(1));
        else
            parseSample(lineNo, line);
    }

    static std::string_view takeToken(std::string_view &rest)
    {
        size_t i = 0;
        while (i < rest.size() && isBlank(rest[i]))
            ++i;
        rest.remove_prefix(i);
        size_t j = 0;
        while (j < rest.size() && !isBlank(rest[j]))
            ++j;
        const std::string_view token = rest.substr(0, j);
        rest.remove_prefix(j);
        return token;
    }

    static void skipBlanks(std::string_view &rest)
    {
        size_t i = 0;
        while (i < rest.size() && isBlank(rest[i]))
            ++i;
        rest.remove_prefix(i);
    }

    static bool validMetricName(std::string_view name)
    {
        if (name.empty() || !isMetricNameStart(name.front()))
            return false;
        return std::all_of(name.begin(), name.end(), isMetricNameChar);
    }

    void parseComment(int lineNo, std::string_view rest)
    {
        const std::string_view keyword = takeToken(rest);
        const bool help = keyword == "HELP";
        const bool type = keyword == "TYPE";
        if (!help && !type)
            return; // an ordinary comment

        const std::string_view name = takeToken(rest);
        if (name.empty()) {
            addError(lineNo, u"prom.bad_comment"_s,
                     help ? tr("HELP line without a metric name.")
                          : tr("TYPE line without a metric name."));
            return;
        }
        if (!validMetricName(name)) {
            addError(lineNo, u"prom.bad_metric_name"_s,
                     tr("\"%1\" is not a valid metric name.").arg(shown(name)));
            return;
        }
        const QString familyName = QString::fromLatin1(name.data(), qsizetype(name.size()));

        if (help) {
            skipBlanks(rest);
            const std::optional<QString> text = decodeEscaped(rest, false);
            if (!text) {
                addError(lineNo, u"prom.invalid_utf8"_s,
                         tr("The HELP text for %1 is not valid UTF-8.").arg(familyName));
                return;
            }
            const int index = familyFor(lineNo, familyName);
            if (index < 0)
                return;
            if (m_meta[index].hasHelp) {
                addError(lineNo, u"prom.duplicate_help"_s,
                         tr("Second HELP line for %1; it was ignored.").arg(familyName));
                return;
            }
            m_meta[index].hasHelp = true;
            m_result.families[index].help = *text;
            return;
        }

        const std::string_view typeToken = takeToken(rest);
        if (typeToken.empty()) {
            addError(lineNo, u"prom.bad_type"_s,
                     tr("TYPE line for %1 does not name a type.").arg(familyName));
            return;
        }
        skipBlanks(rest);
        if (!rest.empty()) {
            addError(lineNo, u"prom.bad_type"_s,
                     tr("TYPE line for %1 has extra text after the type.").arg(familyName));
            return;
        }
        MetricType metricType;
        if (typeToken == "counter")
            metricType = MetricType::Counter;
        else if (typeToken == "gauge")
            metricType = MetricType::Gauge;
        else if (typeToken == "histogram")
            metricType = MetricType::Histogram;
        else if (typeToken == "summary")
            metricType = MetricType::Summary;
        else if (typeToken == "untyped")
            metricType = MetricType::Untyped;
        else {
            addError(lineNo, u"prom.bad_type"_s,
                     tr("Unknown metric type \"%1\" for %2.").arg(shown(typeToken), familyName));
            return;
        }
        const int index = familyFor(lineNo, familyName);
        if (index < 0)
            return;
        if (m_meta[index].hasType) {
            addError(lineNo, u"prom.duplicate_type"_s,
                     tr("Second TYPE line for %1; it was ignored.").arg(familyName));
            return;
        }
        if (!m_result.families[index].samples.isEmpty()) {
            addError(lineNo, u"prom.type_after_samples"_s,
                     tr("The TYPE line for %1 comes after its samples; it was ignored.")
                         .arg(familyName));
            return;
        }
        m_meta[index].hasType = true;
        m_result.families[index].type = metricType;
    }

    // Reads `{name="value",...}` (the opening brace already consumed). On error, adds it and
    // returns false.
    bool parseLabels(int lineNo, std::string_view &rest, QList<Label> &labels)
    {
        for (;;) {
            skipBlanks(rest);
            if (rest.empty()) {
                addError(lineNo, u"prom.bad_label"_s, tr("The label set is not closed with '}'."));
                return false;
            }
            if (rest.front() == '}') {
                rest.remove_prefix(1);
                return true;
            }
            if (!isNameStart(rest.front())) {
                addError(lineNo, u"prom.bad_label"_s,
                         tr("Expected a label name at \"%1\".").arg(shown(rest)));
                return false;
            }
            size_t n = 1;
            while (n < rest.size() && isLabelNameChar(rest[n]))
                ++n;
            const qsizetype position = labels.size();
            if (m_labelNames.size() <= position)
                m_labelNames.resize(position + 1);
            const QString name = intern(m_labelNames[position], rest.substr(0, n));
            rest.remove_prefix(n);
            skipBlanks(rest);
            if (rest.empty() || rest.front() != '=') {
                addError(lineNo, u"prom.bad_label"_s,
                         tr("Expected '=' after the label name %1.").arg(name));
                return false;
            }
            rest.remove_prefix(1);
            skipBlanks(rest);
            if (rest.empty() || rest.front() != '"') {
                addError(lineNo, u"prom.bad_label"_s,
                         tr("The value of label %1 must be in double quotes.").arg(name));
                return false;
            }
            rest.remove_prefix(1);
            size_t close = 0;
            bool closed = false;
            while (close < rest.size()) {
                if (rest[close] == '\\') {
                    close += 2;
                    continue;
                }
                if (rest[close] == '"') {
                    closed = true;
                    break;
                }
                ++close;
            }
            if (!closed) {
                addError(lineNo, u"prom.unterminated_label_value"_s,
                         tr("The value of label %1 has no closing quote.").arg(name));
                return false;
            }
            const std::optional<QString> value = decodeEscaped(rest.substr(0, close), true);
            rest.remove_prefix(close + 1);
            if (!value) {
                addError(lineNo, u"prom.invalid_utf8"_s,
                         tr("The value of label %1 is not valid UTF-8.").arg(name));
                return false;
            }
            const bool duplicate = std::any_of(labels.cbegin(), labels.cend(),
                                               [&](const Label &l) { return l.name == name; });
            if (duplicate) {
                addError(lineNo, u"prom.duplicate_label"_s,
                         tr("The label %1 appears twice.").arg(name));
                return false;
            }
            labels.append({name, *value});
            skipBlanks(rest);
            if (!rest.empty() && rest.front() == ',') {
                rest.remove_prefix(1);
                continue;
            }
            if (!rest.empty() && rest.front() == '}') {
                rest.remove_prefix(1);
                return true;
            }
            addError(lineNo, u"prom.bad_label"_s,
                     rest.empty() ? tr("The label set is not closed with '}'.")
                                  : tr("Expected ',' or '}' at \"%1\".").arg(shown(rest)));
            return false;
        }
    }

    static bool endsWith(const QString &s, QLatin1StringView suffix)
    {
        return s.size() > suffix.size() && s.endsWith(suffix);
    }

    // The family a sample belongs to (the Prometheus text parser's rule: an exact family
    // first, then the histogram/summary whose _bucket/_sum/_count this is).
    int resolveFamily(int lineNo, const QString &sampleName)
    {
        const auto exact = m_familyIndex.constFind(sampleName);
        if (exact != m_familyIndex.constEnd())
            return exact.value();
        for (const QLatin1StringView suffix : {"_bucket"_L1, "_sum"_L1, "_count"_L1}) {
            if (!endsWith(sampleName, suffix))
                continue;
            const auto base = m_familyIndex.constFind(sampleName.chopped(suffix.size()));
            if (base == m_familyIndex.constEnd())
                continue;
            const MetricType t = m_result.families[base.value()].type;
            if (t == MetricType::Histogram || (t == MetricType::Summary && suffix != "_bucket"_L1))
                return base.value();
        }
        return familyFor(lineNo, sampleName);
    }

    // Histogram and summary samples carry their structure in names and labels; check it.
    bool checkStructure(int lineNo, const Family &family, const Sample &sample)
    {
        const auto boundOk = [&](QStringView labelName) {
            const QString v = sample.label(labelName);
            const QByteArray bytes = v.toUtf8();
            return sample.hasLabel(labelName)
                && parseGoFloat(std::string_view(bytes.constData(), size_t(bytes.size())))
                       .has_value();
        };
        const bool isSumOrCount = sample.name.size() > family.name.size()
            && (sample.name.endsWith("_sum"_L1) || sample.name.endsWith("_count"_L1));
        if (family.type == MetricType::Histogram) {
            if (isSumOrCount)
                return true;
            if (sample.name == family.name) {
                addError(lineNo, u"prom.bad_histogram"_s,
                         tr("A sample of histogram %1 must end in _bucket, _sum or _count.")
                             .arg(family.name));
                return false;
            }
            if (!boundOk(u"le")) {
                addError(lineNo, u"prom.bad_histogram"_s,
                         tr("The bucket of histogram %1 needs a numeric \"le\" label.")
                             .arg(family.name));
                return false;
            }
        } else if (family.type == MetricType::Summary) {
            if (isSumOrCount)
                return true;
            if (!boundOk(u"quantile")) {
                addError(lineNo, u"prom.bad_summary"_s,
                         tr("The sample of summary %1 needs a numeric \"quantile\" label.")
                             .arg(family.name));
                return false;
            }
        }
        return true;
    }

    static quint64 seriesHash(const Sample &sample)
    {
        quint64 h = qHash(sample.name, 0x9e3779b97f4a7c15ULL);
        for (const Label &l : sample.labels) {
            // Summed, so label order does not matter.
            h += qHash(l.value, qHash(l.name, 0x51ed2701ULL)) * 0x100000001b3ULL;
        }
        return h;
    }

    bool isDuplicateSeries(quint64 key, const Sample &sample) const
    {
        for (auto it = m_series.constFind(key); it != m_series.cend() && it.key() == key; ++it) {
            const Sample &other = m_result.families.at(it->first).samples.at(it->second);
            if (other.name != sample.name || other.labels.size() != sample.labels.size())
                continue;
            const bool same = std::all_of(sample.labels.cbegin(), sample.labels.cend(),
                                          [&](const Label &l) {
                                              return other.hasLabel(l.name)
                                                  && other.label(l.name) == l.value;
                                          });
            if (same)
                return true;
        }
        return false;
    }

    // Latin-1 text for a name token, sharing the previous QString when the bytes repeat.
    static QString intern(QString &cache, std::string_view token)
    {
        if (cache.size() != qsizetype(token.size())
            || QLatin1StringView(token.data(), qsizetype(token.size())) != cache) {
            cache = QString::fromLatin1(token.data(), qsizetype(token.size()));
        }
        return cache;
    }

    void parseSample(int lineNo, std::string_view line)
    {
        if (!isMetricNameStart(line.front())) {
            addError(lineNo, u"prom.bad_metric_name"_s,
                     tr("The line does not start with a metric name: \"%1\".").arg(shown(line)));
            return;
        }
        size_t n = 1;
        while (n < line.size() && isMetricNameChar(line[n]))
            ++n;
        if (n < line.size() && !isBlank(line[n]) && line[n] != '{') {
            addError(lineNo, u"prom.bad_metric_name"_s,
                     tr("Invalid character in the metric name: \"%1\".").arg(shown(line.substr(0, n + 1))));
            return;
        }
        Sample sample;
        sample.line = lineNo;
        sample.name = intern(m_lastName, line.substr(0, n));
        std::string_view rest = line.substr(n);
        skipBlanks(rest);
        if (!rest.empty() && rest.front() == '{') {
            rest.remove_prefix(1);
            if (!parseLabels(lineNo, rest, sample.labels))
                return;
        }
        const std::string_view valueToken = takeToken(rest);
        if (valueToken.empty()) {
            addError(lineNo, u"prom.missing_value"_s,
                     tr("The sample %1 has no value.").arg(sample.name));
            return;
        }
        const std::optional<double> value = parseGoFloat(valueToken);
        if (!value) {
            addError(lineNo, u"prom.bad_value"_s,
                     tr("\"%1\" is not a valid sample value.").arg(shown(valueToken)));
            return;
        }
        sample.value = *value;
        const std::string_view timestampToken = takeToken(rest);
        if (!timestampToken.empty()) {
            const std::optional<qint64> ts = parseGoInt64(timestampToken);
            if (!ts) {
                addError(lineNo, u"prom.bad_timestamp"_s,
                         tr("\"%1\" is not a valid timestamp (integer milliseconds).")
                             .arg(shown(timestampToken)));
                return;
            }
            sample.timestampMs = *ts;
        }
        skipBlanks(rest);
        if (!rest.empty()) {
            addError(lineNo, u"prom.trailing_text"_s,
                     tr("Unexpected text after the sample: \"%1\".").arg(shown(rest)));
            return;
        }

        if (m_result.sampleCount >= m_limits.maxSamples) {
            stop(lineNo, u"prom.too_many_samples"_s,
                 tr("More than %1 samples; the rest of the input was ignored.")
                     .arg(m_limits.maxSamples));
            return;
        }

        const quint64 key = seriesHash(sample);
        if (isDuplicateSeries(key, sample)) {
            addError(lineNo, u"prom.duplicate_series"_s,
                     tr("Second sample for the same series %1; it was ignored.").arg(sample.name));
            return;
        }

        const int index = resolveFamily(lineNo, sample.name);
        if (index < 0)
            return;
        Family &family = m_result.families[index];
        if (!checkStructure(lineNo, family, sample))
            return;
        m_series.insert(key, {index, int(family.samples.size())});
        family.samples.append(std::move(sample));
        ++m_result.sampleCount;
    }

    const Limits &m_limits;
    ParseResult &m_result;
    QHash<QString, int> m_familyIndex;
    QList<FamilyMeta> m_meta;
    // Series identity without building string keys: an order-independent hash of the name and
    // label set, then an exact comparison against the samples that share it.
    QMultiHash<quint64, std::pair<int, int>> m_series; // -> (family, sample)
    QString m_lastName;                                // reused: exporters repeat names
    QList<QString> m_labelNames;
    bool m_stop = false;
};

bool matches(const Sample &sample, const QList<LabelMatcher> &matchers,
             const QList<QRegularExpression> &regexes)
{
    for (qsizetype i = 0; i < matchers.size(); ++i) {
        const LabelMatcher &m = matchers[i];
        const QString actual = sample.label(m.name);
        bool ok = false;
        switch (m.op) {
        case LabelMatcher::Op::Equal:
            ok = actual == m.value;
            break;
        case LabelMatcher::Op::NotEqual:
            ok = actual != m.value;
            break;
        case LabelMatcher::Op::RegexMatch:
            ok = regexes[i].isValid() && regexes[i].match(actual).hasMatch();
            break;
        case LabelMatcher::Op::RegexNoMatch:
            ok = regexes[i].isValid() && !regexes[i].match(actual).hasMatch();
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

QString Sample::label(QStringView labelName) const
{
    for (const Label &l : labels) {
        if (l.name == labelName)
            return l.value;
    }
    return {};
}

bool Sample::hasLabel(QStringView labelName) const
{
    return std::any_of(labels.cbegin(), labels.cend(),
                       [&](const Label &l) { return l.name == labelName; });
}

const Family *ParseResult::family(QStringView name) const
{
    for (const Family &f : families) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

ParseResult parse(QByteArrayView text, const Limits &limits)
{
    ParseResult result;
    Parser parser(limits, result);
    parser.run(text);
    return result;
}

QList<Sample> find(const ParseResult &result, QStringView metricName,
                   const QList<LabelMatcher> &matchers)
{
    QList<QRegularExpression> regexes;
    regexes.reserve(matchers.size());
    for (const LabelMatcher &m : matchers) {
        const bool regex = m.op == LabelMatcher::Op::RegexMatch
            || m.op == LabelMatcher::Op::RegexNoMatch;
        regexes.append(regex ? QRegularExpression(QRegularExpression::anchoredPattern(m.value))
                             : QRegularExpression());
    }
    QList<Sample> out;
    for (const Family &family : result.families) {
        for (const Sample &sample : family.samples) {
            if (!metricName.isEmpty() && sample.name != metricName)
                continue;
            if (matches(sample, matchers, regexes))
                out.append(sample);
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Sample &a, const Sample &b) { return a.line < b.line; });
    return out;
}

QString typeName(MetricType type)
{
    switch (type) {
    case MetricType::Counter:
        return u"counter"_s;
    case MetricType::Gauge:
        return u"gauge"_s;
    case MetricType::Histogram:
        return u"histogram"_s;
    case MetricType::Summary:
        return u"summary"_s;
    case MetricType::Untyped:
        break;
    }
    return u"untyped"_s;
}

bool isValidMetricName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        if (c > 0x7f)
            return false;
        const char a = char(c);
        if (i == 0 ? !isMetricNameStart(a) : !isMetricNameChar(a))
            return false;
    }
    return true;
}

bool isValidLabelName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        if (c > 0x7f)
            return false;
        const char a = char(c);
        if (i == 0 ? !isNameStart(a) : !isLabelNameChar(a))
            return false;
    }
    return true;
}

} // namespace tideline::PrometheusText
