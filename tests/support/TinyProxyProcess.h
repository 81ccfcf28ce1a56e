#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace tideline::test {

// A real tinyproxy (Debian's `tinyproxy`, an HTTP proxy with CONNECT) on 127.0.0.1 and a free
// port, in the foreground (-d) with its config and log in a temp dir, stopped by PID in the
// destructor. Tests must QVERIFY2(start(&err), ...): never skip.
class TinyProxyProcess final
{
public:
    struct Options
    {
        QList<quint16> connectPorts;    // ports CONNECT may reach; empty: tinyproxy's default (all)
        QString basicAuthUser;          // with a password: every request needs Proxy-Authorization
        QString basicAuthPassword;
    };

    TinyProxyProcess();
    explicit TinyProxyProcess(Options options);
    ~TinyProxyProcess();
    TinyProxyProcess(const TinyProxyProcess &) = delete;
    TinyProxyProcess &operator=(const TinyProxyProcess &) = delete;

    bool start(QString *error);
    void stop();                        // SIGTERM by PID, then SIGKILL after 5 s

    quint16 port() const { return m_port; }
    QString url() const;                // http://127.0.0.1:PORT
    qint64 pid() const;
    QString log() const;
    // The targets of the CONNECT requests tinyproxy logged ("kube.example:6443"), in order.
    QStringList connectTargets() const;
    // The absolute URIs of plain proxied requests (GET http://...), in order.
    QStringList forwardedRequests() const;

private:
    bool writeConfig(QString *error);

    Options m_options;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

} // namespace tideline::test
