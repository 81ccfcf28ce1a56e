#include "ProtobufDecoder.h"

#include "PrettyWriter.h"
#include "ProtobufWire.h"

#include <cstring>
#include <vector>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

using namespace protowire;

QString doubleText(double d)
{
    return QString::number(d, 'g', 17);
}

class ProtobufWalker
{
public:
    explicit ProtobufWalker(DecodedPayload &result)
        : m_result(result), m_writer(PayloadLimits::MaxTextChars, 2, QString())
    {
    }

    // Returns false on a wire format error (already recorded in the result).
    bool message(QByteArrayView data, qsizetype base, const QString &prefix, int depth)
    {
        Reader reader(data, base);
        Field field;
        struct Group
        {
            quint32 number;
            QString prefix;
            qsizetype offset;
        };
        std::vector<Group> groups;
        QString currentPrefix = prefix;
        while (true) {
            if (m_result.fieldsCapped) {
                m_stopped = true;
                return true;
            }
            const ReadStatus status = reader.next(field);
            if (status == ReadStatus::End)
                break;
            if (status == ReadStatus::Error) {
                m_result.fail(reader.error(), reader.errorOffset());
                return false;
            }
            if (depth == 0 && groups.empty()) {
                ++m_topLevelFields;
                m_writer.nextRootValue(); // top-level fields are a list, one per line
            }
            const int rowDepth = depth + int(groups.size());
            const QString number = QString::number(field.number);
            const QString path = currentPrefix.isEmpty() ? number : currentPrefix + u'.' + number;
            switch (field.type) {
            case WireType::Varint: {
                QString value = QString::number(field.scalar);
                if (field.scalar > quint64(std::numeric_limits<qint64>::max()))
                    value = ProtobufDecoder::tr("%1 (int64 %2)").arg(value).arg(qint64(field.scalar));
                m_result.addField(path, u"varint"_s, value, rowDepth);
                m_writer.scalar(number, value);
                break;
            }
            case WireType::I64: {
                double d;
                std::memcpy(&d, &field.scalar, sizeof d);
                const QString value = ProtobufDecoder::tr("fixed64 %1, double %2")
                                          .arg(field.scalar)
                                          .arg(doubleText(d));
                m_result.addField(path, u"i64"_s, value, rowDepth);
                m_writer.scalar(number, value);
                break;
            }
            case WireType::I32: {
                const quint32 bits = quint32(field.scalar);
                float f;
                std::memcpy(&f, &bits, sizeof f);
                const QString value = ProtobufDecoder::tr("fixed32 %1, float %2")
                                          .arg(bits)
                                          .arg(QString::number(double(f), 'g', 9));
                m_result.addField(path, u"i32"_s, value, rowDepth);
                m_writer.scalar(number, value);
                break;
            }
            case WireType::Len:
                if (!lengthDelimited(field, data, base, path, number, rowDepth))
                    return false;
                break;
            case WireType::StartGroup:
                if (!m_warnedGroup) {
                    m_warnedGroup = true;
                    m_result.addWarning(ProtobufDecoder::tr("Field %1 at byte %2 uses the deprecated "
                                                            "group wire type.")
                                            .arg(field.number)
                                            .arg(field.offset),
                                        field.offset);
                }
                if (depth + int(groups.size()) + 1 > ProtobufDecoder::MaxDepth) {
                    m_result.fail(ProtobufDecoder::tr("groups nested deeper than %1 levels")
                                      .arg(ProtobufDecoder::MaxDepth),
                                  field.offset);
                    return false;
                }
                m_result.addField(path, u"group"_s, QString(), rowDepth);
                m_writer.open(number, u'{');
                groups.push_back({field.number, currentPrefix, field.offset});
                currentPrefix = path;
                break;
            case WireType::EndGroup:
                if (groups.empty() || groups.back().number != field.number) {
                    m_result.fail(ProtobufDecoder::tr("end of group %1 at byte %2 without a "
                                                      "matching start")
                                      .arg(field.number)
                                      .arg(field.offset),
                                  field.offset);
                    return false;
                }
                currentPrefix = groups.back().prefix;
                groups.pop_back();
                m_writer.close(u'}');
                break;
            }
        }
        if (!groups.empty()) {
            m_result.fail(ProtobufDecoder::tr("group %1 starting at byte %2 is not closed")
                              .arg(groups.back().number)
                              .arg(groups.back().offset),
                          groups.back().offset);
            return false;
        }
        return true;
    }

