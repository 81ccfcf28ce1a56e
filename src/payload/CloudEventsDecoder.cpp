#include "CloudEventsDecoder.h"

#include "JsonDecoder.h"
#include "PayloadInspector.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

using Attribute = DecodedPayload::Attribute;

const QStringList &requiredNames()
{
    static const QStringList names = {u"specversion"_s, u"id"_s, u"source"_s, u"type"_s};
    return names;
}

const QStringList &optionalNames()
{
    static const QStringList names = {u"datacontenttype"_s, u"dataschema"_s, u"subject"_s, u"time"_s};
    return names;
}

QString jsonText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String: return v.toString();
    case QJsonValue::Bool: return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        const qint64 i = v.toInteger();
        return double(i) == d ? QString::number(i) : QString::number(d, 'g', 17);
    }
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Undefined: break;
    }
    return QString();
}

// Orders attributes required → optional → extensions and checks what the spec requires of them.
// values: name → (value, isString); insertion order kept for extensions.
void buildAttributes(DecodedPayload &result, const QList<QPair<QString, QPair<QString, bool>>> &values)
{
    QHash<QString, QPair<QString, bool>> byName;
    for (const auto &[name, value] : values)
        byName.insert(name, value);

    for (const QString &name : requiredNames()) {
        const auto it = byName.constFind(name);
        if (it == byName.constEnd()) {
            result.addWarning(CloudEventsDecoder::tr("The required attribute \"%1\" is missing.").arg(name));
            continue;
        }
        result.attributes.append({name, it->first, Attribute::Kind::Required});
        if (!it->second)
            result.addWarning(CloudEventsDecoder::tr("The attribute \"%1\" must be a string.").arg(name));
        else if (it->first.isEmpty())
            result.addWarning(CloudEventsDecoder::tr("The attribute \"%1\" must not be empty.").arg(name));
    }
    const auto spec = byName.constFind(u"specversion"_s);
    if (spec != byName.constEnd() && spec->first != u"1.0"_s)
        result.addWarning(CloudEventsDecoder::tr("specversion is \"%1\"; this view follows CloudEvents 1.0.")
                              .arg(payload::elide(spec->first, 40)));

    for (const QString &name : optionalNames()) {
        const auto it = byName.constFind(name);
        if (it == byName.constEnd())
            continue;
        result.attributes.append({name, it->first, Attribute::Kind::Optional});
        if (!it->second)
            result.addWarning(CloudEventsDecoder::tr("The attribute \"%1\" must be a string.").arg(name));
        else if (it->first.isEmpty())
            result.addWarning(CloudEventsDecoder::tr("The attribute \"%1\" must not be empty when present.").arg(name));
    }
    const auto time = byName.constFind(u"time"_s);
    if (time != byName.constEnd() && time->second && !time->first.isEmpty()
        && !CloudEventsDecoder::isRfc3339(time->first))
        result.addWarning(CloudEventsDecoder::tr("The time \"%1\" is not an RFC 3339 timestamp.")
                              .arg(payload::elide(time->first, 60)));

    for (const auto &[name, value] : values) {
        if (requiredNames().contains(name) || optionalNames().contains(name))
            continue;
        result.attributes.append({name, value.first, Attribute::Kind::Extension});
        if (!CloudEventsDecoder::isValidAttributeName(name))
            result.addWarning(CloudEventsDecoder::tr("The extension attribute name \"%1\" is not lower-case "
                                                     "letters and digits only.")
                                  .arg(payload::elide(name, 60)));
    }
}

QString attributeValue(const DecodedPayload &result, const QString &name)
{
    for (const auto &a : result.attributes) {
        if (a.name == name)
            return a.value;
    }
    return QString();
}

void setSummary(DecodedPayload &result, bool structured)
{
    QString type = attributeValue(result, u"type"_s);
    QString source = attributeValue(result, u"source"_s);
    if (type.isEmpty())
        type = CloudEventsDecoder::tr("(no type)");
    if (source.isEmpty())
        source = CloudEventsDecoder::tr("(no source)");
    type = payload::elide(type, 80);
    source = payload::elide(source, 80);
    result.summary = structured ? CloudEventsDecoder::tr("CloudEvent %1 from %2, structured mode").arg(type, source)
                                : CloudEventsDecoder::tr("CloudEvent %1 from %2, binary mode").arg(type, source);
    if (result.inner)
        result.summary = CloudEventsDecoder::tr("%1; data: %2").arg(result.summary, result.inner->summary);
}

