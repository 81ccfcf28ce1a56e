#include "HistoryExport.h"

#include "DecodedPayload.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <limits>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

constexpr QByteArrayView CsvColumns[] = {"time", "timestamp_ms", "topic", "qos", "retain",
                                         "payload_encoding", "payload", "properties"};

// A JSON string literal of valid UTF-8 bytes: only the characters JSON requires are escaped,
// everything else is copied byte for byte (so the text round-trips exactly).
void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    qsizetype plainStart = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const uchar c = uchar(utf8.at(i));
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.data() + plainStart, i - plainStart);
        plainStart = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
            break;
        }
    }
    out.append(utf8.data() + plainStart, utf8.size() - plainStart);
    out += '"';
}

void appendJsonString(QByteArray &out, const QString &text)
{
    appendJsonString(out, QByteArrayView(text.toUtf8()));
}

QByteArray isoTime(qint64 timestampMs)
{
    return QDateTime::fromMSecsSinceEpoch(timestampMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
}

// RFC 4180: quote when the field holds a separator, a quote or a line break.
void appendCsvField(QByteArray &out, QByteArrayView field)
{
    bool quote = false;
    for (const char c : field) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    // Leading or trailing blanks survive every reader when quoted.
    if (!field.isEmpty() && (field.front() == ' ' || field.back() == ' '))
        quote = true;
    if (!quote) {
        out.append(field.data(), field.size());
        return;
    }
    out += '"';
    qsizetype start = 0;
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field.at(i) == '"') {
            out.append(field.data() + start, i - start + 1);
            out += '"';
            start = i + 1;
        }
    }
    out.append(field.data() + start, field.size() - start);
    out += '"';
}

Error syntaxError(qsizetype line, const QString &why)
{
    return Error{u"history.syntax"_s, HistoryExport::tr("Line %1: %2").arg(line).arg(why), QString()};
}

// --- reading properties (shared by both formats) --------------------------------------------

std::optional<quint64> unsignedValue(const QJsonValue &v, quint64 max)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 0 || d > double(max) || d != double(qint64(d)))
        return std::nullopt;
    return quint64(d);
}

