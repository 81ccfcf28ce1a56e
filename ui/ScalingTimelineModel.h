#pragma once

#include "core/TimelineEvent.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

namespace tideline {

// The scaling timeline of one workload: Kubernetes events of the workload, its ReplicaSets and
// its autoscaler (live and from the history store), newest first, each occurrence once.
//
// Owns copies of the events. Live events arrive one at a time (add()); history arrives as a
// batch (addAll()), inserted with one reset.
class ScalingTimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScalingTimelineModel)

public:
    enum Column { Time, Object, Reason, Message, ColumnCount };
    enum Role { TimestampRole = Qt::UserRole + 1, SourceRole, TypeRole };

    explicit ScalingTimelineModel(QObject *parent = nullptr);
    ~ScalingTimelineModel() override;

    void clear();
    // False when the occurrence is already shown.
    bool add(const TimelineEvent &event);
    void addAll(const QList<TimelineEvent> &events);
    const QList<TimelineEvent> &events() const { return m_events; }
    const TimelineEvent &eventAt(int row) const { return m_events.at(row); }

    // Tests and screenshots: a fixed "today" for the time format (0: the clock).
    void setNowMs(qint64 ms) { m_nowMs = ms; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "HPA worker", "Deployment worker", "ReplicaSet worker-5d8f".
    static QString objectText(const TimelineEvent &event);

private:
    int insertionRow(qint64 timestampMs) const;

    QList<TimelineEvent> m_events; // newest first
    QSet<QString> m_signatures;
    qint64 m_nowMs = 0;
};

} // namespace tideline
