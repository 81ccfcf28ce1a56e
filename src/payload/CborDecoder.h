#pragma once

#include "DecodedPayload.h"

#include <QCoreApplication>

namespace tideline {

// CBOR (RFC 8949) view through QCborStreamReader: diagnostic notation as the pretty text, one
// row per item, tags and simple values named. Truncated or malformed input stops with the byte
// offset; a CBOR sequence (RFC 8742, several top-level items) is decoded item by item.
// Nesting, items and retained string bytes are bounded.
class CborDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(CborDecoder)

public:
    static constexpr QLatin1String Id{"cbor"};
    static constexpr qint64 MaxItems = 250000;
    static constexpr qsizetype MaxTopLevelItems = 10000;

    static DecodedPayload decode(const QByteArray &payload, const DecodeContext &context = {});

    // The self-described CBOR tag 55799 (d9 d9 f7) starts the payload.
    static bool hasSelfDescribeMagic(QByteArrayView payload);
};

static_assert(PayloadDecoder<CborDecoder>);

} // namespace tideline
