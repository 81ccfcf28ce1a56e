#include "PublishLoop.h"

#include <QCoreApplication>

namespace tideline::cli {

PublishLoop::PublishLoop(MqttConnection *connection, Settings settings, MessageFactory factory,
                         QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_settings(settings)
    , m_factory(std::move(factory))
{
    m_settings.window = qMax(1, m_settings.window);
    m_pace.setSingleShot(true);
    m_pace.setTimerType(Qt::PreciseTimer);
    connect(&m_pace, &QTimer::timeout, this, &PublishLoop::pump);
    // Only this loop publishes on the connection, so every publishFinished is one of ours.
    connect(connection, &MqttConnection::publishFinished, this, &PublishLoop::onPublishFinished);
    connect(connection, &MqttConnection::stateChanged, this, [this](MqttConnection::State state) {
        if (state == MqttConnection::State::Connected)
            pump();
    });
}

void PublishLoop::start()
{
    if (m_started)
        return;
    m_started = true;
    m_clock.start();
    pump();
}

double PublishLoop::elapsedSeconds() const
{
    if (!m_clock.isValid())
        return 0;
    return double(m_endNs >= 0 ? m_endNs : m_clock.nsecsElapsed()) / 1e9;
}

void PublishLoop::pump()
{
    if (m_pumping || m_finished || !m_started)
        return;
    m_pumping = true;
    while (m_next < m_settings.count && m_inFlight < m_settings.window) {
        if (m_connection->state() != MqttConnection::State::Connected)
            break; // resumed by the stateChanged connection above
        if (m_settings.rate > 0) {
            // Message n (0-based) is due n / rate seconds after the start: pacing by schedule,
            // not by sleeping between messages, so timer slack does not add up.
            const qint64 dueNs = qint64(double(m_next) * 1e9 / m_settings.rate);
            const qint64 nowNs = m_clock.nsecsElapsed();
            if (nowNs < dueNs) {
                m_pace.start(int((dueNs - nowNs + 999'999) / 1'000'000));
                break;
            }
        }
        ++m_next;
        m_factory(m_next, m_topic, m_payload);
        const quint64 id = m_connection->publish(m_topic, m_payload, m_settings.qos, m_settings.retain);
        if (id == 0) {
            fail(1, QCoreApplication::translate("PublishLoop", "not connected"));
            continue;
        }
        ++m_inFlight;
    }
    m_pumping = false;
    checkFinished();
}

void PublishLoop::onPublishFinished(quint64 id, bool ok, const QString &error)
{
    Q_UNUSED(id);
    if (m_inFlight > 0)
        --m_inFlight;
    if (ok)
        ++m_succeeded;
    else
        fail(1, error);
    pump();
}

void PublishLoop::fail(quint64 howMany, const QString &error)
{
    m_failed += howMany;
    if (m_firstError.isEmpty())
        m_firstError = error;
}

void PublishLoop::checkFinished()
{
    if (m_finished || m_next < m_settings.count || m_inFlight > 0)
        return;
    m_finished = true;
    m_endNs = m_clock.nsecsElapsed();
    // Queued, so a receiver may tear things down without unwinding through pump().
    QMetaObject::invokeMethod(this, &PublishLoop::finished, Qt::QueuedConnection);
}

} // namespace tideline::cli
