#include "PublishPanel.h"

#include "Settings.h"
#include "StateStyle.h"
#include "Theme.h"
#include "core/Logging.h"
#include "mqtt/ConnectionProfile.h"
#include "mqtt/Placeholders.h"
#include "mqtt/TemplateStore.h"
#include "payload/DecodedPayload.h"

#include <QAbstractItemModel>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

using Format = MessageTemplate::PayloadFormat;

// Checking a large payload on every key stroke would make typing lag: wait for a pause.
constexpr int ImmediateCheckChars = 64 * 1024;
constexpr int CheckDelayMs = 250;
constexpr int MaxBurstCount = 10'000'000;

// Completes topics level by level from the topic tree ("shop/st" offers shop's children that
// start with "st"), and writes back the full path of what was picked.
class TopicCompleter final : public QCompleter
{
public:
    using QCompleter::QCompleter;

    QStringList splitPath(const QString &path) const override { return path.split(u'/'); }

    QString pathFromIndex(const QModelIndex &index) const override
    {
        QStringList levels;
        for (QModelIndex i = index; i.isValid(); i = i.parent())
            levels.prepend(i.data(Qt::DisplayRole).toString());
        return levels.join(u'/');
    }
};

QString formatName(Format format)
{
    switch (format) {
    case Format::Text:
        return PublishPanel::tr("Text");
    case Format::Json:
        return PublishPanel::tr("JSON");
    case Format::Hex:
        return PublishPanel::tr("Hex");
    case Format::Base64:
        return PublishPanel::tr("Base64");
    case Format::File:
        return PublishPanel::tr("File");
    }
    return {};
}

// The bytes a text in `format` stands for, when it is valid (placeholders stay as typed).
std::optional<QByteArray> bytesOf(Format format, const QString &text)
{
    MessageTemplate t;
    t.payloadFormat = format;
    t.payload = text;
    if (format == Format::Json)
        return text.toUtf8(); // even while invalid: the text is what the operator typed
    Result<QByteArray> bytes = t.payloadBytes();
    if (!bytes)
        return std::nullopt;
    return std::move(bytes).value();
}

// `bytes` written the way `format` expects them; nullopt when they cannot be (binary as text).
std::optional<QString> textOf(Format format, const QByteArray &bytes)
{
    switch (format) {
    case Format::Text:
    case Format::Json:
        if (!payload::isValidUtf8(bytes))
            return std::nullopt;
        return QString::fromUtf8(bytes);
    case Format::Hex:
        return QString::fromLatin1(bytes.toHex(' '));
    case Format::Base64:
        return QString::fromLatin1(bytes.toBase64());
    case Format::File:
        break;
    }
    return std::nullopt;
}

QLabel *statusLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

