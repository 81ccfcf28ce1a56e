#include "TestServers.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

namespace tideline::test {

WebSocketBridge::WebSocketBridge(quint16 targetPort) : m_target(targetPort) {}

WebSocketBridge::~WebSocketBridge() = default;

bool WebSocketBridge::start(QString *error)
{
    m_server = std::make_unique<QWebSocketServer>(QStringLiteral("tideline-test-bridge"),
                                                  QWebSocketServer::NonSecureMode);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = QStringLiteral("WebSocket bridge cannot listen: %1").arg(m_server->errorString());
        return false;
    }
    QWebSocketServer *server = m_server.get();
    QObject::connect(server, &QWebSocketServer::newConnection, server, [this, server] {
        while (QWebSocket *ws = server->nextPendingConnection()) {
            ++m_accepted;
            auto *tcp = new QTcpSocket(ws); // written to while still connecting: Qt buffers it
            QObject::connect(ws, &QWebSocket::binaryMessageReceived, tcp,
                             [tcp](const QByteArray &data) {
                                 if (tcp->isOpen())
                                     tcp->write(data);
                             });
            QObject::connect(tcp, &QTcpSocket::readyRead, ws, [ws, tcp] { ws->sendBinaryMessage(tcp->readAll()); });
            QObject::connect(tcp, &QTcpSocket::disconnected, ws, [ws] { ws->close(); });
            QObject::connect(ws, &QWebSocket::disconnected, ws, [ws, tcp] {
                tcp->abort();
                ws->deleteLater();
            });
            tcp->connectToHost(QHostAddress::LocalHost, m_target);
        }
    });
    return true;
}

quint16 WebSocketBridge::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

} // namespace tideline::test
