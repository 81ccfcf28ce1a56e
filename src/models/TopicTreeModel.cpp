#include "TopicTreeModel.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QStringDecoder>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {
using NodeId = TopicTree::NodeId;

constexpr quint32 kUnused = std::numeric_limits<quint32>::max();
// Bytes of a payload previewOf() looks at: enough for previewChars() of any encoding, cheap
// on a 16 MiB payload.
constexpr qsizetype kPreviewSample = 2048;
// Share of non-printable characters from which a payload is shown as hex.
constexpr double kBinaryShare = 0.25;
// How often fading highlights are refreshed (they fade in steps, not continuously).
constexpr qint64 kFadeStepMs = 1000;

bool isNonPrintable(char16_t c)
{
    if (c == u'\n' || c == u'\t' || c == u'\r')
        return false;
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xfffd;
}

// Bidi controls can reorder what an operator sees; show them like other controls.
bool isBidiControl(char16_t c)
{
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e
        || c == 0x200f;
}

QString escaped(char16_t c)
{
    switch (c) {
    case u'\n':
        return u"\\n"_s;
    case u'\t':
        return u"\\t"_s;
    case u'\r':
        return u"\\r"_s;
    default:
        break;
    }
    if (c < 0x100)
        return u"\\x%1"_s.arg(uint(c), 2, 16, QLatin1Char('0'));
    return u"\\u%1"_s.arg(uint(c), 4, 16, QLatin1Char('0'));
}

// Appends `text` with control characters escaped; stops before `limit` characters and says
// whether everything fitted.
bool appendEscaped(QString &out, QStringView text, qsizetype limit)
{
    qsizetype roomForEllipsis = 0; // length to cut back to if an ellipsis must follow
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        QString piece;
        if (c == u'\n' || c == u'\t' || c == u'\r' || (c < 0x20) || c == 0x7f
            || (c >= 0x80 && c <= 0x9f) || isBidiControl(c)) {
            piece = escaped(c);
        } else if (QChar::isHighSurrogate(c) && i + 1 < text.size()
                   && QChar::isLowSurrogate(text[i + 1].unicode())) {
            piece = text.sliced(i, 2).toString(); // never split a pair
            ++i;
        } else {
            piece = QChar(c);
        }
        if (out.size() + piece.size() > limit) {
            out.truncate(roomForEllipsis);
            return false;
        }
        out += piece;
        if (out.size() <= limit - 1)
            roomForEllipsis = out.size();
    }
    return true;
}
} // namespace

TopicTreeModel::TopicTreeModel(IngestPipeline *pipeline, QObject *parent)
    : QAbstractItemModel(parent)
    , m_pipeline(pipeline)
{
    Q_ASSERT(pipeline);
    adoptTree();
    connect(pipeline, &IngestPipeline::batchApplied, this, &TopicTreeModel::sync);
    connect(pipeline, &IngestPipeline::ratesUpdated, this, &TopicTreeModel::sync);
    // destroyed() comes after the pipeline (and its tree) is gone: forget it before any view
    // can ask for data.
    connect(pipeline, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_pipeline = nullptr;
        m_published.clear();
        m_ranges.clear();
        m_fresh.clear();
        endResetModel();
    });
}

TopicTreeModel::~TopicTreeModel() = default;

qint64 TopicTreeModel::now() const
{
    return m_fixedNowMs != 0 ? m_fixedNowMs : QDateTime::currentMSecsSinceEpoch();
}

void TopicTreeModel::adoptTree()
{
    // Everything already in the tree counts as announced; what was pending is dropped so the
    // next sync() only reports what came after.
    TopicTree &t = m_pipeline->tree();
    (void)t.takeNewNodes();
    (void)t.takeChangedNodes();
    m_published.assign(t.nodeCount(), 0);
    for (NodeId id = 0; id < NodeId(t.nodeCount()); ++id)
        m_published[id] = quint32(t.node(id).children.size());
    m_ranges.assign(t.nodeCount(), Range{kUnused, 0});
    m_fresh.clear();
    m_generation = t.generation();
}

NodeId TopicTreeModel::parentNodeOf(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return TopicTree::RootId;
    if (parent.model() != this || parent.column() != 0)
        return TopicTree::InvalidId;
    return NodeId(parent.internalId());
}