PublishPanel::PublishPanel(MqttConnection *connection, QAbstractItemModel *topicModel,
                           const QString &connectionId, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_connectionId(connectionId)
    , m_mqtt5(!connection || connection->profile().version == ConnectionProfile::Version::Mqtt5)
{
    setObjectName(u"publishPanel"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *group = new QGroupBox(tr("Publish"), this);
    group->setObjectName(u"publishGroup"_s);
    outer->addWidget(group);
    auto *row = new QHBoxLayout(group);
    row->setSpacing(10);
    row->addWidget(buildMessageArea(), 3);
    row->addWidget(buildTabs(), 2);

    if (topicModel) {
        auto *completer = new TopicCompleter(topicModel, this);
        completer->setCaseSensitivity(Qt::CaseSensitive);
        completer->setCompletionColumn(0);
        completer->setCompletionRole(Qt::DisplayRole);
        completer->setModelSorting(QCompleter::UnsortedModel);
        completer->setMaxVisibleItems(12);
        m_topicEdit->setCompleter(completer);
    }

    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(CheckDelayMs);
    connect(&m_checkTimer, &QTimer::timeout, this, &PublishPanel::checkPayload);

    if (connection) {
        connect(connection, &MqttConnection::stateChanged, this, &PublishPanel::refreshState);
        connect(connection, &MqttConnection::publishFinished, this, &PublishPanel::onPublishFinished);
    }
    m_lastEvent.type = u"com.example.test"_s;
    m_lastEvent.source = u"/tideline"_s;

    refreshTemplateList();
    onFormatChanged();
    refreshState();
}

PublishPanel::~PublishPanel() = default;

void PublishPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // After the splitter has placed the panel: only then are the sizes real.
    QTimer::singleShot(0, this, &PublishPanel::keepRoomForTheMainView);
}

void PublishPanel::keepRoomForTheMainView()
{
    // In a vertical splitter below the main view (the topic tree, the splitter's first widget):
    // the panel takes the height it wants from that view as long as the view keeps
    // MainViewSharePercent of the splitter; below that, the widgets in between and then the panel
    // give back what they have above their minimum.
    constexpr int MainViewSharePercent = 45;
    auto *splitter = qobject_cast<QSplitter *>(parentWidget());
    if (!splitter || splitter->orientation() != Qt::Vertical || !isVisible())
        return;
    const int self = splitter->indexOf(this);
    QList<int> sizes = splitter->sizes();
    int total = 0;
    for (const int size : std::as_const(sizes))
        total += size;
    if (self <= 0 || total <= 0)
        return;
    const int mainViewShare = total * MainViewSharePercent / 100;
    if (const int grow = qMin(sizeHint().height() - sizes[self], sizes[0] - mainViewShare); grow > 0) {
        sizes[self] += grow;
        sizes[0] -= grow;
    }
    int deficit = mainViewShare - sizes[0];
    const auto giveBack = [&](int index) {
        const int spare = sizes[index] - splitter->widget(index)->minimumSizeHint().height();
        const int amount = qBound(0, spare, deficit);
        sizes[index] -= amount;
        sizes[0] += amount;
        deficit -= amount;
    };
    for (int i = 1; i < sizes.size() && deficit > 0; ++i) {
        if (i != self && sizes[i] > 0)
            giveBack(i);
    }
    if (deficit > 0)
        giveBack(self);
    splitter->setSizes(sizes);
}

// --- building ---------------------------------------------------------------------------------

QWidget *PublishPanel::buildMessageArea()
{
    auto *area = new QWidget(this);
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *topicRow = new QHBoxLayout;
    auto *topicLabel = new QLabel(tr("&Topic:"), area);
    m_topicEdit = new QLineEdit(area);
    m_topicEdit->setObjectName(u"publishTopic"_s);
    m_topicEdit->setAccessibleName(tr("Topic to publish to"));
    m_topicEdit->setPlaceholderText(tr("e.g. shop/store-12/orders/{{seq}}"));
    m_topicEdit->setToolTip(tr("{{seq}}, {{uuid}} and {{now}} are replaced for every message."));
    m_topicEdit->setClearButtonEnabled(true);
    topicLabel->setBuddy(m_topicEdit);
    auto *qosLabel = new QLabel(tr("&QoS:"), area);
    m_qos = new QComboBox(area);
    m_qos->setObjectName(u"publishQos"_s);
    m_qos->setAccessibleName(tr("QoS"));
    m_qos->addItem(tr("0 – at most once"), 0);
    m_qos->addItem(tr("1 – at least once"), 1);
    m_qos->addItem(tr("2 – exactly once"), 2);
    qosLabel->setBuddy(m_qos);
    m_retain = new QCheckBox(tr("&Retain"), area);
    m_retain->setObjectName(u"publishRetain"_s);
    topicRow->addWidget(topicLabel);
    topicRow->addWidget(m_topicEdit, 1);
    topicRow->addSpacing(6);
    topicRow->addWidget(qosLabel);
    topicRow->addWidget(m_qos);
    topicRow->addWidget(m_retain);
    layout->addLayout(topicRow);

    auto *formatRow = new QHBoxLayout;
    auto *formatLabel = new QLabel(tr("Pa&yload:"), area);
    m_format = new QComboBox(area);
    m_format->setObjectName(u"publishFormat"_s);
    m_format->setAccessibleName(tr("Payload format"));
    for (const Format f : {Format::Text, Format::Json, Format::Hex, Format::Base64, Format::File})
        m_format->addItem(formatName(f), int(f));
    formatLabel->setBuddy(m_format);
    m_cloudEventsButton = new QPushButton(tr("CloudEvent…"), area);
    m_cloudEventsButton->setObjectName(u"cloudEventsButton"_s);
    m_cloudEventsButton->setToolTip(tr("Wrap the payload in a CloudEvents 1.0 event, structured (a JSON "
                                       "envelope) or binary (attributes as MQTT 5 user properties)."));
    m_payloadStatus = statusLabel(area, u"payloadStatus"_s);
    m_payloadStatus->setWordWrap(false);
    m_payloadStatus->setMinimumWidth(80);
    m_payloadStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    formatRow->addWidget(formatLabel);
    formatRow->addWidget(m_format);
    formatRow->addWidget(m_cloudEventsButton);
    formatRow->addSpacing(8);
    formatRow->addWidget(m_payloadStatus, 1);
    layout->addLayout(formatRow);

    m_payloadStack = new QStackedWidget(area);
    m_payloadEdit = new QPlainTextEdit(m_payloadStack);
    m_payloadEdit->setObjectName(u"publishPayload"_s);
    m_payloadEdit->setAccessibleName(tr("Payload"));
    m_payloadEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payloadEdit->setTabChangesFocus(true);
    m_payloadEdit->setPlaceholderText(tr("Message payload; {{seq}}, {{uuid}} and {{now}} are replaced in "
                                         "text and JSON."));
    m_payloadEdit->setMinimumHeight(fontMetrics().height() * 4);
    m_payloadStack->addWidget(m_payloadEdit);
    auto *filePage = new QWidget(m_payloadStack);
    auto *fileRow = new QHBoxLayout(filePage);
    fileRow->setContentsMargins(0, 0, 0, 0);
    m_fileEdit = new QLineEdit(filePage);
    m_fileEdit->setObjectName(u"publishFile"_s);
    m_fileEdit->setAccessibleName(tr("File to send"));
    m_fileEdit->setPlaceholderText(tr("File whose bytes are the payload"));
    m_fileBrowse = new QToolButton(filePage);
    m_fileBrowse->setObjectName(u"publishFileBrowse"_s);
    m_fileBrowse->setText(tr("Choose…"));
    m_fileBrowse->setAccessibleName(tr("Choose the file to send"));
    fileRow->addWidget(m_fileEdit, 1, Qt::AlignTop);
    fileRow->addWidget(m_fileBrowse, 0, Qt::AlignTop);
    m_payloadStack->addWidget(filePage);
    layout->addWidget(m_payloadStack, 1);

    auto *actionRow = new QHBoxLayout;
    m_publishStatus = statusLabel(area, u"publishStatus"_s);
    m_publishStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_clearRetainedButton = new QPushButton(tr("Clear retained on this topic…"), area);
    m_clearRetainedButton->setObjectName(u"clearRetainedButton"_s);
    m_clearRetainedButton->setToolTip(tr("Publish an empty retained message, which makes the broker forget "
                                         "the retained message of this topic."));
    m_publishButton = new QPushButton(tr("&Publish"), area);
    m_publishButton->setObjectName(u"publishButton"_s);
    m_publishButton->setDefault(true);
    actionRow->addWidget(m_publishStatus, 1);
    actionRow->addWidget(m_clearRetainedButton);
    actionRow->addWidget(m_publishButton);
    layout->addLayout(actionRow);

    connect(m_topicEdit, &QLineEdit::textChanged, this, &PublishPanel::refreshState);
    connect(m_topicEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_publishButton->isEnabled())
            publishOnce();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, &PublishPanel::onFormatChanged);
    connect(m_payloadEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_payloadEdit->document()->characterCount() <= ImmediateCheckChars)
            checkPayload();
        else
            m_checkTimer.start();
    });
    connect(m_fileEdit, &QLineEdit::textChanged, this, &PublishPanel::checkPayload);
    connect(m_fileBrowse, &QToolButton::clicked, this, &PublishPanel::chooseFile);
    connect(m_cloudEventsButton, &QPushButton::clicked, this, &PublishPanel::openCloudEventsDialog);
    connect(m_publishButton, &QPushButton::clicked, this, &PublishPanel::publishOnce);
    connect(m_clearRetainedButton, &QPushButton::clicked, this, &PublishPanel::confirmClearRetained);
    return area;
}

