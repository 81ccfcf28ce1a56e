#pragma once

#include "metrics/MetricTypes.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace tideline {

// One "above N for M seconds" alert of a chart series.
struct MetricAlert
{
    quint64 id = 0;              // assigned by MetricAlertModel::fire()
    MetricSeriesKey key;
    QString chart;               // the chart's title ("orders on /")
    QString series;              // the series' legend name ("Depth")
    double threshold = 0.0;
    qint64 durationMs = 0;
    qint64 aboveSinceMs = 0;     // first point above the threshold
    qint64 firedMs = 0;          // the point at which it had lasted durationMs
    double peak = 0.0;           // highest value while active
    std::optional<qint64> clearedMs;

    bool isActive() const { return !clearedMs.has_value(); }
};

// The alerts of the queue-depth dashboard, newest first: what fired, when, how bad it got,
// and whether it has cleared. Bounded: past MaxAlerts the oldest cleared ones go.
class MetricAlertModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricAlertModel)

public:
    enum Column { TimeColumn, SeriesColumn, ConditionColumn, PeakColumn, StateColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole,
        ActiveRole,       // bool
        FiredRole,        // qint64 ms since the epoch
        ThresholdRole,    // double
    };
    static constexpr int MaxAlerts = 500;

    explicit MetricAlertModel(QObject *parent = nullptr);
    ~MetricAlertModel() override;

    // Adds an alert at the top; returns its id.
    quint64 fire(MetricAlert alert);
    // A higher peak while it is still active.
    void updatePeak(quint64 id, double peak);
    // Marks it cleared at `clearedMs`; unknown or already cleared ids are ignored.
    void clear(quint64 id, qint64 clearedMs);
    void removeAll();

    int activeCount() const;
    const QList<MetricAlert> &alerts() const { return m_alerts; }
    std::optional<MetricAlert> alert(quint64 id) const;
    // "Depth of orders on / above 1 000 for 60 s (peak 1 532)": the tray message's text.
    static QString describe(const MetricAlert &alert);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void activeCountChanged(int count);

private:
    int rowOf(quint64 id) const;

    QList<MetricAlert> m_alerts; // newest first
    quint64 m_nextId = 1;
};

} // namespace tideline
