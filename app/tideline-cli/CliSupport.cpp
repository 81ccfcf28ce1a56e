#include "CliSupport.h"

#include "CliCommand.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <cmath>
#include <cstdio>

#include <sys/resource.h>
#include <time.h>

using namespace Qt::StringLiterals;

namespace tideline::cli {

void writeStdout(const QByteArray &bytes, bool flush)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    if (flush)
        std::fflush(stdout);
}

void printStderr(const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

int runtimeError(const QString &message)
{
    printStderr(QCoreApplication::translate("Cli", "tideline-cli: error: %1").arg(message));
    return ExitFailure;
}

int usageError(const QString &commandName, const QString &message)
{
    printStderr(QCoreApplication::translate("Cli", "tideline-cli %1: %2").arg(commandName, message));
    printStderr(QCoreApplication::translate("Cli", "Try 'tideline-cli help %1'.").arg(commandName));
    return ExitUsage;
}

std::optional<qint64> parseInteger(const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

std::optional<double> parseNumber(const QString &text, double min, double max)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !(value >= min && value <= max))
        return std::nullopt;
    return value;
}

bool isValidUtf8(const QByteArray &bytes)
{
    // Fast path: pure ASCII needs no decoder.
    bool ascii = true;
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return true;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    Q_UNUSED(decoded);
    return !decoder.hasError();
}

QString topicFilterProblem(const QString &filter)
{
    if (ConnectionProfile::isValidTopicFilter(filter))
        return {};
    return QCoreApplication::translate("Cli", "\"%1\" is not a valid topic filter: it must not be empty, "
                                              "and '+' and '#' must be whole levels ('#' only the last).")
        .arg(filter);
}

QString topicNameProblem(const QString &topic)
{
    if (ConnectionProfile::isValidTopicName(topic))
        return {};
    return QCoreApplication::translate("Cli", "\"%1\" is not a valid topic to publish to: it must not be "
                                              "empty or contain the wildcards '+' and '#'.")
        .arg(topic);
}

double peakRssMb()
{
    QFile status(u"/proc/self/status"_s);
    // readAll(), not atEnd()/readLine(): /proc files report a size of 0.
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:")) {
            bool ok = false;
            const double kib = line.mid(6).simplified().split(' ').value(0).toDouble(&ok);
            return ok ? kib / 1024.0 : -1;
        }
    }
    return -1;
}

double cpuSeconds()
{
    rusage usage{};
    if (::getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
    auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double threadCpuSeconds()
{
    timespec t{};
    if (::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) != 0)
        return -1;
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

JsonLine &JsonLine::add(const char *key, quint64 value)
{
    addRaw(key, QByteArray::number(value));
    return *this;
}

JsonLine &JsonLine::add(const char *key, double value, int decimals)
{
    // JSON has no NaN or infinity.
    addRaw(key, std::isfinite(value) ? QByteArray::number(value, 'f', decimals) : QByteArray("null"));
    return *this;
}

JsonLine &JsonLine::add(const char *key, bool value)
{
    addRaw(key, value ? "true" : "false");
    return *this;
}

void JsonLine::addRaw(const char *key, const QByteArray &value)
{
    if (!m_body.isEmpty())
        m_body += ',';
    m_body += '"';
    m_body += key;
    m_body += "\":";
    m_body += value;
}

QByteArray JsonLine::toLine() const
{
    return '{' + m_body + "}\n";
}

QByteArray readAllStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return in.readAll();
}

ConnectionOptions::ConnectionOptions()
    : m_url(u"url"_s, tr("Broker URL (mqtt://host:1883, mqtts://host:8883, ws://host:9001/mqtt, wss://…)."),
            tr("URL"))
    , m_version(u"mqtt-version"_s, tr("MQTT protocol version: 3 (3.1.1) or 5. Default: 5."), tr("VERSION"),
                u"5"_s)
    , m_clientId(u"client-id"_s, tr("Client identifier. Default: generated."), tr("ID"))
    , m_username(u"username"_s, tr("User name (overrides one given in the URL)."), tr("USER"))
    , m_passwordStdin(u"password-stdin"_s,
                      tr("Read the password from the first line of standard input (never from the "
                         "command line, where other users and the shell history could see it)."))
    , m_caFile(u"cafile"_s, tr("PEM file with the CA certificates that sign the broker's certificate. "
                               "Default: the system trust store."),
               tr("FILE"))
    , m_cert(u"cert"_s, tr("PEM client certificate for TLS client authentication."), tr("FILE"))
    , m_key(u"key"_s, tr("PEM private key (unencrypted) for --cert."), tr("FILE"))
    , m_insecure(u"insecure"_s, tr("Do not verify the broker's certificate or host name (testing only)."))
{
}

void ConnectionOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_url, m_version, m_clientId, m_username, m_passwordStdin, m_caFile, m_cert, m_key,
                       m_insecure});
}

bool ConnectionOptions::passwordFromStdin(const QCommandLineParser &parser) const
{
    return parser.isSet(m_passwordStdin);
}