QWidget *PublishPanel::buildTabs()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"publishTabs"_s);
    m_tabs->setMinimumWidth(340);
    // The pages scroll rather than hold the panel (and the topic tree above it) to their height.
    const auto scrolled = [this](QWidget *page, const QString &name) {
        auto *area = new QScrollArea(m_tabs);
        area->setObjectName(name);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidget(page);
        return area;
    };
    m_tabs->addTab(scrolled(buildPropertiesTab(), u"propertiesScroll"_s), tr("MQTT 5 properties"));
    m_tabs->addTab(scrolled(buildTemplatesTab(), u"templatesScroll"_s), tr("Templates"));
    m_tabs->addTab(scrolled(buildBurstTab(), u"burstScroll"_s), tr("Burst"));
    return m_tabs;
}

QWidget *PublishPanel::buildPropertiesTab()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"propertiesPage"_s);
    auto *layout = new QVBoxLayout(page);
    m_mqtt5Note = new QLabel(tr("This connection speaks MQTT 3.1.1, which has no message properties. "
                                "Connect with MQTT 5 to send them."),
                             page);
    m_mqtt5Note->setObjectName(u"mqtt5Note"_s);
    m_mqtt5Note->setWordWrap(true);
    m_mqtt5Note->setStyleSheet(u"QLabel { color: #7a5200; background: #fff4d6; border: 1px solid #e8cf8a;"
                               " border-radius: 3px; padding: 4px 6px; }"_s);
    layout->addWidget(m_mqtt5Note);

    m_propertiesForm = new QWidget(page);
    auto *form = new QFormLayout(m_propertiesForm);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight);
    m_contentType = new QLineEdit(m_propertiesForm);
    m_contentType->setObjectName(u"propContentType"_s);
    m_contentType->setPlaceholderText(tr("e.g. application/json"));
    m_payloadIndicator = new QComboBox(m_propertiesForm);
    m_payloadIndicator->setObjectName(u"propPayloadIndicator"_s);
    m_payloadIndicator->addItem(tr("Not set"), -1);
    m_payloadIndicator->addItem(tr("0 – unspecified bytes"), 0);
    m_payloadIndicator->addItem(tr("1 – UTF-8 text"), 1);
    m_responseTopic = new QLineEdit(m_propertiesForm);
    m_responseTopic->setObjectName(u"propResponseTopic"_s);
    m_responseTopic->setPlaceholderText(tr("Topic for replies"));
    m_correlationData = new QLineEdit(m_propertiesForm);
    m_correlationData->setObjectName(u"propCorrelationData"_s);
    m_correlationData->setPlaceholderText(tr("Text that ties a reply to this request"));
    m_expiry = new QSpinBox(m_propertiesForm);
    m_expiry->setObjectName(u"propExpiry"_s);
    m_expiry->setRange(0, std::numeric_limits<int>::max());
    m_expiry->setSpecialValueText(tr("Never"));
    m_expiry->setSuffix(tr(" s"));
    form->addRow(tr("Content type:"), m_contentType);
    form->addRow(tr("Payload format:"), m_payloadIndicator);
    form->addRow(tr("Response topic:"), m_responseTopic);
    form->addRow(tr("Correlation data:"), m_correlationData);
    form->addRow(tr("Message expiry:"), m_expiry);

    m_userProperties = new QTableWidget(0, 2, m_propertiesForm);
    m_userProperties->setObjectName(u"userProperties"_s);
    m_userProperties->setAccessibleName(tr("User properties"));
    m_userProperties->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_userProperties->horizontalHeader()->setStretchLastSection(true);
    m_userProperties->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_userProperties->setColumnWidth(0, 130);
    m_userProperties->verticalHeader()->setVisible(false);
    m_userProperties->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_userProperties->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_userProperties->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                      | QAbstractItemView::AnyKeyPressed);
    m_userProperties->setMinimumHeight(fontMetrics().height() * 5);
    auto *userButtons = new QVBoxLayout;
    m_addUserProperty = new QToolButton(m_propertiesForm);
    m_addUserProperty->setObjectName(u"addUserProperty"_s);
    m_addUserProperty->setText(u"+"_s);
    m_addUserProperty->setToolTip(tr("Add a user property"));
    m_addUserProperty->setAccessibleName(tr("Add a user property"));
    m_removeUserProperty = new QToolButton(m_propertiesForm);
    m_removeUserProperty->setObjectName(u"removeUserProperty"_s);
    m_removeUserProperty->setText(u"−"_s);
    m_removeUserProperty->setToolTip(tr("Remove the selected user property"));
    m_removeUserProperty->setAccessibleName(tr("Remove the selected user property"));
    userButtons->addWidget(m_addUserProperty);
    userButtons->addWidget(m_removeUserProperty);
    userButtons->addStretch(1);
    auto *userRow = new QHBoxLayout;
    userRow->addWidget(m_userProperties, 1);
    userRow->addLayout(userButtons);
    auto *userLabel = new QLabel(tr("User properties:"), m_propertiesForm);
    form->addRow(userLabel);
    form->addRow(userRow);
    layout->addWidget(m_propertiesForm, 1);

    m_mqtt5Note->setVisible(!m_mqtt5);
    m_propertiesForm->setEnabled(m_mqtt5);

    connect(m_addUserProperty, &QToolButton::clicked, this, [this] {
        addUserPropertyRow({}, {});
        const int row = m_userProperties->rowCount() - 1;
        m_userProperties->setCurrentCell(row, 0);
        m_userProperties->setFocus();
        m_userProperties->editItem(m_userProperties->item(row, 0));
    });
    connect(m_removeUserProperty, &QToolButton::clicked, this, [this] {
        const int row = m_userProperties->currentRow();
        if (row >= 0)
            m_userProperties->removeRow(row);
    });
    return page;
}

