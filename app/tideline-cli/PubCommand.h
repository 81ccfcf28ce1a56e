#pragma once

#include "CliCommand.h"
#include "CliSupport.h"

#include <QCommandLineOption>
#include <QCoreApplication>

namespace tideline::cli {

// `tideline-cli pub`: publishes N messages built from one template (placeholders {{seq}},
// {{uuid}}, {{now}} in the topic and message), paced or as fast as flow control allows, with
// optional MQTT 5 properties or as CloudEvents; waits for every acknowledgement and prints a
// summary line on stderr. The publishing itself is the core's BurstPublisher, as in the GUI.
// With --replay FILE it publishes a recorded message set (a HistoryExport file) again through
// the core's MessageReplayer instead: original timing scaled by --speed, or --rate.
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

private:
    int runReplay(const QCommandLineParser &parser);
    ConnectionOptions m_connection;
    QCommandLineOption m_topic;
    QCommandLineOption m_message;
    QCommandLineOption m_file;
    QCommandLineOption m_stdin;
    QCommandLineOption m_qos;
    QCommandLineOption m_retain;
    QCommandLineOption m_count;
    QCommandLineOption m_rate;
    QCommandLineOption m_property;
    QCommandLineOption m_contentType;
    QCommandLineOption m_cloudEvents;
    QCommandLineOption m_ceType;
    QCommandLineOption m_ceSource;
    QCommandLineOption m_ceSubject;
    QCommandLineOption m_ceMode;
    QCommandLineOption m_replay;
    QCommandLineOption m_speed;
    QCommandLineOption m_topicPrefix;
    QCommandLineOption m_noRetain;
    QCommandLineOption m_json;
};

} // namespace tideline::cli
