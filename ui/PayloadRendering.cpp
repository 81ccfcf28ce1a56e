#include "PayloadRendering.h"

#include "payload/Base64Decoder.h"
#include "payload/CborDecoder.h"
#include "payload/CloudEventsDecoder.h"
#include "payload/HexDecoder.h"
#include "payload/ImageDecoder.h"
#include "payload/JsonDecoder.h"
#include "payload/MsgPackDecoder.h"
#include "payload/PayloadInspector.h"
#include "payload/ProtobufDecoder.h"
#include "payload/SparkplugDecoder.h"
#include "payload/TextDecoder.h"

#include <QBuffer>
#include <QImageReader>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

// Width of one full `hexdump -C` line of HexDecoder::dump(), newline included.
constexpr qsizetype HexLineChars = 79;

// Character offset of a 1-based line and column in text (column counted in characters).
qsizetype positionOf(const QString &text, int line, int column)
{
    qsizetype pos = 0;
    for (int l = 1; l < line; ++l) {
        const qsizetype next = text.indexOf(u'\n', pos);
        if (next < 0)
            return -1;
        pos = next + 1;
    }
    pos += std::max(0, column - 1);
    return pos <= text.size() ? pos : -1;
}

// Where the hex digits of byte `offset` are in a dump that starts at offset 0.
qsizetype hexPosition(qint64 offset)
{
    const qint64 column = offset % 16;
    return qsizetype((offset / 16) * HexLineChars + 10 + column * 3 + (column >= 8 ? 1 : 0));
}

void markReplacements(RenderedPayload &r)
{
    const QString &text = r.displayText;
    for (qsizetype i = text.indexOf(QChar::ReplacementCharacter); i >= 0;
         i = text.indexOf(QChar::ReplacementCharacter, i + 1)) {
        if (!r.invalidMarks.isEmpty() && r.invalidMarks.last().first + r.invalidMarks.last().second == i) {
            ++r.invalidMarks.last().second;
            continue;
        }
        if (r.invalidMarks.size() >= PayloadRendering::MaxMarks)
            break;
        r.invalidMarks.append({i, 1});
    }
}

bool hasOffsetWarnings(const DecodedPayload &decoded)
{
    return std::any_of(decoded.warnings.cbegin(), decoded.warnings.cend(),
                       [](const DecodedPayload::Warning &w) { return w.offset >= 0; });
}

QImage previewImage(const QByteArray &bytes, const QString &format)
{
    QByteArray copy = bytes; // shared, not copied; QBuffer wants a non-const array
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format.toLatin1());
    const QSize size = reader.size();
    // Let the decoder scale big pictures down while reading (JPEG does it for free).
    if (size.isValid() && (size.width() > PayloadRendering::MaxImagePreview
                           || size.height() > PayloadRendering::MaxImagePreview))
        reader.setScaledSize(size.scaled(PayloadRendering::MaxImagePreview,
                                         PayloadRendering::MaxImagePreview, Qt::KeepAspectRatio));
    return reader.read();
}

} // namespace

QStringList PayloadRendering::decoderOrder()
{
    return {JsonDecoder::Id,     CloudEventsDecoder::Id, TextDecoder::Id,  CborDecoder::Id,
            MsgPackDecoder::Id,  ProtobufDecoder::Id,    SparkplugDecoder::Id, Base64Decoder::Id,
            ImageDecoder::Id,    HexDecoder::Id};
}

