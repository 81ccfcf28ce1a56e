#pragma once

#include "DecodedPayload.h"

#include <QCoreApplication>

namespace tideline {

// Recognises PNG, JPEG, GIF and WebP by their magic bytes and reports format and pixel size.
// The size comes from QImageReader on a QBuffer (header only, no pixel decoding); when Qt has no
// plugin for the format (WebP on a stock Debian Qt) or cannot read the header, it is read from
// the file header directly. The pixels themselves are left to the UI.
class ImageDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(ImageDecoder)

public:
    static constexpr QLatin1String Id{"image"};

    static DecodedPayload decode(const QByteArray &payload, const DecodeContext &context = {});

    // "png", "jpeg", "gif", "webp" or empty.
    static QString formatFromMagic(QByteArrayView payload);
    // Dimensions from the file header alone; invalid size when the header is cut or malformed.
    static QSize sizeFromHeader(QByteArrayView payload, const QString &format);
};

static_assert(PayloadDecoder<ImageDecoder>);

} // namespace tideline
