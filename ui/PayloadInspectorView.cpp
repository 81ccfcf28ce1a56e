#include "PayloadInspectorView.h"

#include "BackgroundTask.h"
#include "MessageHistoryModel.h"
#include "PayloadContentView.h"
#include "PayloadDiffView.h"
#include "PayloadRendering.h"
#include "StateStyle.h"
#include "ValuePlotView.h"
#include "core/Logging.h"
#include "payload/CloudEventsDecoder.h"
#include "payload/JsonDecoder.h"
#include "payload/NumericExtractor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

constexpr int ActionStatusMs = 10000;
// Binary payloads go to the clipboard as a hex string up to this size (and as raw bytes always).
constexpr qsizetype MaxHexClipboardBytes = 1024 * 1024;

QString correlationText(const QByteArray &data)
{
    if (payload::looksLikeText(data))
        return QString::fromUtf8(data);
    return PayloadInspectorView::tr("hex %1").arg(QString::fromLatin1(data.left(256).toHex(' ')));
}

// "sensors/t1" → "sensors_t1": a file name proposal from a topic.
QString fileStem(const QString &topic)
{
    QString stem;
    for (const QChar c : topic)
        stem += (c.isLetterOrNumber() || c == u'-' || c == u'.') ? c : u'_';
    return stem.left(80).isEmpty() ? u"payload"_s : stem.left(80);
}

QString firstNumberPath(const DecodedPayload &d)
{
    if (d.decoderId != JsonDecoder::Id)
        return QString();
    for (const auto &field : d.fields) {
        if (field.type == u"number"_s)
            return field.path;
    }
    return QString();
}

// Where the plot looks when the operator has not said: "" (the payload itself) when it is a
// number, else the first numeric JSON field, also inside CloudEvents data.
QString suggestedPlotPath(const RenderedPayload &rendered, const QByteArray &payload)
{
    if (NumericExtractor::value(payload).has_value())
        return QString();
    if (const QString path = firstNumberPath(rendered.decoded); !path.isEmpty())
        return rendered.decoded.decoderId == JsonDecoder::Id ? path : QString();
    if (rendered.decoded.decoderId == CloudEventsDecoder::Id && rendered.data) {
        const QString inner = firstNumberPath(rendered.data->decoded);
        if (inner.isEmpty())
            return QString();
        // Structured: the data sits under $.data of the event; binary: the data is the payload.
        return rendered.decoded.contentMode == u"structured"_s ? u"$.data"_s + inner.mid(1) : inner;
    }
    return QString();
}

} // namespace

PayloadInspectorView::PayloadInspectorView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"payloadInspector"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    buildActions();
    layout->addWidget(buildHeader());

    // The history below the views, full width: its preview column is what an operator scans.
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(u"inspectorSplitter"_s);
    m_splitter->setChildrenCollapsible(false);

    m_tabs = new QTabWidget(m_splitter);
    m_tabs->setObjectName(u"inspectorTabs"_s);
    m_tabs->setDocumentMode(true);
    m_content = new PayloadContentView(false, m_tabs);
    m_tabs->addTab(m_content, tr("Payload"));

    m_properties = new QTreeWidget(m_tabs);
    m_properties->setObjectName(u"messageProperties"_s);
    m_properties->setAccessibleName(tr("Message properties"));
    m_properties->setHeaderLabels({tr("Property"), tr("Value")});
    m_properties->setUniformRowHeights(true);
    m_properties->setAlternatingRowColors(true);
    m_properties->setColumnWidth(0, fontMetrics().horizontalAdvance(tr("Payload format indicator")) + 48);
    m_tabs->addTab(m_properties, tr("Properties"));

    m_diff = new PayloadDiffView(m_tabs);
    m_tabs->addTab(m_diff, tr("Diff"));
    m_plot = new ValuePlotView(m_tabs);
    m_tabs->addTab(m_plot, tr("Plot"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &PayloadInspectorView::onTabChanged);

    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(buildHistoryPanel());
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    // About five history rows by default; the payload gets the rest.
    const int rowHeight = fontMetrics().height() + 6;
    m_splitter->setSizes({rowHeight * 18, rowHeight * 5});
    layout->addWidget(m_splitter, 1);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &PayloadInspectorView::refreshNow);
    m_statusTimer.setSingleShot(true);
    m_statusTimer.setInterval(ActionStatusMs);
    connect(&m_statusTimer, &QTimer::timeout, m_actionStatus, &QLabel::clear);

    showNothing(tr("Select a topic to inspect its messages."));
}

