#pragma once

#include "core/TopicTree.h"
#include "payload/HistoryExport.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolButton;
class QTreeWidget;

namespace tideline {

class MessageHistoryModel;
class PayloadContentView;
class PayloadDiffView;
class ValuePlotView;
struct RenderedPayload;

// Everything about the messages of one topic: the shown message with its metadata and MQTT 5
// properties, the payload decoded (automatically or by the decoder the operator picked; the
// pick is remembered per topic for the session), the kept history as a table, a diff against
// the previous message, a plot of a numeric value, and file actions (copy, save, export,
// import).
//
// Reads the TopicTree on the GUI thread only. Payloads above BackgroundThreshold are decoded on
// the thread pool: at most one such job runs at a time, and a result for a message that is no
// longer shown is dropped. Updates for new messages are coalesced to one per RefreshIntervalMs.
//
// Owns its widgets and models; the TopicTree belongs to the caller and must outlive this view
// (or be unset first).
class PayloadInspectorView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PayloadInspectorView)

public:
    static constexpr qsizetype BackgroundThreshold = 256 * 1024;
    static constexpr int RefreshIntervalMs = 250;
    static constexpr size_t MaxHistoryRows = TopicTree::DefaultPerTopicHistory;

    enum class Tab { Payload, Properties, Diff, Plot };

    explicit PayloadInspectorView(QWidget *parent = nullptr);
    ~PayloadInspectorView() override;

    void setTopicTree(const TopicTree *tree);
    // Shows the newest message of this topic and follows new ones. InvalidId shows nothing.
    void setNode(TopicTree::NodeId id);
    TopicTree::NodeId node() const { return m_node; }
    QString topic() const { return m_topic; }
    // New messages may have arrived: looked at within RefreshIntervalMs (coalesced).
    void refresh();
    // Looks now (tests; selection changes).
    void refreshNow();

    // For the current topic; an empty id means automatic detection.
    void setDecoderOverride(const QString &decoderId);
    QString decoderOverride() const;
    // The decoder of what the payload view shows (empty before the first result).
    QString shownDecoderId() const { return m_shownDecoderId; }
    bool isDecoding() const { return m_awaitingBackground; }

    // Shows the history row (0 = newest) and stops following new messages.
    void showHistoryRow(int row);
    void setFollowLatest(bool follow);
    bool followsLatest() const { return m_following; }
    // Arrival number of the shown message (0 when it is not a kept history entry).
    quint64 shownSeq() const;

    void setCurrentTab(Tab tab);

    // Actions. The file ones run on the thread pool and report through fileActionFinished().
    void copyPayload() const;
    void copyTopic() const;
    void savePayload(const QString &path);
    void exportHistory(const QString &path, HistoryExport::Format format, bool includeSubtopics);
    void importMessages(const QString &path);

    PayloadContentView *contentView() const { return m_content; }
    PayloadDiffView *diffView() const { return m_diff; }
    ValuePlotView *plotView() const { return m_plot; }
    QTableView *historyView() const { return m_historyView; }
    MessageHistoryModel *historyModel() const { return m_history; }
    QComboBox *decoderBox() const { return m_decoderBox; }
    QTreeWidget *propertiesView() const { return m_properties; }
    QLabel *metaLabel() const { return m_meta; }
    QLabel *actionStatusLabel() const { return m_actionStatus; }
    QTabWidget *tabs() const { return m_tabs; }
    QAction *replayAction() const { return m_replayAction; }

Q_SIGNALS:
    // The payload view shows a finished decoding.
    void rendered();
    // A background decoding finished for a message that is no longer shown; it was dropped.
    void renderDiscarded();
    void diffShown();
    void fileActionFinished(bool ok, const QString &message);
    // Messages read from a file, for the owner to add to its topic tree.
    void messagesImported(const std::vector<tideline::MqttMessage> &messages);
    // "Replay…" was chosen: publish the last imported messages again (ReplayDialog).
    void replayRequested(const std::vector<tideline::MqttMessage> &messages, const QString &sourcePath);

private:
    struct Shown
    {
        bool valid = false;
        bool inHistory = false; // entry.seq identifies a kept history entry
        TopicTree::HistoryEntry entry;
    };

    QWidget *buildHeader();
    QWidget *buildHistoryPanel();
    void buildActions();

    void showEntry(const TopicTree::HistoryEntry &entry, bool inHistory);
    void showNothing(const QString &why);
    void renderShown();
    void startBackgroundRender();
    void applyRendered(const RenderedPayload &rendered);
    void updateDecoderBox();
    void updateMeta();
    void updateProperties();
    void updateDiff();
    void updatePlot();
    void selectShownRow();
    void onHistoryRowChanged(int row);
    void onTabChanged();
    void reportFileAction(bool ok, const QString &message);
    std::vector<MqttMessage> messagesForExport(bool includeSubtopics) const;

    void promptSavePayload();
    void promptExport(bool includeSubtopics);
    void promptImport();

    const TopicTree *m_tree = nullptr;
    quint64 m_treeGeneration = 0;
    TopicTree::NodeId m_node = TopicTree::InvalidId;
    QString m_topic;
    quint64 m_seenCount = ~quint64(0);
    quint32 m_seenHistorySize = 0;
    bool m_following = true;
    Shown m_shown;

    // Per topic, for this session: the decoder the operator picked.
    QHash<QString, QString> m_overrides;
    QString m_shownDecoderId;
    QStringList m_candidates;

    quint64 m_renderSerial = 0;        // grows with every render request
    bool m_backgroundRunning = false;  // a pool job is decoding
    bool m_awaitingBackground = false; // the shown message waits for a pool job
    quint64 m_diffSerial = 0;
    bool m_updatingSelection = false;

    QTimer m_refreshTimer;
    QTimer m_statusTimer;

    QLabel *m_meta = nullptr;
    QComboBox *m_decoderBox = nullptr;
    QToolButton *m_followButton = nullptr;
    QToolButton *m_actionsButton = nullptr;
    QLabel *m_actionStatus = nullptr;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_tabs = nullptr;
    PayloadContentView *m_content = nullptr;
    QTreeWidget *m_properties = nullptr;
    PayloadDiffView *m_diff = nullptr;
    ValuePlotView *m_plot = nullptr;
    QLabel *m_historyCaption = nullptr;
    QTableView *m_historyView = nullptr;
    MessageHistoryModel *m_history = nullptr;

    QAction *m_copyPayloadAction = nullptr;
    QAction *m_copyTopicAction = nullptr;
    QAction *m_savePayloadAction = nullptr;
    QAction *m_exportTopicAction = nullptr;
    QAction *m_exportSubtreeAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_replayAction = nullptr; // enabled once a file was imported
    std::vector<MqttMessage> m_imported;
    QString m_importedPath;
};

} // namespace tideline
