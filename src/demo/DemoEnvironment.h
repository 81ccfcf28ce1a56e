#pragma once

#include "SurgeProfile.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <memory>
#include <optional>

class QTcpServer;

namespace tideline {
class RabbitMqManagementSource;
}

namespace tideline::demo {

class DemoCluster;
class OrderShop;
class ServerHost;
class ShopTraffic;

// Everything `tideline --demo` and `tideline-cli demo` run, on loopback ports picked at start
// and torn down by stop() (no stray processes):
// - a real mosquitto with the shop's live MQTT traffic (ShopTraffic);
// - a real RabbitMQ (management, MQTT, Prometheus plugins) with the `orders` queue, fed by the
//   storefront along the surge profile and drained by real AMQP workers (OrderShop);
// - the demo cluster (DemoCluster): a local Kubernetes API endpoint whose HPA controller scales
//   the `worker` deployment, and so the workers, from the real queue depth; kubeconfig written;
// - the seed app's /metrics endpoint: the queue's depth as a Prometheus `messages` gauge.
//
// The brokers start on a thread of their own (RabbitMQ takes seconds), so the GUI stays live;
// progress() reports each step. When a server cannot start the others still run: failures are
// reported per component and summary() says which.
class DemoEnvironment final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoEnvironment)
public:
    enum class Component { Mosquitto, RabbitMq, Shop, Cluster, Metrics };
    Q_ENUM(Component)

    struct Options
    {
        SurgeProfile profile = SurgeProfile::launchDay();
        int hpaSyncMs = 15000;
        int scaleUpPeriodSeconds = 15;
        int scaleDownWindowSeconds = 60;
        QString dataDir;        // kubeconfig, audit log...; empty: a temporary directory
    };

    explicit DemoEnvironment(Options options, QObject *parent = nullptr);
    ~DemoEnvironment() override;

    void start();
    void stop();
    bool isReady() const { return m_ready; }

    QString mqttUrl() const { return m_mqttUrl; }
    QString managementUrl() const { return m_managementUrl; }
    QString managementUser() const { return QStringLiteral("guest"); }
    QString managementPassword() const { return QStringLiteral("guest"); }
    QString amqpUrl() const;
    QString metricsUrl() const;
    QString kubeconfigPath() const;
    QString dataDir() const { return m_dataDir; }
    std::optional<double> queueDepth() const { return m_depth; }

    OrderShop *shop() const { return m_shop.get(); }
    DemoCluster *cluster() const { return m_cluster.get(); }
    ShopTraffic *traffic() const { return m_traffic.get(); }
    // "mosquitto: running · RabbitMQ: failed (…) · …"
    QString summary() const;
    // Component -> translated failure; empty when it runs.
    QString failure(Component c) const;

Q_SIGNALS:
    void progress(const QString &message);
    void componentFailed(tideline::demo::DemoEnvironment::Component component, const QString &reason);
    // Every component was attempted; some may have failed (see failure()).
    void ready();
    void depthChanged(double depth);

private:
    void onMosquitto(const QString &url, const QString &error);
    void onRabbit(int amqpPort, int managementPort, const QString &error);
    void startMetricsEndpoint();
    void fail(Component c, const QString &reason);
    void finishIfDone();

    Options m_options;
    QTemporaryDir m_tempDir;
    QString m_dataDir;
    QThread m_serverThread;
    QPointer<ServerHost> m_host;
    std::unique_ptr<ShopTraffic> m_traffic;
    std::unique_ptr<OrderShop> m_shop;
    std::unique_ptr<DemoCluster> m_cluster;
    std::unique_ptr<RabbitMqManagementSource> m_depthSource; // the same source the dashboard uses
    std::unique_ptr<QTcpServer> m_metricsServer;
    QString m_mqttUrl;
    QString m_managementUrl;
    int m_amqpPort = 0;
    std::optional<double> m_depth;
    QHash<Component, QString> m_failures;
    bool m_mosquittoDone = false;
    bool m_rabbitDone = false;
    bool m_ready = false;
    bool m_stopped = false;
};

} // namespace tideline::demo
