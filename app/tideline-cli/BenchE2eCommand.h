#pragma once

#include "CliCommand.h"
#include "CliSupport.h"

#include <QCommandLineOption>
#include <QCoreApplication>

namespace tideline::cli {

// `tideline-cli bench e2e`: broker to screen-ready. Connection A subscribes to '#' through the
// GUI's ingest path on this thread's event loop; connection B publishes from its own thread
// (or another process, with --role). Prints one JSON line with throughput, loss and the worst
// event-loop stall.
class BenchE2eCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(BenchE2eCommand)

public:
    BenchE2eCommand();

    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString details() const override;
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser) override;

private:
    ConnectionOptions m_connection;
    QCommandLineOption m_messages;
    QCommandLineOption m_payload;
    QCommandLineOption m_topics;
    QCommandLineOption m_role;
    QCommandLineOption m_run;
    QCommandLineOption m_idle;
};

} // namespace tideline::cli
