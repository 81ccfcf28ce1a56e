#include "FieldTreeModel.h"

#include <QFontDatabase>

using namespace Qt::StringLiterals;

namespace tideline {

FieldTreeModel::FieldTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_fixedFont(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
}

FieldTreeModel::~FieldTreeModel() = default;

QString FieldTreeModel::keyOf(const QString &path, const QString &parentPath)
{
    if (parentPath.isEmpty() || !path.startsWith(parentPath) || path.size() == parentPath.size())
        return path;
    QStringView rest = QStringView(path).mid(parentPath.size());
    if (rest.startsWith(u'.'))
        rest = rest.mid(1);
    return rest.isEmpty() ? path : rest.toString();
}

void FieldTreeModel::setFields(const QList<DecodedPayload::Field> &fields)
{
    beginResetModel();
    m_fields = fields;
    m_nodes.assign(size_t(m_fields.size()), Node{});
    m_roots.clear();
    // Ancestors of the current row by depth; a row's parent is the nearest shallower row.
    std::vector<int> stack;
    for (int i = 0; i < int(m_fields.size()); ++i) {
        const int depth = std::max(0, m_fields.at(i).depth);
        while (!stack.empty() && m_fields.at(stack.back()).depth >= depth)
            stack.pop_back();
        Node &node = m_nodes[size_t(i)];
        if (stack.empty()) {
            node.row = int(m_roots.size());
            m_roots.push_back(i);
            node.key = m_fields.at(i).path;
        } else {
            node.parent = stack.back();
            Node &parent = m_nodes[size_t(node.parent)];
            node.row = int(parent.children.size());
            parent.children.push_back(i);
            node.key = keyOf(m_fields.at(i).path, m_fields.at(node.parent).path);
        }
        stack.push_back(i);
    }
    endResetModel();
}

QModelIndex FieldTreeModel::indexForPath(const QString &path) const
{
    for (int i = 0; i < int(m_fields.size()); ++i) {
        if (m_fields.at(i).path == path)
            return createIndex(m_nodes[size_t(i)].row, 0, quintptr(i));
    }
    return {};
}

QModelIndex FieldTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const std::vector<int> &siblings = parent.isValid() ? m_nodes[size_t(parent.internalId())].children
                                                        : m_roots;
    if (row >= int(siblings.size()))
        return {};
    return createIndex(row, column, quintptr(siblings[size_t(row)]));
}

QModelIndex FieldTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_nodes[size_t(child.internalId())].parent;
    if (parent < 0)
        return {};
    return createIndex(m_nodes[size_t(parent)].row, 0, quintptr(parent));
}

int FieldTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes[size_t(parent.internalId())].children.size());
}

int FieldTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FieldTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int i = int(index.internalId());
    const DecodedPayload::Field &field = m_fields.at(i);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn: return m_nodes[size_t(i)].key;
        case TypeColumn: return field.type;
        case ValueColumn: return field.value;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ValueColumn && !field.value.isEmpty())
            return tr("%1 = %2").arg(field.path, field.value);
        return field.path;
    case PathRole:
        return field.path;
    case Qt::FontRole:
        if (index.column() == ValueColumn)
            return m_fixedFont;
        break;
    default:
        break;
    }
    return {};
}

QVariant FieldTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn: return tr("Field");
    case TypeColumn: return tr("Type");
    case ValueColumn: return tr("Value");
    }
    return {};
}

} // namespace tideline
