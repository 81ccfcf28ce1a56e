#include "ProtobufWire.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tideline::protowire {

VarintStatus readVarint(QByteArrayView data, qsizetype &pos, quint64 &value)
{
    value = 0;
    for (int i = 0; i < 10; ++i) {
        if (pos >= data.size())
            return VarintStatus::Truncated;
        const quint8 b = quint8(data.at(pos++));
        if (i == 9 && b > 1)
            return VarintStatus::TooLong; // more than 64 bits
        value |= quint64(b & 0x7f) << (7 * i);
        if (!(b & 0x80))
            return VarintStatus::Ok;
    }
    return VarintStatus::TooLong;
}

bool Reader::fail(const QString &message, qsizetype at)
{
    m_error = message;
    m_errorOffset = m_base + at;
    return false;
}

ReadStatus Reader::next(Field &field)
{
    if (!m_error.isEmpty())
        return ReadStatus::Error;
    if (m_pos >= m_data.size())
        return ReadStatus::End;

    const qsizetype tagAt = m_pos;
    quint64 tag = 0;
    switch (readVarint(m_data, m_pos, tag)) {
    case VarintStatus::Ok:
        break;
    case VarintStatus::Truncated:
        fail(QCoreApplication::translate("ProtobufWire", "truncated varint (field tag) at byte %1")
                 .arg(m_base + tagAt),
             tagAt);
        return ReadStatus::Error;
    case VarintStatus::TooLong:
        fail(QCoreApplication::translate("ProtobufWire", "varint longer than 10 bytes at byte %1")
                 .arg(m_base + tagAt),
             tagAt);
        return ReadStatus::Error;
    }
    const quint64 number = tag >> 3;
    const quint8 wire = quint8(tag & 7);
    if (number == 0 || number > MaxFieldNumber) {
        fail(QCoreApplication::translate("ProtobufWire", "invalid field number %1 at byte %2")
                 .arg(number)
                 .arg(m_base + tagAt),
             tagAt);
        return ReadStatus::Error;
    }
    if (wire > 5) {
        fail(QCoreApplication::translate("ProtobufWire", "invalid wire type %1 at byte %2")
                 .arg(wire)
                 .arg(m_base + tagAt),
             tagAt);
        return ReadStatus::Error;
    }
    field = Field{};
    field.number = quint32(number);
    field.type = WireType(wire);
    field.offset = m_base + tagAt;

    switch (field.type) {
    case WireType::Varint: {
        const qsizetype valueAt = m_pos;
        const VarintStatus s = readVarint(m_data, m_pos, field.scalar);
        if (s != VarintStatus::Ok) {
            fail(s == VarintStatus::Truncated
                     ? QCoreApplication::translate("ProtobufWire",
                                                   "truncated varint in field %1 at byte %2")
                           .arg(field.number)
                           .arg(m_base + valueAt)
                     : QCoreApplication::translate("ProtobufWire",
                                                   "varint longer than 10 bytes in field %1 at byte %2")
                           .arg(field.number)
                           .arg(m_base + valueAt),
                 valueAt);
            return ReadStatus::Error;
        }
        break;
    }
    case WireType::I64:
    case WireType::I32: {
        const int width = field.type == WireType::I64 ? 8 : 4;
        if (m_data.size() - m_pos < width) {
            fail(QCoreApplication::translate("ProtobufWire",
                                             "field %1 needs %2 bytes at byte %3, only %4 left")
                     .arg(field.number)
                     .arg(width)
                     .arg(m_base + m_pos)
                     .arg(m_data.size() - m_pos),
                 m_pos);
            return ReadStatus::Error;
        }
        quint64 v = 0;
        for (int i = 0; i < width; ++i)
            v |= quint64(quint8(m_data.at(m_pos + i))) << (8 * i);
        field.scalar = v;
        m_pos += width;
        break;
    }
    case WireType::Len: {
        const qsizetype lengthAt = m_pos;
        quint64 length = 0;
        if (readVarint(m_data, m_pos, length) != VarintStatus::Ok) {
            fail(QCoreApplication::translate("ProtobufWire",
                                             "truncated length of field %1 at byte %2")
                     .arg(field.number)
                     .arg(m_base + lengthAt),
                 lengthAt);
            return ReadStatus::Error;
        }
        if (length > quint64(m_data.size() - m_pos)) {
            fail(QCoreApplication::translate("ProtobufWire",
                                             "field %1 claims %2 bytes at byte %3, only %4 left")
                     .arg(field.number)
                     .arg(length)
                     .arg(m_base + m_pos)
                     .arg(m_data.size() - m_pos),
                 lengthAt);
            return ReadStatus::Error;
        }
        field.bytes = m_data.sliced(m_pos, qsizetype(length));
        m_pos += qsizetype(length);
        break;
    }
    case WireType::StartGroup:
    case WireType::EndGroup:
        break;
    }
    return ReadStatus::Field;
}

bool isWellFormedMessage(QByteArrayView data)
{
    if (data.isEmpty())
        return false;
    Reader reader(data);
    Field field;
    while (true) {
        switch (reader.next(field)) {
        case ReadStatus::End:
            return true;
        case ReadStatus::Error:
            return false;
        case ReadStatus::Field:
            if (field.type == WireType::StartGroup || field.type == WireType::EndGroup)
                return false;
            break;
        }
    }
}

QString wireTypeName(WireType type)
{
    switch (type) {
    case WireType::Varint: return u"varint"_s;
    case WireType::I64: return u"i64"_s;
    case WireType::Len: return u"len"_s;
    case WireType::StartGroup: return u"sgroup"_s;
    case WireType::EndGroup: return u"egroup"_s;
    case WireType::I32: return u"i32"_s;
    }
    return QString();
}

} // namespace tideline::protowire
