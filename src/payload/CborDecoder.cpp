#include "CborDecoder.h"

#include "PrettyWriter.h"

#include <QCborStreamReader>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

QString numberText(double d, int precision)
{
    if (std::isnan(d))
        return u"NaN"_s;
    if (std::isinf(d))
        return d > 0 ? u"Infinity"_s : u"-Infinity"_s;
    QString s = QString::number(d, 'g', precision);
    // Diagnostic notation marks floats: 1.0, not 1.
    if (!s.contains(u'.') && !s.contains(u'e'))
        s += u".0"_s;
    return s;
}

class CborWalker
{
public:
    CborWalker(DecodedPayload &result, qsizetype base)
        : m_result(result), m_writer(PayloadLimits::MaxTextChars), m_base(base)
    {
    }

    void setBase(qsizetype base) { m_base = base; }
    void nextRootValue() { m_writer.nextRootValue(); }
    bool stopped() const { return m_stopped; }
    bool textFull() const { return m_writer.full(); }
    QString takeText() { return m_writer.take(); }
    QString rootType() const { return m_rootType; }
    qint64 rootCount() const { return m_rootCount; }

    // Reads one item with everything inside it. compact != nullptr: render into that string only
    // (a map key), no rows. Returns false on a decoding error (recorded) or when a limit stopped
    // the walk (stopped() tells which).
    bool item(QCborStreamReader &r, const QString &path, const QString &key, int depth,
              QString *compact = nullptr)
    {
        // Qt's reader can keep reporting items after an error (a stray break inside a
        // definite-length map, for one): the error state is checked before every item.
        if (r.lastError() != QCborError::NoError)
            return fail(r);
        if (++m_items > CborDecoder::MaxItems) {
            m_stopped = true;
            return false;
        }
        if (depth > PayloadLimits::MaxDepth)
            return fail(r, CborDecoder::tr("nesting deeper than %1 levels").arg(PayloadLimits::MaxDepth));

        QStringList tags;
        while (r.isTag()) {
            tags << QString::number(quint64(r.toTag()));
            if (!r.next())
                return fail(r);
            if (tags.size() > PayloadLimits::MaxDepth)
                return fail(r, CborDecoder::tr("more than %1 nested tags").arg(PayloadLimits::MaxDepth));
        }
        QString tagOpen;
        QString tagClose;
        for (const QString &t : std::as_const(tags)) {
            tagOpen += t + u'(';
            tagClose += u')';
        }
        const QString typePrefix = tags.isEmpty() ? QString() : u"tag "_s + tags.join(u',') + u' ';

        if (r.isArray() || r.isMap()) {
            const bool map = r.isMap();
            const bool known = r.isLengthKnown();
            qsizetype row = -1;
            if (!compact) {
                if (m_result.addField(path, typePrefix + (map ? u"map"_s : u"array"_s), QString(), depth))
                    row = m_result.fields.size() - 1;
                m_writer.open(key, QString(tagOpen + (map ? u"{"_s : u"["_s) + (known ? QString() : u"_ "_s)));
            } else {
                *compact += tagOpen + (map ? u"{"_s : u"["_s);
            }
            if (!r.enterContainer())
                return fail(r);
            qint64 count = 0;
            while (r.lastError() == QCborError::NoError && r.hasNext()) {
                if (compact && compact->size() > 200) {
                    // A key this large is shown shortened; skip the rest of it.
                    if (!r.next())
                        return fail(r);
                    continue;
                }
                if (map) {
                    QString keyText;
                    QString keyPath;
                    if (r.isString()) {
                        QString s;
                        if (!readText(r, &s))
                            return false;
                        keyText = payload::quoteJsonString(payload::elide(s, 200));
                        keyPath = payload::memberPath(path, s);
                    } else {
                        if (!item(r, QString(), QString(), depth + 1, &keyText))
                            return false;
                        keyPath = path + u'[' + keyText + u']';
                    }
                    if (compact) {
                        *compact += (count ? u", "_s : QString()) + keyText + u": "_s;
                        if (!item(r, QString(), QString(), depth + 1, compact))
                            return false;
                    } else if (!item(r, keyPath, keyText, depth + 1)) {
                        return false;
                    }
                } else {
                    if (compact) {
                        if (count)
                            *compact += u", "_s;
                        if (!item(r, QString(), QString(), depth + 1, compact))
                            return false;
                    } else if (!item(r, payload::indexPath(path, count), QString(), depth + 1)) {
                        return false;
                    }
                }
                ++count;
            }
            if (r.lastError() != QCborError::NoError)
                return fail(r);
            if (!r.leaveContainer())
                return fail(r);
            const QString closer = QString((map ? u"}"_s : u"]"_s) + tagClose);
            if (compact) {
                *compact += closer;
            } else {
                m_writer.close(closer);
                if (row >= 0)
                    m_result.fields[row].value = map
                        ? CborDecoder::tr("{%n pair(s)}", nullptr, int(count))
                        : CborDecoder::tr("[%n item(s)]", nullptr, int(count));
                if (depth == 0) {
                    m_rootType = map ? u"map"_s : u"array"_s;
                    m_rootCount = count;
                }
            }
            return true;
        }

        QString type;
        QString text;      // diagnostic notation
        QString display;   // table cell
        if (r.isUnsignedInteger()) {
            type = u"unsigned"_s;
            text = QString::number(quint64(r.toUnsignedInteger()));
            if (!r.next())
                return fail(r);
        } else if (r.isNegativeInteger()) {
            type = u"negative"_s;
            // QCborNegativeInteger holds the absolute value; -2^64 wraps to 0.
            const quint64 magnitude = quint64(r.toNegativeInteger());
            text = magnitude == 0 ? u"-18446744073709551616"_s : u"-"_s + QString::number(magnitude);
            if (!r.next())
                return fail(r);
        } else if (r.isFloat16() || r.isFloat() || r.isDouble()) {
            type = r.isDouble() ? u"float64"_s : r.isFloat() ? u"float32"_s : u"float16"_s;
            const double d = r.isDouble() ? r.toDouble()
                : r.isFloat()             ? double(r.toFloat())
                                          : double(float(r.toFloat16()));
            text = numberText(d, r.isDouble() ? 17 : 9);
            if (!r.next())
                return fail(r);
        } else if (r.isString()) {
            type = u"text"_s;
            QString s;
            if (!readText(r, &s))
                return false;
            display = payload::elide(s);
            text = payload::quoteJsonString(payload::elide(s, 4096));
        } else if (r.isByteArray()) {
            type = u"bytes"_s;
            QByteArray head;
            qint64 total = 0;
            auto chunk = r.readByteArray();
            while (chunk.status == QCborStreamReader::Ok) {
                total += chunk.data.size();
                if (head.size() < 64)
                    head += chunk.data.left(64 - head.size());
                chunk = r.readByteArray();
            }
            if (chunk.status == QCborStreamReader::Error || r.lastError() != QCborError::NoError)
                return fail(r);
            const QString hex = QString::fromLatin1(head.toHex());
            text = u"h'"_s + hex + (total > head.size() ? QString(QChar(0x2026)) : QString()) + u"'"_s;
            display = CborDecoder::tr("%1 (%2)").arg(payload::hexPreview(head, 32), payload::formatSize(total));
        } else if (r.isSimpleType()) {
            if (r.isFalse() || r.isTrue()) {
                type = u"bool"_s;
                text = r.isTrue() ? u"true"_s : u"false"_s;
            } else if (r.isNull()) {
                type = u"null"_s;
                text = u"null"_s;
            } else if (r.isUndefined()) {
                type = u"undefined"_s;
                text = u"undefined"_s;
            } else {
                type = u"simple"_s;
                text = u"simple(%1)"_s.arg(int(r.toSimpleType()));
            }
            if (!r.next())
                return fail(r);
        } else {
            return fail(r);
        }
        if (display.isEmpty())
            display = payload::elide(text);
        text = tagOpen + text + tagClose;
        if (compact) {
            *compact += text;
        } else {
            m_result.addField(path, typePrefix + type, display, depth);
            m_writer.scalar(key, text);
            if (depth == 0) {
                m_rootType = type;
                m_rootCount = -1;
            }
        }
        return true;
    }

private:
    bool readText(QCborStreamReader &r, QString *out)
    {
        auto chunk = r.readString();
        while (chunk.status == QCborStreamReader::Ok) {
            if (out->size() < 64 * 1024)
                *out += chunk.data.left(64 * 1024 - out->size());
            chunk = r.readString();
        }
        if (chunk.status == QCborStreamReader::Error || r.lastError() != QCborError::NoError)
            return fail(r);
        return true;
    }

