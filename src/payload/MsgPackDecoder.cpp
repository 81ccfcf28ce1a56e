#include "MsgPackDecoder.h"

#include "PrettyWriter.h"

#include <QDateTime>

#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

QString floatText(double d, int precision)
{
    if (std::isnan(d))
        return u"NaN"_s;
    if (std::isinf(d))
        return d > 0 ? u"Infinity"_s : u"-Infinity"_s;
    return QString::number(d, 'g', precision);
}

class MsgPackWalker
{
public:
    MsgPackWalker(QByteArrayView data, DecodedPayload &result)
        : m_data(data), m_result(result), m_writer(PayloadLimits::MaxTextChars)
    {
    }

    qsizetype position() const { return m_pos; }
    bool atEnd() const { return m_pos >= m_data.size(); }
    bool stopped() const { return m_stopped; }
    bool textFull() const { return m_writer.full(); }
    void nextRootValue() { m_writer.nextRootValue(); }
    QString takeText() { return m_writer.take(); }
    QString rootType() const { return m_rootType; }
    qint64 rootCount() const { return m_rootCount; }

    bool item(const QString &path, const QString &key, int depth, QString *compact = nullptr)
    {
        if (++m_items > MsgPackDecoder::MaxItems) {
            m_stopped = true;
            return false;
        }
        if (depth > PayloadLimits::MaxDepth)
            return fail(MsgPackDecoder::tr("nesting deeper than %1 levels").arg(PayloadLimits::MaxDepth));
        const qsizetype at = m_pos;
        if (!need(1))
            return false;
        const quint8 b = quint8(m_data.at(m_pos++));

        // Containers first: they recurse.
        qint64 arrayCount = -1;
        qint64 mapCount = -1;
        if (b >= 0x90 && b <= 0x9f)
            arrayCount = b & 0x0f;
        else if (b >= 0x80 && b <= 0x8f)
            mapCount = b & 0x0f;
        else if (b == 0xdc || b == 0xdd) {
            quint64 n = 0;
            if (!readUInt(b == 0xdc ? 2 : 4, n))
                return false;
            arrayCount = qint64(n);
        } else if (b == 0xde || b == 0xdf) {
            quint64 n = 0;
            if (!readUInt(b == 0xde ? 2 : 4, n))
                return false;
            mapCount = qint64(n);
        }
        if (arrayCount >= 0 || mapCount >= 0)
            return container(path, key, depth, compact, at, arrayCount, mapCount);

        QString type;
        QString text;
        QString display;
        if (b <= 0x7f) {
            type = u"int"_s;
            text = QString::number(b);
        } else if (b >= 0xe0) {
            type = u"int"_s;
            text = QString::number(qint8(b));
        } else if ((b >= 0xa0 && b <= 0xbf) || (b >= 0xd9 && b <= 0xdb)) {
            quint64 len = b & 0x1f;
            if (b >= 0xd9 && !readUInt(b == 0xd9 ? 1 : b == 0xda ? 2 : 4, len))
                return false;
            if (!need(qint64(len)))
                return false;
            const QByteArrayView bytes = m_data.sliced(m_pos, qsizetype(len));
            m_pos += qsizetype(len);
            const QByteArrayView shown = bytes.first(std::min<qsizetype>(bytes.size(), 64 * 1024));
            if (m_result.acceptsWarnings() && !payload::isValidUtf8(shown, shown.size() < bytes.size()))
                m_result.addWarning(MsgPackDecoder::tr("The string at byte %1 is not valid UTF-8.").arg(at), at);
            const QString s = QString::fromUtf8(shown);
            type = u"str"_s;
            display = payload::elide(s);
            text = payload::quoteJsonString(payload::elide(s, 4096));
        } else {
            switch (b) {
            case 0xc0: type = u"nil"_s; text = u"nil"_s; break;
            case 0xc2: type = u"bool"_s; text = u"false"_s; break;
            case 0xc3: type = u"bool"_s; text = u"true"_s; break;
            case 0xc4: case 0xc5: case 0xc6: {
                quint64 len = 0;
                if (!readUInt(b == 0xc4 ? 1 : b == 0xc5 ? 2 : 4, len) || !need(qint64(len)))
                    return false;
                const QByteArrayView bytes = m_data.sliced(m_pos, qsizetype(len));
                m_pos += qsizetype(len);
                type = u"bin"_s;
                text = u"h'"_s + QString::fromLatin1(bytes.first(std::min<qsizetype>(bytes.size(), 64)).toByteArray().toHex())
                    + (bytes.size() > 64 ? QString(QChar(0x2026)) : QString()) + u"'"_s;
                display = MsgPackDecoder::tr("%1 (%2)").arg(payload::hexPreview(bytes, 32), payload::formatSize(bytes.size()));
                break;
            }
            case 0xc7: case 0xc8: case 0xc9:
            case 0xd4: case 0xd5: case 0xd6: case 0xd7: case 0xd8: {
                quint64 len = 0;
                if (b >= 0xd4)
                    len = quint64(1) << (b - 0xd4);
                else if (!readUInt(b == 0xc7 ? 1 : b == 0xc8 ? 2 : 4, len))
                    return false;
                if (!need(1 + qint64(len)))
                    return false;
                const qint8 extType = qint8(m_data.at(m_pos++));
                const QByteArrayView bytes = m_data.sliced(m_pos, qsizetype(len));
                m_pos += qsizetype(len);
                type = u"ext %1"_s.arg(extType);
                text = extType == -1 ? timestamp(bytes) : QString();
                if (text.isEmpty())
                    text = u"ext(%1, h'%2')"_s.arg(extType).arg(QString::fromLatin1(
                        bytes.first(std::min<qsizetype>(bytes.size(), 64)).toByteArray().toHex()));
                else
                    type = u"timestamp"_s;
                break;
            }
            case 0xca: {
                quint64 bits = 0;
                if (!readUInt(4, bits))
                    return false;
                float f;
                const quint32 b32 = quint32(bits);
                std::memcpy(&f, &b32, sizeof f);
                type = u"float32"_s;
                text = floatText(double(f), 9);
                break;
            }
            case 0xcb: {
                quint64 bits = 0;
                if (!readUInt(8, bits))
                    return false;
                double d;
                std::memcpy(&d, &bits, sizeof d);
                type = u"float64"_s;
                text = floatText(d, 17);
                break;
            }
            case 0xcc: case 0xcd: case 0xce: case 0xcf: {
                quint64 v = 0;
                if (!readUInt(1 << (b - 0xcc), v))
                    return false;
                type = u"uint"_s;
                text = QString::number(v);
                break;
            }
            case 0xd0: case 0xd1: case 0xd2: case 0xd3: {
                const int width = 1 << (b - 0xd0);
                quint64 v = 0;
                if (!readUInt(width, v))
                    return false;
                qint64 s = 0;
                switch (width) {
                case 1: s = qint8(v); break;
                case 2: s = qint16(v); break;
                case 4: s = qint32(v); break;
                default: s = qint64(v); break;
                }
                type = u"int"_s;
                text = QString::number(s);
                break;
            }
            default: // 0xc1: never used
                m_pos = at;
                return fail(MsgPackDecoder::tr("byte 0x%1 at offset %2 is never used in MessagePack")
                                .arg(b, 2, 16, QChar(u'0'))
                                .arg(at));
            }
        }
        if (display.isEmpty())
            display = payload::elide(text);
        if (compact) {
            *compact += text;
        } else {
            m_result.addField(path, type, display, depth);
            m_writer.scalar(key, text);
            if (depth == 0) {
                m_rootType = type;
                m_rootCount = -1;
            }
        }
        return true;
    }

private:
    bool container(const QString &path, const QString &key, int depth, QString *compact,
                   qsizetype at, qint64 arrayCount, qint64 mapCount)
    {
        const bool map = mapCount >= 0;
        const qint64 count = map ? mapCount : arrayCount;
        // Every element takes at least one byte: refuse impossible counts before looping.
        const qint64 minBytes = map ? count * 2 : count;
        if (minBytes > m_data.size() - m_pos) {
            const qint64 left = m_data.size() - m_pos;
            m_pos = at;
            return fail(MsgPackDecoder::tr("the %1 at byte %2 claims %3 elements but only %4 bytes follow "
                                           "(truncated input)")
                            .arg(map ? u"map"_s : u"array"_s)
                            .arg(at)
                            .arg(count)
                            .arg(left));
        }
        qsizetype row = -1;
        if (compact) {
            *compact += map ? u"{"_s : u"["_s;
        } else {
            if (m_result.addField(path, map ? u"map"_s : u"array"_s, QString(), depth))
                row = m_result.fields.size() - 1;
            m_writer.open(key, map ? u'{' : u'[');
        }
        for (qint64 i = 0; i < count; ++i) {
            if (compact && compact->size() > 200) {
                // An oversized key: keep reading to stay in sync, render nothing more.
                QString sink;
                if (!item(QString(), QString(), depth + 1, &sink) || (map && !item(QString(), QString(), depth + 1, &sink)))
                    return false;
                continue;
            }
            if (compact && i > 0)
                *compact += u", "_s;
            if (map) {
                QString keyText;
                const qsizetype keyAt = m_pos;
                if (!item(QString(), QString(), depth + 1, &keyText))
                    return false;
                QString keyPath;
                const quint8 kb = quint8(m_data.at(keyAt));
                const bool stringKey = (kb >= 0xa0 && kb <= 0xbf) || (kb >= 0xd9 && kb <= 0xdb);
                if (stringKey && keyText.size() >= 2)
                    keyPath = payload::memberPath(path, rawString(keyAt));
                else
                    keyPath = path + u'[' + keyText + u']';
                if (compact) {
                    *compact += keyText + u": "_s;
                    if (!item(QString(), QString(), depth + 1, compact))
                        return false;
                } else if (!item(keyPath, keyText, depth + 1)) {
                    return false;
                }
            } else if (compact) {
                if (!item(QString(), QString(), depth + 1, compact))
                    return false;
            } else if (!item(payload::indexPath(path, i), QString(), depth + 1)) {
                return false;
            }
        }
        if (compact) {
            *compact += map ? u"}"_s : u"]"_s;
        } else {
            m_writer.close(map ? u'}' : u']');
            if (row >= 0)
                m_result.fields[row].value = map ? MsgPackDecoder::tr("{%n pair(s)}", nullptr, int(count))
                                                 : MsgPackDecoder::tr("[%n item(s)]", nullptr, int(count));
            if (depth == 0) {
                m_rootType = map ? u"map"_s : u"array"_s;
                m_rootCount = count;
            }
        }
        return true;
    }