DecodedPayload decodeStructured(const QByteArray &payload)
{
    DecodedPayload result = JsonDecoder::decode(payload);
    result.decoderId = CloudEventsDecoder::Id;
    result.contentMode = u"structured"_s;
    if (!result.ok)
        return result; // the JSON error, with line and column
    const JsonDecoder::ParseResult parsed = JsonDecoder::parse(payload);
    if (!parsed.value.isObject()) {
        result.fields.clear();
        result.fail(CloudEventsDecoder::tr("a structured CloudEvent is a JSON object"));
        return result;
    }
    const QJsonObject event = parsed.value.toObject();

    QList<QPair<QString, QPair<QString, bool>>> values;
    for (auto it = event.constBegin(); it != event.constEnd(); ++it) {
        const QString name = it.key();
        const QJsonValue value = it.value();
        if (name == u"data"_s || name == u"data_base64"_s)
            continue;
        if (value.isNull())
            continue; // null means "not set" in the JSON format
        if (value.isArray() || value.isObject())
            result.addWarning(CloudEventsDecoder::tr("The attribute \"%1\" holds a JSON %2; attributes are "
                                                     "strings, numbers or booleans.")
                                  .arg(payload::elide(name, 60), value.isArray() ? u"array"_s : u"object"_s));
        values.append({name, {jsonText(value), value.isString()}});
    }
    buildAttributes(result, values);

    const bool hasData = event.contains(u"data"_s);
    const bool hasBase64 = event.contains(u"data_base64"_s) && !event.value(u"data_base64"_s).isNull();
    if (hasData && hasBase64)
        result.addWarning(CloudEventsDecoder::tr("The event has both \"data\" and \"data_base64\"; only one "
                                                 "is allowed."));
    const QString contentType = attributeValue(result, u"datacontenttype"_s);
    if (hasBase64) {
        const QJsonValue encoded = event.value(u"data_base64"_s);
        const auto decoded = QByteArray::fromBase64Encoding(encoded.toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!encoded.isString() || !decoded) {
            result.addWarning(CloudEventsDecoder::tr("\"data_base64\" is not valid base64."));
        } else {
            result.innerBytes = decoded.decoded;
            result.inner = std::make_shared<DecodedPayload>(
                PayloadInspector::decodeInner(result.innerBytes, contentType));
        }
    } else if (hasData) {
        const QJsonValue data = event.value(u"data"_s);
        const bool jsonData = contentType.isEmpty() || payload::isJsonMediaType(contentType);
        if (!jsonData && data.isString()) {
            result.innerBytes = data.toString().toUtf8();
            result.inner = std::make_shared<DecodedPayload>(
                PayloadInspector::decodeInner(result.innerBytes, contentType));
        } else {
            if (!jsonData)
                result.addWarning(CloudEventsDecoder::tr("\"data\" is JSON although datacontenttype \"%1\" is "
                                                         "not a JSON type.")
                                      .arg(contentType));
            // The data exactly as published: same key order, same number literals.
            if (const auto range = JsonDecoder::memberRange(payload, u"data"))
                result.innerBytes = payload.mid(range->first, range->second - range->first);
            result.inner = std::make_shared<DecodedPayload>(JsonDecoder::decode(result.innerBytes));
        }
    }
    setSummary(result, true);
    return result;
}