PayloadInspectorView::~PayloadInspectorView() = default;

void PayloadInspectorView::buildActions()
{
    m_copyPayloadAction = new QAction(tr("Copy &payload"), this);
    m_copyPayloadAction->setObjectName(u"copyPayloadAction"_s);
    connect(m_copyPayloadAction, &QAction::triggered, this, &PayloadInspectorView::copyPayload);
    m_copyTopicAction = new QAction(tr("Copy &topic"), this);
    m_copyTopicAction->setObjectName(u"copyTopicAction"_s);
    connect(m_copyTopicAction, &QAction::triggered, this, &PayloadInspectorView::copyTopic);
    m_savePayloadAction = new QAction(tr("&Save payload to file…"), this);
    m_savePayloadAction->setObjectName(u"savePayloadAction"_s);
    connect(m_savePayloadAction, &QAction::triggered, this, &PayloadInspectorView::promptSavePayload);
    m_exportTopicAction = new QAction(tr("&Export this topic's history…"), this);
    m_exportTopicAction->setObjectName(u"exportTopicAction"_s);
    connect(m_exportTopicAction, &QAction::triggered, this, [this] { promptExport(false); });
    m_exportSubtreeAction = new QAction(tr("Export history with &subtopics…"), this);
    m_exportSubtreeAction->setObjectName(u"exportSubtreeAction"_s);
    connect(m_exportSubtreeAction, &QAction::triggered, this, [this] { promptExport(true); });
    m_importAction = new QAction(tr("&Import messages from file…"), this);
    m_importAction->setObjectName(u"importAction"_s);
    connect(m_importAction, &QAction::triggered, this, &PayloadInspectorView::promptImport);
    m_replayAction = new QAction(tr("&Replay imported messages…"), this);
    m_replayAction->setObjectName(u"replayAction"_s);
    m_replayAction->setEnabled(false);
    connect(m_replayAction, &QAction::triggered, this,
            [this] { Q_EMIT replayRequested(m_imported, m_importedPath); });
}

QWidget *PayloadInspectorView::buildHeader()
{
    auto *header = new QWidget(this);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);

    m_meta = new QLabel(header);
    m_meta->setObjectName(u"messageMeta"_s);
    m_meta->setAccessibleName(tr("Shown message"));
    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setMinimumWidth(120);
    m_meta->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    row->addWidget(m_meta, 1);

    m_actionStatus = new QLabel(header);
    m_actionStatus->setObjectName(u"actionStatus"_s);
    m_actionStatus->setTextFormat(Qt::PlainText);
    row->addWidget(m_actionStatus);

    auto *decoderCaption = new QLabel(tr("&Decoder:"), header);
    m_decoderBox = new QComboBox(header);
    m_decoderBox->setObjectName(u"decoderBox"_s);
    m_decoderBox->setAccessibleName(tr("Decoder"));
    m_decoderBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_decoderBox->addItem(tr("Auto"), QString());
    for (const QString &id : PayloadRendering::decoderOrder())
        m_decoderBox->addItem(PayloadRendering::decoderName(id), id);
    decoderCaption->setBuddy(m_decoderBox);
    connect(m_decoderBox, &QComboBox::activated, this, [this](int index) {
        setDecoderOverride(m_decoderBox->itemData(index).toString());
    });
    row->addWidget(decoderCaption);
    row->addWidget(m_decoderBox);

    m_followButton = new QToolButton(header);
    m_followButton->setObjectName(u"followLatestButton"_s);
    m_followButton->setText(tr("Follow latest"));
    m_followButton->setToolTip(tr("Show each new message as it arrives. Picking a message in the "
                                  "history turns this off."));
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    m_followButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_followButton, &QToolButton::toggled, this, &PayloadInspectorView::setFollowLatest);
    row->addWidget(m_followButton);

    m_actionsButton = new QToolButton(header);
    m_actionsButton->setObjectName(u"inspectorActionsButton"_s);
    m_actionsButton->setText(tr("Actions"));
    m_actionsButton->setPopupMode(QToolButton::InstantPopup);
    m_actionsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(m_actionsButton);
    menu->addAction(m_copyPayloadAction);
    menu->addAction(m_copyTopicAction);
    menu->addAction(m_savePayloadAction);
    menu->addSeparator();
    menu->addAction(m_exportTopicAction);
    menu->addAction(m_exportSubtreeAction);
    menu->addAction(m_importAction);
    menu->addAction(m_replayAction);
    m_actionsButton->setMenu(menu);
    row->addWidget(m_actionsButton);
    return header;
}

