#include "RabbitMqProcess.h"

#include "LocalServers.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>

#include <csignal>
#include <grp.h>
#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace tideline::demo {

namespace {

constexpr char InstanceMarker[] = "TIDELINE_RABBITMQ_INSTANCE";

// The Debian package's real scripts; /usr/sbin/rabbitmq* are wrappers that switch to the
// system node's directories and logs, which a test must never touch.
QString rabbitBinDir()
{
    const QString overridden = qEnvironmentVariable("TIDELINE_RABBITMQ_BIN_DIR");
    return overridden.isEmpty() ? QStringLiteral("/usr/lib/rabbitmq/bin") : overridden;
}

struct Account
{
    bool switchUser = false;
    uid_t uid = 0;
    gid_t gid = 0;
};

// As root the node runs as `rabbitmq` (as the package intends); otherwise as ourselves.
Account nodeAccount()
{
    Account account;
    if (::geteuid() != 0)
        return account;
    if (const passwd *pw = ::getpwnam("rabbitmq")) {
        account.switchUser = true;
        account.uid = pw->pw_uid;
        account.gid = pw->pw_gid;
    }
    return account;
}

// Distinct free ports: freePort() alone may hand out the same port twice in a row.
QList<quint16> distinctFreePorts(int count)
{
    QSet<quint16> seen;
    QList<quint16> ports;
    for (int attempt = 0; attempt < count * 20 && ports.size() < count; ++attempt) {
        const quint16 port = freePort();
        if (port != 0 && !seen.contains(port)) {
            seen.insert(port);
            ports.append(port);
        }
    }
    return ports;
}

bool portAccepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    const bool connected = socket.waitForConnected(250);
    socket.abort();
    return connected;
}

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

void signalAndWait(QProcess *process, int graceMs)
{
    stopProcess(process, graceMs, 5000);
}

} // namespace

RabbitMqProcess::RabbitMqProcess() : RabbitMqProcess(Options{}) {}

RabbitMqProcess::RabbitMqProcess(Options options)
    : m_options(std::move(options)), m_dir(QDir::tempPath() + QStringLiteral("/tideline-rabbitmq-XXXXXX"))
{
}

RabbitMqProcess::~RabbitMqProcess()
{
    // The data dir is deleted right after: a clean shutdown buys nothing here, and 3.10's
    // management agent alone sleeps 5 s in every clean stop.
    stop(2000);
}

QString RabbitMqProcess::mqttUrl() const { return QStringLiteral("mqtt://127.0.0.1:%1").arg(m_mqttPort); }
QString RabbitMqProcess::webMqttUrl() const { return QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_webMqttPort); }
QString RabbitMqProcess::managementUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_managementPort); }
QString RabbitMqProcess::prometheusUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_prometheusPort);
}
QString RabbitMqProcess::nodeName() const { return QStringLiteral("tideline-%1@localhost").arg(m_amqpPort); }

qint64 RabbitMqProcess::epmdPid() const
{
    return m_epmd && m_epmd->state() == QProcess::Running ? m_epmd->processId() : 0;
}

bool RabbitMqProcess::isRunning() const
{
    return m_node && m_node->state() == QProcess::Running;
}

