#pragma once

#include "CliCommand.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace tideline::cli {

// The options every `metrics` command shares: request timeout, CA file, --insecure, --json.
class MetricsHttpOptions final
{
    Q_DECLARE_TR_FUNCTIONS(MetricsHttpOptions)

public:
    MetricsHttpOptions();
    void addTo(QCommandLineParser &parser) const;
    bool json(const QCommandLineParser &parser) const { return parser.isSet(m_json); }

    QCommandLineOption m_timeout;
    QCommandLineOption m_caFile;
    QCommandLineOption m_insecure;
    QCommandLineOption m_json;
};

// `tideline-cli metrics rabbitmq`: queue depth, consumers and rates from the management API.
class MetricsRabbitMqCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(MetricsRabbitMqCommand)

public:
    MetricsRabbitMqCommand();
    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString details() const override;
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser) override;

private:
    MetricsHttpOptions m_http;
    QCommandLineOption m_url;
    QCommandLineOption m_user;
    QCommandLineOption m_passwordStdin;
    QCommandLineOption m_vhost;
    QCommandLineOption m_queue;
};

// `tideline-cli metrics scrape`: reads a Prometheus exposition endpoint once.
class MetricsScrapeCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(MetricsScrapeCommand)

public:
    MetricsScrapeCommand();
    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString details() const override;
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser) override;

private:
    MetricsHttpOptions m_http;
    QCommandLineOption m_url;
    QCommandLineOption m_match;
};

// `tideline-cli metrics query`: a PromQL instant or range query against a Prometheus server.
class MetricsQueryCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(MetricsQueryCommand)

public:
    MetricsQueryCommand();
    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString details() const override;
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser) override;

private:
    MetricsHttpOptions m_http;
    QCommandLineOption m_prometheus;
    QCommandLineOption m_query;
    QCommandLineOption m_time;
    QCommandLineOption m_range;
    QCommandLineOption m_step;
};

// Columns padded to their widest cell, two spaces apart; `rightAligned` columns (numbers)
// are padded on the left. Each row ends with "\n".
QByteArray formatTable(const QStringList &header, const QList<QStringList> &rows, const QList<bool> &rightAligned);

} // namespace tideline::cli