QWidget *PublishPanel::buildTemplatesTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_templateList = new QListWidget(page);
    m_templateList->setObjectName(u"templateList"_s);
    m_templateList->setAccessibleName(tr("Saved templates"));
    m_templateList->setMinimumHeight(fontMetrics().height() * 3);
    layout->addWidget(m_templateList, 1);

    auto *saveRow = new QHBoxLayout;
    m_templateName = new QLineEdit(page);
    m_templateName->setObjectName(u"templateName"_s);
    m_templateName->setAccessibleName(tr("Template name"));
    m_templateName->setPlaceholderText(tr("Template name"));
    m_saveTemplate = new QPushButton(tr("&Save"), page);
    m_saveTemplate->setObjectName(u"saveTemplateButton"_s);
    m_saveTemplate->setToolTip(tr("Save the message under this name for this connection (replaces a "
                                  "template of the same name)."));
    saveRow->addWidget(m_templateName, 1);
    saveRow->addWidget(m_saveTemplate);
    layout->addLayout(saveRow);

    auto *listRow = new QHBoxLayout;
    m_templateStatus = statusLabel(page, u"templateStatus"_s);
    m_templateStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_loadTemplate = new QPushButton(tr("&Load"), page);
    m_loadTemplate->setObjectName(u"loadTemplateButton"_s);
    m_deleteTemplate = new QPushButton(tr("&Delete"), page);
    m_deleteTemplate->setObjectName(u"deleteTemplateButton"_s);
    listRow->addWidget(m_templateStatus, 1);
    listRow->addWidget(m_loadTemplate);
    listRow->addWidget(m_deleteTemplate);
    layout->addLayout(listRow);

    connect(m_saveTemplate, &QPushButton::clicked, this, &PublishPanel::saveTemplate);
    connect(m_templateName, &QLineEdit::returnPressed, this, &PublishPanel::saveTemplate);
    connect(m_templateName, &QLineEdit::textChanged, this, &PublishPanel::refreshState);
    connect(m_loadTemplate, &QPushButton::clicked, this, &PublishPanel::loadSelectedTemplate);
    connect(m_deleteTemplate, &QPushButton::clicked, this, &PublishPanel::deleteSelectedTemplate);
    connect(m_templateList, &QListWidget::itemDoubleClicked, this, &PublishPanel::loadSelectedTemplate);
    connect(m_templateList, &QListWidget::itemSelectionChanged, this, &PublishPanel::refreshState);
    return page;
}

