#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace tideline::cli {

// `tideline-cli demo`: runs the demo environment (brokers, shop, workers, demo cluster) without
// the GUI, prints its endpoints and a status line every few seconds until interrupted.
class DemoCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)
public:
    DemoCommand();
    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString details() const override;
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser) override;

private:
    QCommandLineOption m_profile;
    QCommandLineOption m_speed;
    QCommandLineOption m_hpaSync;
    QCommandLineOption m_duration;
    QCommandLineOption m_interval;
    QCommandLineOption m_json;
};

} // namespace tideline::cli
