#pragma once

#include "core/Result.h"
#include "mqtt/MessageTemplate.h"

#include <QCoreApplication>
#include <QLatin1String>
#include <QList>
#include <QPair>
#include <QString>

namespace tideline {

// Turns a message template into a CloudEvents 1.0 event (cloudevents/spec: spec.md, json-format.md,
// mqtt-protocol-binding.md); the template's payload becomes the event's data.
//
// Structured mode: the payload is the JSON event format, Content Type application/cloudevents+json;
// JSON data is embedded as JSON, other text as a string, bytes as data_base64. Works on MQTT 3.1.1
// too (which drops the Content Type). Binary mode (MQTT 5 only): the payload stays the data, every
// attribute but datacontenttype becomes a user property named as the attribute, and
// datacontenttype becomes the MQTT Content Type property.
//
// id and time default to the placeholders {{uuid}} and {{now}}, so every message published from
// the template, one or a burst, gets a fresh id and its own publish time.
class CloudEventsBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(CloudEventsBuilder)

public:
    enum class Mode { Structured, Binary };

    static constexpr QLatin1String StructuredContentType{"application/cloudevents+json"};
    static constexpr QLatin1String SpecVersion{"1.0"};

    struct Event
    {
        QString type;            // required, e.g. "com.example.order.created"
        QString source;          // required, a URI-reference, e.g. "/shop/store-12"
        QString id = QStringLiteral("{{uuid}}");
        QString time = QStringLiteral("{{now}}");
        QString subject;         // optional
        QString dataContentType; // optional; JSON is assumed for JSON payloads
        QString dataSchema;      // optional
        QList<QPair<QString, QString>> extensions; // lower-case letters and digits only
    };

    // Error codes: "cloudevents.attribute" (missing or malformed attribute), or the payload's own
    // ("template.payload", "template.file").
    static Result<MessageTemplate> build(const Event &event, Mode mode, const MessageTemplate &base);

    // Attribute names the builder writes as user properties in binary mode (and removes again
    // when it rebuilds a template).
    static bool isContextAttribute(const QString &name);
};

} // namespace tideline
