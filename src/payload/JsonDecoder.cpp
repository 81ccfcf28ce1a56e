#include "JsonDecoder.h"

#include "PrettyWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype skipSpace(QByteArrayView json, qsizetype pos)
{
    while (pos < json.size() && isJsonSpace(json.at(pos)))
        ++pos;
    return pos;
}

// pos at the opening quote; returns the position after the closing quote (or size if unterminated).
qsizetype skipString(QByteArrayView json, qsizetype pos)
{
    ++pos;
    while (pos < json.size()) {
        const char c = json.at(pos);
        if (c == '\\')
            pos += 2;
        else if (c == '"')
            return pos + 1;
        else
            ++pos;
    }
    return json.size();
}

bool isDelimiter(char c)
{
    return c == ',' || c == ']' || c == '}' || c == ':' || isJsonSpace(c);
}

// pos at the first character of a value; returns the position after it.
qsizetype skipValue(QByteArrayView json, qsizetype pos)
{
    if (pos >= json.size())
        return pos;
    const char first = json.at(pos);
    if (first == '"')
        return skipString(json, pos);
    if (first != '{' && first != '[') {
        while (pos < json.size() && !isDelimiter(json.at(pos)))
            ++pos;
        return pos;
    }
    qint64 depth = 0;
    while (pos < json.size()) {
        const char c = json.at(pos);
        if (c == '"') {
            pos = skipString(json, pos);
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return pos + 1;
        }
        ++pos;
    }
    return pos;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Walks validated JSON text once, emitting pretty text and field rows. Stops when both outputs
// are full: the rest of a huge document adds nothing the operator can see.
class JsonWalker
{
public:
    JsonWalker(QByteArrayView json, DecodedPayload &result)
        : m_json(json), m_result(result), m_writer(PayloadLimits::MaxTextChars)
    {
    }

    void run(qsizetype start)
    {
        qsizetype pos = start;
        bool rootDone = false;
        while (true) {
            if (m_writer.full() && m_result.fieldsCapped) {
                m_stoppedEarly = true;
                break;
            }
            pos = skipSpace(m_json, pos);
            if (m_frames.empty()) {
                if (rootDone || pos >= m_json.size())
                    break;
                pos = value(pos, u"$"_s, QString(), 0);
                rootDone = true;
                continue;
            }
            if (pos >= m_json.size())
                break; // cannot happen on validated input; never loop forever on bad input
            const char c = m_json.at(pos);
            if (c == ',') {
                ++pos;
                continue;
            }
            if (c == '}' || c == ']') {
                closeFrame(c);
                ++pos;
                continue;
            }
            Frame &frame = m_frames.back();
            if (frame.object) {
                if (c != '"')
                    break;
                const qsizetype keyEnd = skipString(m_json, pos);
                const QString key = JsonDecoder::unescape(m_json.sliced(pos + 1, std::max<qsizetype>(0, keyEnd - pos - 2)));
                const QString rawKey = QString::fromUtf8(m_json.sliced(pos, keyEnd - pos));
                if (frame.keys.size() < 4096 && !m_result.fieldsCapped && m_result.acceptsWarnings()) {
                    if (frame.keys.contains(key))
                        m_result.addWarning(JsonDecoder::tr("Duplicate key %1 in %2: most parsers "
                                                            "keep only the last value.")
                                                .arg(payload::elide(rawKey, 80), frame.path),
                                            pos, keyEnd - pos);
                    else
                        frame.keys.insert(key);
                }
                pos = skipSpace(m_json, keyEnd);
                if (pos < m_json.size() && m_json.at(pos) == ':')
                    ++pos;
                pos = skipSpace(m_json, pos);
                ++frame.count;
                const QString path = payload::memberPath(frame.path, key);
                pos = value(pos, path, rawKey, int(m_frames.size()));
            } else {
                const QString path = payload::indexPath(frame.path, frame.count++);
                pos = value(pos, path, QString(), int(m_frames.size()));
            }
        }
    }

    bool stoppedEarly() const { return m_stoppedEarly; }
    // Members of the root container as published (duplicates included), once it was closed.
    std::optional<qint64> rootCount() const { return m_rootCount; }
    bool textFull() const { return m_writer.full(); }
    QString takeText() { return m_writer.take(); }

private:
    struct Frame
    {
        bool object = false;
        qint64 count = 0;
        qsizetype row = -1;
        QString path;
        QSet<QString> keys;
    };

    qsizetype value(qsizetype pos, const QString &path, const QString &rawKey, int depth)
    {
        if (pos >= m_json.size())
            return pos;
        const char c = m_json.at(pos);
        if (c == '{' || c == '[') {
            const bool object = c == '{';
            qsizetype row = -1;
            if (m_result.addField(path, object ? u"object"_s : u"array"_s, QString(), depth))
                row = m_result.fields.size() - 1;
            m_writer.open(rawKey, QLatin1Char(c));
            m_frames.push_back(Frame{object, 0, row, path, {}});
            return pos + 1;
        }
        const qsizetype end = skipValue(m_json, pos);
        const QByteArrayView raw = m_json.sliced(pos, end - pos);
        QString type;
        QString display;
        if (c == '"') {
            type = u"string"_s;
            display = JsonDecoder::unescape(raw.sliced(1, std::max<qsizetype>(0, raw.size() - 2)));
        } else if (c == 't' || c == 'f') {
            type = u"boolean"_s;
            display = QString::fromLatin1(raw);
        } else if (c == 'n') {
            type = u"null"_s;
            display = QString::fromLatin1(raw);
        } else {
            type = u"number"_s;
            display = QString::fromLatin1(raw);
        }
        m_result.addField(path, type, payload::elide(display), depth);
        if (!m_writer.full())
            m_writer.scalar(rawKey, QString::fromUtf8(raw));
        return end;
    }

    void closeFrame(char bracket)
    {
        Frame &frame = m_frames.back();
        if (frame.row >= 0) {
            m_result.fields[frame.row].value = frame.object
                ? JsonDecoder::tr("{%n key(s)}", nullptr, int(frame.count))
                : JsonDecoder::tr("[%n item(s)]", nullptr, int(frame.count));
        }
        m_writer.close(QLatin1Char(bracket));
        if (m_frames.size() == 1)
            m_rootCount = frame.count;
        m_frames.pop_back();
    }

    QByteArrayView m_json;
    DecodedPayload &m_result;
    payload::PrettyWriter m_writer;
    std::vector<Frame> m_frames;
    bool m_stoppedEarly = false;
    std::optional<qint64> m_rootCount;
};

} // namespace

