#pragma once

#include "DecodedPayload.h"

#include <QCoreApplication>

namespace tideline {

// Base64 view: a strict check (one alphabet, standard or URL-safe, padding only at the end,
// a possible length) and then the decoded bytes handed to the best plain decoder as `inner`.
class Base64Decoder final
{
    Q_DECLARE_TR_FUNCTIONS(Base64Decoder)

public:
    static constexpr QLatin1String Id{"base64"};
    static constexpr qsizetype MaxInput = 8 * 1024 * 1024;

    enum class Alphabet { None, Standard, UrlSafe };

    static DecodedPayload decode(const QByteArray &payload, const DecodeContext &context = {});

    // Strict syntax check; a trailing line break is tolerated. Returns None when not base64.
    static Alphabet classify(QByteArrayView text);
    // For detection: strict syntax plus evidence that this is base64 and not an ordinary word
    // (padding, digits or symbols, or decoding to readable text). Looks at a bounded prefix.
    static bool isLikelyBase64(QByteArrayView payload);
};

static_assert(PayloadDecoder<Base64Decoder>);

} // namespace tideline
