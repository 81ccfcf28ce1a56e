#pragma once

#include "MqttMessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <deque>
#include <limits>
#include <memory>
#include <vector>

namespace tideline {

// The live topic hierarchy of one connection: one node per topic level, with counts, rates,
// last value and a bounded per-topic history.
//
// Owns all message history of a connection. History lives in one global arrival-ordered ring
// (each topic's entries linked through it) under two limits: a per-topic entry cap and a
// global byte budget. When the budget is exceeded the globally oldest entries go first; counts,
// flags and last values are never dropped.
//
// Built for throughput: with ~100k topics every message lands on cold memory, so the per-message
// path touches as few cache lines as it can (one hash bucket, the key, one line of the node, the
// ring's tail and head) and the batch apply prefetches a few messages ahead.
//
// GUI-thread only (not thread-safe): messages arrive through a MessageInbox and are applied in
// batches. apply() records which nodes are new and which changed; a model collects those with
// takeNewNodes()/takeChangedNodes() once per frame.
class TopicTree final
{
public:
    using NodeId = quint32;
    static constexpr NodeId RootId = 0;
    static constexpr NodeId InvalidId = 0xffffffffu;
    static constexpr qint64 DefaultHistoryBudget = qint64(256) * 1024 * 1024;
    static constexpr int DefaultPerTopicHistory = 10000;

    struct HistoryEntry
    {
        qint64 timestampMs = 0;
        quint64 seq = 0; // global arrival number
        QByteArray payload;
        std::shared_ptr<const MessageProperties> properties;
        quint8 qos = 0;
        bool retained = false;
    };

    // Fields are laid out hot first: everything apply() touches per message sits in the first
    // cache line (the struct is 64-byte aligned).
    struct alignas(64) Node
    {
        NodeId parent = InvalidId;
        quint8 lastQos = 0;
        bool hasMessage = false; // a message was published to exactly this topic
        bool retained = false;   // last message on this topic carried the retain flag

    private:
        friend class TopicTree;
        bool m_dirty : 1 = false;
        bool m_lastInHistory : 1 = false; // the last payload is the newest history slot's
        quint32 m_keyLength = 0;
        quint32 m_historySize = 0;

    public:
        quint64 messageCount = 0;   // messages on exactly this topic
        quint64 subtreeCount = 0;   // messages on this topic and every topic below it
        qint64 lastTimestampMs = 0; // last message in this subtree

    private:
        quint64 m_oldestSeq = 0;
        quint64 m_newestSeq = 0;
        const char *m_key = nullptr; // full topic bytes (topics only), in TopicTree's key arena

    public:
        // Cold: read by models and the rate tick, not by the per-message path.
        quint32 row = 0;        // index in parent's children
        quint32 depth = 0;      // root = 0, first level = 1
        quint32 topicCount = 0; // topics with messages in this subtree (including itself)
        qint64 createdMs = 0;
        QString name;           // this level; may be empty ("a//b", "/x", "x/")
        std::vector<NodeId> children;
        double rate = 0.0;        // msgs/s on this topic (smoothed)
        double subtreeRate = 0.0; // msgs/s in this subtree (smoothed)

        quint32 historySize() const { return m_historySize; }

    private:
        quint64 m_countAtTick = 0;
        quint64 m_subtreeCountAtTick = 0;
        // The last payload when it is not in history (shed, or evicted by the budget).
        QByteArray m_lastPayload;
        std::shared_ptr<const MessageProperties> m_lastProperties;
    };

    explicit TopicTree(qint64 historyBudgetBytes = DefaultHistoryBudget,
                       int perTopicHistory = DefaultPerTopicHistory);
    ~TopicTree();
    TopicTree(const TopicTree &) = delete;
    TopicTree &operator=(const TopicTree &) = delete;

    // Applies a batch in arrival order. With keepHistory false only counters, flags and last
    // values are updated (used when the drain falls behind).
    void apply(const std::vector<MqttMessage> &batch, bool keepHistory = true);
    void apply(const MqttMessage &message, bool keepHistory = true);
    // Applies a batch in arrival order; only the newest `keepNewest` messages enter history.
    // Payloads and properties are moved out of `batch` (the caller discards it afterwards),
    // which saves touching each payload's reference count on the way in.
    void consume(std::vector<MqttMessage> &batch,
                 size_t keepNewest = std::numeric_limits<size_t>::max());

    // Recomputes rates from the counters; call about once a second.
    void tickRates(qint64 nowMs);

