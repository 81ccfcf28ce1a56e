#pragma once

#include "AmqpConnection.h"
#include "SurgeProfile.h"

#include <QObject>
#include <QSet>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace tideline::demo {

// The demo shop's order flow over a real RabbitMQ: a storefront thread publishing orders to the
// `orders` queue at the surge profile's rate, and a pool of worker threads that really consume
// them (prefetch 1, `processingMs` per order, ack after the work). The number of workers follows
// setReplicas(), which the demo cluster calls when its deployment scales.
//
// A worker told to stop finishes the order in hand and acks it first, as a pod does in its
// termination grace period, so every order is consumed exactly once; consumedIds() lets tests
// check that. All counters are safe to read from any thread.
class OrderShop final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderShop)
public:
    static constexpr const char *QueueName = "orders";

    OrderShop(const AmqpEndpoint &endpoint, const SurgeProfile &profile, QObject *parent = nullptr);
    ~OrderShop() override;

    // Declares the queue (blocking, up to a few seconds: call before the GUI shows) and starts
    // the storefront. Workers start with setReplicas().
    Result<void> start();
    void stop();

    void setReplicas(int replicas);
    int replicas() const;
    // Workers whose connection is up and consuming.
    int readyWorkers() const { return m_ready.load(); }

    quint64 published() const { return m_published.load(); }
    quint64 consumed() const { return m_consumed.load(); }
    quint64 duplicates() const { return m_duplicates.load(); }
    quint64 failures() const { return m_failures.load(); }
    // Stops publishing (the profile's clock keeps running for rateAt()).
    void setPublishing(bool on) { m_publishing = on; }
    double secondsSinceStart() const;
    double currentRate() const;
    QString currentPhase() const;
    QSet<quint64> consumedIds() const;
    QString lastError() const;

private:
    struct Worker
    {
        std::thread thread;
        std::atomic<bool> stop{false};
        std::atomic<bool> done{false}; // set by the thread as its last act: join() won't wait
    };

    void storefront();
    void work(Worker *self);
    void noteError(const QString &message);

    const AmqpEndpoint m_endpoint;
    const SurgeProfile m_profile;
    std::chrono::steady_clock::time_point m_startedAt;

    std::thread m_storefront;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_publishing{true};
    mutable std::mutex m_workersMutex;
    std::vector<std::unique_ptr<Worker>> m_workers;   // the live ones, newest last
    std::vector<std::unique_ptr<Worker>> m_retiring;  // told to stop; joined once done, or in stop()

    std::atomic<int> m_ready{0};
    std::atomic<quint64> m_published{0};
    std::atomic<quint64> m_consumed{0};
    std::atomic<quint64> m_duplicates{0};
    std::atomic<quint64> m_failures{0};
    mutable std::mutex m_idsMutex;
    QSet<quint64> m_ids;
    QString m_lastError;
};

} // namespace tideline::demo
