#include "BenchIngestCommand.h"

#include "BenchSupport.h"
#include "CliSupport.h"
#include "core/IngestPipeline.h"
#include "models/TopicTreeModel.h"

#include <QElapsedTimer>
#include <QScopeGuard>

#include <atomic>
#include <chrono>
#include <thread>

using namespace Qt::StringLiterals;

namespace tideline::cli {

namespace {

// How often the producer checks the inbox's size: once per this many messages.
constexpr quint64 kCheckEvery = 256;
// When this many messages wait in the inbox the producer pauses, as a real network thread
// would be held back by its socket buffer; it keeps the inbox from growing without bound.
constexpr size_t kMaxPending = 65536;
// The GUI updates rates once a second; at the 1,000,000 msgs/s target that is once per million
// messages. Counting messages instead of seconds keeps the work the same however fast the
// machine (or a profiler) runs.
constexpr quint64 kMessagesPerRateTick = 1'000'000;

qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// The network thread's part, as PahoBridge::deliver() does it: each message gets its own
// topic and payload buffers and is pushed into the inbox on its own (one lock per message).
void produce(const BenchTraffic &traffic, quint64 messages, MessageInbox &inbox, const std::atomic<bool> &cancel,
             double *cpuUsed)
{
    const double cpuAtStart = threadCpuSeconds();
    const auto accountCpu = qScopeGuard([&] { *cpuUsed = threadCpuSeconds() - cpuAtStart; });
    char topic[96];
    for (quint64 i = 0; i < messages; ++i) {
        if (i % kCheckEvery == 0) {
            while (inbox.pendingCount() > kMaxPending) {
                if (cancel.load(std::memory_order_relaxed))
                    return;
                std::this_thread::sleep_for(std::chrono::microseconds(50));
            }
        }
        MqttMessage m;
        m.topic = QByteArray(topic, traffic.writeTopic(topic, traffic.topicIndexOf(i)));
        m.payload = traffic.payload(i + 1);
        m.timestampMs = nowMs();
        inbox.push(std::move(m));
    }
}

} // namespace

BenchIngestCommand::BenchIngestCommand()
    : m_messages(u"messages"_s, tr("Number of messages. Default: 2000000."), tr("N"), u"2000000"_s)
    , m_topics(u"topics"_s, tr("Number of distinct topics. Default: 100000."), tr("T"), u"100000"_s)
    , m_payload(u"payload"_s, tr("Payload size in bytes. Default: 64."), tr("BYTES"), u"64"_s)
    , m_noModel(u"no-model"_s, tr("Leave out the topic tree model (to see what it costs)."))
{
}

QString BenchIngestCommand::name() const
{
    return u"bench ingest"_s;
}

QString BenchIngestCommand::summary() const
{
    return tr("Measure the message ingest path without a broker");
}

QString BenchIngestCommand::synopsis() const
{
    return tr("bench ingest [--messages N] [--topics T] [--payload BYTES]");
}

QString BenchIngestCommand::details() const
{
    return tr("A producer thread builds N messages over T topics (bench/g<k>/d<i>/value, 100 devices "
              "per group), each with its own topic and payload buffers, and pushes them into the ingest "
              "pipeline's inbox one by one, as the network thread does. The main thread drains the inbox into the "
              "topic tree (counts, last values, history under the default 256 MiB budget), updates "
              "the topic tree model after every drain, like the GUI, and the rates once per million "
              "messages (the GUI's once a second at 1,000,000 msgs/s).\n"
              "Output, one JSON line: messages, topics, seconds, msgs_per_s, peak_rss_mb (VmHWM), "
              "and details (nodes, history entries and bytes, evictions, worst drain in ms).");
}

void BenchIngestCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({m_messages, m_topics, m_payload, m_noModel});
}

