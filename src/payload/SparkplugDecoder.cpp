#include "SparkplugDecoder.h"

#include "PrettyWriter.h"
#include "ProtobufWire.h"

#include <QDateTime>
#include <QHash>

#include <cstring>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

using namespace protowire;

// The messages of sparkplug_b.proto (Eclipse Tahu / Sparkplug 3.0), by field number.
enum class Spec {
    Payload, Metric, MetaData, PropertySet, PropertyValue, PropertySetList,
    DataSet, Row, DataSetValue, Template, Parameter, None
};

enum class Kind {
    UInt32, UInt64, Bool, String, Bytes, Float, Double, Timestamp, DataType,
    IntValue,  // uint32 read by the message's datatype (Int8/16/32 are two's complement)
    LongValue, // uint64 read by the message's datatype (Int64, DateTime)
    BytesValue, // bytes read by the message's datatype (packed arrays)
    Message
};

struct FieldSpec
{
    quint32 number;
    const char *name;
    Kind kind;
    Spec child;
    bool repeated;
};

struct MessageSpec
{
    const char *name;
    const FieldSpec *fields;
    int count;
    quint32 typeField; // field holding the datatype that IntValue/LongValue/BytesValue follow
};

constexpr FieldSpec payloadFields[] = {
    {1, "timestamp", Kind::Timestamp, Spec::None, false},
    {2, "metrics", Kind::Message, Spec::Metric, true},
    {3, "seq", Kind::UInt64, Spec::None, false},
    {4, "uuid", Kind::String, Spec::None, false},
    {5, "body", Kind::Bytes, Spec::None, false},
};
constexpr FieldSpec metricFields[] = {
    {1, "name", Kind::String, Spec::None, false},
    {2, "alias", Kind::UInt64, Spec::None, false},
    {3, "timestamp", Kind::Timestamp, Spec::None, false},
    {4, "datatype", Kind::DataType, Spec::None, false},
    {5, "is_historical", Kind::Bool, Spec::None, false},
    {6, "is_transient", Kind::Bool, Spec::None, false},
    {7, "is_null", Kind::Bool, Spec::None, false},
    {8, "metadata", Kind::Message, Spec::MetaData, false},
    {9, "properties", Kind::Message, Spec::PropertySet, false},
    {10, "int_value", Kind::IntValue, Spec::None, false},
    {11, "long_value", Kind::LongValue, Spec::None, false},
    {12, "float_value", Kind::Float, Spec::None, false},
    {13, "double_value", Kind::Double, Spec::None, false},
    {14, "boolean_value", Kind::Bool, Spec::None, false},
    {15, "string_value", Kind::String, Spec::None, false},
    {16, "bytes_value", Kind::BytesValue, Spec::None, false},
    {17, "dataset_value", Kind::Message, Spec::DataSet, false},
    {18, "template_value", Kind::Message, Spec::Template, false},
    {19, "extension_value", Kind::Bytes, Spec::None, false},
};
constexpr FieldSpec metaDataFields[] = {
    {1, "is_multi_part", Kind::Bool, Spec::None, false},
    {2, "content_type", Kind::String, Spec::None, false},
    {3, "size", Kind::UInt64, Spec::None, false},
    {4, "seq", Kind::UInt64, Spec::None, false},
    {5, "file_name", Kind::String, Spec::None, false},
    {6, "file_type", Kind::String, Spec::None, false},
    {7, "md5", Kind::String, Spec::None, false},
    {8, "description", Kind::String, Spec::None, false},
};
constexpr FieldSpec propertySetFields[] = {
    {1, "keys", Kind::String, Spec::None, true},
    {2, "values", Kind::Message, Spec::PropertyValue, true},
};
constexpr FieldSpec propertyValueFields[] = {
    {1, "type", Kind::DataType, Spec::None, false},
    {2, "is_null", Kind::Bool, Spec::None, false},
    {3, "int_value", Kind::IntValue, Spec::None, false},
    {4, "long_value", Kind::LongValue, Spec::None, false},
    {5, "float_value", Kind::Float, Spec::None, false},
    {6, "double_value", Kind::Double, Spec::None, false},
    {7, "boolean_value", Kind::Bool, Spec::None, false},
    {8, "string_value", Kind::String, Spec::None, false},
    {9, "propertyset_value", Kind::Message, Spec::PropertySet, false},
    {10, "propertysets_value", Kind::Message, Spec::PropertySetList, false},
    {11, "extension_value", Kind::Bytes, Spec::None, false},
};
constexpr FieldSpec propertySetListFields[] = {
    {1, "propertyset", Kind::Message, Spec::PropertySet, true},
};
constexpr FieldSpec dataSetFields[] = {
    {1, "num_of_columns", Kind::UInt64, Spec::None, false},
    {2, "columns", Kind::String, Spec::None, true},
    {3, "types", Kind::DataType, Spec::None, true},
    {4, "rows", Kind::Message, Spec::Row, true},
};
constexpr FieldSpec rowFields[] = {
    {1, "elements", Kind::Message, Spec::DataSetValue, true},
};
constexpr FieldSpec dataSetValueFields[] = {
    {1, "int_value", Kind::UInt32, Spec::None, false},
    {2, "long_value", Kind::UInt64, Spec::None, false},
    {3, "float_value", Kind::Float, Spec::None, false},
    {4, "double_value", Kind::Double, Spec::None, false},
    {5, "boolean_value", Kind::Bool, Spec::None, false},
    {6, "string_value", Kind::String, Spec::None, false},
    {7, "extension_value", Kind::Bytes, Spec::None, false},
};
constexpr FieldSpec templateFields[] = {
    {1, "version", Kind::String, Spec::None, false},
    {2, "metrics", Kind::Message, Spec::Metric, true},
    {3, "parameters", Kind::Message, Spec::Parameter, true},
    {4, "template_ref", Kind::String, Spec::None, false},
    {5, "is_definition", Kind::Bool, Spec::None, false},
};
constexpr FieldSpec parameterFields[] = {
    {1, "name", Kind::String, Spec::None, false},
    {2, "type", Kind::DataType, Spec::None, false},
    {3, "int_value", Kind::IntValue, Spec::None, false},
    {4, "long_value", Kind::LongValue, Spec::None, false},
    {5, "float_value", Kind::Float, Spec::None, false},
    {6, "double_value", Kind::Double, Spec::None, false},
    {7, "boolean_value", Kind::Bool, Spec::None, false},
    {8, "string_value", Kind::String, Spec::None, false},
    {9, "extension_value", Kind::Bytes, Spec::None, false},
};

