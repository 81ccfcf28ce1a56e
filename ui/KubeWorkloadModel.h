#pragma once

#include "kube/KubeTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace tideline {

// The Deployments and StatefulSets of one namespace, one row each, kept in step with the
// watchers (upsert/remove by key). Also knows which HPA targets each row, for the HPA column.
//
// Rows stay in insertion order; a view sorts through a proxy. Owns copies of the parsed objects.
class KubeWorkloadModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeWorkloadModel)

public:
    enum Column { Name, Kind, Desired, Updated, Ready, Available, Autoscaler, Age, ColumnCount };
    enum Role { KeyRole = Qt::UserRole + 1, KindRole, NameRole, NamespaceRole, SortRole };

    explicit KubeWorkloadModel(QObject *parent = nullptr);
    ~KubeWorkloadModel() override;

    // "Deployment/default/worker".
    static QString keyOf(const QString &kind, const QString &ns, const QString &name);
    static QString keyOf(const kube::Workload &w) { return keyOf(w.kind, w.meta.ns, w.meta.name); }

    void upsert(const kube::Workload &workload);
    void remove(const QString &key);
    // Every row and HPA goes (another namespace or context).
    void clear();

    // HPAs of the namespace (the Autoscaler column and hpaFor()).
    void setHpas(const QList<kube::Hpa> &hpas);
    const kube::Hpa *hpaFor(const QString &key) const;

    int rowOf(const QString &key) const { return m_rows.value(key, -1); }
    const kube::Workload *workload(const QString &key) const;
    const kube::Workload &workloadAt(int row) const { return m_items.at(row); }
    QList<kube::Workload> workloads() const { return m_items; }

    // Tests and screenshots: a fixed "now" for the Age column (ms since the epoch, 0: the clock).
    void setNowMs(qint64 ms) { m_nowMs = ms; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reindex();

    QList<kube::Workload> m_items;
    QHash<QString, int> m_rows;
    QHash<QString, kube::Hpa> m_hpaByTarget; // workload key -> HPA
    qint64 m_nowMs = 0;
};

} // namespace tideline
