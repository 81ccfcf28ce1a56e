#pragma once

#include "DecodedPayload.h"

#include <QCoreApplication>

namespace tideline {

// CloudEvents 1.0 over MQTT (cloudevents/spec, mqtt-protocol-binding.md and json-format.md).
//
// Structured mode: the payload is the JSON event format (Content Type application/cloudevents
// +json, or no Content Type at all as with MQTT 3.1.1). Binary mode (MQTT 5 only): attributes
// are user properties named as-is, datacontenttype is the MQTT Content Type property and the
// payload is the data. Either way the attributes become a table, missing or malformed
// attributes become warnings, and the data is decoded by its datacontenttype into `inner`.
class CloudEventsDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(CloudEventsDecoder)

public:
    static constexpr QLatin1String Id{"cloudevents"};

    enum class Mode { None, Structured, Binary };

    static DecodedPayload decode(const QByteArray &payload, const DecodeContext &context = {});

    // Which content mode the message uses, from properties and a bounded payload prefix.
    static Mode detectMode(QByteArrayView payload, const MessageProperties *properties);

    // Lower-case ASCII letters and digits (CloudEvents 1.0, "Attribute Naming Convention").
    static bool isValidAttributeName(QStringView name);
    // RFC 3339 date-time, as the "time" attribute requires.
    static bool isRfc3339(const QString &value);
};

static_assert(PayloadDecoder<CloudEventsDecoder>);

} // namespace tideline
