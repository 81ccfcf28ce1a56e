#include "TestHttpServer.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace tideline::test {

QByteArray TestHttpServer::Request::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &[key, value] : headers) {
        if (key == lower)
            return value;
    }
    return {};
}

TestHttpServer::TestHttpServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &TestHttpServer::onNewConnection);
}

TestHttpServer::~TestHttpServer()
{
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_hanging)) {
        if (socket)
            socket->abort();
    }
}

bool TestHttpServer::listen(QString *error)
{
    if (m_server->listen(QHostAddress::LocalHost, 0))
        return true;
    if (error)
        *error = QStringLiteral("test HTTP server cannot listen: %1").arg(m_server->errorString());
    return false;
}

quint16 TestHttpServer::port() const
{
    return m_server->serverPort();
}

QString TestHttpServer::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

void TestHttpServer::setResponse(const QByteArray &path, const Response &response)
{
    m_responses.insert(path, response);
}

TestHttpServer::Response TestHttpServer::text(const QByteArray &body, int status, const QByteArray &reason)
{
    Response r;
    r.status = status;
    r.reason = reason;
    r.body = body;
    return r;
}

TestHttpServer::Response TestHttpServer::json(const QByteArray &body, int status, const QByteArray &reason)
{
    Response r = text(body, status, reason);
    r.contentType = "application/json";
    return r;
}

TestHttpServer::Response TestHttpServer::hanging()
{
    Response r;
    r.hang = true;
    return r;
}

int TestHttpServer::requestCount(const QByteArray &path) const
{
    int n = 0;
    for (const Request &r : m_requests)
        n += r.path == path ? 1 : 0;
    return n;
}

int TestHttpServer::openHangingConnections() const
{
    int n = 0;
    for (const QPointer<QTcpSocket> &socket : m_hanging)
        n += socket && socket->state() == QAbstractSocket::ConnectedState ? 1 : 0;
    return n;
}

void TestHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void TestHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return; // headers not complete yet (GET requests only: a body is never read)
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    buffer.clear();
    Request request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    const qsizetype q = request.target.indexOf('?');
    request.path = q < 0 ? request.target : request.target.left(q);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    m_requests.append(request);

    Response response;
    if (auto it = m_responses.constFind(request.path); it != m_responses.cend())
        response = *it;
    else
        response = text("not found\n", 404, "Not Found");
    if (response.hang) {
        m_hanging.append(socket);
        return;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + response.reason + "\r\n";
    out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    out += response.body;
    socket->write(out);
    socket->disconnectFromHost();
}

} // namespace tideline::test
