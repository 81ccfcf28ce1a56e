#include "BenchE2eCommand.h"

#include "BenchSupport.h"
#include "RawPublisher.h"
#include "core/IngestPipeline.h"
#include "models/TopicTreeModel.h"
#include "mqtt/MqttConnection.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>

#include <functional>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace tideline::cli {

namespace {

constexpr int kProbeIntervalMs = 10;
// With an external publisher (--role subscriber) the first message may take a while.
constexpr int kFirstMessageTimeoutMs = 120000;
constexpr int kCloseTimeoutMs = 3000;

struct PublishResult
{
    bool connected = false;
    quint64 succeeded = 0;
    quint64 failed = 0;
    double seconds = 0;
    QString error;
};

// Runs the event loop until `done()` holds or the timeout passes.
void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return;
    QEventLoop loop;
    QTimer check;
    check.setInterval(5);
    const QDeadlineTimer deadline(timeoutMs);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    check.start();
    loop.exec();
}

TopicTree::NodeId childNamed(const TopicTree &tree, TopicTree::NodeId parent, QStringView name)
{
    for (const TopicTree::NodeId child : tree.node(parent).children) {
        if (tree.node(child).name == name)
            return child;
    }
    return TopicTree::InvalidId;
}

} // namespace

BenchE2eCommand::BenchE2eCommand()
    : m_messages(u"messages"_s, tr("Number of messages. Default: 200000."), tr("N"), u"200000"_s)
    , m_payload(u"payload"_s, tr("Payload size in bytes. Default: 64."), tr("BYTES"), u"64"_s)
    , m_topics(u"topics"_s, tr("Number of distinct topics. Default: 1000."), tr("T"), u"1000"_s)
    , m_role(u"role"_s,
             tr("both (default): subscriber and publisher in this process; subscriber: only receive, "
                "from a publisher started elsewhere; publisher: only publish."),
             tr("ROLE"), u"both"_s)
    , m_run(u"run"_s,
            tr("Name of this run: messages go to bench/e2e/NAME/…, and only those count. Default: random "
               "with --role both, \"shared\" with the other roles (give both sides the same name)."),
            tr("NAME"))
    , m_idle(u"idle-timeout"_s, tr("End after this many seconds without a new message. Default: 3."),
             tr("SECONDS"), u"3"_s)
{
}

QString BenchE2eCommand::name() const
{
    return u"bench e2e"_s;
}

QString BenchE2eCommand::summary() const
{
    return tr("Measure broker-to-topic-tree throughput, loss and UI stalls");
}

QString BenchE2eCommand::synopsis() const
{
    return tr("bench e2e --url URL [--messages N] [--payload BYTES] [--topics T] [--role ROLE]");
}

QString BenchE2eCommand::details() const
{
    return tr("Connection A subscribes to '#' (QoS 0) and feeds the ingest pipeline with its 16 ms "
              "frame timer, the topic tree model and the 1 Hz rate timer on this process's event "
              "loop, as the GUI does. Publisher B, on its own thread, writes N QoS 0 messages to "
              "bench/e2e/RUN/g<k>/d<i>/value as fast as TCP takes them (a bare MQTT 3.1.1 client, so that "
              "it outruns the subscriber; plain mqtt:// only). A 10 ms "
              "timer on A's event loop records how late it fires (stall_ms). The run ends when all N "
              "arrived or after --idle-timeout seconds without a new message.\n"
              "Output, one JSON line: received, lost, msgs_per_s (received / (last arrival - first "
              "arrival)), stall_ms, and details (stall_cpu_ms: the part of the worst stall this "
              "thread spent computing rather than waiting for a CPU). With --role subscriber, \"subscribed\" is printed on "
              "stderr once messages can be sent. With --role publisher: published, failed, seconds, "
              "msgs_per_s.\n"
              "The broker must not drop QoS 0 messages for a slow subscriber (mosquitto: "
              "max_queued_messages 0), or loss measures the broker, not Tideline.");
}

void BenchE2eCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({m_messages, m_payload, m_topics, m_role, m_run, m_idle});
    m_connection.addTo(parser);
}

