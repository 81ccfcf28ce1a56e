#include "TextDecoder.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tideline {

QString TextDecoder::decodeUtf8(QByteArrayView bytes, qsizetype maxBytes,
                                QList<QPair<qint64, qint64>> *invalidRuns, qsizetype *consumed)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.data());
    qsizetype limit = std::min(bytes.size(), maxBytes);
    // Back up to a sequence start so a character is not reported invalid just because it was cut.
    if (limit < bytes.size()) {
        qsizetype backed = 0;
        while (limit > 0 && backed < 3 && (p[limit] & 0xc0) == 0x80) {
            --limit;
            ++backed;
        }
    }
    QString out;
    out.reserve(limit);
    qsizetype runStart = 0;
    qsizetype i = 0;
    while (i < limit) {
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        const payload::Utf8Step step = payload::utf8Step(p + i, limit - i);
        if (step.valid) {
            i += step.length;
            continue;
        }
        out += QString::fromUtf8(bytes.data() + runStart, i - runStart);
        out += QChar(QChar::ReplacementCharacter);
        if (invalidRuns) {
            // Adjacent invalid subparts form one run: one warning per damaged spot.
            if (!invalidRuns->isEmpty()
                && invalidRuns->last().first + invalidRuns->last().second == i)
                invalidRuns->last().second += step.length;
            else
                invalidRuns->append({i, step.length});
        }
        i += step.length;
        runStart = i;
    }
    out += QString::fromUtf8(bytes.data() + runStart, limit - runStart);
    if (consumed)
        *consumed = limit;
    return out;
}

DecodedPayload TextDecoder::decode(const QByteArray &payload, const DecodeContext &context)
{
    DecodedPayload result;
    result.decoderId = Id;
    result.inputSize = payload.size();
    result.ok = true;
    if (payload.isEmpty()) {
        result.summary = tr("Empty payload");
        return result;
    }

    QList<QPair<qint64, qint64>> invalid;
    qsizetype consumed = 0;
    result.text = decodeUtf8(payload, PayloadLimits::MaxTextChars, &invalid, &consumed);
    for (const auto &[offset, length] : std::as_const(invalid)) {
        if (!result.acceptsWarnings())
            break;
        result.addWarning(length == 1
                              ? tr("Invalid UTF-8 byte at offset %1 (0x%2), shown as U+FFFD.")
                                    .arg(offset)
                                    .arg(uchar(payload.at(offset)), 2, 16, QChar(u'0'))
                              : tr("Invalid UTF-8 at byte offsets %1–%2 (%n byte(s)), shown as U+FFFD.",
                                   nullptr, int(length))
                                    .arg(offset)
                                    .arg(offset + length - 1),
                          offset, length);
    }

    if (!invalid.isEmpty() && context.properties
        && context.properties->payloadFormatIndicator.value_or(0) == 1)
        result.addWarning(tr("The publisher declared this payload UTF-8 (payload format "
                             "indicator 1), but it is not valid UTF-8."));

    int controls = 0;
    int lines = result.text.isEmpty() ? 0 : 1;
    for (const QChar c : std::as_const(result.text)) {
        const char16_t u = c.unicode();
        if (u == u'\n')
            ++lines;
        else if ((u < 0x20 && u != u'\t' && u != u'\r' && u != u'\f') || u == 0x7f)
            ++controls;
    }
    if (controls > 0)
        result.addWarning(tr("The text contains %n control character(s).", nullptr, controls));

    if (consumed < payload.size()) {
        result.truncated = true;
        result.addWarning(tr("Showing the first %1 of %2.")
                              .arg(payload::formatSize(consumed), payload::formatSize(payload.size())));
    }

    if (invalid.isEmpty())
        result.summary = tr("UTF-8 text, %n line(s), %1", nullptr, lines).arg(payload::formatSize(payload.size()));
    else
        result.summary = tr("Text with %n invalid UTF-8 sequence(s)", nullptr, int(invalid.size()));
    return result;
}

} // namespace tideline
