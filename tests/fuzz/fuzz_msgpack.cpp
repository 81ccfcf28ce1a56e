// libFuzzer target: the hand-written MessagePack parser.
#include "fuzz_invariants.h"
#include "payload/MsgPackDecoder.h"

using namespace tideline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const DecodedPayload d = MsgPackDecoder::decode(input);
    fuzz::checkResult(d, "msgpack");
    if (!d.ok && !input.isEmpty())
        fuzz::check(d.errorOffset >= 0 && d.errorOffset <= input.size());
    return 0;
}
