#include "ModelSearch.h"

#include <QAbstractItemModel>

namespace tideline::test {

QModelIndex findTopic(const QAbstractItemModel *model, const QString &topic)
{
    QModelIndex current;
    for (const QString &level : topic.split(u'/')) {
        QModelIndex next;
        for (int row = 0; row < model->rowCount(current); ++row) {
            const QModelIndex candidate = model->index(row, 0, current);
            if (candidate.data(Qt::DisplayRole).toString() == level) {
                next = candidate;
                break;
            }
        }
        if (!next.isValid())
            return {};
        current = next;
    }
    return current;
}

} // namespace tideline::test
