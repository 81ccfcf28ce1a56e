#pragma once

#include "mqtt/MessageTemplate.h"
#include "mqtt/MqttConnection.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <vector>

namespace tideline {

// Publishes a series of messages through one MqttConnection, paced at a fixed rate or as fast
// as flow control allows, without ever blocking its thread (the GUI thread in the app).
//
// Work happens in short timer-driven slices: each slice publishes what is due, at most
// SliceMessages messages or SliceMs of work, then returns to the event loop. At most window()
// publishes await their publishFinished at any time: for QoS 1 and 2 over MQTT 5 that stays
// below the broker's Receive Maximum, beyond which Paho holds messages back until a later
// housekeeping pass. Pacing follows a schedule (message n is due n / rate seconds after the
// first), so timer slack does not add up. While the connection is reconnecting the burst
// pauses; when it is closed or fails, the burst ends and the rest counts as failed. Instead of
// a rate, a schedule of send times may pace it (setSchedule; MessageReplayer's original timing).
// Nagle's algorithm is already off on the connection's socket (MqttConnection does that).
//
// Only publishFinished of its own publishes is counted, so other publishes may share the
// connection. Owns nothing but its timers; the connection must outlive it or the burst ends.
class BurstPublisher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BurstPublisher)

public:
    // Fills the message with number `seq` (1-based).
    using MessageFactory = std::function<void(quint64 seq, OutgoingMessage &message)>;

    struct Settings
    {
        quint64 count = 1;
        double rate = 0; // messages per second; 0 = as fast as flow control allows
        int window = 0;  // publishes awaiting acknowledgement at most; 0 = defaultWindow()
    };

    struct Report
    {
        quint64 requested = 0;
        quint64 sent = 0;   // acknowledged (QoS 1/2) or handed to the network (QoS 0)
        quint64 failed = 0; // refused, or still unacknowledged when the connection went away
        quint64 unsent = 0; // never published (cancelled)
        double elapsedSeconds = 0; // first publish to last acknowledgement
        double targetRate = 0;     // 0 = as fast as possible
        bool cancelled = false;
        QString firstError;        // translated

        double achievedRate() const { return elapsedSeconds > 0 ? double(sent) / elapsedSeconds : 0.0; }
    };

    static constexpr int SliceMessages = 500;
    static constexpr int SliceMs = 8;

    BurstPublisher(MqttConnection *connection, Settings settings, MessageFactory factory,
                   QObject *parent = nullptr);
    // Every message from one prepared template, {{seq}} running from 1 to count.
    BurstPublisher(MqttConnection *connection, Settings settings, PreparedMessage message,
                   QObject *parent = nullptr);
    ~BurstPublisher() override;

    // Before start(): instead of the rate, message n (0-based) is due scheduleNs[n] nanoseconds
    // after the first publish (count entries, never decreasing); the rate then only labels the
    // report.
    void setSchedule(std::vector<qint64> scheduleNs);
    // Before start(): when `drainBefore(n)` is true, message n (0-based) waits until every
    // earlier publish is answered. Brokers deliver QoS 2 on PUBREL, so a lower-QoS message sent
    // right behind one would overtake it.
    void setDrainBefore(std::function<bool(quint64 n)> drainBefore);

    // Starts now when connected, or as soon as the connection is (while it is connecting or
    // reconnecting). Calling it again does nothing.
    void start();
    // Publishes nothing more; finished() follows once the messages in flight are answered
    // (or after a few seconds).
    void cancel();

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    quint64 completed() const { return m_report.sent + m_report.failed; }
    int window() const { return m_window; }
    // The report so far; final once finished() was emitted.
    Report report() const;

    // QoS 0: enough to keep the socket busy. QoS 1/2 on MQTT 5: 10, the smallest Receive
    // Maximum in common use (HiveMQ 10, mosquitto 20, EMQX 32). MQTT 3.1.1 has no Receive
    // Maximum: only a bound on our own queue.
    static int defaultWindow(int qos, bool mqtt5);
    // When message n (0-based) is due at `rate` messages per second: n / rate seconds after the
    // first, in nanoseconds (0 when rate is 0).
    static qint64 dueNsAtRate(quint64 n, double rate);

Q_SIGNALS:
    // completed = sent + failed so far. At most every ProgressIntervalMs, and once at the end.
    void progress(quint64 completed, quint64 total);
    void finished(const tideline::BurstPublisher::Report &report);

private:
    static constexpr int ProgressIntervalMs = 100;
    static constexpr int DrainTimeoutMs = 5000;

    qint64 dueNs(quint64 n) const;
    void pump();
    void onPublishFinished(quint64 id, bool ok, const QString &error);
    void onStateChanged(MqttConnection::State state);
    void fail(quint64 howMany, const QString &error);
    void emitProgress(bool force);
    void checkFinished();
    void finish();

    QPointer<MqttConnection> m_connection;
    Settings m_settings;
    MessageFactory m_factory;
    std::vector<qint64> m_scheduleNs;
    std::function<bool(quint64)> m_drainBefore;
    QTimer m_pace;
    QTimer m_drainTimer;
    QElapsedTimer m_clock;   // from the first publish
    QElapsedTimer m_sinceProgress;
    qint64 m_endNs = -1;
    quint64 m_next = 0;      // messages handed to publish() so far
    QSet<quint64> m_inFlight; // our publish ids without an answer yet
    int m_window = 0;
    bool m_started = false;
    bool m_pumping = false;
    bool m_cancelled = false;
    bool m_finished = false;
    Report m_report;
    OutgoingMessage m_message;
};

} // namespace tideline