DecodedPayload decodeBinary(const QByteArray &payload, const MessageProperties &properties)
{
    DecodedPayload result;
    result.decoderId = CloudEventsDecoder::Id;
    result.inputSize = payload.size();
    result.contentMode = u"binary"_s;
    result.ok = true;

    QList<QPair<QString, QPair<QString, bool>>> values;
    QSet<QString> seen;
    QStringList ignored;
    for (const auto &[name, value] : properties.userProperties) {
        if (!CloudEventsDecoder::isValidAttributeName(name)) {
            ignored << name;
            continue;
        }
        if (seen.contains(name)) {
            result.addWarning(CloudEventsDecoder::tr("The attribute \"%1\" appears in more than one user "
                                                     "property; the first is used.")
                                  .arg(name));
            continue;
        }
        seen.insert(name);
        values.append({name, {value, true}});
    }
    // The binding maps datacontenttype to the MQTT Content Type property.
    if (!properties.contentType.isEmpty()) {
        const auto it = std::find_if(values.begin(), values.end(),
                                     [](const auto &v) { return v.first == u"datacontenttype"_s; });
        if (it == values.end())
            values.append({u"datacontenttype"_s, {properties.contentType, true}});
        else if (it->second.first != properties.contentType) {
            result.addWarning(CloudEventsDecoder::tr("The Content Type property \"%1\" and the "
                                                     "datacontenttype user property \"%2\" differ; the "
                                                     "Content Type property is used.")
                                  .arg(properties.contentType, it->second.first));
            it->second.first = properties.contentType;
        }
    }
    if (!ignored.isEmpty())
        result.addWarning(CloudEventsDecoder::tr("%n user property(ies) not named like CloudEvents "
                                                 "attributes were left out: %1",
                                                 nullptr, int(ignored.size()))
                              .arg(payload::elide(ignored.join(u", "_s), 200)));
    buildAttributes(result, values);

    QStringList lines;
    for (const auto &a : std::as_const(result.attributes)) {
        lines << a.name + u": "_s + a.value;
        result.addField(a.name, a.kind == Attribute::Kind::Required ? u"required"_s
                            : a.kind == Attribute::Kind::Optional ? u"optional"_s
                                                                  : u"extension"_s,
                        payload::elide(a.value), 0);
    }
    result.text = lines.join(u'\n');
    if (!payload.isEmpty()) {
        result.innerBytes = payload;
        result.inner = std::make_shared<DecodedPayload>(
            PayloadInspector::decodeInner(payload, attributeValue(result, u"datacontenttype"_s)));
    }
    setSummary(result, false);
    return result;
}

} // namespace

bool CloudEventsDecoder::isValidAttributeName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')))
            return false;
    }
    return true;
}

bool CloudEventsDecoder::isRfc3339(const QString &value)
{
    static const QRegularExpression pattern(
        u"^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"_s);
    if (!pattern.match(value).hasMatch())
        return false;
    // Qt wants an upper-case T and Z; both cases are valid RFC 3339.
    return QDateTime::fromString(value.toUpper(), Qt::ISODateWithMs).isValid();
}

CloudEventsDecoder::Mode CloudEventsDecoder::detectMode(QByteArrayView payload,
                                                        const MessageProperties *properties)
{
    if (properties) {
        if (payload::mediaType(properties->contentType).startsWith(u"application/cloudevents"_s))
            return Mode::Structured;
        for (const auto &property : properties->userProperties) {
            if (property.first == u"specversion"_s)
                return Mode::Binary;
        }
    }
    // MQTT 3.1.1 has no properties: a JSON object naming specversion is a structured event.
    const QByteArrayView prefix = payload.first(std::min(payload.size(), PayloadLimits::DetectPrefix));
    qsizetype i = prefix.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < prefix.size() && (prefix.at(i) == ' ' || prefix.at(i) == '\t' || prefix.at(i) == '\r' || prefix.at(i) == '\n'))
        ++i;
    if (i < prefix.size() && prefix.at(i) == '{' && prefix.indexOf("\"specversion\"") >= 0)
        return Mode::Structured;
    return Mode::None;
}

DecodedPayload CloudEventsDecoder::decode(const QByteArray &payload, const DecodeContext &context)
{
    const MessageProperties *properties = context.properties;
    if (properties) {
        const QString type = payload::mediaType(properties->contentType);
        if (type.startsWith(u"application/cloudevents"_s) && type != u"application/cloudevents+json"_s
            && type != u"application/cloudevents"_s) {
            return DecodedPayload::failure(
                Id,
                type.startsWith(u"application/cloudevents-batch"_s)
                    ? tr("batched CloudEvents (%1) are not part of the MQTT binding").arg(type)
                    : tr("the event format %1 is not supported; only JSON is").arg(type),
                payload.size());
        }
    }
    switch (detectMode(payload, properties)) {
    case Mode::Structured:
        return decodeStructured(payload);
    case Mode::Binary:
        return decodeBinary(payload, *properties);
    case Mode::None:
        break;
    }
    return DecodedPayload::failure(Id,
                                   tr("no CloudEvents markers: neither a JSON event with "
                                      "\"specversion\" nor a \"specversion\" user property"),
                                   payload.size());
}

} // namespace tideline
