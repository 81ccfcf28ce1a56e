#include "MessageTemplate.h"

#include "Placeholders.h"
#include "mqtt/ConnectionProfile.h"
#include "payload/DecodedPayload.h"
#include "payload/JsonDecoder.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

// The largest payload MQTT can carry (a PUBLISH's remaining length is at most 268,435,455 and
// includes the topic); files beyond that are refused before they are read.
constexpr qint64 MaxPayloadBytes = 268'435'455;
// Fixed sample values for validation, so that a check gives the same answer every time.
constexpr qint64 SampleTimeMs = 1'700'000'000'000;

namespace key {
const auto Name = u"name"_s;
const auto Topic = u"topic"_s;
const auto Qos = u"qos"_s;
const auto Retain = u"retain"_s;
const auto Format = u"payload_format"_s;
const auto Payload = u"payload"_s;
const auto Properties = u"properties"_s;
const auto ContentType = u"content_type"_s;
const auto PayloadFormatIndicator = u"payload_format_indicator"_s;
const auto ResponseTopic = u"response_topic"_s;
const auto CorrelationData = u"correlation_data"_s;
const auto CorrelationDataBase64 = u"correlation_data_base64"_s;
const auto UserProperties = u"user_properties"_s;
const auto Key = u"key"_s;
const auto Value = u"value"_s;
const auto MessageExpiry = u"message_expiry_interval"_s;
} // namespace key

Error invalid(const QString &message)
{
    return Error{u"template.invalid"_s, message, {}};
}

bool sameProperties(const MessageProperties &a, const MessageProperties &b)
{
    return a.contentType == b.contentType && a.payloadFormatIndicator == b.payloadFormatIndicator
        && a.responseTopic == b.responseTopic && a.correlationData == b.correlationData
        && a.userProperties == b.userProperties && a.messageExpiryInterval == b.messageExpiryInterval;
}

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool isBase64Char(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'+'
        || c == u'/' || c == u'-' || c == u'_';
}

// 1-based line and column of a character index in `text`.
void position(const QString &text, qsizetype index, int *line, int *column)
{
    int l = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < index && i < text.size(); ++i) {
        if (text.at(i) == u'\n') {
            ++l;
            lineStart = i + 1;
        }
    }
    *line = l;
    *column = int(index - lineStart) + 1;
}

struct Decoded
{
    QByteArray bytes;
    MessageTemplate::PayloadCheck check;
};

Decoded decodeHex(const QString &text)
{
    Decoded d;
    QByteArray digits;
    digits.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace())
            continue;
        if (!isHexDigit(c)) {
            position(text, i, &d.check.line, &d.check.column);
            d.check.message = MessageTemplate::tr("Line %1, column %2: \"%3\" is not a hex digit.")
                                  .arg(d.check.line)
                                  .arg(d.check.column)
                                  .arg(c);
            return d;
        }
        digits.append(char(c.unicode()));
    }
    if (digits.size() % 2 != 0) {
        position(text, text.size(), &d.check.line, &d.check.column);
        d.check.message = MessageTemplate::tr("An odd number of hex digits: every byte needs two.");
        return d;
    }
    d.bytes = QByteArray::fromHex(digits);
    d.check.ok = true;
    return d;
}

Decoded decodeBase64(const QString &text)
{
    Decoded d;
    QByteArray chars;
    chars.reserve(text.size());
    bool url = false;
    bool padding = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace())
            continue;
        const bool ok = padding ? c == u'=' : (isBase64Char(c) || c == u'=');
        if (!ok) {
            position(text, i, &d.check.line, &d.check.column);
            d.check.message = padding ? MessageTemplate::tr("Line %1, column %2: nothing may follow the "
                                                            "\"=\" padding.")
                                            .arg(d.check.line)
                                            .arg(d.check.column)
                                      : MessageTemplate::tr("Line %1, column %2: \"%3\" is not a base64 "
                                                            "character.")
                                            .arg(d.check.line)
                                            .arg(d.check.column)
                                            .arg(c);
            return d;
        }
        padding = padding || c == u'=';
        url = url || c == u'-' || c == u'_';
        chars.append(char(c.unicode()));
    }
    // A single character after a group of four is never valid base64.
    if (chars.count('=') > 2 || (chars.size() - chars.count('=')) % 4 == 1) {
        position(text, text.size(), &d.check.line, &d.check.column);
        d.check.message = MessageTemplate::tr("The base64 text is cut short: its length does not fit whole bytes.");
        return d;
    }
    const auto result = QByteArray::fromBase64Encoding(
        chars, (url ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding)
                   | QByteArray::AbortOnBase64DecodingErrors);
    if (!result) {
        d.check.message = MessageTemplate::tr("This is not valid base64.");
        return d;
    }
    d.bytes = *result;
    d.check.ok = true;
    return d;
}

