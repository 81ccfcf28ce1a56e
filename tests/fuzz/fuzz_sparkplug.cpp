// libFuzzer target: Sparkplug B payload decoding. The first byte picks the topic (message
// type, which changes the birth-message checks); the rest is the payload.
#include "fuzz_invariants.h"
#include "payload/SparkplugDecoder.h"

using namespace tideline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const topics[] = {
        "spBv1.0/g/NBIRTH/n", "spBv1.0/g/DBIRTH/n/d", "spBv1.0/g/NDATA/n", "spBv1.0/g/DDATA/n/d",
        "spBv1.0/g/NDEATH/n", "spBv1.0/g/DCMD/n/d",   "spBv1.0/STATE/h",   "spBv1.0/bad",
    };
    if (size == 0)
        return 0;
    const QString topic = QString::fromLatin1(topics[data[0] % std::size(topics)]);
    const QByteArray input = fuzz::bytes(data + 1, size - 1);
    const DecodedPayload d = SparkplugDecoder::decode(input, {topic, nullptr});
    fuzz::checkResult(d, "sparkplug");
    (void)SparkplugDecoder::parseTopic(QString::fromUtf8(input.left(128)));
    return 0;
}
