#include "CliRunner.h"

#include "TestServers.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTest>

namespace tideline::test {

namespace {

void collect(QProcess &process, bool finished, CliRun &run)
{
    run.finished = finished;
    if (!run.finished) {
        process.kill();
        process.waitForFinished(2000);
    }
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
}

} // namespace

CliRun runProgram(const QString &program, const QStringList &args, const RunOptions &options)
{
    CliRun run;
    QProcess p;
    if (options.environment)
        p.setProcessEnvironment(*options.environment);
    QElapsedTimer clock;
    clock.start();
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return run;
    if (!options.input.isEmpty())
        p.write(options.input);
    p.closeWriteChannel();
    bool finished = false;
    if (options.keepEventLoopRunning) {
        while (p.state() != QProcess::NotRunning && clock.elapsed() < options.timeoutMs)
            QTest::qWait(10);
        finished = p.state() == QProcess::NotRunning && p.exitStatus() == QProcess::NormalExit;
    } else {
        finished = p.waitForFinished(options.timeoutMs) && p.exitStatus() == QProcess::NormalExit;
    }
    collect(p, finished, run);
    run.elapsedMs = clock.elapsed();
    return run;
}

QByteArray describe(const CliRun &run)
{
    return "exit " + QByteArray::number(run.exitCode) + (run.finished ? "" : " (did not finish)") + " after "
         + QByteArray::number(run.elapsedMs) + " ms\nstdout: " + run.out.left(3000) + "\nstderr: "
         + run.err.left(3000);
}

QList<QByteArray> lines(const QByteArray &text)
{
    QList<QByteArray> out = text.split('\n');
    while (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

QString cliPath()
{
    return QStringLiteral(TIDELINE_BINARY_DIR "/app/tideline-cli");
}

CliRunner::CliRunner(int defaultTimeoutMs, Wait wait) : m_defaultTimeoutMs(defaultTimeoutMs), m_wait(wait) {}

CliRun CliRunner::operator()(const QStringList &args, const QByteArray &input) const
{
    return (*this)(args, input, m_defaultTimeoutMs);
}

CliRun CliRunner::operator()(const QStringList &args, const QByteArray &input, int timeoutMs) const
{
    RunOptions options;
    options.input = input;
    options.timeoutMs = timeoutMs;
    options.keepEventLoopRunning = m_wait == Wait::EventLoop;
    return runProgram(cliPath(), args, options);
}

BackgroundSub::BackgroundSub(const MosquittoProcess &broker, const QString &clientIdPrefix, const QStringList &args)
    : m_broker(broker)
{
    static int counter = 0;
    m_clientId = clientIdPrefix + QString::number(++counter);
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_process.start(cliPath(), QStringList{QStringLiteral("sub"), QStringLiteral("--client-id"), m_clientId} + args);
}

BackgroundSub::~BackgroundSub()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool BackgroundSub::waitSubscribed(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    const QString marker = QStringLiteral("Sending SUBACK to %1").arg(m_clientId);
    while (clock.elapsed() < timeoutMs) {
        if (m_broker.log().contains(marker))
            return true;
        if (m_process.state() == QProcess::NotRunning)
            return false;
        QTest::qWait(20);
    }
    return false;
}

CliRun BackgroundSub::finish(int timeoutMs)
{
    CliRun run;
    run.finished = m_process.waitForFinished(timeoutMs) && m_process.exitStatus() == QProcess::NormalExit;
    run.exitCode = m_process.exitCode();
    run.out = m_process.readAllStandardOutput();
    run.err = m_process.readAllStandardError();
    run.elapsedMs = QDateTime::currentMSecsSinceEpoch() - m_startedAtMs;
    return run;
}

} // namespace tideline::test
