#include "HexDecoder.h"

using namespace Qt::StringLiterals;

namespace tideline {

QString HexDecoder::dump(QByteArrayView bytes, qint64 firstOffset)
{
    static constexpr char digits[] = "0123456789abcdef";
    const qsizetype lines = (bytes.size() + 15) / 16;
    QString out;
    out.reserve(lines * 79);
    for (qsizetype line = 0; line < lines; ++line) {
        const qsizetype start = line * 16;
        const qint64 offset = firstOffset + start;
        for (int shift = 28; shift >= 0; shift -= 4)
            out += QLatin1Char(digits[(offset >> shift) & 0xf]);
        out += u"  "_s;
        for (int i = 0; i < 16; ++i) {
            if (start + i < bytes.size()) {
                const quint8 b = quint8(bytes.at(start + i));
                out += QLatin1Char(digits[b >> 4]);
                out += QLatin1Char(digits[b & 0xf]);
                out += u' ';
            } else {
                out += u"   "_s;
            }
            if (i == 7)
                out += u' ';
        }
        out += u" |"_s;
        for (int i = 0; i < 16 && start + i < bytes.size(); ++i) {
            const char c = bytes.at(start + i);
            out += (c >= 0x20 && c < 0x7f) ? QLatin1Char(c) : QLatin1Char('.');
        }
        out += u"|\n"_s;
    }
    return out;
}

DecodedPayload HexDecoder::decode(const QByteArray &payload, const DecodeContext &context)
{
    Q_UNUSED(context);
    DecodedPayload result;
    result.decoderId = Id;
    result.inputSize = payload.size();
    result.ok = true;
    const qsizetype shown = std::min(payload.size(), MaxBytes);
    result.text = dump(QByteArrayView(payload).first(shown));
    if (shown < payload.size()) {
        result.truncated = true;
        result.addWarning(tr("Showing the first %1 of %2.")
                              .arg(payload::formatSize(shown), payload::formatSize(payload.size())));
    }
    result.summary = tr("%1 of binary data").arg(payload::formatSize(payload.size()));
    return result;
}

} // namespace tideline