MessageTemplate::PayloadCheck checkJson(const QString &text)
{
    MessageTemplate::PayloadCheck check;
    const QByteArray source = text.toUtf8();
    PlaceholderExpander sample(1, SampleTimeMs);
    QList<PlaceholderExpander::Replacement> replacements;
    const QByteArray expanded = sample.expand(source, &replacements);
    if (expanded.trimmed().isEmpty()) {
        check.line = 1;
        check.column = 1;
        check.message = MessageTemplate::tr("Empty: JSON needs a value, e.g. {} or \"text\".");
        return check;
    }
    const JsonDecoder::ParseResult parsed = JsonDecoder::parse(expanded);
    if (!parsed.ok) {
        const qint64 offset
            = parsed.errorOffset < 0 ? 0 : PlaceholderExpander::sourceOffset(parsed.errorOffset, replacements);
        JsonDecoder::lineColumn(source, qMin<qint64>(offset, source.size()), &check.line, &check.column);
        check.message = MessageTemplate::tr("Line %1, column %2: %3").arg(check.line).arg(check.column).arg(parsed.error);
        return check;
    }
    check.ok = true;
    check.bytes = source.size();
    return check;
}

QString sizeText(qint64 bytes)
{
    return payload::formatSize(bytes);
}

} // namespace

bool MessageTemplate::operator==(const MessageTemplate &other) const
{
    return name == other.name && topic == other.topic && qos == other.qos && retain == other.retain
        && payloadFormat == other.payloadFormat && payload == other.payload
        && sameProperties(properties, other.properties);
}

QString MessageTemplate::formatKey(PayloadFormat format)
{
    switch (format) {
    case PayloadFormat::Text:
        return u"text"_s;
    case PayloadFormat::Json:
        return u"json"_s;
    case PayloadFormat::Hex:
        return u"hex"_s;
    case PayloadFormat::Base64:
        return u"base64"_s;
    case PayloadFormat::File:
        return u"file"_s;
    }
    return u"text"_s;
}

std::optional<MessageTemplate::PayloadFormat> MessageTemplate::formatFromKey(QStringView key)
{
    for (const PayloadFormat f : {PayloadFormat::Text, PayloadFormat::Json, PayloadFormat::Hex,
                                  PayloadFormat::Base64, PayloadFormat::File}) {
        if (key == formatKey(f))
            return f;
    }
    return std::nullopt;
}

QJsonObject MessageTemplate::toJson() const
{
    QJsonObject o;
    o.insert(key::Name, name);
    o.insert(key::Topic, topic);
    o.insert(key::Qos, qos);
    o.insert(key::Retain, retain);
    o.insert(key::Format, formatKey(payloadFormat));
    o.insert(key::Payload, payload);
    QJsonObject p;
    if (!properties.contentType.isEmpty())
        p.insert(key::ContentType, properties.contentType);
    if (properties.payloadFormatIndicator)
        p.insert(key::PayloadFormatIndicator, int(*properties.payloadFormatIndicator));
    if (!properties.responseTopic.isEmpty())
        p.insert(key::ResponseTopic, properties.responseTopic);
    if (!properties.correlationData.isEmpty()) {
        if (payload::isValidUtf8(properties.correlationData))
            p.insert(key::CorrelationData, QString::fromUtf8(properties.correlationData));
        else
            p.insert(key::CorrelationDataBase64, QString::fromLatin1(properties.correlationData.toBase64()));
    }
    if (!properties.userProperties.isEmpty()) {
        // A list, not an object: MQTT allows the same name more than once, and order matters.
        QJsonArray user;
        for (const auto &[name, value] : properties.userProperties)
            user.append(QJsonObject{{key::Key, name}, {key::Value, value}});
        p.insert(key::UserProperties, user);
    }
    if (properties.messageExpiryInterval)
        p.insert(key::MessageExpiry, qint64(*properties.messageExpiryInterval));
    if (!p.isEmpty())
        o.insert(key::Properties, p);
    return o;
}

