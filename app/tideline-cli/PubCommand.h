#pragma once

#include "CliCommand.h"
#include "CliSupport.h"

#include <QCommandLineOption>
#include <QCoreApplication>

namespace tideline::cli {

// `tideline-cli pub`: publishes N numbered copies of one message, paced or as fast as flow
// control allows, waits for every acknowledgement and prints a summary line on stderr.
class PubCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(PubCommand)

public:
    PubCommand();

    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString details() const override;
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser) override;

    // `text` with every "{{seq}}" replaced by `seq`.
    static QByteArray withSequence(const QByteArray &text, quint64 seq);

private:
    ConnectionOptions m_connection;
    QCommandLineOption m_topic;
    QCommandLineOption m_message;
    QCommandLineOption m_file;
    QCommandLineOption m_stdin;
    QCommandLineOption m_qos;
    QCommandLineOption m_retain;
    QCommandLineOption m_count;
    QCommandLineOption m_rate;
};

} // namespace tideline::cli