QWidget *PublishPanel::buildBurstTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    // Compact (two rows of inputs) so that the panel stays short below the topic tree.
    auto *grid = new QGridLayout;
    m_burstCount = new QSpinBox(page);
    m_burstCount->setObjectName(u"burstCount"_s);
    m_burstCount->setRange(1, MaxBurstCount);
    m_burstCount->setValue(1000);
    m_burstCount->setGroupSeparatorShown(true);
    m_burstCount->setToolTip(tr("Number of messages; {{seq}} runs from 1 to this number."));
    m_burstRate = new QDoubleSpinBox(page);
    m_burstRate->setObjectName(u"burstRate"_s);
    m_burstRate->setRange(0.1, 1'000'000);
    m_burstRate->setDecimals(1);
    m_burstRate->setValue(100);
    m_burstRate->setGroupSeparatorShown(true);
    m_burstRate->setSuffix(tr(" msgs/s"));
    m_burstMax = new QCheckBox(tr("As fast as possible"), page);
    m_burstMax->setObjectName(u"burstMaxRate"_s);
    m_burstMax->setToolTip(tr("No pacing: as fast as the broker acknowledges (QoS 1 and 2) or the network "
                              "takes the messages (QoS 0)."));
    auto *countLabel = new QLabel(tr("Co&unt:"), page);
    countLabel->setBuddy(m_burstCount);
    auto *rateLabel = new QLabel(tr("R&ate:"), page);
    rateLabel->setBuddy(m_burstRate);
    grid->addWidget(countLabel, 0, 0, Qt::AlignRight);
    grid->addWidget(m_burstCount, 0, 1);
    grid->addWidget(rateLabel, 0, 2, Qt::AlignRight);
    grid->addWidget(m_burstRate, 0, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    m_burstStart = new QPushButton(tr("Start &burst"), page);
    m_burstStart->setObjectName(u"burstStartButton"_s);
    m_burstCancel = new QPushButton(tr("Cancel"), page);
    m_burstCancel->setObjectName(u"burstCancelButton"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_burstMax);
    buttons->addStretch(1);
    buttons->addWidget(m_burstStart);
    buttons->addWidget(m_burstCancel);
    grid->addLayout(buttons, 1, 0, 1, 4);
    layout->addLayout(grid);
    m_burstProgress = new QProgressBar(page);
    m_burstProgress->setObjectName(u"burstProgress"_s);
    m_burstProgress->setRange(0, 1);
    m_burstProgress->setValue(0);
    m_burstProgress->setFormat(tr("%v of %m"));
    layout->addWidget(m_burstProgress);
    m_burstReport = statusLabel(page, u"burstReport"_s);
    m_burstReport->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_burstReport, 1);

    connect(m_burstMax, &QCheckBox::toggled, this, &PublishPanel::refreshState);
    connect(m_burstStart, &QPushButton::clicked, this, &PublishPanel::startBurst);
    connect(m_burstCancel, &QPushButton::clicked, this, &PublishPanel::cancelBurst);
    return page;
}

// --- the message ------------------------------------------------------------------------------

MessageTemplate::PayloadFormat PublishPanel::currentFormat() const
{
    return Format(m_format->currentData().toInt());
}

QString PublishPanel::payloadText() const
{
    return currentFormat() == Format::File ? m_fileEdit->text() : m_payloadEdit->toPlainText();
}

MessageTemplate PublishPanel::currentTemplate() const
{
    MessageTemplate t;
    t.name = m_templateName->text().trimmed();
    t.topic = m_topicEdit->text();
    t.qos = m_qos->currentData().toInt();
    t.retain = m_retain->isChecked();
    t.payloadFormat = currentFormat();
    t.payload = payloadText();
    MessageProperties &p = t.properties;
    p.contentType = m_contentType->text().trimmed();
    if (const int pfi = m_payloadIndicator->currentData().toInt(); pfi >= 0)
        p.payloadFormatIndicator = quint8(pfi);
    p.responseTopic = m_responseTopic->text();
    p.correlationData = m_correlationData->text().toUtf8();
    if (m_expiry->value() > 0)
        p.messageExpiryInterval = quint32(m_expiry->value());
    p.userProperties = userProperties();
    return t;
}

void PublishPanel::setTemplate(const MessageTemplate &t)
{
    if (!t.name.isEmpty())
        m_templateName->setText(t.name);
    m_topicEdit->setText(t.topic);
    m_qos->setCurrentIndex(qBound(0, t.qos, 2));
    m_retain->setChecked(t.retain);
    {
        // The text belongs to the new format: no conversion from the old one.
        const QSignalBlocker blocker(m_format);
        m_format->setCurrentIndex(m_format->findData(int(t.payloadFormat)));
    }
    if (t.payloadFormat == Format::File) {
        m_fileEdit->setText(t.payload);
    } else {
        m_payloadEdit->setPlainText(t.payload);
    }
    m_payloadStack->setCurrentIndex(t.payloadFormat == Format::File ? 1 : 0);
    m_shownFormat = t.payloadFormat;
    const MessageProperties &p = t.properties;
    m_contentType->setText(p.contentType);
    m_payloadIndicator->setCurrentIndex(
        m_payloadIndicator->findData(p.payloadFormatIndicator ? int(*p.payloadFormatIndicator) : -1));
    m_responseTopic->setText(p.responseTopic);
    m_correlationData->setText(QString::fromUtf8(p.correlationData));
    m_expiry->setValue(p.messageExpiryInterval ? int(qMin<quint32>(*p.messageExpiryInterval,
                                                                   quint32(std::numeric_limits<int>::max())))
                                               : 0);
    m_userProperties->setRowCount(0);
    for (const auto &[name, value] : p.userProperties)
        addUserPropertyRow(name, value);
    checkPayload();
    refreshState();
}

void PublishPanel::setTopic(const QString &topic)
{
    m_topicEdit->setText(topic);
}

void PublishPanel::addUserPropertyRow(const QString &name, const QString &value)
{
    const int row = m_userProperties->rowCount();
    m_userProperties->insertRow(row);
    m_userProperties->setItem(row, 0, new QTableWidgetItem(name));
    m_userProperties->setItem(row, 1, new QTableWidgetItem(value));
}

