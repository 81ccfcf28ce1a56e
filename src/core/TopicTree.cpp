#include "TopicTree.h"

#include <QHashSeed>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace tideline {

namespace {
static_assert(sizeof(size_t) == 8, "the topic table splits a 64-bit hash into index and tag");

// malloc and QArrayData headers around a payload's bytes.
constexpr qint64 kPayloadOverhead = 32;
constexpr size_t kKeyBlockBytes = 64 * 1024;
constexpr size_t kMinTableSize = 1024;

inline void prefetch(const void *p)
{
    __builtin_prefetch(p);
}

qint64 payloadCost(const QByteArray &payload)
{
    return qMax(payload.size(), payload.capacity()) + kPayloadOverhead;
}

QByteArray childKey(TopicTree::NodeId parent, QByteArrayView level)
{
    QByteArray key;
    key.reserve(qsizetype(sizeof(parent)) + level.size());
    const quint32 be = qToBigEndian(parent);
    key.append(reinterpret_cast<const char *>(&be), sizeof(be));
    key.append(level.data(), level.size());
    return key;
}

template<typename T>
decltype(auto) takeOrCopy(T &value)
{
    if constexpr (std::is_const_v<T>)
        return value;
    else
        return std::move(value);
}
} // namespace

TopicTree::TopicTree(qint64 historyBudgetBytes, int perTopicHistory)
    : m_seed(QHashSeed::globalSeed())
    , m_historyBudget(qMax<qint64>(0, historyBudgetBytes))
    , m_perTopicHistory(qMax(1, perTopicHistory))
{
    clear();
}

TopicTree::~TopicTree() = default;

void TopicTree::clear()
{
    m_nodes.clear();
    m_table.assign(kMinTableSize, Bucket{});
    m_topicCount = 0;
    m_keyBlocks.clear();
    m_keyBlockUsed = 0;
    m_keyBlockSize = 0;
    m_childIndex.clear();
    m_newNodes.clear();
    m_changedNodes.clear();
    m_ring.clear();
    m_frontSeq = 1;
    m_historyBytes = 0;
    m_historyEntries = 0;
    m_evictedByBudget = 0;
    m_lastTickMs = 0;
    ++m_generation;
    m_nodes.emplace_back(); // root
}

qint64 TopicTree::entryCost(const QByteArray &payload)
{
    return payloadCost(payload) + qint64(sizeof(Slot));
}

size_t TopicTree::hashOf(QByteArrayView topic) const
{
    return qHash(topic, m_seed);
}

TopicTree::NodeId TopicTree::lookup(QByteArrayView topic, size_t hash) const
{
    const size_t mask = m_table.size() - 1;
    const quint32 tag = quint32(hash >> 32);
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const Bucket &b = m_table[i];
        if (b.id == InvalidId)
            return InvalidId;
        if (b.tag != tag)
            continue;
        const Node &n = m_nodes[b.id];
        if (n.m_keyLength == quint32(topic.size())
            && (topic.isEmpty() || std::memcmp(n.m_key, topic.data(), size_t(topic.size())) == 0))
            return b.id;
    }
}

void TopicTree::insertBucket(NodeId id, size_t hash)
{
    const size_t mask = m_table.size() - 1;
    size_t i = hash & mask;
    while (m_table[i].id != InvalidId)
        i = (i + 1) & mask;
    m_table[i] = Bucket{quint32(hash >> 32), id};
}

void TopicTree::growTable()
{
    std::vector<Bucket> old(m_table.size() * 2);
    old.swap(m_table);
    for (const Bucket &b : old) {
        if (b.id == InvalidId)
            continue;
        const Node &n = m_nodes[b.id];
        insertBucket(b.id, hashOf(QByteArrayView(n.m_key, n.m_keyLength)));
    }
}

const char *TopicTree::storeKey(QByteArrayView topic)
{
    static const char empty = 0;
    const size_t size = size_t(topic.size());
    if (size == 0)
        return &empty;
    // Big keys get a block of their own so they never waste the rest of a shared block.
    if (size > kKeyBlockBytes / 4) {
        m_keyBlocks.push_back(std::make_unique_for_overwrite<char[]>(size));
        char *block = m_keyBlocks.back().get();
        std::memcpy(block, topic.data(), size);
        // Keep filling the previous shared block: swap the big one below it.
        if (m_keyBlocks.size() >= 2 && m_keyBlockSize != 0)
            std::swap(m_keyBlocks[m_keyBlocks.size() - 1], m_keyBlocks[m_keyBlocks.size() - 2]);
        return block;
    }
    if (m_keyBlockSize == 0 || m_keyBlockUsed + size > m_keyBlockSize) {
        m_keyBlocks.push_back(std::make_unique_for_overwrite<char[]>(kKeyBlockBytes));
        m_keyBlockSize = kKeyBlockBytes;
        m_keyBlockUsed = 0;
    }
    char *out = m_keyBlocks.back().get() + m_keyBlockUsed;
    std::memcpy(out, topic.data(), size);
    m_keyBlockUsed += size;
    return out;
}

