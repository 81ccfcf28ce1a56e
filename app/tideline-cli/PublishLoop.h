#pragma once

#include "mqtt/MqttConnection.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace tideline::cli {

// Publishes a numbered series of messages over one connected MqttConnection, either paced at
// a fixed rate or as fast as flow control allows (at most `window` publishes awaiting their
// publishFinished at any time). Used by `pub` and by the publisher side of `bench e2e`.
// Lives on the connection's thread.
class PublishLoop final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishLoop)

public:
    // Fills topic and payload for message `seq` (1-based).
    using MessageFactory = std::function<void(quint64 seq, QByteArray &topic, QByteArray &payload)>;

    struct Settings
    {
        quint64 count = 1;
        double rate = 0;   // messages per second; 0 = as fast as possible
        int qos = 0;
        bool retain = false;
        int window = 1024; // publishes in flight at most
    };

    PublishLoop(MqttConnection *connection, Settings settings, MessageFactory factory,
                QObject *parent = nullptr);

    // Starts publishing; the connection should be connected. While it is not (reconnecting),
    // publishing pauses and resumes when it is back.
    void start();

    quint64 succeeded() const { return m_succeeded; }
    quint64 failed() const { return m_failed; }
    quint64 completed() const { return m_succeeded + m_failed; }
    // From start() to the last completion (or now, while running).
    double elapsedSeconds() const;
    QString firstError() const { return m_firstError; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void finished();

private:
    void pump();
    void onPublishFinished(quint64 id, bool ok, const QString &error);
    void fail(quint64 howMany, const QString &error);
    void checkFinished();

    MqttConnection *m_connection;
    Settings m_settings;
    MessageFactory m_factory;
    QTimer m_pace;
    QElapsedTimer m_clock;
    qint64 m_endNs = -1;
    quint64 m_next = 0; // messages handed to publish() so far
    quint64 m_succeeded = 0;
    quint64 m_failed = 0;
    int m_inFlight = 0;
    bool m_started = false;
    bool m_pumping = false;
    bool m_finished = false;
    QString m_firstError;
    QByteArray m_topic;
    QByteArray m_payload;
};

} // namespace tideline::cli
