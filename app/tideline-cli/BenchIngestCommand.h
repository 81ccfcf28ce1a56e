#pragma once

#include "CliCommand.h"

#include <QCommandLineOption>
#include <QCoreApplication>

namespace tideline::cli {

// `tideline-cli bench ingest`: synthetic messages through the GUI's ingest path (inbox, drain,
// topic tree with history, topic model), no broker involved. Prints one JSON line.
class BenchIngestCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(BenchIngestCommand)

public:
    BenchIngestCommand();

    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString details() const override;
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser) override;

private:
    QCommandLineOption m_messages;
    QCommandLineOption m_topics;
    QCommandLineOption m_payload;
    QCommandLineOption m_noModel;
};

} // namespace tideline::cli
