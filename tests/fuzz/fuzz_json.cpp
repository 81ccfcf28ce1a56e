// libFuzzer target: the JSON view, its helpers, and the numeric extraction built on them.
#include "fuzz_invariants.h"
#include "payload/JsonDecoder.h"
#include "payload/NumericExtractor.h"

using namespace tideline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const DecodedPayload d = JsonDecoder::decode(input);
    fuzz::checkResult(d, "json");
    if (!d.ok)
        fuzz::check(d.errorOffset <= input.size());

    const auto parsed = JsonDecoder::parse(input);
    fuzz::check(parsed.ok == d.ok);
    if (const auto range = JsonDecoder::memberRange(input, u"data"))
        fuzz::check(range->first <= range->second && range->second <= input.size());

    (void)NumericExtractor::value(input);
    (void)NumericExtractor::value(input, QStringLiteral("$.a[0].b"));
    // The input as a path, too: the path parser sees arbitrary text.
    (void)NumericExtractor::parsePath(QString::fromUtf8(input.left(256)));
    return 0;
}
