#pragma once

// The servers themselves live in the core (the demo environment starts them too); the tests
// keep using them under tideline::test.
#include "demo/LocalServers.h"

#include <memory>

class QWebSocketServer;

namespace tideline::test {

using tideline::demo::findProgram;
using tideline::demo::freePort;
using tideline::demo::MosquittoProcess;
using tideline::demo::waitForPort;

// Speaks WebSocket on 127.0.0.1:port() and relays binary frames to and from a TCP port on
// 127.0.0.1 (a plain mosquitto listener), so ws:// clients can be tested where mosquitto's own
// websockets listener is unavailable. One TCP connection per WebSocket client.
class WebSocketBridge final
{
public:
    explicit WebSocketBridge(quint16 targetPort);
    ~WebSocketBridge();
    WebSocketBridge(const WebSocketBridge &) = delete;
    WebSocketBridge &operator=(const WebSocketBridge &) = delete;

    bool start(QString *error);
    quint16 port() const;
    int acceptedConnections() const { return m_accepted; }

private:
    quint16 m_target;
    int m_accepted = 0;
    std::unique_ptr<QWebSocketServer> m_server;
};

} // namespace tideline::test