Result<MessageTemplate> MessageTemplate::fromJson(const QJsonObject &o)
{
    MessageTemplate t;
    const auto stringField = [&o](const QString &k, QString *out) {
        const QJsonValue v = o.value(k);
        if (v.isUndefined())
            return true;
        if (!v.isString())
            return false;
        *out = v.toString();
        return true;
    };
    if (!stringField(key::Name, &t.name) || !stringField(key::Topic, &t.topic)
        || !stringField(key::Payload, &t.payload))
        return invalid(tr("A template's name, topic and payload must be text."));
    const QJsonValue qos = o.value(key::Qos);
    if (!qos.isUndefined()) {
        const int q = qos.toInt(-1);
        if (!qos.isDouble() || q < 0 || q > 2 || qos.toDouble() != q)
            return invalid(tr("A template's QoS must be 0, 1 or 2."));
        t.qos = q;
    }
    const QJsonValue retain = o.value(key::Retain);
    if (!retain.isUndefined() && !retain.isBool())
        return invalid(tr("A template's retain flag must be true or false."));
    t.retain = retain.toBool(false);
    const QJsonValue format = o.value(key::Format);
    if (!format.isUndefined()) {
        const auto f = formatFromKey(format.toString());
        if (!f)
            return invalid(tr("Unknown payload format \"%1\".").arg(format.toString()));
        t.payloadFormat = *f;
    }

    const QJsonValue propsValue = o.value(key::Properties);
    if (propsValue.isUndefined())
        return t;
    if (!propsValue.isObject())
        return invalid(tr("A template's properties must be an object."));
    const QJsonObject p = propsValue.toObject();
    MessageProperties &props = t.properties;
    props.contentType = p.value(key::ContentType).toString();
    props.responseTopic = p.value(key::ResponseTopic).toString();
    if (const QJsonValue v = p.value(key::PayloadFormatIndicator); !v.isUndefined()) {
        const int pfi = v.toInt(-1);
        if (pfi != 0 && pfi != 1)
            return invalid(tr("The payload format indicator must be 0 or 1."));
        props.payloadFormatIndicator = quint8(pfi);
    }
    if (const QJsonValue v = p.value(key::CorrelationData); v.isString())
        props.correlationData = v.toString().toUtf8();
    else if (const QJsonValue b = p.value(key::CorrelationDataBase64); b.isString())
        props.correlationData = QByteArray::fromBase64(b.toString().toLatin1());
    if (const QJsonValue v = p.value(key::UserProperties); !v.isUndefined()) {
        if (!v.isArray())
            return invalid(tr("User properties must be a list of {\"key\", \"value\"} pairs."));
        for (const QJsonValue &entry : v.toArray()) {
            const QJsonObject pair = entry.toObject();
            if (!entry.isObject() || !pair.value(key::Key).isString() || !pair.value(key::Value).isString())
                return invalid(tr("User properties must be a list of {\"key\", \"value\"} pairs."));
            props.userProperties.append({pair.value(key::Key).toString(), pair.value(key::Value).toString()});
        }
    }
    if (const QJsonValue v = p.value(key::MessageExpiry); !v.isUndefined()) {
        const double seconds = v.toDouble(-1);
        if (!v.isDouble() || seconds < 0 || seconds > 4294967295.0 || seconds != double(qint64(seconds)))
            return invalid(tr("The message expiry interval must be a whole number of seconds."));
        props.messageExpiryInterval = quint32(qint64(seconds));
    }
    return t;
}

MessageTemplate::PayloadCheck MessageTemplate::checkPayload(PayloadFormat format, const QString &text)
{
    PayloadCheck check;
    switch (format) {
    case PayloadFormat::Text:
        check.ok = true;
        check.bytes = text.toUtf8().size();
        check.message = sizeText(check.bytes);
        return check;
    case PayloadFormat::Json:
        check = checkJson(text);
        if (check.ok)
            check.message = tr("Valid JSON, %1").arg(sizeText(check.bytes));
        return check;
    case PayloadFormat::Hex: {
        Decoded d = decodeHex(text);
        if (d.check.ok) {
            d.check.bytes = d.bytes.size();
            d.check.message = sizeText(d.check.bytes);
        }
        return d.check;
    }
    case PayloadFormat::Base64: {
        Decoded d = decodeBase64(text);
        if (d.check.ok) {
            d.check.bytes = d.bytes.size();
            d.check.message = sizeText(d.check.bytes);
        }
        return d.check;
    }
    case PayloadFormat::File: {
        const QFileInfo info(text);
        if (text.isEmpty()) {
            check.message = tr("Choose a file to send.");
        } else if (!info.exists()) {
            check.message = tr("%1 does not exist.").arg(text);
        } else if (!info.isFile() || !info.isReadable()) {
            check.message = tr("%1 is not a readable file.").arg(text);
        } else if (info.size() > MaxPayloadBytes) {
            check.message = tr("%1 is larger than the 256 MB an MQTT message can carry.").arg(text);
        } else {
            check.ok = true;
            check.bytes = info.size();
            check.message = sizeText(check.bytes);
        }
        return check;
    }
    }
    return check;
}

