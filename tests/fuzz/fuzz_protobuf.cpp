// libFuzzer target: the schema-less protobuf wire view and its detection heuristic.
#include "fuzz_invariants.h"
#include "payload/ProtobufDecoder.h"
#include "payload/ProtobufWire.h"

using namespace tideline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const DecodedPayload d = ProtobufDecoder::decode(input);
    fuzz::checkResult(d, "protobuf");
    if (!d.ok)
        fuzz::check(d.errorOffset >= 0 && d.errorOffset <= input.size());
    // Anything the detector accepts decodes without an error.
    if (ProtobufDecoder::looksLikeProtobuf(input))
        fuzz::check(d.ok);
    (void)protowire::isWellFormedMessage(input);
    return 0;
}
