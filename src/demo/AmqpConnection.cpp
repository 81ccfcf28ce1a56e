#include "AmqpConnection.h"

#include <amqp.h>
#include <amqp_tcp_socket.h>

#include <sys/time.h>

using namespace Qt::StringLiterals;

namespace tideline::demo {

namespace {

amqp_connection_state_t state(void *p)
{
    return static_cast<amqp_connection_state_t>(p);
}

amqp_bytes_t bytes(const QByteArray &b)
{
    return amqp_bytes_t{size_t(b.size()), const_cast<char *>(b.constData())};
}

QString replyText(const amqp_rpc_reply_t &reply)
{
    switch (reply.reply_type) {
    case AMQP_RESPONSE_NORMAL:
        return {};
    case AMQP_RESPONSE_NONE:
        return u"missing RPC reply"_s;
    case AMQP_RESPONSE_LIBRARY_EXCEPTION:
        return QString::fromUtf8(amqp_error_string2(reply.library_error));
    case AMQP_RESPONSE_SERVER_EXCEPTION:
        if (reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD) {
            const auto *m = static_cast<amqp_connection_close_t *>(reply.reply.decoded);
            return u"server closed the connection: %1 %2"_s.arg(m->reply_code)
                .arg(QString::fromUtf8(static_cast<const char *>(m->reply_text.bytes), int(m->reply_text.len)));
        }
        if (reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD) {
            const auto *m = static_cast<amqp_channel_close_t *>(reply.reply.decoded);
            return u"server closed the channel: %1 %2"_s.arg(m->reply_code)
                .arg(QString::fromUtf8(static_cast<const char *>(m->reply_text.bytes), int(m->reply_text.len)));
        }
        return u"server error (method 0x%1)"_s.arg(reply.reply.id, 8, 16, QLatin1Char('0'));
    }
    return u"unknown reply"_s;
}

} // namespace

AmqpConnection::~AmqpConnection()
{
    close();
}

Result<void> AmqpConnection::checkReply(const QString &what)
{
    const amqp_rpc_reply_t reply = amqp_get_rpc_reply(state(m_conn));
    if (reply.reply_type == AMQP_RESPONSE_NORMAL)
        return {};
    return Error{u"demo.amqp"_s, tr("AMQP %1 failed: %2").arg(what, replyText(reply)), replyText(reply)};
}

Result<void> AmqpConnection::open(const AmqpEndpoint &endpoint, int timeoutMs)
{
    close();
    amqp_connection_state_t conn = amqp_new_connection();
    amqp_socket_t *socket = amqp_tcp_socket_new(conn);
    if (!socket) {
        amqp_destroy_connection(conn);
        return Error{u"demo.amqp"_s, tr("Cannot create an AMQP socket."), {}};
    }
    timeval timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    const QByteArray host = endpoint.host.toUtf8();
    const int status = amqp_socket_open_noblock(socket, host.constData(), endpoint.port, &timeout);
    if (status != AMQP_STATUS_OK) {
        amqp_destroy_connection(conn);
        const QString why = QString::fromUtf8(amqp_error_string2(status));
        return Error{u"demo.amqp"_s,
                     tr("Cannot reach RabbitMQ at %1:%2: %3").arg(endpoint.host).arg(endpoint.port).arg(why), why};
    }
    const QByteArray vhost = endpoint.vhost.toUtf8();
    const QByteArray user = endpoint.user.toUtf8();
    const QByteArray password = endpoint.password.toUtf8();
    const amqp_rpc_reply_t login = amqp_login(conn, vhost.constData(), 0, 131072, 30, AMQP_SASL_METHOD_PLAIN,
                                              user.constData(), password.constData());
    if (login.reply_type != AMQP_RESPONSE_NORMAL) {
        const QString why = replyText(login);
        amqp_destroy_connection(conn);
        return Error{u"demo.amqp"_s, tr("RabbitMQ refused the login as %1: %2").arg(endpoint.user, why), why};
    }
    m_conn = conn;
    amqp_channel_open(conn, 1);
    if (auto r = checkReply(u"channel.open"_s); !r) {
        close();
        return r;
    }
    return {};
}

void AmqpConnection::close()
{
    if (!m_conn)
        return;
    amqp_connection_state_t conn = state(m_conn);
    m_conn = nullptr;
    amqp_channel_close(conn, 1, AMQP_REPLY_SUCCESS);
    amqp_connection_close(conn, AMQP_REPLY_SUCCESS);
    amqp_destroy_connection(conn);
}

Result<void> AmqpConnection::declareQueue(const QString &name)
{
    if (!m_conn)
        return Error{u"demo.amqp"_s, tr("Not connected to RabbitMQ."), {}};
    const QByteArray q = name.toUtf8();
    amqp_queue_declare(state(m_conn), 1, bytes(q), /*passive*/ 0, /*durable*/ 1, /*exclusive*/ 0,
                       /*auto_delete*/ 0, amqp_empty_table);
    return checkReply(u"queue.declare"_s);
}

Result<void> AmqpConnection::publish(const QString &queue, const QByteArray &body)
{
    if (!m_conn)
        return Error{u"demo.amqp"_s, tr("Not connected to RabbitMQ."), {}};
    amqp_basic_properties_t props{};
    props._flags = AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG;
    props.content_type = amqp_cstring_bytes("application/json");
    props.delivery_mode = 2; // persistent
    const QByteArray q = queue.toUtf8();
    const int status = amqp_basic_publish(state(m_conn), 1, amqp_empty_bytes, bytes(q), 0, 0, &props, bytes(body));
    if (status != AMQP_STATUS_OK) {
        const QString why = QString::fromUtf8(amqp_error_string2(status));
        return Error{u"demo.amqp"_s, tr("AMQP publish failed: %1").arg(why), why};
    }
    return {};
}

Result<void> AmqpConnection::consume(const QString &queue, int prefetch)
{
    if (!m_conn)
        return Error{u"demo.amqp"_s, tr("Not connected to RabbitMQ."), {}};
    amqp_basic_qos(state(m_conn), 1, 0, quint16(prefetch), 0);
    if (auto r = checkReply(u"basic.qos"_s); !r)
        return r;
    const QByteArray q = queue.toUtf8();
    amqp_basic_consume(state(m_conn), 1, bytes(q), amqp_empty_bytes, /*no_local*/ 0, /*no_ack*/ 0,
                       /*exclusive*/ 0, amqp_empty_table);
    return checkReply(u"basic.consume"_s);
}

Result<std::optional<AmqpConnection::Delivery>> AmqpConnection::next(int timeoutMs)
{
    if (!m_conn)
        return Error{u"demo.amqp"_s, tr("Not connected to RabbitMQ."), {}};
    amqp_connection_state_t conn = state(m_conn);
    amqp_maybe_release_buffers(conn);
    amqp_envelope_t envelope;
    timeval timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    const amqp_rpc_reply_t reply = amqp_consume_message(conn, &envelope, &timeout, 0);
    if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION && reply.library_error == AMQP_STATUS_TIMEOUT)
        return std::optional<Delivery>();
    if (reply.reply_type != AMQP_RESPONSE_NORMAL) {
        const QString why = replyText(reply);
        return Error{u"demo.amqp"_s, tr("AMQP consume failed: %1").arg(why), why};
    }
    Delivery d;
    d.tag = envelope.delivery_tag;
    d.redelivered = envelope.redelivered != 0;
    d.body = QByteArray(static_cast<const char *>(envelope.message.body.bytes), qsizetype(envelope.message.body.len));
    amqp_destroy_envelope(&envelope);
    return std::optional<Delivery>(std::move(d));
}

Result<void> AmqpConnection::ack(quint64 tag)
{
    if (!m_conn)
        return Error{u"demo.amqp"_s, tr("Not connected to RabbitMQ."), {}};
    const int status = amqp_basic_ack(state(m_conn), 1, tag, 0);
    if (status != AMQP_STATUS_OK) {
        const QString why = QString::fromUtf8(amqp_error_string2(status));
        return Error{u"demo.amqp"_s, tr("AMQP ack failed: %1").arg(why), why};
    }
    return {};
}

} // namespace tideline::demo