QWidget *PayloadInspectorView::buildHistoryPanel()
{
    auto *panel = new QWidget(m_splitter);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_historyCaption = new QLabel(panel);
    m_historyCaption->setObjectName(u"historyCaption"_s);
    m_historyCaption->setTextFormat(Qt::PlainText);
    layout->addWidget(m_historyCaption);

    m_history = new MessageHistoryModel(this);
    m_historyView = new QTableView(panel);
    m_historyView->setObjectName(u"historyTable"_s);
    m_historyView->setAccessibleName(tr("Message history"));
    m_historyView->setModel(m_history);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->setWordWrap(false);
    m_historyView->setTextElideMode(Qt::ElideRight);
    m_historyView->verticalHeader()->setVisible(false);
    const int rowHeight = fontMetrics().height() + 6;
    m_historyView->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_historyView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    QHeaderView *h = m_historyView->horizontalHeader();
    h->setStretchLastSection(true);
    h->setHighlightSections(false);
    const QFontMetrics fm(m_historyView->font());
    const auto fit = [&](int column, const QString &sample) {
        const QString title = m_history->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        m_historyView->setColumnWidth(column, std::max(fm.horizontalAdvance(title), fm.horizontalAdvance(sample)) + 18);
    };
    fit(MessageHistoryModel::TimeColumn, u"00:00:00.000"_s);
    fit(MessageHistoryModel::QosColumn, u"0"_s);
    fit(MessageHistoryModel::RetainColumn, tr("yes"));
    fit(MessageHistoryModel::SizeColumn, u"1023.9 KiB"_s);
    m_historyView->setMinimumHeight(rowHeight * 3);
    layout->addWidget(m_historyView, 1);

    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onHistoryRowChanged(current.isValid() ? current.row() : -1); });
    return panel;
}

// --- topic and message selection ------------------------------------------------------------

void PayloadInspectorView::setTopicTree(const TopicTree *tree)
{
    m_tree = tree;
    m_treeGeneration = tree ? tree->generation() : 0;
    m_node = TopicTree::InvalidId;
    setNode(TopicTree::InvalidId);
}

void PayloadInspectorView::setNode(TopicTree::NodeId id)
{
    if (!m_tree || id >= m_tree->nodeCount())
        id = TopicTree::InvalidId;
    if (id == m_node && id != TopicTree::InvalidId)
        return;
    m_node = id;
    m_topic = id == TopicTree::InvalidId ? QString() : m_tree->topicOf(id);
    m_seenCount = ~quint64(0);
    m_seenHistorySize = 0;
    m_following = true;
    {
        const QSignalBlocker block(m_followButton);
        m_followButton->setChecked(true);
    }
    m_shown = Shown{};
    m_shownDecoderId.clear();
    m_candidates.clear();
    ++m_renderSerial; // whatever is decoding now is for another topic
    m_awaitingBackground = false;
    m_updatingSelection = true; // a reset moves the current row: that is not a pick
    m_history->clear();
    m_updatingSelection = false;
    m_plot->clear();
    m_refreshTimer.stop();

    const bool hasTopic = id != TopicTree::InvalidId;
    m_copyTopicAction->setEnabled(hasTopic);
    m_exportTopicAction->setEnabled(hasTopic);
    m_exportSubtreeAction->setEnabled(hasTopic);
    updateDecoderBox();
    if (!hasTopic) {
        showNothing(tr("Select a topic to inspect its messages."));
        return;
    }
    refreshNow();
}

