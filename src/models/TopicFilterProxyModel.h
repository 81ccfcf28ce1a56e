#pragma once

#include "TopicFilter.h"

#include <QSortFilterProxyModel>

namespace tideline {

// Filters and sorts a TopicTreeModel for the topic tree view.
//
// Owns only the current TopicFilter. A row is shown when its full topic matches or when any
// row below it does (recursive filtering keeps the path to every match visible). Sorting uses
// TopicTreeModel::SortRole, so numeric columns sort as numbers.
class TopicFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopicFilterProxyModel)

public:
    explicit TopicFilterProxyModel(QObject *parent = nullptr);
    ~TopicFilterProxyModel() override;

    void setFilter(const TopicFilter &filter);
    const TopicFilter &filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    TopicFilter m_filter;
};

} // namespace tideline