QString RabbitMqProcess::log() const
{
    QFile f(m_dir.filePath(QStringLiteral("log/rabbit.log")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

QString RabbitMqProcess::logTail(int lines) const
{
    // The console output holds what went wrong before the log file existed (bad config, ...).
    QString text = log();
    QFile console(m_dir.filePath(QStringLiteral("server.out")));
    if (console.open(QIODevice::ReadOnly))
        text += QStringLiteral("\n--- server output ---\n") + QString::fromUtf8(console.readAll());
    const QStringList all = text.split(QLatin1Char('\n'));
    // A crash report runs to hundreds of lines; the cause is in the first few error lines.
    QStringList firstErrors;
    for (const QString &line : all) {
        if (line.contains(QLatin1String("[error]")) && !firstErrors.contains(line)) {
            firstErrors << line;
            if (firstErrors.size() == 8)
                break;
        }
    }
    QStringList result;
    if (!firstErrors.isEmpty())
        result << QStringLiteral("--- first errors ---") << firstErrors << QStringLiteral("--- last lines ---");
    result << all.mid(qMax(0, all.size() - lines));
    return result.join(QLatin1Char('\n'));
}

bool RabbitMqProcess::writeFile(const QString &relativePath, const QByteArray &contents, QString *error)
{
    QFile f(m_dir.filePath(relativePath));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(contents) != contents.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    return true;
}

bool RabbitMqProcess::prepareDir(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    const QDir root(m_dir.path());
    for (const QString &sub : {QStringLiteral("home"), QStringLiteral("log"), QStringLiteral("mnesia")}) {
        if (!root.mkpath(sub)) {
            *error = QStringLiteral("cannot create %1").arg(root.filePath(sub));
            return false;
        }
    }

    QByteArray cookie;
    for (int i = 0; i < 20; ++i)
        cookie += char('A' + QRandomGenerator::system()->bounded(26));

    const QString ip = QStringLiteral("127.0.0.1");
    QStringList conf = {
        QStringLiteral("listeners.tcp.default = %1:%2").arg(ip).arg(m_amqpPort),
        QStringLiteral("mqtt.listeners.tcp.default = %1:%2").arg(ip).arg(m_mqttPort),
        QStringLiteral("web_mqtt.tcp.ip = %1").arg(ip),
        QStringLiteral("web_mqtt.tcp.port = %1").arg(m_webMqttPort),
        QStringLiteral("management.tcp.ip = %1").arg(ip),
        QStringLiteral("management.tcp.port = %1").arg(m_managementPort),
        QStringLiteral("prometheus.tcp.ip = %1").arg(ip),
        QStringLiteral("prometheus.tcp.port = %1").arg(m_prometheusPort),
        QStringLiteral("collect_statistics_interval = %1").arg(m_options.statisticsIntervalMs),
        QStringLiteral("log.console = false"),
        QStringLiteral("log.file.level = info"),
    };
    conf << m_options.extraConfig;

    if (!writeFile(QStringLiteral("home/.erlang.cookie"), cookie, error)
        || !writeFile(QStringLiteral("rabbitmq.conf"), conf.join(QLatin1Char('\n')).toUtf8() + '\n', error)
        || !writeFile(QStringLiteral("enabled_plugins"),
                      '[' + m_options.plugins.join(QLatin1Char(',')).toUtf8() + "].\n", error)
        // Replaces /etc/rabbitmq/rabbitmq-env.conf, which belongs to the system node.
        || !writeFile(QStringLiteral("rabbitmq-env.conf"), QByteArray(), error))
        return false;
    // Erlang refuses a cookie file that others can read.
    QFile::setPermissions(m_dir.filePath(QStringLiteral("home/.erlang.cookie")), QFile::ReadOwner);

    const Account account = nodeAccount();
    if (account.switchUser) {
        const QStringList owned = {QString(), QStringLiteral("home"), QStringLiteral("home/.erlang.cookie"),
                                   QStringLiteral("log"), QStringLiteral("mnesia"), QStringLiteral("rabbitmq.conf"),
                                   QStringLiteral("enabled_plugins"), QStringLiteral("rabbitmq-env.conf")};
        for (const QString &path : owned) {
            const QByteArray native = QFile::encodeName(path.isEmpty() ? m_dir.path() : m_dir.filePath(path));
            if (::chown(native.constData(), account.uid, account.gid) != 0) {
                *error = QStringLiteral("cannot hand %1 to the rabbitmq user").arg(QString::fromLocal8Bit(native));
                return false;
            }
        }
    }
    return true;
}

QProcessEnvironment RabbitMqProcess::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Nothing from a surrounding RabbitMQ/Erlang setup (or systemd) may leak into this node.
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("RABBITMQ_")) || key.startsWith(QLatin1String("ERL_"))
            || key == QLatin1String("NOTIFY_SOCKET"))
            env.remove(key);
    }
    const QString d = m_dir.path();
    // Keeps the distribution listeners (node and CLI) on loopback; epmd is ours, never started by erl.
    const QString erlArgs = QStringLiteral("-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}");
    env.insert(QString::fromLatin1(InstanceMarker), d);
    env.insert(QStringLiteral("HOME"), d + QStringLiteral("/home"));
    env.insert(QStringLiteral("RABBITMQ_CONF_ENV_FILE"), d + QStringLiteral("/rabbitmq-env.conf"));
    env.insert(QStringLiteral("RABBITMQ_CONFIG_FILE"), d + QStringLiteral("/rabbitmq.conf"));
    env.insert(QStringLiteral("RABBITMQ_ADVANCED_CONFIG_FILE"), d + QStringLiteral("/advanced.config"));
    env.insert(QStringLiteral("RABBITMQ_ENABLED_PLUGINS_FILE"), d + QStringLiteral("/enabled_plugins"));
    env.insert(QStringLiteral("RABBITMQ_MNESIA_BASE"), d + QStringLiteral("/mnesia"));
    env.insert(QStringLiteral("RABBITMQ_LOG_BASE"), d + QStringLiteral("/log"));
    env.insert(QStringLiteral("RABBITMQ_LOGS"), d + QStringLiteral("/log/rabbit.log"));
    env.insert(QStringLiteral("RABBITMQ_PID_FILE"), d + QStringLiteral("/rabbit.pid"));
    env.insert(QStringLiteral("RABBITMQ_NODENAME"), nodeName());
    env.insert(QStringLiteral("RABBITMQ_DIST_PORT"), QString::number(m_distPort));
    env.insert(QStringLiteral("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"), erlArgs);
    env.insert(QStringLiteral("RABBITMQ_CTL_ERL_ARGS"), erlArgs);
    env.insert(QStringLiteral("ERL_EPMD_PORT"), QString::number(m_epmdPort));
    env.insert(QStringLiteral("ERL_EPMD_ADDRESS"), QStringLiteral("127.0.0.1"));
    return env;
}

