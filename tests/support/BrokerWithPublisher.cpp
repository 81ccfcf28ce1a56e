#include "BrokerWithPublisher.h"

#include "core/MessageInbox.h"

namespace tideline::test {

BrokerWithPublisher::BrokerWithPublisher() = default;

BrokerWithPublisher::~BrokerWithPublisher()
{
    m_publisher.reset();
}

bool BrokerWithPublisher::start(QString *error)
{
    if (!m_broker.start(error))
        return false;
    ConnectionProfile p = ConnectionProfile::fromUrl(m_broker.url()).value();
    p.subscribeSys = false;
    p.subscriptions.clear();
    m_publisher = std::make_unique<MqttConnection>(p, std::make_shared<MessageInbox>());
    m_publisher->open();
    return true;
}

bool BrokerWithPublisher::publish(const QString &topic, const QByteArray &payload, bool retain)
{
    return m_publisher->publish(topic.toUtf8(), payload, 1, retain) != 0;
}

} // namespace tideline::test
