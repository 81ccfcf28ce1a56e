#include "core/IngestPipeline.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using tideline::IngestPipeline;
using tideline::MqttMessage;
using tideline::TopicTree;

namespace {

MqttMessage message(const QByteArray &topic, const QByteArray &payload)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.timestampMs = 1000;
    return m;
}

QByteArray topicFor(int i)
{
    return "load/g" + QByteArray::number(i % 10) + "/d" + QByteArray::number(i % 500);
}

} // namespace

class TestIngestPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void producerThreadEveryMessageOnce()
    {
        IngestPipeline pipeline;
        pipeline.setFrameInterval(2);
        QSignalSpy batches(&pipeline, &IngestPipeline::batchApplied);
        pipeline.start();
        QVERIFY(pipeline.isRunning());

        constexpr int kMessages = 200'000;
        const std::shared_ptr<tideline::MessageInbox> inbox = pipeline.inbox();
        std::atomic<bool> done{false};
        // Mixed hand-over as a network thread does it: single pushes and small batches.
        std::thread producer([inbox, &done] {
            std::vector<MqttMessage> chunk;
            for (int i = 0; i < kMessages; ++i) {
                MqttMessage m = message(topicFor(i), QByteArray::number(i));
                if (i % 3 == 0) {
                    inbox->push(std::move(m));
                } else {
                    chunk.push_back(std::move(m));
                    if (chunk.size() == 64)
                        inbox->pushBatch(chunk);
                }
            }
            inbox->pushBatch(chunk);
            done = true;
        });

        // The GUI thread keeps draining with the frame timer while the producer pushes.
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 60'000);
        producer.join();
        QTRY_COMPARE_WITH_TIMEOUT(pipeline.appliedMessages(), quint64(kMessages), 30'000);
        pipeline.stop();
        QVERIFY(!pipeline.isRunning());

        const TopicTree &tree = pipeline.tree();
        QCOMPARE(inbox->receivedTotal(), quint64(kMessages));
        QCOMPARE(inbox->pendingCount(), size_t(0));
        QCOMPARE(tree.totalMessages(), quint64(kMessages));
        QCOMPARE(tree.topicCount(), size_t(500));
        for (int d = 0; d < 500; ++d) {
            const TopicTree::NodeId id = tree.find(topicFor(d));
            QVERIFY(id != TopicTree::InvalidId);
            QCOMPARE(tree.node(id).messageCount, quint64(kMessages / 500));
        }
        // Each message arrived in exactly one batch.
        qint64 signalled = 0;
        for (const auto &args : batches)
            signalled += args.at(0).toInt();
        QCOMPARE(signalled, qint64(kMessages));
        QVERIFY(batches.count() > 1);
        QCOMPARE(pipeline.shedMessages(), 0u);
        // The last value per topic is the last message sent to it.
        QCOMPARE(tree.lastPayload(tree.find(topicFor(kMessages - 1))), QByteArray::number(kMessages - 1));
    }

    void shedsHistoryWhenAFrameIsTooBig()
    {
        IngestPipeline pipeline;
        pipeline.setShedThreshold(100);
        std::vector<MqttMessage> batch;
        for (int i = 0; i < 1000; ++i)
            batch.push_back(message(i % 2 ? "odd"_ba : "even"_ba, QByteArray::number(i)));
        pipeline.inbox()->pushBatch(batch);
        QSignalSpy applied(&pipeline, &IngestPipeline::batchApplied);
        QCOMPARE(pipeline.drainNow(), 1000);
        QCOMPARE(applied.count(), 1);
        QCOMPARE(applied.at(0).at(0).toInt(), 1000);

        const TopicTree &tree = pipeline.tree();
        QCOMPARE(pipeline.shedMessages(), 900u);
        QCOMPARE(pipeline.appliedMessages(), 1000u);
        QCOMPARE(tree.totalMessages(), 1000u);
        QCOMPARE(tree.node(tree.find("odd")).messageCount, 500u);
        QCOMPARE(tree.historyEntries(), 100u); // only the newest 100 keep history
        const auto oddHistory = tree.history(tree.find("odd"));
        QCOMPARE(oddHistory.size(), size_t(50));
        QCOMPARE(oddHistory.front().payload, "901"_ba);
        QCOMPARE(tree.lastPayload(tree.find("odd")), "999"_ba);
        QCOMPARE(tree.lastPayload(tree.find("even")), "998"_ba);

        // A normal frame after that keeps everything again.
        for (int i = 0; i < 10; ++i)
            batch.push_back(message("odd", "x"));
        pipeline.inbox()->pushBatch(batch);
        QCOMPARE(pipeline.drainNow(), 10);
        QCOMPARE(pipeline.shedMessages(), 900u);
        QCOMPARE(tree.historyEntries(), 110u);
        QVERIFY(pipeline.worstDrainMs() >= 0.0);
    }

    void emptyDrainSignalsNothing()
    {
        IngestPipeline pipeline;
        QSignalSpy applied(&pipeline, &IngestPipeline::batchApplied);
        QCOMPARE(pipeline.drainNow(), 0);
        QCOMPARE(applied.count(), 0);
    }

    void ratesTick()
    {
        IngestPipeline pipeline;
        QSignalSpy rates(&pipeline, &IngestPipeline::ratesUpdated);
        pipeline.tickRates();
        QCOMPARE(rates.count(), 1);
    }

    void historyBudgetFromTheConstructor()
    {
        IngestPipeline pipeline(TopicTree::entryCost(QByteArray(10, 'x')) * 5);
        std::vector<MqttMessage> batch;
        for (int i = 0; i < 50; ++i)
            batch.push_back(message("t", QByteArray(10, 'x')));
        pipeline.inbox()->pushBatch(batch);
        pipeline.drainNow();
        QCOMPARE(pipeline.tree().historyEntries(), 5u);
        QCOMPARE(pipeline.tree().evictedByBudget(), 45u);
    }
};

QTEST_GUILESS_MAIN(TestIngestPipeline)
#include "tst_ingestpipeline.moc"