std::unique_ptr<QProcess> RabbitMqProcess::newChild() const
{
    auto process = std::make_unique<QProcess>();
    process->setWorkingDirectory(m_dir.path());
    process->setProcessEnvironment(environment());
    const Account account = nodeAccount();
    // Runs between fork and exec: a session of its own (no terminal signals from the test
    // runner), and the rabbitmq user when we are root. Only async-signal-safe calls here.
    process->setChildProcessModifier([account] {
        ::setsid();
        if (account.switchUser) {
            if (::setgroups(1, &account.gid) != 0 || ::setgid(account.gid) != 0 || ::setuid(account.uid) != 0) {
                static const char message[] = "tideline: cannot switch to the rabbitmq user\n";
                [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof(message) - 1);
                ::_exit(126);
            }
        }
    });
    return process;
}

bool RabbitMqProcess::startEpmd(QString *error)
{
    const QString epmd = findProgram(QStringLiteral("epmd"));
    if (epmd.isEmpty()) {
        *error = QStringLiteral("epmd (erlang-base) is not installed");
        return false;
    }
    // A private epmd on its own port: never shared with the system node or another test run.
    m_epmd = newChild();
    m_epmd->setProcessChannelMode(QProcess::MergedChannels);
    m_epmd->start(epmd, {QStringLiteral("-address"), QStringLiteral("127.0.0.1"), QStringLiteral("-port"),
                         QString::number(m_epmdPort)});
    if (!m_epmd->waitForStarted(5000)) {
        *error = QStringLiteral("epmd did not start: %1").arg(m_epmd->errorString());
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_epmd->state() != QProcess::Running) {
            *error = QStringLiteral("epmd exited: %1").arg(QString::fromLocal8Bit(m_epmd->readAll()));
            return false;
        }
        if (portAccepts(m_epmdPort))
            return true;
        m_epmd->waitForFinished(50);
    }
    *error = QStringLiteral("epmd did not listen on %1").arg(m_epmdPort);
    return false;
}