bool MessageTemplate::payloadExpands() const
{
    return payloadFormat == PayloadFormat::Text || payloadFormat == PayloadFormat::Json;
}

Result<QByteArray> MessageTemplate::payloadBytes() const
{
    switch (payloadFormat) {
    case PayloadFormat::Text:
        return payload.toUtf8();
    case PayloadFormat::Json: {
        const PayloadCheck check = checkJson(payload);
        if (!check.ok)
            return Error{u"template.payload"_s, tr("The payload is not valid JSON: %1").arg(check.message), {}};
        return payload.toUtf8();
    }
    case PayloadFormat::Hex:
    case PayloadFormat::Base64: {
        const Decoded d = payloadFormat == PayloadFormat::Hex ? decodeHex(payload) : decodeBase64(payload);
        if (!d.check.ok)
            return Error{u"template.payload"_s, d.check.message, {}};
        return d.bytes;
    }
    case PayloadFormat::File: {
        const PayloadCheck check = checkPayload(PayloadFormat::File, payload);
        if (!check.ok)
            return Error{u"template.file"_s, check.message, {}};
        QFile file(payload);
        if (!file.open(QIODevice::ReadOnly))
            return Error{u"template.file"_s, tr("Cannot read %1: %2").arg(payload, file.errorString()),
                         file.errorString()};
        return file.readAll();
    }
    }
    return QByteArray();
}

// ---------------------------------------------------------------------------------------------

Result<PreparedMessage> PreparedMessage::prepare(const MessageTemplate &t)
{
    if (!ConnectionProfile::isValidTopicName(t.topic)) {
        return Error{u"template.topic"_s,
                     t.topic.isEmpty() ? tr("Enter a topic to publish to.")
                                       : tr("\"%1\" is not a topic one can publish to: no + or # wildcards.")
                                             .arg(t.topic),
                     {}};
    }
    if (t.qos < 0 || t.qos > 2)
        return Error{u"template.qos"_s, tr("QoS must be 0, 1 or 2."), {}};
    Result<QByteArray> payload = t.payloadBytes();
    if (!payload)
        return payload.error();

    PreparedMessage m;
    m.m_topic = t.topic.toUtf8();
    m.m_payload = std::move(payload).value();
    m.m_properties = t.properties;
    // Receive-side properties have no meaning in a PUBLISH from a client.
    m.m_properties.subscriptionIdentifiers.clear();
    m.m_properties.topicAlias.reset();
    m.m_qos = t.qos;
    m.m_retain = t.retain;
    m.m_expandTopic = PlaceholderExpander::containsPlaceholder(QByteArrayView(m.m_topic));
    m.m_expandPayload = t.payloadExpands() && PlaceholderExpander::containsPlaceholder(QByteArrayView(m.m_payload));
    bool props = PlaceholderExpander::containsPlaceholder(m.m_properties.responseTopic)
              || PlaceholderExpander::containsPlaceholder(QByteArrayView(m.m_properties.correlationData));
    for (const auto &[name, value] : std::as_const(m.m_properties.userProperties))
        props = props || PlaceholderExpander::containsPlaceholder(value);
    m.m_expandProperties = props;
    return m;
}

void PreparedMessage::render(quint64 seq, OutgoingMessage &out) const
{
    out.qos = m_qos;
    out.retain = m_retain;
    if (!m_expandTopic && !m_expandPayload && !m_expandProperties) {
        out.topic = m_topic;
        out.payload = m_payload;
        out.properties = m_properties;
        return;
    }
    PlaceholderExpander values(seq);
    out.topic = m_expandTopic ? values.expand(QByteArrayView(m_topic)) : m_topic;
    out.payload = m_expandPayload ? values.expand(QByteArrayView(m_payload)) : m_payload;
    out.properties = m_properties;
    if (m_expandProperties) {
        out.properties.responseTopic = values.expand(m_properties.responseTopic);
        out.properties.correlationData = values.expand(QByteArrayView(m_properties.correlationData));
        for (auto &[name, value] : out.properties.userProperties)
            value = values.expand(value);
    }
}

OutgoingMessage PreparedMessage::render(quint64 seq) const
{
    OutgoingMessage out;
    render(seq, out);
    return out;
}

} // namespace tideline
