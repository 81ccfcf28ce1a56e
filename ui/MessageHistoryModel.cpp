#include "MessageHistoryModel.h"

#include "PayloadRendering.h"
#include "models/TopicTreeModel.h"
#include "payload/DecodedPayload.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tideline {

MessageHistoryModel::MessageHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

MessageHistoryModel::~MessageHistoryModel() = default;

void MessageHistoryModel::update(std::vector<TopicTree::HistoryEntry> entries)
{
    if (m_entries.empty() || entries.empty() || entries.front().seq > m_entries.back().seq
        || entries.back().seq < m_entries.back().seq) {
        // Nothing in common (another topic, a cleared tree, or all of it replaced).
        beginResetModel();
        m_entries = std::move(entries);
        endResetModel();
        return;
    }
    // Entries the tree dropped are the oldest: the bottom rows.
    const auto keepFrom = std::lower_bound(m_entries.begin(), m_entries.end(), entries.front().seq,
                                           [](const TopicTree::HistoryEntry &e, quint64 seq) { return e.seq < seq; });
    const int dropped = int(keepFrom - m_entries.begin());
    if (dropped > 0) {
        const int rows = int(m_entries.size());
        beginRemoveRows({}, rows - dropped, rows - 1);
        m_entries.erase(m_entries.begin(), keepFrom);
        endRemoveRows();
    }
    // New entries are the newest: the top rows.
    const quint64 newest = m_entries.empty() ? 0 : m_entries.back().seq;
    const auto firstNew = std::upper_bound(entries.begin(), entries.end(), newest,
                                           [](quint64 seq, const TopicTree::HistoryEntry &e) { return seq < e.seq; });
    const int added = int(entries.end() - firstNew);
    if (added > 0) {
        beginInsertRows({}, 0, added - 1);
        m_entries.insert(m_entries.end(), std::make_move_iterator(firstNew),
                         std::make_move_iterator(entries.end()));
        endInsertRows();
    }
}

std::vector<TopicTree::HistoryEntry>::const_iterator MessageHistoryModel::find(quint64 seq) const
{
    const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), seq,
                                     [](const TopicTree::HistoryEntry &e, quint64 s) { return e.seq < s; });
    return it != m_entries.cend() && it->seq == seq ? it : m_entries.cend();
}

const TopicTree::HistoryEntry *MessageHistoryModel::entryAt(int row) const
{
    if (row < 0 || row >= int(m_entries.size()))
        return nullptr;
    return &m_entries[entryIndex(row)];
}

int MessageHistoryModel::rowOf(quint64 seq) const
{
    const auto it = find(seq);
    if (it == m_entries.cend())
        return -1;
    return int(m_entries.cend() - it) - 1;
}

const TopicTree::HistoryEntry *MessageHistoryModel::previousOf(quint64 seq) const
{
    const auto it = find(seq);
    if (it == m_entries.cend() || it == m_entries.cbegin())
        return nullptr;
    return &*(it - 1);
}

int MessageHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int MessageHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MessageHistoryModel::formatTime(qint64 timestampMs, qint64 nowMs)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(timestampMs);
    if (t.date() == QDateTime::fromMSecsSinceEpoch(nowMs).date())
        return t.toString(u"HH:mm:ss.zzz"_s);
    return t.toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QVariant MessageHistoryModel::data(const QModelIndex &index, int role) const
{
    const TopicTree::HistoryEntry *e = index.isValid() ? entryAt(index.row()) : nullptr;
    if (!e)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return formatTime(e->timestampMs, QDateTime::currentMSecsSinceEpoch());
        case QosColumn: return QString::number(e->qos);
        case RetainColumn: return e->retained ? tr("yes") : QString();
        case SizeColumn: return PayloadRendering::sizeText(e->payload.size());
        case PreviewColumn: return TopicTreeModel::previewOf(e->payload);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(e->timestampMs), u"yyyy-MM-dd HH:mm:ss.zzz t"_s);
        if (index.column() == SizeColumn)
            return tr("%1 bytes").arg(QLocale().toString(e->payload.size()));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == QosColumn || index.column() == RetainColumn)
            return QVariant(Qt::AlignCenter);
        break;
    case SeqRole:
        return QVariant::fromValue(e->seq);
    case TimestampRole:
        return QVariant::fromValue(e->timestampMs);
    default:
        break;
    }
    return {};
}

QVariant MessageHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case QosColumn: return tr("QoS");
    case RetainColumn: return tr("Retained");
    case SizeColumn: return tr("Size");
    case PreviewColumn: return tr("Payload");
    }
    return {};
}

} // namespace tideline