Result<ConnectionOptions::Setup> ConnectionOptions::build(const QCommandLineParser &parser) const
{
    auto usage = [](const QString &message) { return Error{u"usage"_s, message, {}}; };

    if (!parser.isSet(m_url))
        return usage(tr("--url is required."));
    Result<ConnectionProfile> parsed = ConnectionProfile::fromUrl(parser.value(m_url));
    if (!parsed)
        return usage(parsed.error().message);
    Setup setup{std::move(parsed).value(), std::nullopt};
    ConnectionProfile &profile = setup.profile;

    const QString version = parser.value(m_version).trimmed();
    if (version == u"5"_s || version == u"5.0"_s) {
        profile.version = ConnectionProfile::Version::Mqtt5;
    } else if (version == u"3"_s || version == u"3.1.1"_s || version == u"311"_s || version == u"4"_s) {
        profile.version = ConnectionProfile::Version::Mqtt311;
    } else {
        return usage(tr("--mqtt-version must be 3 or 5, not \"%1\".").arg(version));
    }

    if (parser.isSet(m_clientId))
        profile.clientId = parser.value(m_clientId);
    if (parser.isSet(m_username))
        profile.username = parser.value(m_username);

    const bool tlsOption = parser.isSet(m_caFile) || parser.isSet(m_cert) || parser.isSet(m_key)
                           || parser.isSet(m_insecure);
    if (tlsOption && !profile.usesTls())
        return usage(tr("TLS options need an mqtts:// or wss:// URL."));
    if (parser.isSet(m_cert) != parser.isSet(m_key))
        return usage(tr("--cert and --key go together."));
    const QList<QPair<const QCommandLineOption *, QString *>> files = {
        {&m_caFile, &profile.caFile}, {&m_cert, &profile.clientCertFile}, {&m_key, &profile.clientKeyFile}};
    for (const auto &[option, target] : files) {
        if (!parser.isSet(*option))
            continue;
        const QString path = parser.value(*option);
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable())
            return Error{u"io"_s, tr("Cannot read the file %1.").arg(path), {}};
        *target = info.absoluteFilePath();
    }
    profile.verifyServer = !parser.isSet(m_insecure);

    // A command-line client wants exactly what it asked for: no $SYS traffic, no saved state.
    profile.subscribeSys = false;
    profile.cleanStart = true;
    profile.autoReconnect = true;
    profile.subscriptions.clear();

    const QString invalid = profile.validate();
    if (!invalid.isEmpty())
        return usage(invalid);

    if (parser.isSet(m_passwordStdin)) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return Error{u"io"_s, tr("Cannot read the password from standard input."), {}};
        QByteArray line = in.readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        setup.password = QString::fromUtf8(line);
        profile.hasPassword = true;
    }
    return setup;
}

ConnectionWatcher::ConnectionWatcher(MqttConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    connect(connection, &MqttConnection::errorOccurred, this,
            [this](const QString &message) { m_lastError = message; });
    connect(connection, &MqttConnection::stateChanged, this, &ConnectionWatcher::onStateChanged);
}

void ConnectionWatcher::close()
{
    m_closing = true;
    if (m_connection->state() == MqttConnection::State::Disconnected
        || m_connection->state() == MqttConnection::State::Failed) {
        Q_EMIT disconnected();
        return;
    }
    m_connection->close();
}

void ConnectionWatcher::onStateChanged(MqttConnection::State state)
{
    if (m_failed)
        return;
    if (m_closing) {
        if (state == MqttConnection::State::Disconnected || state == MqttConnection::State::Failed)
            Q_EMIT disconnected();
        return;
    }
    auto failWith = [this](const QString &fallback) {
        m_failed = true;
        QString message = m_connection->lastError();
        if (message.isEmpty())
            message = m_lastError;
        if (message.isEmpty())
            message = fallback;
        Q_EMIT fatal(message);
    };
    switch (state) {
    case MqttConnection::State::Connected:
        if (!m_everConnected) {
            m_everConnected = true;
            Q_EMIT connected();
        } else {
            printStderr(tr("tideline-cli: reconnected to %1").arg(m_connection->profile().displayName()));
            Q_EMIT reconnected();
        }
        break;
    case MqttConnection::State::Reconnecting:
        if (!m_everConnected) {
            failWith(tr("Cannot connect to %1.").arg(m_connection->profile().displayName()));
        } else {
            printStderr(tr("tideline-cli: connection to %1 lost, reconnecting: %2")
                            .arg(m_connection->profile().displayName(), m_connection->lastError()));
        }
        break;
    case MqttConnection::State::Failed:
        failWith(tr("Cannot connect to %1.").arg(m_connection->profile().displayName()));
        break;
    case MqttConnection::State::Disconnected:
        failWith(tr("The connection to %1 was closed.").arg(m_connection->profile().displayName()));
        break;
    case MqttConnection::State::Connecting:
        break;
    }
}

} // namespace tideline::cli
