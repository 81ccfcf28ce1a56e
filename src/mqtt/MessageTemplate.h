#pragma once

#include "core/MqttMessage.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace tideline {

// One message ready for MqttConnection::publish().
struct OutgoingMessage
{
    QByteArray topic;
    QByteArray payload;
    int qos = 0;
    bool retain = false;
    MessageProperties properties; // ignored on MQTT 3.1.1 connections
};

// A message to publish as the operator describes it: topic, QoS, retain, the payload as typed
// (text, JSON, hex, base64, or the path of a file) and the MQTT 5 publish properties. Saved per
// connection (TemplateStore) and turned into bytes by prepare(). Placeholders ({{seq}}, {{uuid}},
// {{now}}; see PlaceholderExpander) are kept as typed and expanded per message in the topic,
// text and JSON payloads, user property values, the response topic and the correlation data.
struct MessageTemplate
{
    Q_DECLARE_TR_FUNCTIONS(MessageTemplate)

public:
    enum class PayloadFormat { Text, Json, Hex, Base64, File };

    QString name;
    QString topic;
    int qos = 0;
    bool retain = false;
    PayloadFormat payloadFormat = PayloadFormat::Text;
    QString payload; // as typed; the file's path for PayloadFormat::File
    // Client-to-broker properties only: content type, payload format indicator, response topic,
    // correlation data, user properties, message expiry. Others are dropped when saved.
    MessageProperties properties;

    bool operator==(const MessageTemplate &other) const;

    // {"name", "topic", "qos", "retain", "payload_format", "payload", "properties": {...}}.
    QJsonObject toJson() const;
    // Refuses what it cannot represent faithfully (unknown format, QoS 5, wrong types); the
    // error's code is "template.invalid".
    static Result<MessageTemplate> fromJson(const QJsonObject &object);

    static QString formatKey(PayloadFormat format); // "text", "json", "hex", "base64", "file"
    static std::optional<PayloadFormat> formatFromKey(QStringView key);

    // What an editor shows under the payload: valid or not, where the problem is, the size.
    struct PayloadCheck
    {
        bool ok = false;
        QString message;    // translated; the problem, or a short confirmation
        int line = 0;       // 1-based position of the problem in the text (JSON, hex, base64)
        int column = 0;
        qint64 bytes = -1;  // payload size when known
    };
    // JSON is checked with every placeholder replaced by a sample value, and the position of an
    // error is given in the text as typed. Hex ignores white space; base64 accepts the URL-safe
    // alphabet and missing padding. File checks that the file can be read.
    static PayloadCheck checkPayload(PayloadFormat format, const QString &text);

    // The payload bytes before placeholders: text and JSON as UTF-8, hex and base64 decoded, a
    // file read whole. Errors: "template.payload" (bad hex, base64 or JSON), "template.file".
    Result<QByteArray> payloadBytes() const;
    // Whether placeholders in the payload are expanded (text and JSON only: other formats are
    // bytes and are sent exactly).
    bool payloadExpands() const;
};

// A MessageTemplate checked and encoded once, rendered cheaply for each message of a burst.
class PreparedMessage final
{
    Q_DECLARE_TR_FUNCTIONS(PreparedMessage)

public:
    // Validates the topic, QoS and payload; reads a file payload. Error codes:
    // "template.topic", "template.qos", "template.payload", "template.file".
    static Result<PreparedMessage> prepare(const MessageTemplate &messageTemplate);

    // Fills `out` for message number `seq` (1-based), one placeholder value set per message.
    void render(quint64 seq, OutgoingMessage &out) const;
    OutgoingMessage render(quint64 seq) const;

    int qos() const { return m_qos; }
    bool retain() const { return m_retain; }
    qsizetype payloadSize() const { return m_payload.size(); }

private:
    PreparedMessage() = default;

    QByteArray m_topic;
    QByteArray m_payload;
    MessageProperties m_properties;
    int m_qos = 0;
    bool m_retain = false;
    bool m_expandTopic = false;
    bool m_expandPayload = false;
    bool m_expandProperties = false;
};

} // namespace tideline
