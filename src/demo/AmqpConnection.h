#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace tideline::demo {

struct AmqpEndpoint
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 5672;
    QString user = QStringLiteral("guest");
    QString password = QStringLiteral("guest");
    QString vhost = QStringLiteral("/");
};

// One blocking AMQP 0-9-1 connection with one channel, over rabbitmq-c (librabbitmq).
// Used by the demo's storefront and workers, each on its own thread; never on the GUI thread.
// Not thread-safe: one thread owns an instance.
class AmqpConnection final
{
    Q_DECLARE_TR_FUNCTIONS(AmqpConnection)
public:
    struct Delivery
    {
        quint64 tag = 0;
        QByteArray body;
        bool redelivered = false;
    };

    AmqpConnection() = default;
    ~AmqpConnection();
    AmqpConnection(const AmqpConnection &) = delete;
    AmqpConnection &operator=(const AmqpConnection &) = delete;

    Result<void> open(const AmqpEndpoint &endpoint, int timeoutMs = 5000);
    void close();
    bool isOpen() const { return m_conn != nullptr; }

    // A durable queue; declaring an existing one with the same arguments is a no-op.
    Result<void> declareQueue(const QString &name);
    // Persistent message to the default exchange, routed to queue `queue`.
    Result<void> publish(const QString &queue, const QByteArray &body);
    // Starts consuming with at most `prefetch` unacknowledged messages.
    Result<void> consume(const QString &queue, int prefetch);
    // Waits up to timeoutMs for the next delivery: nullopt on timeout; an error when the
    // connection broke.
    Result<std::optional<Delivery>> next(int timeoutMs);
    Result<void> ack(quint64 tag);

private:
    Result<void> checkReply(const QString &what);

    void *m_conn = nullptr; // amqp_connection_state_t, kept opaque so the header needs no amqp.h
};

} // namespace tideline::demo
