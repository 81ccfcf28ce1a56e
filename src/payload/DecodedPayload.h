#pragma once

#include "core/MqttMessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1String>
#include <QList>
#include <QSize>
#include <QString>

#include <concepts>
#include <memory>

namespace tideline {

// Hard limits shared by every decoder. A payload can be 256 MB (the MQTT maximum); the GUI thread
// must still get an answer in milliseconds, so every decoder caps its work and says when it did.
namespace PayloadLimits {
inline constexpr qsizetype MaxTextChars = 4 * 1024 * 1024;   // pretty text rendering
inline constexpr qsizetype MaxFields = 20000;                // tree/table rows
inline constexpr qsizetype MaxWarnings = 100;
inline constexpr int MaxDepth = 512;                         // nesting of JSON/CBOR/msgpack
inline constexpr qsizetype MaxValueChars = 256;              // one value cell
inline constexpr qsizetype MaxStructuredInput = 32 * 1024 * 1024; // JSON/CBOR/msgpack/protobuf parse
inline constexpr qsizetype DetectPrefix = 64 * 1024;         // bytes detect() looks at
inline constexpr qsizetype DetectParseLimit = 1024 * 1024;   // detect() fully parses up to this
} // namespace PayloadLimits

// Everything an operator needs to see about one payload as one decoder understood it.
// A plain value: built on any thread, rendered by the UI later.
struct DecodedPayload
{
    struct Field
    {
        QString path;   // "$.items[2].sku", "1.3" (protobuf field numbers), "metrics[0].value"
        QString type;   // the format's own vocabulary ("number", "varint", "Int32"): not translated
        QString value;  // display text, at most PayloadLimits::MaxValueChars
        int depth = 0;  // 0 = the root value
    };

    struct Warning
    {
        QString message;     // translated, complete sentence
        qint64 offset = -1;  // byte offset in the payload when the warning is about one spot
        qint64 length = 0;   // bytes concerned
    };

    // A CloudEvents context attribute (or any other named header-like value).
    struct Attribute
    {
        enum class Kind { Required, Optional, Extension };
        QString name;
        QString value;
        Kind kind = Kind::Extension;
    };

    QString decoderId;
    bool ok = false;
    QString error;             // "cannot decode: <why>" (translated); empty when ok
    QString summary;           // one line
    QString text;              // pretty rendering, at most PayloadLimits::MaxTextChars
    QList<Field> fields;       // at most PayloadLimits::MaxFields
    QList<Warning> warnings;   // at most PayloadLimits::MaxWarnings (+1 "and N more")
    bool truncated = false;    // some work was capped; a warning says what
    bool fieldsCapped = false; // the row limit was reached
    qint64 inputSize = 0;

    // JSON (and anything else with a text position): 1-based; 0 when not applicable.
    int errorLine = 0;
    int errorColumn = 0;
    qint64 errorOffset = -1;   // byte offset of an error, also for binary formats

    // Images.
    QString imageFormat;       // "png", "jpeg", "gif", "webp"
    QSize imageSize;

    // CloudEvents.
    QString contentMode;       // "structured" or "binary"
    QList<Attribute> attributes;

    // Bytes this decoder unwrapped (base64 → decoded bytes, CloudEvents → data) and their own
    // decoding when one applies.
    QByteArray innerBytes;
    std::shared_ptr<const DecodedPayload> inner;

    // Builders that keep the bounded-list rules in one place.
    void addWarning(const QString &message, qint64 offset = -1, qint64 length = 0);
    // False once further warnings would be dropped: loops check it before formatting one.
    bool acceptsWarnings() const { return warnings.size() <= PayloadLimits::MaxWarnings; }
    // Returns false (and marks the result truncated) once the row limit is reached.
    bool addField(const QString &path, const QString &type, const QString &value, int depth);
    void fail(const QString &reason, qint64 offset = -1);

    static DecodedPayload failure(QLatin1String decoderId, const QString &reason,
                                  qsizetype inputSize);
};

// Where a payload came from: decoders that care (CloudEvents binary mode, Sparkplug, content-type
// hints) look here; the others ignore it.
struct DecodeContext
{
    QString topic;
    const MessageProperties *properties = nullptr;
};

// The shape every decoder has: a stable id and a pure function from bytes to a DecodedPayload.
template<typename D>
concept PayloadDecoder = requires(const QByteArray &payload, const DecodeContext &context) {
    { D::Id } -> std::convertible_to<QLatin1String>;
    { D::decode(payload, context) } -> std::same_as<DecodedPayload>;
};

namespace payload {
// Helpers shared by the decoders (DecodedPayload.cpp).

// Shortens a display value to PayloadLimits::MaxValueChars with an ellipsis.
QString elide(const QString &value, qsizetype maxChars = PayloadLimits::MaxValueChars);
// "48 65 6c …" for the first maxBytes bytes.
QString hexPreview(QByteArrayView bytes, qsizetype maxBytes = 32);
// "1.5 MiB", "312 bytes".
QString formatSize(qint64 bytes);
// One step of UTF-8 decoding at p (remaining > 0). On an invalid sequence, length is the
// maximal subpart to replace with one U+FFFD (Unicode chapter 3, "U+FFFD substitution").
struct Utf8Step
{
    char32_t codePoint = 0;
    int length = 1;
    bool valid = false;
    bool truncatedAtEnd = false; // a valid prefix of a sequence cut by the end of the input
};
Utf8Step utf8Step(const uchar *p, qsizetype remaining);
// True if the bytes are valid UTF-8 (an incomplete sequence at the very end is accepted when
// allowTruncatedTail, for prefixes of a longer payload).
bool isValidUtf8(QByteArrayView bytes, bool allowTruncatedTail = false);
// Valid UTF-8 without C0 control characters other than tab, newline, carriage return, form feed.
bool looksLikeText(QByteArrayView bytes, bool allowTruncatedTail = false);
// Strips media type parameters and lower-cases: "Application/JSON; charset=utf-8" → "application/json".
QString mediaType(const QString &contentType);
// */json or */*+json (CloudEvents JSON format, section 3.1.1).
bool isJsonMediaType(const QString &contentType);
} // namespace payload

} // namespace tideline