TopicTree::NodeId TopicTree::addChild(NodeId parent, QByteArrayView level, qint64 nowMs)
{
    const NodeId id = NodeId(m_nodes.size());
    Node &child = m_nodes.emplace_back();
    Node &p = m_nodes[parent];
    child.parent = parent;
    child.row = quint32(p.children.size());
    child.depth = p.depth + 1;
    child.name = QString::fromUtf8(level);
    child.createdMs = nowMs;
    p.children.push_back(id);
    m_newNodes.push_back(id);
    return id;
}

TopicTree::NodeId TopicTree::internTopic(QByteArrayView topic, size_t hash, qint64 nowMs)
{
    NodeId current = RootId;
    qsizetype start = 0;
    // An empty topic is not valid MQTT, but if a broker hands one over it is one empty level.
    while (true) {
        const qsizetype slash = topic.indexOf('/', start);
        const qsizetype end = slash < 0 ? topic.size() : slash;
        const QByteArrayView level = topic.sliced(start, end - start);
        QByteArray key = childKey(current, level);
        const auto it = m_childIndex.constFind(key);
        if (it != m_childIndex.constEnd()) {
            current = it.value();
        } else {
            const NodeId id = addChild(current, level, nowMs);
            m_childIndex.insert(std::move(key), id);
            current = id;
        }
        if (slash < 0)
            break;
        start = slash + 1;
    }

    Node &leaf = m_nodes[current];
    leaf.m_key = storeKey(topic);
    leaf.m_keyLength = quint32(topic.size());
    ++m_topicCount;
    // Keep the load factor at or below one half so probe runs stay short.
    if (m_topicCount * 2 > m_table.size())
        growTable();
    insertBucket(current, hash);
    return current;
}

void TopicTree::apply(const MqttMessage &message, bool keepHistory)
{
    applyRange(&message, 1, keepHistory ? 0 : 1);
}

void TopicTree::apply(const std::vector<MqttMessage> &batch, bool keepHistory)
{
    applyRange(batch.data(), batch.size(), keepHistory ? 0 : batch.size());
}

void TopicTree::consume(std::vector<MqttMessage> &batch, size_t keepNewest)
{
    const size_t n = batch.size();
    applyRange(batch.data(), n, keepNewest >= n ? 0 : n - keepNewest);
}

template<typename Msg>
void TopicTree::applyRange(Msg *messages, size_t count, size_t firstWithHistory)
{
    // Software pipeline over the batch: with ~100k topics every lookup misses the cache, so
    // the hash bucket, the node and its key are requested a few messages before they are used
    // and the misses overlap instead of queueing. Prefetches are hints; correctness never
    // depends on them (each message still does a full lookup when its turn comes).
    constexpr size_t kRing = 16;
    constexpr size_t kHashAhead = 10;
    constexpr size_t kNodeAhead = 5;
    constexpr size_t kKeyAhead = 2;
    size_t hashes[kRing];

    auto stageHash = [&](size_t j) {
        const size_t h = hashOf(messages[j].topic);
        hashes[j % kRing] = h;
        prefetch(&m_table[h & (m_table.size() - 1)]);
    };
    auto stageNode = [&](size_t j) {
        const size_t h = hashes[j % kRing];
        const Bucket &b = m_table[h & (m_table.size() - 1)];
        if (b.id != InvalidId && b.id < m_nodes.size())
            prefetch(&m_nodes[b.id]);
    };
    auto stageKey = [&](size_t j) {
        const size_t h = hashes[j % kRing];
        const Bucket &b = m_table[h & (m_table.size() - 1)];
        if (b.id != InvalidId && b.id < m_nodes.size() && b.tag == quint32(h >> 32))
            prefetch(m_nodes[b.id].m_key);
    };

    for (size_t j = 0; j < std::min(count, kHashAhead); ++j)
        stageHash(j);
    for (size_t i = 0; i < count; ++i) {
        if (i + kHashAhead + 4 < count)
            prefetch(messages[i + kHashAhead + 4].topic.constData());
        if (i + kHashAhead < count)
            stageHash(i + kHashAhead);
        if (i + kNodeAhead < count)
            stageNode(i + kNodeAhead);
        if (i + kKeyAhead < count)
            stageKey(i + kKeyAhead);
        applyOne(messages[i], hashes[i % kRing], i >= firstWithHistory);
    }
}

