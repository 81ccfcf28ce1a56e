// A test's own MQTT client: a real MqttConnection, its inbox, and what it has received so far;
// and a one-line way to build the MqttMessage values tests publish or replay.
#pragma once

#include "core/MessageInbox.h"
#include "core/MqttMessage.h"
#include "mqtt/MqttConnection.h"

#include <memory>
#include <vector>

namespace tideline::test {

struct MqttTestClient
{
    std::shared_ptr<MessageInbox> inbox = std::make_shared<MessageInbox>();
    std::unique_ptr<MqttConnection> connection;
    std::vector<MqttMessage> received;

    // Moves what arrived into `received`; returns how many messages that makes.
    size_t drain()
    {
        std::vector<MqttMessage> batch;
        inbox->takeAll(batch);
        for (MqttMessage &m : batch)
            received.push_back(std::move(m));
        return received.size();
    }
};

inline MqttMessage testMessage(const QByteArray &topic, const QByteArray &payload, qint64 timestampMs, quint8 qos,
                               bool retained = false,
                               std::shared_ptr<const MessageProperties> properties = nullptr)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.timestampMs = timestampMs;
    m.qos = qos;
    m.retained = retained;
    m.properties = std::move(properties);
    return m;
}

} // namespace tideline::test
