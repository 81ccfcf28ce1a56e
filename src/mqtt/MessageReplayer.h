#pragma once

#include "core/MqttMessage.h"
#include "core/Result.h"
#include "mqtt/BurstPublisher.h"
#include "mqtt/MqttConnection.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

namespace tideline {

// Publishes a recorded message set again (typically one read by HistoryExport::readFile):
// in file order, with the original gaps between the messages divided by a speed factor, at a
// fixed rate, or as fast as flow control allows. Topics can be moved under another prefix
// ("shop/" -> "replay/shop/") and the retain flag dropped. MQTT 5 properties travel along when
// the connection speaks MQTT 5, except the ones that belong to the recording connection
// (topic alias, subscription identifiers). File order holds at the broker: a message of lower
// QoS right behind a QoS 2 one waits until that one is complete (brokers release QoS 2 on
// PUBREL, so it would overtake).
//
// The sending itself is a BurstPublisher (pacing, flow-control window, progress, cancel,
// reconnect pause, report); this class only plans the send times and turns each recorded
// message into an outgoing one. Owns the messages and its BurstPublisher; the connection must
// outlive it (or the replay ends with the rest counted as failed).
class MessageReplayer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageReplayer)

public:
    enum class Timing {
        Original,         // the recorded gaps divided by `speed`
        FixedRate,        // `rate` messages per second
        AsFastAsPossible, // as fast as flow control allows
    };

    struct Options
    {
        Timing timing = Timing::Original;
        double speed = 1.0; // Original: 10 = ten times as fast; infinity = as fast as possible
        double rate = 0;    // FixedRate: messages per second
        // Topics that start with oldPrefix get newPrefix instead (an empty oldPrefix prepends
        // newPrefix to every topic); other topics are sent unchanged. Both empty: no rewrite.
        QByteArray oldPrefix;
        QByteArray newPrefix;
        bool dropRetain = false;
    };

    using Report = BurstPublisher::Report;

    // What the operator sees before replaying a file.
    struct Summary
    {
        qsizetype count = 0;
        qsizetype topics = 0;  // distinct topics
        qint64 firstMs = 0;    // earliest timestamp (ms since the epoch); 0 when empty
        qint64 lastMs = 0;     // latest timestamp
        qint64 spanMs() const { return lastMs - firstMs; }
    };
    static Summary summarize(const std::vector<MqttMessage> &messages);

    // Pure planning: when each message is due, in nanoseconds after the first publish, in file
    // order. Original: message i is due (t[i] - t[0]) / speed after the first, but never before
    // the message ahead of it (a file whose timestamps go backwards keeps its order; those
    // messages follow their predecessor at once). FixedRate: i / rate seconds.
    // AsFastAsPossible (and Original with an infinite speed): all 0. Never decreasing.
    static std::vector<qint64> schedule(const std::vector<qint64> &timestampsMs, const Options &options);
    static std::vector<qint64> schedule(const std::vector<MqttMessage> &messages, const Options &options);

    // A speed or rate that cannot be used (not a positive number) or a bad prefix pair.
    static Result<void> validate(const Options &options);

    static QByteArray rewriteTopic(const QByteArray &topic, const Options &options);
    // The message as it will be published (properties are dropped by MqttConnection on 3.1.1).
    static OutgoingMessage toOutgoing(const MqttMessage &message, const Options &options);

    // `options` must pass validate(); a bad speed or rate is treated as as fast as possible.
    MessageReplayer(MqttConnection *connection, std::vector<MqttMessage> messages, Options options,
                    QObject *parent = nullptr);
    ~MessageReplayer() override;

    // Starts now when connected, or as soon as the connection is. Calling it again does nothing.
    void start();
    // Publishes nothing more; finished() follows once the messages in flight are answered.
    void cancel();

    bool isRunning() const;
    bool isFinished() const;
    quint64 total() const { return quint64(m_count); }
    quint64 completed() const;
    // The planned duration from the first to the last send, in seconds (0 when unpaced).
    double plannedSeconds() const;
    // The report so far; final once finished() was emitted.
    Report report() const;
    const Options &options() const { return m_options; }

Q_SIGNALS:
    // completed = sent + failed so far; at most every 100 ms and once at the end.
    void progress(quint64 completed, quint64 total);
    void finished(const tideline::BurstPublisher::Report &report);

private:
    Options m_options;
    qsizetype m_count = 0;
    qint64 m_plannedNs = 0;
    std::unique_ptr<BurstPublisher> m_burst;
};

} // namespace tideline