QList<QPair<QString, QString>> PublishPanel::userProperties() const
{
    QList<QPair<QString, QString>> out;
    for (int row = 0; row < m_userProperties->rowCount(); ++row) {
        const QTableWidgetItem *name = m_userProperties->item(row, 0);
        const QTableWidgetItem *value = m_userProperties->item(row, 1);
        if (!name || name->text().isEmpty())
            continue; // a row being filled in
        out.append({name->text(), value ? value->text() : QString()});
    }
    return out;
}

void PublishPanel::onFormatChanged()
{
    const Format format = currentFormat();
    const Format previous = std::exchange(m_shownFormat, format);
    // Carry the payload over: the same bytes, written the new way, where that is possible.
    if (previous != format && previous != Format::File && format != Format::File) {
        const QString text = m_payloadEdit->toPlainText();
        if (const auto bytes = bytesOf(previous, text)) {
            if (const auto converted = textOf(format, *bytes); converted && *converted != text)
                m_payloadEdit->setPlainText(*converted);
        }
    }
    m_payloadStack->setCurrentIndex(format == Format::File ? 1 : 0);
    checkPayload();
}

void PublishPanel::checkPayload()
{
    m_checkTimer.stop();
    const Format format = currentFormat();
    const MessageTemplate::PayloadCheck check = MessageTemplate::checkPayload(format, payloadText());
    m_payloadOk = check.ok;
    setStatus(m_payloadStatus, check.message, !check.ok);
    m_payloadStatus->setToolTip(check.message);

    // Mark the line with the problem.
    QList<QTextEdit::ExtraSelection> marks;
    if (!check.ok && check.line > 0 && format != Format::File) {
        const QTextBlock block = m_payloadEdit->document()->findBlockByNumber(check.line - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection mark;
            mark.format.setBackground(ui::errorBackground(m_payloadEdit->palette()));
            mark.format.setProperty(QTextFormat::FullWidthSelection, true);
            mark.cursor = QTextCursor(block);
            mark.cursor.clearSelection();
            marks.append(mark);
        }
    }
    m_payloadEdit->setExtraSelections(marks);
    refreshState();
}

void PublishPanel::setStatus(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, error ? ui::errorTextColor(palette()) : palette().color(QPalette::WindowText));
    label->setPalette(pal);
}

void PublishPanel::refreshState()
{
    const bool connected = m_connection && m_connection->state() == MqttConnection::State::Connected;
    const QString topic = m_topicEdit->text();
    const bool topicOk = ConnectionProfile::isValidTopicName(topic);
    const bool running = isBurstRunning();
    const bool canSend = connected && topicOk && m_payloadOk;

    QString why;
    if (!connected)
        why = tr("Connect to publish.");
    else if (!topicOk)
        why = topic.isEmpty() ? tr("Enter a topic to publish to.")
                              : tr("A topic to publish to has no + or # wildcards.");
    else if (!m_payloadOk)
        why = tr("Fix the payload first.");
    m_publishButton->setEnabled(canSend);
    m_publishButton->setToolTip(why);
    m_burstStart->setEnabled(canSend && !running);
    m_burstStart->setToolTip(why);
    m_burstCancel->setEnabled(running);
    m_burstRate->setEnabled(!m_burstMax->isChecked());
    const bool plainTopic = topicOk && !PlaceholderExpander::containsPlaceholder(topic);
    m_clearRetainedButton->setEnabled(connected && plainTopic);
    m_clearRetainedButton->setToolTip(!connected    ? why
                                      : !plainTopic ? tr("Enter the exact topic whose retained message to clear "
                                                         "(no wildcards or placeholders).")
                                                    : tr("Publish an empty retained message, which makes the "
                                                         "broker forget the retained message of this topic."));
    m_saveTemplate->setEnabled(!m_templateName->text().trimmed().isEmpty());
    const bool selected = !m_templateList->selectedItems().isEmpty();
    m_loadTemplate->setEnabled(selected);
    m_deleteTemplate->setEnabled(selected);
}

std::optional<PreparedMessage> PublishPanel::prepareCurrent()
{
    Result<PreparedMessage> prepared = PreparedMessage::prepare(currentTemplate());
    if (!prepared) {
        setStatus(m_publishStatus, prepared.error().message, true);
        return std::nullopt;
    }
    return std::move(prepared).value();
}

// --- publishing -------------------------------------------------------------------------------

void PublishPanel::publishOnce()
{
    if (!m_connection)
        return;
    std::optional<PreparedMessage> prepared = prepareCurrent();
    if (!prepared)
        return;
    OutgoingMessage message = prepared->render(m_nextSeq++);
    if (!m_mqtt5)
        message.properties = {};
    const QString topic = QString::fromUtf8(message.topic);
    const quint64 id = m_connection->publish(message.topic, message.payload, message.qos, message.retain,
                                             message.properties);
    if (id == 0) {
        setStatus(m_publishStatus, tr("Not connected."), true);
        return;
    }
    m_pending.insert(id, topic);
    setStatus(m_publishStatus, tr("Publishing to %1…").arg(topic), false);
}

void PublishPanel::onPublishFinished(quint64 id, bool ok, const QString &error)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.constEnd())
        return; // a burst's, or someone else's
    const QString topic = *it;
    m_pending.erase(it);
    if (ok) {
        setStatus(m_publishStatus, tr("Published to %1.").arg(topic), false);
        QPalette pal = m_publishStatus->palette();
        pal.setColor(QPalette::WindowText, ui::stateTextColor(MqttConnection::State::Connected, palette()));
        m_publishStatus->setPalette(pal);
    } else {
        setStatus(m_publishStatus, tr("Not published to %1: %2").arg(topic, error), true);
    }
    Q_EMIT publishAnswered(topic, ok, error);
}