QString JsonDecoder::unescape(QByteArrayView body)
{
    QString out;
    out.reserve(body.size());
    qsizetype runStart = 0;
    qsizetype i = 0;
    while (i < body.size()) {
        if (body.at(i) != '\\') {
            ++i;
            continue;
        }
        out += QString::fromUtf8(body.sliced(runStart, i - runStart));
        if (i + 1 >= body.size()) {
            i = body.size();
            runStart = i;
            break;
        }
        const char e = body.at(i + 1);
        i += 2;
        switch (e) {
        case 'b': out += u'\b'; break;
        case 'f': out += u'\f'; break;
        case 'n': out += u'\n'; break;
        case 'r': out += u'\r'; break;
        case 't': out += u'\t'; break;
        case 'u': {
            char16_t unit = 0;
            int digits = 0;
            for (; digits < 4 && i < body.size(); ++digits, ++i) {
                const int d = hexDigit(body.at(i));
                if (d < 0)
                    break;
                unit = char16_t(unit * 16 + d);
            }
            out += digits == 4 ? QChar(unit) : QChar(QChar::ReplacementCharacter);
            break;
        }
        default: out += QLatin1Char(e); break; // \" \\ \/
        }
        runStart = i;
    }
    out += QString::fromUtf8(body.sliced(runStart, body.size() - runStart));
    return out;
}

