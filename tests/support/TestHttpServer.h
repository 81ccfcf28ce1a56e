#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QTcpServer;
class QTcpSocket;

namespace tideline::test {

// A small HTTP/1.1 server on 127.0.0.1 and a free port, run by the test's own event loop:
// serves fixed responses per path (an exposition endpoint for a real Prometheus to scrape,
// an error page, garbage JSON) and can hang (accept, read the request, never answer) to test
// timeouts. One request per connection ("Connection: close"). Records what it was asked.
class TestHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestHttpServer)

public:
    struct Response
    {
        int status = 200;
        QByteArray reason = "OK";
        QByteArray contentType = "text/plain; version=0.0.4; charset=utf-8";
        QByteArray body;
        bool hang = false; // never answer; the connection stays open until the client gives up
    };

    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query as sent
        QByteArray path;   // without the query
        QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased
        QByteArray header(const QByteArray &name) const;
    };

    explicit TestHttpServer(QObject *parent = nullptr);
    ~TestHttpServer() override;

    bool listen(QString *error);
    quint16 port() const;
    QString url(const QString &path = {}) const; // http://127.0.0.1:PORT + path

    // The response for requests to `path` (exact, without query); 404 for unknown paths.
    void setResponse(const QByteArray &path, const Response &response);
    static Response text(const QByteArray &body, int status = 200, const QByteArray &reason = "OK");
    static Response json(const QByteArray &body, int status = 200, const QByteArray &reason = "OK");
    static Response hanging();

    QList<Request> requests() const { return m_requests; }
    int requestCount(const QByteArray &path) const;
    // Connections held open by hanging responses that the client has not closed yet.
    int openHangingConnections() const;

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    QHash<QByteArray, Response> m_responses;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_hanging;
    QList<Request> m_requests;
};

} // namespace tideline::test
