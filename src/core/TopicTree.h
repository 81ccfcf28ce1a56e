#pragma once

#include "MqttMessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <deque>
#include <memory>
#include <vector>

namespace tideline {

// The live topic hierarchy of one connection: one node per topic level, with counts, rates,
// last value and a bounded per-topic history.
//
// Owns all message history of a connection. History lives in per-topic FIFOs under two limits:
// a per-topic entry cap and a global byte budget. When the budget is exceeded the globally
// oldest entries go first; counts, flags and last values are never dropped.
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
        quint64 seq = 0; // global arrival number, used to keep the eviction queue honest
        QByteArray payload;
        std::shared_ptr<const MessageProperties> properties;
        quint8 qos = 0;
        bool retained = false;
    };

    struct Node
    {
        NodeId parent = InvalidId;
        quint32 row = 0;         // index in parent's children
        quint16 depth = 0;       // root = 0, first level = 1
        bool hasMessage = false; // a message was published to exactly this topic
        bool retained = false;   // last message on this topic carried the retain flag
        quint8 lastQos = 0;
        bool dirty = false;
        QString name;            // this level; may be empty ("a//b", "/x", "x/")
        std::vector<NodeId> children;
        quint64 messageCount = 0;  // messages on exactly this topic
        quint64 subtreeCount = 0;  // messages on this topic and every topic below it
        quint32 topicCount = 0;    // topics with messages in this subtree (including itself)
        qint64 createdMs = 0;
        qint64 lastTimestampMs = 0; // last message in this subtree
        QByteArray lastPayload;
        std::shared_ptr<const MessageProperties> lastProperties;
        double rate = 0.0;          // msgs/s on this topic (smoothed)
        double subtreeRate = 0.0;   // msgs/s in this subtree (smoothed)
        quint64 countAtTick = 0;
        quint64 subtreeCountAtTick = 0;
        std::deque<HistoryEntry> history;
    };

    explicit TopicTree(qint64 historyBudgetBytes = DefaultHistoryBudget,
                       int perTopicHistory = DefaultPerTopicHistory);

    // Applies a batch in arrival order. With keepHistory false only counters, flags and last
    // values are updated (used when the drain falls behind).
    void apply(const std::vector<MqttMessage> &batch, bool keepHistory = true);
    void apply(const MqttMessage &message, bool keepHistory = true);

    // Recomputes rates from the counters; call about once a second.
    void tickRates(qint64 nowMs);

    // Nodes created since the last call, in creation order (a parent before its children).
    std::vector<NodeId> takeNewNodes();
    // Nodes whose displayed data changed since the last call (ancestors included), unordered.
    std::vector<NodeId> takeChangedNodes();

    const Node &node(NodeId id) const { return m_nodes[id]; }
    size_t nodeCount() const { return m_nodes.size(); }
    size_t topicCount() const { return m_topicIndex.size(); }
    quint64 totalMessages() const { return m_nodes[RootId].subtreeCount; }

    NodeId find(QByteArrayView topic) const;
    QString topicOf(NodeId id) const; // full topic name, levels joined by '/'
    QByteArray topicBytesOf(NodeId id) const;

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
    NodeId internTopic(const QByteArray &topic, qint64 nowMs);
    NodeId addChild(NodeId parent, QString name, qint64 nowMs);
    void markDirty(NodeId id);
    void enforceBudget();

    std::vector<Node> m_nodes;
    QHash<QByteArray, NodeId> m_topicIndex; // full topic -> node
    QHash<QByteArray, NodeId> m_childIndex; // (parent id bytes + level) -> node, for interning
    std::vector<NodeId> m_newNodes;
    std::vector<NodeId> m_changedNodes;

    struct EvictionRef
    {
        NodeId node;
        quint64 seq;
    };
    std::deque<EvictionRef> m_evictionQueue; // global arrival order of history entries
    qint64 m_historyBudget;
    int m_perTopicHistory;
    qint64 m_historyBytes = 0;
    quint64 m_historyEntries = 0;
    quint64 m_evictedByBudget = 0;
    quint64 m_nextSeq = 1;
    qint64 m_lastTickMs = 0;
};

} // namespace tideline