    bool fail(QCborStreamReader &r, const QString &reason = QString())
    {
        const qsizetype offset = m_base + r.currentOffset();
        if (!reason.isEmpty()) {
            m_result.fail(reason, offset);
        } else if (r.lastError() == QCborError::EndOfFile) {
            m_result.fail(CborDecoder::tr("the CBOR data ends early at byte %1 (truncated input)").arg(offset),
                          offset);
        } else if (r.lastError() != QCborError::NoError) {
            m_result.fail(CborDecoder::tr("invalid CBOR at byte %1: %2").arg(offset).arg(r.lastError().toString()),
                          offset);
        } else {
            m_result.fail(CborDecoder::tr("invalid CBOR at byte %1").arg(offset), offset);
        }
        return false;
    }

    DecodedPayload &m_result;
    payload::PrettyWriter m_writer;
    qsizetype m_base = 0;
    qint64 m_items = 0;
    bool m_stopped = false;
    QString m_rootType;
    qint64 m_rootCount = -1;
};

} // namespace

bool CborDecoder::hasSelfDescribeMagic(QByteArrayView payload)
{
    return payload.startsWith("\xd9\xd9\xf7");
}

DecodedPayload CborDecoder::decode(const QByteArray &payload, const DecodeContext &context)
{
    Q_UNUSED(context);
    DecodedPayload result;
    result.decoderId = Id;
    result.inputSize = payload.size();
    if (payload.isEmpty()) {
        result.fail(tr("empty payload"));
        return result;
    }
    if (payload.size() > PayloadLimits::MaxStructuredInput) {
        result.fail(tr("the payload is %1, more than the %2 the CBOR view decodes")
                        .arg(payload::formatSize(payload.size()),
                             payload::formatSize(PayloadLimits::MaxStructuredInput)));
        return result;
    }

    result.ok = true;
    CborWalker walker(result, 0);
    qsizetype offset = 0;
    qsizetype items = 0;
    bool ok = true;
    // Qt's reader stops after one top-level item; a sequence gets one reader per item.
    while (offset < payload.size()) {
        if (items == MaxTopLevelItems) {
            result.truncated = true;
            result.addWarning(tr("Only the first %n top-level item(s) are decoded.", nullptr, int(items)));
            break;
        }
        QCborStreamReader reader(QByteArray::fromRawData(payload.constData() + offset, payload.size() - offset));
        walker.setBase(offset);
        walker.nextRootValue();
        const QString path = items == 0 ? u"$"_s : u"$#"_s + QString::number(items + 1);
        if (!walker.item(reader, path, QString(), 0)) {
            ok = !walker.stopped();
            break;
        }
        ++items;
        const qsizetype consumed = reader.currentOffset();
        if (consumed <= 0)
            break;
        offset += consumed;
    }

    result.text = walker.takeText();
    if (walker.stopped()) {
        result.truncated = true;
        result.addWarning(tr("Decoding stopped after %n item(s).", nullptr, int(MaxItems)));
    }
    if (walker.textFull()) {
        result.truncated = true;
        result.addWarning(tr("The text stops after %1.").arg(payload::formatSize(PayloadLimits::MaxTextChars)));
    }
    if (!ok) {
        result.summary = tr("Malformed CBOR");
        return result;
    }
    if (items > 1)
        result.summary = tr("CBOR sequence of %n item(s)", nullptr, int(items));
    else if (walker.rootType() == u"map"_s)
        result.summary = tr("CBOR map, %n pair(s)", nullptr, int(walker.rootCount()));
    else if (walker.rootType() == u"array"_s)
        result.summary = tr("CBOR array, %n item(s)", nullptr, int(walker.rootCount()));
    else
        result.summary = tr("CBOR %1").arg(walker.rootType());
    return result;
}

} // namespace tideline
