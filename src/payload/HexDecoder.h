#pragma once

#include "DecodedPayload.h"

#include <QCoreApplication>

namespace tideline {

// Hex dump in the familiar `hexdump -C` layout: offset, 16 bytes in two groups of 8, printable
// ASCII. Always applicable, so always last in the list; capped at MaxBytes shown.
class HexDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(HexDecoder)

public:
    static constexpr QLatin1String Id{"hex"};
    static constexpr qsizetype MaxBytes = 256 * 1024;

    static DecodedPayload decode(const QByteArray &payload, const DecodeContext &context = {});

    // The dump of bytes, numbering offsets from firstOffset.
    static QString dump(QByteArrayView bytes, qint64 firstOffset = 0);
};

static_assert(PayloadDecoder<HexDecoder>);

} // namespace tideline