int JsonDecoder::nestingDepth(QByteArrayView json, int limit, qint64 *offsetOfExcess)
{
    int depth = 0;
    int deepest = 0;
    const char *p = json.data();
    const qsizetype n = json.size();
    bool inString = false;
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > limit) {
                    if (offsetOfExcess)
                        *offsetOfExcess = i;
                    return deepest;
                }
            }
            break;
        case '}':
        case ']':
            if (depth > 0)
                --depth;
            break;
        default:
            break;
        }
    }
    return deepest;
}

void JsonDecoder::lineColumn(QByteArrayView text, qint64 offset, int *line, int *column)
{
    offset = std::clamp<qint64>(offset, 0, text.size());
    int l = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text.at(i) == '\n') {
            ++l;
            lineStart = i + 1;
        }
    }
    int c = 1;
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((uchar(text.at(i)) & 0xc0) != 0x80) // count characters, not UTF-8 continuation bytes
            ++c;
    }
    *line = l;
    *column = c;
}

JsonDecoder::ParseResult JsonDecoder::parse(const QByteArray &json, int maxDepth, qsizetype maxSize)
{
    ParseResult r;
    auto failAt = [&](const QString &reason, qint64 offset) {
        r.ok = false;
        // Qt reports where it stopped reading, which can be past the line break that follows
        // the offending token, or the end of the input: point at the token instead.
        if (offset > 0) {
            const qint64 end = std::min<qint64>(offset, json.size());
            qint64 back = end - 1;
            bool lineBreak = false;
            while (back > 0 && isJsonSpace(json.at(back))) {
                lineBreak = lineBreak || json.at(back) == '\n';
                --back;
            }
            if (offset >= json.size() || isJsonSpace(json.at(offset)) || lineBreak)
                offset = back;
        }
        r.error = reason;
        r.errorOffset = offset;
        if (offset >= 0)
            lineColumn(json, offset, &r.line, &r.column);
        return r;
    };

    if (json.size() > maxSize)
        return failAt(tr("the payload is %1, more than the %2 the JSON view parses")
                          .arg(payload::formatSize(json.size()), payload::formatSize(maxSize)),
                      -1);
    qsizetype start = 0;
    if (json.startsWith("\xEF\xBB\xBF")) {
        r.byteOrderMark = true;
        start = 3;
    }
    start = skipSpace(json, start);
    r.start = start;
    if (start >= json.size())
        return failAt(json.isEmpty() ? tr("empty payload") : tr("no JSON value, only white space"),
                      -1);

    const QByteArrayView body = QByteArrayView(json).sliced(start);
    qint64 excess = -1;
    if (nestingDepth(body, maxDepth, &excess) > maxDepth)
        return failAt(tr("nesting deeper than %1 levels").arg(maxDepth), start + excess);

    QJsonParseError error{};
    const char first = body.at(0);
    if (first == '{' || first == '[') {
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromRawData(body.data(), body.size()), &error);
        if (error.error != QJsonParseError::NoError)
            return failAt(error.errorString(), start + error.offset);
        r.value = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    } else {
        // Qt's document parser wants an object or array at the top; a bare value is wrapped in
        // one element of an array, and positions are mapped back.
        QByteArray wrapped;
        wrapped.reserve(body.size() + 2);
        wrapped += '[';
        wrapped += body;
        wrapped += ']';
        const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
        if (error.error != QJsonParseError::NoError)
            return failAt(error.errorString(),
                          std::clamp<qint64>(start + error.offset - 1, start, json.size()));
        const QJsonArray array = doc.array();
        if (array.size() != 1) {
            // "1, 2": find the separator that the wrapper turned into an array comma.
            qsizetype pos = skipValue(body, 0);
            pos = skipSpace(body, pos);
            return failAt(tr("more than one JSON value"), start + pos);
        }
        r.value = array.at(0);
    }
    r.ok = true;
    return r;
}

