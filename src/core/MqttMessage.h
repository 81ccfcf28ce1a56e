#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

namespace tideline {

// MQTT 5 publish properties as received (or to be sent). Absent for MQTT 3.1.1.
struct MessageProperties
{
    QString contentType;
    std::optional<quint8> payloadFormatIndicator; // 0 = unspecified bytes, 1 = UTF-8
    QString responseTopic;
    QByteArray correlationData;
    QList<QPair<QString, QString>> userProperties;
    std::optional<quint32> messageExpiryInterval; // seconds
    QList<quint32> subscriptionIdentifiers;
    std::optional<quint16> topicAlias;

    bool isEmpty() const
    {
        return contentType.isEmpty() && !payloadFormatIndicator && responseTopic.isEmpty()
            && correlationData.isEmpty() && userProperties.isEmpty() && !messageExpiryInterval
            && subscriptionIdentifiers.isEmpty() && !topicAlias;
    }
};

// One message as it travels from the network thread to the GUI thread.
// Plain data only: built on Paho's thread, never touches a QObject.
struct MqttMessage
{
    QByteArray topic;   // raw bytes as on the wire (UTF-8 by spec, but never trusted)
    QByteArray payload;
    qint64 timestampMs = 0; // receive time, ms since the epoch
    quint8 qos = 0;
    bool retained = false;
    std::shared_ptr<const MessageProperties> properties; // null when none
};

} // namespace tideline
