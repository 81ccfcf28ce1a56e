#include "TinyProxyProcess.h"

#include "TestServers.h"

#include <QFile>
#include <QRegularExpression>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;

namespace tideline::test {

TinyProxyProcess::TinyProxyProcess() : TinyProxyProcess(Options{}) {}

TinyProxyProcess::TinyProxyProcess(Options options) : m_options(std::move(options)) {}

TinyProxyProcess::~TinyProxyProcess()
{
    stop();
}

QString TinyProxyProcess::url() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_port);
}

qint64 TinyProxyProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString TinyProxyProcess::log() const
{
    QFile f(m_dir.filePath(u"tinyproxy.log"_s));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

namespace {
// "CONNECT   Nov 30 21:56:34.633 [3202]: Request (file descriptor 5): CONNECT vm:39124 HTTP/1.1"
QStringList requestTargets(const QString &log, const QString &method)
{
    static const QRegularExpression line(u"Request \\(file descriptor \\d+\\): (\\S+) (\\S+) HTTP/"_s);
    QStringList out;
    for (auto it = line.globalMatch(log); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(1) == method)
            out << m.captured(2);
    }
    return out;
}
} // namespace

QStringList TinyProxyProcess::connectTargets() const
{
    return requestTargets(log(), u"CONNECT"_s);
}

QStringList TinyProxyProcess::forwardedRequests() const
{
    QStringList out;
    for (const QString &method : {u"GET"_s, u"POST"_s, u"PATCH"_s, u"PUT"_s, u"DELETE"_s})
        out << requestTargets(log(), method);
    return out;
}

bool TinyProxyProcess::writeConfig(QString *error)
{
    // Foreground, loopback only, no PID file and no user switch: as root tinyproxy keeps running
    // as the current user (it warns), which can read this private temp dir.
    QStringList conf{u"Port %1"_s.arg(m_port),
                     u"Listen 127.0.0.1"_s,
                     u"Allow 127.0.0.1"_s,
                     u"Timeout 60"_s,
                     u"MaxClients 50"_s,
                     u"LogFile \"%1\""_s.arg(m_dir.filePath(u"tinyproxy.log"_s)),
                     u"LogLevel Info"_s};
    for (const quint16 p : m_options.connectPorts)
        conf << u"ConnectPort %1"_s.arg(p);
    if (!m_options.basicAuthUser.isEmpty())
        conf << u"BasicAuth %1 %2"_s.arg(m_options.basicAuthUser, m_options.basicAuthPassword);
    QFile f(m_dir.filePath(u"tinyproxy.conf"_s));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = u"cannot write %1"_s.arg(f.fileName());
        return false;
    }
    f.write(conf.join(u'\n').toUtf8() + '\n');
    return true;
}

bool TinyProxyProcess::start(QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    if (!m_dir.isValid()) {
        *error = u"cannot create a temporary directory"_s;
        return false;
    }
    const QString program = findProgram(u"tinyproxy"_s);
    if (program.isEmpty()) {
        *error = u"tinyproxy is not installed (scripts/install-deps installs it)"_s;
        return false;
    }
    if (m_port == 0)
        m_port = freePort();
    if (!writeConfig(error))
        return false;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(program, {u"-d"_s, u"-c"_s, m_dir.filePath(u"tinyproxy.conf"_s)});
    if (!m_process->waitForStarted(5000)) {
        *error = u"tinyproxy did not start: %1"_s.arg(m_process->errorString());
        return false;
    }
    if (!waitForPort(m_port, 10000)) {
        m_process->waitForFinished(100);
        *error = u"tinyproxy did not listen on %1: %2 %3"_s.arg(m_port).arg(
            QString::fromLocal8Bit(m_process->readAll()), log());
        stop();
        return false;
    }
    return true;
}

void TinyProxyProcess::stop()
{
    demo::stopProcess(m_process.get());
    m_process.reset();
}

} // namespace tideline::test
