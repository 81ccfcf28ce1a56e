// libFuzzer target: CloudEvents in both content modes. Input layout: if it contains a NUL byte,
// the part before it describes MQTT 5 properties (first line: Content Type; further lines:
// user properties "name=value") and the part after it is the payload; otherwise the whole input
// is the payload of an MQTT 3.1.1 message (no properties).
#include "fuzz_invariants.h"
#include "payload/CloudEventsDecoder.h"

using namespace tideline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const qsizetype split = input.indexOf('\0');
    if (split < 0) {
        const DecodedPayload d = CloudEventsDecoder::decode(input);
        fuzz::checkResult(d, "cloudevents");
        return 0;
    }
    MessageProperties props;
    const QList<QByteArray> lines = input.left(split).split('\n');
    props.contentType = QString::fromUtf8(lines.value(0));
    for (qsizetype i = 1; i < lines.size() && i < 64; ++i) {
        const qsizetype eq = lines.at(i).indexOf('=');
        props.userProperties.append({QString::fromUtf8(lines.at(i).left(eq)),
                                     eq < 0 ? QString() : QString::fromUtf8(lines.at(i).mid(eq + 1))});
    }
    const QByteArray payload = input.mid(split + 1);
    const DecodedPayload d = CloudEventsDecoder::decode(payload, {QStringLiteral("t"), &props});
    fuzz::checkResult(d, "cloudevents");
    if (d.ok)
        fuzz::check(d.contentMode == QLatin1String("structured") || d.contentMode == QLatin1String("binary"));
    return 0;
}
