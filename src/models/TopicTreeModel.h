#pragma once

#include "core/IngestPipeline.h"
#include "core/TopicTree.h"

#include <QAbstractItemModel>
#include <QColor>

#include <deque>
#include <vector>

namespace tideline {

// Item model over a TopicTree. Never touches the network or other threads.
//
// The tree grows before the model announces it: rowCount() reports only children already
// announced (m_published), and sync() — called after each IngestPipeline batch — announces
// new children with one beginInsertRows per parent and emits one dataChanged per parent
// covering the changed rows (the full row width).
//
// Owns only announcement bookkeeping; the data lives in the pipeline's TopicTree, which must
// outlive the model or be destroyed with its pipeline (the model then resets to empty).
// The Age column follows the clock: views repaint it on their own timer, no signal is sent
// for time passing alone (except when a new-topic highlight fades).
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
    // The background of a new topic, fading out over highlightMs(). The default suits a light
    // palette; views on another palette set their own (ui::newTopicHighlight()).
    void setNewTopicColor(const QColor &color);
    QColor newTopicColor() const { return m_newTopicColor; }

    // Max characters of the last-value preview.
    static constexpr int previewChars() { return 120; }
    // Payload preview as shown in the tree: UTF-8 text with control characters escaped
    // (\n, \t, \x01), invalid UTF-8 with U+FFFD and a warning marker, or "hex: 00 01 …" for
    // binary; the body is truncated to previewChars() with "…". Reads at most a few KB.
    static QString previewOf(const QByteArray &payload);
    // "0.4 s", "12 s", "3 min", "2 h", "5 d".
    static QString formatAge(qint64 ageMs);

private:
    struct Range
    {
        quint32 first;
        quint32 last;
    };
    struct Fresh
    {
        TopicTree::NodeId id;
        qint64 createdMs;
    };

    qint64 now() const;
    const TopicTree &tree() const { return m_pipeline->tree(); }
    TopicTree::NodeId parentNodeOf(const QModelIndex &parent) const;
    bool isAnnounced(TopicTree::NodeId id) const;
    void adoptTree();
    void emitChanged(const std::vector<TopicTree::NodeId> &changed);
    void announceNew(const std::vector<TopicTree::NodeId> &fresh);
    void collectFading(std::vector<TopicTree::NodeId> &changed);
    QVariant displayData(const TopicTree::Node &n, TopicTree::NodeId id, int column) const;
    QVariant sortData(const TopicTree::Node &n, TopicTree::NodeId id, int column) const;
    QString toolTip(const TopicTree::Node &n, TopicTree::NodeId id, int column) const;

    IngestPipeline *m_pipeline;
    std::vector<quint32> m_published; // children announced per node
    qint64 m_fixedNowMs = 0;
    quint64 m_generation = 0;         // the tree's generation the model reflects
    std::vector<Range> m_ranges;      // sync() scratch, indexed by parent; first > last = unused
    std::vector<TopicTree::NodeId> m_touched;
    std::deque<Fresh> m_fresh;        // nodes still highlighted, oldest first
    qint64 m_lastFadeMs = 0;
    QColor m_newTopicColor{0xff, 0xf3, 0xb0};
};

} // namespace tideline