void PayloadInspectorView::refresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void PayloadInspectorView::refreshNow()
{
    m_refreshTimer.stop();
    if (!m_tree)
        return;
    if (m_tree->generation() != m_treeGeneration) {
        // The tree was cleared: every node id is gone.
        m_treeGeneration = m_tree->generation();
        m_node = TopicTree::InvalidId;
        setNode(TopicTree::InvalidId);
        return;
    }
    if (m_node == TopicTree::InvalidId || m_node >= m_tree->nodeCount())
        return;
    const TopicTree::Node &n = m_tree->node(m_node);
    if (n.messageCount == m_seenCount && n.historySize() == m_seenHistorySize)
        return;
    m_seenCount = n.messageCount;
    m_seenHistorySize = n.historySize();

    if (!n.hasMessage) {
        showNothing(tr("No message was published to exactly this topic. Pick a topic below it, or "
                       "export the history of its subtopics."));
        m_savePayloadAction->setEnabled(false);
        return;
    }

    std::vector<TopicTree::HistoryEntry> entries = m_tree->history(m_node, MaxHistoryRows);
    m_updatingSelection = true; // rows moving under the current one are not a pick
    m_history->update(entries);
    m_updatingSelection = false;
    m_historyCaption->setText(tr("History (%1 kept)").arg(QLocale().toString(qulonglong(entries.size()))));

    if (m_following) {
        // The newest message, even when it did not enter history (shed under load).
        const QByteArray last = m_tree->lastPayload(m_node);
        const bool newestKept = !entries.empty()
                                && (entries.back().payload.constData() == last.constData()
                                    || entries.back().payload == last);
        if (newestKept) {
            if (!m_shown.valid || !m_shown.inHistory || m_shown.entry.seq != entries.back().seq)
                showEntry(entries.back(), true);
        } else {
            TopicTree::HistoryEntry entry;
            entry.payload = last;
            entry.properties = m_tree->lastProperties(m_node);
            entry.qos = n.lastQos;
            entry.retained = n.retained;
            entry.timestampMs = n.lastTimestampMs;
            showEntry(entry, false);
        }
        selectShownRow();
    }
    if (m_tabs->currentWidget() == m_plot)
        updatePlot();
}

void PayloadInspectorView::showNothing(const QString &why)
{
    m_shown = Shown{};
    m_content->showPlaceholder(why);
    m_meta->setText(m_topic.isEmpty() ? QString() : tr("No message"));
    m_properties->clear();
    m_tabs->setTabText(m_tabs->indexOf(m_properties), tr("Properties"));
    m_diff->showMessage(tr("No message to compare."));
    m_historyCaption->setText(tr("History"));
    m_copyPayloadAction->setEnabled(false);
    m_savePayloadAction->setEnabled(false);
}

void PayloadInspectorView::showEntry(const TopicTree::HistoryEntry &entry, bool inHistory)
{
    m_shown.valid = true;
    m_shown.inHistory = inHistory;
    m_shown.entry = entry;
    m_copyPayloadAction->setEnabled(true);
    m_savePayloadAction->setEnabled(true);
    updateMeta();
    updateProperties();
    renderShown();
    if (m_tabs->currentWidget() == m_diff)
        updateDiff();
}

quint64 PayloadInspectorView::shownSeq() const
{
    return m_shown.valid && m_shown.inHistory ? m_shown.entry.seq : 0;
}

void PayloadInspectorView::showHistoryRow(int row)
{
    const QModelIndex index = m_history->index(row, 0);
    if (!index.isValid())
        return;
    m_historyView->setCurrentIndex(index); // currentRowChanged pins it
}

void PayloadInspectorView::onHistoryRowChanged(int row)
{
    if (m_updatingSelection || row < 0)
        return;
    const TopicTree::HistoryEntry *entry = m_history->entryAt(row);
    if (!entry)
        return;
    if (row != 0 || !m_following) {
        m_following = false;
        const QSignalBlocker block(m_followButton);
        m_followButton->setChecked(false);
    }
    if (!m_shown.valid || !m_shown.inHistory || m_shown.entry.seq != entry->seq)
        showEntry(*entry, true);
}

void PayloadInspectorView::selectShownRow()
{
    if (!m_shown.valid || !m_shown.inHistory)
        return;
    const int row = m_history->rowOf(m_shown.entry.seq);
    if (row < 0)
        return;
    m_updatingSelection = true;
    m_historyView->setCurrentIndex(m_history->index(row, 0));
    m_updatingSelection = false;
}