bool TopicTreeModel::isAnnounced(NodeId id) const
{
    if (!m_pipeline || id == TopicTree::RootId || id >= m_published.size())
        return false;
    const TopicTree::Node &n = tree().node(id);
    return n.parent < m_published.size() && n.row < m_published[n.parent];
}

QModelIndex TopicTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_pipeline || row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const NodeId pid = parentNodeOf(parent);
    if (pid >= m_published.size() || quint32(row) >= m_published[pid])
        return {};
    return createIndex(row, column, quintptr(tree().node(pid).children[size_t(row)]));
}

QModelIndex TopicTreeModel::parent(const QModelIndex &child) const
{
    if (!m_pipeline || !child.isValid())
        return {};
    const NodeId p = tree().node(NodeId(child.internalId())).parent;
    if (p == TopicTree::RootId || p == TopicTree::InvalidId)
        return {};
    return createIndex(int(tree().node(p).row), 0, quintptr(p));
}

int TopicTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_pipeline || parent.column() > 0)
        return 0;
    const NodeId id = parentNodeOf(parent);
    return id < m_published.size() ? int(m_published[id]) : 0;
}

int TopicTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QModelIndex TopicTreeModel::indexForNode(NodeId id, int column) const
{
    if (column < 0 || column >= ColumnCount || !isAnnounced(id))
        return {};
    return createIndex(int(tree().node(id).row), column, quintptr(id));
}

QModelIndex TopicTreeModel::indexForTopic(const QString &topic) const
{
    if (!m_pipeline)
        return {};
    const NodeId id = tree().find(topic.toUtf8());
    if (id != TopicTree::InvalidId)
        return indexForNode(id);
    // Not a topic itself: it may still be a level on the way to one ("a" of "a/b").
    NodeId current = TopicTree::RootId;
    for (const QStringView level : QStringView(topic).tokenize(u'/')) {
        const TopicTree::Node &n = tree().node(current);
        const auto it = std::find_if(n.children.begin(), n.children.end(), [&](NodeId c) {
            return tree().node(c).name == level;
        });
        if (it == n.children.end())
            return {};
        current = *it;
    }
    return indexForNode(current);
}

NodeId TopicTreeModel::nodeId(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return TopicTree::InvalidId;
    return NodeId(index.internalId());
}

QVariant TopicTreeModel::displayData(const TopicTree::Node &n, NodeId id, int column) const
{
    // A parent shows its subtree; a leaf's subtree is itself.
    const bool aggregate = !n.children.empty();
    const QLocale locale;
    switch (column) {
    case TopicColumn:
        return n.name.isEmpty() ? tr("(empty)") : n.name;
    case MessagesColumn:
        return locale.toString(aggregate ? n.subtreeCount : n.messageCount);
    case RateColumn:
        return locale.toString(aggregate ? n.subtreeRate : n.rate, 'f', 1);
    case RetainedColumn:
        return n.hasMessage && n.retained ? tr("retained") : QString();
    case QosColumn:
        return n.hasMessage ? QString::number(n.lastQos) : QString();
    case LastValueColumn:
        return n.hasMessage ? previewOf(tree().lastPayload(id)) : QString();
    case AgeColumn:
        return n.lastTimestampMs > 0 ? formatAge(now() - n.lastTimestampMs) : QString();
    default:
        return {};
    }
}

QVariant TopicTreeModel::sortData(const TopicTree::Node &n, NodeId id, int column) const
{
    const bool aggregate = !n.children.empty();
    switch (column) {
    case TopicColumn:
        return n.name;
    case MessagesColumn:
        return qulonglong(aggregate ? n.subtreeCount : n.messageCount);
    case RateColumn:
        return aggregate ? n.subtreeRate : n.rate;
    case RetainedColumn:
        return int(n.hasMessage && n.retained);
    case QosColumn:
        return n.hasMessage ? int(n.lastQos) : -1;
    case LastValueColumn:
        return n.hasMessage ? previewOf(tree().lastPayload(id)) : QString();
    case AgeColumn:
        return n.lastTimestampMs > 0 ? qlonglong(now() - n.lastTimestampMs)
                                     : std::numeric_limits<qlonglong>::max();
    default:
        return {};
    }
}

