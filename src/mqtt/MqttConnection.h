#pragma once

#include "core/MessageInbox.h"
#include "mqtt/ConnectionProfile.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace tideline {

class MqttConnectionPrivate;

// One MQTT client connection (Paho async C++ client) feeding a MessageInbox.
//
// Threads: Paho calls back on its own threads. Those callbacks only (a) push messages into the
// inbox and (b) post state changes to this object's thread with a queued invokeMethod through a
// shared, mutex-guarded bridge that is cut in the destructor. Nothing here blocks the GUI thread:
// connect, subscribe, publish and disconnect are asynchronous.
//
// Reconnect: on a lost connection or a failed attempt, waits with capped exponential backoff
// (profile.reconnectMinSeconds doubling up to reconnectMaxSeconds), then reconnects and
// restores every subscription. A failure that retrying cannot fix (bad credentials, not
// authorised, TLS verification failure, unknown host) goes to Failed and stops retrying.
//
// Socket: on every successful connect, Nagle's algorithm is turned off on Paho's socket
// (detail::disableNagle), so small publishes and acknowledgements are not held back.
class MqttConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MqttConnection)

public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting, Failed };
    Q_ENUM(State)

    MqttConnection(ConnectionProfile profile, std::shared_ptr<MessageInbox> inbox,
                   QObject *parent = nullptr);
    ~MqttConnection() override;

    const ConnectionProfile &profile() const;
    // Secrets come from the keychain just before open(); they are never stored elsewhere.
    void setPassword(const QString &password);
    void setKeyPassphrase(const QString &passphrase);

    void open();  // connect (and keep reconnecting per profile)
    void close(); // disconnect, stop reconnecting

    // Adds the subscription (kept and restored on reconnect); sends it now when connected.
    void subscribe(const Subscription &subscription);
    void unsubscribe(const QString &filter);
    QList<Subscription> subscriptions() const;

    // Publishes asynchronously; publishFinished(id, ...) reports the outcome (QoS 0: when
    // handed to the network). Returns 0 and emits nothing when not connected.
    quint64 publish(const QByteArray &topic, const QByteArray &payload, int qos, bool retain,
                    const MessageProperties &properties = {});

    State state() const;
    // "Connecting…", "Connected", "Reconnecting in 4 s", "Failed: wrong username or password".
    QString stateText() const;
    QString lastError() const;       // translated, empty when none
    // Stable code of lastError() ("mqtt.auth", "mqtt.tls", "mqtt.refused", ...), empty when none.
    QString lastErrorCode() const;
    int secondsUntilReconnect() const; // -1 when not waiting
    QString clientId() const;        // the one actually used

    static QString stateName(State state);

Q_SIGNALS:
    void stateChanged(tideline::MqttConnection::State state);
    void errorOccurred(const QString &message); // translated, specific
    void subscribed(const QString &filter, int grantedQos);
    void subscribeFailed(const QString &filter, const QString &reason);
    void publishFinished(quint64 id, bool ok, const QString &error);
    // Once a second while waiting to reconnect (seconds left), and -1 when the wait ends.
    void reconnectCountdownChanged(int seconds);

private:
    std::unique_ptr<MqttConnectionPrivate> d;
    friend class MqttConnectionPrivate;
};

} // namespace tideline
