#pragma once

#include "DecodedPayload.h"

#include <QCoreApplication>

namespace tideline {

// Sparkplug B (Eclipse Sparkplug, topics "spBv1.0/…"): decodes the protobuf Payload message by
// the field numbers of the published sparkplug_b.proto (Payload, Metric, MetaData, PropertySet,
// PropertyValue, DataSet, Template) and reads each metric value by its declared datatype,
// including the packed little-endian array types. STATE topics are not protobuf and are left
// to the JSON and text views.
class SparkplugDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(SparkplugDecoder)

public:
    static constexpr QLatin1String Id{"sparkplug"};
    static constexpr int MaxDepth = 16; // templates hold metrics that hold templates …

    static DecodedPayload decode(const QByteArray &payload, const DecodeContext &context = {});

    struct Topic
    {
        bool valid = false;     // namespace/group/type/node[/device] with a known type
        bool state = false;     // spBv1.0/STATE/<host id>
        QString group;
        QString messageType;    // NBIRTH, DDATA, …
        QString edgeNode;
        QString device;
    };
    static Topic parseTopic(const QString &topic);
    // A Sparkplug B topic whose payload is the protobuf Payload (everything but STATE).
    static bool isPayloadTopic(const QString &topic);

    // "Int32", "DateTime", "FloatArray", …; empty for unknown values.
    static QString dataTypeName(quint64 type);
};

static_assert(PayloadDecoder<SparkplugDecoder>);

} // namespace tideline
