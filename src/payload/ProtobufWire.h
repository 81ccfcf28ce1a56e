#pragma once

#include <QByteArrayView>
#include <QString>

namespace tideline::protowire {

// Protocol Buffers wire format (https://protobuf.dev/programming-guides/encoding/), read without
// a schema. Shared by the schema-less protobuf view and the Sparkplug B decoder.
enum class WireType : quint8 {
    Varint = 0,
    I64 = 1,
    Len = 2,
    StartGroup = 3, // deprecated groups: reported, never guessed
    EndGroup = 4,
    I32 = 5,
};

inline constexpr quint32 MaxFieldNumber = (1u << 29) - 1;

struct Field
{
    quint32 number = 0;
    WireType type = WireType::Varint;
    quint64 scalar = 0;   // varint, I64 and I32 values (little-endian bits)
    QByteArrayView bytes; // Len payload
    qsizetype offset = 0; // where the tag starts
};

enum class ReadStatus { Field, End, Error };

// Reads one field after another from a buffer. Never reads past the end; every failure names
// the byte offset (relative to the buffer plus the base given to the constructor).
class Reader final
{
public:
    explicit Reader(QByteArrayView data, qsizetype baseOffset = 0)
        : m_data(data), m_base(baseOffset)
    {
    }

    ReadStatus next(Field &field);
    QString error() const { return m_error; }     // translated
    qsizetype errorOffset() const { return m_errorOffset; }
    qsizetype position() const { return m_pos; }  // relative to the buffer

private:
    bool fail(const QString &message, qsizetype at);

    QByteArrayView m_data;
    qsizetype m_base = 0;
    qsizetype m_pos = 0;
    QString m_error;
    qsizetype m_errorOffset = -1;
};

enum class VarintStatus { Ok, Truncated, TooLong };
VarintStatus readVarint(QByteArrayView data, qsizetype &pos, quint64 &value);

// True when the bytes parse completely as fields with wire types 0, 1, 2 and 5 (no groups).
// One flat pass, no recursion: the guess "this length-delimited field is a nested message".
bool isWellFormedMessage(QByteArrayView data);

inline qint64 zigzagDecode(quint64 v)
{
    return qint64(v >> 1) ^ -qint64(v & 1);
}

QString wireTypeName(WireType type);

} // namespace tideline::protowire
