#pragma once

#include "core/Result.h"
#include "mqtt/ConnectionProfile.h"
#include "mqtt/MqttConnection.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <optional>

namespace tideline::cli {

// Output helpers. stdout carries data (messages, JSON); stderr carries errors and summaries.
void writeStdout(const QByteArray &bytes, bool flush = false);
void printStderr(const QString &line); // appends the newline
// "tideline-cli: error: MESSAGE" on stderr; returns ExitFailure.
int runtimeError(const QString &message);
// The parser's or our own complaint plus a pointer to the command's help; returns ExitUsage.
int usageError(const QString &commandName, const QString &message);

// Parses a whole number in [min, max]; nullopt on anything else.
std::optional<qint64> parseInteger(const QString &text, qint64 min, qint64 max);
std::optional<double> parseNumber(const QString &text, double min, double max);

bool isValidUtf8(const QByteArray &bytes);
// Empty when `filter` is a valid MQTT topic filter ('+' and '#' only as whole levels, '#' last);
// otherwise a translated sentence naming the problem.
QString topicFilterProblem(const QString &filter);
// Empty when `topic` is a valid topic name to publish to (no wildcards, not empty).
QString topicNameProblem(const QString &topic);
// Peak resident set size (VmHWM) of this process in MiB, or -1 when /proc is unavailable.
double peakRssMb();
// CPU time (user + system, all threads) this process has used so far, in seconds.
double cpuSeconds();
// CPU time the calling thread has used so far, in seconds.
double threadCpuSeconds();

// One flat JSON object of numbers and booleans, in insertion order, for the benchmarks' output
// (QJsonObject would sort the keys, and the first keys are the ones people read).
class JsonLine final
{
public:
    JsonLine &add(const char *key, quint64 value);
    JsonLine &add(const char *key, double value, int decimals);
    JsonLine &add(const char *key, bool value);
    QByteArray toLine() const; // "{...}\n"

private:
    void addRaw(const char *key, const QByteArray &value);
    QByteArray m_body;
};

// Reads stdin to the end (binary safe).
QByteArray readAllStdin();

// The connection options shared by sub, pub and bench e2e: broker URL, protocol version,
// credentials (the password only ever from stdin, never from argv) and TLS files.
class ConnectionOptions final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionOptions)

public:
    ConnectionOptions();
    void addTo(QCommandLineParser &parser) const;
    // Helps other options refuse to share stdin with --password-stdin.
    bool passwordFromStdin(const QCommandLineParser &parser) const;

    struct Setup
    {
        ConnectionProfile profile;
        std::optional<QString> password;
    };
    // Validates the options, reads the password from stdin when asked. The error's code is
    // "usage" for a bad command line and "io" when stdin cannot be read.
    Result<Setup> build(const QCommandLineParser &parser) const;

private:
    QCommandLineOption m_url;
    QCommandLineOption m_version;
    QCommandLineOption m_clientId;
    QCommandLineOption m_username;
    QCommandLineOption m_passwordStdin;
    QCommandLineOption m_caFile;
    QCommandLineOption m_cert;
    QCommandLineOption m_key;
    QCommandLineOption m_insecure;
};

// Turns MqttConnection's states into the CLI's policy: the first connection attempt must
// succeed (a command never retries a wrong password or an unknown host forever), while a
// connection that was up and is lost may reconnect (MqttConnection does that by itself).
class ConnectionWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionWatcher)

public:
    explicit ConnectionWatcher(MqttConnection *connection, QObject *parent = nullptr);

    bool everConnected() const { return m_everConnected; }
    // Closes the connection on purpose; state changes after this are not failures.
    void close();
    bool isClosing() const { return m_closing; }

Q_SIGNALS:
    void connected();   // the first successful connection only
    void reconnected(); // every later one
    void disconnected(); // after close(), once the connection is down
    void fatal(const QString &message);

private:
    void onStateChanged(MqttConnection::State state);

    MqttConnection *m_connection;
    QString m_lastError;
    bool m_everConnected = false;
    bool m_closing = false;
    bool m_failed = false;
};

} // namespace tideline::cli
