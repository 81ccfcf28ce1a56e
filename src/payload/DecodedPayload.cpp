#include "DecodedPayload.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace tideline {

void DecodedPayload::addWarning(const QString &message, qint64 offset, qint64 length)
{
    if (warnings.size() < PayloadLimits::MaxWarnings) {
        warnings.append({message, offset, length});
        return;
    }
    // One summary entry after the cap, so the UI can say that more were left out.
    if (warnings.size() == PayloadLimits::MaxWarnings) {
        warnings.append({QCoreApplication::translate(
                             "DecodedPayload", "More warnings were left out."),
                         -1, 0});
        truncated = true;
    }
}

bool DecodedPayload::addField(const QString &path, const QString &type, const QString &value,
                              int depth)
{
    if (fields.size() >= PayloadLimits::MaxFields) {
        if (!fieldsCapped) {
            fieldsCapped = true;
            truncated = true;
            // A plain int variable: lupdate 6.4 hangs on a cast inside translate()'s arguments.
            const int limit = PayloadLimits::MaxFields;
            addWarning(QCoreApplication::translate("DecodedPayload",
                                                   "Only the first %n row(s) are listed.",
                                                   nullptr, limit));
        }
        return false;
    }
    fields.append({path, type, payload::elide(value), depth});
    return true;
}

void DecodedPayload::fail(const QString &reason, qint64 offset)
{
    ok = false;
    error = QCoreApplication::translate("DecodedPayload", "cannot decode: %1").arg(reason);
    if (offset >= 0)
        errorOffset = offset;
}

DecodedPayload DecodedPayload::failure(QLatin1String decoderId, const QString &reason,
                                       qsizetype inputSize)
{
    DecodedPayload result;
    result.decoderId = decoderId;
    result.inputSize = inputSize;
    result.fail(reason);
    return result;
}

namespace payload {

QString elide(const QString &value, qsizetype maxChars)
{
    if (value.size() <= maxChars)
        return value;
    qsizetype cut = maxChars - 1;
    // Never split a surrogate pair: half of one renders as garbage.
    if (cut > 0 && value.at(cut - 1).isHighSurrogate())
        --cut;
    return value.left(cut) + QChar(0x2026);
}

QString hexPreview(QByteArrayView bytes, qsizetype maxBytes)
{
    const qsizetype n = std::min(bytes.size(), maxBytes);
    QString out = QString::fromLatin1(QByteArray(bytes.data(), n).toHex(' '));
    if (bytes.size() > n)
        out += u' ' + QChar(0x2026);
    return out;
}

QString formatSize(qint64 bytes)
{
    if (bytes < 1024) {
        const int count = int(bytes); // a variable, not a cast: see addField()
        return QCoreApplication::translate("DecodedPayload", "%n byte(s)", nullptr, count);
    }
    return QLocale::system().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

Utf8Step utf8Step(const uchar *p, qsizetype remaining)
{
    Utf8Step step;
    const uchar b0 = p[0];
    if (b0 < 0x80) {
        step.codePoint = b0;
        step.valid = true;
        return step;
    }
    int need = 0;
    char32_t cp = 0;
    uchar lo = 0x80, hi = 0xbf; // allowed range of the second byte
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        need = 1;
        cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        need = 2;
        cp = b0 & 0x0f;
        if (b0 == 0xe0)
            lo = 0xa0; // overlong
        else if (b0 == 0xed)
            hi = 0x9f; // surrogates
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        need = 3;
        cp = b0 & 0x07;
        if (b0 == 0xf0)
            lo = 0x90; // overlong
        else if (b0 == 0xf4)
            hi = 0x8f; // above U+10FFFF
    } else {
        return step; // stray continuation byte or a byte that never occurs in UTF-8
    }
    int i = 1;
    for (; i <= need; ++i) {
        if (i >= remaining) {
            step.length = i;
            step.truncatedAtEnd = true;
            return step;
        }
        const uchar b = p[i];
        const uchar min = (i == 1) ? lo : 0x80;
        const uchar max = (i == 1) ? hi : 0xbf;
        if (b < min || b > max) {
            step.length = i;
            return step;
        }
        cp = (cp << 6) | (b & 0x3f);
    }
    step.codePoint = cp;
    step.length = need + 1;
    step.valid = true;
    return step;
}

static bool scanUtf8(QByteArrayView bytes, bool allowTruncatedTail, bool rejectControls)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar b = p[i];
        if (b < 0x80) {
            if (rejectControls && (b < 0x20 || b == 0x7f) && b != '\t' && b != '\n' && b != '\r'
                && b != '\f')
                return false;
            ++i;
            continue;
        }
        const Utf8Step step = utf8Step(p + i, n - i);
        if (!step.valid)
            return allowTruncatedTail && step.truncatedAtEnd;
        i += step.length;
    }
    return true;
}

bool isValidUtf8(QByteArrayView bytes, bool allowTruncatedTail)
{
    return scanUtf8(bytes, allowTruncatedTail, false);
}

bool looksLikeText(QByteArrayView bytes, bool allowTruncatedTail)
{
    return scanUtf8(bytes, allowTruncatedTail, true);
}

QString mediaType(const QString &contentType)
{
    const qsizetype semi = contentType.indexOf(u';');
    return (semi < 0 ? contentType : contentType.left(semi)).trimmed().toLower();
}

bool isJsonMediaType(const QString &contentType)
{
    const QString type = mediaType(contentType);
    const qsizetype slash = type.indexOf(u'/');
    if (slash <= 0)
        return false;
    const QStringView subtype = QStringView(type).mid(slash + 1);
    return subtype == u"json" || subtype.endsWith(u"+json");
}

} // namespace payload
} // namespace tideline
