#include "ConnectionView.h"

#include "PayloadInspectorView.h"
#include "PublishPanel.h"
#include "ReplayDialog.h"
#include "Settings.h"
#include "StateStyle.h"
#include "Theme.h"
#include "core/IngestPipeline.h"
#include "core/Logging.h"
#include "models/TopicFilter.h"
#include "models/TopicFilterProxyModel.h"
#include "models/TopicTreeModel.h"
#include "mqtt/SysStats.h"
#include "secrets/CredentialStore.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

// Broker statistics are published every sys_interval (mosquitto: 10 s by default); saying
// "none" before a couple of intervals passed would be wrong.
constexpr qint64 SysStatsGraceMs = 12000;
// New topics are expanded down to this depth so a fresh tree shows its shape, but not
// without bound: a broker with 100k topics must not expand them all.
constexpr int AutoExpandDepth = 4;
constexpr int AutoExpandBudget = 400;

QLabel *valueLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

ConnectionView::ConnectionView(const ConnectionProfile &profile, CredentialStore *store,
                               QWidget *parent)
    : QWidget(parent)
    , m_profile(profile)
    , m_store(store)
{
    setObjectName(u"connectionView"_s);
    const auto s = settings::open();
    const qint64 budget = qint64(qMax(16, settings::HistoryBudgetMiB.read(*s))) * 1024 * 1024;

    m_pipeline = new IngestPipeline(budget, this);
    m_connection = new MqttConnection(m_profile, m_pipeline->inbox(), this);
    m_model = new TopicTreeModel(m_pipeline, this);
    m_model->setNewTopicColor(ui::newTopicHighlight(palette()));
    m_proxy = new TopicFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);

    buildUi();
    restoreLayout();
    m_inspector->setTopicTree(&m_pipeline->tree());
    // Imported messages enter like received ones: through the inbox, in the next frame.
    connect(m_inspector, &PayloadInspectorView::messagesImported, this,
            [this](const std::vector<MqttMessage> &messages) {
                std::vector<MqttMessage> batch = messages;
                m_pipeline->inbox()->pushBatch(batch);
            });
    connect(m_inspector, &PayloadInspectorView::replayRequested, this,
            [this](const std::vector<MqttMessage> &messages, const QString &path) {
                auto *dialog = new ReplayDialog(m_connection, messages, path, this);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->open();
            });

    connect(m_connection, &MqttConnection::stateChanged, this,
            &ConnectionView::onConnectionStateChanged);
    connect(m_connection, &MqttConnection::subscribed, this, &ConnectionView::onSubscribed);
    connect(m_connection, &MqttConnection::subscribeFailed, this,
            &ConnectionView::onSubscribeFailed);
    connect(m_pipeline, &IngestPipeline::batchApplied, this, [this] {
        if (m_selectedNode != TopicTree::InvalidId
            && m_pipeline->tree().node(m_selectedNode).subtreeCount != m_detailsShownCount)
            refreshDetails();
    });

    // Rates change once a second in the pipeline: show them as soon as they are computed.
    connect(m_pipeline, &IngestPipeline::ratesUpdated, this, [this] {
        refreshDetails();
        Q_EMIT statsChanged();
    });
    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, this, &ConnectionView::tick);
    m_tickTimer.start();
    m_pipeline->start();

    refreshSubscriptionList();
    refreshHeader();
    refreshDetails();
    refreshBrokerStats();
}

ConnectionView::~ConnectionView()
{
    m_tickTimer.stop();
    // Nobody hears about the teardown: the window may be half destroyed itself.
    blockSignals(true);
    QObject::disconnect(m_connection, nullptr, this, nullptr);
    // Tear down in dependency order: views off the models, then the network side (so nothing
    // arrives while the models go away), then the models, then the data they read.
    m_tree->setModel(nullptr);
    m_inspector->setTopicTree(nullptr);
    delete m_proxy;
    m_connection->close();
    delete m_connection;
    delete m_model;
    m_pipeline->stop();
    delete m_pipeline;
}

