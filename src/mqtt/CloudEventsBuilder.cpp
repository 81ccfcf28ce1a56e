#include "CloudEventsBuilder.h"

#include "payload/CloudEventsDecoder.h"
#include "payload/DecodedPayload.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

const QStringList &contextAttributes()
{
    static const QStringList names{u"specversion"_s, u"id"_s,      u"source"_s,          u"type"_s,
                                   u"subject"_s,     u"time"_s,    u"datacontenttype"_s, u"dataschema"_s};
    return names;
}

Error attributeError(const QString &message)
{
    return Error{u"cloudevents.attribute"_s, message, {}};
}

// A JSON string literal, quotes included.
QByteArray jsonString(const QString &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// Indents every line but the first by two spaces, so embedded JSON reads as part of the envelope.
QByteArray indented(const QByteArray &json)
{
    QByteArray out = json.trimmed();
    out.replace('\n', "\n  ");
    return out;
}

} // namespace

bool CloudEventsBuilder::isContextAttribute(const QString &name)
{
    return contextAttributes().contains(name);
}

Result<MessageTemplate> CloudEventsBuilder::build(const Event &event, Mode mode, const MessageTemplate &base)
{
    if (event.type.trimmed().isEmpty())
        return attributeError(tr("A CloudEvent needs a type, e.g. com.example.order.created."));
    if (event.source.trimmed().isEmpty())
        return attributeError(tr("A CloudEvent needs a source, e.g. /shop/store-12."));
    if (event.id.isEmpty())
        return attributeError(tr("A CloudEvent needs an id."));
    for (const auto &[name, value] : event.extensions) {
        if (!CloudEventsDecoder::isValidAttributeName(name))
            return attributeError(tr("The extension attribute name \"%1\" must be lower-case letters and digits "
                                     "only.").arg(name));
        if (isContextAttribute(name) || name == u"data"_s || name == u"data_base64"_s)
            return attributeError(tr("\"%1\" is a CloudEvents attribute of its own, not an extension.").arg(name));
    }

    const bool jsonPayload = base.payloadFormat == MessageTemplate::PayloadFormat::Json;
    QString dataContentType = event.dataContentType.trimmed();
    if (dataContentType.isEmpty() && jsonPayload)
        dataContentType = u"application/json"_s;

    // Ordered attributes (id, source, type first: what a reader looks for).
    QList<QPair<QString, QString>> attributes{{u"specversion"_s, QString(SpecVersion)},
                                              {u"id"_s, event.id},
                                              {u"source"_s, event.source},
                                              {u"type"_s, event.type}};
    if (!event.subject.isEmpty())
        attributes.append({u"subject"_s, event.subject});
    if (!event.time.isEmpty())
        attributes.append({u"time"_s, event.time});
    if (!event.dataSchema.isEmpty())
        attributes.append({u"dataschema"_s, event.dataSchema});
    attributes += event.extensions;

    MessageTemplate out = base;
    // A template built before (either mode) must not keep the old attributes around.
    out.properties.userProperties.removeIf([](const QPair<QString, QString> &p) {
        return isContextAttribute(p.first);
    });
    for (const auto &[name, value] : event.extensions) {
        out.properties.userProperties.removeIf([&name](const QPair<QString, QString> &p) {
            return p.first == name;
        });
    }

    if (mode == Mode::Binary) {
        QList<QPair<QString, QString>> user = attributes;
        user += out.properties.userProperties;
        out.properties.userProperties = user;
        out.properties.contentType = dataContentType;
        return out;
    }

    Result<QByteArray> data = base.payloadBytes();
    if (!data)
        return data.error();
    const QByteArray bytes = std::move(data).value();

    QByteArray dataMember;
    if (!bytes.isEmpty()) {
        const bool jsonData = dataContentType.isEmpty() || payload::isJsonMediaType(dataContentType);
        const bool isText = base.payloadExpands() || payload::looksLikeText(bytes);
        if (jsonData && base.payloadExpands()
            && MessageTemplate::checkPayload(MessageTemplate::PayloadFormat::Json, base.payload).ok) {
            dataMember = "\"data\": " + indented(bytes);
        } else if (isText) {
            if (dataContentType.isEmpty())
                dataContentType = u"text/plain; charset=utf-8"_s;
            dataMember = "\"data\": " + jsonString(QString::fromUtf8(bytes));
        } else {
            if (dataContentType.isEmpty())
                dataContentType = u"application/octet-stream"_s;
            dataMember = "\"data_base64\": \"" + bytes.toBase64() + '"';
        }
    }
    if (!dataContentType.isEmpty())
        attributes.append({u"datacontenttype"_s, dataContentType});

    QByteArray envelope = "{\n";
    for (const auto &[name, value] : std::as_const(attributes))
        envelope += "  " + jsonString(name) + ": " + jsonString(value) + ",\n";
    if (!dataMember.isEmpty()) {
        envelope += "  " + dataMember + '\n';
    } else {
        envelope.chop(2); // the last attribute's ",\n"
        envelope += '\n';
    }
    envelope += '}';

    out.payloadFormat = MessageTemplate::PayloadFormat::Json;
    out.payload = QString::fromUtf8(envelope);
    out.properties.contentType = QString(StructuredContentType);
    return out;
}

} // namespace tideline
