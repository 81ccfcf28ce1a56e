#pragma once

#include "CliCommand.h"
#include "CliSupport.h"
#include "core/MqttMessage.h"

#include <QCommandLineOption>
#include <QCoreApplication>

namespace tideline::cli {

// `tideline-cli sub`: subscribes and prints one line per message (plain or JSON) to stdout.
class SubCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(SubCommand)

public:
    SubCommand();

    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString details() const override;
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser) override;

    // "TOPIC PAYLOAD\n"; a payload that is not UTF-8 as "base64:" + base64.
    static QByteArray formatPlain(const MqttMessage &message);
    // One compact JSON object and "\n".
    static QByteArray formatJson(const MqttMessage &message);

private:
    ConnectionOptions m_connection;
    QCommandLineOption m_topic;
    QCommandLineOption m_qos;
    QCommandLineOption m_count;
    QCommandLineOption m_json;
};

} // namespace tideline::cli