QString TopicTreeModel::toolTip(const TopicTree::Node &n, NodeId id, int column) const
{
    const QLocale locale;
    switch (column) {
    case TopicColumn:
        return tr("%1\nMessages on this topic: %2\nMessages in this subtree: %3\n"
                  "Topics in this subtree: %4")
            .arg(tree().topicOf(id), locale.toString(n.messageCount),
                 locale.toString(n.subtreeCount), locale.toString(n.topicCount));
    case MessagesColumn:
        return tr("%1 on this topic, %2 including the topics below it")
            .arg(locale.toString(n.messageCount), locale.toString(n.subtreeCount));
    case RateColumn:
        return tr("%1 msg/s on this topic, %2 msg/s including the topics below it")
            .arg(locale.toString(n.rate, 'f', 1), locale.toString(n.subtreeRate, 'f', 1));
    default:
        return {};
    }
}

QVariant TopicTreeModel::data(const QModelIndex &index, int role) const
{
    if (!m_pipeline || !index.isValid() || index.model() != this)
        return {};
    const NodeId id = NodeId(index.internalId());
    if (id >= tree().nodeCount())
        return {};
    const TopicTree::Node &n = tree().node(id);
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return displayData(n, id, column);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(n, id, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::FontRole:
        if (column == TopicColumn && n.name.isEmpty()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == MessagesColumn || column == RateColumn || column == QosColumn
            || column == AgeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole: {
        const qint64 age = now() - n.createdMs;
        if (age < 0 || age >= highlightMs())
            return {};
        // Fades out over the highlight window.
        QColor color = m_newTopicColor;
        color.setAlphaF(float(1.0 - 0.8 * double(age) / double(highlightMs())));
        return color;
    }
    case SortRole:
        return sortData(n, id, column);
    case FullTopicRole:
        return tree().topicOf(id);
    case NodeIdRole:
        return QVariant::fromValue(id);
    case IsNewRole: {
        const qint64 age = now() - n.createdMs;
        return age >= 0 && age < highlightMs();
    }
    case HasMessageRole:
        return n.hasMessage;
    default:
        return {};
    }
}

QVariant TopicTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TopicColumn:
            return tr("Topic");
        case MessagesColumn:
            return tr("Messages");
        case RateColumn:
            return tr("Rate (msg/s)");
        case RetainedColumn:
            return tr("Retained");
        case QosColumn:
            return tr("QoS");
        case LastValueColumn:
            return tr("Last value");
        case AgeColumn:
            return tr("Age");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case MessagesColumn:
            return tr("Messages received; a parent counts its whole subtree");
        case RateColumn:
            return tr("Messages per second over the last seconds; a parent counts its whole subtree");
        case AgeColumn:
            return tr("Time since the last message in this subtree");
        default:
            return {};
        }
    }
    return {};
}

void TopicTreeModel::sync()
{
    if (!m_pipeline)
        return;
    TopicTree &t = m_pipeline->tree();
    if (t.generation() != m_generation) {
        // The tree was cleared: every id the model handed out is void.
        beginResetModel();
        adoptTree();
        endResetModel();
        return;
    }
    const std::vector<NodeId> fresh = t.takeNewNodes();
    std::vector<NodeId> changed = t.takeChangedNodes();
    if (fresh.empty() && changed.empty() && m_fresh.empty())
        return;
    m_published.resize(t.nodeCount(), 0);
    m_ranges.resize(t.nodeCount(), Range{kUnused, 0});

    collectFading(changed);
    // Changes first, so "announced" still means announced before this sync: rows about to be
    // inserted are covered by their insert.
    emitChanged(changed);
    announceNew(fresh);
}

void TopicTreeModel::setNewTopicColor(const QColor &color)
{
    // Rows still highlighted take the colour at their next fade step (collectFading()).
    m_newTopicColor = color;
}

void TopicTreeModel::collectFading(std::vector<NodeId> &changed)
{
    const qint64 nowMs = now();
    if (m_fresh.empty() || nowMs - m_lastFadeMs < kFadeStepMs)
        return;
    m_lastFadeMs = nowMs;
    for (const Fresh &f : m_fresh)
        changed.push_back(f.id);
    while (!m_fresh.empty() && nowMs - m_fresh.front().createdMs >= highlightMs())
        m_fresh.pop_front();
}