void ConnectionView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(buildHeader());

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"connectionSplitter"_s);
    m_mainSplitter->setChildrenCollapsible(false);
    m_topicSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_topicSplitter->setObjectName(u"topicSplitter"_s);
    m_topicSplitter->setChildrenCollapsible(false);
    m_topicSplitter->addWidget(buildTopicArea());
    m_topicSplitter->addWidget(buildDetails());
    m_publishPanel = new PublishPanel(m_connection, m_model, m_profile.id, m_topicSplitter);
    m_publishPanel->setVisible(false);
    m_topicSplitter->addWidget(m_publishPanel);
    m_topicSplitter->setStretchFactor(0, 1);
    m_topicSplitter->setStretchFactor(1, 1);
    // The inspector needs room for a payload, its tree and the history next to it.
    m_topicSplitter->setSizes({280, 480});
    m_mainSplitter->addWidget(m_topicSplitter);
    m_mainSplitter->addWidget(buildSidePanel());
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 0);
    m_mainSplitter->setSizes({970, 420});
    layout->addWidget(m_mainSplitter, 1);
}

QWidget *ConnectionView::buildHeader()
{
    auto *header = new QFrame(this);
    header->setObjectName(u"connectionHeader"_s);
    header->setFrameShape(QFrame::StyledPanel);
    header->setAutoFillBackground(true);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(8, 4, 8, 4);

    m_stateDot = new QLabel(header);
    m_stateDot->setObjectName(u"stateDot"_s);
    m_stateDot->setFixedSize(16, 16);
    row->addWidget(m_stateDot);

    m_stateLabel = new QLabel(header);
    m_stateLabel->setObjectName(u"stateLabel"_s);
    m_stateLabel->setAccessibleName(tr("Connection state"));
    QFont bold = m_stateLabel->font();
    bold.setBold(true);
    m_stateLabel->setFont(bold);
    m_stateLabel->setTextFormat(Qt::PlainText);
    row->addWidget(m_stateLabel);

    m_endpointLabel = new QLabel(header);
    m_endpointLabel->setObjectName(u"endpointLabel"_s);
    m_endpointLabel->setTextFormat(Qt::PlainText);
    m_endpointLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette dim = m_endpointLabel->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    m_endpointLabel->setPalette(dim);
    row->addSpacing(12);
    row->addWidget(m_endpointLabel, 1);

    m_insecureLabel = new QLabel(tr("⚠ Server certificate NOT verified"), header);
    m_insecureLabel->setObjectName(u"insecureLabel"_s);
    m_insecureLabel->setAccessibleName(tr("Server certificate not verified"));
    m_insecureLabel->setToolTip(tr("Certificate verification is turned off for this connection: "
                                   "the broker's identity is not checked."));
    m_insecureLabel->setStyleSheet(u"QLabel { color: #8a1c1c; background: #fdecea;"
                                   " border: 1px solid #e6a5a0; border-radius: 3px;"
                                   " padding: 2px 8px; font-weight: bold; }"_s);
    m_insecureLabel->setVisible(m_profile.usesTls() && !m_profile.verifyServer);
    row->addWidget(m_insecureLabel);

    m_connectButton = new QPushButton(header);
    m_connectButton->setObjectName(u"connectButton"_s);
    connect(m_connectButton, &QPushButton::clicked, this, [this] {
        if (isActive())
            disconnectFromBroker();
        else
            connectToBroker();
    });
    row->addWidget(m_connectButton);
    return header;
}

