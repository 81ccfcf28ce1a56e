#pragma once

#include "MqttMessage.h"

#include <atomic>
#include <mutex>
#include <vector>

namespace tideline {

// The hand-over point between a network thread (Paho's callback) and the GUI thread.
// Producers append under a mutex; the consumer swaps the whole batch out once per frame,
// so the lock is held for a push_back or a swap, never for processing.
class MessageInbox final
{
public:
    MessageInbox() = default;
    MessageInbox(const MessageInbox &) = delete;
    MessageInbox &operator=(const MessageInbox &) = delete;

    void push(MqttMessage &&message)
    {
        std::lock_guard lock(m_mutex);
        m_pending.push_back(std::move(message));
        m_received.fetch_add(1, std::memory_order_relaxed);
    }

    void pushBatch(std::vector<MqttMessage> &batch)
    {
        const size_t n = batch.size();
        std::lock_guard lock(m_mutex);
        if (m_pending.empty()) {
            m_pending.swap(batch);
        } else {
            for (auto &m : batch)
                m_pending.push_back(std::move(m));
        }
        m_received.fetch_add(n, std::memory_order_relaxed);
        batch.clear();
    }

    // Swaps everything pending into `out` (whose old contents are discarded).
    void takeAll(std::vector<MqttMessage> &out)
    {
        out.clear();
        std::lock_guard lock(m_mutex);
        out.swap(m_pending);
    }

    size_t pendingCount() const
    {
        std::lock_guard lock(m_mutex);
        return m_pending.size();
    }

    quint64 receivedTotal() const { return m_received.load(std::memory_order_relaxed); }

private:
    mutable std::mutex m_mutex;
    std::vector<MqttMessage> m_pending;
    std::atomic<quint64> m_received{0};
};

} // namespace tideline