void PayloadInspectorView::setFollowLatest(bool follow)
{
    if (m_followButton->isChecked() != follow) {
        const QSignalBlocker block(m_followButton);
        m_followButton->setChecked(follow);
    }
    if (follow == m_following)
        return;
    m_following = follow;
    if (follow) {
        m_seenCount = ~quint64(0); // look again
        refreshNow();
    }
}

void PayloadInspectorView::setCurrentTab(Tab tab)
{
    switch (tab) {
    case Tab::Payload: m_tabs->setCurrentWidget(m_content); break;
    case Tab::Properties: m_tabs->setCurrentWidget(m_properties); break;
    case Tab::Diff: m_tabs->setCurrentWidget(m_diff); break;
    case Tab::Plot: m_tabs->setCurrentWidget(m_plot); break;
    }
}

void PayloadInspectorView::onTabChanged()
{
    // The diff and the plot are only worked out while someone looks at them.
    if (m_tabs->currentWidget() == m_diff)
        updateDiff();
    else if (m_tabs->currentWidget() == m_plot)
        updatePlot();
}

// --- decoding -------------------------------------------------------------------------------

void PayloadInspectorView::setDecoderOverride(const QString &decoderId)
{
    if (m_topic.isEmpty())
        return;
    if (decoderId.isEmpty())
        m_overrides.remove(m_topic);
    else
        m_overrides.insert(m_topic, decoderId);
    updateDecoderBox();
    if (m_shown.valid)
        renderShown();
}

QString PayloadInspectorView::decoderOverride() const
{
    return m_overrides.value(m_topic);
}

void PayloadInspectorView::updateDecoderBox()
{
    const QString chosen = decoderOverride();
    // "Auto (JSON)": which decoder the detection picked is part of the answer.
    const QString autoId = m_candidates.value(0);
    m_decoderBox->setItemText(0, autoId.isEmpty() ? tr("Auto")
                                                  : tr("Auto (%1)").arg(PayloadRendering::decoderName(autoId)));
    QStringList names;
    for (const QString &id : std::as_const(m_candidates))
        names << PayloadRendering::decoderName(id);
    m_decoderBox->setToolTip(names.isEmpty() ? QString()
                                             : tr("Detected, best first: %1").arg(names.join(u", "_s)));
    const int index = std::max(0, m_decoderBox->findData(chosen));
    if (m_decoderBox->currentIndex() != index)
        m_decoderBox->setCurrentIndex(index);
    m_decoderBox->setEnabled(!m_topic.isEmpty());
}

void PayloadInspectorView::renderShown()
{
    ++m_renderSerial;
    if (!m_shown.valid)
        return;
    const QByteArray &payload = m_shown.entry.payload;
    if (payload.size() <= BackgroundThreshold) {
        m_awaitingBackground = false;
        applyRendered(PayloadRendering::render(decoderOverride(), m_topic, payload,
                                               m_shown.entry.properties.get()));
        return;
    }
    m_awaitingBackground = true;
    m_content->showDecoding(payload.size());
    if (!m_backgroundRunning)
        startBackgroundRender();
    // else: the running job's end starts this one (one job at a time, newest request wins).
}

void PayloadInspectorView::startBackgroundRender()
{
    m_backgroundRunning = true;
    const quint64 serial = m_renderSerial;
    const QString decoderId = decoderOverride();
    const QString topic = m_topic;
    const QByteArray payload = m_shown.entry.payload;
    const std::shared_ptr<const MessageProperties> properties = m_shown.entry.properties;
    qCDebug(lcUi) << "decoding" << payload.size() << "bytes on the thread pool";
    ui::runInBackground<RenderedPayload>(
        this,
        [decoderId, topic, payload, properties] {
            return PayloadRendering::render(decoderId, topic, payload, properties.get());
        },
        [this, serial](const RenderedPayload &result) {
            m_backgroundRunning = false;
            if (serial != m_renderSerial) {
                Q_EMIT renderDiscarded();
                if (m_awaitingBackground)
                    startBackgroundRender();
                return;
            }
            m_awaitingBackground = false;
            applyRendered(result);
        });
}

