#include "PahoBridge.h"

#include <QDateTime>
#include <QMetaObject>

namespace tideline::detail {

PahoBridge::PahoBridge(QObject *owner, std::shared_ptr<MessageInbox> inbox)
    : m_owner(owner)
    , m_inbox(std::move(inbox))
{
}

void PahoBridge::detach()
{
    m_detached.store(true, std::memory_order_release);
    std::lock_guard lock(m_mutex);
    m_owner = nullptr;
}

void PahoBridge::post(std::function<void()> fn)
{
    // Posting under the lock: the owner cannot finish detach() (and be destroyed) between the
    // check and the post. Events already queued die with the owner (~QObject drops them).
    std::lock_guard lock(m_mutex);
    if (m_owner)
        QMetaObject::invokeMethod(m_owner, std::move(fn), Qt::QueuedConnection);
}

void PahoBridge::deliver(const mqtt::const_message_ptr &message)
{
    if (!message || m_detached.load(std::memory_order_acquire))
        return;
    m_inbox->push(toMqttMessage(*message, QDateTime::currentMSecsSinceEpoch()));
}

ActionResult toActionResult(const mqtt::token &token, bool ok)
{
    ActionResult r;
    r.type = token.get_type();
    r.ok = ok;
    r.context = fromContext(token.get_user_context());
    r.returnCode = token.get_return_code();
    r.reasonCode = int(token.get_reason_code());
    if (r.reasonCode == int(mqtt::ReasonCode::MQTTPP_V3_CODE))
        r.reasonCode = 0;
    if (const auto topics = token.get_topics()) {
        for (size_t i = 0; i < topics->size(); ++i)
            r.topics << QString::fromStdString((*topics)[i]);
    }
    // The token is complete here, so these getters do not wait; on failure they throw an
    // exception that carries Paho's message, which the token offers no other way.
    try {
        switch (r.type) {
        case mqtt::token::CONNECT:
            r.sessionPresent = token.get_connect_response().is_session_present();
            break;
        case mqtt::token::SUBSCRIBE: {
            const mqtt::subscribe_response response = token.get_subscribe_response();
            for (const mqtt::ReasonCode code : response.get_reason_codes())
                r.reasonCodes << int(code);
            break;
        }
        case mqtt::token::UNSUBSCRIBE: {
            const mqtt::unsubscribe_response response = token.get_unsubscribe_response();
            for (const mqtt::ReasonCode code : response.get_reason_codes())
                r.reasonCodes << int(code);
            break;
        }
        default:
            if (!ok)
                r.pahoMessage = QString::fromStdString(mqtt::exception::error_str(r.returnCode));
            break;
        }
    } catch (const mqtt::exception &e) {
        r.pahoMessage = QString::fromStdString(e.get_message());
        // A "successful" MQTT 5 SUBACK can still carry a refusal (reason >= 0x80).
        if (ok && e.get_reason_code() >= 0x80) {
            r.ok = false;
            r.reasonCode = e.get_reason_code();
        }
    } catch (const std::exception &e) {
        r.pahoMessage = QString::fromUtf8(e.what());
    }
    return r;
}

MqttMessage toMqttMessage(const mqtt::message &message, qint64 receivedMs)
{
    MqttMessage m;
    const std::string &topic = message.get_topic();
    m.topic = QByteArray(topic.data(), qsizetype(topic.size()));
    const mqtt::binary &payload = message.get_payload();
    m.payload = QByteArray(payload.data(), qsizetype(payload.size()));
    m.timestampMs = receivedMs;
    m.qos = quint8(message.get_qos());
    m.retained = message.is_retained();

    const MQTTProperties &cprops = message.get_properties().c_struct();
    if (cprops.count <= 0 || !cprops.array)
        return m;
    auto props = std::make_shared<MessageProperties>();
    const auto bytes = [](const MQTTLenString &s) {
        return s.data && s.len > 0 ? QByteArray(s.data, s.len) : QByteArray();
    };
    for (int i = 0; i < cprops.count; ++i) {
        const MQTTProperty &p = cprops.array[i];
        switch (p.identifier) {
        case MQTTPROPERTY_CODE_PAYLOAD_FORMAT_INDICATOR:
            props->payloadFormatIndicator = p.value.byte;
            break;
        case MQTTPROPERTY_CODE_MESSAGE_EXPIRY_INTERVAL:
            props->messageExpiryInterval = p.value.integer4;
            break;
        case MQTTPROPERTY_CODE_CONTENT_TYPE:
            props->contentType = QString::fromUtf8(bytes(p.value.data));
            break;
        case MQTTPROPERTY_CODE_RESPONSE_TOPIC:
            props->responseTopic = QString::fromUtf8(bytes(p.value.data));
            break;
        case MQTTPROPERTY_CODE_CORRELATION_DATA:
            props->correlationData = bytes(p.value.data);
            break;
        case MQTTPROPERTY_CODE_SUBSCRIPTION_IDENTIFIER:
            props->subscriptionIdentifiers.append(p.value.integer4);
            break;
        case MQTTPROPERTY_CODE_TOPIC_ALIAS:
            props->topicAlias = p.value.integer2;
            break;
        case MQTTPROPERTY_CODE_USER_PROPERTY:
            props->userProperties.append(
                { QString::fromUtf8(bytes(p.value.data)), QString::fromUtf8(bytes(p.value.value)) });
            break;
        default:
            break;
        }
    }
    if (!props->isEmpty())
        m.properties = std::move(props);
    return m;
}

mqtt::properties toPahoProperties(const MessageProperties &in)
{
    mqtt::properties out;
    const auto str = [](const QString &s) { return s.toStdString(); };
    if (!in.contentType.isEmpty())
        out.add(mqtt::property(mqtt::property::CONTENT_TYPE, str(in.contentType)));
    if (in.payloadFormatIndicator)
        out.add(
            mqtt::property(mqtt::property::PAYLOAD_FORMAT_INDICATOR, int32_t(*in.payloadFormatIndicator)));
    if (!in.responseTopic.isEmpty())
        out.add(mqtt::property(mqtt::property::RESPONSE_TOPIC, str(in.responseTopic)));
    if (!in.correlationData.isEmpty())
        out.add(
            mqtt::property(mqtt::property::CORRELATION_DATA,
                           std::string(in.correlationData.constData(), size_t(in.correlationData.size()))));
    for (const auto &[name, value] : in.userProperties)
        out.add(mqtt::property(mqtt::property::USER_PROPERTY, str(name), str(value)));
    if (in.messageExpiryInterval)
        out.add(mqtt::property(mqtt::property::MESSAGE_EXPIRY_INTERVAL, int32_t(*in.messageExpiryInterval)));
    if (in.topicAlias)
        out.add(mqtt::property(mqtt::property::TOPIC_ALIAS, int32_t(*in.topicAlias)));
    return out;
}

} // namespace tideline::detail