template<std::size_t N>
constexpr MessageSpec makeSpec(const char *name, const FieldSpec (&fields)[N], quint32 typeField)
{
    return MessageSpec{name, fields, int(N), typeField};
}

const MessageSpec &specFor(Spec spec)
{
    static const MessageSpec specs[] = {
        makeSpec("Payload", payloadFields, 0),
        makeSpec("Metric", metricFields, 4),
        makeSpec("MetaData", metaDataFields, 0),
        makeSpec("PropertySet", propertySetFields, 0),
        makeSpec("PropertyValue", propertyValueFields, 1),
        makeSpec("PropertySetList", propertySetListFields, 0),
        makeSpec("DataSet", dataSetFields, 0),
        makeSpec("Row", rowFields, 0),
        makeSpec("DataSetValue", dataSetValueFields, 0),
        makeSpec("Template", templateFields, 0),
        makeSpec("Parameter", parameterFields, 2),
    };
    return specs[int(spec)];
}

const FieldSpec *findField(const MessageSpec &spec, quint32 number)
{
    for (int i = 0; i < spec.count; ++i) {
        if (spec.fields[i].number == number)
            return &spec.fields[i];
    }
    return nullptr;
}

WireType expectedWireType(Kind kind)
{
    switch (kind) {
    case Kind::String:
    case Kind::Bytes:
    case Kind::BytesValue:
    case Kind::Message:
        return WireType::Len;
    case Kind::Float:
        return WireType::I32;
    case Kind::Double:
        return WireType::I64;
    default:
        return WireType::Varint;
    }
}