void PayloadInspectorView::applyRendered(const RenderedPayload &result)
{
    m_shownDecoderId = result.decoderId;
    m_candidates = result.candidates;
    m_content->showRendered(result);
    updateDecoderBox();

    // A plot suggestion: the payload itself when it is a number, else its first numeric field.
    if (m_following && result.decoded.ok)
        m_plot->setSuggestedPath(suggestedPlotPath(result, m_shown.entry.payload));
    Q_EMIT rendered();
}

// --- metadata and properties ----------------------------------------------------------------

void PayloadInspectorView::updateMeta()
{
    if (!m_shown.valid) {
        m_meta->clear();
        return;
    }
    const TopicTree::HistoryEntry &e = m_shown.entry;
    const QLocale locale;
    QStringList parts;
    parts << locale.toString(QDateTime::fromMSecsSinceEpoch(e.timestampMs), u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    parts << tr("QoS %1").arg(e.qos);
    if (e.retained)
        parts << tr("retained");
    parts << PayloadRendering::sizeText(e.payload.size());
    if (e.properties && !e.properties->contentType.isEmpty())
        parts << e.properties->contentType;
    if (!m_following)
        parts << tr("from history");
    const QString text = parts.join(u"  ·  "_s);
    m_meta->setText(text);
    m_meta->setToolTip(text);
}

void PayloadInspectorView::updateProperties()
{
    m_properties->clear();
    if (!m_shown.valid)
        return;
    const TopicTree::HistoryEntry &e = m_shown.entry;
    const QLocale locale;
    const auto add = [this](QTreeWidgetItem *parent, const QString &name, const QString &value) {
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_properties);
        item->setText(0, name);
        item->setText(1, value);
        item->setToolTip(1, value);
        return item;
    };
    add(nullptr, tr("Topic"), m_topic);
    add(nullptr, tr("Received"),
        locale.toString(QDateTime::fromMSecsSinceEpoch(e.timestampMs), u"yyyy-MM-dd HH:mm:ss.zzz t"_s));
    add(nullptr, tr("QoS"), QString::number(e.qos));
    add(nullptr, tr("Retained"), e.retained ? tr("yes") : tr("no"));
    add(nullptr, tr("Size"), e.payload.size() < 1024
                                 ? PayloadRendering::sizeText(e.payload.size())
                                 : tr("%1 (%2 bytes)").arg(PayloadRendering::sizeText(e.payload.size()),
                                                           locale.toString(e.payload.size())));

    int count = 0;
    const MessageProperties *p = e.properties.get();
    auto *mqtt5 = add(nullptr, tr("MQTT 5 properties"), QString());
    QFont bold = mqtt5->font(0);
    bold.setBold(true);
    mqtt5->setFont(0, bold);
    if (p && !p->contentType.isEmpty()) {
        add(mqtt5, tr("Content type"), p->contentType);
        ++count;
    }
    if (p && p->payloadFormatIndicator) {
        add(mqtt5, tr("Payload format indicator"),
            *p->payloadFormatIndicator == 1 ? tr("1 (UTF-8 text)") : tr("%1 (unspecified bytes)").arg(*p->payloadFormatIndicator));
        ++count;
    }
    if (p && !p->responseTopic.isEmpty()) {
        add(mqtt5, tr("Response topic"), p->responseTopic);
        ++count;
    }
    if (p && !p->correlationData.isEmpty()) {
        add(mqtt5, tr("Correlation data"), correlationText(p->correlationData));
        ++count;
    }
    if (p && p->messageExpiryInterval) {
        add(mqtt5, tr("Message expiry interval"), tr("%1 s").arg(*p->messageExpiryInterval));
        ++count;
    }
    if (p && !p->subscriptionIdentifiers.isEmpty()) {
        QStringList ids;
        for (const quint32 id : p->subscriptionIdentifiers)
            ids << QString::number(id);
        add(mqtt5, tr("Subscription identifiers"), ids.join(u", "_s));
        ++count;
    }
    if (p && p->topicAlias) {
        add(mqtt5, tr("Topic alias"), QString::number(*p->topicAlias));
        ++count;
    }
    if (p && !p->userProperties.isEmpty()) {
        auto *user = add(mqtt5, tr("User properties"), QString::number(p->userProperties.size()));
        for (const auto &[name, value] : p->userProperties)
            add(user, name, value);
        count += int(p->userProperties.size());
    }
    if (count == 0)
        mqtt5->setText(1, p ? tr("none") : tr("none (MQTT 3.1.1 or not sent)"));
    m_properties->expandAll();
    m_tabs->setTabText(m_tabs->indexOf(m_properties),
                       count == 0 ? tr("Properties") : tr("Properties (%1)").arg(count));
}