template<typename Msg>
void TopicTree::applyOne(Msg &message, size_t hash, bool keepHistory)
{
    const QByteArrayView topic(message.topic);
    NodeId id = lookup(topic, hash);
    if (id == InvalidId)
        id = internTopic(topic, hash, message.timestampMs);

    Node &n = m_nodes[id];
    const bool firstMessage = !n.hasMessage;
    n.hasMessage = true;
    n.retained = message.retained;
    n.lastQos = message.qos;
    n.messageCount += 1;

    // One walk does counts and change marks: a node can be dirty from the rate tick while
    // its ancestors are not, so the walk must not stop at the first dirty node.
    const qint64 ts = message.timestampMs;
    for (NodeId p = id; p != InvalidId;) {
        Node &a = m_nodes[p];
        a.subtreeCount += 1;
        a.lastTimestampMs = ts;
        if (firstMessage)
            a.topicCount += 1;
        if (!a.m_dirty) {
            a.m_dirty = true;
            m_changedNodes.push_back(p);
        }
        p = a.parent;
    }

    if (!keepHistory) {
        n.m_lastPayload = takeOrCopy(message.payload);
        n.m_lastProperties = takeOrCopy(message.properties);
        n.m_lastInHistory = false;
        return;
    }

    const quint64 seq = m_frontSeq + m_ring.size();
    if (n.m_historySize == 0)
        n.m_oldestSeq = seq;
    else
        slotAt(n.m_newestSeq).nextSeq = seq;
    n.m_newestSeq = seq;
    n.m_historySize += 1;
    if (!n.m_lastInHistory) {
        // The last value now lives in the ring; drop the copy kept outside it.
        n.m_lastInHistory = true;
        n.m_lastPayload = QByteArray();
        n.m_lastProperties.reset();
    }
    const qint64 cost = entryCost(message.payload);
    m_ring.push_back(Slot{ts, takeOrCopy(message.payload), takeOrCopy(message.properties), 0, id,
                          message.qos, message.retained, true});
    m_historyBytes += cost;
    m_historyEntries += 1;

    if (n.m_historySize > quint32(m_perTopicHistory))
        dropOldest(n);
    if (m_historyBytes > m_historyBudget)
        enforceBudget();
}

void TopicTree::dropOldest(Node &n)
{
    // The slot stays in the ring as a tombstone (still charged its own size) until the
    // global front reaches it; only its payload goes now.
    Slot &s = slotAt(n.m_oldestSeq);
    n.m_oldestSeq = s.nextSeq;
    n.m_historySize -= 1;
    m_historyEntries -= 1;
    m_historyBytes -= payloadCost(s.payload);
    s.payload = QByteArray();
    s.properties.reset();
    s.live = false;
}

void TopicTree::prefetchEviction()
{
    // The ring's front moves one slot per message under budget pressure; the slot a few
    // places behind it is what the next messages will free.
    constexpr size_t kAhead = 6;
    if (m_ring.size() <= kAhead)
        return;
    Slot &s = m_ring[kAhead];
    if (s.live) {
        prefetch(s.payload.data_ptr().d_ptr());
        prefetch(&m_nodes[s.node]);
    }
}

void TopicTree::enforceBudget()
{
    while (m_historyBytes > m_historyBudget && !m_ring.empty()) {
        Slot &s = m_ring.front();
        if (s.live) {
            // Global arrival order is also each topic's order, so this is the topic's oldest.
            Node &n = m_nodes[s.node];
            Q_ASSERT(n.m_oldestSeq == m_frontSeq);
            n.m_oldestSeq = s.nextSeq;
            n.m_historySize -= 1;
            m_historyBytes -= payloadCost(s.payload);
            m_historyEntries -= 1;
            m_evictedByBudget += 1;
            if (n.m_historySize == 0 && n.m_lastInHistory) {
                // It was also the newest: the last value moves out of the ring, it is never lost.
                n.m_lastPayload = std::move(s.payload);
                n.m_lastProperties = std::move(s.properties);
                n.m_lastInHistory = false;
            }
        }
        m_historyBytes -= qint64(sizeof(Slot));
        m_ring.pop_front();
        m_frontSeq += 1;
    }
    prefetchEviction();
}