QWidget *ConnectionView::buildTopicArea()
{
    auto *area = new QWidget(this);
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *filterRow = new QHBoxLayout;
    m_filterEdit = new QLineEdit(area);
    m_filterEdit->setObjectName(u"filterEdit"_s);
    m_filterEdit->setAccessibleName(tr("Filter topics"));
    m_filterEdit->setPlaceholderText(tr("Filter topics: text or MQTT wildcard, e.g. sensors/+/temp"));
    m_filterEdit->setClearButtonEnabled(true);
    filterRow->addWidget(m_filterEdit, 1);
    m_filterStatus = new QLabel(area);
    m_filterStatus->setObjectName(u"filterStatus"_s);
    filterRow->addWidget(m_filterStatus);
    layout->addLayout(filterRow);

    // Typing re-filters after a short pause, not on every key, so a large tree stays smooth.
    auto *filterDelay = new QTimer(this);
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(150);
    connect(m_filterEdit, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this, [this] { applyFilterText(m_filterEdit->text()); });

    m_tree = new QTreeView(area);
    m_tree->setObjectName(u"topicTree"_s);
    m_tree->setAccessibleName(tr("Topics"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(TopicTreeModel::TopicColumn, Qt::AscendingOrder);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setAllColumnsShowFocus(true);

    QHeaderView *h = m_tree->header();
    h->setStretchLastSection(false);
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(TopicTreeModel::LastValueColumn, QHeaderView::Stretch);
    // Each column as wide as its header or a typical value, whichever is wider; the value
    // column takes the rest.
    const QFontMetrics fm(m_tree->font());
    const auto fit = [&](int column, const QString &sample) {
        const QString title = m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        m_tree->setColumnWidth(column, qMax(fm.horizontalAdvance(title) + 28,
                                            fm.horizontalAdvance(sample) + 20));
    };
    m_tree->setColumnWidth(TopicTreeModel::TopicColumn, fm.horizontalAdvance(QLatin1Char('m')) * 16 + 80);
    fit(TopicTreeModel::MessagesColumn, u"1,000,000"_s);
    fit(TopicTreeModel::RateColumn, u"10,000.0"_s);
    fit(TopicTreeModel::RetainedColumn, TopicTreeModel::tr("retained"));
    fit(TopicTreeModel::QosColumn, u"2"_s);
    fit(TopicTreeModel::AgeColumn, u"59 min"_s);
    layout->addWidget(m_tree, 1);

    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ConnectionView::onRowsInserted);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    return area;
}

QWidget *ConnectionView::buildDetails()
{
    m_detailsGroup = new QGroupBox(tr("Selected topic"), this);
    m_detailsGroup->setObjectName(u"detailsGroup"_s);
    auto *outer = new QVBoxLayout(m_detailsGroup);

    // The full topic on its own line: topics are long, and operators copy them.
    auto *topicRow = new QHBoxLayout;
    auto *topicCaption = new QLabel(tr("Topic:"), m_detailsGroup);
    m_detailTopic = new QLineEdit(m_detailsGroup);
    m_detailTopic->setObjectName(u"detailTopic"_s);
    m_detailTopic->setAccessibleName(tr("Selected topic"));
    m_detailTopic->setReadOnly(true);
    m_detailTopic->setFrame(false);
    QFont topicFont = m_detailTopic->font();
    topicFont.setBold(true);
    m_detailTopic->setFont(topicFont);
    m_detailTopic->setStyleSheet(u"QLineEdit { background: transparent; }"_s);
    topicCaption->setBuddy(m_detailTopic);
    topicRow->addWidget(topicCaption);
    topicRow->addWidget(m_detailTopic, 1);
    outer->addLayout(topicRow);

    // Counts and rate for the topic with its subtopics sit on the topic's line; everything about
    // the messages themselves is the inspector's.
    m_detailMessages = valueLabel(m_detailsGroup, u"detailMessages"_s);
    m_detailRate = valueLabel(m_detailsGroup, u"detailRate"_s);
    m_detailLastUpdate = valueLabel(m_detailsGroup, u"detailLastUpdate"_s);
    const auto addStat = [&](const QString &caption, QLabel *value) {
        topicRow->addSpacing(12);
        auto *label = new QLabel(caption, m_detailsGroup);
        label->setBuddy(value);
        topicRow->addWidget(label);
        topicRow->addWidget(value);
    };
    addStat(tr("Messages:"), m_detailMessages);
    addStat(tr("Rate:"), m_detailRate);
    addStat(tr("Last update:"), m_detailLastUpdate);

    m_inspector = new PayloadInspectorView(m_detailsGroup);
    outer->addWidget(m_inspector, 1);
    return m_detailsGroup;
}

QWidget *ConnectionView::buildSidePanel()
{
    m_sidePanel = new QWidget(this);
    m_sidePanel->setObjectName(u"sidePanel"_s);
    m_sidePanel->setMinimumWidth(300);
    auto *layout = new QVBoxLayout(m_sidePanel);
    layout->setContentsMargins(0, 0, 0, 0);

    // Subscriptions
    m_subscriptionsGroup = new QGroupBox(tr("Subscriptions"), m_sidePanel);
    m_subscriptionsGroup->setObjectName(u"subscriptionsGroup"_s);
    auto *subs = new QVBoxLayout(m_subscriptionsGroup);
    m_subscriptionList = new QTreeWidget(m_subscriptionsGroup);
    m_subscriptionList->setObjectName(u"subscriptionList"_s);
    m_subscriptionList->setAccessibleName(tr("Subscriptions"));
    m_subscriptionList->setHeaderLabels({tr("Filter"), tr("QoS"), tr("Status")});
    m_subscriptionList->setRootIsDecorated(false);
    m_subscriptionList->setUniformRowHeights(true);
    m_subscriptionList->header()->setStretchLastSection(false);
    m_subscriptionList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_subscriptionList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_subscriptionList->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_subscriptionList->setMaximumHeight(fontMetrics().height() * 7);
    subs->addWidget(m_subscriptionList);

    auto *addRow = new QHBoxLayout;
    m_subscribeEdit = new QLineEdit(m_subscriptionsGroup);
    m_subscribeEdit->setObjectName(u"subscribeEdit"_s);
    m_subscribeEdit->setAccessibleName(tr("Topic filter to subscribe to"));
    m_subscribeEdit->setPlaceholderText(tr("Topic filter, e.g. shop/+/orders/#"));
    m_subscribeQos = new QComboBox(m_subscriptionsGroup);
    m_subscribeQos->setObjectName(u"subscribeQos"_s);
    m_subscribeQos->setAccessibleName(tr("QoS for the new subscription"));
    for (int q = 0; q <= 2; ++q)
        m_subscribeQos->addItem(tr("QoS %1").arg(q), q);
    m_subscribeButton = new QPushButton(tr("Subscribe"), m_subscriptionsGroup);
    m_subscribeButton->setObjectName(u"subscribeButton"_s);
    m_subscribeButton->setEnabled(false);
    addRow->addWidget(m_subscribeEdit, 1);
    addRow->addWidget(m_subscribeQos);
    addRow->addWidget(m_subscribeButton);
    subs->addLayout(addRow);
    m_unsubscribeButton = new QPushButton(tr("Unsubscribe selected"), m_subscriptionsGroup);
    m_unsubscribeButton->setObjectName(u"unsubscribeButton"_s);
    m_unsubscribeButton->setEnabled(false);
    subs->addWidget(m_unsubscribeButton, 0, Qt::AlignRight);
    layout->addWidget(m_subscriptionsGroup);

    connect(m_subscribeEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        const QString f = text.trimmed();
        QString why;
        const bool valid = !f.isEmpty() && TopicFilter::isValidFilter(f, &why);
        m_subscribeButton->setEnabled(valid);
        m_subscribeEdit->setToolTip(valid || f.isEmpty() ? QString() : why);
    });
    connect(m_subscribeEdit, &QLineEdit::returnPressed, this, &ConnectionView::addSubscriptionFromInputs);
    connect(m_subscribeButton, &QPushButton::clicked, this, &ConnectionView::addSubscriptionFromInputs);
    connect(m_unsubscribeButton, &QPushButton::clicked, this, &ConnectionView::removeSelectedSubscription);
    connect(m_subscriptionList, &QTreeWidget::itemSelectionChanged, this, [this] {
        m_unsubscribeButton->setEnabled(!m_subscriptionList->selectedItems().isEmpty());
    });

    // Broker statistics
    m_statsGroup = new QGroupBox(tr("Broker statistics ($SYS)"), m_sidePanel);
    m_statsGroup->setObjectName(u"brokerStatsGroup"_s);
    auto *stats = new QVBoxLayout(m_statsGroup);
    m_statsList = new QTreeWidget(m_statsGroup);
    m_statsList->setObjectName(u"brokerStatsList"_s);
    m_statsList->setAccessibleName(tr("Broker statistics"));
    m_statsList->setColumnCount(2);
    m_statsList->setHeaderHidden(true);
    m_statsList->setRootIsDecorated(false);
    m_statsList->setUniformRowHeights(true);
    m_statsList->setSelectionMode(QAbstractItemView::NoSelection);
    m_statsList->setFocusPolicy(Qt::NoFocus);
    m_statsList->header()->setStretchLastSection(false);
    // Values are what the operator reads: they keep their width, long labels elide.
    m_statsList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_statsList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    stats->addWidget(m_statsList, 1);
    m_statsEmptyLabel = new QLabel(m_statsGroup);
    m_statsEmptyLabel->setObjectName(u"brokerStatsEmpty"_s);
    m_statsEmptyLabel->setWordWrap(true);
    m_statsEmptyLabel->setAlignment(Qt::AlignCenter);
    stats->addWidget(m_statsEmptyLabel, 1);
    layout->addWidget(m_statsGroup, 1);
    return m_sidePanel;
}