std::optional<QPair<qsizetype, qsizetype>> JsonDecoder::memberRange(QByteArrayView json,
                                                                     QStringView key)
{
    qsizetype pos = 0;
    if (json.startsWith("\xEF\xBB\xBF"))
        pos = 3;
    pos = skipSpace(json, pos);
    if (pos >= json.size() || json.at(pos) != '{')
        return std::nullopt;
    ++pos;
    while (pos < json.size()) {
        pos = skipSpace(json, pos);
        if (pos >= json.size() || json.at(pos) != '"')
            return std::nullopt;
        const qsizetype keyEnd = skipString(json, pos);
        const bool match =
            unescape(json.sliced(pos + 1, std::max<qsizetype>(0, keyEnd - pos - 2))) == key;
        pos = skipSpace(json, keyEnd);
        if (pos >= json.size() || json.at(pos) != ':')
            return std::nullopt;
        pos = skipSpace(json, pos + 1);
        const qsizetype valueEnd = skipValue(json, pos);
        if (match)
            return QPair<qsizetype, qsizetype>(pos, valueEnd);
        pos = skipSpace(json, valueEnd);
        if (pos >= json.size() || json.at(pos) != ',')
            return std::nullopt;
        ++pos;
    }
    return std::nullopt;
}

DecodedPayload JsonDecoder::decode(const QByteArray &payload, const DecodeContext &context)
{
    Q_UNUSED(context);
    DecodedPayload result;
    result.decoderId = Id;
    result.inputSize = payload.size();

    const ParseResult parsed = parse(payload);
    if (!parsed.ok) {
        if (parsed.line > 0)
            result.fail(tr("%1 at line %2, column %3").arg(parsed.error).arg(parsed.line).arg(parsed.column),
                        parsed.errorOffset);
        else
            result.fail(parsed.error, parsed.errorOffset);
        result.errorLine = parsed.line;
        result.errorColumn = parsed.column;
        if (parsed.line > 0) {
            // The offending line with a caret under the column, so the UI can show it as is.
            const qsizetype off = std::clamp<qsizetype>(parsed.errorOffset, 0, payload.size());
            const qsizetype lineStart = payload.lastIndexOf('\n', off - 1) + 1;
            qsizetype lineEnd = payload.indexOf('\n', off);
            if (lineEnd < 0)
                lineEnd = payload.size();
            const qsizetype from = std::max(lineStart, off - 120);
            const qsizetype to = std::min(lineEnd, off + 120);
            const QString before = QString::fromUtf8(payload.mid(from, off - from));
            const QString excerpt = QString::fromUtf8(payload.mid(from, to - from));
            result.text = excerpt + u'\n' + QString(before.size(), u' ') + u'^';
        }
        return result;
    }

    result.ok = true;
    if (parsed.byteOrderMark)
        result.addWarning(tr("The payload starts with a UTF-8 byte order mark, which JSON does "
                             "not allow; it was skipped."),
                          0, 3);

    JsonWalker walker(payload, result);
    walker.run(parsed.start);
    result.text = walker.takeText();
    if (walker.textFull()) {
        result.truncated = true;
        result.addWarning(tr("The pretty text stops after %1.")
                              .arg(payload::formatSize(PayloadLimits::MaxTextChars)));
    }

    const QJsonValue &v = parsed.value;
    switch (v.type()) {
    case QJsonValue::Object: {
        // Count members as published: Qt's object collapses duplicate keys.
        const qint64 members = walker.rootCount().value_or(v.toObject().size());
        result.summary = tr("JSON object, %n key(s)", nullptr, int(members));
        break;
    }
    case QJsonValue::Array:
        result.summary = tr("JSON array, %n item(s)", nullptr, int(v.toArray().size()));
        break;
    case QJsonValue::String:
        result.summary = tr("JSON string, %n character(s)", nullptr, int(v.toString().size()));
        break;
    case QJsonValue::Double:
        result.summary = tr("JSON number %1").arg(payload::elide(result.fields.value(0).value, 40));
        break;
    case QJsonValue::Bool:
        result.summary = tr("JSON boolean %1").arg(v.toBool() ? u"true"_s : u"false"_s);
        break;
    case QJsonValue::Null:
        result.summary = tr("JSON null");
        break;
    case QJsonValue::Undefined:
        break;
    }
    return result;
}

} // namespace tideline