// Sparkplug data types (sparkplug_b.proto comment block / specification section 6.4.16).
enum DataType : quint64 {
    Int8 = 1, Int16 = 2, Int32 = 3, Int64 = 4, UInt8 = 5, UInt16 = 6, UInt32 = 7, UInt64 = 8,
    Float = 9, Double = 10, Boolean = 11, String = 12, DateTime = 13, Text = 14, Uuid = 15,
    DataSet = 16, Bytes = 17, File = 18, Template = 19, PropertySet = 20, PropertySetList = 21,
    Int8Array = 22, Int16Array = 23, Int32Array = 24, Int64Array = 25, UInt8Array = 26,
    UInt16Array = 27, UInt32Array = 28, UInt64Array = 29, FloatArray = 30, DoubleArray = 31,
    BooleanArray = 32, StringArray = 33, DateTimeArray = 34
};

QString timestampText(quint64 ms)
{
    if (ms > quint64(253402300799999)) // after 9999-12-31: not a date, just a number
        return QString::number(ms);
    return u"%1 (%2)"_s.arg(ms).arg(QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC)
                                        .toString(Qt::ISODateWithMs));
}

QString floatText(quint32 bits)
{
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return QString::number(double(f), 'g', 9);
}

QString doubleText(quint64 bits)
{
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return QString::number(d, 'g', 17);
}

quint64 readLittleEndian(const char *p, int width)
{
    quint64 v = 0;
    for (int i = 0; i < width; ++i)
        v |= quint64(quint8(p[i])) << (8 * i);
    return v;
}

// The packed arrays of Sparkplug 3.0 live in bytes_value, little-endian.
QString arrayText(quint64 type, QByteArrayView bytes, QString *problem)
{
    constexpr int MaxShown = 64;
    QStringList items;
    int width = 0;
    switch (type) {
    case Int8Array: case UInt8Array: width = 1; break;
    case Int16Array: case UInt16Array: width = 2; break;
    case Int32Array: case UInt32Array: case FloatArray: width = 4; break;
    case Int64Array: case UInt64Array: case DoubleArray: case DateTimeArray: width = 8; break;
    case BooleanArray: {
        // A 4-byte little-endian count of values, then the values packed 8 to a byte, MSB first.
        if (bytes.size() < 4) {
            *problem = SparkplugDecoder::tr("BooleanArray shorter than its 4-byte count");
            return QString();
        }
        const quint64 count = readLittleEndian(bytes.data(), 4);
        if ((count + 7) / 8 > quint64(bytes.size() - 4)) {
            *problem = SparkplugDecoder::tr("BooleanArray of %1 values holds only %2 bytes")
                           .arg(count)
                           .arg(bytes.size() - 4);
            return QString();
        }
        for (quint64 i = 0; i < count && items.size() < MaxShown; ++i) {
            const quint8 b = quint8(bytes.at(4 + qsizetype(i / 8)));
            items << ((b >> (7 - i % 8)) & 1 ? u"true"_s : u"false"_s);
        }
        if (count > quint64(items.size()))
            items << QString(QChar(0x2026));
        return u'[' + items.join(u", "_s) + u']';
    }
    case StringArray: {
        // NUL-terminated UTF-8 strings one after the other.
        qsizetype start = 0;
        while (start < bytes.size() && items.size() < MaxShown) {
            qsizetype end = start;
            while (end < bytes.size() && bytes.at(end) != '\0')
                ++end;
            items << payload::quoteJsonString(payload::elide(QString::fromUtf8(bytes.sliced(start, end - start)), 64));
            start = end + 1;
        }
        if (start < bytes.size())
            items << QString(QChar(0x2026));
        return u'[' + items.join(u", "_s) + u']';
    }
    default:
        return QString();
    }
    if (bytes.size() % width != 0)
        *problem = SparkplugDecoder::tr("%1 of %2 bytes is not a whole number of %3-byte values")
                       .arg(SparkplugDecoder::dataTypeName(type))
                       .arg(bytes.size())
                       .arg(width);
    const qsizetype count = bytes.size() / width;
    for (qsizetype i = 0; i < count && items.size() < MaxShown; ++i) {
        const quint64 v = readLittleEndian(bytes.data() + i * width, width);
        switch (type) {
        case Int8Array: items << QString::number(qint8(v)); break;
        case Int16Array: items << QString::number(qint16(v)); break;
        case Int32Array: items << QString::number(qint32(v)); break;
        case Int64Array: items << QString::number(qint64(v)); break;
        case FloatArray: items << floatText(quint32(v)); break;
        case DoubleArray: items << doubleText(v); break;
        case DateTimeArray: items << timestampText(v); break;
        default: items << QString::number(v); break;
        }
    }
    if (count > items.size())
        items << QString(QChar(0x2026));
    return u'[' + items.join(u", "_s) + u']';
}

