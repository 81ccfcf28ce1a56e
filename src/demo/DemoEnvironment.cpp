#include "DemoEnvironment.h"

#include "DemoCluster.h"
#include "LocalServers.h"
#include "OrderShop.h"
#include "RabbitMqProcess.h"
#include "ShopTraffic.h"
#include "core/Logging.h"
#include "metrics/RabbitMqManagementApi.h"
#include "metrics/RabbitMqManagementSource.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace tideline::demo {

// Owns the broker processes on the demo's server thread: starting RabbitMQ blocks for seconds
// (it waits for the plugins' listeners), which must not happen on the GUI thread.
class ServerHost final : public QObject
{
    Q_OBJECT
public:
    void startAll()
    {
        QString error;
        MosquittoProcess::Options mo;
        mo.sysIntervalSeconds = 2;
        m_mosquitto = std::make_unique<MosquittoProcess>(mo);
        if (m_mosquitto->start(&error)) {
            Q_EMIT mosquittoStarted(m_mosquitto->url(), QString());
        } else {
            m_mosquitto.reset();
            Q_EMIT mosquittoStarted(QString(), error);
        }
        m_rabbit = std::make_unique<RabbitMqProcess>();
        error.clear();
        if (m_rabbit->start(&error)) {
            Q_EMIT rabbitStarted(m_rabbit->amqpPort(), m_rabbit->managementPort(), QString());
        } else {
            m_rabbit.reset();
            Q_EMIT rabbitStarted(0, 0, error);
        }
    }
    void stopAll()
    {
        if (m_rabbit)
            m_rabbit->stop(3000);
        m_rabbit.reset();
        if (m_mosquitto)
            m_mosquitto->stop();
        m_mosquitto.reset();
    }

Q_SIGNALS:
    void mosquittoStarted(const QString &url, const QString &error);
    void rabbitStarted(int amqpPort, int managementPort, const QString &error);

private:
    std::unique_ptr<MosquittoProcess> m_mosquitto;
    std::unique_ptr<RabbitMqProcess> m_rabbit;
};

DemoEnvironment::DemoEnvironment(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_dataDir = m_options.dataDir.isEmpty() ? m_tempDir.path() : m_options.dataDir;
    m_serverThread.setObjectName(u"demo-servers"_s);
}

DemoEnvironment::~DemoEnvironment()
{
    stop();
}

QString DemoEnvironment::amqpUrl() const
{
    return m_amqpPort ? u"amqp://guest@127.0.0.1:%1/"_s.arg(m_amqpPort) : QString();
}

QString DemoEnvironment::metricsUrl() const
{
    return m_metricsServer ? u"http://127.0.0.1:%1/metrics"_s.arg(m_metricsServer->serverPort()) : QString();
}

QString DemoEnvironment::kubeconfigPath() const
{
    return m_dataDir + u"/kubeconfig"_s;
}

void DemoEnvironment::start()
{
    m_stopped = false;
    auto *host = new ServerHost;
    host->moveToThread(&m_serverThread);
    connect(&m_serverThread, &QThread::finished, host, &QObject::deleteLater);
    connect(host, &ServerHost::mosquittoStarted, this, &DemoEnvironment::onMosquitto);
    connect(host, &ServerHost::rabbitStarted, this, &DemoEnvironment::onRabbit);
    m_host = host;
    m_serverThread.start();
    Q_EMIT progress(tr("Starting mosquitto and RabbitMQ on loopback ports…"));
    QMetaObject::invokeMethod(host, &ServerHost::startAll, Qt::QueuedConnection);
}

void DemoEnvironment::fail(Component c, const QString &reason)
{
    m_failures.insert(c, reason);
    qCWarning(lcCore) << "demo:" << c << reason;
    Q_EMIT componentFailed(c, reason);
}

void DemoEnvironment::onMosquitto(const QString &url, const QString &error)
{
    m_mosquittoDone = true;
    if (m_stopped)
        return;
    if (!error.isEmpty()) {
        fail(Component::Mosquitto, tr("mosquitto did not start: %1").arg(error));
    } else {
        m_mqttUrl = url;
        m_traffic = std::make_unique<ShopTraffic>(url, [this] { return m_shop ? m_shop->currentRate() : 4.0; });
        m_traffic->start();
        Q_EMIT progress(tr("mosquitto runs at %1; starting RabbitMQ (this takes a few seconds)…").arg(url));
    }
    finishIfDone();
}

