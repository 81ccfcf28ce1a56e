#include "BurstPublisher.h"

#include "core/Logging.h"

#include <QThread>


namespace tideline {

namespace {
constexpr int WindowQos0 = 1024;
constexpr int WindowAckedMqtt5 = 10;
constexpr int WindowAckedMqtt311 = 256;

// A timer shot never waits longer than this: a gap of days in a replayed capture would
// overflow QTimer's int milliseconds.
constexpr qint64 MaxWaitMs = 3'600'000;
} // namespace

qint64 BurstPublisher::dueNsAtRate(quint64 n, double rate)
{
    return rate > 0 ? qint64(double(n) * 1e9 / rate) : 0;
}

qint64 BurstPublisher::dueNs(quint64 n) const
{
    if (!m_scheduleNs.empty())
        return n < m_scheduleNs.size() ? m_scheduleNs[n] : m_scheduleNs.back();
    return dueNsAtRate(n, m_settings.rate);
}

void BurstPublisher::setSchedule(std::vector<qint64> scheduleNs)
{
    Q_ASSERT(!m_started);
    m_scheduleNs = std::move(scheduleNs);
}

void BurstPublisher::setDrainBefore(std::function<bool(quint64)> drainBefore)
{
    Q_ASSERT(!m_started);
    m_drainBefore = std::move(drainBefore);
}

int BurstPublisher::defaultWindow(int qos, bool mqtt5)
{
    if (qos == 0)
        return WindowQos0;
    return mqtt5 ? WindowAckedMqtt5 : WindowAckedMqtt311;
}

BurstPublisher::BurstPublisher(MqttConnection *connection, Settings settings, MessageFactory factory,
                               QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_settings(settings)
    , m_factory(std::move(factory))
    , m_window(qMax(0, settings.window))
{
    m_report.requested = settings.count;
    m_report.targetRate = settings.rate > 0 ? settings.rate : 0.0;
    m_pace.setSingleShot(true);
    m_pace.setTimerType(Qt::PreciseTimer);
    connect(&m_pace, &QTimer::timeout, this, &BurstPublisher::pump);
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, [this] {
        if (m_finished)
            return;
        fail(quint64(m_inFlight.size()), tr("No acknowledgement from the broker."));
        m_inFlight.clear();
        finish();
    });
    if (connection) {
        connect(connection, &MqttConnection::publishFinished, this, &BurstPublisher::onPublishFinished);
        connect(connection, &MqttConnection::stateChanged, this, &BurstPublisher::onStateChanged);
    }
}

BurstPublisher::BurstPublisher(MqttConnection *connection, Settings settings, PreparedMessage message,
                               QObject *parent)
    : BurstPublisher(connection, settings,
                     [message = std::move(message)](quint64 seq, OutgoingMessage &out) { message.render(seq, out); },
                     parent)
{
}

BurstPublisher::~BurstPublisher() = default;

void BurstPublisher::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_started)
        return;
    m_started = true;
    if (m_settings.count == 0) {
        finish();
        return;
    }
    const MqttConnection::State state = m_connection ? m_connection->state() : MqttConnection::State::Failed;
    if (state == MqttConnection::State::Disconnected || state == MqttConnection::State::Failed) {
        onStateChanged(state);
        return;
    }
    pump();
}