// --- diff and plot --------------------------------------------------------------------------

void PayloadInspectorView::updateDiff()
{
    ++m_diffSerial;
    if (!m_shown.valid) {
        m_diff->showMessage(tr("No message to compare."));
        Q_EMIT diffShown();
        return;
    }
    const TopicTree::HistoryEntry *previous = m_shown.inHistory ? m_history->previousOf(m_shown.entry.seq) : nullptr;
    if (!previous) {
        m_diff->showMessage(m_shown.inHistory ? tr("This is the oldest kept message of the topic: there "
                                                   "is nothing before it to compare with.")
                                              : tr("The shown message was not kept in history, so there "
                                                   "is nothing to compare it with."));
        Q_EMIT diffShown();
        return;
    }
    const QByteArray before = previous->payload;
    const QByteArray after = m_shown.entry.payload;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString context = tr("Message of %1 compared with the one before it (%2)")
                                .arg(MessageHistoryModel::formatTime(m_shown.entry.timestampMs, now),
                                     MessageHistoryModel::formatTime(previous->timestampMs, now));
    if (before.size() + after.size() <= BackgroundThreshold) {
        m_diff->showResult(PayloadDiff::diff(before, after), context);
        Q_EMIT diffShown();
        return;
    }
    m_diff->showComputing();
    const quint64 serial = m_diffSerial;
    ui::runInBackground<PayloadDiff::Result>(
        this, [before, after] { return PayloadDiff::diff(before, after); },
        [this, serial, context](const PayloadDiff::Result &result) {
            if (serial != m_diffSerial)
                return;
            m_diff->showResult(result, context);
            Q_EMIT diffShown();
        });
}

void PayloadInspectorView::updatePlot()
{
    if (m_node == TopicTree::InvalidId)
        return;
    m_plot->setHistory(m_topic, m_history->entries());
}

// --- actions --------------------------------------------------------------------------------

void PayloadInspectorView::copyPayload() const
{
    if (!m_shown.valid)
        return;
    const QByteArray &payload = m_shown.entry.payload;
    auto *mime = new QMimeData;
    mime->setData(u"application/octet-stream"_s, payload);
    if (payload::isValidUtf8(payload))
        mime->setText(QString::fromUtf8(payload));
    else if (payload.size() <= MaxHexClipboardBytes)
        mime->setText(QString::fromLatin1(payload.toHex(' ')));
    QApplication::clipboard()->setMimeData(mime);
}

void PayloadInspectorView::copyTopic() const
{
    if (!m_topic.isEmpty())
        QApplication::clipboard()->setText(m_topic);
}

void PayloadInspectorView::reportFileAction(bool ok, const QString &message)
{
    QPalette pal = palette();
    if (!ok)
        pal.setColor(QPalette::WindowText, ui::errorTextColor(pal));
    m_actionStatus->setPalette(pal);
    m_actionStatus->setText(message);
    m_actionStatus->setToolTip(message);
    m_statusTimer.start();
    if (!ok)
        qCWarning(lcUi) << "file action failed:" << message;
    Q_EMIT fileActionFinished(ok, message);
}

void PayloadInspectorView::savePayload(const QString &path)
{
    if (!m_shown.valid)
        return;
    const QByteArray payload = m_shown.entry.payload;
    ui::runInBackground<Result<void>>(
        this,
        [path, payload]() -> Result<void> {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(payload) != payload.size() || !file.commit())
                return Error{u"payload.save"_s, tr("Could not write %1: %2").arg(path, file.errorString()),
                             file.errorString()};
            return {};
        },
        [this, path, size = payload.size()](const Result<void> &result) {
            if (result.ok())
                reportFileAction(true, tr("Saved %1 to %2").arg(PayloadRendering::sizeText(size), QDir::toNativeSeparators(path)));
            else
                reportFileAction(false, result.error().message);
        });
}