class SparkplugWalker
{
public:
    SparkplugWalker(DecodedPayload &result, bool birth)
        : m_result(result), m_writer(PayloadLimits::MaxTextChars, 2, QString()), m_birth(birth)
    {
    }

    struct Summary
    {
        int metrics = 0;
        std::optional<quint64> seq;
        std::optional<quint64> timestamp;
    };

    bool decodePayload(QByteArrayView data)
    {
        return message(Spec::Payload, data, 0, QString(), 0);
    }

    Summary summary() const { return m_summary; }
    bool stopped() const { return m_stopped; }
    bool textFull() const { return m_writer.full(); }
    QString takeText() { return m_writer.take(); }

private:
    // Metric/Parameter/PropertyValue facts needed to read their value fields.
    struct Scan
    {
        std::optional<quint64> dataType;
        QString name;
        std::optional<quint64> alias;
    };

    Scan prescan(const MessageSpec &spec, QByteArrayView data)
    {
        Scan scan;
        if (spec.typeField == 0)
            return scan; // nothing in this message depends on another field
        Reader reader(data);
        Field field;
        while (reader.next(field) == ReadStatus::Field) {
            if (spec.typeField != 0 && field.number == spec.typeField && field.type == WireType::Varint)
                scan.dataType = field.scalar;
            if (spec.fields == metricFields) {
                if (field.number == 1 && field.type == WireType::Len)
                    scan.name = QString::fromUtf8(field.bytes.first(std::min<qsizetype>(field.bytes.size(), 1024)));
                else if (field.number == 2 && field.type == WireType::Varint)
                    scan.alias = field.scalar;
            }
        }
        return scan;
    }