void ConnectionView::restoreLayout()
{
    const auto s = settings::open();
    if (const QByteArray state = settings::TopicHeaderState.read(*s); !state.isEmpty())
        m_tree->header()->restoreState(state);
    if (const QByteArray state = settings::ConnectionSplitterState.read(*s); !state.isEmpty())
        m_mainSplitter->restoreState(state);
    if (const QByteArray state = settings::TopicSplitterState.read(*s); !state.isEmpty())
        m_topicSplitter->restoreState(state);
    // The value column always takes what is left, whatever a saved state says.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(TopicTreeModel::LastValueColumn, QHeaderView::Stretch);
}

void ConnectionView::saveLayout() const
{
    const auto s = settings::open();
    settings::TopicHeaderState.write(*s, m_tree->header()->saveState());
    settings::ConnectionSplitterState.write(*s, m_mainSplitter->saveState());
    settings::TopicSplitterState.write(*s, m_topicSplitter->saveState());
}

void ConnectionView::setPanelVisible(Panel panel, bool visible)
{
    switch (panel) {
    case Panel::Subscriptions:
        m_subscriptionsGroup->setVisible(visible);
        break;
    case Panel::BrokerStats:
        m_statsGroup->setVisible(visible);
        break;
    case Panel::TopicDetails:
        m_detailsGroup->setVisible(visible);
        break;
    case Panel::Publish:
        m_publishPanel->setVisible(visible);
        break;
    }
    m_sidePanel->setVisible(m_subscriptionsGroup->isVisibleTo(m_sidePanel)
                            || m_statsGroup->isVisibleTo(m_sidePanel));
}