// Reads the "properties" object; returns an error text (untranslated key) on failure.
std::optional<QString> readProperties(const QJsonObject &o, MessageProperties &p)
{
    p.contentType = o.value(u"contentType"_s).toString();
    if (o.contains(u"payloadFormatIndicator"_s)) {
        const auto v = unsignedValue(o.value(u"payloadFormatIndicator"_s), 1);
        if (!v)
            return HistoryExport::tr("payloadFormatIndicator must be 0 or 1");
        p.payloadFormatIndicator = quint8(*v);
    }
    p.responseTopic = o.value(u"responseTopic"_s).toString();
    if (o.contains(u"correlationDataBase64"_s)) {
        const auto decoded = QByteArray::fromBase64Encoding(
            o.value(u"correlationDataBase64"_s).toString().toLatin1(),
            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return HistoryExport::tr("correlationDataBase64 is not valid base64");
        p.correlationData = decoded.decoded;
    }
    if (o.contains(u"userProperties"_s)) {
        const QJsonValue list = o.value(u"userProperties"_s);
        if (!list.isArray())
            return HistoryExport::tr("userProperties must be a list of {\"name\", \"value\"} objects");
        for (const QJsonValue &item : list.toArray()) {
            const QJsonObject pair = item.toObject();
            if (!item.isObject() || !pair.value(u"name"_s).isString() || !pair.value(u"value"_s).isString())
                return HistoryExport::tr("userProperties must be a list of {\"name\", \"value\"} objects");
            p.userProperties.append({pair.value(u"name"_s).toString(), pair.value(u"value"_s).toString()});
        }
    }
    if (o.contains(u"messageExpiryInterval"_s)) {
        const auto v = unsignedValue(o.value(u"messageExpiryInterval"_s), std::numeric_limits<quint32>::max());
        if (!v)
            return HistoryExport::tr("messageExpiryInterval must be a number of seconds");
        p.messageExpiryInterval = quint32(*v);
    }
    if (o.contains(u"subscriptionIdentifiers"_s)) {
        for (const QJsonValue &item : o.value(u"subscriptionIdentifiers"_s).toArray()) {
            const auto v = unsignedValue(item, 268435455);
            if (!v || *v == 0)
                return HistoryExport::tr("subscriptionIdentifiers must be numbers from 1 to 268435455");
            p.subscriptionIdentifiers.append(quint32(*v));
        }
    }
    if (o.contains(u"topicAlias"_s)) {
        const auto v = unsignedValue(o.value(u"topicAlias"_s), 65535);
        if (!v || *v == 0)
            return HistoryExport::tr("topicAlias must be a number from 1 to 65535");
        p.topicAlias = quint16(*v);
    }
    return std::nullopt;
}

std::optional<qint64> parseIsoTime(const QString &text)
{
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

// --- JSON Lines -----------------------------------------------------------------------------

Result<MqttMessage> parseJsonLine(QByteArrayView line, qsizetype lineNumber)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return syntaxError(lineNumber, HistoryExport::tr("not valid JSON (%1 at character %2)")
                                           .arg(error.errorString())
                                           .arg(error.offset + 1));
    if (!doc.isObject())
        return syntaxError(lineNumber, HistoryExport::tr("each line must be a JSON object"));
    const QJsonObject o = doc.object();

    MqttMessage m;
    if (o.value(u"topic"_s).isString()) {
        m.topic = o.value(u"topic"_s).toString().toUtf8();
    } else if (o.value(u"topicBase64"_s).isString()) {
        const auto decoded = QByteArray::fromBase64Encoding(o.value(u"topicBase64"_s).toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return syntaxError(lineNumber, HistoryExport::tr("topicBase64 is not valid base64"));
        m.topic = decoded.decoded;
    }
    if (m.topic.isEmpty())
        return syntaxError(lineNumber, HistoryExport::tr("the message has no topic"));

    if (o.value(u"payload"_s).isString()) {
        m.payload = o.value(u"payload"_s).toString().toUtf8();
    } else if (o.contains(u"payloadBase64"_s)) {
        const auto decoded = QByteArray::fromBase64Encoding(o.value(u"payloadBase64"_s).toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!o.value(u"payloadBase64"_s).isString() || !decoded)
            return syntaxError(lineNumber, HistoryExport::tr("payloadBase64 is not valid base64"));
        m.payload = decoded.decoded;
    } else if (o.contains(u"payload"_s)) {
        return syntaxError(lineNumber, HistoryExport::tr("payload must be a string (or use payloadBase64)"));
    }

    if (o.contains(u"timestampMs"_s)) {
        const QJsonValue v = o.value(u"timestampMs"_s);
        if (!v.isDouble())
            return syntaxError(lineNumber, HistoryExport::tr("timestampMs must be a number"));
        m.timestampMs = v.toInteger();
    } else if (o.contains(u"time"_s)) {
        const auto t = parseIsoTime(o.value(u"time"_s).toString());
        if (!t)
            return syntaxError(lineNumber, HistoryExport::tr("time is not an ISO 8601 date and time"));
        m.timestampMs = *t;
    } else {
        m.timestampMs = QDateTime::currentMSecsSinceEpoch();
    }

    if (o.contains(u"qos"_s)) {
        const auto qos = unsignedValue(o.value(u"qos"_s), 2);
        if (!qos)
            return syntaxError(lineNumber, HistoryExport::tr("qos must be 0, 1 or 2"));
        m.qos = quint8(*qos);
    }
    if (o.contains(u"retain"_s)) {
        if (!o.value(u"retain"_s).isBool())
            return syntaxError(lineNumber, HistoryExport::tr("retain must be true or false"));
        m.retained = o.value(u"retain"_s).toBool();
    }
    if (o.contains(u"properties"_s)) {
        if (!o.value(u"properties"_s).isObject())
            return syntaxError(lineNumber, HistoryExport::tr("properties must be a JSON object"));
        auto properties = std::make_shared<MessageProperties>();
        if (const auto why = readProperties(o.value(u"properties"_s).toObject(), *properties))
            return syntaxError(lineNumber, *why);
        if (!properties->isEmpty())
            m.properties = std::move(properties);
    }
    return m;
}

Result<std::vector<MqttMessage>> parseJsonLines(QByteArrayView data)
{
    std::vector<MqttMessage> messages;
    qsizetype lineNumber = 0;
    qsizetype pos = 0;
    while (pos < data.size()) {
        ++lineNumber;
        qsizetype end = data.indexOf('\n', pos);
        if (end < 0)
            end = data.size();
        QByteArrayView line = data.sliced(pos, end - pos);
        pos = end + 1;
        if (lineNumber == 1 && line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
        if (line.trimmed().isEmpty())
            continue;
        auto message = parseJsonLine(line, lineNumber);
        if (!message)
            return message.error();
        messages.push_back(std::move(message).value());
    }
    return messages;
}

// --- CSV ------------------------------------------------------------------------------------

// Reads RFC 4180 records; a bare LF ends a record as well as CRLF.
class CsvReader
{
public:
    explicit CsvReader(QByteArrayView data) : m_data(data)
    {
        if (m_data.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
    }

    bool atEnd() const { return m_pos >= m_data.size(); }
    qsizetype line() const { return m_line; }     // where the last record started
    QString error() const { return m_error; }

    // False on a syntax error (error() says which).
    bool next(QList<QByteArray> &fields)
    {
        fields.clear();
        m_line = m_nextLine;
        QByteArray field;
        for (;;) {
            if (m_pos >= m_data.size()) {
                fields.append(field);
                return true;
            }
            if (m_data.at(m_pos) == '"') {
                ++m_pos;
                for (;;) {
                    const qsizetype quote = m_data.indexOf('"', m_pos);
                    if (quote < 0) {
                        m_error = HistoryExport::tr("a quoted field is not closed");
                        return false;
                    }
                    const QByteArrayView chunk = m_data.sliced(m_pos, quote - m_pos);
                    m_nextLine += chunk.count('\n');
                    field.append(chunk.data(), chunk.size());
                    m_pos = quote + 1;
                    if (m_pos < m_data.size() && m_data.at(m_pos) == '"') {
                        field += '"';
                        ++m_pos;
                        continue;
                    }
                    break;
                }
                if (m_pos < m_data.size() && m_data.at(m_pos) != ',' && m_data.at(m_pos) != '\n'
                    && !(m_data.at(m_pos) == '\r' && m_pos + 1 < m_data.size() && m_data.at(m_pos + 1) == '\n')) {
                    m_error = HistoryExport::tr("unexpected text after a closing quote");
                    return false;
                }
            } else {
                qsizetype end = m_pos;
                while (end < m_data.size() && m_data.at(end) != ',' && m_data.at(end) != '\n')
                    ++end;
                QByteArrayView raw = m_data.sliced(m_pos, end - m_pos);
                if (end < m_data.size() && m_data.at(end) == '\n' && raw.endsWith('\r'))
                    raw.chop(1);
                if (raw.contains('"')) {
                    m_error = HistoryExport::tr("a quote inside an unquoted field");
                    return false;
                }
                field.append(raw.data(), raw.size());
                m_pos = end;
            }
            // Now at ',', '\n', "\r\n" or the end.
            if (m_pos >= m_data.size()) {
                fields.append(field);
                return true;
            }
            if (m_data.at(m_pos) == ',') {
                fields.append(field);
                field.clear();
                ++m_pos;
                continue;
            }
            if (m_data.at(m_pos) == '\r')
                ++m_pos;
            ++m_pos; // '\n'
            ++m_nextLine;
            fields.append(field);
            return true;
        }
    }

private:
    QByteArrayView m_data;
    qsizetype m_pos = 0;
    qsizetype m_line = 1;
    qsizetype m_nextLine = 1;
    QString m_error;
};

Result<std::vector<MqttMessage>> parseCsv(QByteArrayView data)
{
    CsvReader reader(data);
    QList<QByteArray> fields;
    if (reader.atEnd())
        return std::vector<MqttMessage>{};
    if (!reader.next(fields))
        return syntaxError(reader.line(), reader.error());
    QHash<QByteArray, qsizetype> column;
    for (qsizetype i = 0; i < fields.size(); ++i)
        column.insert(fields.at(i).trimmed().toLower(), i);
    if (!column.contains("topic"))
        return syntaxError(1, HistoryExport::tr("the header names no \"topic\" column"));
    const auto at = [&](const QList<QByteArray> &row, QByteArrayView name) -> std::optional<QByteArray> {
        const auto it = column.constFind(name.toByteArray());
        if (it == column.constEnd() || *it >= row.size())
            return std::nullopt;
        return row.at(*it);
    };

    std::vector<MqttMessage> messages;
    while (!reader.atEnd()) {
        if (!reader.next(fields))
            return syntaxError(reader.line(), reader.error());
        const qsizetype line = reader.line();
        if (fields.size() == 1 && fields.first().isEmpty())
            continue; // blank line
        MqttMessage m;
        m.topic = at(fields, "topic").value_or(QByteArray());
        if (m.topic.isEmpty())
            return syntaxError(line, HistoryExport::tr("the message has no topic"));

        const QByteArray encoding = at(fields, "payload_encoding").value_or(QByteArray()).trimmed().toLower();
        const QByteArray payload = at(fields, "payload").value_or(QByteArray());
        if (encoding == "base64") {
            const auto decoded = QByteArray::fromBase64Encoding(payload, QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return syntaxError(line, HistoryExport::tr("the payload is not valid base64"));
            m.payload = decoded.decoded;
        } else if (encoding.isEmpty() || encoding == "utf-8" || encoding == "utf8" || encoding == "text") {
            m.payload = payload;
        } else {
            return syntaxError(line, HistoryExport::tr("unknown payload_encoding \"%1\" (use utf-8 or base64)")
                                         .arg(QString::fromUtf8(encoding)));
        }

        const QByteArray ms = at(fields, "timestamp_ms").value_or(QByteArray()).trimmed();
        const QByteArray time = at(fields, "time").value_or(QByteArray()).trimmed();
        if (!ms.isEmpty()) {
            bool ok = false;
            m.timestampMs = ms.toLongLong(&ok);
            if (!ok)
                return syntaxError(line, HistoryExport::tr("timestamp_ms must be a whole number"));
        } else if (!time.isEmpty()) {
            const auto t = parseIsoTime(QString::fromUtf8(time));
            if (!t)
                return syntaxError(line, HistoryExport::tr("time is not an ISO 8601 date and time"));
            m.timestampMs = *t;
        } else {
            m.timestampMs = QDateTime::currentMSecsSinceEpoch();
        }

        if (const QByteArray qos = at(fields, "qos").value_or(QByteArray()).trimmed(); !qos.isEmpty()) {
            if (qos != "0" && qos != "1" && qos != "2")
                return syntaxError(line, HistoryExport::tr("qos must be 0, 1 or 2"));
            m.qos = quint8(qos.toInt());
        }
        if (const QByteArray retain = at(fields, "retain").value_or(QByteArray()).trimmed().toLower();
            !retain.isEmpty()) {
            if (retain == "true" || retain == "1")
                m.retained = true;
            else if (retain != "false" && retain != "0")
                return syntaxError(line, HistoryExport::tr("retain must be true or false"));
        }
        if (const QByteArray props = at(fields, "properties").value_or(QByteArray()).trimmed(); !props.isEmpty()) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(props, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject())
                return syntaxError(line, HistoryExport::tr("properties must be a JSON object"));
            auto properties = std::make_shared<MessageProperties>();
            if (const auto why = readProperties(doc.object(), *properties))
                return syntaxError(line, *why);
            if (!properties->isEmpty())
                m.properties = std::move(properties);
        }
        messages.push_back(std::move(m));
    }
    return messages;
}

} // namespace

QByteArray HistoryExport::propertiesJson(const MessageProperties &p)
{
    if (p.isEmpty())
        return QByteArray();
    QByteArray out = "{";
    bool first = true;
    const auto key = [&](QByteArrayView name) {
        if (!first)
            out += ',';
        first = false;
        out += '"';
        out.append(name.data(), name.size());
        out += "\":";
    };
    if (!p.contentType.isEmpty()) {
        key("contentType");
        appendJsonString(out, p.contentType);
    }
    if (p.payloadFormatIndicator) {
        key("payloadFormatIndicator");
        out += QByteArray::number(*p.payloadFormatIndicator);
    }
    if (!p.responseTopic.isEmpty()) {
        key("responseTopic");
        appendJsonString(out, p.responseTopic);
    }
    if (!p.correlationData.isEmpty()) {
        key("correlationDataBase64");
        appendJsonString(out, QByteArrayView(p.correlationData.toBase64()));
    }
    if (!p.userProperties.isEmpty()) {
        key("userProperties");
        out += '[';
        for (qsizetype i = 0; i < p.userProperties.size(); ++i) {
            if (i > 0)
                out += ',';
            out += "{\"name\":";
            appendJsonString(out, p.userProperties.at(i).first);
            out += ",\"value\":";
            appendJsonString(out, p.userProperties.at(i).second);
            out += '}';
        }
        out += ']';
    }
    if (p.messageExpiryInterval) {
        key("messageExpiryInterval");
        out += QByteArray::number(*p.messageExpiryInterval);
    }
    if (!p.subscriptionIdentifiers.isEmpty()) {
        key("subscriptionIdentifiers");
        out += '[';
        for (qsizetype i = 0; i < p.subscriptionIdentifiers.size(); ++i) {
            if (i > 0)
                out += ',';
            out += QByteArray::number(p.subscriptionIdentifiers.at(i));
        }
        out += ']';
    }
    if (p.topicAlias) {
        key("topicAlias");
        out += QByteArray::number(*p.topicAlias);
    }
    out += '}';
    return out;
}

QByteArray HistoryExport::toJsonLine(const MqttMessage &m)
{
    QByteArray out;
    out.reserve(m.payload.size() + m.topic.size() + 160);
    out += "{\"time\":\"";
    out += isoTime(m.timestampMs);
    out += "\",\"timestampMs\":";
    out += QByteArray::number(m.timestampMs);
    if (payload::isValidUtf8(m.topic)) {
        out += ",\"topic\":";
        appendJsonString(out, QByteArrayView(m.topic));
    } else {
        out += ",\"topicBase64\":\"";
        out += m.topic.toBase64();
        out += '"';
    }
    out += ",\"qos\":";
    out += QByteArray::number(m.qos);
    out += ",\"retain\":";
    out += m.retained ? "true" : "false";
    if (payload::isValidUtf8(m.payload)) {
        out += ",\"payload\":";
        appendJsonString(out, QByteArrayView(m.payload));
    } else {
        out += ",\"payloadBase64\":\"";
        out += m.payload.toBase64();
        out += '"';
    }
    if (m.properties && !m.properties->isEmpty()) {
        out += ",\"properties\":";
        out += propertiesJson(*m.properties);
    }
    out += "}\n";
    return out;
}

QByteArray HistoryExport::csvHeader()
{
    QByteArray out;
    for (const QByteArrayView column : CsvColumns) {
        if (!out.isEmpty())
            out += ',';
        out.append(column.data(), column.size());
    }
    out += "\r\n";
    return out;
}

QByteArray HistoryExport::toCsvRecord(const MqttMessage &m)
{
    QByteArray out;
    out.reserve(m.payload.size() + m.topic.size() + 80);
    out += isoTime(m.timestampMs);
    out += ',';
    out += QByteArray::number(m.timestampMs);
    out += ',';
    appendCsvField(out, payload::isValidUtf8(m.topic) ? QByteArrayView(m.topic)
                                                      : QByteArrayView(QString::fromUtf8(m.topic).toUtf8()));
    out += ',';
    out += QByteArray::number(m.qos);
    out += ',';
    out += m.retained ? "true" : "false";
    out += ',';
    if (payload::looksLikeText(m.payload)) {
        out += "utf-8,";
        appendCsvField(out, m.payload);
    } else {
        out += "base64,";
        out += m.payload.toBase64();
    }
    out += ',';
    if (m.properties)
        appendCsvField(out, propertiesJson(*m.properties));
    out += "\r\n";
    return out;
}

QByteArray HistoryExport::serialize(const std::vector<MqttMessage> &messages, Format format)
{
    QByteArray out;
    if (format == Format::Csv)
        out += csvHeader();
    for (const MqttMessage &m : messages)
        out += format == Format::Csv ? toCsvRecord(m) : toJsonLine(m);
    return out;
}

Result<std::vector<MqttMessage>> HistoryExport::parse(QByteArrayView data, Format format)
{
    return format == Format::Csv ? parseCsv(data) : parseJsonLines(data);
}

Result<void> HistoryExport::write(QIODevice &device, const std::vector<MqttMessage> &messages,
                                  Format format)
{
    const auto failed = [&device] {
        return Error{u"history.write"_s, tr("Could not write the file: %1").arg(device.errorString()),
                     device.errorString()};
    };
    if (format == Format::Csv && device.write(csvHeader()) < 0)
        return failed();
    for (const MqttMessage &m : messages) {
        const QByteArray record = format == Format::Csv ? toCsvRecord(m) : toJsonLine(m);
        if (device.write(record) != record.size())
            return failed();
    }
    return {};
}

Result<void> HistoryExport::writeFile(const QString &path, const std::vector<MqttMessage> &messages,
                                      Format format)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{u"history.write"_s, tr("Could not create %1: %2").arg(path, file.errorString()),
                     file.errorString()};
    if (auto written = write(file, messages, format); !written)
        return written.error();
    if (!file.commit())
        return Error{u"history.write"_s, tr("Could not write %1: %2").arg(path, file.errorString()),
                     file.errorString()};
    return {};
}

Result<std::vector<MqttMessage>> HistoryExport::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"history.read"_s, tr("Could not open %1: %2").arg(path, file.errorString()),
                     file.errorString()};
    if (file.size() > MaxImportBytes)
        return Error{u"history.tooLarge"_s,
                     tr("%1 is %2; files larger than %3 cannot be imported.")
                         .arg(path, payload::formatSize(file.size()), payload::formatSize(MaxImportBytes)),
                     QString()};
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error{u"history.read"_s, tr("Could not read %1: %2").arg(path, file.errorString()),
                     file.errorString()};
    const Format format = formatForFileName(path).value_or(sniff(data));
    return parse(data, format);
}

std::optional<HistoryExport::Format> HistoryExport::formatForFileName(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"jsonl"_s || suffix == u"ndjson"_s || suffix == u"json"_s)
        return Format::JsonLines;
    if (suffix == u"csv"_s)
        return Format::Csv;
    return std::nullopt;
}

HistoryExport::Format HistoryExport::sniff(QByteArrayView head)
{
    qsizetype i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < head.size() && (head.at(i) == ' ' || head.at(i) == '\t' || head.at(i) == '\r' || head.at(i) == '\n'))
        ++i;
    return i < head.size() && head.at(i) == '{' ? Format::JsonLines : Format::Csv;
}

} // namespace tideline
