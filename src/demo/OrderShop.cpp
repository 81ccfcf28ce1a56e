#include "OrderShop.h"

#include "core/Logging.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace tideline::demo {

namespace {

const QString kQueue = QString::fromLatin1(OrderShop::QueueName);
const char *const kStores[] = {"store-03", "store-12", "store-27", "store-41"};

// Sleeps up to `ms`, waking early when `flag` is set.
void nap(int ms, const std::atomic<bool> &flag)
{
    const auto until = steady_clock::now() + milliseconds(ms);
    while (!flag.load() && steady_clock::now() < until)
        std::this_thread::sleep_for(std::min(milliseconds(20), duration_cast<milliseconds>(until - steady_clock::now())));
}

} // namespace

OrderShop::OrderShop(const AmqpEndpoint &endpoint, const SurgeProfile &profile, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_profile(profile)
    , m_startedAt(steady_clock::now())
{
}

OrderShop::~OrderShop()
{
    stop();
}

Result<void> OrderShop::start()
{
    AmqpConnection setup;
    if (auto r = setup.open(m_endpoint); !r)
        return r;
    if (auto r = setup.declareQueue(kQueue); !r)
        return r;
    setup.close();
    m_stopping = false;
    m_startedAt = steady_clock::now();
    m_storefront = std::thread([this] { storefront(); });
    return {};
}

void OrderShop::stop()
{
    m_stopping = true;
    if (m_storefront.joinable())
        m_storefront.join();
    std::vector<std::unique_ptr<Worker>> all;
    {
        std::lock_guard lock(m_workersMutex);
        for (auto &w : m_workers)
            all.push_back(std::move(w));
        for (auto &w : m_retiring)
            all.push_back(std::move(w));
        m_workers.clear();
        m_retiring.clear();
    }
    for (auto &w : all)
        w->stop = true;
    for (auto &w : all) {
        if (w->thread.joinable())
            w->thread.join();
    }
}

void OrderShop::setReplicas(int replicas)
{
    replicas = std::clamp(replicas, 0, 64);
    std::lock_guard lock(m_workersMutex);
    while (int(m_workers.size()) > replicas) {
        m_workers.back()->stop = true;
        m_retiring.push_back(std::move(m_workers.back()));
        m_workers.pop_back();
    }
    while (int(m_workers.size()) < replicas && !m_stopping) {
        auto w = std::make_unique<Worker>();
        Worker *raw = w.get();
        w->thread = std::thread([this, raw] { work(raw); });
        m_workers.push_back(std::move(w));
    }
    // A retired worker finishes the order in hand first; the ones already done are joined now
    // without waiting, the rest in a later call or in stop(). The caller never waits.
    std::erase_if(m_retiring, [](const std::unique_ptr<Worker> &w) {
        if (!w->done)
            return false;
        w->thread.join();
        return true;
    });
}

int OrderShop::replicas() const
{
    std::lock_guard lock(m_workersMutex);
    return int(m_workers.size());
}

double OrderShop::secondsSinceStart() const
{
    return duration<double>(steady_clock::now() - m_startedAt).count();
}

double OrderShop::currentRate() const
{
    return m_publishing ? m_profile.rateAt(secondsSinceStart()) : 0.0;
}

QString OrderShop::currentPhase() const
{
    return m_profile.phaseAt(secondsSinceStart());
}

QSet<quint64> OrderShop::consumedIds() const
{
    std::lock_guard lock(m_idsMutex);
    return m_ids;
}

QString OrderShop::lastError() const
{
    std::lock_guard lock(m_idsMutex);
    return m_lastError;
}

void OrderShop::noteError(const QString &message)
{
    ++m_failures;
    std::lock_guard lock(m_idsMutex);
    if (m_lastError != message)
        qCWarning(lcCore) << "demo shop:" << message;
    m_lastError = message;
}

void OrderShop::storefront()
{
    AmqpConnection amqp;
    double owed = 0;      // orders the profile says should have been published by now
    double lastT = 0;
    quint64 nextId = 1;
    while (!m_stopping) {
        if (!amqp.isOpen()) {
            if (auto r = amqp.open(m_endpoint); !r) {
                noteError(r.error().message);
                nap(1000, m_stopping);
                continue;
            }
        }
        const double t = secondsSinceStart();
        if (m_publishing)
            owed += m_profile.ordersUntil(t) - m_profile.ordersUntil(lastT);
        lastT = t;
        while (owed >= 1.0 && !m_stopping) {
            const char *store = kStores[nextId % 4];
            const QJsonObject order{{u"orderId"_s, qint64(nextId)},
                                    {u"store"_s, QString::fromLatin1(store)},
                                    {u"items"_s, int(1 + nextId % 5)},
                                    {u"amount"_s, double((nextId * 7919) % 20000) / 100.0}};
            if (auto r = amqp.publish(kQueue, QJsonDocument(order).toJson(QJsonDocument::Compact)); !r) {
                noteError(r.error().message);
                amqp.close();
                break; // the same id is retried after reconnecting
            }
            ++nextId;
            ++m_published;
            owed -= 1.0;
        }
        nap(20, m_stopping);
    }
}

void OrderShop::work(Worker *self)
{
    AmqpConnection amqp;
    bool ready = false;
    const auto setReady = [&](bool on) {
        if (on != ready) {
            ready = on;
            m_ready += on ? 1 : -1;
        }
    };
    while (!self->stop) {
        if (!amqp.isOpen()) {
            setReady(false);
            auto r = amqp.open(m_endpoint);
            if (r)
                r = amqp.consume(kQueue, 1);
            if (!r) {
                noteError(r.error().message);
                amqp.close();
                nap(1000, self->stop);
                continue;
            }
            setReady(true);
        }
        auto next = amqp.next(200);
        if (!next) {
            noteError(next.error().message);
            amqp.close();
            continue;
        }
        if (!next.value())
            continue;
        const AmqpConnection::Delivery d = *next.value();
        // The work itself: not interruptible by a stop, like a pod's grace period.
        std::this_thread::sleep_for(milliseconds(m_profile.processingMs));
        if (auto r = amqp.ack(d.tag); !r) {
            noteError(r.error().message);
            amqp.close(); // unacked: RabbitMQ redelivers it to another worker
            continue;
        }
        const quint64 id = quint64(QJsonDocument::fromJson(d.body).object().value(u"orderId"_s).toInteger());
        ++m_consumed;
        std::lock_guard lock(m_idsMutex);
        if (m_ids.contains(id))
            ++m_duplicates;
        else
            m_ids.insert(id);
    }
    setReady(false);
    amqp.close();
    self->done = true;
}

} // namespace tideline::demo
