#pragma once

#include "DecodedPayload.h"

#include <QCoreApplication>

namespace tideline {

// UTF-8 text view. Invalid sequences are shown, not hidden: each maximal invalid subpart becomes
// one U+FFFD and every run of them gets a warning with its byte offsets.
class TextDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(TextDecoder)

public:
    static constexpr QLatin1String Id{"text"};

    static DecodedPayload decode(const QByteArray &payload, const DecodeContext &context = {});

    // Lossy UTF-8 decoding of at most maxBytes (never splitting a sequence at the cut); invalid
    // runs are appended to invalidRuns as (offset, length) and the bytes decoded stored in
    // consumed, when given.
    static QString decodeUtf8(QByteArrayView bytes, qsizetype maxBytes,
                              QList<QPair<qint64, qint64>> *invalidRuns = nullptr,
                              qsizetype *consumed = nullptr);
};

static_assert(PayloadDecoder<TextDecoder>);

} // namespace tideline