QString PayloadRendering::sizeText(qint64 bytes)
{
    const QLocale locale;
    if (bytes < 1024)
        return tr("%1 B").arg(locale.toString(bytes));
    return locale.formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString PayloadRendering::decoderName(const QString &id)
{
    if (id == TextDecoder::Id)
        return tr("Text (UTF-8)");
    if (id == JsonDecoder::Id)
        return tr("JSON");
    if (id == CloudEventsDecoder::Id)
        return tr("CloudEvents");
    if (id == CborDecoder::Id)
        return tr("CBOR");
    if (id == MsgPackDecoder::Id)
        return tr("MessagePack");
    if (id == ProtobufDecoder::Id)
        return tr("Protobuf (no schema)");
    if (id == SparkplugDecoder::Id)
        return tr("Sparkplug B");
    if (id == Base64Decoder::Id)
        return tr("Base64");
    if (id == ImageDecoder::Id)
        return tr("Image");
    if (id == HexDecoder::Id)
        return tr("Hex dump");
    return id;
}

QString PayloadRendering::displayable(const QString &text, bool *cut, QList<qsizetype *> positions)
{
    QString out;
    out.reserve(std::min(text.size(), MaxDisplayChars) + 64);
    qsizetype lines = 0;
    qsizetype pos = 0;
    bool stopped = false;
    // Moves the positions that fall into text[from, to) to out's current end.
    const auto carry = [&](qsizetype from, qsizetype to) {
        for (qsizetype *p : positions) {
            if (p && *p >= from && *p < to)
                *p = -(out.size() + (*p - from)) - 2; // marked as done: decoded below
        }
    };
    while (pos < text.size()) {
        if (lines >= MaxDisplayLines || out.size() >= MaxDisplayChars) {
            stopped = true;
            break;
        }
        qsizetype end = text.indexOf(u'\n', pos);
        const bool lastLine = end < 0;
        if (lastLine)
            end = text.size();
        qsizetype lineEnd = lastLine ? end : end + 1; // the newline travels with the line
        // Fold: pieces of MaxDisplayLineChars, never splitting a surrogate pair.
        while (lineEnd - pos > MaxDisplayLineChars + 1) {
            qsizetype cutAt = pos + MaxDisplayLineChars;
            if (text.at(cutAt - 1).isHighSurrogate())
                --cutAt;
            qsizetype room = MaxDisplayChars - out.size();
            if (room < cutAt - pos) {
                cutAt = pos + std::max<qsizetype>(0, room);
                carry(pos, cutAt);
                out += QStringView(text).sliced(pos, cutAt - pos);
                pos = cutAt;
                stopped = true;
                break;
            }
            carry(pos, cutAt);
            out += QStringView(text).sliced(pos, cutAt - pos);
            out += FoldMarker;
            out += u'\n';
            pos = cutAt;
            if (++lines >= MaxDisplayLines) {
                stopped = true;
                break;
            }
        }
        if (stopped)
            break;
        const qsizetype room = MaxDisplayChars - out.size();
        if (room < lineEnd - pos) {
            carry(pos, pos + room);
            out += QStringView(text).sliced(pos, room);
            pos += room;
            stopped = true;
            break;
        }
        carry(pos, lineEnd);
        out += QStringView(text).sliced(pos, lineEnd - pos);
        pos = lineEnd;
        ++lines;
    }
    if (stopped && pos < text.size()) {
        if (cut)
            *cut = true;
    }
    // Positions that were carried are encoded as -(newPos) - 2; the others were cut off.
    for (qsizetype *p : positions) {
        if (!p)
            continue;
        if (*p <= -2)
            *p = -(*p + 2);
        else if (*p == text.size() && !stopped)
            *p = out.size();
        else
            *p = -1;
    }
    return out;
}

RenderedPayload PayloadRendering::prepare(DecodedPayload decoded, const QByteArray &bytes)
{
    RenderedPayload r;
    r.decoderId = decoded.decoderId;
    r.inputSize = bytes.size();
    bool cut = false;

    if (!decoded.ok) {
        // Show what could not be decoded, with the error position marked.
        r.rawShown = true;
        const QByteArrayView prefix = QByteArrayView(bytes).first(std::min<qsizetype>(bytes.size(), 64 * 1024));
        if (decoded.errorLine > 0 || payload::isValidUtf8(prefix, prefix.size() < bytes.size())) {
            QList<QPair<qint64, qint64>> runs;
            const QString text = TextDecoder::decodeUtf8(bytes, MaxDisplayChars * 2, &runs);
            qsizetype errorPos = decoded.errorLine > 0
                                     ? positionOf(text, decoded.errorLine, decoded.errorColumn)
                                     : -1;
            r.displayText = displayable(text, &cut, {&errorPos});
            r.errorPosition = errorPos;
            if (!runs.isEmpty())
                markReplacements(r);
        } else {
            const qsizetype shown = std::min<qsizetype>(bytes.size(), MaxDisplayLines * 16);
            qsizetype errorPos = decoded.errorOffset >= 0 && decoded.errorOffset < shown
                                     ? hexPosition(decoded.errorOffset)
                                     : -1;
            r.displayText = displayable(HexDecoder::dump(QByteArrayView(bytes).first(shown)), &cut, {&errorPos});
            r.errorPosition = errorPos;
            r.fixedLayout = true;
            cut = cut || shown < bytes.size();
        }
        r.displayCut = cut || bytes.size() > MaxDisplayChars * 2;
        r.decoded = std::move(decoded);
        return r;
    }

    if (decoded.inner
        && (decoded.decoderId == CloudEventsDecoder::Id || decoded.decoderId == Base64Decoder::Id)) {
        r.data = std::make_shared<const RenderedPayload>(prepare(*decoded.inner, decoded.innerBytes));
    }
    if (decoded.decoderId == ImageDecoder::Id) {
        r.imageSize = decoded.imageSize;
        r.image = previewImage(bytes, decoded.imageFormat);
    }
    if (decoded.decoderId == HexDecoder::Id) {
        r.fixedLayout = true;
        r.displayText = displayable(decoded.text, &cut);
        cut = cut || decoded.truncated;
    } else if (decoded.decoderId != Base64Decoder::Id) {
        // A base64 view shows its decoded bytes as data; the rest show their own text.
        r.displayText = displayable(decoded.text, &cut);
    }
    r.displayCut = cut;
    if (decoded.decoderId == TextDecoder::Id && hasOffsetWarnings(decoded))
        markReplacements(r);
    r.decoded = std::move(decoded);
    return r;
}

RenderedPayload PayloadRendering::render(const QString &decoderId, const QString &topic,
                                         const QByteArray &payload, const MessageProperties *properties)
{
    const QStringList candidates = PayloadInspector::detect(topic, payload, properties);
    const bool automatic = decoderId.isEmpty();
    const QString id = automatic ? candidates.value(0, QString(HexDecoder::Id)) : decoderId;
    RenderedPayload r = prepare(PayloadInspector::decode(id, topic, payload, properties), payload);
    r.candidates = candidates;
    r.automatic = automatic;
    return r;
}

} // namespace tideline
