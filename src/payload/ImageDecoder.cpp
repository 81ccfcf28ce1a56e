#include "ImageDecoder.h"

#include <QBuffer>
#include <QImageReader>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

quint32 be16(QByteArrayView b, qsizetype at) { return (quint8(b.at(at)) << 8) | quint8(b.at(at + 1)); }
quint32 le16(QByteArrayView b, qsizetype at) { return quint8(b.at(at)) | (quint8(b.at(at + 1)) << 8); }
quint32 le24(QByteArrayView b, qsizetype at) { return le16(b, at) | (quint32(quint8(b.at(at + 2))) << 16); }
quint32 be32(QByteArrayView b, qsizetype at) { return (be16(b, at) << 16) | be16(b, at + 2); }

QSize jpegSize(QByteArrayView b)
{
    // Walk the marker segments up to a start-of-frame; bounded by the data itself.
    qsizetype pos = 2;
    while (pos + 4 <= b.size()) {
        if (quint8(b.at(pos)) != 0xff)
            return {};
        const quint8 marker = quint8(b.at(pos + 1));
        if (marker == 0xff) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
            pos += 2;
            continue;
        }
        const quint32 length = be16(b, pos + 2);
        if (length < 2)
            return {};
        const bool sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
        if (sof) {
            if (pos + 9 > b.size())
                return {};
            return QSize(int(be16(b, pos + 7)), int(be16(b, pos + 5)));
        }
        pos += 2 + length;
    }
    return {};
}

} // namespace

QString ImageDecoder::formatFromMagic(QByteArrayView p)
{
    if (p.startsWith("\x89PNG\r\n\x1a\n"))
        return u"png"_s;
    if (p.startsWith("\xff\xd8\xff"))
        return u"jpeg"_s;
    if (p.startsWith("GIF87a") || p.startsWith("GIF89a"))
        return u"gif"_s;
    if (p.size() >= 12 && p.startsWith("RIFF") && p.sliced(8, 4) == QByteArrayView("WEBP"))
        return u"webp"_s;
    return QString();
}

QSize ImageDecoder::sizeFromHeader(QByteArrayView b, const QString &format)
{
    if (format == u"png"_s) {
        // Signature, then the IHDR chunk: length, "IHDR", width, height (big-endian).
        if (b.size() < 24 || b.sliced(12, 4) != QByteArrayView("IHDR"))
            return {};
        const quint32 w = be32(b, 16), h = be32(b, 20);
        if (w == 0 || h == 0 || w > 0x7fffffff || h > 0x7fffffff)
            return {};
        return QSize(int(w), int(h));
    }
    if (format == u"gif"_s) {
        if (b.size() < 10)
            return {};
        return QSize(int(le16(b, 6)), int(le16(b, 8)));
    }
    if (format == u"jpeg"_s)
        return jpegSize(b);
    if (format == u"webp"_s) {
        if (b.size() < 16)
            return {};
        const QByteArrayView chunk = b.sliced(12, 4);
        if (chunk == QByteArrayView("VP8X")) {
            if (b.size() < 30)
                return {};
            return QSize(int(le24(b, 24) + 1), int(le24(b, 27) + 1));
        }
        if (chunk == QByteArrayView("VP8L")) {
            if (b.size() < 25 || quint8(b.at(20)) != 0x2f)
                return {};
            const quint32 bits = quint8(b.at(21)) | (quint8(b.at(22)) << 8) | (quint8(b.at(23)) << 16)
                | (quint32(quint8(b.at(24))) << 24);
            return QSize(int((bits & 0x3fff) + 1), int(((bits >> 14) & 0x3fff) + 1));
        }
        if (chunk == QByteArrayView("VP8 ")) {
            // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height.
            if (b.size() < 30 || quint8(b.at(23)) != 0x9d || quint8(b.at(24)) != 0x01 || quint8(b.at(25)) != 0x2a)
                return {};
            return QSize(int(le16(b, 26) & 0x3fff), int(le16(b, 28) & 0x3fff));
        }
    }
    return {};
}

DecodedPayload ImageDecoder::decode(const QByteArray &payload, const DecodeContext &context)
{
    Q_UNUSED(context);
    DecodedPayload result;
    result.decoderId = Id;
    result.inputSize = payload.size();
    const QString format = formatFromMagic(payload);
    if (format.isEmpty()) {
        result.fail(payload.isEmpty() ? tr("empty payload")
                                      : tr("no PNG, JPEG, GIF or WebP signature at the start"));
        return result;
    }
    result.imageFormat = format;

    QByteArray copy = payload; // QBuffer wants a non-const QByteArray; implicitly shared, no copy
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format.toLatin1());
    reader.setDecideFormatFromContent(false);
    QSize size = reader.canRead() ? reader.size() : QSize();
    if (!size.isValid()) {
        size = sizeFromHeader(payload, format);
        if (size.isValid() && QImageReader::supportedImageFormats().contains(format.toLatin1()))
            result.addWarning(tr("Qt could not read this %1 header (%2); the size comes from the "
                                 "file header alone.")
                                  .arg(format.toUpper(), reader.errorString()));
    }
    result.ok = true;
    result.imageSize = size;
    if (size.isValid()) {
        result.summary = tr("%1 image, %2 × %3 pixels, %4")
                             .arg(format.toUpper())
                             .arg(size.width())
                             .arg(size.height())
                             .arg(payload::formatSize(payload.size()));
    } else {
        result.summary = tr("%1 image of unknown size, %2").arg(format.toUpper(), payload::formatSize(payload.size()));
        result.addWarning(tr("The %1 header is cut short or malformed.").arg(format.toUpper()));
    }
    result.text = result.summary;
    result.addField(u"format"_s, u"string"_s, format, 0);
    if (size.isValid()) {
        result.addField(u"width"_s, u"pixels"_s, QString::number(size.width()), 0);
        result.addField(u"height"_s, u"pixels"_s, QString::number(size.height()), 0);
    }
    return result;
}

} // namespace tideline