qint64 RabbitMqProcess::readBeamPid() const
{
    QFile f(m_dir.filePath(QStringLiteral("rabbit.pid")));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qint64 pid = f.readAll().trimmed().toLongLong(&ok);
    return ok ? pid : 0;
}

bool RabbitMqProcess::waitForListeners(QString *error)
{
    struct Listener
    {
        const char *name;
        quint16 port;
        const char *plugin; // null: the core AMQP listener
        bool up = false;
    };
    QList<Listener> listeners = {{"AMQP", m_amqpPort, nullptr},
                                 {"MQTT", m_mqttPort, "rabbitmq_mqtt"},
                                 {"web-MQTT", m_webMqttPort, "rabbitmq_web_mqtt"},
                                 {"management", m_managementPort, "rabbitmq_management"},
                                 {"Prometheus", m_prometheusPort, "rabbitmq_prometheus"}};
    // Listeners of plugins that are not enabled never come up.
    for (Listener &l : listeners)
        l.up = l.plugin && !m_options.plugins.contains(QLatin1String(l.plugin));

    QDeadlineTimer deadline(m_options.startTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_node->state() != QProcess::Running) {
            *error = QStringLiteral("rabbitmq-server exited (code %1) before its listeners came up")
                         .arg(m_node->exitCode());
            return false;
        }
        bool allUp = true;
        for (Listener &l : listeners) {
            if (!l.up)
                l.up = portAccepts(l.port);
            allUp = allUp && l.up;
        }
        if (allUp)
            return true;
        // Sleeps, and (unlike a plain sleep) notices when the node exits early.
        m_node->waitForFinished(100);
    }
    QStringList missing;
    for (const Listener &l : listeners) {
        if (!l.up)
            missing << QStringLiteral("%1 (%2)").arg(QString::fromLatin1(l.name)).arg(l.port);
    }
    *error = QStringLiteral("RabbitMQ listeners not up after %1 ms: %2")
                 .arg(m_options.startTimeoutMs)
                 .arg(missing.join(QStringLiteral(", ")));
    return false;
}

bool RabbitMqProcess::restart(QString *error)
{
    if (isRunning())
        stop(2000);
    m_keepPorts = true;
    return start(error);
}

bool RabbitMqProcess::start(QString *error)
{
    QString localError;
    if (!error)
        error = &localError;
    if (isRunning())
        return true;
    QElapsedTimer clock;
    clock.start();

    const QString server = rabbitBinDir() + QStringLiteral("/rabbitmq-server");
    if (!QFile::exists(server)) {
        *error = QStringLiteral("%1 not found: rabbitmq-server is not installed (scripts/install-deps installs it)")
                     .arg(server);
        return false;
    }
    if (!m_keepPorts || m_amqpPort == 0) {
        const QList<quint16> ports = distinctFreePorts(7);
        if (ports.size() != 7) {
            *error = QStringLiteral("no free loopback ports");
            return false;
        }
        m_amqpPort = ports[0];
        m_mqttPort = ports[1];
        m_webMqttPort = ports[2];
        m_managementPort = ports[3];
        m_prometheusPort = ports[4];
        m_distPort = ports[5];
        m_epmdPort = ports[6];
    }
    m_keepPorts = false;

    if (!prepareDir(error) || !startEpmd(error)) {
        stop(0);
        return false;
    }

    m_node = newChild();
    // A file, not a pipe: nobody reads the node's console while the test runs.
    const QString consoleFile = m_dir.filePath(QStringLiteral("server.out"));
    m_node->setStandardOutputFile(consoleFile);
    m_node->setStandardErrorFile(consoleFile, QIODevice::Append);
    m_node->start(server, {});
    if (!m_node->waitForStarted(10000)) {
        *error = QStringLiteral("rabbitmq-server did not start: %1").arg(m_node->errorString());
        stop(0);
        return false;
    }
    if (!waitForListeners(error)) {
        *error += QStringLiteral("\n--- log tail (%1) ---\n%2").arg(m_dir.path(), logTail());
        stop(2000);
        return false;
    }
    m_beamPid = readBeamPid();
    m_startDurationMs = clock.elapsed();
    return true;
}