std::vector<MqttMessage> PayloadInspectorView::messagesForExport(bool includeSubtopics) const
{
    std::vector<MqttMessage> messages;
    if (!m_tree || m_node == TopicTree::InvalidId)
        return messages;
    std::vector<std::pair<quint64, MqttMessage>> ordered;
    std::function<void(TopicTree::NodeId)> collect = [&](TopicTree::NodeId id) {
        const TopicTree::Node &n = m_tree->node(id);
        if (n.hasMessage) {
            const QByteArray topic = m_tree->topicBytesOf(id);
            for (auto &e : m_tree->history(id)) {
                MqttMessage m;
                m.topic = topic;
                m.payload = std::move(e.payload);
                m.timestampMs = e.timestampMs;
                m.qos = e.qos;
                m.retained = e.retained;
                m.properties = std::move(e.properties);
                ordered.emplace_back(e.seq, std::move(m));
            }
        }
        if (includeSubtopics) {
            for (const TopicTree::NodeId child : n.children)
                collect(child);
        }
    };
    collect(m_node);
    // Arrival order across topics, as they were received.
    std::sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    messages.reserve(ordered.size());
    for (auto &[seq, m] : ordered)
        messages.push_back(std::move(m));
    return messages;
}

void PayloadInspectorView::exportHistory(const QString &path, HistoryExport::Format format, bool includeSubtopics)
{
    std::vector<MqttMessage> messages = messagesForExport(includeSubtopics);
    const int count = int(messages.size());
    auto shared = std::make_shared<const std::vector<MqttMessage>>(std::move(messages));
    ui::runInBackground<Result<void>>(
        this, [path, shared, format] { return HistoryExport::writeFile(path, *shared, format); },
        [this, path, count](const Result<void> &result) {
            if (result.ok())
                reportFileAction(true, tr("Exported to %1 (messages: %2)")
                                           .arg(QDir::toNativeSeparators(path), QLocale().toString(count)));
            else
                reportFileAction(false, result.error().message);
        });
}

void PayloadInspectorView::importMessages(const QString &path)
{
    ui::runInBackground<Result<std::vector<MqttMessage>>>(
        this, [path] { return HistoryExport::readFile(path); },
        [this, path](const Result<std::vector<MqttMessage>> &result) {
            if (!result.ok()) {
                reportFileAction(false, result.error().message);
                return;
            }
            const int count = int(result.value().size());
            m_imported = result.value();
            m_importedPath = path;
            m_replayAction->setEnabled(true);
            Q_EMIT messagesImported(result.value());
            reportFileAction(true, tr("Imported from %1 (messages: %2)")
                                       .arg(QDir::toNativeSeparators(path), QLocale().toString(count)));
        });
}

void PayloadInspectorView::promptSavePayload()
{
    if (!m_shown.valid)
        return;
    const QString suggested = QDir::home().filePath(fileStem(m_topic) + u".bin"_s);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save payload"), suggested);
    if (!path.isEmpty())
        savePayload(path);
}

void PayloadInspectorView::promptExport(bool includeSubtopics)
{
    if (m_node == TopicTree::InvalidId)
        return;
    const QString jsonl = tr("JSON Lines (*.jsonl)");
    const QString csv = tr("CSV (*.csv)");
    QString filter = jsonl;
    const QString suggested = QDir::home().filePath(fileStem(m_topic) + u"-history.jsonl"_s);
    const QString path = QFileDialog::getSaveFileName(
        this, includeSubtopics ? tr("Export history with subtopics") : tr("Export topic history"), suggested,
        jsonl + u";;"_s + csv, &filter);
    if (path.isEmpty())
        return;
    const HistoryExport::Format format = HistoryExport::formatForFileName(path).value_or(
        filter == csv ? HistoryExport::Format::Csv : HistoryExport::Format::JsonLines);
    exportHistory(path, format, includeSubtopics);
}

void PayloadInspectorView::promptImport()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import messages"), QDir::homePath(),
        tr("Message history (*.jsonl *.ndjson *.json *.csv);;All files (*)"));
    if (!path.isEmpty())
        importMessages(path);
}

} // namespace tideline
