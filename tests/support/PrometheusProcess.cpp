#include "PrometheusProcess.h"

#include "TestServers.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSslSocket>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <sys/types.h>

namespace tideline::test {

namespace {

// GET path on 127.0.0.1:port with a blocking socket (no event loop needed); the status or 0.
int httpStatus(quint16 port, const QByteArray &path, bool tls)
{
    QSslSocket socket;
    if (tls) {
        socket.setPeerVerifyMode(QSslSocket::VerifyNone); // only asks whether it is up
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        if (!socket.waitForEncrypted(2000))
            return 0;
    } else {
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(500))
            return 0;
    }
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    if (!socket.waitForBytesWritten(500))
        return 0;
    QByteArray response;
    QDeadlineTimer deadline(2000);
    while (!response.contains("\r\n") && !deadline.hasExpired() && socket.waitForReadyRead(200))
        response += socket.readAll();
    socket.abort();
    // "HTTP/1.1 200 OK"
    return response.split(' ').value(1).toInt();
}

} // namespace

PrometheusProcess::PrometheusProcess(Options options) : m_options(std::move(options)) {}

PrometheusProcess::~PrometheusProcess()
{
    stop();
}

QString PrometheusProcess::url() const
{
    return QStringLiteral("%1://127.0.0.1:%2").arg(m_options.tls ? QStringLiteral("https") : QStringLiteral("http")).arg(m_port);
}

QString PrometheusProcess::caFile() const
{
    return m_dir.filePath(QStringLiteral("ca.crt"));
}

bool PrometheusProcess::generatePki(QString *error)
{
    const QString openssl = findProgram(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        *error = QStringLiteral("openssl not found");
        return false;
    }
    QFile ext(m_dir.filePath(QStringLiteral("server.ext")));
    if (!ext.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1").arg(ext.fileName());
        return false;
    }
    ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    ext.close();
    const QStringList steps[] = {
        QStringLiteral("req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=Tideline-Test-CA -keyout ca.key -out ca.crt")
            .split(QLatin1Char(' ')),
        QStringLiteral("req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout server.key -out server.csr")
            .split(QLatin1Char(' ')),
        QStringLiteral("x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext "
                       "-out server.crt")
            .split(QLatin1Char(' ')),
    };
    for (const QStringList &args : steps) {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(openssl, args);
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *error = QStringLiteral("openssl %1 failed: %2").arg(args.join(QLatin1Char(' ')),
                                                                QString::fromLocal8Bit(p.readAll()));
            return false;
        }
    }
    const QByteArray webConfig = "tls_server_config:\n  cert_file: \"" + m_dir.filePath(QStringLiteral("server.crt")).toUtf8()
                                 + "\"\n  key_file: \"" + m_dir.filePath(QStringLiteral("server.key")).toUtf8() + "\"\n";
    QFile web(m_dir.filePath(QStringLiteral("web.yml")));
    if (!web.open(QIODevice::WriteOnly) || web.write(webConfig) != webConfig.size()) {
        *error = QStringLiteral("cannot write %1").arg(web.fileName());
        return false;
    }
    return true;
}

qint64 PrometheusProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

bool PrometheusProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString PrometheusProcess::log() const
{
    QFile f(m_dir.filePath(QStringLiteral("prometheus.log")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

bool PrometheusProcess::writeConfig(QString *error)
{
    const double interval = m_options.scrapeIntervalMs / 1000.0;
    QByteArray yaml = "global:\n  scrape_interval: " + QByteArray::number(m_options.scrapeIntervalMs)
                      + "ms\n  evaluation_interval: " + QByteArray::number(m_options.scrapeIntervalMs)
                      + "ms\n  scrape_timeout: " + QByteArray::number(qMax(100, int(interval * 800)))
                      + "ms\nscrape_configs:\n";
    for (const Target &t : std::as_const(m_options.targets)) {
        yaml += "  - job_name: \"" + t.job.toUtf8() + "\"\n";
        yaml += "    metrics_path: \"" + t.metricsPath.toUtf8() + "\"\n";
        yaml += "    static_configs:\n      - targets: [\"" + t.hostPort.toUtf8() + "\"]\n";
    }
    QFile f(m_dir.filePath(QStringLiteral("prometheus.yml")));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(yaml) != yaml.size()) {
        *error = QStringLiteral("cannot write %1").arg(f.fileName());
        return false;
    }
    return true;
}

bool PrometheusProcess::start(QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    const QString program = findProgram(QStringLiteral("prometheus"));
    if (program.isEmpty()) {
        *error = QStringLiteral("prometheus is not installed (scripts/install-deps installs it)");
        return false;
    }
    if (m_port == 0)
        m_port = freePort();
    if (!writeConfig(error))
        return false;
    if (m_options.tls && !QFile::exists(caFile()) && !generatePki(error))
        return false;
    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(m_dir.path());
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("prometheus.log")));
    m_process->setStandardErrorFile(m_dir.filePath(QStringLiteral("prometheus.log")), QIODevice::Append);
    QStringList args = {
        QStringLiteral("--config.file=%1").arg(m_dir.filePath(QStringLiteral("prometheus.yml"))),
        QStringLiteral("--storage.tsdb.path=%1").arg(m_dir.filePath(QStringLiteral("data"))),
        QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
    };
    if (m_options.tls)
        args << QStringLiteral("--web.config.file=%1").arg(m_dir.filePath(QStringLiteral("web.yml")));
    args << m_options.extraArgs;
    m_process->start(program, args);
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("prometheus did not start: %1").arg(m_process->errorString());
        return false;
    }
    QDeadlineTimer deadline(m_options.startTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            *error = QStringLiteral("prometheus exited (code %1):\n%2").arg(m_process->exitCode()).arg(log().right(3000));
            return false;
        }
        if (httpStatus(m_port, "/-/ready", m_options.tls) == 200)
            return true;
        m_process->waitForFinished(100);
    }
    *error = QStringLiteral("prometheus not ready on port %1 after %2 ms:\n%3")
                 .arg(m_port)
                 .arg(m_options.startTimeoutMs)
                 .arg(log().right(3000));
    stop();
    return false;
}

void PrometheusProcess::stop()
{
    demo::stopProcess(m_process.get());
    m_process.reset();
}

} // namespace tideline::test
