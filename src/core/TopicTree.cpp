#include "TopicTree.h"

#include <QtEndian>

namespace tideline {

namespace {
// Bytes charged for one slot in the eviction queue; charged until the slot is popped, so a
// queue full of stale slots (entries already dropped by the per-topic cap) stays bounded too.
constexpr qint64 kEvictionRefCost = 16;
// malloc and QArrayData headers around a payload, and the deque slot around the entry.
constexpr qint64 kEntryOverhead = 48;

QByteArray childKey(TopicTree::NodeId parent, QByteArrayView level)
{
    QByteArray key;
    key.reserve(int(sizeof(parent)) + level.size());
    const quint32 be = qToBigEndian(parent);
    key.append(reinterpret_cast<const char *>(&be), sizeof(be));
    key.append(level.data(), level.size());
    return key;
}
} // namespace

TopicTree::TopicTree(qint64 historyBudgetBytes, int perTopicHistory)
    : m_historyBudget(historyBudgetBytes)
    , m_perTopicHistory(qMax(1, perTopicHistory))
{
    clear();
}

void TopicTree::clear()
{
    m_nodes.clear();
    m_topicIndex.clear();
    m_childIndex.clear();
    m_newNodes.clear();
    m_changedNodes.clear();
    m_evictionQueue.clear();
    m_historyBytes = 0;
    m_historyEntries = 0;
    m_evictedByBudget = 0;
    m_lastTickMs = 0;
    m_nodes.emplace_back(); // root
}

qint64 TopicTree::entryCost(const QByteArray &payload)
{
    return payload.size() + qint64(sizeof(HistoryEntry)) + kEntryOverhead;
}

TopicTree::NodeId TopicTree::addChild(NodeId parent, QString name, qint64 nowMs)
{
    const NodeId id = NodeId(m_nodes.size());
    Node child;
    child.parent = parent;
    child.row = quint32(m_nodes[parent].children.size());
    child.depth = quint16(m_nodes[parent].depth + 1);
    child.name = std::move(name);
    child.createdMs = nowMs;
    m_nodes.push_back(std::move(child));
    m_nodes[parent].children.push_back(id);
    m_newNodes.push_back(id);
    return id;
}

TopicTree::NodeId TopicTree::internTopic(const QByteArray &topic, qint64 nowMs)
{
    NodeId current = RootId;
    qsizetype start = 0;
    // An empty topic is not valid MQTT, but if a broker hands one over it is one empty level.
    while (true) {
        qsizetype slash = topic.indexOf('/', start);
        const qsizetype end = slash < 0 ? topic.size() : slash;
        const QByteArrayView level(topic.constData() + start, end - start);
        const QByteArray key = childKey(current, level);
        auto it = m_childIndex.constFind(key);
        if (it != m_childIndex.constEnd()) {
            current = it.value();
        } else {
            const NodeId id = addChild(current, QString::fromUtf8(level), nowMs);
            m_childIndex.insert(key, id);
            current = id;
        }
        if (slash < 0)
            break;
        start = slash + 1;
    }
    m_topicIndex.insert(topic, current);
    return current;
}

void TopicTree::markDirty(NodeId id)
{
    for (NodeId p = id; p != InvalidId && !m_nodes[p].dirty; p = m_nodes[p].parent) {
        m_nodes[p].dirty = true;
        m_changedNodes.push_back(p);
    }
}

void TopicTree::apply(const std::vector<MqttMessage> &batch, bool keepHistory)
{
    for (const MqttMessage &m : batch)
        apply(m, keepHistory);
}

void TopicTree::apply(const MqttMessage &message, bool keepHistory)
{
    NodeId id;
    auto it = m_topicIndex.constFind(message.topic);
    if (it != m_topicIndex.constEnd())
        id = it.value();
    else
        id = internTopic(message.topic, message.timestampMs);

    Node &n = m_nodes[id];
    const bool firstMessage = !n.hasMessage;
    n.hasMessage = true;
    n.retained = message.retained;
    n.lastQos = message.qos;
    n.lastPayload = message.payload;
    n.lastProperties = message.properties;
    n.messageCount += 1;

    for (NodeId p = id; p != InvalidId; p = m_nodes[p].parent) {
        Node &a = m_nodes[p];
        a.subtreeCount += 1;
        a.lastTimestampMs = message.timestampMs;
        if (firstMessage)
            a.topicCount += 1;
    }
    markDirty(id);

    if (!keepHistory)
        return;

    Node &target = m_nodes[id];
    const quint64 seq = m_nextSeq++;
    target.history.push_back(HistoryEntry{message.timestampMs, seq, message.payload,
                                          message.properties, message.qos, message.retained});
    m_historyBytes += entryCost(message.payload) + kEvictionRefCost;
    m_historyEntries += 1;
    m_evictionQueue.push_back(EvictionRef{id, seq});

    if (target.history.size() > size_t(m_perTopicHistory)) {
        m_historyBytes -= entryCost(target.history.front().payload);
        m_historyEntries -= 1;
        target.history.pop_front(); // its eviction slot goes stale and is reclaimed in order
    }
    if (m_historyBytes > m_historyBudget)
        enforceBudget();
}

void TopicTree::enforceBudget()
{
    while (m_historyBytes > m_historyBudget && !m_evictionQueue.empty()) {
        const EvictionRef ref = m_evictionQueue.front();
        m_evictionQueue.pop_front();
        m_historyBytes -= kEvictionRefCost;
        Node &n = m_nodes[ref.node];
        if (!n.history.empty() && n.history.front().seq == ref.seq) {
            m_historyBytes -= entryCost(n.history.front().payload);
            m_historyEntries -= 1;
            n.history.pop_front();
            m_evictedByBudget += 1;
            if (n.history.empty())
                n.history.shrink_to_fit();
        }
    }
}

void TopicTree::setHistoryBudget(qint64 bytes)
{
    m_historyBudget = qMax<qint64>(0, bytes);
    enforceBudget();
}

void TopicTree::tickRates(qint64 nowMs)
{
    if (m_lastTickMs == 0 || nowMs <= m_lastTickMs) {
        m_lastTickMs = nowMs;
        for (Node &n : m_nodes) {
            n.countAtTick = n.messageCount;
            n.subtreeCountAtTick = n.subtreeCount;
        }
        return;
    }
    const double dt = double(nowMs - m_lastTickMs) / 1000.0;
    m_lastTickMs = nowMs;
    auto smooth = [](double previous, double instant) {
        // Mostly the last interval, a little memory so a bursty topic does not flicker.
        const double r = 0.7 * instant + 0.3 * previous;
        return r < 0.005 ? 0.0 : r;
    };
    for (NodeId id = 0; id < NodeId(m_nodes.size()); ++id) {
        Node &n = m_nodes[id];
        if (n.subtreeCount == n.subtreeCountAtTick && n.subtreeRate == 0.0)
            continue;
        const double own = double(n.messageCount - n.countAtTick) / dt;
        const double sub = double(n.subtreeCount - n.subtreeCountAtTick) / dt;
        const double newRate = smooth(n.rate, own);
        const double newSubRate = smooth(n.subtreeRate, sub);
        n.countAtTick = n.messageCount;
        n.subtreeCountAtTick = n.subtreeCount;
        if (newRate != n.rate || newSubRate != n.subtreeRate) {
            n.rate = newRate;
            n.subtreeRate = newSubRate;
            if (!n.dirty) {
                n.dirty = true;
                m_changedNodes.push_back(id);
            }
        }
    }
}

std::vector<TopicTree::NodeId> TopicTree::takeNewNodes()
{
    std::vector<NodeId> out;
    out.swap(m_newNodes);
    return out;
}

std::vector<TopicTree::NodeId> TopicTree::takeChangedNodes()
{
    std::vector<NodeId> out;
    out.swap(m_changedNodes);
    for (NodeId id : out)
        m_nodes[id].dirty = false;
    return out;
}

TopicTree::NodeId TopicTree::find(QByteArrayView topic) const
{
    auto it = m_topicIndex.constFind(topic.toByteArray());
    return it == m_topicIndex.constEnd() ? InvalidId : it.value();
}

QByteArray TopicTree::topicBytesOf(NodeId id) const
{
    return topicOf(id).toUtf8();
}

QString TopicTree::topicOf(NodeId id) const
{
    if (id == RootId || id >= m_nodes.size())
        return {};
    std::vector<NodeId> chain;
    for (NodeId p = id; p != RootId; p = m_nodes[p].parent)
        chain.push_back(p);
    QString out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (it != chain.rbegin())
            out += QLatin1Char('/');
        out += m_nodes[*it].name;
    }
    return out;
}

} // namespace tideline
