#pragma once

#include "TestServers.h"

#include "mqtt/MqttConnection.h"

#include <memory>

namespace tideline::test {

// A mosquitto of the test's own and one client of it that publishes the test's messages (it
// subscribes to nothing, not even $SYS). The client goes before the broker stops.
class BrokerWithPublisher final
{
public:
    BrokerWithPublisher();
    ~BrokerWithPublisher();
    BrokerWithPublisher(const BrokerWithPublisher &) = delete;
    BrokerWithPublisher &operator=(const BrokerWithPublisher &) = delete;

    // Starts mosquitto and opens the client; the test waits for publisher() to be Connected.
    bool start(QString *error);

    const MosquittoProcess &broker() const { return m_broker; }
    MqttConnection &publisher() { return *m_publisher; }

    // Publishes with QoS 1; false when the client did not take the message.
    bool publish(const QString &topic, const QByteArray &payload, bool retain);

private:
    MosquittoProcess m_broker;
    std::unique_ptr<MqttConnection> m_publisher;
};

} // namespace tideline::test
