#pragma once

#include "DecodedPayload.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <optional>

namespace tideline {

// JSON view: a validating parse (Qt's parser, after our own nesting check so that a
// 100,000-deep "[[[[…" is refused in one linear scan), then one walk over the original text that
// keeps key order and number literals as published and produces the pretty text and the field
// tree ($.items[2].sku). Syntax errors are reported with line and column.
class JsonDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(JsonDecoder)

public:
    static constexpr QLatin1String Id{"json"};

    static DecodedPayload decode(const QByteArray &payload, const DecodeContext &context = {});

    struct ParseResult
    {
        bool ok = false;
        QJsonValue value;        // any JSON value: top-level scalars are accepted (RFC 8259)
        QString error;           // translated reason, without the "cannot decode:" prefix
        qint64 errorOffset = -1; // byte offset in the input
        int line = 0;            // 1-based position of the error
        int column = 0;          // in characters
        qsizetype start = 0;     // where the value starts (after a BOM and whitespace)
        bool byteOrderMark = false;
    };

    // Parses any JSON value with the nesting and size limits applied first.
    static ParseResult parse(const QByteArray &json, int maxDepth = PayloadLimits::MaxDepth,
                             qsizetype maxSize = PayloadLimits::MaxStructuredInput);

    // Deepest bracket nesting in the text (brackets inside strings do not count). Stops as soon as
    // the depth exceeds limit, storing where in offsetOfExcess.
    static int nestingDepth(QByteArrayView json, int limit, qint64 *offsetOfExcess = nullptr);

    // 1-based line and column (in characters) of a byte offset.
    static void lineColumn(QByteArrayView text, qint64 offset, int *line, int *column);

    // Byte range [first, second) of the value of a top-level member in a valid JSON object
    // (used to keep CloudEvents "data" exactly as published).
    static std::optional<QPair<qsizetype, qsizetype>> memberRange(QByteArrayView json,
                                                                   QStringView key);

    // The characters of a JSON string literal (without its quotes) with escapes resolved.
    static QString unescape(QByteArrayView literalBody);
};

static_assert(PayloadDecoder<JsonDecoder>);

} // namespace tideline