QList<qint64> RabbitMqProcess::leftoverProcesses() const
{
    QList<qint64> found;
    if (!m_dir.isValid())
        return found;
    // One whole "KEY=VALUE" entry of the NUL-separated environ block.
    QByteArray needle(1, '\0');
    needle.append(InstanceMarker).append('=').append(QFile::encodeName(m_dir.path())).append('\0');
    const qint64 self = ::getpid();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == self)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray statLine = stat.readAll();
        // "pid (comm) S ...": comm may contain spaces and parentheses, the state follows the last ')'.
        const qsizetype close = statLine.lastIndexOf(')');
        if (close < 0 || close + 2 >= statLine.size())
            continue;
        const char state = statLine.at(close + 2);
        // Zombies are already dead; only their (possibly non-reaping) parent can clear them.
        if (state == 'Z' || state == 'X')
            continue;
        QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
        if (!environ.open(QIODevice::ReadOnly))
            continue;
        const QByteArray env = '\0' + environ.readAll();
        if (env.contains(needle))
            found.append(pid);
    }
    return found;
}

void RabbitMqProcess::killLeftovers()
{
    for (int round = 0; round < 3; ++round) {
        const QList<qint64> pids = leftoverProcesses();
        if (pids.isEmpty())
            return;
        for (qint64 pid : pids) {
            if (pid != epmdPid())
                ::kill(pid_t(pid), SIGKILL);
        }
        QThread::msleep(100);
    }
}

void RabbitMqProcess::stopEpmd()
{
    signalAndWait(m_epmd.get(), 3000);
    m_epmd.reset();
}

void RabbitMqProcess::stop(int graceMs)
{
    if (m_node && m_node->state() != QProcess::NotRunning) {
        const qint64 beam = m_beamPid > 0 ? m_beamPid : readBeamPid();
        bool finished = false;
        if (graceMs > 0) {
            // The beam process shuts the node down cleanly on SIGTERM; the wrapper script then
            // exits. Without a beam pid yet, the wrapper's own TERM trap forwards the signal.
            ::kill(pid_t(processAlive(beam) ? beam : m_node->processId()), SIGTERM);
            finished = m_node->waitForFinished(graceMs);
        }
        if (!finished) {
            // beam first: killing the wrapper first would orphan it.
            if (processAlive(beam))
                ::kill(pid_t(beam), SIGKILL);
            ::kill(pid_t(m_node->processId()), SIGKILL);
            m_node->waitForFinished(5000);
        }
    }
    m_node.reset();
    m_beamPid = 0;
    // erl_child_setup, the disk monitor's shell, inet_gethost: gone with beam normally.
    killLeftovers();
    stopEpmd();
    killLeftovers();
}

void RabbitMqProcess::kill()
{
    stop(0);
}

bool RabbitMqProcess::rabbitmqctl(const QStringList &args, QString *output, int timeoutMs) const
{
    std::unique_ptr<QProcess> ctl = newChild();
    ctl->setProcessChannelMode(QProcess::MergedChannels);
    ctl->start(rabbitBinDir() + QStringLiteral("/rabbitmqctl"), QStringList{QStringLiteral("-n"), nodeName()} + args);
    const bool finished = ctl->waitForStarted(5000) && ctl->waitForFinished(timeoutMs);
    if (!finished && ctl->state() != QProcess::NotRunning) {
        ::kill(pid_t(ctl->processId()), SIGKILL);
        ctl->waitForFinished(2000);
    }
    const QString text = QString::fromLocal8Bit(ctl->readAll());
    if (output)
        *output = finished ? text : QStringLiteral("rabbitmqctl timed out or failed to start: %1\n%2")
                                        .arg(ctl->errorString(), text);
    return finished && ctl->exitStatus() == QProcess::NormalExit && ctl->exitCode() == 0;
}