int BenchE2eCommand::run(const QCommandLineParser &parser)
{
    auto setup = m_connection.build(parser);
    if (!setup) {
        return setup.error().code == u"usage"_s ? usageError(name(), setup.error().message)
                                                 : runtimeError(setup.error().message);
    }
    const auto messages = parseInteger(parser.value(m_messages), 1, 1'000'000'000);
    if (!messages)
        return usageError(name(), tr("--messages must be a whole number from 1 to 1000000000."));
    const auto payload = parseInteger(parser.value(m_payload), 0, 16 * 1024 * 1024);
    if (!payload)
        return usageError(name(), tr("--payload must be a number of bytes from 0 to 16777216."));
    const auto topics = parseInteger(parser.value(m_topics), 1, 100'000'000);
    if (!topics)
        return usageError(name(), tr("--topics must be a whole number from 1 to 100000000."));
    const auto idle = parseNumber(parser.value(m_idle), 0.1, 3600);
    if (!idle)
        return usageError(name(), tr("--idle-timeout must be a number of seconds from 0.1 to 3600."));
    const QString role = parser.value(m_role);
    const bool subscribe = role == u"both"_s || role == u"subscriber"_s;
    const bool publish = role == u"both"_s || role == u"publisher"_s;
    if (!subscribe && !publish)
        return usageError(name(), tr("--role must be both, subscriber or publisher."));

    QString run = parser.value(m_run);
    if (!parser.isSet(m_run)) {
        run = role == u"both"_s ? u"r%1"_s.arg(QRandomGenerator::global()->bounded(1'000'000'000u)) : u"shared"_s;
    } else {
        static const QRegularExpression valid(u"^[A-Za-z0-9_-]{1,20}$"_s);
        if (!valid.match(run).hasMatch())
            return usageError(name(), tr("--run must be 1 to 20 letters, digits, '-' or '_'."));
    }
    const QString prefix = u"bench/e2e/"_s + run;

    const quint64 total = quint64(*messages);
    const BenchTraffic traffic(prefix.toLatin1(), quint64(*topics), int(*payload));
    const ConnectionProfile subscriberProfile = setup.value().profile;
    ConnectionProfile publisherProfile = subscriberProfile;
    if (!publisherProfile.clientId.isEmpty())
        publisherProfile.clientId += u"-pub"_s;

    if (publish && !RawPublisher::supports(publisherProfile)) {
        return usageError(name(), tr("The benchmark publisher speaks plain mqtt:// only. For a TLS or "
                                     "WebSocket broker, run --role subscriber and publish with another tool."));
    }

    // Connection B on its own thread, started once A is subscribed (or at once, publisher only).
    std::unique_ptr<QThread> publisherThread;
    std::optional<PublishResult> published;
    QObject resultContext; // receives the publisher's result on this thread
    const std::optional<QString> password = setup.value().password;
    auto startPublisher = [&] {
        publisherThread.reset(QThread::create([publisherProfile, password, total, traffic, &resultContext, &published] {
            const RawPublisher::Result r = RawPublisher::run(publisherProfile, password, total, traffic);
            const PublishResult result{r.connected, r.published, total - r.published, r.seconds, r.error};
            QMetaObject::invokeMethod(&resultContext, [&published, result] { published = result; },
                                      Qt::QueuedConnection);
        }));
        publisherThread->setObjectName(u"bench-publisher"_s);
        publisherThread->start();
    };
    // The publisher blocks in socket calls with 10 s timeouts at most, so this wait is bounded.
    auto stopPublisher = [&] {
        if (publisherThread)
            publisherThread->wait();
    };

    if (!subscribe) {
        startPublisher();
        waitUntil([&] { return published.has_value(); }, std::numeric_limits<int>::max());
        stopPublisher();
        if (!published->connected)
            return runtimeError(published->error);
        const double seconds = published->seconds;
        writeStdout(JsonLine()
                        .add("published", published->succeeded)
                        .add("failed", published->failed)
                        .add("seconds", seconds, 3)
                        .add("msgs_per_s", seconds > 0 ? double(published->succeeded) / seconds : 0.0, 0)
                        .toLine(),
                    true);
        if (published->failed > 0)
            return runtimeError(tr("%1 messages failed: %2").arg(published->failed).arg(published->error));
        return ExitOk;
    }

    // Connection A and the GUI's ingest path, all on this thread's event loop.
    IngestPipeline pipeline;
    TopicTreeModel model(&pipeline); // follows the pipeline's signals by itself, as in the GUI
    MqttConnection subscriber(subscriberProfile, pipeline.inbox());
    if (setup.value().password)
        subscriber.setPassword(*setup.value().password);
    ConnectionWatcher watcher(&subscriber);

    QEventLoop loop;
    int exitCode = ExitOk;
    bool measuring = false;
    QTimer probe;
    probe.setInterval(kProbeIntervalMs);
    probe.setTimerType(Qt::PreciseTimer);
    QElapsedTimer clock;
    qint64 lastProbeNs = -1;
    double lastProbeCpu = 0;
    qint64 lastChangeNs = 0;
    double stallMs = 0;
    double stallCpuMs = 0;
    quint64 received = 0;
    TopicTree::NodeId prefixNode = TopicTree::InvalidId;
    const TopicTree &tree = pipeline.tree();

    auto countReceived = [&]() -> quint64 {
        if (prefixNode == TopicTree::InvalidId) {
            TopicTree::NodeId node = TopicTree::RootId;
            for (const QString &level : prefix.split(u'/')) {
                node = childNamed(tree, node, level);
                if (node == TopicTree::InvalidId)
                    return 0;
            }
            prefixNode = node;
        }
        return prefixNode == TopicTree::InvalidId ? 0 : tree.node(prefixNode).subtreeCount;
    };

    QObject::connect(&probe, &QTimer::timeout, &loop, [&] {
        const qint64 now = clock.nsecsElapsed();
        const double cpu = threadCpuSeconds();
        if (lastProbeNs >= 0) {
            stallMs = qMax(stallMs, double(now - lastProbeNs) / 1e6 - kProbeIntervalMs);
            // The part of a stall this thread spent computing; the rest it waited for a CPU.
            stallCpuMs = qMax(stallCpuMs, (cpu - lastProbeCpu) * 1e3 - kProbeIntervalMs);
        }
        lastProbeNs = now;
        lastProbeCpu = cpu;
        const quint64 count = countReceived();
        if (count != received) {
            received = count;
            lastChangeNs = now;
        }
        const qint64 idleNs = now - lastChangeNs;
        const bool waitingForExternal = !publish && received == 0;
        if (received >= total || (published && published->connected && published->failed == total)
            || idleNs >= qint64((waitingForExternal ? kFirstMessageTimeoutMs / 1000.0 : *idle) * 1e9)) {
            loop.quit();
        }
        if (published && !published->connected) {
            exitCode = runtimeError(published->error);
            loop.quit();
        }
    });
    QObject::connect(&watcher, &ConnectionWatcher::connected, &loop,
                     [&] { subscriber.subscribe(Subscription{u"#"_s, 0}); });
    QObject::connect(&subscriber, &MqttConnection::subscribed, &loop, [&](const QString &filter, int) {
        if (filter != u"#"_s || measuring)
            return;
        measuring = true;
        clock.start();
        probe.start();
        if (publish)
            startPublisher();
        else
            printStderr(tr("subscribed; waiting for %1 messages under %2/").arg(total).arg(prefix));
    });
    QObject::connect(&subscriber, &MqttConnection::subscribeFailed, &loop,
                     [&](const QString &filter, const QString &reason) {
                         exitCode = runtimeError(tr("Cannot subscribe to %1: %2").arg(filter, reason));
                         loop.quit();
                     });
    QObject::connect(&watcher, &ConnectionWatcher::fatal, &loop, [&](const QString &message) {
        exitCode = runtimeError(message);
        loop.quit();
    });

    pipeline.start();
    subscriber.open();
    loop.exec();
    probe.stop();
    pipeline.drainNow();
    pipeline.stop();
    received = countReceived();

    // Let both connections close cleanly before reporting.
    if (measuring && publish)
        waitUntil([&] { return published.has_value(); }, 30000);
    bool closed = false;
    QObject::connect(&watcher, &ConnectionWatcher::disconnected, &loop, [&closed] { closed = true; });
    watcher.close();
    waitUntil([&] { return closed; }, kCloseTimeoutMs);
    stopPublisher();
    if (exitCode != ExitOk || !measuring)
        return exitCode == ExitOk ? ExitFailure : exitCode;

    const qint64 firstMs = prefixNode == TopicTree::InvalidId ? 0 : tree.node(prefixNode).createdMs;
    const qint64 lastMs = prefixNode == TopicTree::InvalidId ? 0 : tree.node(prefixNode).lastTimestampMs;
    // Arrival times have millisecond resolution; a burst inside one millisecond counts as one.
    const double spanSeconds = double(qMax<qint64>(1, lastMs - firstMs)) / 1000.0;
    const quint64 lost = received >= total ? 0 : total - received;
    JsonLine json;
    json.add("received", received)
        .add("lost", lost)
        .add("msgs_per_s", received > 0 ? double(received) / spanSeconds : 0.0, 0)
        .add("stall_ms", stallMs, 1)
        .add("messages", total)
        .add("topics", traffic.topics())
        .add("payload_bytes", quint64(traffic.payloadBytes()))
        .add("seconds", received > 0 ? spanSeconds : 0.0, 3)
        .add("worst_drain_ms", pipeline.worstDrainMs(), 1)
        .add("stall_cpu_ms", qMax(0.0, stallCpuMs), 1)
        .add("peak_rss_mb", peakRssMb(), 1);
    if (published) {
        json.add("published", published->succeeded)
            .add("publish_failed", published->failed)
            .add("publish_msgs_per_s",
                 published->seconds > 0 ? double(published->succeeded) / published->seconds : 0.0, 0);
    }
    writeStdout(json.toLine(), true);
    if (published && published->failed > 0)
        return runtimeError(tr("%1 messages failed to publish: %2").arg(published->failed).arg(published->error));
    return ExitOk;
}

} // namespace tideline::cli
