#pragma once

#include "payload/DecodedPayload.h"

#include <QAbstractItemModel>
#include <QFont>
#include <QList>

#include <vector>

namespace tideline {

// A read-only tree over a decoder's flat field list (DecodedPayload::fields, document order with
// a depth per row). Parents are found once per payload with a depth stack, so building and
// browsing stay linear in the (bounded) number of rows.
//
// Owns a copy of the fields it shows; nothing else.
class FieldTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldTreeModel)

public:
    enum Column { KeyColumn, TypeColumn, ValueColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { PathRole = Qt::UserRole + 1 };

    explicit FieldTreeModel(QObject *parent = nullptr);
    ~FieldTreeModel() override;

    void setFields(const QList<DecodedPayload::Field> &fields);
    void clear() { setFields({}); }
    qsizetype fieldCount() const { return m_fields.size(); }

    // The index of the row with this path (first one), or an invalid index.
    QModelIndex indexForPath(const QString &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The last step of a path relative to its parent's: "$.a.b" under "$.a" → "b",
    // "$.items[2]" under "$.items" → "[2]".
    static QString keyOf(const QString &path, const QString &parentPath);

private:
    struct Node
    {
        int parent = -1;      // field index, -1 for top-level rows
        int row = 0;          // index among the parent's children
        std::vector<int> children;
        QString key;
    };

    QList<DecodedPayload::Field> m_fields;
    std::vector<Node> m_nodes;
    std::vector<int> m_roots;
    QFont m_fixedFont;
};

} // namespace tideline