    bool message(Spec specId, QByteArrayView data, qsizetype base, const QString &prefix, int depth)
    {
        const MessageSpec &spec = specFor(specId);
        const Scan scan = prescan(spec, data);
        QHash<quint32, int> repeats;
        QString metricValue;
        bool hasValue = false;

        Reader reader(data, base);
        Field field;
        while (true) {
            if (m_result.fieldsCapped) {
                m_stopped = true; // whatever follows cannot be shown anyway
                return true;
            }
            const ReadStatus status = reader.next(field);
            if (status == ReadStatus::End)
                break;
            if (status == ReadStatus::Error) {
                m_result.fail(reader.error(), reader.errorOffset());
                return false;
            }
            const FieldSpec *fs = findField(spec, field.number);
            // proto2 repeated scalars may arrive packed (one length-delimited run of varints).
            const bool packed = fs && fs->repeated && field.type == WireType::Len
                && expectedWireType(fs->kind) == WireType::Varint;
            if (fs && !packed && field.type != expectedWireType(fs->kind)) {
                // A handful of mismatches is a sloppy encoder; thousands mean this is not
                // Sparkplug at all, and walking the rest would only burn time.
                if (++m_mismatches > MaxMismatches) {
                    m_result.fail(SparkplugDecoder::tr("not a Sparkplug B payload: more than %1 fields have "
                                                       "the wrong wire type")
                                      .arg(MaxMismatches),
                                  field.offset);
                    return false;
                }
                if (m_result.acceptsWarnings())
                    m_result.addWarning(SparkplugDecoder::tr("Field %1 (%2) of %3 at byte %4 has wire "
                                                             "type %5, expected %6; skipped.")
                                            .arg(field.number)
                                            .arg(QLatin1String(fs->name), QLatin1String(spec.name))
                                            .arg(field.offset)
                                            .arg(wireTypeName(field.type), wireTypeName(expectedWireType(fs->kind))),
                                        field.offset);
                continue;
            }
            if (depth == 0)
                m_writer.nextRootValue(); // top-level fields are a list, one per line
            if (!fs) {
                // Extension ranges are legal in every Sparkplug message: show, do not complain.
                const QString key = u"field_"_s + QString::number(field.number);
                const QString value = field.type == WireType::Len
                    ? payload::hexPreview(field.bytes, 32)
                    : QString::number(field.scalar);
                m_result.addField(join(prefix, key), wireTypeName(field.type), value, depth);
                m_writer.scalar(key, value);
                continue;
            }
            if (depth == 0 && specId == Spec::Payload) {
                if (field.number == 1 && field.type == WireType::Varint)
                    m_summary.timestamp = field.scalar;
                else if (field.number == 3 && field.type == WireType::Varint)
                    m_summary.seq = field.scalar;
            }

            const QString name = QLatin1String(fs->name);
            QString key = name;
            if (fs->repeated)
                key += u'[' + QString::number(repeats[field.number]++) + u']';
            const QString path = join(prefix, key);

            if (packed) {
                --repeats[field.number];
                packedVarints(*fs, field, prefix, depth, repeats);
                continue;
            }
            if (fs->kind == Kind::Message) {
                if (depth + 1 > SparkplugDecoder::MaxDepth) {
                    m_result.addWarning(SparkplugDecoder::tr("%1 at byte %2 is nested deeper than %3 "
                                                             "levels; not decoded.")
                                            .arg(path)
                                            .arg(field.offset)
                                            .arg(SparkplugDecoder::MaxDepth),
                                        field.offset);
                    continue;
                }
                const bool isMetric = fs->child == Spec::Metric;
                if (isMetric && depth == 0)
                    ++m_summary.metrics;
                m_result.addField(path, QLatin1String(specFor(fs->child).name), QString(), depth);
                const qsizetype row = m_result.fieldsCapped ? -1 : m_result.fields.size() - 1;
                m_writer.open(key, u'{');
                const qsizetype childBase = base + (field.bytes.data() - data.data());
                m_lastMetricValue.clear();
                if (!message(fs->child, field.bytes, childBase, path, depth + 1))
                    return false;
                m_writer.close(u'}');
                if (isMetric && row >= 0)
                    m_result.fields[row].value = m_lastMetricValue;
                continue;
            }

            QString problem;
            const QString value = scalarText(*fs, field, scan.dataType, &problem);
            if (!problem.isEmpty())
                m_result.addWarning(SparkplugDecoder::tr("%1 at byte %2: %3.").arg(path).arg(field.offset).arg(problem),
                                    field.offset);
            QString type = QLatin1String(spec.name) == u"Metric"_s && fs->number >= 10 && scan.dataType
                ? SparkplugDecoder::dataTypeName(*scan.dataType)
                : QString();
            if (type.isEmpty())
                type = kindName(fs->kind);
            m_result.addField(path, type, payload::elide(value), depth);
            m_writer.scalar(key, value);
            if (fs->number >= 10 && spec.fields == metricFields) {
                metricValue = value;
                hasValue = true;
            }
        }

        if (spec.fields == metricFields) {
            const QString who = !scan.name.isEmpty() ? scan.name
                : scan.alias ? SparkplugDecoder::tr("alias %1").arg(*scan.alias)
                             : QString();
            if (who.isEmpty())
                m_result.addWarning(SparkplugDecoder::tr("Metric %1 has neither a name nor an alias.").arg(prefix));
            if (scan.dataType && SparkplugDecoder::dataTypeName(*scan.dataType).isEmpty())
                m_result.addWarning(SparkplugDecoder::tr("Metric %1 declares unknown datatype %2.")
                                        .arg(who.isEmpty() ? prefix : who)
                                        .arg(*scan.dataType));
            if (m_birth && !scan.dataType)
                m_result.addWarning(SparkplugDecoder::tr("Metric %1 in a birth message has no datatype.")
                                        .arg(who.isEmpty() ? prefix : who));
            m_lastMetricValue = payload::elide(
                hasValue ? SparkplugDecoder::tr("%1 = %2").arg(who, payload::elide(metricValue, 120)) : who);
        }
        return true;
    }