// --- connection -------------------------------------------------------------------------------

void ConnectionView::setSecrets(const std::optional<QString> &password,
                                const std::optional<QString> &keyPassphrase)
{
    if (password) {
        m_connection->setPassword(*password);
        m_passwordKnown = true;
    }
    if (keyPassphrase) {
        m_connection->setKeyPassphrase(*keyPassphrase);
        m_passphraseKnown = true;
    }
}

void ConnectionView::connectToBroker()
{
    if (m_pendingSecrets > 0)
        return;
    m_preOpenError.clear();
    QStringList needed;
    if (m_profile.hasPassword && !m_passwordKnown)
        needed << u"password"_s;
    if (m_profile.hasKeyPassphrase && !m_passphraseKnown)
        needed << u"key-passphrase"_s;
    if (needed.isEmpty() || !m_store) {
        openWhenReady();
        return;
    }
    // The keychain may need to unlock or ask the user: never wait for it on the GUI thread.
    m_pendingSecrets = int(needed.size());
    refreshHeader();
    for (const QString &what : std::as_const(needed)) {
        QPointer<ConnectionView> self(this);
        m_store->read(ConnectionProfile::secretKey(m_profile.id, what),
                      [self, what](const Result<QString> &result) {
                          if (self)
                              self->onSecretRead(what, result);
                      });
    }
}

void ConnectionView::onSecretRead(const QString &what, const Result<QString> &result)
{
    if (result.ok()) {
        if (what == u"password"_s) {
            m_connection->setPassword(result.value());
            m_passwordKnown = true;
        } else {
            m_connection->setKeyPassphrase(result.value());
            m_passphraseKnown = true;
        }
    } else if (m_preOpenError.isEmpty()) {
        qCWarning(lcUi) << "keychain read failed for" << what << result.error().code;
        m_preOpenError = what == u"password"_s
                             ? tr("Failed: could not read the password from the keychain: %1")
                                   .arg(result.error().message)
                             : tr("Failed: could not read the key passphrase from the keychain: %1")
                                   .arg(result.error().message);
    }
    if (--m_pendingSecrets > 0)
        return;
    if (!m_preOpenError.isEmpty()) {
        refreshHeader();
        Q_EMIT stateChanged(state());
        Q_EMIT statsChanged();
        return;
    }
    openWhenReady();
}

void ConnectionView::openWhenReady()
{
    qCInfo(lcUi) << "opening connection" << m_profile.displayName();
    m_connection->open();
    refreshHeader();
}

void ConnectionView::disconnectFromBroker()
{
    m_connection->close();
    refreshHeader();
}

bool ConnectionView::isActive() const
{
    if (m_pendingSecrets > 0)
        return true;
    switch (m_connection->state()) {
    case MqttConnection::State::Connecting:
    case MqttConnection::State::Connected:
    case MqttConnection::State::Reconnecting:
        return true;
    case MqttConnection::State::Disconnected:
    case MqttConnection::State::Failed:
        break;
    }
    return false;
}

MqttConnection::State ConnectionView::state() const
{
    if (!m_preOpenError.isEmpty())
        return MqttConnection::State::Failed;
    if (m_pendingSecrets > 0)
        return MqttConnection::State::Connecting;
    return m_connection->state();
}

QString ConnectionView::stateText() const
{
    if (!m_preOpenError.isEmpty())
        return m_preOpenError;
    if (m_pendingSecrets > 0)
        return tr("Reading secrets from the keychain…");
    return m_connection->stateText();
}