    int topLevelFields() const { return m_topLevelFields; }
    bool stopped() const { return m_stopped; }
    bool textFull() const { return m_writer.full(); }
    QString takeText() { return m_writer.take(); }

private:
    bool lengthDelimited(const Field &field, QByteArrayView data, qsizetype base,
                         const QString &path, const QString &number, int rowDepth)
    {
        const QByteArrayView bytes = field.bytes;
        const qsizetype bytesOffset = base + (bytes.data() - data.data());
        if (bytes.isEmpty()) {
            m_result.addField(path, u"len"_s, ProtobufDecoder::tr("empty"), rowDepth);
            m_writer.scalar(number, u"\"\""_s);
            return true;
        }
        // Decide on a prefix: a megabyte string need not be scanned to the end to be shown.
        const QByteArrayView probe = bytes.first(std::min<qsizetype>(bytes.size(), 64 * 1024));
        const bool text = payload::looksLikeText(probe, probe.size() < bytes.size());
        if (!text && rowDepth + 1 < ProtobufDecoder::MaxDepth && guessAllowed(bytes.size())
            && isWellFormedMessage(bytes)) {
            m_result.addField(path, u"message"_s, payload::formatSize(bytes.size()), rowDepth);
            m_writer.open(number, u'{');
            const bool ok = message(bytes, bytesOffset, path, rowDepth + 1);
            m_writer.close(u'}');
            return ok;
        }
        if (text || payload::isValidUtf8(probe, probe.size() < bytes.size())) {
            const QString s = QString::fromUtf8(bytes.first(std::min<qsizetype>(bytes.size(), 4096)));
            m_result.addField(path, u"string"_s, payload::elide(s), rowDepth);
            m_writer.scalar(number, payload::quoteJsonString(payload::elide(s, 1024)));
            return true;
        }
        const QString hex = payload::hexPreview(bytes, 32);
        m_result.addField(path, u"bytes"_s,
                          ProtobufDecoder::tr("%1 (%2)").arg(hex, payload::formatSize(bytes.size())),
                          rowDepth);
        m_writer.scalar(number, u"h'"_s + hex + u"'"_s);
        return true;
    }

    bool guessAllowed(qsizetype size)
    {
        if (m_guessed + size > ProtobufDecoder::GuessBudget) {
            if (!m_warnedBudget) {
                m_warnedBudget = true;
                m_result.truncated = true;
                m_result.addWarning(ProtobufDecoder::tr("Stopped guessing nested messages after "
                                                        "%1; the remaining fields are shown as bytes.")
                                        .arg(payload::formatSize(ProtobufDecoder::GuessBudget)));
            }
            return false;
        }
        m_guessed += size;
        return true;
    }

    DecodedPayload &m_result;
    payload::PrettyWriter m_writer;
    qsizetype m_guessed = 0;
    int m_topLevelFields = 0;
    bool m_warnedGroup = false;
    bool m_warnedBudget = false;
    bool m_stopped = false;
};

} // namespace

bool ProtobufDecoder::looksLikeProtobuf(QByteArrayView payload)
{
    if (payload.isEmpty() || payload::looksLikeText(payload))
        return false;
    return protowire::isWellFormedMessage(payload);
}

DecodedPayload ProtobufDecoder::decode(const QByteArray &payload, const DecodeContext &context)
{
    Q_UNUSED(context);
    DecodedPayload result;
    result.decoderId = Id;
    result.inputSize = payload.size();
    if (payload.isEmpty()) {
        result.ok = true;
        result.summary = tr("Empty protobuf message (every field at its default)");
        return result;
    }

    ProtobufWalker walker(result);
    result.ok = true;
    const bool ok = walker.message(payload, 0, QString(), 0);
    result.text = walker.takeText();
    if (walker.textFull()) {
        result.truncated = true;
        result.addWarning(tr("The text stops after %1.").arg(payload::formatSize(PayloadLimits::MaxTextChars)));
    }
    if (walker.stopped())
        result.addWarning(tr("Decoding stopped at the row limit; later fields are not shown."));
    if (ok)
        result.summary = tr("Protobuf wire format (no schema), %n top-level field(s)", nullptr,
                            walker.topLevelFields());
    else
        result.summary = tr("Malformed protobuf after %n field(s)", nullptr, walker.topLevelFields());
    return result;
}

} // namespace tideline
