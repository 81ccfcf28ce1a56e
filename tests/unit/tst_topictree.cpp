#include "core/TopicTree.h"

#include <QTest>

#include <algorithm>
#include <set>

using namespace Qt::StringLiterals;
using tideline::MqttMessage;
using tideline::TopicTree;
using NodeId = TopicTree::NodeId;

namespace {

MqttMessage message(const QByteArray &topic, const QByteArray &payload = "v", qint64 ts = 1000,
                    quint8 qos = 0, bool retained = false)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.timestampMs = ts;
    m.qos = qos;
    m.retained = retained;
    return m;
}

QStringList levelNames(const TopicTree &tree, NodeId id)
{
    QStringList out;
    for (NodeId p = id; p != TopicTree::RootId; p = tree.node(p).parent)
        out.prepend(tree.node(p).name);
    return out;
}

// Every entry still in history, by global arrival number.
std::vector<quint64> allHistorySeqs(const TopicTree &tree)
{
    std::vector<quint64> seqs;
    for (NodeId id = 1; id < NodeId(tree.nodeCount()); ++id) {
        for (const auto &e : tree.history(id))
            seqs.push_back(e.seq);
    }
    std::sort(seqs.begin(), seqs.end());
    return seqs;
}

} // namespace

class TestTopicTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAndSubtreeAggregation()
    {
        TopicTree tree;
        std::vector<MqttMessage> batch;
        for (int i = 0; i < 3; ++i)
            batch.push_back(message("a/b/c"));
        for (int i = 0; i < 2; ++i)
            batch.push_back(message("a/b"));
        batch.push_back(message("a/d"));
        batch.push_back(message("x"));
        tree.apply(batch);

        const NodeId abc = tree.find("a/b/c");
        const NodeId ab = tree.find("a/b");
        const NodeId a = tree.node(ab).parent;
        QVERIFY(abc != TopicTree::InvalidId && ab != TopicTree::InvalidId);
        QCOMPARE(tree.node(abc).messageCount, 3u);
        QCOMPARE(tree.node(ab).messageCount, 2u);
        QCOMPARE(tree.node(ab).subtreeCount, 5u);
        QCOMPARE(tree.node(a).messageCount, 0u);
        QCOMPARE(tree.node(a).subtreeCount, 6u);
        QVERIFY(!tree.node(a).hasMessage);
        QCOMPARE(tree.node(a).topicCount, 3u);  // a/b, a/b/c, a/d
        QCOMPARE(tree.node(ab).topicCount, 2u); // a/b, a/b/c
        QCOMPARE(tree.totalMessages(), 7u);
        QCOMPARE(tree.topicCount(), size_t(4));
        QCOMPARE(tree.nodeCount(), size_t(1 + 5)); // root, a, b, c, d, x
        QCOMPARE(tree.node(TopicTree::RootId).topicCount, 4u);
        // Intermediate levels are nodes, not topics.
        QCOMPARE(tree.find("a"), TopicTree::InvalidId);
        QCOMPARE(tree.find("nope"), TopicTree::InvalidId);
    }

    void structure_data()
    {
        QTest::addColumn<QByteArray>("topic");
        QTest::addColumn<QStringList>("levels");
        QTest::newRow("plain") << "a/b/c"_ba << QStringList{u"a"_s, u"b"_s, u"c"_s};
        QTest::newRow("empty middle level") << "a//b"_ba << QStringList{u"a"_s, QString(), u"b"_s};
        QTest::newRow("leading slash") << "/x"_ba << QStringList{QString(), u"x"_s};
        QTest::newRow("trailing slash") << "x/"_ba << QStringList{u"x"_s, QString()};
        QTest::newRow("only a slash") << "/"_ba << QStringList{QString(), QString()};
        QTest::newRow("$SYS") << "$SYS/broker/uptime"_ba
                              << QStringList{u"$SYS"_s, u"broker"_s, u"uptime"_s};
        QTest::newRow("empty topic") << QByteArray() << QStringList{QString()};
        QTest::newRow("utf-8") << "温度/厨房"_ba << QStringList{u"温度"_s, u"厨房"_s};
        QTest::newRow("spaces") << "retained messages/count"_ba
                                << QStringList{u"retained messages"_s, u"count"_s};
    }

    void structure()
    {
        QFETCH(QByteArray, topic);
        QFETCH(QStringList, levels);
        TopicTree tree;
        tree.apply(message("a/b/other"));
        tree.apply(message(topic));
        const NodeId id = tree.find(topic);
        QVERIFY(id != TopicTree::InvalidId);
        QCOMPARE(levelNames(tree, id), levels);
        QCOMPARE(tree.node(id).depth, quint32(levels.size()));
        QCOMPARE(tree.topicOf(id), QString::fromUtf8(topic));
        QCOMPARE(tree.topicBytesOf(id), topic);
        // Applying it again reuses the same node.
        const size_t nodes = tree.nodeCount();
        tree.apply(message(topic));
        QCOMPARE(tree.nodeCount(), nodes);
        QCOMPARE(tree.node(id).messageCount, 2u);
    }

    void flagsAndLastValue()
    {
        TopicTree tree;
        auto props = std::make_shared<tideline::MessageProperties>();
        props->contentType = u"application/json"_s;
        MqttMessage first = message("s/t", "{\"v\":1}", 1000, 2, true);
        first.properties = props;
        tree.apply(first);
        const NodeId id = tree.find("s/t");
        QCOMPARE(tree.node(id).lastQos, quint8(2));
        QVERIFY(tree.node(id).retained);
        QCOMPARE(tree.lastPayload(id), "{\"v\":1}"_ba);
        QVERIFY(tree.lastProperties(id));
        QCOMPARE(tree.lastProperties(id)->contentType, u"application/json"_s);
        QCOMPARE(tree.node(tree.node(id).parent).lastTimestampMs, 1000);

        tree.apply(message("s/t", "2", 2000, 1, false));
        QCOMPARE(tree.node(id).lastQos, quint8(1));
        QVERIFY(!tree.node(id).retained);
        QCOMPARE(tree.lastPayload(id), "2"_ba);
        QVERIFY(!tree.lastProperties(id));
        QCOMPARE(tree.node(id).lastTimestampMs, 2000);
        QCOMPARE(tree.node(tree.node(id).parent).lastTimestampMs, 2000);
        QCOMPARE(tree.lastPayload(tree.node(id).parent), QByteArray()); // no message there
    }

    void withoutHistoryKeepsCountsAndLastValue()
    {
        TopicTree tree;
        tree.apply(message("t", "1"));
        tree.apply(message("t", "2"), false);
        const NodeId id = tree.find("t");
        QCOMPARE(tree.node(id).messageCount, 2u);
        QCOMPARE(tree.lastPayload(id), "2"_ba);
        QCOMPARE(tree.node(id).historySize(), 1u);
        QCOMPARE(tree.history(id).front().payload, "1"_ba);
        tree.apply(message("t", "3"));
        QCOMPARE(tree.lastPayload(id), "3"_ba);
        QCOMPARE(tree.node(id).historySize(), 2u);
    }

    void consumeKeepsNewestInHistory()
    {
        TopicTree tree;
        std::vector<MqttMessage> batch;
        for (int i = 0; i < 10; ++i)
            batch.push_back(message("t", QByteArray::number(i)));
        tree.consume(batch, 3);
        const NodeId id = tree.find("t");
        QCOMPARE(tree.node(id).messageCount, 10u);
        QCOMPARE(tree.lastPayload(id), "9"_ba);
        const auto h = tree.history(id);
        QCOMPARE(h.size(), size_t(3));
        QCOMPARE(h[0].payload, "7"_ba);
        QCOMPARE(h[2].payload, "9"_ba);
    }

    void takeNewNodesParentBeforeChild()
    {
        TopicTree tree;
        tree.apply({message("a/b/c"), message("x/y"), message("a/b/d"), message("a/e")});
        const std::vector<NodeId> fresh = tree.takeNewNodes();
        QCOMPARE(fresh.size(), tree.nodeCount() - 1);
        std::set<NodeId> seen{TopicTree::RootId};
        for (const NodeId id : fresh) {
            QVERIFY2(seen.count(tree.node(id).parent), "a parent must come before its child");
            seen.insert(id);
        }
        QVERIFY(std::is_sorted(fresh.begin(), fresh.end()));
        QVERIFY(tree.takeNewNodes().empty());
        tree.apply(message("a/b/c"));
        QVERIFY(tree.takeNewNodes().empty());
        tree.apply(message("a/b/z"));
        QCOMPARE(tree.takeNewNodes(), std::vector<NodeId>{tree.find("a/b/z")});
    }

    void takeChangedNodesHasAncestorsOnce()
    {
        TopicTree tree;
        tree.apply({message("a/b/c"), message("a/b/d"), message("a/b/c")});
        (void)tree.takeChangedNodes();
        tree.apply({message("a/b/c"), message("a/b/d"), message("a/b/c"), message("q")});
        std::vector<NodeId> changed = tree.takeChangedNodes();
        std::sort(changed.begin(), changed.end());
        QVERIFY(std::adjacent_find(changed.begin(), changed.end()) == changed.end());
        const NodeId c = tree.find("a/b/c");
        const NodeId b = tree.node(c).parent;
        const NodeId a = tree.node(b).parent;
        const std::set<NodeId> expected{TopicTree::RootId, a, b, c, tree.find("a/b/d"), tree.find("q")};
        QCOMPARE(std::set<NodeId>(changed.begin(), changed.end()), expected);
        QVERIFY(tree.takeChangedNodes().empty());
    }

    void perTopicHistoryCap()
    {
        TopicTree tree(TopicTree::DefaultHistoryBudget, 5);
        for (int i = 0; i < 12; ++i)
            tree.apply(message("t", QByteArray::number(i), 1000 + i));
        tree.apply(message("u", "other"));
        const NodeId id = tree.find("t");
        QCOMPARE(tree.node(id).messageCount, 12u);
        QCOMPARE(tree.node(id).historySize(), 5u);
        QCOMPARE(tree.historyEntries(), 6u);
        const auto h = tree.history(id);
        QCOMPARE(h.size(), size_t(5));
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(h[size_t(i)].payload, QByteArray::number(7 + i));
            QCOMPARE(h[size_t(i)].timestampMs, 1007 + i);
        }
        const auto newest = tree.history(id, 2);
        QCOMPARE(newest.size(), size_t(2));
        QCOMPARE(newest[0].payload, "10"_ba);
        QCOMPARE(newest[1].payload, "11"_ba);
        QCOMPARE(tree.evictedByBudget(), 0u); // the cap is not the budget
    }

    void globalBudgetDropsOldestFirst()
    {
        const QByteArray payload(64, 'p');
        const qint64 budget = TopicTree::entryCost(payload) * 20;
        TopicTree tree(budget);
        const QList<QByteArray> topics{"a/1", "a/2", "b/1", "c"};
        QHash<QByteArray, quint64> counts;
        QHash<QByteArray, QByteArray> last;
        for (int i = 0; i < 500; ++i) {
            // Uneven traffic: a/1 is busy, c only every 50th message.
            const QByteArray &t = i % 50 == 0 ? topics[3] : topics[i % 3];
            QByteArray p = payload;
            p.replace(0, 8, QByteArray::number(i).rightJustified(8, '0'));
            tree.apply(message(t, p, 1000 + i));
            counts[t] += 1;
            last[t] = p;
            QVERIFY(tree.historyBytes() <= budget);
        }
        QVERIFY(tree.evictedByBudget() > 0);
        QVERIFY(tree.budgetReached());
        QVERIFY(tree.historyEntries() > 0);
        QVERIFY(tree.historyEntries() <= 20);
        for (const QByteArray &t : topics) {
            const NodeId id = tree.find(t);
            QCOMPARE(tree.node(id).messageCount, counts[t]);
            QCOMPARE(tree.lastPayload(id), last[t]);
        }
        QCOMPARE(tree.totalMessages(), 500u);
        // What survives is the globally newest run of messages, whatever the topic.
        const std::vector<quint64> seqs = allHistorySeqs(tree);
        QCOMPARE(seqs.size(), size_t(tree.historyEntries()));
        QCOMPARE(seqs.back(), 500u);
        QCOMPARE(seqs.front(), 500u - seqs.size() + 1);
        QCOMPARE(tree.evictedByBudget(), 500u - tree.historyEntries());
    }

    void budgetWithCapTombstones()
    {
        // A chatty topic at its cap leaves tombstones in the ring; they are charged too, so
        // the budget still holds.
        const QByteArray payload(100, 'x');
        const qint64 budget = TopicTree::entryCost(payload) * 50;
        TopicTree tree(budget, 3);
        for (int i = 0; i < 5000; ++i)
            tree.apply(message(i % 10 == 0 ? "quiet"_ba : "chatty"_ba, payload));
        QVERIFY(tree.historyBytes() <= budget);
        QCOMPARE(tree.node(tree.find("chatty")).historySize(), 3u);
        QCOMPARE(tree.node(tree.find("quiet")).historySize(), 3u);
        QCOMPARE(tree.node(tree.find("chatty")).messageCount, 4500u);
    }

    void shrinkingTheBudget()
    {
        TopicTree tree;
        for (int i = 0; i < 1000; ++i)
            tree.apply(message("t/" + QByteArray::number(i % 10), QByteArray::number(i)));
        QCOMPARE(tree.historyEntries(), 1000u);
        const qint64 before = tree.historyBytes();
        tree.setHistoryBudget(before / 4);
        QCOMPARE(tree.historyBudget(), before / 4);
        QVERIFY(tree.historyBytes() <= before / 4);
        QVERIFY(tree.historyEntries() < 300);
        QCOMPARE(tree.evictedByBudget(), 1000u - tree.historyEntries());

        tree.setHistoryBudget(0);
        QCOMPARE(tree.historyEntries(), 0u);
        QCOMPARE(tree.historyBytes(), 0);
        for (int t = 0; t < 10; ++t) {
            const NodeId id = tree.find(QByteArray("t/" + QByteArray::number(t)));
            QCOMPARE(tree.node(id).messageCount, 100u);
            QCOMPARE(tree.lastPayload(id), QByteArray::number(990 + t));
            QVERIFY(tree.history(id).empty());
        }
        // With no budget at all, new messages still count and show their value.
        tree.apply(message("t/3", "new"));
        QCOMPARE(tree.lastPayload(tree.find("t/3")), "new"_ba);
        QCOMPARE(tree.historyEntries(), 0u);
    }

    void hostileTopics()
    {
        TopicTree tree;
        const QByteArray longTopic(65535, 'x');
        tree.apply(message(longTopic));
        const NodeId longId = tree.find(longTopic);
        QVERIFY(longId != TopicTree::InvalidId);
        QCOMPARE(tree.node(longId).name.size(), 65535);
        QCOMPARE(tree.topicBytesOf(longId), longTopic);

        // 32,768 levels in 65,535 bytes.
        QByteArray deep = QByteArray("a/").repeated(32767) + 'a';
        QCOMPARE(deep.size(), 65535);
        tree.apply(message(deep));
        tree.apply(message(deep));
        const NodeId deepId = tree.find(deep);
        QVERIFY(deepId != TopicTree::InvalidId);
        QCOMPARE(tree.node(deepId).depth, 32768u);
        QCOMPARE(tree.node(deepId).messageCount, 2u);
        QCOMPARE(tree.topicBytesOf(deepId), deep);
        QCOMPARE(tree.topicOf(deepId).size(), 65535);

        // Invalid UTF-8: shown with replacement characters, kept apart by their bytes.
        const QByteArray bad1 = "bad\xff/x";
        const QByteArray bad2 = "bad\xfe/x";
        tree.apply({message(bad1), message(bad2), message(bad1)});
        const NodeId b1 = tree.find(bad1);
        const NodeId b2 = tree.find(bad2);
        QVERIFY(b1 != b2);
        QCOMPARE(tree.node(b1).messageCount, 2u);
        QCOMPARE(tree.node(b2).messageCount, 1u);
        QVERIFY(tree.node(tree.node(b1).parent).name.contains(QChar(QChar::ReplacementCharacter)));
        QCOMPARE(tree.topicBytesOf(b1), bad1);
        QCOMPARE(tree.topicBytesOf(tree.node(b2).parent), "bad\xfe"_ba);
    }

    void manyTopicsGrowTheTable()
    {
        TopicTree tree;
        std::vector<MqttMessage> batch;
        for (int i = 0; i < 20000; ++i)
            batch.push_back(message("g/" + QByteArray::number(i % 97) + "/d" + QByteArray::number(i)));
        tree.apply(batch);
        QCOMPARE(tree.topicCount(), size_t(20000));
        for (int i = 0; i < 20000; i += 7) {
            const QByteArray t = "g/" + QByteArray::number(i % 97) + "/d" + QByteArray::number(i);
            const NodeId id = tree.find(t);
            QVERIFY(id != TopicTree::InvalidId);
            QCOMPARE(tree.topicBytesOf(id), t);
        }
    }

    void sixteenMebibytePayload()
    {
        const QByteArray big(16 * 1024 * 1024, '\x5a');
        {
            TopicTree tree;
            tree.apply(message("big", big));
            const NodeId id = tree.find("big");
            QCOMPARE(tree.lastPayload(id).size(), big.size());
            QCOMPARE(tree.node(id).historySize(), 1u);
            QVERIFY(tree.historyBytes() >= big.size());
        }
        {
            // Larger than the whole budget: it cannot stay in history, but stays the last value.
            TopicTree tree(1024 * 1024);
            tree.apply(message("small", "s"));
            tree.apply(message("big", big));
            const NodeId id = tree.find("big");
            QVERIFY(tree.historyBytes() <= 1024 * 1024);
            QCOMPARE(tree.node(id).historySize(), 0u);
            QCOMPARE(tree.lastPayload(id), big);
            QCOMPARE(tree.lastPayload(tree.find("small")), "s"_ba);
        }
    }

    void tickRates()
    {
        TopicTree tree;
        tree.tickRates(10'000); // baseline
        std::vector<MqttMessage> batch;
        for (int i = 0; i < 10; ++i)
            batch.push_back(message("a/b"));
        for (int i = 0; i < 4; ++i)
            batch.push_back(message("a/c"));
        tree.apply(batch);
        (void)tree.takeChangedNodes();
        tree.tickRates(11'000);
        const NodeId b = tree.find("a/b");
        const NodeId a = tree.node(b).parent;
        QVERIFY(qFuzzyCompare(tree.node(b).rate, 7.0));
        QVERIFY(qFuzzyCompare(tree.node(a).subtreeRate, 0.7 * 14));
        QCOMPARE(tree.node(a).rate, 0.0);
        std::vector<NodeId> changed = tree.takeChangedNodes();
        QVERIFY(std::find(changed.begin(), changed.end(), b) != changed.end());
        QVERIFY(std::find(changed.begin(), changed.end(), a) != changed.end());

        // Two seconds without traffic: the rate decays instead of jumping to zero.
        tree.tickRates(13'000);
        QVERIFY(qFuzzyCompare(tree.node(b).rate, 0.3 * 7.0));
        // ...and reaches zero eventually, then stops reporting changes.
        for (int i = 0; i < 20; ++i)
            tree.tickRates(14'000 + i * 1000);
        QCOMPARE(tree.node(b).rate, 0.0);
        (void)tree.takeChangedNodes();
        tree.tickRates(40'000);
        QVERIFY(tree.takeChangedNodes().empty());
        // A clock that goes backwards only resets the baseline.
        tree.tickRates(5'000);
        QCOMPARE(tree.node(b).rate, 0.0);
    }

    void clearStartsOver()
    {
        TopicTree tree;
        tree.apply(message("a/b", "1"));
        const quint64 generation = tree.generation();
        tree.clear();
        QVERIFY(tree.generation() != generation);
        QCOMPARE(tree.nodeCount(), size_t(1));
        QCOMPARE(tree.topicCount(), size_t(0));
        QCOMPARE(tree.historyBytes(), 0);
        QCOMPARE(tree.find("a/b"), TopicTree::InvalidId);
        tree.apply(message("a/b", "2"));
        QCOMPARE(tree.lastPayload(tree.find("a/b")), "2"_ba);
    }
};

QTEST_GUILESS_MAIN(TestTopicTree)
#include "tst_topictree.moc"
