#include "KubeWorkloadModel.h"

#include "StateStyle.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace tideline {

KubeWorkloadModel::KubeWorkloadModel(QObject *parent) : QAbstractTableModel(parent) {}

KubeWorkloadModel::~KubeWorkloadModel() = default;

QString KubeWorkloadModel::keyOf(const QString &kind, const QString &ns, const QString &name)
{
    return kind + u'/' + ns + u'/' + name;
}

void KubeWorkloadModel::upsert(const kube::Workload &workload)
{
    const QString key = keyOf(workload);
    const int row = m_rows.value(key, -1);
    if (row >= 0) {
        m_items[row] = workload;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int at = int(m_items.size());
    beginInsertRows({}, at, at);
    m_items.append(workload);
    m_rows.insert(key, at);
    endInsertRows();
}

void KubeWorkloadModel::remove(const QString &key)
{
    const int row = m_rows.value(key, -1);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    reindex();
    endRemoveRows();
}

void KubeWorkloadModel::clear()
{
    if (m_items.isEmpty())
        return;
    beginResetModel();
    m_items.clear();
    m_rows.clear();
    m_hpaByTarget.clear();
    endResetModel();
}

void KubeWorkloadModel::reindex()
{
    m_rows.clear();
    for (int i = 0; i < m_items.size(); ++i)
        m_rows.insert(keyOf(m_items.at(i)), i);
}

void KubeWorkloadModel::setHpas(const QList<kube::Hpa> &hpas)
{
    m_hpaByTarget.clear();
    for (const kube::Hpa &h : hpas) {
        if (h.scaleTargetRef.kind != u"Deployment"_s && h.scaleTargetRef.kind != u"StatefulSet"_s)
            continue;
        m_hpaByTarget.insert(keyOf(h.scaleTargetRef.kind, h.meta.ns, h.scaleTargetRef.name), h);
    }
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0, Autoscaler), index(int(m_items.size()) - 1, Autoscaler));
}

const kube::Hpa *KubeWorkloadModel::hpaFor(const QString &key) const
{
    const auto it = m_hpaByTarget.constFind(key);
    return it == m_hpaByTarget.constEnd() ? nullptr : &it.value();
}

const kube::Workload *KubeWorkloadModel::workload(const QString &key) const
{
    const int row = m_rows.value(key, -1);
    return row < 0 ? nullptr : &m_items.at(row);
}

int KubeWorkloadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int KubeWorkloadModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KubeWorkloadModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const kube::Workload &w = m_items.at(index.row());
    const QString key = keyOf(w);
    switch (role) {
    case KeyRole:
        return key;
    case KindRole:
        return w.kind;
    case NameRole:
        return w.meta.name;
    case NamespaceRole:
        return w.meta.ns;
    default:
        break;
    }

    const kube::Hpa *hpa = hpaFor(key);
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (Column(index.column())) {
        case Name: return w.meta.name;
        // kubectl's short names keep the table narrow; the tooltip has the kind in full.
        case Kind: return role == SortRole ? w.kind : w.kind == u"StatefulSet"_s ? u"sts"_s : u"deploy"_s;
        case Desired: return w.specReplicas;
        case Updated: return w.updatedReplicas;
        case Ready: return role == SortRole ? QVariant(w.readyReplicas) : QVariant(u"%1/%2"_s.arg(w.readyReplicas).arg(w.specReplicas));
        case Available: return w.availableReplicas;
        case Autoscaler:
            if (!hpa)
                return role == SortRole ? QVariant(QString()) : QVariant(tr("—"));
            return tr("%1 (%2–%3)").arg(hpa->meta.name).arg(hpa->spec.minReplicas).arg(hpa->spec.maxReplicas);
        case Age: {
            if (role == SortRole)
                return w.meta.creationTimestamp;
            const QDateTime now = m_nowMs > 0 ? QDateTime::fromMSecsSinceEpoch(m_nowMs, Qt::UTC)
                                              : QDateTime::currentDateTimeUtc();
            return kube::KubeTypes::formatAge(w.meta.creationTimestamp, now);
        }
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        if (index.column() >= Desired && index.column() <= Available)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ForegroundRole) {
        // Not all replicas ready: the operator's first question, so it stands out.
        if (index.column() == Ready && w.readyReplicas < w.specReplicas)
            return ui::warningTextColor(QApplication::palette());
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Autoscaler && hpa)
            return tr("HPA %1: %2").arg(hpa->meta.name, kube::KubeTypes::hpaTargets(*hpa));
        if (index.column() == Ready)
            return tr("%1 of %2 desired replicas ready").arg(w.readyReplicas).arg(w.specReplicas);
        if (index.column() == Kind || index.column() == Name)
            return tr("%1 %2 in namespace %3").arg(w.kind, w.meta.name, w.meta.ns);
        if (index.column() == Age)
            return QLocale().toString(w.meta.creationTimestamp.toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

QVariant KubeWorkloadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Name: return tr("Name");
        case Kind: return tr("Kind");
        case Desired: return tr("Desired");
        case Updated: return tr("Updated");
        case Ready: return tr("Ready");
        case Available: return tr("Available");
        case Autoscaler: return tr("Autoscaler");
        case Age: return tr("Age");
        case ColumnCount: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Desired: return tr("spec.replicas: what the workload is asked to run");
        case Updated: return tr("status.updatedReplicas: replicas on the current template");
        case Ready: return tr("status.readyReplicas of spec.replicas");
        case Available: return tr("status.availableReplicas: ready for at least minReadySeconds");
        case Autoscaler: return tr("The HorizontalPodAutoscaler that targets the workload, with its bounds");
        default: break;
        }
    }
    return {};
}

} // namespace tideline
