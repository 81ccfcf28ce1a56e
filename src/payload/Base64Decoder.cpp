#include "Base64Decoder.h"

#include "PayloadInspector.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

QByteArrayView trimLineBreak(QByteArrayView text)
{
    while (!text.isEmpty() && (text.back() == '\n' || text.back() == '\r'))
        text.chop(1);
    return text;
}

QByteArray::Base64Options optionsFor(Base64Decoder::Alphabet alphabet, QByteArrayView text)
{
    QByteArray::Base64Options options = QByteArray::AbortOnBase64DecodingErrors;
    if (alphabet == Base64Decoder::Alphabet::UrlSafe)
        options |= QByteArray::Base64UrlEncoding;
    if (!text.endsWith('='))
        options |= QByteArray::OmitTrailingEquals;
    return options;
}

} // namespace

Base64Decoder::Alphabet Base64Decoder::classify(QByteArrayView text)
{
    text = trimLineBreak(text);
    if (text.size() < 4)
        return Alphabet::None;
    bool standard = false;
    bool url = false;
    qsizetype padding = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '=') {
            ++padding;
            continue;
        }
        if (padding > 0)
            return Alphabet::None; // data after padding
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            continue;
        if (c == '+' || c == '/')
            standard = true;
        else if (c == '-' || c == '_')
            url = true;
        else
            return Alphabet::None;
    }
    if (standard && url)
        return Alphabet::None;
    if (padding > 2 || (padding > 0 && text.size() % 4 != 0))
        return Alphabet::None;
    if (padding == 0 && text.size() % 4 == 1)
        return Alphabet::None; // no byte count encodes to this length
    return url ? Alphabet::UrlSafe : Alphabet::Standard;
}

bool Base64Decoder::isLikelyBase64(QByteArrayView payload)
{
    // A prefix that is a multiple of 4 characters decodes on its own.
    QByteArrayView probe = trimLineBreak(payload);
    const bool whole = probe.size() <= PayloadLimits::DetectPrefix;
    if (!whole)
        probe = probe.first(PayloadLimits::DetectPrefix);
    if (probe.size() < 8)
        return false;
    const Alphabet alphabet = classify(probe);
    if (alphabet == Alphabet::None)
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(probe.toByteArray(), optionsFor(alphabet, probe));
    if (!decoded || decoded.decoded.isEmpty())
        return false;
    // Decimal numbers are base64-shaped too; a plain number is not base64.
    if (std::all_of(probe.begin(), probe.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    bool symbols = false;
    for (const char c : probe) {
        if ((c >= '0' && c <= '9') || c == '+' || c == '/' || c == '-' || c == '_' || c == '=') {
            symbols = true;
            break;
        }
    }
    const bool readable = payload::looksLikeText(decoded.decoded, !whole);
    const bool plausibleLength = !whole || probe.endsWith('=') || probe.size() % 4 == 0;
    return (symbols || readable) && (plausibleLength || readable);
}

DecodedPayload Base64Decoder::decode(const QByteArray &payload, const DecodeContext &context)
{
    Q_UNUSED(context);
    DecodedPayload result;
    result.decoderId = Id;
    result.inputSize = payload.size();

    QByteArrayView text = trimLineBreak(payload);
    bool cut = false;
    if (text.size() > MaxInput) {
        text = text.first(MaxInput - MaxInput % 4);
        cut = true;
    }
    const Alphabet alphabet = classify(text);
    if (alphabet == Alphabet::None) {
        result.fail(payload.isEmpty() ? tr("empty payload")
                                      : tr("not strict base64 (one alphabet, padding only at the end)"));
        return result;
    }
    const auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(), optionsFor(alphabet, text));
    if (!decoded) {
        result.fail(tr("not valid base64"));
        return result;
    }
    result.ok = true;
    result.innerBytes = decoded.decoded;
    if (cut) {
        result.truncated = true;
        result.addWarning(tr("Only the first %1 of the payload were decoded.").arg(payload::formatSize(MaxInput)));
    }
    auto inner = std::make_shared<DecodedPayload>(PayloadInspector::decodeInner(result.innerBytes));
    result.text = inner->text;
    result.summary = (alphabet == Alphabet::UrlSafe
                          ? tr("Base64url, %1 decoded: %2")
                          : tr("Base64, %1 decoded: %2"))
                         .arg(payload::formatSize(result.innerBytes.size()), inner->summary);
    result.inner = std::move(inner);
    return result;
}

} // namespace tideline
