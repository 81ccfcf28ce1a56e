#include "ShopTraffic.h"

#include "core/MessageInbox.h"
#include "mqtt/ConnectionProfile.h"
#include "mqtt/MqttConnection.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tideline::demo {

namespace {

const QStringList kStores = {u"store-03"_s, u"store-12"_s, u"store-27"_s, u"store-41"_s};
constexpr int kTickMs = 500;

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

ShopTraffic::ShopTraffic(const QString &brokerUrl, std::function<double()> rate, QObject *parent)
    : QObject(parent)
    , m_rate(std::move(rate))
{
    auto profile = ConnectionProfile::fromUrl(brokerUrl);
    ConnectionProfile p = profile ? profile.value() : ConnectionProfile{};
    p.name = u"demo shop"_s;
    p.clientId = u"tideline-demo-shop"_s;
    // The publisher's inbox stays empty: it subscribes to nothing.
    m_connection = std::make_unique<MqttConnection>(p, std::make_shared<MessageInbox>());
    connect(m_connection.get(), &MqttConnection::stateChanged, this, [this](MqttConnection::State s) {
        if (s == MqttConnection::State::Connected && !m_retainedDone)
            publishRetained();
    });
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &ShopTraffic::tick);
}

ShopTraffic::~ShopTraffic()
{
    stop();
}

void ShopTraffic::start()
{
    m_connection->open();
    m_timer.start();
}

void ShopTraffic::stop()
{
    m_timer.stop();
    if (m_connection)
        m_connection->close();
}

void ShopTraffic::publish(const QByteArray &topic, const QByteArray &payload, bool retain)
{
    if (m_connection->publish(topic, payload, 0, retain) != 0)
        ++m_published;
}

void ShopTraffic::publishRetained()
{
    m_retainedDone = true;
    for (const QString &s : kStores) {
        publish(u"shop/%1/status"_s.arg(s).toUtf8(), json({{u"open"_s, true}, {u"checkouts"_s, 4}}), true);
        publish(u"shop/%1/config/version"_s.arg(s).toUtf8(), "2026.11.3", true);
    }
    publish("shop/frontend/status", "online", true);
}

void ShopTraffic::tick()
{
    if (m_connection->state() != MqttConnection::State::Connected)
        return;
    const double rate = m_rate ? m_rate() : 4.0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const double minutes = double(now) / 60000.0;
    for (int i = 0; i < kStores.size(); ++i) {
        const QString &store = kStores.at(i);
        ++m_seq;
        const QString orderId = u"o-%1"_s.arg(m_seq);
        publish(u"shop/%1/orders/created"_s.arg(store).toUtf8(),
                json({{u"orderId"_s, orderId}, {u"store"_s, store}, {u"items"_s, int(1 + m_seq % 5)},
                      {u"amount"_s, double((m_seq * 7919) % 20000) / 100.0}, {u"time"_s, nowIso()}}));
        // Freezers drift slowly around -18 °C; store-27's is failing and warms up.
        const double drift = i == 2 ? std::fmod(minutes * 0.8, 10.0) : 0.0;
        const double temperature = -18.0 + 0.6 * std::sin(minutes * 3.0 + i) + drift;
        publish(u"shop/%1/devices/freezer-1/temperature"_s.arg(store).toUtf8(),
                QByteArray::number(temperature, 'f', 2));
        publish(u"shop/%1/devices/door/open"_s.arg(store).toUtf8(), (m_seq % 7 == 0) ? "1" : "0");
        if (m_seq % 5 == 0) {
            publish(u"shop/%1/events"_s.arg(store).toUtf8(),
                    json({{u"specversion"_s, u"1.0"_s},
                          {u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                          {u"source"_s, u"/shop/%1"_s.arg(store)},
                          {u"type"_s, u"com.example.order.paid"_s},
                          {u"time"_s, nowIso()},
                          {u"datacontenttype"_s, u"application/json"_s},
                          {u"data"_s, QJsonObject{{u"orderId"_s, orderId}}}}));
        }
    }
    // A binary-mode CloudEvent (MQTT 5 binding: attributes as user properties).
    if (m_seq % 8 == 0 && m_connection->profile().version == ConnectionProfile::Version::Mqtt5) {
        MessageProperties props;
        props.contentType = u"application/json"_s;
        props.userProperties = {{u"specversion"_s, u"1.0"_s},
                                {u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                {u"source"_s, u"/shop/frontend"_s},
                                {u"type"_s, u"com.example.checkout.started"_s},
                                {u"time"_s, nowIso()}};
        if (m_connection->publish("shop/frontend/checkout", json({{u"cart"_s, int(m_seq % 97)}}), 0, false, props) != 0)
            ++m_published;
    }
    publish("shop/frontend/orders/rate", QByteArray::number(rate, 'f', 1));
}

} // namespace tideline::demo