ConnectionView::Stats ConnectionView::stats() const
{
    const TopicTree &tree = m_pipeline->tree();
    Stats s;
    s.state = state();
    s.stateText = stateText();
    s.messages = tree.totalMessages();
    s.rate = tree.node(TopicTree::RootId).subtreeRate;
    s.topics = tree.topicCount();
    s.historyBytes = tree.historyBytes();
    s.historyBudget = tree.historyBudget();
    s.historyTrimmed = tree.budgetReached();
    s.shedMessages = m_pipeline->shedMessages();
    return s;
}

void ConnectionView::onConnectionStateChanged(MqttConnection::State newState)
{
    if (newState == MqttConnection::State::Connected) {
        m_connectedSinceMs = QDateTime::currentMSecsSinceEpoch();
    } else if (newState != MqttConnection::State::Connected) {
        m_connectedSinceMs = 0;
        // A broker forgets granted QoS with the connection; it is granted again on reconnect.
        for (auto it = m_subscriptionStatus.begin(); it != m_subscriptionStatus.end(); ++it)
            *it = SubscriptionStatus{};
    }
    refreshHeader();
    refreshSubscriptionList();
    refreshBrokerStats();
    Q_EMIT stateChanged(newState);
    Q_EMIT statsChanged();
}

// --- subscriptions ----------------------------------------------------------------------------

void ConnectionView::subscribe(const Subscription &subscription)
{
    m_subscriptionStatus.insert(subscription.filter, SubscriptionStatus{});
    m_connection->subscribe(subscription);
    refreshSubscriptionList();
}

void ConnectionView::unsubscribe(const QString &filter)
{
    m_connection->unsubscribe(filter);
    m_subscriptionStatus.remove(filter);
    refreshSubscriptionList();
}

void ConnectionView::onSubscribed(const QString &filter, int grantedQos)
{
    m_subscriptionStatus.insert(filter, SubscriptionStatus{tr("active, QoS %1").arg(grantedQos), false});
    refreshSubscriptionList();
}

void ConnectionView::onSubscribeFailed(const QString &filter, const QString &reason)
{
    m_subscriptionStatus.insert(filter, SubscriptionStatus{tr("refused: %1").arg(reason), true});
    refreshSubscriptionList();
}

void ConnectionView::addSubscriptionFromInputs()
{
    const QString filter = m_subscribeEdit->text().trimmed();
    if (filter.isEmpty() || !TopicFilter::isValidFilter(filter))
        return;
    subscribe(Subscription{filter, m_subscribeQos->currentData().toInt()});
    m_subscribeEdit->clear();
}

void ConnectionView::removeSelectedSubscription()
{
    const auto items = m_subscriptionList->selectedItems();
    if (items.isEmpty())
        return;
    unsubscribe(items.first()->data(0, Qt::UserRole).toString());
}

void ConnectionView::refreshSubscriptionList()
{
    const QList<Subscription> subs = m_connection->subscriptions();
    const QString selected = m_subscriptionList->selectedItems().isEmpty()
                                 ? QString()
                                 : m_subscriptionList->selectedItems().first()->data(0, Qt::UserRole).toString();
    m_subscriptionList->clear();
    const bool connected = m_connection->state() == MqttConnection::State::Connected;
    for (const Subscription &sub : subs) {
        auto *item = new QTreeWidgetItem(m_subscriptionList);
        item->setText(0, sub.filter);
        item->setData(0, Qt::UserRole, sub.filter);
        item->setText(1, QString::number(sub.qos));
        item->setTextAlignment(1, Qt::AlignCenter);
        const SubscriptionStatus status = m_subscriptionStatus.value(sub.filter);
        const QString text = !status.text.isEmpty() ? status.text
                             : connected            ? tr("pending")
                                                    : tr("after connect");
        item->setText(2, text);
        item->setToolTip(2, text);
        if (status.failed)
            item->setForeground(2, ui::errorTextColor(m_subscriptionList->palette()));
        if (sub.filter == selected)
            item->setSelected(true);
    }
    if (m_profile.subscribeSys) {
        // Managed by the connection for the statistics panel; listed so nothing is hidden.
        auto *item = new QTreeWidgetItem(m_subscriptionList);
        item->setText(0, u"$SYS/#"_s);
        item->setText(1, u"0"_s);
        item->setTextAlignment(1, Qt::AlignCenter);
        item->setText(2, tr("broker statistics"));
        item->setFlags(Qt::ItemIsEnabled);
        const QColor dim = m_subscriptionList->palette().color(QPalette::PlaceholderText);
        for (int column = 0; column < 3; ++column)
            item->setForeground(column, dim);
    }
}

