#include "PayloadInspector.h"

#include "Base64Decoder.h"
#include "CborDecoder.h"
#include "CloudEventsDecoder.h"
#include "HexDecoder.h"
#include "ImageDecoder.h"
#include "JsonDecoder.h"
#include "MsgPackDecoder.h"
#include "ProtobufDecoder.h"
#include "SparkplugDecoder.h"
#include "TextDecoder.h"

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

// The decoder a media type names, if any.
QString decoderForMediaType(const QString &contentType)
{
    const QString type = payload::mediaType(contentType);
    if (type.isEmpty())
        return QString();
    if (payload::isJsonMediaType(type))
        return JsonDecoder::Id;
    if (type.startsWith(u"text/"_s))
        return TextDecoder::Id;
    if (type.startsWith(u"image/"_s))
        return ImageDecoder::Id;
    if (type == u"application/cbor"_s || type.endsWith(u"+cbor"_s) || type == u"application/cbor-seq"_s)
        return CborDecoder::Id;
    if (type == u"application/msgpack"_s || type == u"application/x-msgpack"_s
        || type == u"application/vnd.msgpack"_s || type.endsWith(u"+msgpack"_s))
        return MsgPackDecoder::Id;
    if (type == u"application/protobuf"_s || type == u"application/x-protobuf"_s
        || type == u"application/vnd.google.protobuf"_s || type == u"application/x-google-protobuf"_s
        || type.endsWith(u"+proto"_s) || type.endsWith(u"+protobuf"_s))
        return ProtobufDecoder::Id;
    if (type == u"application/xml"_s || type.endsWith(u"+xml"_s) || type == u"application/yaml"_s
        || type == u"application/x-yaml"_s || type == u"application/javascript"_s)
        return TextDecoder::Id;
    return QString();
}

bool looksLikeJson(const QByteArray &payload)
{
    if (payload.size() <= PayloadLimits::DetectParseLimit)
        return JsonDecoder::parse(payload).ok;
    // Too big to parse just to rank it: trust an opening bracket over valid UTF-8.
    const QByteArrayView prefix = QByteArrayView(payload).first(PayloadLimits::DetectPrefix);
    qsizetype i = prefix.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < prefix.size() && (prefix.at(i) == ' ' || prefix.at(i) == '\t' || prefix.at(i) == '\r' || prefix.at(i) == '\n'))
        ++i;
    return i < prefix.size() && (prefix.at(i) == '{' || prefix.at(i) == '[')
        && payload::isValidUtf8(prefix, true);
}

} // namespace

QStringList PayloadInspector::decoderIds()
{
    return {TextDecoder::Id,     JsonDecoder::Id,      CloudEventsDecoder::Id, CborDecoder::Id,
            MsgPackDecoder::Id,  ProtobufDecoder::Id,  SparkplugDecoder::Id,   HexDecoder::Id,
            Base64Decoder::Id,   ImageDecoder::Id};
}

QStringList PayloadInspector::detect(const QString &topic, const QByteArray &payload,
                                     const MessageProperties *properties)
{
    QStringList ids;
    auto add = [&ids](const QString &id) {
        if (!id.isEmpty() && !ids.contains(id))
            ids << id;
    };

    if (CloudEventsDecoder::detectMode(payload, properties) != CloudEventsDecoder::Mode::None)
        add(CloudEventsDecoder::Id);
    if (SparkplugDecoder::isPayloadTopic(topic))
        add(SparkplugDecoder::Id);
    if (properties)
        add(decoderForMediaType(properties->contentType));
    if (!ImageDecoder::formatFromMagic(payload).isEmpty())
        add(ImageDecoder::Id);
    if (CborDecoder::hasSelfDescribeMagic(payload))
        add(CborDecoder::Id);

    const QByteArrayView prefix = QByteArrayView(payload).first(std::min(payload.size(), PayloadLimits::DetectPrefix));
    const bool partial = prefix.size() < payload.size();
    if (!payload.isEmpty() && looksLikeJson(payload))
        add(JsonDecoder::Id);
    if (Base64Decoder::isLikelyBase64(payload))
        add(Base64Decoder::Id);
    const bool cleanText = payload::looksLikeText(prefix, partial);
    if (cleanText)
        add(TextDecoder::Id);
    else if (payload.size() <= PayloadLimits::DetectParseLimit && ProtobufDecoder::looksLikeProtobuf(payload))
        add(ProtobufDecoder::Id);
    if (!cleanText && payload::isValidUtf8(prefix, partial))
        add(TextDecoder::Id);
    add(HexDecoder::Id);
    return ids;
}

DecodedPayload PayloadInspector::decode(const QString &decoderId, const QString &topic,
                                        const QByteArray &payload, const MessageProperties *properties)
{
    const DecodeContext context{topic, properties};
    if (decoderId == TextDecoder::Id)
        return TextDecoder::decode(payload, context);
    if (decoderId == JsonDecoder::Id)
        return JsonDecoder::decode(payload, context);
    if (decoderId == CloudEventsDecoder::Id)
        return CloudEventsDecoder::decode(payload, context);
    if (decoderId == CborDecoder::Id)
        return CborDecoder::decode(payload, context);
    if (decoderId == MsgPackDecoder::Id)
        return MsgPackDecoder::decode(payload, context);
    if (decoderId == ProtobufDecoder::Id)
        return ProtobufDecoder::decode(payload, context);
    if (decoderId == SparkplugDecoder::Id)
        return SparkplugDecoder::decode(payload, context);
    if (decoderId == HexDecoder::Id)
        return HexDecoder::decode(payload, context);
    if (decoderId == Base64Decoder::Id)
        return Base64Decoder::decode(payload, context);
    if (decoderId == ImageDecoder::Id)
        return ImageDecoder::decode(payload, context);
    DecodedPayload result;
    result.decoderId = decoderId;
    result.inputSize = payload.size();
    result.fail(tr("there is no decoder called \"%1\"").arg(decoderId));
    return result;
}

DecodedPayload PayloadInspector::decodeInner(const QByteArray &bytes, const QString &contentType)
{
    QString id = decoderForMediaType(contentType);
    if (id.isEmpty()) {
        const QStringList candidates = detect(QString(), bytes, nullptr);
        for (const QString &candidate : candidates) {
            if (candidate != CloudEventsDecoder::Id && candidate != Base64Decoder::Id
                && candidate != SparkplugDecoder::Id) {
                id = candidate;
                break;
            }
        }
    }
    return decode(id, QString(), bytes, nullptr);
}

} // namespace tideline
