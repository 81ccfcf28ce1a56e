#include "ScalingTimelineModel.h"

#include "StateStyle.h"
#include "kube/ScalingHistoryRecorder.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPalette>
#include <QStyle>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tideline {

ScalingTimelineModel::ScalingTimelineModel(QObject *parent) : QAbstractTableModel(parent) {}

ScalingTimelineModel::~ScalingTimelineModel() = default;

void ScalingTimelineModel::clear()
{
    beginResetModel();
    m_events.clear();
    m_signatures.clear();
    endResetModel();
}

int ScalingTimelineModel::insertionRow(qint64 timestampMs) const
{
    // Newest first; among equal times the later arrival goes above.
    const auto it = std::lower_bound(m_events.cbegin(), m_events.cend(), timestampMs,
                                     [](const TimelineEvent &e, qint64 t) { return e.timestampMs > t; });
    return int(it - m_events.cbegin());
}

bool ScalingTimelineModel::add(const TimelineEvent &event)
{
    const QString sig = kube::ScalingHistoryRecorder::signature(event);
    if (m_signatures.contains(sig))
        return false;
    m_signatures.insert(sig);
    const int row = insertionRow(event.timestampMs);
    beginInsertRows({}, row, row);
    m_events.insert(row, event);
    endInsertRows();
    return true;
}

void ScalingTimelineModel::addAll(const QList<TimelineEvent> &events)
{
    QList<TimelineEvent> fresh;
    for (const TimelineEvent &e : events) {
        const QString sig = kube::ScalingHistoryRecorder::signature(e);
        if (m_signatures.contains(sig))
            continue;
        m_signatures.insert(sig);
        fresh.append(e);
    }
    if (fresh.isEmpty())
        return;
    beginResetModel();
    m_events.append(fresh);
    std::stable_sort(m_events.begin(), m_events.end(),
                     [](const TimelineEvent &a, const TimelineEvent &b) { return a.timestampMs > b.timestampMs; });
    endResetModel();
}

int ScalingTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int ScalingTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ScalingTimelineModel::objectText(const TimelineEvent &e)
{
    if (e.kind == u"HorizontalPodAutoscaler"_s)
        return tr("HPA %1").arg(e.name);
    return tr("%1 %2").arg(e.kind, e.name);
}

QVariant ScalingTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const TimelineEvent &e = m_events.at(index.row());
    switch (role) {
    case TimestampRole:
        return e.timestampMs;
    case SourceRole:
        return e.source;
    case TypeRole:
        return e.type;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Time: {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(e.timestampMs).toLocalTime();
            const QDateTime now = (m_nowMs > 0 ? QDateTime::fromMSecsSinceEpoch(m_nowMs)
                                               : QDateTime::currentDateTime()).toLocalTime();
            // Today: the time alone; earlier: the date too (history reaches back days).
            return t.date() == now.date() ? t.toString(u"HH:mm:ss"_s) : t.toString(u"MM-dd HH:mm:ss"_s);
        }
        case Object: return objectText(e);
        case Reason: return e.reason;
        case Message: return e.message;
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole: {
        const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.timestampMs).toLocalTime(),
                                                QLocale::LongFormat);
        const QString from = e.source == QLatin1String(kube::ScalingHistoryRecorder::OwnSource)
                                 ? tr("observed by Tideline")
                                 : tr("Kubernetes event");
        return tr("%1\n%2 (%3)\n%4").arg(when, objectText(e), from, e.message);
    }
    case Qt::ForegroundRole:
        if (e.type == u"Warning"_s && (index.column() == Reason || index.column() == Time))
            return ui::warningTextColor(QApplication::palette());
        if (e.source == QLatin1String(kube::ScalingHistoryRecorder::OwnSource))
            return QApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::DecorationRole:
        if (index.column() == Reason && e.type == u"Warning"_s)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    default:
        return {};
    }
}

QVariant ScalingTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time: return tr("Time");
    case Object: return tr("Object");
    case Reason: return tr("Reason");
    case Message: return tr("Message");
    case ColumnCount: break;
    }
    return {};
}

} // namespace tideline