    // The characters of the str item at offset (already validated by item()).
    QString rawString(qsizetype offset) const
    {
        const quint8 b = quint8(m_data.at(offset));
        qsizetype headerLen = 1;
        quint64 len = b & 0x1f;
        if (b >= 0xd9) {
            const int width = b == 0xd9 ? 1 : b == 0xda ? 2 : 4;
            len = 0;
            for (int i = 0; i < width; ++i)
                len = (len << 8) | quint8(m_data.at(offset + 1 + i));
            headerLen += width;
        }
        return QString::fromUtf8(m_data.sliced(offset + headerLen, std::min<qsizetype>(qsizetype(len), 4096)));
    }

    QString timestamp(QByteArrayView bytes) const
    {
        qint64 seconds = 0;
        quint32 nanos = 0;
        auto be = [&](qsizetype from, int width) {
            quint64 v = 0;
            for (int i = 0; i < width; ++i)
                v = (v << 8) | quint8(bytes.at(from + i));
            return v;
        };
        if (bytes.size() == 4) {
            seconds = qint64(be(0, 4));
        } else if (bytes.size() == 8) {
            const quint64 v = be(0, 8);
            nanos = quint32(v >> 34);
            seconds = qint64(v & 0x3ffffffffULL);
        } else if (bytes.size() == 12) {
            nanos = quint32(be(0, 4));
            seconds = qint64(be(4, 8));
        } else {
            return QString();
        }
        // QDateTime covers about ±292 million years; beyond that show the raw numbers.
        if (seconds > 9'000'000'000'000LL || seconds < -9'000'000'000'000LL)
            return u"timestamp(%1, %2)"_s.arg(seconds).arg(nanos);
        const QDateTime t = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).addMSecs(nanos / 1000000);
        return u"timestamp(%1)"_s.arg(t.toString(Qt::ISODateWithMs));
    }

    bool need(qint64 n)
    {
        if (n < 0 || n > m_data.size() - m_pos)
            return fail(MsgPackDecoder::tr("the MessagePack data ends early at byte %1 (truncated input)")
                            .arg(m_data.size()));
        return true;
    }

    bool readUInt(int width, quint64 &out)
    {
        if (!need(width))
            return false;
        out = 0;
        for (int i = 0; i < width; ++i)
            out = (out << 8) | quint8(m_data.at(m_pos + i));
        m_pos += width;
        return true;
    }

    bool fail(const QString &reason)
    {
        m_result.fail(reason, m_pos);
        return false;
    }

    QByteArrayView m_data;
    DecodedPayload &m_result;
    payload::PrettyWriter m_writer;
    qsizetype m_pos = 0;
    qint64 m_items = 0;
    bool m_stopped = false;
    QString m_rootType;
    qint64 m_rootCount = -1;
};

} // namespace

