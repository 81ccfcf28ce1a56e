#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace tideline::demo {

// A real RabbitMQ node (the Debian rabbitmq-server) for tests and the demo.
//
// Owns a temp dir (config, enabled_plugins, mnesia, logs, a HOME with a fresh Erlang cookie),
// a private epmd on a free loopback port, and the node itself, with every listener (AMQP,
// MQTT, web-MQTT, management, Prometheus, Erlang distribution) on 127.0.0.1 and a free port.
// When started as root, everything runs as the `rabbitmq` user and the temp dir belongs to it.
// Each child runs in its own session and carries a marker in its environment, so stop() can
// find and kill by PID everything the node spawned, and leftoverProcesses() can prove it did.
//
// Starting takes seconds (the plugins' listeners come up last): keep one node per test
// executable. Tests must QVERIFY2(start(&error), ...): never skip.
class RabbitMqProcess final
{
public:
    struct Options
    {
        QStringList plugins = {QStringLiteral("rabbitmq_management"), QStringLiteral("rabbitmq_mqtt"),
                               QStringLiteral("rabbitmq_web_mqtt"), QStringLiteral("rabbitmq_prometheus")};
        // Management statistics are sampled at this interval; the default (5 s) makes tests slow.
        int statisticsIntervalMs = 500;
        // A node starts in seconds on an idle machine but took up to 56 s on a loaded 2-core box.
        int startTimeoutMs = 120000;
        QStringList extraConfig; // raw rabbitmq.conf lines
    };

    struct HttpResult
    {
        int status = 0;      // HTTP status, 0 when no response arrived
        QByteArray body;
        QString error;       // transport error or non-2xx summary; empty on success
        bool ok() const { return error.isEmpty(); }
    };

    RabbitMqProcess();
    explicit RabbitMqProcess(Options options);
    ~RabbitMqProcess();
    RabbitMqProcess(const RabbitMqProcess &) = delete;
    RabbitMqProcess &operator=(const RabbitMqProcess &) = delete;

    // Starts epmd and the node and waits until every listener accepts connections. On failure
    // returns false with the reason and the tail of the node's log in `error`, and cleans up.
    bool start(QString *error);
    // Starts again on the same ports (after kill() or stop()), as a broker coming back after a
    // crash would: clients configured with the old URL reconnect to it.
    bool restart(QString *error);
    // SIGTERM to the node's beam process, SIGKILL after graceMs (graceMs <= 0: SIGKILL at
    // once); then SIGKILL to anything the node left behind, then epmd. Safe to call twice.
    // A clean stop of 3.10 with the management plugin takes about 6 s (its agent waits 5 s for
    // statistics to stop); the destructor stops with a 2 s grace.
    void stop(int graceMs = 15000);
    void kill(); // SIGKILL, no grace (simulates a crash); then as stop()
    bool isRunning() const;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 amqpPort() const { return m_amqpPort; }
    quint16 mqttPort() const { return m_mqttPort; }
    quint16 webMqttPort() const { return m_webMqttPort; }
    quint16 managementPort() const { return m_managementPort; }
    quint16 prometheusPort() const { return m_prometheusPort; }
    quint16 distributionPort() const { return m_distPort; }
    quint16 epmdPort() const { return m_epmdPort; }
    QString mqttUrl() const;       // mqtt://127.0.0.1:P
    QString webMqttUrl() const;    // ws://127.0.0.1:P/ws
    QString managementUrl() const; // http://127.0.0.1:P
    QString prometheusUrl() const; // http://127.0.0.1:P/metrics
    QString username() const { return QStringLiteral("guest"); } // guest may connect from loopback
    QString password() const { return QStringLiteral("guest"); }
    QString nodeName() const;      // tideline-<amqp port>@localhost
    QString dir() const { return m_dir.path(); }

    qint64 pid() const { return m_beamPid; } // the beam.smp process, 0 when not running
    qint64 epmdPid() const;
    qint64 startDurationMs() const { return m_startDurationMs; }
    // Live (non-zombie) processes started for this node: beam, erl_child_setup, epmd, helpers.
    QList<qint64> leftoverProcesses() const;

    QString log() const;                     // the node's log file
    QString logTail(int lines = 40) const;

    // Runs rabbitmqctl against this node (same user, HOME and cookie): e.g. add_user,
    // set_permissions, list_queues. Output is stdout and stderr merged.
    bool rabbitmqctl(const QStringList &args, QString *output = nullptr, int timeoutMs = 60000) const;

    // The management HTTP API as guest. `encodedPath` is already percent-encoded
    // ("/api/queues/%2F/orders"). Blocks in a local event loop; gives up after timeoutMs.
    HttpResult managementRequest(const QByteArray &verb, const QString &encodedPath,
                                 const QByteArray &jsonBody = {}, int timeoutMs = 10000) const;
    QJsonObject managementJson(const QString &encodedPath, QString *error = nullptr) const;
    // A durable classic queue on vhost "/".
    bool declareQueue(const QString &name, QString *error = nullptr) const;
    // Publishes `count` messages to the queue through the default exchange.
    bool publishToQueue(const QString &name, int count, QString *error = nullptr,
                        const QByteArray &payload = QByteArrayLiteral("tideline test message")) const;
    // The "messages" figure the management API reports for a queue (-1 when unknown).
    qint64 queueMessages(const QString &name) const;

private:
    bool prepareDir(QString *error);
    bool writeFile(const QString &relativePath, const QByteArray &contents, QString *error);
    QProcessEnvironment environment() const;
    std::unique_ptr<QProcess> newChild() const;
    bool startEpmd(QString *error);
    bool waitForListeners(QString *error);
    qint64 readBeamPid() const;
    void killLeftovers();
    void stopEpmd();

    Options m_options;
    QTemporaryDir m_dir;
    quint16 m_amqpPort = 0;
    quint16 m_mqttPort = 0;
    quint16 m_webMqttPort = 0;
    quint16 m_managementPort = 0;
    quint16 m_prometheusPort = 0;
    quint16 m_distPort = 0;
    quint16 m_epmdPort = 0;
    qint64 m_beamPid = 0;
    bool m_keepPorts = false;
    qint64 m_startDurationMs = 0;
    std::unique_ptr<QProcess> m_epmd;
    std::unique_ptr<QProcess> m_node;
};

} // namespace tideline::demo
