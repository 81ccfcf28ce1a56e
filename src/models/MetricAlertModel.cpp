#include "models/MetricAlertModel.h"

#include "core/QueueStats.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

QString formatValue(double v)
{
    return QLocale().toString(v, 'g', 8);
}

// The time of day for today's alerts, with the date for older ones.
QString formatTime(qint64 ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
    const bool today = t.date() == QDate::currentDate();
    return QLocale().toString(t, today ? u"HH:mm:ss"_s : u"yyyy-MM-dd HH:mm:ss"_s);
}

} // namespace

MetricAlertModel::MetricAlertModel(QObject *parent) : QAbstractTableModel(parent) {}

MetricAlertModel::~MetricAlertModel() = default;

quint64 MetricAlertModel::fire(MetricAlert alert)
{
    alert.id = m_nextId++;
    const int before = activeCount();
    beginInsertRows({}, 0, 0);
    m_alerts.prepend(alert);
    endInsertRows();
    // Bounded: drop the oldest cleared alerts first, then the oldest of all.
    while (m_alerts.size() > MaxAlerts) {
        int row = int(m_alerts.size()) - 1;
        for (int r = row; r >= 0; --r) {
            if (!m_alerts.at(r).isActive()) {
                row = r;
                break;
            }
        }
        beginRemoveRows({}, row, row);
        m_alerts.removeAt(row);
        endRemoveRows();
    }
    if (activeCount() != before)
        Q_EMIT activeCountChanged(activeCount());
    return alert.id;
}

void MetricAlertModel::updatePeak(quint64 id, double peak)
{
    const int row = rowOf(id);
    if (row < 0 || !m_alerts.at(row).isActive() || peak <= m_alerts.at(row).peak)
        return;
    m_alerts[row].peak = peak;
    Q_EMIT dataChanged(index(row, PeakColumn), index(row, PeakColumn));
}

void MetricAlertModel::clear(quint64 id, qint64 clearedMs)
{
    const int row = rowOf(id);
    if (row < 0 || !m_alerts.at(row).isActive())
        return;
    m_alerts[row].clearedMs = clearedMs;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT activeCountChanged(activeCount());
}

void MetricAlertModel::removeAll()
{
    if (m_alerts.isEmpty())
        return;
    const bool hadActive = activeCount() > 0;
    beginResetModel();
    m_alerts.clear();
    endResetModel();
    if (hadActive)
        Q_EMIT activeCountChanged(0);
}

int MetricAlertModel::activeCount() const
{
    return int(std::count_if(m_alerts.cbegin(), m_alerts.cend(), [](const MetricAlert &a) { return a.isActive(); }));
}

std::optional<MetricAlert> MetricAlertModel::alert(quint64 id) const
{
    const int row = rowOf(id);
    if (row < 0)
        return std::nullopt;
    return m_alerts.at(row);
}

int MetricAlertModel::rowOf(quint64 id) const
{
    for (int row = 0; row < m_alerts.size(); ++row) {
        if (m_alerts.at(row).id == id)
            return row;
    }
    return -1;
}

QString MetricAlertModel::describe(const MetricAlert &alert)
{
    return tr("%1 of %2 above %3 for %4 (peak %5)")
        .arg(alert.series, alert.chart, formatValue(alert.threshold),
             QueueStats::formatDuration(double(alert.durationMs) / 1000.0), formatValue(alert.peak));
}

int MetricAlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int MetricAlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetricAlertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MetricAlert &a = m_alerts.at(index.row());
    switch (role) {
    case IdRole:
        return a.id;
    case ActiveRole:
        return a.isActive();
    case FiredRole:
        return a.firedMs;
    case ThresholdRole:
        return a.threshold;
    case Qt::ToolTipRole:
        return describe(a);
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return formatTime(a.firedMs);
        case SeriesColumn:
            return tr("%1 · %2").arg(a.chart, a.series);
        case ConditionColumn:
            return tr("> %1 for %2").arg(formatValue(a.threshold),
                                         QueueStats::formatDuration(double(a.durationMs) / 1000.0));
        case PeakColumn:
            return formatValue(a.peak);
        case StateColumn:
            return a.isActive() ? tr("active")
                                : tr("cleared at %1")
                                      .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(*a.clearedMs),
                                                              u"HH:mm:ss"_s));
        default:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant MetricAlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Fired");
    case SeriesColumn:
        return tr("Series");
    case ConditionColumn:
        return tr("Condition");
    case PeakColumn:
        return tr("Peak");
    case StateColumn:
        return tr("State");
    default:
        break;
    }
    return {};
}

} // namespace tideline