    void packedVarints(const FieldSpec &fs, const Field &field, const QString &prefix, int depth,
                       QHash<quint32, int> &repeats)
    {
        qsizetype pos = 0;
        while (pos < field.bytes.size()) {
            quint64 v = 0;
            if (readVarint(field.bytes, pos, v) != VarintStatus::Ok) {
                m_result.addWarning(SparkplugDecoder::tr("Packed %1 at byte %2 ends inside a varint.")
                                        .arg(QLatin1String(fs.name))
                                        .arg(field.offset),
                                    field.offset);
                return;
            }
            const QString key = QLatin1String(fs.name) + u'[' + QString::number(repeats[fs.number]++) + u']';
            Field single;
            single.scalar = v;
            QString problem;
            const QString value = scalarText(fs, single, std::nullopt, &problem);
            m_result.addField(join(prefix, key), kindName(fs.kind), value, depth);
            m_writer.scalar(key, value);
        }
    }

    static QString join(const QString &prefix, const QString &key)
    {
        return prefix.isEmpty() ? key : prefix + u'.' + key;
    }

    static QString kindName(Kind kind)
    {
        switch (kind) {
        case Kind::UInt32: return u"uint32"_s;
        case Kind::UInt64: return u"uint64"_s;
        case Kind::Bool: return u"bool"_s;
        case Kind::String: return u"string"_s;
        case Kind::Bytes:
        case Kind::BytesValue: return u"bytes"_s;
        case Kind::Float: return u"float"_s;
        case Kind::Double: return u"double"_s;
        case Kind::Timestamp: return u"timestamp"_s;
        case Kind::DataType: return u"datatype"_s;
        case Kind::IntValue: return u"uint32"_s;
        case Kind::LongValue: return u"uint64"_s;
        case Kind::Message: return u"message"_s;
        }
        return QString();
    }

    QString scalarText(const FieldSpec &fs, const Field &field, std::optional<quint64> dataType,
                       QString *problem)
    {
        const quint64 v = field.scalar;
        switch (fs.kind) {
        case Kind::UInt32:
            return QString::number(quint32(v));
        case Kind::UInt64:
            return QString::number(v);
        case Kind::Bool:
            return v ? u"true"_s : u"false"_s;
        case Kind::String:
            return payload::quoteJsonString(
                payload::elide(QString::fromUtf8(field.bytes.first(std::min<qsizetype>(field.bytes.size(), 64 * 1024))), 4096));
        case Kind::Bytes:
            return SparkplugDecoder::tr("h'%1' (%2)").arg(payload::hexPreview(field.bytes, 32),
                                                          payload::formatSize(field.bytes.size()));
        case Kind::Float:
            return floatText(quint32(v));
        case Kind::Double:
            return doubleText(v);
        case Kind::Timestamp:
            return timestampText(v);
        case Kind::DataType: {
            const QString name = SparkplugDecoder::dataTypeName(v);
            return name.isEmpty() ? QString::number(v) : u"%1 (%2)"_s.arg(v).arg(name);
        }
        case Kind::IntValue:
            switch (dataType.value_or(0)) {
            case Int8: return QString::number(qint8(v));
            case Int16: return QString::number(qint16(v));
            case Int32: return QString::number(qint32(v));
            default: return QString::number(quint32(v));
            }
        case Kind::LongValue:
            switch (dataType.value_or(0)) {
            case Int64: return QString::number(qint64(v));
            case DateTime: return timestampText(v);
            default: return QString::number(v);
            }
        case Kind::BytesValue: {
            if (dataType && *dataType >= Int8Array && *dataType <= DateTimeArray) {
                const QString text = arrayText(*dataType, field.bytes, problem);
                if (!text.isEmpty())
                    return text;
            }
            return SparkplugDecoder::tr("h'%1' (%2)").arg(payload::hexPreview(field.bytes, 32),
                                                          payload::formatSize(field.bytes.size()));
        }
        case Kind::Message:
            break;
        }
        return QString();
    }

    DecodedPayload &m_result;
    payload::PrettyWriter m_writer;
    Summary m_summary;
    QString m_lastMetricValue;
    bool m_birth = false;
    bool m_stopped = false;
    int m_mismatches = 0;
    static constexpr int MaxMismatches = 1000;
};

const QStringList &messageTypes()
{
    static const QStringList types = {u"NBIRTH"_s, u"NDEATH"_s, u"DBIRTH"_s, u"DDEATH"_s,
                                      u"NDATA"_s,  u"DDATA"_s,  u"NCMD"_s,   u"DCMD"_s};
    return types;
}

} // namespace

