#pragma once

#include <QModelIndex>
#include <QString>

class QAbstractItemModel;

namespace tideline::test {

// The index in column 0 of a topic tree whose display texts, level by level from the root,
// are the levels of `topic` ("a/b/c"); invalid when any level is missing.
QModelIndex findTopic(const QAbstractItemModel *model, const QString &topic);

} // namespace tideline::test
