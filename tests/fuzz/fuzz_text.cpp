// libFuzzer target: the UTF-8 text view and the UTF-8 helpers.
#include "fuzz_invariants.h"
#include "payload/TextDecoder.h"

using namespace tideline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    MessageProperties declared;
    declared.payloadFormatIndicator = 1;
    const DecodedPayload d = TextDecoder::decode(input, {QString(), &declared});
    fuzz::checkResult(d, "text");
    fuzz::check(d.ok);

    // Valid UTF-8 decodes without replacement characters exactly when the validator says so
    // (the input itself may contain U+FFFD, so only check the direction that must hold).
    const bool valid = payload::isValidUtf8(input);
    bool flagged = false;
    for (const auto &w : d.warnings)
        flagged = flagged || w.offset >= 0;
    if (valid)
        fuzz::check(!flagged);
    else if (input.size() <= PayloadLimits::MaxTextChars)
        fuzz::check(flagged);
    if (valid && input.size() <= PayloadLimits::MaxTextChars)
        fuzz::check(d.text == QString::fromUtf8(input));
    (void)payload::looksLikeText(input, true);
    return 0;
}
