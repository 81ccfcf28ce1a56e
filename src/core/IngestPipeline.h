#pragma once

#include "MessageInbox.h"
#include "TopicTree.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace tideline {

// The GUI thread's half of the ingest path (see docs/ARCHITECTURE.md):
// network threads push into inbox(); a frame timer (60 Hz) swaps the inbox out and applies the
// batch to the TopicTree; a 1 Hz timer updates rates. Models listen to batchApplied().
//
// If one frame's batch is larger than the shed threshold, the excess is applied without
// history (counts and last values stay exact) and shedMessages() grows; the UI says so.
class IngestPipeline final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestPipeline)

public:
    explicit IngestPipeline(qint64 historyBudgetBytes = TopicTree::DefaultHistoryBudget,
                            QObject *parent = nullptr);
    ~IngestPipeline() override;

    std::shared_ptr<MessageInbox> inbox() const { return m_inbox; }
    TopicTree &tree() { return m_tree; }
    const TopicTree &tree() const { return m_tree; }

    void start();
    void stop();
    bool isRunning() const { return m_frameTimer.isActive(); }
    void setFrameInterval(int ms) { m_frameTimer.setInterval(ms); }

    // Drains the inbox once and applies it; returns the number of messages applied.
    int drainNow();
    // Updates rates now (normally done by the 1 Hz timer).
    void tickRates();

    void setShedThreshold(size_t messagesPerFrame) { m_shedThreshold = messagesPerFrame; }
    quint64 shedMessages() const { return m_shed; }
    quint64 appliedMessages() const { return m_applied; }
    // Longest time one drain took, in ms, since the last reset (for the status bar and bench).
    double worstDrainMs() const { return m_worstDrainMs; }
    void resetWorstDrain() { m_worstDrainMs = 0; }

Q_SIGNALS:
    void batchApplied(int messages);
    void ratesUpdated();

private:
    std::shared_ptr<MessageInbox> m_inbox;
    TopicTree m_tree;
    std::vector<MqttMessage> m_batch;
    QTimer m_frameTimer;
    QTimer m_rateTimer;
    size_t m_shedThreshold = 250000;
    quint64 m_shed = 0;
    quint64 m_applied = 0;
    double m_worstDrainMs = 0;
};

} // namespace tideline