RabbitMqProcess::HttpResult RabbitMqProcess::managementRequest(const QByteArray &verb, const QString &encodedPath,
                                                               const QByteArray &jsonBody, int timeoutMs) const
{
    HttpResult result;
    const QUrl url = QUrl::fromEncoded(managementUrl().toLatin1() + encodedPath.toLatin1(), QUrl::StrictMode);
    if (!url.isValid()) {
        result.error = QStringLiteral("invalid management path %1").arg(encodedPath);
        return result;
    }
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy); // loopback only, whatever http_proxy says
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    request.setRawHeader("Authorization",
                         "Basic " + (username() + QLatin1Char(':') + password()).toUtf8().toBase64());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = manager.sendCustomRequest(request, verb, jsonBody);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError || result.status < 200 || result.status >= 300)
        result.error = QStringLiteral("%1 %2: HTTP %3 %4 %5")
                           .arg(QString::fromLatin1(verb), encodedPath)
                           .arg(result.status)
                           .arg(reply->errorString(), QString::fromUtf8(result.body.left(500)));
    delete reply;
    return result;
}

QJsonObject RabbitMqProcess::managementJson(const QString &encodedPath, QString *error) const
{
    const HttpResult reply = managementRequest(QByteArrayLiteral("GET"), encodedPath);
    if (!reply.ok()) {
        if (error)
            *error = reply.error;
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("GET %1: not a JSON object: %2").arg(encodedPath, parseError.errorString());
        return {};
    }
    return doc.object();
}

bool RabbitMqProcess::declareQueue(const QString &name, QString *error) const
{
    const QString path = QStringLiteral("/api/queues/%2F/") + QString::fromLatin1(QUrl::toPercentEncoding(name));
    const QJsonObject body{{QStringLiteral("durable"), true},
                           {QStringLiteral("auto_delete"), false},
                           {QStringLiteral("arguments"), QJsonObject()}};
    const HttpResult reply = managementRequest(QByteArrayLiteral("PUT"), path,
                                               QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!reply.ok() && error)
        *error = reply.error;
    return reply.ok();
}

bool RabbitMqProcess::publishToQueue(const QString &name, int count, QString *error, const QByteArray &payload) const
{
    // Base64 so that any payload bytes survive the JSON body.
    const QJsonObject body{{QStringLiteral("properties"), QJsonObject{{QStringLiteral("delivery_mode"), 2}}},
                           {QStringLiteral("routing_key"), name},
                           {QStringLiteral("payload"), QString::fromLatin1(payload.toBase64())},
                           {QStringLiteral("payload_encoding"), QStringLiteral("base64")}};
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    for (int i = 0; i < count; ++i) {
        const HttpResult reply = managementRequest(QByteArrayLiteral("POST"),
                                                   QStringLiteral("/api/exchanges/%2F/amq.default/publish"), json);
        if (!reply.ok()) {
            if (error)
                *error = reply.error;
            return false;
        }
        if (!QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("routed")).toBool()) {
            if (error)
                *error = QStringLiteral("message %1 to queue %2 was not routed (does the queue exist?)")
                             .arg(i + 1)
                             .arg(name);
            return false;
        }
    }
    return true;
}

qint64 RabbitMqProcess::queueMessages(const QString &name) const
{
    const QJsonObject queue = managementJson(QStringLiteral("/api/queues/%2F/")
                                             + QString::fromLatin1(QUrl::toPercentEncoding(name)));
    const QJsonValue messages = queue.value(QStringLiteral("messages"));
    return messages.isDouble() ? qint64(messages.toDouble()) : -1;
}

} // namespace tideline::demo
