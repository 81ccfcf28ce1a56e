#pragma once

#include "core/MqttMessage.h"
#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

class QIODevice;

namespace tideline {

// Writes a set of messages to a file an operator can keep, grep or open in a spreadsheet, and
// reads such a file back. Two formats:
//
// JSON Lines (one object per line, UTF-8):
//   {"time":"2025-01-31T12:00:00.123Z","timestampMs":1738324800123,"topic":"a/b","qos":1,
//    "retain":false,"payload":"21.5","properties":{...}}
//   The payload is "payload" (a JSON string) when it is valid UTF-8, otherwise
//   "payloadBase64"; a topic that is not valid UTF-8 is "topicBase64". "properties" is present
//   only for MQTT 5 messages that carried some: contentType, payloadFormatIndicator,
//   responseTopic, correlationDataBase64, userProperties ([{"name":…,"value":…}], order and
//   duplicates kept), messageExpiryInterval, subscriptionIdentifiers, topicAlias.
//
// CSV (RFC 4180: comma separated, CRLF records, fields quoted when needed):
//   time,timestamp_ms,topic,qos,retain,payload_encoding,payload,properties
//   payload_encoding is "utf-8" for text without control characters (tab, CR, LF, FF allowed)
//   and "base64" otherwise; properties is the same JSON object as above, compact, or empty.
//   A topic that is not valid UTF-8 is written with U+FFFD in CSV (MQTT forbids such topics;
//   JSON Lines keeps them exactly).
//
// Reading accepts either format (columns by header name in CSV, unknown keys and columns are
// ignored) and stops at the first malformed record, naming its line.
class HistoryExport final
{
    Q_DECLARE_TR_FUNCTIONS(HistoryExport)

public:
    enum class Format { JsonLines, Csv };

    // Files bigger than this are refused on import: everything is read into memory first.
    static constexpr qint64 MaxImportBytes = qint64(1024) * 1024 * 1024;

    static QByteArray toJsonLine(const MqttMessage &message); // with the trailing '\n'
    static QByteArray csvHeader();                             // with the trailing CRLF
    static QByteArray toCsvRecord(const MqttMessage &message); // with the trailing CRLF

    static QByteArray serialize(const std::vector<MqttMessage> &messages, Format format);
    static Result<std::vector<MqttMessage>> parse(QByteArrayView data, Format format);

    // Streams the messages to `device` (already open for writing).
    static Result<void> write(QIODevice &device, const std::vector<MqttMessage> &messages,
                              Format format);
    // Atomic (QSaveFile): either the whole file is written or the old one stays.
    static Result<void> writeFile(const QString &path, const std::vector<MqttMessage> &messages,
                                  Format format);
    // The format comes from the file name, else from the first bytes.
    static Result<std::vector<MqttMessage>> readFile(const QString &path);

    // .jsonl/.ndjson/.json → JSON Lines, .csv → CSV.
    static std::optional<Format> formatForFileName(const QString &fileName);
    // JSON Lines when the first non-blank byte is '{', CSV otherwise.
    static Format sniff(QByteArrayView head);

    // The properties as the JSON object written in both formats (compact); empty when none.
    static QByteArray propertiesJson(const MessageProperties &properties);
};

} // namespace tideline
