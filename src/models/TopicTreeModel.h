#pragma once

#include "core/IngestPipeline.h"
#include "core/TopicTree.h"

#include <QAbstractItemModel>

#include <vector>

namespace tideline {

// Item model over a TopicTree. Never touches the network or other threads.
//
// The tree grows before the model announces it: rowCount() reports only children already
// announced (m_published), and sync() — called after each IngestPipeline batch — announces
// new children with one beginInsertRows per parent and emits one dataChanged per parent
// covering the changed rows (the full row width).
class TopicTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopicTreeModel)

public:
    enum Column { TopicColumn, MessagesColumn, RateColumn, RetainedColumn, QosColumn,
                  LastValueColumn, AgeColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        FullTopicRole = Qt::UserRole + 1, // QString, full topic path
        NodeIdRole,                       // quint32 TopicTree::NodeId
        SortRole,                         // numeric value for numeric columns
        IsNewRole,                        // bool, created less than highlightMs() ago
        HasMessageRole                    // bool, a message was published to exactly this topic
    };

    explicit TopicTreeModel(IngestPipeline *pipeline, QObject *parent = nullptr);
    ~TopicTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    QModelIndex indexForNode(TopicTree::NodeId id, int column = 0) const;
    QModelIndex indexForTopic(const QString &topic) const;
    TopicTree::NodeId nodeId(const QModelIndex &index) const;

    // Announces what the tree gained and changed since the last call.
    void sync();

    // The clock used for the Age column and highlighting (tests can pin it).
    void setNowForTesting(qint64 nowMs) { m_fixedNowMs = nowMs; }
    static constexpr qint64 highlightMs() { return 3000; }

    // Max characters of the last-value preview.
    static constexpr int previewChars() { return 120; }
    // Payload preview as shown in the tree: UTF-8 text with control characters escaped,
    // or "0x…" hex for binary, truncated to previewChars().
    static QString previewOf(const QByteArray &payload);
    static QString formatAge(qint64 ageMs);

private:
    qint64 now() const;
    const TopicTree &tree() const { return m_pipeline->tree(); }

    IngestPipeline *m_pipeline;
    std::vector<quint32> m_published; // children announced per node
    qint64 m_fixedNowMs = 0;
};

} // namespace tideline