void TopicTree::setHistoryBudget(qint64 bytes)
{
    m_historyBudget = qMax<qint64>(0, bytes);
    enforceBudget();
    if (m_ring.empty())
        m_ring.shrink_to_fit();
}

void TopicTree::tickRates(qint64 nowMs)
{
    if (m_lastTickMs == 0 || nowMs <= m_lastTickMs) {
        m_lastTickMs = nowMs;
        for (Node &n : m_nodes) {
            n.m_countAtTick = n.messageCount;
            n.m_subtreeCountAtTick = n.subtreeCount;
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
        if (n.subtreeCount == n.m_subtreeCountAtTick && n.subtreeRate == 0.0)
            continue;
        const double own = double(n.messageCount - n.m_countAtTick) / dt;
        const double sub = double(n.subtreeCount - n.m_subtreeCountAtTick) / dt;
        const double newRate = smooth(n.rate, own);
        const double newSubRate = smooth(n.subtreeRate, sub);
        n.m_countAtTick = n.messageCount;
        n.m_subtreeCountAtTick = n.subtreeCount;
        if (newRate != n.rate || newSubRate != n.subtreeRate) {
            n.rate = newRate;
            n.subtreeRate = newSubRate;
            if (!n.m_dirty) {
                n.m_dirty = true;
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
        m_nodes[id].m_dirty = false;
    return out;
}

TopicTree::NodeId TopicTree::find(QByteArrayView topic) const
{
    return lookup(topic, hashOf(topic));
}

QByteArray TopicTree::lastPayload(NodeId id) const
{
    if (id >= m_nodes.size())
        return {};
    const Node &n = m_nodes[id];
    return n.m_lastInHistory ? slotAt(n.m_newestSeq).payload : n.m_lastPayload;
}

std::shared_ptr<const MessageProperties> TopicTree::lastProperties(NodeId id) const
{
    if (id >= m_nodes.size())
        return {};
    const Node &n = m_nodes[id];
    return n.m_lastInHistory ? slotAt(n.m_newestSeq).properties : n.m_lastProperties;
}

std::vector<TopicTree::HistoryEntry> TopicTree::history(NodeId id, size_t maxEntries) const
{
    std::vector<HistoryEntry> out;
    if (id >= m_nodes.size() || maxEntries == 0)
        return out;
    const Node &n = m_nodes[id];
    const size_t size = n.m_historySize;
    size_t skip = size > maxEntries ? size - maxEntries : 0;
    out.reserve(size - skip);
    quint64 seq = n.m_oldestSeq;
    for (size_t i = 0; i < size; ++i) {
        const Slot &s = slotAt(seq);
        if (skip > 0)
            --skip;
        else
            out.push_back(HistoryEntry{s.timestampMs, seq, s.payload, s.properties, s.qos, s.retained});
        seq = s.nextSeq;
    }
    return out;
}

QByteArray TopicTree::topicBytesOf(NodeId id) const
{
    if (id == RootId || id >= m_nodes.size())
        return {};
    // Every node lies on the path of some topic that was received: find one at or below it
    // and cut its exact bytes after this node's level.
    NodeId d = id;
    while (m_nodes[d].m_key == nullptr && !m_nodes[d].children.empty())
        d = m_nodes[d].children.front();
    const Node &keyed = m_nodes[d];
    if (keyed.m_key == nullptr)
        return topicOf(id).toUtf8();
    const QByteArrayView key(keyed.m_key, keyed.m_keyLength);
    qsizetype end = 0;
    for (quint32 level = 0; level < m_nodes[id].depth; ++level) {
        const qsizetype slash = key.indexOf('/', end);
        if (level + 1 == m_nodes[id].depth)
            return key.first(slash < 0 ? key.size() : slash).toByteArray();
        end = slash + 1;
    }
    return {};
}

QString TopicTree::topicOf(NodeId id) const
{
    if (id == RootId || id >= m_nodes.size())
        return {};
    std::vector<NodeId> chain;
    qsizetype length = 0;
    for (NodeId p = id; p != RootId; p = m_nodes[p].parent) {
        chain.push_back(p);
        length += m_nodes[p].name.size() + 1;
    }
    QString out;
    out.reserve(length);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (it != chain.rbegin())
            out += QLatin1Char('/');
        out += m_nodes[*it].name;
    }
    return out;
}

} // namespace tideline