void ConnectionView::changeEvent(QEvent *event)
{
    // View › Theme: the colours chosen in code follow the new palette.
    if (event->type() == QEvent::PaletteChange && m_model) {
        m_model->setNewTopicColor(ui::newTopicHighlight(palette()));
        if (m_subscriptionList)
            refreshSubscriptionList();
    }
    QWidget::changeEvent(event);
}

void ConnectionView::promptSubscribe()
{
    QDialog dialog(this);
    dialog.setObjectName(u"subscribeDialog"_s);
    dialog.setWindowTitle(tr("Subscribe"));
    auto *form = new QFormLayout(&dialog);
    auto *filterEdit = new QLineEdit(&dialog);
    filterEdit->setObjectName(u"subscribeDialogFilter"_s);
    filterEdit->setAccessibleName(tr("Topic filter"));
    filterEdit->setPlaceholderText(tr("e.g. shop/+/orders/#"));
    filterEdit->setMinimumWidth(320);
    auto *qos = new QComboBox(&dialog);
    qos->setObjectName(u"subscribeDialogQos"_s);
    qos->setAccessibleName(tr("QoS"));
    qos->addItem(tr("0 – at most once"), 0);
    qos->addItem(tr("1 – at least once"), 1);
    qos->addItem(tr("2 – exactly once"), 2);
    auto *problem = new QLabel(&dialog);
    problem->setStyleSheet(u"color: #c62828;"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Subscribe"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    form->addRow(tr("Topic &filter:"), filterEdit);
    form->addRow(tr("&QoS:"), qos);
    form->addRow(problem);
    form->addRow(buttons);
    connect(filterEdit, &QLineEdit::textChanged, &dialog, [&](const QString &text) {
        const QString f = text.trimmed();
        QString why;
        const bool ok = !f.isEmpty() && TopicFilter::isValidFilter(f, &why);
        buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
        problem->setText(ok || f.isEmpty() ? QString() : why);
    });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    subscribe(Subscription{filterEdit->text().trimmed(), qos->currentData().toInt()});
}

// --- topics -----------------------------------------------------------------------------------

void ConnectionView::applyFilterText(const QString &text)
{
    const QString pattern = text.trimmed();
    m_proxy->setFilter(TopicFilter(pattern));
    if (pattern.isEmpty()) {
        m_filterStatus->clear();
        return;
    }
    // Matches can sit deep in the tree: show them.
    m_tree->expandAll();
    const int shown = m_proxy->rowCount();
    m_filterStatus->setText(shown == 0 ? tr("no matching topics") : QString());
}

void ConnectionView::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (m_autoExpanded >= AutoExpandBudget)
        return;
    int depth = 1;
    for (QModelIndex p = parent; p.isValid(); p = p.parent())
        ++depth;
    for (int row = first; row <= last; ++row)
        autoExpand(m_proxy->index(row, 0, parent), depth);
}

// Rows can arrive with their children already in place (the proxy announces a subtree at
// once), so expansion walks down what exists instead of waiting for more insertions.
void ConnectionView::autoExpand(const QModelIndex &index, int depth)
{
    if (depth > AutoExpandDepth || m_autoExpanded >= AutoExpandBudget || !index.isValid())
        return;
    // Broker statistics are many and rarely the point: leave $SYS folded.
    if (depth == 1 && index.data(Qt::DisplayRole).toString().startsWith(u'$'))
        return;
    // Expanding a row without children yet is remembered by the view: its children show
    // when they arrive.
    const int children = m_proxy->rowCount(index);
    if (!m_tree->isExpanded(index)) {
        m_tree->expand(index);
        ++m_autoExpanded;
    }
    for (int row = 0; row < children; ++row)
        autoExpand(m_proxy->index(row, 0, index), depth + 1);
}

void ConnectionView::onCurrentChanged(const QModelIndex &current)
{
    m_selectedNode = current.isValid()
                         ? TopicTree::NodeId(current.data(TopicTreeModel::NodeIdRole).toUInt())
                         : TopicTree::InvalidId;
    m_inspector->setNode(m_selectedNode);
    refreshDetails();
}

// --- periodic refresh -------------------------------------------------------------------------

void ConnectionView::tick()
{
    // Ages and the "new topic" highlight change with time alone: repaint what is visible
    // instead of announcing every row as changed.
    m_tree->viewport()->update();
    refreshHeader();
    refreshDetails();
    refreshBrokerStats();
    Q_EMIT statsChanged();
}

