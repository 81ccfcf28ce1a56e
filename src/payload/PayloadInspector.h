#pragma once

#include "DecodedPayload.h"

#include <QCoreApplication>
#include <QStringList>

namespace tideline {

// The one entry point the UI needs: which decoders apply to a message (best first) and the
// decoding by id. Detection only looks at bounded prefixes (a full parse only below
// PayloadLimits::DetectParseLimit), so a 100 MB payload is classified in microseconds.
//
// Order: cloudevents (structured or binary markers) · sparkplug (spBv1.0 topics) · whatever the
// Content Type names · image (magic bytes) · cbor (self-describe tag) · json (if it parses) ·
// base64 · text (clean UTF-8) · protobuf (only when it parses and is not text) · text (UTF-8
// with control characters) · hex (always, last). CBOR and MessagePack appear only with a hint.
class PayloadInspector final
{
    Q_DECLARE_TR_FUNCTIONS(PayloadInspector)

public:
    static QStringList detect(const QString &topic, const QByteArray &payload,
                              const MessageProperties *properties = nullptr);

    static DecodedPayload decode(const QString &decoderId, const QString &topic,
                                 const QByteArray &payload,
                                 const MessageProperties *properties = nullptr);

    // Every decoder id, in no particular order of preference.
    static QStringList decoderIds();

    // Decodes bytes a wrapper unwrapped (base64, CloudEvents data): by media type when one is
    // given, else by the best plain decoder. Never picks a wrapper again, so nesting ends here.
    static DecodedPayload decodeInner(const QByteArray &bytes, const QString &contentType = QString());
};

} // namespace tideline
