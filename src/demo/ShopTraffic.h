#pragma once

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace tideline {
class MqttConnection;
}

namespace tideline::demo {

// The demo shop's live MQTT traffic, published to a real broker: per-store order events as
// JSON (structured CloudEvents every few orders, binary-mode CloudEvents with MQTT 5 user
// properties too), freezer telemetry worth plotting, door sensors, retained store status and
// config topics, and the frontend's order rate following the surge (`rate`).
class ShopTraffic final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShopTraffic)
public:
    // `rate` says how many orders per second the storefront takes now (the surge profile).
    ShopTraffic(const QString &brokerUrl, std::function<double()> rate, QObject *parent = nullptr);
    ~ShopTraffic() override;

    void start();
    void stop();
    quint64 published() const { return m_published; }
    MqttConnection *connection() const { return m_connection.get(); }

private:
    void publishRetained();
    void tick();
    void publish(const QByteArray &topic, const QByteArray &payload, bool retain = false);

    std::unique_ptr<MqttConnection> m_connection;
    std::function<double()> m_rate;
    QTimer m_timer;
    quint64 m_seq = 0;
    quint64 m_published = 0;
    bool m_retainedDone = false;
};

} // namespace tideline::demo
