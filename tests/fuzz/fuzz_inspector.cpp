// libFuzzer target: detection plus every decoder (hex, base64 and image included), the diff
// and the numeric extractor, on the same input. The first byte picks a topic and content type.
#include "fuzz_invariants.h"
#include "payload/NumericExtractor.h"
#include "payload/PayloadDiff.h"
#include "payload/PayloadInspector.h"

using namespace tideline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const contentTypes[] = {
        "", "application/json", "application/cbor", "application/x-msgpack", "application/protobuf",
        "image/png", "text/plain", "application/cloudevents+json",
    };
    if (size == 0)
        return 0;
    const quint8 selector = data[0];
    const QByteArray input = fuzz::bytes(data + 1, size - 1);
    MessageProperties props;
    props.contentType = QString::fromLatin1(contentTypes[selector % std::size(contentTypes)]);
    if (selector & 0x08)
        props.userProperties.append({QStringLiteral("specversion"), QStringLiteral("1.0")});
    const QString topic = (selector & 0x10) ? QStringLiteral("spBv1.0/g/DDATA/n/d") : QStringLiteral("a/b");
    const MessageProperties *p = (selector & 0x20) ? &props : nullptr;

    const QStringList ids = PayloadInspector::detect(topic, input, p);
    fuzz::check(!ids.isEmpty() && ids.last() == QLatin1String("hex"));
    for (const QString &id : PayloadInspector::decoderIds()) {
        const DecodedPayload d = PayloadInspector::decode(id, topic, input, p);
        fuzz::checkResult(d);
        fuzz::check(d.decoderId == id);
    }

    const qsizetype half = input.size() / 2;
    const auto diff = PayloadDiff::diff(input.left(half), input.mid(half));
    fuzz::check(diff.changes.size() <= PayloadDiff::MaxChanges);
    fuzz::check(PayloadDiff::diff(input, input).mode == PayloadDiff::Mode::Identical);
    (void)NumericExtractor::value(input, QStringLiteral("$[0]"));
    return 0;
}