QString SparkplugDecoder::dataTypeName(quint64 type)
{
    static const char *const names[] = {
        "Unknown", "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64",
        "Float", "Double", "Boolean", "String", "DateTime", "Text", "UUID", "DataSet", "Bytes",
        "File", "Template", "PropertySet", "PropertySetList", "Int8Array", "Int16Array",
        "Int32Array", "Int64Array", "UInt8Array", "UInt16Array", "UInt32Array", "UInt64Array",
        "FloatArray", "DoubleArray", "BooleanArray", "StringArray", "DateTimeArray"};
    if (type >= std::size(names))
        return QString();
    return QLatin1String(names[type]);
}

SparkplugDecoder::Topic SparkplugDecoder::parseTopic(const QString &topic)
{
    Topic t;
    const QStringList levels = topic.split(u'/');
    if (levels.size() < 2 || levels.at(0) != u"spBv1.0"_s)
        return t;
    if (levels.at(1) == u"STATE"_s) {
        t.state = true;
        t.valid = levels.size() == 3 && !levels.at(2).isEmpty();
        return t;
    }
    if (levels.size() < 4 || levels.size() > 5)
        return t;
    t.group = levels.at(1);
    t.messageType = levels.at(2);
    t.edgeNode = levels.at(3);
    if (levels.size() == 5)
        t.device = levels.at(4);
    const bool deviceType = t.messageType.startsWith(u'D');
    t.valid = messageTypes().contains(t.messageType) && !t.group.isEmpty() && !t.edgeNode.isEmpty()
        && (deviceType == (levels.size() == 5));
    return t;
}

bool SparkplugDecoder::isPayloadTopic(const QString &topic)
{
    return topic.startsWith(u"spBv1.0/"_s) && !topic.startsWith(u"spBv1.0/STATE/"_s)
        && topic != u"spBv1.0/STATE"_s;
}

DecodedPayload SparkplugDecoder::decode(const QByteArray &payload, const DecodeContext &context)
{
    DecodedPayload result;
    result.decoderId = Id;
    result.inputSize = payload.size();

    const Topic topic = parseTopic(context.topic);
    if (topic.state) {
        result.fail(tr("Sparkplug STATE messages carry JSON or text, not a Sparkplug B payload"));
        return result;
    }
    if (!context.topic.isEmpty() && !topic.valid)
        result.addWarning(tr("The topic %1 does not follow spBv1.0/<group>/<message type>/<edge "
                             "node>[/<device>].")
                              .arg(context.topic));
    if (payload.size() > PayloadLimits::MaxStructuredInput) {
        result.fail(tr("the payload is %1, more than the %2 the Sparkplug view decodes")
                        .arg(payload::formatSize(payload.size()),
                             payload::formatSize(PayloadLimits::MaxStructuredInput)));
        return result;
    }

    const bool birth = topic.messageType.endsWith(u"BIRTH"_s);
    SparkplugWalker walker(result, birth);
    result.ok = true;
    const bool ok = walker.decodePayload(payload);
    result.text = walker.takeText();
    if (walker.textFull()) {
        result.truncated = true;
        result.addWarning(tr("The text stops after %1.").arg(payload::formatSize(PayloadLimits::MaxTextChars)));
    }
    if (walker.stopped())
        result.addWarning(tr("Decoding stopped at the row limit; later fields are not shown."));
    const auto summary = walker.summary();
    if (summary.seq && *summary.seq > 255)
        result.addWarning(tr("seq %1 is outside the 0–255 range Sparkplug uses.").arg(*summary.seq));
    const QString kind = topic.valid ? topic.messageType : tr("payload");
    if (!ok) {
        result.summary = tr("Malformed Sparkplug B %1").arg(kind);
        return result;
    }
    if (summary.seq)
        result.summary = tr("Sparkplug B %1, %n metric(s), seq %2", nullptr, summary.metrics)
                             .arg(kind)
                             .arg(*summary.seq);
    else
        result.summary = tr("Sparkplug B %1, %n metric(s)", nullptr, summary.metrics).arg(kind);
    return result;
}

} // namespace tideline
