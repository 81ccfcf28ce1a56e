#pragma once

// A minimal protobuf wire-format writer for building test payloads (protobuf and Sparkplug).

#include <QByteArray>

#include <cstring>

namespace pbtest {

inline QByteArray varint(quint64 v)
{
    QByteArray out;
    do {
        quint8 b = v & 0x7f;
        v >>= 7;
        if (v)
            b |= 0x80;
        out += char(b);
    } while (v);
    return out;
}

inline QByteArray tag(quint32 field, int wireType)
{
    return varint((quint64(field) << 3) | quint64(wireType));
}

inline QByteArray fVarint(quint32 field, quint64 v)
{
    return tag(field, 0) + varint(v);
}

inline QByteArray fBytes(quint32 field, const QByteArray &bytes)
{
    return tag(field, 2) + varint(quint64(bytes.size())) + bytes;
}

inline QByteArray fFixed32(quint32 field, quint32 bits)
{
    QByteArray out = tag(field, 5);
    for (int i = 0; i < 4; ++i)
        out += char((bits >> (8 * i)) & 0xff);
    return out;
}

inline QByteArray fFixed64(quint32 field, quint64 bits)
{
    QByteArray out = tag(field, 1);
    for (int i = 0; i < 8; ++i)
        out += char((bits >> (8 * i)) & 0xff);
    return out;
}

inline QByteArray fFloat(quint32 field, float f)
{
    quint32 bits;
    std::memcpy(&bits, &f, sizeof bits);
    return fFixed32(field, bits);
}

inline QByteArray fDouble(quint32 field, double d)
{
    quint64 bits;
    std::memcpy(&bits, &d, sizeof bits);
    return fFixed64(field, bits);
}

inline QByteArray le(quint64 v, int width)
{
    QByteArray out;
    for (int i = 0; i < width; ++i)
        out += char((v >> (8 * i)) & 0xff);
    return out;
}

} // namespace pbtest