void BurstPublisher::cancel()
{
    if (!m_started || m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_report.cancelled = true;
    m_pace.stop();
    if (m_inFlight.isEmpty()) {
        finish();
        return;
    }
    m_drainTimer.start(DrainTimeoutMs);
}

BurstPublisher::Report BurstPublisher::report() const
{
    Report r = m_report;
    r.unsent = m_settings.count - qMin(m_settings.count, m_next);
    if (m_clock.isValid())
        r.elapsedSeconds = double(m_endNs >= 0 ? m_endNs : m_clock.nsecsElapsed()) / 1e9;
    return r;
}

void BurstPublisher::pump()
{
    if (m_pumping || m_finished || !m_started || m_cancelled || !m_connection)
        return;
    if (m_connection->state() != MqttConnection::State::Connected)
        return; // resumed by onStateChanged
    m_pumping = true;
    QElapsedTimer slice;
    slice.start();
    int published = 0;
    while (m_next < m_settings.count && m_inFlight.size() < qMax(1, m_window)) {
        if (published >= SliceMessages || slice.elapsed() >= SliceMs) {
            // Back to the event loop: paint, input and acknowledgements get their turn.
            m_pace.start(0);
            break;
        }
        if (!m_inFlight.isEmpty() && m_drainBefore && m_drainBefore(m_next))
            break; // resumed by onPublishFinished once the last answer is in
        if (!m_clock.isValid())
            m_clock.start();
        // Due times count from the first publish, so timer slack does not add up.
        if (const qint64 due = dueNs(m_next); due > 0) {
            const qint64 nowNs = m_clock.nsecsElapsed();
            if (nowNs < due) {
                m_pace.start(int(qMin(MaxWaitMs, (due - nowNs + 999'999) / 1'000'000)));
                break;
            }
        }
        ++m_next;
        m_factory(m_next, m_message);
        if (m_window == 0)
            m_window = defaultWindow(m_message.qos, m_connection->profile().version
                                                        == ConnectionProfile::Version::Mqtt5);
        const quint64 id = m_connection->publish(m_message.topic, m_message.payload, m_message.qos,
                                                 m_message.retain, m_message.properties);
        if (id == 0) {
            fail(1, tr("Not connected."));
            continue;
        }
        m_inFlight.insert(id);
        ++published;
    }
    m_pumping = false;
    emitProgress(false);
    checkFinished();
}

void BurstPublisher::onPublishFinished(quint64 id, bool ok, const QString &error)
{
    if (m_finished || !m_inFlight.remove(id))
        return; // not one of ours
    if (ok)
        ++m_report.sent;
    else
        fail(1, error);
    if (m_inFlight.isEmpty() || m_next >= m_settings.count)
        emitProgress(false);
    pump();
    checkFinished();
}

void BurstPublisher::onStateChanged(MqttConnection::State state)
{
    if (!m_started || m_finished)
        return;
    switch (state) {
    case MqttConnection::State::Connected:
        pump();
        break;
    case MqttConnection::State::Connecting:
    case MqttConnection::State::Reconnecting:
        break; // paused until connected again
    case MqttConnection::State::Disconnected:
    case MqttConnection::State::Failed: {
        // Nothing more will be acknowledged or sent on this connection.
        const QString reason = m_connection && !m_connection->lastError().isEmpty()
                                   ? m_connection->lastError()
                                   : tr("The connection is closed.");
        quint64 lost = quint64(m_inFlight.size());
        if (!m_cancelled) {
            lost += m_settings.count - m_next;
            m_next = m_settings.count;
        }
        m_inFlight.clear();
        if (lost > 0)
            fail(lost, reason);
        finish();
        break;
    }
    }
}

void BurstPublisher::fail(quint64 howMany, const QString &error)
{
    m_report.failed += howMany;
    if (m_report.firstError.isEmpty())
        m_report.firstError = error;
}

void BurstPublisher::emitProgress(bool force)
{
    if (!force && m_sinceProgress.isValid() && m_sinceProgress.elapsed() < ProgressIntervalMs)
        return;
    m_sinceProgress.start();
    Q_EMIT progress(completed(), m_settings.count);
}

void BurstPublisher::checkFinished()
{
    if (m_finished || !m_inFlight.isEmpty())
        return;
    if (m_next >= m_settings.count || m_cancelled)
        finish();
}

void BurstPublisher::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_pace.stop();
    m_drainTimer.stop();
    if (m_clock.isValid())
        m_endNs = m_clock.nsecsElapsed();
    m_report = report();
    qCInfo(lcMqtt).noquote() << "burst finished:" << m_report.sent << "sent," << m_report.failed << "failed,"
                             << m_report.unsent << "unsent in" << m_report.elapsedSeconds << "s";
    emitProgress(true);
    // Queued, so a receiver may delete this object without unwinding through pump().
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT finished(m_report); }, Qt::QueuedConnection);
}

} // namespace tideline
