#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace tideline::test {

// A real Prometheus server (the Debian `prometheus` binary) on 127.0.0.1 and a free port, with
// a generated config that scrapes the given targets every second, and its TSDB in a temp dir.
// Stopped by PID in the destructor. Tests must QVERIFY2(start(&error), ...): never skip.
class PrometheusProcess final
{
public:
    struct Target
    {
        QString hostPort;                     // "127.0.0.1:8080"
        QString metricsPath = QStringLiteral("/metrics");
        QString job = QStringLiteral("tideline-test");
    };
    struct Options
    {
        QList<Target> targets;
        int scrapeIntervalMs = 1000;
        int startTimeoutMs = 60000;
        // Serve HTTPS with a certificate for 127.0.0.1/localhost signed by a throwaway CA
        // (caFile()), through Prometheus's --web.config.file.
        bool tls = false;
        QStringList extraArgs;
    };

    explicit PrometheusProcess(Options options);
    ~PrometheusProcess();
    PrometheusProcess(const PrometheusProcess &) = delete;
    PrometheusProcess &operator=(const PrometheusProcess &) = delete;

    // Starts the server and waits until /-/ready answers 200.
    bool start(QString *error);
    void stop(); // SIGTERM by PID, SIGKILL after 5 s
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString url() const; // http://127.0.0.1:PORT (https:// with tls)
    QString caFile() const; // with tls: the PEM CA that signed the server certificate
    qint64 pid() const;
    QString dir() const { return m_dir.path(); }
    QString log() const;

private:
    bool writeConfig(QString *error);
    bool generatePki(QString *error);

    Options m_options;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

} // namespace tideline::test
