#include "SocketTuning.h"

#include "core/Logging.h"

#include <QDir>
#include <QHostAddress>

#if defined(Q_OS_LINUX)
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

namespace tideline::detail {

int disableNagle(const QString &host, quint16 port)
{
#if defined(Q_OS_LINUX)
    QString bare = host;
    if (bare.startsWith(u'[') && bare.endsWith(u']'))
        bare = bare.mid(1, bare.size() - 2);
    const QHostAddress wanted(bare);
    int changed = 0;
    const QStringList fds = QDir(u"/proc/self/fd"_s).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : fds) {
        bool ok = false;
        const int fd = name.toInt(&ok);
        if (!ok)
            continue;
        struct stat info {};
        if (fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode))
            continue;
        int type = 0;
        socklen_t typeLength = sizeof(type);
        if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &typeLength) != 0 || type != SOCK_STREAM)
            continue;
        sockaddr_storage peer {};
        socklen_t peerLength = sizeof(peer);
        if (getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerLength) != 0)
            continue;
        if (peer.ss_family != AF_INET && peer.ss_family != AF_INET6)
            continue; // unix sockets (D-Bus, X11) have no Nagle to turn off
        QHostAddress address;
        quint16 peerPort = 0;
        address.setAddress(reinterpret_cast<const sockaddr *>(&peer));
        if (peer.ss_family == AF_INET)
            peerPort = ntohs(reinterpret_cast<const sockaddr_in *>(&peer)->sin_port);
        else
            peerPort = ntohs(reinterpret_cast<const sockaddr_in6 *>(&peer)->sin6_port);
        if (peerPort != port || (!wanted.isNull() && !address.isEqual(wanted, QHostAddress::TolerantConversion)))
            continue;
        int on = 1;
        int current = 0;
        socklen_t currentLength = sizeof(current);
        if (getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &current, &currentLength) == 0 && current != 0)
            continue;
        if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on)) == 0)
            ++changed;
    }
    if (changed > 0)
        qCDebug(lcMqtt).noquote() << "TCP_NODELAY set on" << changed << "socket(s) to" << host << port;
    return changed;
#else
    Q_UNUSED(host);
    Q_UNUSED(port);
    return 0;
#endif
}

} // namespace tideline::detail