bool PublishPanel::isBurstRunning() const
{
    return m_burst && m_burst->isRunning();
}

void PublishPanel::startBurst()
{
    if (!m_connection || m_burst)
        return;
    std::optional<PreparedMessage> prepared = prepareCurrent();
    if (!prepared)
        return;
    BurstPublisher::Settings settings;
    settings.count = quint64(m_burstCount->value());
    settings.rate = m_burstMax->isChecked() ? 0.0 : m_burstRate->value();
    m_burst = new BurstPublisher(m_connection, settings, std::move(*prepared), this);
    connect(m_burst, &BurstPublisher::progress, this, &PublishPanel::onBurstProgress);
    connect(m_burst, &BurstPublisher::finished, this, &PublishPanel::onBurstFinished);
    m_burstProgress->setRange(0, m_burstCount->value());
    m_burstProgress->setValue(0);
    m_burstReport->clear();
    qCInfo(lcUi).noquote() << "burst of" << settings.count << "messages at"
                           << (settings.rate > 0 ? QString::number(settings.rate) : u"max"_s) << "msgs/s to"
                           << m_topicEdit->text();
    m_burst->start();
    refreshState();
}

void PublishPanel::cancelBurst()
{
    if (m_burst)
        m_burst->cancel();
}

void PublishPanel::onBurstProgress(quint64 completed, quint64 total)
{
    Q_UNUSED(total);
    m_burstProgress->setValue(int(qMin<quint64>(completed, quint64(m_burstProgress->maximum()))));
}

void PublishPanel::onBurstFinished(const BurstPublisher::Report &report)
{
    m_lastReport = report;
    if (m_burst) {
        m_burst->deleteLater();
        m_burst = nullptr;
    }
    const QLocale locale;
    const QString sent = locale.toString(report.sent);
    const QString requested = locale.toString(report.requested);
    const QString seconds = locale.toString(report.elapsedSeconds, 'f', 2);
    const QString achieved = locale.toString(report.achievedRate(), 'f', 0);
    QString text;
    if (report.targetRate > 0) {
        text = tr("Sent %1 of %2 in %3 s: %4 msgs/s (target %5 msgs/s).")
                   .arg(sent, requested, seconds, achieved, locale.toString(report.targetRate, 'f', 0));
    } else {
        text = tr("Sent %1 of %2 in %3 s: %4 msgs/s (as fast as possible).").arg(sent, requested, seconds, achieved);
    }
    QStringList lines{text};
    if (report.failed > 0)
        lines << tr("%1 failed; the first failure: %2").arg(locale.toString(report.failed), report.firstError);
    else
        lines << tr("None failed.");
    if (report.cancelled)
        lines << tr("Cancelled: %1 not sent.").arg(locale.toString(report.unsent));
    setStatus(m_burstReport, lines.join(u'\n'), report.failed > 0);
    m_burstProgress->setValue(int(qMin<quint64>(report.sent + report.failed, quint64(m_burstProgress->maximum()))));
    refreshState();
    Q_EMIT burstFinished(report);
}

void PublishPanel::confirmClearRetained()
{
    const QString topic = m_topicEdit->text();
    if (!ConnectionProfile::isValidTopicName(topic))
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Clear retained message"),
                                tr("Clear the retained message on \"%1\"?").arg(topic), QMessageBox::Cancel, this);
    box->setObjectName(u"clearRetainedConfirm"_s);
    box->setInformativeText(tr("An empty retained message is published to the topic. The broker then "
                               "forgets the retained message, and new subscribers get nothing until the "
                               "next retained message."));
    QPushButton *clear = box->addButton(tr("Clear retained"), QMessageBox::DestructiveRole);
    clear->setObjectName(u"clearRetainedConfirmButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, clear, topic](QAbstractButton *button) {
        if (button == clear)
            clearRetained(topic);
    });
    box->open();
}

void PublishPanel::clearRetained(const QString &topic)
{
    if (!m_connection)
        return;
    // QoS 1: the answer then says the broker has it, not only that it left this machine.
    const quint64 id = m_connection->publish(topic.toUtf8(), QByteArray(), 1, true);
    if (id == 0) {
        setStatus(m_publishStatus, tr("Not connected."), true);
        return;
    }
    qCInfo(lcUi).noquote() << "clearing the retained message on" << topic;
    m_pending.insert(id, topic);
    setStatus(m_publishStatus, tr("Clearing the retained message on %1…").arg(topic), false);
}

void PublishPanel::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("Choose the file to send"), m_fileEdit->text());
    dialog->setObjectName(u"publishFileDialog"_s);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) { m_fileEdit->setText(file); });
    dialog->open();
}

// --- CloudEvents ------------------------------------------------------------------------------

