#include "RawPublisher.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace tideline::cli {

namespace {

constexpr int kTimeoutMs = 10000;
// PUBLISH packets are gathered into chunks of this size before a write...
constexpr qsizetype kChunkBytes = 256 * 1024;
// ...and the publisher waits while more than this is queued in the socket, which is the only
// flow control QoS 0 has: TCP's.
constexpr qint64 kMaxUnsentBytes = 4 * 1024 * 1024;

void appendRemainingLength(QByteArray &out, quint32 length)
{
    do {
        quint8 byte = length % 128;
        length /= 128;
        if (length > 0)
            byte |= 0x80;
        out.append(char(byte));
    } while (length > 0);
}

void appendString(QByteArray &out, QByteArrayView text)
{
    out.append(char((text.size() >> 8) & 0xff));
    out.append(char(text.size() & 0xff));
    out.append(text.data(), text.size());
}

QByteArray connectPacket(const QByteArray &clientId, const QByteArray &username,
                         const std::optional<QByteArray> &password)
{
    QByteArray body;
    appendString(body, "MQTT");
    body.append(char(4)); // protocol level: 3.1.1
    quint8 flags = 0x02;  // clean session
    if (!username.isEmpty())
        flags |= 0x80;
    if (password)
        flags |= 0x40;
    body.append(char(flags));
    body.append(char(0)).append(char(0)); // keep alive off: the stream of PUBLISHes is the sign of life
    appendString(body, clientId);
    if (!username.isEmpty())
        appendString(body, username);
    if (password)
        appendString(body, *password);
    QByteArray packet;
    packet.append(char(0x10));
    appendRemainingLength(packet, quint32(body.size()));
    return packet + body;
}

QByteArray generatedClientId()
{
    QByteArray id = "tlbench-";
    for (int i = 0; i < 10; ++i)
        id.append(char('a' + QRandomGenerator::global()->bounded(26)));
    return id;
}

} // namespace

bool RawPublisher::supports(const ConnectionProfile &profile)
{
    return !profile.usesTls() && !profile.usesWebSockets();
}

RawPublisher::Result RawPublisher::run(const ConnectionProfile &profile, const std::optional<QString> &password,
                                       quint64 count, const BenchTraffic &traffic)
{
    Result result;
    const QString endpoint = u"%1:%2"_s.arg(profile.host()).arg(profile.port());
    QTcpSocket socket;
    socket.connectToHost(profile.host(), quint16(profile.port()));
    if (!socket.waitForConnected(kTimeoutMs)) {
        result.error = tr("The benchmark publisher cannot connect to %1: %2").arg(endpoint, socket.errorString());
        return result;
    }
    const QByteArray clientId = profile.clientId.isEmpty() ? generatedClientId() : profile.clientId.toUtf8();
    socket.write(connectPacket(clientId, profile.username.toUtf8(),
                               password ? std::optional<QByteArray>(password->toUtf8()) : std::nullopt));
    while (socket.bytesAvailable() < 4) {
        if (!socket.waitForReadyRead(kTimeoutMs)) {
            result.error = tr("The benchmark publisher got no CONNACK from %1: %2").arg(endpoint, socket.errorString());
            return result;
        }
    }
    const QByteArray connack = socket.read(4);
    if (quint8(connack[0]) != 0x20 || connack[1] != 2) {
        result.error = tr("The benchmark publisher got no CONNACK from %1: %2")
                           .arg(endpoint, QString::fromLatin1(connack.toHex(' ')));
        return result;
    }
    if (const int code = quint8(connack[3]); code != 0) {
        result.error = code == 4 || code == 5
            ? tr("%1 refused the benchmark publisher: wrong username or password, or not authorised.").arg(endpoint)
            : tr("%1 refused the benchmark publisher (CONNACK return code %2).").arg(endpoint).arg(code);
        return result;
    }
    result.connected = true;

    QElapsedTimer clock;
    clock.start();
    QByteArray chunk;
    chunk.reserve(kChunkBytes + 1024);
    char topic[96];
    for (quint64 seq = 1; seq <= count; ++seq) {
        const qsizetype topicLength = traffic.writeTopic(topic, traffic.topicIndexOf(seq - 1));
        chunk.append(char(0x30)); // PUBLISH, QoS 0, no retain
        appendRemainingLength(chunk, quint32(2 + topicLength + traffic.payloadBytes()));
        appendString(chunk, QByteArrayView(topic, topicLength));
        traffic.appendPayload(chunk, seq);
        if (chunk.size() < kChunkBytes && seq < count)
            continue;
        if (socket.write(chunk) != chunk.size()) {
            result.error = tr("The benchmark publisher lost %1: %2").arg(endpoint, socket.errorString());
            return result;
        }
        chunk.clear();
        while (socket.bytesToWrite() > kMaxUnsentBytes) {
            if (!socket.waitForBytesWritten(kTimeoutMs)) {
                result.error = tr("The benchmark publisher lost %1: %2").arg(endpoint, socket.errorString());
                return result;
            }
        }
        result.published = seq;
    }
    socket.write("\xe0\x00", 2); // DISCONNECT
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(kTimeoutMs)) {
            result.error = tr("The benchmark publisher lost %1: %2").arg(endpoint, socket.errorString());
            return result;
        }
    }
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(2000);
    return result;
}

} // namespace tideline::cli
