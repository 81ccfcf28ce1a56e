#include "LocalServers.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace tideline::demo {

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

bool waitForPort(quint16 port, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(200)) {
            socket.disconnectFromHost();
            return true;
        }
        QThread::msleep(50);
    }
    return false;
}

void stopProcess(QProcess *process, int graceMs, int killWaitMs)
{
    if (!process || process->state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(process->processId()), SIGTERM);
    if (!process->waitForFinished(graceMs)) {
        ::kill(pid_t(process->processId()), SIGKILL);
        process->waitForFinished(killWaitMs);
    }
}

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"),
                                                      QStringLiteral("/usr/lib/rabbitmq/bin")});
    return path;
}

static bool runTool(const QString &program, const QStringList &args, const QString &workDir,
                    QString *error)
{
    QProcess p;
    p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 %2 failed: %3").arg(program, args.join(QLatin1Char(' ')),
                                                           QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    return true;
}

MosquittoProcess::MosquittoProcess() : MosquittoProcess(Options{}) {}

MosquittoProcess::MosquittoProcess(Options options) : m_options(std::move(options)) {}

MosquittoProcess::~MosquittoProcess()
{
    stop();
}

QString MosquittoProcess::url() const
{
    if (m_options.tls)
        return QStringLiteral("mqtts://localhost:%1").arg(m_port);
    return QStringLiteral("mqtt://127.0.0.1:%1").arg(m_port);
}

qint64 MosquittoProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

bool MosquittoProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString MosquittoProcess::log() const
{
    QFile f(m_dir.filePath(QStringLiteral("mosquitto.log")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

QString MosquittoProcess::caFile() const { return m_dir.filePath(QStringLiteral("ca.crt")); }
QString MosquittoProcess::clientCertFile() const { return m_dir.filePath(QStringLiteral("client.crt")); }
QString MosquittoProcess::clientKeyFile() const { return m_dir.filePath(QStringLiteral("client.key")); }

bool MosquittoProcess::generatePki(QString *error)
{
    const QString openssl = findProgram(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        *error = QStringLiteral("openssl not found");
        return false;
    }
    const QString d = m_dir.path();
    // A throwaway CA, a server cert for localhost/127.0.0.1, and a client cert.
    QFile ext(m_dir.filePath(QStringLiteral("server.ext")));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    ext.close();
    const QList<QStringList> steps = {
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
         QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
         QStringLiteral("/CN=Tideline Test CA"), QStringLiteral("-keyout"), QStringLiteral("ca.key"),
         QStringLiteral("-out"), QStringLiteral("ca.crt")},
        {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
         QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-keyout"),
         QStringLiteral("server.key"), QStringLiteral("-out"), QStringLiteral("server.csr")},
        {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
         QStringLiteral("-CA"), QStringLiteral("ca.crt"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
         QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
         QStringLiteral("-extfile"), QStringLiteral("server.ext"), QStringLiteral("-out"), QStringLiteral("server.crt")},
        {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
         QStringLiteral("-subj"), QStringLiteral("/CN=tideline-test-client"), QStringLiteral("-keyout"),
         QStringLiteral("client.key"), QStringLiteral("-out"), QStringLiteral("client.csr")},
        {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("client.csr"),
         QStringLiteral("-CA"), QStringLiteral("ca.crt"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
         QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
         QStringLiteral("-out"), QStringLiteral("client.crt")},
    };
    for (const QStringList &args : steps) {
        if (!runTool(openssl, args, d, error))
            return false;
    }
    return true;
}

bool MosquittoProcess::writeConfig(QString *error)
{
    QStringList conf;
    // As root mosquitto would drop to user "mosquitto", who cannot read this private temp dir.
    if (::geteuid() == 0)
        conf << QStringLiteral("user root");
    conf << QStringLiteral("persistence false")
         << QStringLiteral("log_dest file %1").arg(m_dir.filePath(QStringLiteral("mosquitto.log")))
         << QStringLiteral("log_type all")
         << QStringLiteral("sys_interval %1").arg(m_options.sysIntervalSeconds)
         << QStringLiteral("listener %1 127.0.0.1").arg(m_port)
         << QStringLiteral("allow_anonymous %1").arg(m_options.allowAnonymous ? QStringLiteral("true")
                                                                               : QStringLiteral("false"));
    if (!m_options.username.isEmpty()) {
        const QString pwFile = m_dir.filePath(QStringLiteral("passwd"));
        const QString tool = findProgram(QStringLiteral("mosquitto_passwd"));
        if (tool.isEmpty()) {
            *error = QStringLiteral("mosquitto_passwd not found");
            return false;
        }
        QFile::remove(pwFile);
        if (!runTool(tool, {QStringLiteral("-c"), QStringLiteral("-b"), pwFile, m_options.username,
                            m_options.password}, m_dir.path(), error))
            return false;
        conf << QStringLiteral("password_file %1").arg(pwFile);
    }
    if (m_options.tls) {
        conf << QStringLiteral("cafile %1").arg(caFile())
             << QStringLiteral("certfile %1").arg(m_dir.filePath(QStringLiteral("server.crt")))
             << QStringLiteral("keyfile %1").arg(m_dir.filePath(QStringLiteral("server.key")))
             << QStringLiteral("require_certificate %1").arg(m_options.requireClientCert ? QStringLiteral("true")
                                                                                          : QStringLiteral("false"));
    }
    conf << m_options.extraConfig;
    QFile f(m_dir.filePath(QStringLiteral("mosquitto.conf")));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1").arg(f.fileName());
        return false;
    }
    f.write(conf.join(QLatin1Char('\n')).toUtf8() + '\n');
    return true;
}

bool MosquittoProcess::start(QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    const QString program = findProgram(QStringLiteral("mosquitto"));
    if (program.isEmpty()) {
        *error = QStringLiteral("mosquitto is not installed (scripts/install-deps installs it)");
        return false;
    }
    if (m_port == 0)
        m_port = freePort();
    if (m_options.tls && !QFile::exists(caFile()) && !generatePki(error))
        return false;
    if (!writeConfig(error))
        return false;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(program, {QStringLiteral("-c"), m_dir.filePath(QStringLiteral("mosquitto.conf"))});
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("mosquitto did not start: %1").arg(m_process->errorString());
        return false;
    }
    if (!waitForPort(m_port, 10000)) {
        m_process->waitForFinished(100);
        *error = QStringLiteral("mosquitto did not listen on %1: %2 %3")
                     .arg(m_port)
                     .arg(QString::fromLocal8Bit(m_process->readAll()), log());
        stop();
        return false;
    }
    return true;
}

bool MosquittoProcess::restart(QString *error)
{
    stop();
    return start(error);
}

void MosquittoProcess::stop()
{
    stopProcess(m_process.get());
    m_process.reset();
}

void MosquittoProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process->processId()), SIGKILL);
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

} // namespace tideline::demo