int BenchIngestCommand::run(const QCommandLineParser &parser)
{
    const auto messages = parseInteger(parser.value(m_messages), 1, 1'000'000'000);
    if (!messages)
        return usageError(name(), tr("--messages must be a whole number from 1 to 1000000000."));
    const auto topics = parseInteger(parser.value(m_topics), 1, 100'000'000);
    if (!topics)
        return usageError(name(), tr("--topics must be a whole number from 1 to 100000000."));
    const auto payload = parseInteger(parser.value(m_payload), 0, 16 * 1024 * 1024);
    if (!payload)
        return usageError(name(), tr("--payload must be a number of bytes from 0 to 16777216."));

    const quint64 total = quint64(*messages);
    const BenchTraffic traffic("bench", std::min(quint64(*topics), total), int(*payload));

    IngestPipeline pipeline;
    std::unique_ptr<TopicTreeModel> model;
    if (!parser.isSet(m_noModel)) {
        // The model follows the pipeline by itself (batchApplied and ratesUpdated), as in the GUI.
        model = std::make_unique<TopicTreeModel>(&pipeline);
    }
    pipeline.tickRates();

    std::atomic<bool> cancel{false};
    const std::shared_ptr<MessageInbox> inbox = pipeline.inbox();
    const double cpuAtStart = cpuSeconds();
    QElapsedTimer clock;
    clock.start();
    double producerCpu = 0;
    const double consumerCpuAtStart = threadCpuSeconds();
    std::thread producer([&traffic, total, inbox, &cancel, &producerCpu] {
        produce(traffic, total, *inbox, cancel, &producerCpu);
    });

    quint64 nextRateTick = kMessagesPerRateTick;
    // Every topic first appears among the first `topics` messages; until then the tree grows.
    qint64 createdAllNs = -1;
    while (pipeline.appliedMessages() < total) {
        if (pipeline.drainNow() == 0)
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        if (createdAllNs < 0 && pipeline.appliedMessages() >= traffic.topics())
            createdAllNs = clock.nsecsElapsed();
        if (pipeline.appliedMessages() >= nextRateTick) {
            nextRateTick += kMessagesPerRateTick;
            pipeline.tickRates();
        }
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double consumerCpu = threadCpuSeconds() - consumerCpuAtStart;
    cancel = true;
    producer.join();
    const double cpu = cpuSeconds() - cpuAtStart;
    const double growSeconds = double(createdAllNs) / 1e9;
    const quint64 steadyMessages = pipeline.appliedMessages() - qMin(pipeline.appliedMessages(), traffic.topics());
    const double steadyRate = steadyMessages > 0 && seconds > growSeconds
        ? double(steadyMessages) / (seconds - growSeconds) : 0.0;

    const TopicTree &tree = pipeline.tree();
    const quint64 applied = pipeline.appliedMessages();
    const QByteArray json = JsonLine()
                                .add("messages", applied)
                                .add("topics", quint64(tree.topicCount()))
                                .add("seconds", seconds, 3)
                                .add("msgs_per_s", double(applied) / seconds, 0)
                                .add("peak_rss_mb", peakRssMb(), 1)
                                .add("grow_seconds", growSeconds, 3)
                                .add("steady_msgs_per_s", steadyRate, 0)
                                .add("payload_bytes", quint64(traffic.payloadBytes()))
                                .add("nodes", quint64(tree.nodeCount()))
                                .add("history_entries", quint64(tree.historyEntries()))
                                .add("history_mb", double(tree.historyBytes()) / (1024.0 * 1024.0), 1)
                                .add("evicted", quint64(tree.evictedByBudget()))
                                .add("shed", quint64(pipeline.shedMessages()))
                                .add("worst_drain_ms", pipeline.worstDrainMs(), 1)
                                .add("cpu_seconds", cpu, 3)
                                .add("producer_cpu_s", producerCpu, 3)
                                .add("consumer_cpu_s", consumerCpu, 3)
                                .add("model", bool(model))
                                .toLine();
    writeStdout(json, true);
    return ExitOk;
}

} // namespace tideline::cli
