// libFuzzer target: the CBOR view (QCborStreamReader walk, sequences, limits).
#include "fuzz_invariants.h"
#include "payload/CborDecoder.h"

using namespace tideline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const DecodedPayload d = CborDecoder::decode(input);
    fuzz::checkResult(d, "cbor");
    if (!d.ok && !input.isEmpty())
        fuzz::check(d.errorOffset >= 0 && d.errorOffset <= input.size());
    return 0;
}