void PublishPanel::openCloudEventsDialog()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"cloudEventsDialog"_s);
    dialog->setWindowTitle(tr("CloudEvent"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(tr("The current payload becomes the event's data. The id and the time are "
                                "filled in for every message ({{uuid}} and {{now}})."),
                             dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto field = [&](const QString &name, const QString &value, const QString &placeholder) {
        auto *edit = new QLineEdit(value, dialog);
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        edit->setMinimumWidth(320);
        return edit;
    };
    QLineEdit *type = field(u"ceType"_s, m_lastEvent.type, tr("e.g. com.example.order.created"));
    QLineEdit *source = field(u"ceSource"_s, m_lastEvent.source, tr("e.g. /shop/store-12"));
    QLineEdit *subject = field(u"ceSubject"_s, m_lastEvent.subject, tr("optional"));
    QLineEdit *contentType = field(u"ceDataContentType"_s, m_lastEvent.dataContentType,
                                   tr("optional; JSON payloads are application/json"));
    form->addRow(tr("&Type:"), type);
    form->addRow(tr("&Source:"), source);
    form->addRow(tr("S&ubject:"), subject);
    form->addRow(tr("&Data content type:"), contentType);
    layout->addLayout(form);

    auto *modeBox = new QGroupBox(tr("Content mode"), dialog);
    auto *modeLayout = new QVBoxLayout(modeBox);
    auto *structured = new QRadioButton(tr("S&tructured: the event is a JSON envelope "
                                           "(application/cloudevents+json)"),
                                        modeBox);
    structured->setObjectName(u"ceStructured"_s);
    auto *binary = new QRadioButton(tr("&Binary: the payload stays the data; attributes become MQTT 5 user "
                                       "properties"),
                                    modeBox);
    binary->setObjectName(u"ceBinary"_s);
    binary->setEnabled(m_mqtt5);
    if (!m_mqtt5)
        binary->setToolTip(tr("Binary mode needs MQTT 5 user properties; this connection speaks MQTT 3.1.1."));
    (m_lastEventBinary && m_mqtt5 ? binary : structured)->setChecked(true);
    modeLayout->addWidget(structured);
    modeLayout->addWidget(binary);
    layout->addWidget(modeBox);

    auto *error = new QLabel(dialog);
    error->setObjectName(u"ceError"_s);
    error->setWordWrap(true);
    error->setStyleSheet(u"color: #c62828;"_s);
    error->hide();
    layout->addWidget(error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Apply"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"ceApply"_s);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this, dialog] { applyCloudEvent(dialog); });
    dialog->open();
}

void PublishPanel::applyCloudEvent(QDialog *dialog)
{
    const auto text = [dialog](const QString &name) {
        const auto *edit = dialog->findChild<QLineEdit *>(name);
        return edit ? edit->text().trimmed() : QString();
    };
    CloudEventsBuilder::Event event;
    event.type = text(u"ceType"_s);
    event.source = text(u"ceSource"_s);
    event.subject = text(u"ceSubject"_s);
    event.dataContentType = text(u"ceDataContentType"_s);
    const auto *binary = dialog->findChild<QRadioButton *>(u"ceBinary"_s);
    const bool binaryMode = binary && binary->isChecked();
    const Result<MessageTemplate> built = CloudEventsBuilder::build(
        event, binaryMode ? CloudEventsBuilder::Mode::Binary : CloudEventsBuilder::Mode::Structured,
        currentTemplate());
    if (!built) {
        if (auto *error = dialog->findChild<QLabel *>(u"ceError"_s)) {
            error->setText(built.error().message);
            error->show();
        }
        return;
    }
    m_lastEvent = event;
    m_lastEventBinary = binaryMode;
    setTemplate(built.value());
    setStatus(m_publishStatus,
              binaryMode ? tr("CloudEvent in binary mode: the attributes are in the user properties.")
                         : tr("CloudEvent in structured mode: the payload is the event."),
              false);
    dialog->accept();
}

// --- templates --------------------------------------------------------------------------------

void PublishPanel::refreshTemplateList()
{
    const auto s = settings::open();
    const TemplateStore store(*s);
    const QString selected = m_templateList->currentItem() ? m_templateList->currentItem()->text() : QString();
    m_templateList->clear();
    const QStringList names = store.names(m_connectionId);
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, m_templateList);
        if (name == selected)
            m_templateList->setCurrentItem(item);
    }
    refreshState();
}

void PublishPanel::saveTemplate()
{
    const MessageTemplate t = currentTemplate();
    const auto s = settings::open();
    TemplateStore store(*s);
    const Result<void> saved = store.save(m_connectionId, t);
    if (!saved) {
        setStatus(m_templateStatus, saved.error().message, true);
        return;
    }
    s->sync();
    refreshTemplateList();
    const QList<QListWidgetItem *> items = m_templateList->findItems(t.name, Qt::MatchExactly);
    if (!items.isEmpty())
        m_templateList->setCurrentItem(items.first());
    setStatus(m_templateStatus, tr("Saved \"%1\".").arg(t.name), false);
}

void PublishPanel::loadSelectedTemplate()
{
    const QListWidgetItem *item = m_templateList->currentItem();
    if (!item)
        return;
    const auto s = settings::open();
    const TemplateStore store(*s);
    const std::optional<MessageTemplate> t = store.find(m_connectionId, item->text());
    if (!t) {
        setStatus(m_templateStatus, tr("\"%1\" is no longer saved.").arg(item->text()), true);
        refreshTemplateList();
        return;
    }
    setTemplate(*t);
    setStatus(m_templateStatus, tr("Loaded \"%1\".").arg(t->name), false);
}

void PublishPanel::deleteSelectedTemplate()
{
    const QListWidgetItem *item = m_templateList->currentItem();
    if (!item)
        return;
    const QString name = item->text();
    const auto s = settings::open();
    TemplateStore store(*s);
    store.remove(m_connectionId, name);
    s->sync();
    refreshTemplateList();
    setStatus(m_templateStatus, tr("Deleted \"%1\".").arg(name), false);
}

} // namespace tideline