    // Nodes created since the last call, in creation order (a parent before its children).
    std::vector<NodeId> takeNewNodes();
    // Nodes whose displayed data changed since the last call (ancestors included, each once),
    // unordered.
    std::vector<NodeId> takeChangedNodes();

    const Node &node(NodeId id) const { return m_nodes[id]; }
    size_t nodeCount() const { return m_nodes.size(); }
    size_t topicCount() const { return m_topicCount; }
    quint64 totalMessages() const { return m_nodes[RootId].subtreeCount; }
    // Grows on clear(), so a model can tell that every node id it knew is gone.
    quint64 generation() const { return m_generation; }

    NodeId find(QByteArrayView topic) const;
    QString topicOf(NodeId id) const; // full topic name, levels joined by '/'
    // The exact bytes as received (differs from topicOf() for invalid UTF-8).
    QByteArray topicBytesOf(NodeId id) const;

    // The last message on exactly this topic (empty when none).
    QByteArray lastPayload(NodeId id) const;
    std::shared_ptr<const MessageProperties> lastProperties(NodeId id) const;
    // The newest `maxEntries` history entries of one topic, oldest first.
    std::vector<HistoryEntry> history(NodeId id,
                                      size_t maxEntries = std::numeric_limits<size_t>::max()) const;

    qint64 historyBudget() const { return m_historyBudget; }
    void setHistoryBudget(qint64 bytes);
    int perTopicHistory() const { return m_perTopicHistory; }
    qint64 historyBytes() const { return m_historyBytes; }
    quint64 historyEntries() const { return m_historyEntries; }
    // Entries dropped to stay within the global budget (not the per-topic cap).
    quint64 evictedByBudget() const { return m_evictedByBudget; }
    bool budgetReached() const { return m_evictedByBudget > 0; }

    // Bytes accounted for one history entry: payload plus the bookkeeping around it.
    static qint64 entryCost(const QByteArray &payload);

    void clear();

private:
    // One history entry in the global ring; `nextSeq` links the entries of one topic.
    struct Slot
    {
        qint64 timestampMs = 0;
        QByteArray payload;
        std::shared_ptr<const MessageProperties> properties;
        quint64 nextSeq = 0;
        NodeId node = InvalidId;
        quint8 qos = 0;
        bool retained = false;
        bool live = false; // false once dropped by the per-topic cap (a tombstone)
    };
    // Open-addressing table from full topic to node; `tag` is the hash's high half so most
    // probes never touch the key.
    struct Bucket
    {
        quint32 tag = 0;
        NodeId id = InvalidId;
    };

    template<typename Msg>
    void applyRange(Msg *messages, size_t count, size_t firstWithHistory);
    template<typename Msg>
    void applyOne(Msg &message, size_t hash, bool keepHistory);

    size_t hashOf(QByteArrayView topic) const;
    NodeId lookup(QByteArrayView topic, size_t hash) const;
    void insertBucket(NodeId id, size_t hash);
    void growTable();
    const char *storeKey(QByteArrayView topic);
    NodeId internTopic(QByteArrayView topic, size_t hash, qint64 nowMs);
    NodeId addChild(NodeId parent, QByteArrayView level, qint64 nowMs);
    void prefetchEviction();

    Slot &slotAt(quint64 seq) { return m_ring[size_t(seq - m_frontSeq)]; }
    const Slot &slotAt(quint64 seq) const { return m_ring[size_t(seq - m_frontSeq)]; }
    void dropOldest(Node &n);
    void enforceBudget();

    std::vector<Node> m_nodes;
    std::vector<Bucket> m_table;
    size_t m_topicCount = 0;
    size_t m_seed = 0;
    // Full topic bytes, append-only in blocks so keys never move.
    std::vector<std::unique_ptr<char[]>> m_keyBlocks;
    size_t m_keyBlockUsed = 0;
    size_t m_keyBlockSize = 0;
    QHash<QByteArray, NodeId> m_childIndex; // (parent id bytes + level) -> node, for interning
    std::vector<NodeId> m_newNodes;
    std::vector<NodeId> m_changedNodes;

    std::deque<Slot> m_ring;  // history in global arrival order, tombstones included
    quint64 m_frontSeq = 1;   // seq of m_ring.front()
    qint64 m_historyBudget;
    int m_perTopicHistory;
    qint64 m_historyBytes = 0;
    quint64 m_historyEntries = 0;
    quint64 m_evictedByBudget = 0;
    qint64 m_lastTickMs = 0;
    quint64 m_generation = 0;
};

} // namespace tideline