void ConnectionView::refreshHeader()
{
    const MqttConnection::State s = state();
    m_stateDot->setPixmap(ui::stateDotPixmap(s, 16, devicePixelRatioF()));
    const QString text = stateText();
    if (m_stateLabel->text() != text)
        m_stateLabel->setText(text);
    QPalette pal = m_stateLabel->palette();
    pal.setColor(QPalette::WindowText, s == MqttConnection::State::Failed
                                           ? ui::errorTextColor(palette())
                                           : palette().color(QPalette::WindowText));
    m_stateLabel->setPalette(pal);

    const QString client = m_connection->clientId();
    const QString transport = m_profile.usesTls() ? tr("TLS") : tr("not encrypted");
    const QString endpoint = client.isEmpty()
                                 ? tr("%1  ·  %2").arg(m_profile.url, transport)
                                 : tr("%1  ·  %2  ·  client id %3").arg(m_profile.url, transport, client);
    if (m_endpointLabel->text() != endpoint)
        m_endpointLabel->setText(endpoint);
    m_connectButton->setText(isActive() ? tr("Disconnect") : tr("Connect"));
}

void ConnectionView::refreshDetails()
{
    const TopicTree &tree = m_pipeline->tree();
    if (m_selectedNode == TopicTree::InvalidId || m_selectedNode >= tree.nodeCount()) {
        m_detailsShownCount = ~quint64(0);
        m_detailTopic->clear();
        m_detailTopic->setPlaceholderText(tr("No topic selected"));
        for (QLabel *l : {m_detailMessages, m_detailRate, m_detailLastUpdate})
            l->setText(u"–"_s);
        return;
    }
    const TopicTree::Node &n = tree.node(m_selectedNode);
    m_detailsShownCount = n.subtreeCount;
    const QLocale locale;
    if (const QString topic = tree.topicOf(m_selectedNode); m_detailTopic->text() != topic) {
        m_detailTopic->setText(topic);
        m_detailTopic->setCursorPosition(0);
    }
    if (n.hasMessage && n.subtreeCount != n.messageCount)
        m_detailMessages->setText(tr("%1 on this topic, %2 with subtopics")
                                      .arg(locale.toString(n.messageCount), locale.toString(n.subtreeCount)));
    else if (n.hasMessage)
        m_detailMessages->setText(locale.toString(n.messageCount));
    else
        m_detailMessages->setText(tr("%1 in subtopics (none on this exact topic)")
                                      .arg(locale.toString(n.subtreeCount)));
    m_detailRate->setText(tr("%1 msg/s").arg(ui::formatRate(n.hasMessage ? n.rate : n.subtreeRate)));
    if (n.lastTimestampMs > 0) {
        const qint64 age = qMax<qint64>(0, QDateTime::currentMSecsSinceEpoch() - n.lastTimestampMs);
        m_detailLastUpdate->setText(
            tr("%1 (%2 ago)")
                .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(n.lastTimestampMs),
                                     u"HH:mm:ss"_s),
                     TopicTreeModel::formatAge(age)));
    } else {
        m_detailLastUpdate->setText(u"–"_s);
    }
    m_inspector->refresh();
}

void ConnectionView::refreshBrokerStats()
{
    const SysStats sys = SysStats::read(m_pipeline->tree());
    const bool available = sys.available();
    if (available) {
        const auto rows = sys.rows();
        if (m_statsList->topLevelItemCount() != int(rows.size())) {
            m_statsList->clear();
            for (qsizetype i = 0; i < qsizetype(rows.size()); ++i) {
                auto *item = new QTreeWidgetItem(m_statsList);
                item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            }
        }
        for (qsizetype i = 0; i < qsizetype(rows.size()); ++i) {
            QTreeWidgetItem *item = m_statsList->topLevelItem(int(i));
            item->setText(0, rows.at(i).first);
            item->setToolTip(0, rows.at(i).first);
            item->setText(1, rows.at(i).second);
        }
    } else {
        QString why;
        if (!m_profile.subscribeSys)
            why = tr("Not subscribed to $SYS/#. Turn on \"Also subscribe to $SYS/#\" in the "
                     "connection settings to see broker statistics.");
        else if (m_connection->state() != MqttConnection::State::Connected)
            why = tr("Broker statistics appear once connected.");
        else if (QDateTime::currentMSecsSinceEpoch() - m_connectedSinceMs < SysStatsGraceMs)
            why = tr("Waiting for $SYS statistics…");
        else
            why = tr("This broker publishes no $SYS statistics");
        m_statsEmptyLabel->setText(why);
    }
    m_statsList->setVisible(available);
    m_statsEmptyLabel->setVisible(!available);
}

} // namespace tideline
