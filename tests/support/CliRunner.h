#pragma once

// Running command-line programs from tests: the built tideline-cli (or kubectl) to completion,
// with what it wrote and how it ended, and a `tideline-cli sub` left running in the background.
#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace tideline::demo {
class MosquittoProcess;
}

namespace tideline::test {

// How a program run ended and what it wrote.
struct CliRun
{
    bool finished = false; // exited normally within the time allowed
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

struct RunOptions
{
    QByteArray input; // written to stdin, which is then closed
    int timeoutMs = 30000;
    // Wait with the event loop running (the test serves the program from this thread) rather
    // than blocking in QProcess::waitForFinished.
    bool keepEventLoopRunning = false;
    std::optional<QProcessEnvironment> environment; // the inherited environment when unset
};

// Runs `program` to completion; a program that does not finish in time is killed.
CliRun runProgram(const QString &program, const QStringList &args, const RunOptions &options = {});

// The exit code, the time taken and the start of stdout and stderr, for a failure message.
QByteArray describe(const CliRun &run);

// The lines of `text`, without the empty ones at the end.
QList<QByteArray> lines(const QByteArray &text);

// The tideline-cli of this build.
QString cliPath();

// Runs tideline-cli the way one test file wants it: `runCli(args)`, `runCli(args, stdin)`,
// `runCli(args, stdin, timeoutMs)`.
class CliRunner final
{
public:
    enum class Wait { Blocking, EventLoop };

    explicit CliRunner(int defaultTimeoutMs = 30000, Wait wait = Wait::Blocking);

    CliRun operator()(const QStringList &args, const QByteArray &input = {}) const;
    CliRun operator()(const QStringList &args, const QByteArray &input, int timeoutMs) const;

private:
    int m_defaultTimeoutMs;
    Wait m_wait;
};

// `tideline-cli sub` running in the background with a client ID of its own, so the broker log
// shows when its subscription is in place (publishing earlier would lose the messages).
class BackgroundSub final
{
public:
    BackgroundSub(const tideline::demo::MosquittoProcess &broker, const QString &clientIdPrefix,
                  const QStringList &args);
    ~BackgroundSub();
    BackgroundSub(const BackgroundSub &) = delete;
    BackgroundSub &operator=(const BackgroundSub &) = delete;

    bool waitSubscribed(int timeoutMs = 10000);
    CliRun finish(int timeoutMs = 15000);

private:
    const tideline::demo::MosquittoProcess &m_broker;
    QString m_clientId;
    QProcess m_process;
    qint64 m_startedAtMs = 0;
};

} // namespace tideline::test