void TopicTreeModel::emitChanged(const std::vector<NodeId> &changed)
{
    const TopicTree &t = tree();
    m_touched.clear();
    for (const NodeId id : changed) {
        if (id == TopicTree::RootId || id >= t.nodeCount())
            continue;
        const TopicTree::Node &n = t.node(id);
        if (n.row >= m_published[n.parent])
            continue; // not announced yet: its insert covers it
        Range &r = m_ranges[n.parent];
        if (r.first == kUnused) {
            r = Range{n.row, n.row};
            m_touched.push_back(n.parent);
        } else {
            r.first = std::min(r.first, n.row);
            r.last = std::max(r.last, n.row);
        }
    }
    std::sort(m_touched.begin(), m_touched.end());
    for (const NodeId p : m_touched) {
        const Range r = m_ranges[p];
        m_ranges[p] = Range{kUnused, 0};
        const QModelIndex parentIndex = indexForNode(p);
        Q_EMIT dataChanged(index(int(r.first), TopicColumn, parentIndex),
                           index(int(r.last), AgeColumn, parentIndex));
    }
}

void TopicTreeModel::announceNew(const std::vector<NodeId> &fresh)
{
    if (fresh.empty())
        return;
    const TopicTree &t = tree();
    const qint64 nowMs = now();
    m_touched.clear();
    for (const NodeId id : fresh) {
        const TopicTree::Node &n = t.node(id);
        if (nowMs - n.createdMs < highlightMs())
            m_fresh.push_back(Fresh{id, n.createdMs});
        Range &r = m_ranges[n.parent];
        if (r.first == kUnused) {
            r.first = 0;
            m_touched.push_back(n.parent);
        }
    }
    // Increasing ids: a new parent (created before its children) is announced before them.
    std::sort(m_touched.begin(), m_touched.end());
    for (const NodeId p : m_touched) {
        m_ranges[p] = Range{kUnused, 0};
        const quint32 have = m_published[p];
        const quint32 total = quint32(t.node(p).children.size());
        if (total <= have)
            continue;
        beginInsertRows(indexForNode(p), int(have), int(total - 1));
        m_published[p] = total;
        endInsertRows();
    }
}

QString TopicTreeModel::previewOf(const QByteArray &payload)
{
    if (payload.isEmpty())
        return {};
    const QByteArrayView head = QByteArrayView(payload).first(qMin(payload.size(), kPreviewSample));
    const bool sampled = head.size() < payload.size();

    // Stateful decoding: a sequence cut by the sample's end is held back, not reported.
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(head);
    const bool invalid = decoder.hasError();

    qsizetype nonPrintable = 0;
    for (const QChar c : text) {
        if (isNonPrintable(c.unicode()))
            ++nonPrintable;
    }
    if (text.isEmpty() || double(nonPrintable) > kBinaryShare * double(text.size())) {
        const qsizetype bytes = (previewChars() - 8) / 3;
        const QByteArrayView shown = QByteArrayView(payload).first(qMin(payload.size(), bytes));
        QString hex = QString::fromLatin1(shown.toByteArray().toHex(' '));
        if (shown.size() < payload.size())
            hex += u" …"_s;
        return tr("hex: %1").arg(hex);
    }

    QString body;
    body.reserve(previewChars());
    if (!appendEscaped(body, text, previewChars())) {
        body += u'…';
    } else if (sampled) {
        // Only the sample fitted (it never does in practice: it is far longer than the limit).
        if (body.size() >= previewChars())
            body.truncate(previewChars() - 1);
        if (!body.isEmpty() && body.back().isHighSurrogate())
            body.chop(1);
        body += u'…';
    }
    if (invalid)
        return tr("⚠ invalid UTF-8: %1").arg(body);
    return body;
}

QString TopicTreeModel::formatAge(qint64 ageMs)
{
    const qint64 ms = qMax<qint64>(0, ageMs);
    const QLocale locale;
    if (ms < 10'000)
        return tr("%1 s").arg(locale.toString(double(ms) / 1000.0, 'f', 1));
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min").arg(s / 60);
    if (s < 86400)
        return tr("%1 h").arg(s / 3600);
    return tr("%1 d").arg(s / 86400);
}

} // namespace tideline
