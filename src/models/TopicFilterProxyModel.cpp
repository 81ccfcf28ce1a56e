#include "TopicFilterProxyModel.h"

#include "TopicTreeModel.h"

namespace tideline {

TopicFilterProxyModel::TopicFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortRole(TopicTreeModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

TopicFilterProxyModel::~TopicFilterProxyModel() = default;

void TopicFilterProxyModel::setFilter(const TopicFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

bool TopicFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QVariant full = index.data(TopicTreeModel::FullTopicRole);
    return m_filter.matches(full.isValid() ? full.toString() : index.data().toString());
}

} // namespace tideline