void DemoEnvironment::onRabbit(int amqpPort, int managementPort, const QString &error)
{
    m_rabbitDone = true;
    if (m_stopped)
        return;
    if (!error.isEmpty()) {
        fail(Component::RabbitMq, tr("RabbitMQ did not start: %1").arg(error));
        fail(Component::Shop, tr("The order queue needs RabbitMQ."));
        fail(Component::Cluster, tr("The demo cluster scales workers that need RabbitMQ."));
        finishIfDone();
        return;
    }
    m_amqpPort = amqpPort;
    m_managementUrl = u"http://127.0.0.1:%1"_s.arg(managementPort);
    Q_EMIT progress(tr("RabbitMQ runs; starting the storefront, the workers and the demo cluster…"));

    AmqpEndpoint endpoint;
    endpoint.port = amqpPort;
    m_shop = std::make_unique<OrderShop>(endpoint, m_options.profile);
    if (auto r = m_shop->start(); !r) {
        fail(Component::Shop, r.error().message);
        m_shop.reset();
    }
    // The HPA's metric: the queue's depth as the management API reports it, read by the same
    // source the dashboard uses. A failing poll leaves the last value; the HPA then says so.
    RabbitMqManagementSource::Options depthOptions;
    depthOptions.url = QUrl(m_managementUrl);
    depthOptions.user = managementUser();
    depthOptions.vhost = u"/"_s;
    depthOptions.queue = QString::fromLatin1(OrderShop::QueueName);
    m_depthSource = std::make_unique<RabbitMqManagementSource>(depthOptions);
    m_depthSource->setPassword(managementPassword());
    m_depthSource->setIntervalMs(1000);
    connect(m_depthSource.get(), &MetricSource::samplesReady, this, [this](const QList<MetricSample> &samples) {
        for (const MetricSample &sample : samples) {
            if (sample.key.name == RabbitMqManagementApi::Messages) {
                m_depth = sample.point.value;
                Q_EMIT depthChanged(*m_depth);
            }
        }
    });
    m_depthSource->start();
    startMetricsEndpoint();

    if (m_shop) {
        DemoCluster::Hooks hooks;
        hooks.depth = [this] { return m_depth; };
        hooks.setWorkers = [this](int n) {
            if (m_shop)
                m_shop->setReplicas(n);
        };
        hooks.readyWorkers = [this] { return m_shop ? m_shop->readyWorkers() : 0; };
        m_cluster = std::make_unique<DemoCluster>(std::move(hooks));
        m_cluster->setTiming({m_options.hpaSyncMs, m_options.scaleUpPeriodSeconds, m_options.scaleDownWindowSeconds});
        if (auto r = m_cluster->start(kubeconfigPath()); !r) {
            fail(Component::Cluster, r.error().message);
            m_cluster.reset();
            m_shop->setReplicas(2); // without a cluster the workers still drain the queue
        }
    }
    finishIfDone();
}

void DemoEnvironment::startMetricsEndpoint()
{
    m_metricsServer = std::make_unique<QTcpServer>();
    if (!m_metricsServer->listen(QHostAddress::LocalHost, 0)) {
        fail(Component::Metrics, tr("The /metrics endpoint cannot listen: %1").arg(m_metricsServer->errorString()));
        m_metricsServer.reset();
        return;
    }
    // The seed app's /metrics: one gauge, the queue's depth, in the text exposition format.
    connect(m_metricsServer.get(), &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_metricsServer->nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                if (!socket->canReadLine() || !socket->peek(65536).contains("\r\n\r\n"))
                    return;
                const QByteArray requestLine = socket->readLine();
                socket->readAll();
                QByteArray body;
                QByteArray status = "200 OK";
                if (!requestLine.startsWith("GET /metrics")) {
                    status = "404 Not Found";
                    body = "not found\n";
                } else {
                    body = "# HELP messages Messages waiting in the orders queue.\n"
                           "# TYPE messages gauge\n";
                    if (m_depth)
                        body += "messages{queue=\"orders\"} " + QByteArray::number(*m_depth, 'g', 15) + '\n';
                    if (m_shop) {
                        body += "# HELP orders_published_total Orders the storefront published.\n"
                                "# TYPE orders_published_total counter\n"
                                "orders_published_total " + QByteArray::number(m_shop->published()) + '\n'
                              + "# HELP orders_consumed_total Orders the workers finished.\n"
                                "# TYPE orders_consumed_total counter\n"
                                "orders_consumed_total " + QByteArray::number(m_shop->consumed()) + '\n';
                    }
                }
                socket->write("HTTP/1.1 " + status + "\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"
                              "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        }
    });
}

void DemoEnvironment::finishIfDone()
{
    if (m_ready || !m_mosquittoDone || !m_rabbitDone)
        return;
    m_ready = true;
    Q_EMIT progress(m_failures.isEmpty() ? tr("The demo runs.") : tr("The demo runs in part: %1").arg(summary()));
    Q_EMIT ready();
}

QString DemoEnvironment::failure(Component c) const
{
    return m_failures.value(c);
}

QString DemoEnvironment::summary() const
{
    const auto line = [this](Component c, const QString &name) {
        const QString f = m_failures.value(c);
        return f.isEmpty() ? tr("%1: running").arg(name) : tr("%1: failed (%2)").arg(name, f);
    };
    return QStringList{line(Component::Mosquitto, u"mosquitto"_s), line(Component::RabbitMq, u"RabbitMQ"_s),
                       line(Component::Shop, tr("shop")), line(Component::Cluster, tr("demo cluster")),
                       line(Component::Metrics, u"/metrics"_s)}
        .join(u" · "_s);
}

void DemoEnvironment::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_depthSource.reset();
    if (m_cluster)
        m_cluster->stop();
    m_cluster.reset();
    if (m_shop)
        m_shop->stop();
    m_shop.reset();
    if (m_traffic)
        m_traffic->stop();
    m_traffic.reset();
    m_metricsServer.reset();
    if (m_serverThread.isRunning()) {
        if (m_host)
            QMetaObject::invokeMethod(m_host, &ServerHost::stopAll, Qt::BlockingQueuedConnection);
        m_serverThread.quit();
        m_serverThread.wait();
    }
}

} // namespace tideline::demo

#include "DemoEnvironment.moc"