DecodedPayload MsgPackDecoder::decode(const QByteArray &payload, const DecodeContext &context)
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
        result.fail(tr("the payload is %1, more than the %2 the MessagePack view decodes")
                        .arg(payload::formatSize(payload.size()),
                             payload::formatSize(PayloadLimits::MaxStructuredInput)));
        return result;
    }

    result.ok = true;
    MsgPackWalker walker(payload, result);
    qsizetype items = 0;
    bool ok = true;
    while (!walker.atEnd()) {
        if (items == MaxTopLevelItems) {
            result.truncated = true;
            result.addWarning(tr("Only the first %n top-level object(s) are decoded.", nullptr, int(items)));
            break;
        }
        walker.nextRootValue();
        const QString path = items == 0 ? u"$"_s : u"$#"_s + QString::number(items + 1);
        if (!walker.item(path, QString(), 0)) {
            ok = !walker.stopped();
            break;
        }
        ++items;
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
        result.summary = tr("Malformed MessagePack");
        return result;
    }
    if (items > 1)
        result.summary = tr("MessagePack stream of %n object(s)", nullptr, int(items));
    else if (walker.rootType() == u"map"_s)
        result.summary = tr("MessagePack map, %n pair(s)", nullptr, int(walker.rootCount()));
    else if (walker.rootType() == u"array"_s)
        result.summary = tr("MessagePack array, %n item(s)", nullptr, int(walker.rootCount()));
    else
        result.summary = tr("MessagePack %1").arg(walker.rootType());
    return result;
}

} // namespace tideline
