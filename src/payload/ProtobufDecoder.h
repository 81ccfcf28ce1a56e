#pragma once

#include "DecodedPayload.h"

#include <QCoreApplication>

namespace tideline {

// Schema-less protobuf view, like `protoc --decode_raw`: field numbers and wire types, varints
// (with their int64 reading when negative), fixed 32/64-bit values (with float/double
// readings), and length-delimited fields guessed as nested message, text or bytes. Deprecated
// group wire types are shown and warned about. Depth, rows and guessing work are bounded.
class ProtobufDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(ProtobufDecoder)

public:
    static constexpr QLatin1String Id{"protobuf"};
    static constexpr int MaxDepth = 32;
    // Total bytes the nested-message guesses may scan; past it, length-delimited fields stay bytes.
    static constexpr qsizetype GuessBudget = 64 * 1024 * 1024;

    static DecodedPayload decode(const QByteArray &payload, const DecodeContext &context = {});

    // For detection: the whole payload parses as wire format (no groups) and is not plain text.
    static bool looksLikeProtobuf(QByteArrayView payload);
};

static_assert(PayloadDecoder<ProtobufDecoder>);

} // namespace tideline
