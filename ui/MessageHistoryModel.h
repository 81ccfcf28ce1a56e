#pragma once

#include "core/TopicTree.h"

#include <QAbstractTableModel>

#include <vector>

namespace tideline {

// The kept messages of one topic as a table, newest first: time, QoS, retain, size, preview.
//
// Owns a copy of the history entries (payloads are implicitly shared with the TopicTree).
// update() is called with the topic's current history (oldest first) and turns the change into
// row removals at the bottom (entries the tree let go) and one insertion at the top (new
// messages), so a selection in the view survives new arrivals.
class MessageHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageHistoryModel)

public:
    enum Column { TimeColumn, QosColumn, RetainColumn, SizeColumn, PreviewColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { SeqRole = Qt::UserRole + 1, TimestampRole };

    explicit MessageHistoryModel(QObject *parent = nullptr);
    ~MessageHistoryModel() override;

    // entries: oldest first, as TopicTree::history() returns them.
    void update(std::vector<TopicTree::HistoryEntry> entries);
    void clear() { update({}); }

    // Oldest first.
    const std::vector<TopicTree::HistoryEntry> &entries() const { return m_entries; }
    const TopicTree::HistoryEntry *entryAt(int row) const;
    // The row showing `seq`, or -1.
    int rowOf(quint64 seq) const;
    // The entry that arrived just before `seq` on this topic, or null.
    const TopicTree::HistoryEntry *previousOf(quint64 seq) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "12:03:04.567" for today, "2025-01-30 12:03:04" for older times.
    static QString formatTime(qint64 timestampMs, qint64 nowMs);

private:
    // Index into m_entries (oldest first) of a row (newest first).
    size_t entryIndex(int row) const { return m_entries.size() - 1 - size_t(row); }
    std::vector<TopicTree::HistoryEntry>::const_iterator find(quint64 seq) const;

    std::vector<TopicTree::HistoryEntry> m_entries;
};

} // namespace tideline
