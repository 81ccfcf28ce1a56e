#pragma once

#include "core/MessageInbox.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <mqtt/async_client.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace tideline::detail {

// The one object Paho's threads share with an MqttConnection. It owns the route back to the
// owner's thread (a QObject pointer, cut by detach() in the owner's destructor) and the inbox
// messages go to. Paho threads only ever push a message or post a lambda to the owner's
// thread; after detach() both are no-ops, so a late callback is harmless.
class PahoBridge final
{
public:
    PahoBridge(QObject *owner, std::shared_ptr<MessageInbox> inbox);
    PahoBridge(const PahoBridge &) = delete;
    PahoBridge &operator=(const PahoBridge &) = delete;

    // Owner's thread, in its destructor: no more posts or messages from here on.
    void detach();

    // Any thread: runs `fn` later on the owner's thread, unless detached by then.
    void post(std::function<void()> fn);

    // Paho's thread: converts and appends to the inbox. Nothing else.
    void deliver(const mqtt::const_message_ptr &message);

private:
    std::mutex m_mutex; // guards m_owner
    QObject *m_owner;
    std::shared_ptr<MessageInbox> m_inbox;
    std::atomic<bool> m_detached { false };
};

// The outcome of one Paho action (connect, subscribe, unsubscribe, publish), copied out of the
// token on Paho's thread so that only plain data crosses to the owner's thread.
struct ActionResult
{
    mqtt::token::Type type = mqtt::token::CONNECT;
    bool ok = false;
    quint64 context = 0; // our id: connect attempt or publish id
    int returnCode = 0; // Paho C return code (3.1.1 CONNACK code; MQTT 5 reason on some paths)
    int reasonCode = 0; // MQTT 5 reason code (0 or MQTTPP_V3_CODE otherwise)
    QString pahoMessage; // Paho's own text, for the log
    QStringList topics; // subscribe/unsubscribe filters
    QList<int> reasonCodes; // per filter: granted QoS or failure code
    bool sessionPresent = false;
};

ActionResult toActionResult(const mqtt::token &token, bool ok);

// Forwards every action outcome to one handler (which runs on Paho's thread).
class ActionListener final : public mqtt::iaction_listener
{
public:
    using Handler = std::function<void(const mqtt::token &, bool ok)>;
    explicit ActionListener(Handler handler)
        : m_handler(std::move(handler))
    {
    }
    void on_success(const mqtt::token &token) override { m_handler(token, true); }
    void on_failure(const mqtt::token &token) override { m_handler(token, false); }

private:
    Handler m_handler;
};

// Paho message -> our plain message (receive time now). Runs on Paho's thread.
MqttMessage toMqttMessage(const mqtt::message &message, qint64 receivedMs);
// Our publish properties -> MQTT 5 properties (client-to-broker ones only).
mqtt::properties toPahoProperties(const MessageProperties &properties);

// Tokens carry a void* user context; ours is a plain number.
inline void *toContext(quint64 id)
{
    return reinterpret_cast<void *>(static_cast<quintptr>(id));
}
inline quint64 fromContext(void *context)
{
    return static_cast<quint64>(reinterpret_cast<quintptr>(context));
}

} // namespace tideline::detail
