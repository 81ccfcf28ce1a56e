#include "MainWindow.h"

#include "ClusterView.h"
#include "ClusterWorkspaceSection.h"
#include "CommandPalette.h"
#include "ConnectionDialog.h"
#include "ConnectionView.h"
#include "MetricsDashboard.h"
#include "PaletteProviders.h"
#include "PreferenceMenus.h"
#include "Settings.h"
#include "ShortcutsDialog.h"
#include "StateStyle.h"
#include "WelcomePage.h"
#include "WorkspaceController.h"
#include "core/HistoryStore.h"
#include "core/Logging.h"
#include "secrets/CredentialStore.h"

#include <MQTTAsync.h>
#include <mqtt/async_client.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

QString pahoCVersion()
{
    for (const MQTTAsync_nameValue *v = MQTTAsync_getVersionInfo(); v && v->name; ++v) {
        if (qstrcmp(v->name, "Version") == 0)
            return QString::fromLatin1(v->value);
    }
    return QStringLiteral("?");
}

QString pahoCppVersion()
{
    const quint32 v = mqtt::VERSION;
    return u"%1.%2.%3"_s.arg((v >> 24) & 0xff).arg((v >> 16) & 0xff).arg((v >> 8) & 0xff);
}

QLabel *statusLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setContentsMargins(6, 0, 6, 0);
    return label;
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Tideline"));
    m_store = new CredentialStore(u"Tideline"_s, this);

    m_stack = new QStackedWidget(this);
    m_emptyPage = createEmptyPage();
    m_stack->addWidget(m_emptyPage);
    m_tabs = new QTabWidget(m_stack);
    m_tabs->setObjectName(u"connectionTabs"_s);
    m_tabs->setAccessibleName(tr("Connections"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->tabBar()->setExpanding(false);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    m_workspaces = new WorkspaceController(this);
    createActions();
    createMenus();
    createToolBar();
    createStatusBar();

    m_palette = new CommandPalette(this);
    m_palette->addProvider([this] { return palette::commandItems(menuBar()); });
    m_palette->addProvider([this] { return palette::topicItems(currentView()); });
    connect(m_workspaces, &WorkspaceController::stateChanged, this, &MainWindow::updateWindowTitle);
    connect(m_workspaces, &WorkspaceController::recentChanged, m_welcome, &WelcomePage::setRecentWorkspaces);
    m_welcome->setRecentWorkspaces(m_workspaces->recentPaths());

    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeConnection);

    // The "Queue depth" dock (before restoring the layout, so its visibility is restored too).
    MetricsDashboard::attachTo(this);
    // Cluster tabs are saved in the workspace ("kubernetes") and reopened with it.
    ClusterWorkspaceSection::attachTo(this);

    resize(DefaultSize);
    restoreWindowState();
    onCurrentTabChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_newAction = new QAction(tr("&New connection…"), this);
    m_newAction->setObjectName(u"newConnectionAction"_s);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setIcon(style()->standardIcon(QStyle::SP_FileDialogNewFolder));
    m_newAction->setToolTip(tr("Open a connection to an MQTT broker"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newConnection);

    m_addClusterAction = new QAction(tr("Add a &cluster from kubeconfig…"), this);
    m_addClusterAction->setObjectName(u"addClusterAction"_s);
    m_addClusterAction->setToolTip(tr("Open a Kubernetes cluster context: workloads, autoscalers and scaling events"));
    connect(m_addClusterAction, &QAction::triggered, this, &MainWindow::addClusterFromKubeconfig);

    m_closeAction = new QAction(tr("&Close connection"), this);
    m_closeAction->setObjectName(u"closeConnectionAction"_s);
    m_closeAction->setShortcut(QKeySequence::Close);
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeCurrentConnection);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_connectAction = new QAction(tr("Connect"), this);
    m_connectAction->setObjectName(u"connectAction"_s);
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::toggleCurrentConnection);

    m_subscribeAction = new QAction(tr("&Subscribe…"), this);
    m_subscribeAction->setObjectName(u"subscribeAction"_s);
    m_subscribeAction->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    m_subscribeAction->setToolTip(tr("Subscribe the current connection to another topic filter"));
    connect(m_subscribeAction, &QAction::triggered, this, &MainWindow::subscribeInCurrent);

    const auto s = settings::open();
    auto panelAction = [&](const QString &text, const QString &objectName,
                           const settings::Key<bool> &key, int panel) {
        auto *action = new QAction(text, this);
        action->setObjectName(objectName);
        action->setCheckable(true);
        action->setChecked(key.read(*s));
        connect(action, &QAction::toggled, this,
                [this, panel](bool on) { setPanelVisible(panel, on); });
        return action;
    };
    m_subscriptionsPanelAction = panelAction(tr("&Subscriptions panel"), u"viewSubscriptionsAction"_s,
                                             settings::ShowSubscriptionsPanel,
                                             int(ConnectionView::Panel::Subscriptions));
    m_brokerStatsPanelAction = panelAction(tr("&Broker statistics panel"), u"viewBrokerStatsAction"_s,
                                           settings::ShowBrokerStatsPanel,
                                           int(ConnectionView::Panel::BrokerStats));
    m_detailsPanelAction = panelAction(tr("Topic &details panel"), u"viewTopicDetailsAction"_s,
                                       settings::ShowTopicDetailsPanel,
                                       int(ConnectionView::Panel::TopicDetails));
    m_publishPanelAction = panelAction(tr("&Publish panel"), u"viewPublishAction"_s, settings::ShowPublishPanel,
                                       int(ConnectionView::Panel::Publish));
    m_publishPanelAction->setIconText(tr("Publish"));
    m_publishPanelAction->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_publishPanelAction->setToolTip(tr("Show the panel for publishing test messages, templates and bursts"));

    m_statusBarAction = new QAction(tr("Status &bar"), this);
    m_statusBarAction->setObjectName(u"viewStatusBarAction"_s);
    m_statusBarAction->setCheckable(true);
    m_statusBarAction->setChecked(settings::ShowStatusBar.read(*s));
    connect(m_statusBarAction, &QAction::toggled, this, [this](bool on) {
        statusBar()->setVisible(on);
        const auto st = settings::open();
        settings::ShowStatusBar.write(*st, on);
    });

    m_aboutAction = new QAction(tr("&About Tideline"), this);
    m_aboutAction->setObjectName(u"aboutAction"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    m_paletteAction = new QAction(tr("&Command palette…"), this);
    m_paletteAction->setObjectName(u"commandPaletteAction"_s);
    // Ctrl+K as in most tools; Ctrl+Shift+P also works where a line edit keeps Ctrl+K.
    m_paletteAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    m_paletteAction->setToolTip(tr("Find any command, or jump to a topic"));
    connect(m_paletteAction, &QAction::triggered, this, &MainWindow::showCommandPalette);

    m_shortcutsAction = new QAction(tr("&Keyboard shortcuts"), this);
    m_shortcutsAction->setObjectName(u"keyboardShortcutsAction"_s);
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showKeyboardShortcuts);

    m_preferences = new PreferenceMenus(this);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_addClusterAction);
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    m_workspaces->addToMenu(file);

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    connection->addAction(m_connectAction);
    connection->addAction(m_subscribeAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(u"viewMenu"_s);
    view->addAction(m_paletteAction);
    view->addSeparator();
    view->addAction(m_subscriptionsPanelAction);
    view->addAction(m_brokerStatsPanelAction);
    view->addAction(m_detailsPanelAction);
    view->addAction(m_publishPanelAction);
    view->addSeparator();
    m_toolBar = new QToolBar(tr("Main toolbar"), this);
    view->addAction(m_toolBar->toggleViewAction());
    view->addAction(m_statusBarAction);
    view->addSeparator();
    view->addMenu(m_preferences->themeMenu());
    view->addMenu(m_preferences->languageMenu());
    view->addAction(m_preferences->alertNotificationsAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::createToolBar()
{
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_newAction);
    m_toolBar->addAction(m_connectAction);
    m_toolBar->addAction(m_subscribeAction);
    m_toolBar->addAction(m_publishPanelAction);
    addToolBar(Qt::TopToolBarArea, m_toolBar);
}

void MainWindow::createStatusBar()
{
    QStatusBar *bar = statusBar();
    bar->setObjectName(u"statusBar"_s);
    m_statusState = statusLabel(bar, u"statusState"_s);
    m_statusState->setAccessibleName(tr("Connection state"));
    QFont bold = m_statusState->font();
    bold.setBold(true);
    m_statusState->setFont(bold);
    bar->addWidget(m_statusState, 1);

    m_statusWarning = statusLabel(bar, u"statusWarning"_s);
    m_statusWarning->setAccessibleName(tr("Warnings"));
    m_statusMessages = statusLabel(bar, u"statusMessages"_s);
    m_statusMessages->setAccessibleName(tr("Messages received"));
    m_statusRate = statusLabel(bar, u"statusRate"_s);
    m_statusRate->setAccessibleName(tr("Message rate"));
    m_statusTopics = statusLabel(bar, u"statusTopics"_s);
    m_statusTopics->setAccessibleName(tr("Topics"));
    m_statusHistory = statusLabel(bar, u"statusHistory"_s);
    m_statusHistory->setAccessibleName(tr("Message history memory"));
    m_statusHistory->setToolTip(tr("Message history kept in memory for this connection, and "
                                   "its budget. Past the budget the oldest history goes first; "
                                   "counts and last values stay exact."));
    bar->addPermanentWidget(m_statusWarning);
    bar->addPermanentWidget(m_statusMessages);
    bar->addPermanentWidget(m_statusRate);
    bar->addPermanentWidget(m_statusTopics);
    bar->addPermanentWidget(m_statusHistory);
    bar->setVisible(m_statusBarAction->isChecked());
}

QWidget *MainWindow::createEmptyPage()
{
    m_welcome = new WelcomePage(this);
    connect(m_welcome, &WelcomePage::newConnectionRequested, this, &MainWindow::newConnection);
    connect(m_welcome, &WelcomePage::addClusterRequested, this, &MainWindow::addClusterFromKubeconfig);
    connect(m_welcome, &WelcomePage::openWorkspaceRequested, this,
            [this] { m_workspaces->openWithDialog(); });
    connect(m_welcome, &WelcomePage::recentWorkspaceRequested, this,
            [this](const QString &path) { m_workspaces->openRecent(path); });
    return m_welcome;
}

void MainWindow::restoreWindowState()
{
    const auto s = settings::open();
    if (const QByteArray geometry = settings::MainWindowGeometry.read(*s); !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = settings::MainWindowState.read(*s); !state.isEmpty())
        restoreState(state);
}

void MainWindow::saveWindowState() const
{
    const auto s = settings::open();
    settings::MainWindowGeometry.write(*s, saveGeometry());
    settings::MainWindowState.write(*s, saveState());
    if (ConnectionView *view = currentView())
        view->saveLayout();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_workspaces->maybeSave()) {
        event->ignore();
        return;
    }
    saveWindowState();
    // Disconnect cleanly (the broker logs a goodbye, not a dropped socket).
    while (m_tabs->count() > 0)
        closeConnection(0);
    event->accept();
}

// --- connections ------------------------------------------------------------------------------

ConnectionView *MainWindow::openConnection(const ConnectionProfile &profile,
                                           const std::optional<QString> &password,
                                           const std::optional<QString> &keyPassphrase)
{
    auto *view = new ConnectionView(profile, m_store, m_tabs);
    view->setPanelVisible(ConnectionView::Panel::Subscriptions, m_subscriptionsPanelAction->isChecked());
    view->setPanelVisible(ConnectionView::Panel::BrokerStats, m_brokerStatsPanelAction->isChecked());
    view->setPanelVisible(ConnectionView::Panel::TopicDetails, m_detailsPanelAction->isChecked());
    view->setPanelVisible(ConnectionView::Panel::Publish, m_publishPanelAction->isChecked());
    view->setSecrets(password, keyPassphrase);

    const int index = m_tabs->addTab(view, profile.displayName());
    connect(view, &ConnectionView::stateChanged, this, [this, view] {
        updateTab(view);
        if (view == currentView())
            updateActions();
    });
    connect(view, &ConnectionView::statsChanged, this, [this, view] {
        if (view == currentView())
            updateStatusBar();
    });
    m_stack->setCurrentWidget(m_tabs);
    m_tabs->setCurrentIndex(index);
    updateTab(view);
    view->connectToBroker();
    updateActions();
    updateStatusBar();
    Q_EMIT connectionOpened(view);
    return view;
}

void MainWindow::newConnection()
{
    ConnectionDialog dialog(m_store, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPointer<MainWindow> self(this);
    dialog.applySecrets([self](const QString &message) {
        if (self)
            self->statusBar()->showMessage(message, 15000);
    });
    openConnection(dialog.profile(), dialog.password(), dialog.keyPassphrase());
}

ClusterView *MainWindow::openCluster(const QString &kubeconfigPath, const QString &context)
{
    return openClusterTab(kubeconfigPath, context, {}, nullptr);
}

ClusterView *MainWindow::restoreCluster(const QJsonObject &state, Error *error)
{
    // The workspace holds the links; a saved tab's own copy would be stale.
    QJsonObject withLinks = state;
    withLinks.insert(u"links"_s, WorkloadLinks{m_workspaces->workloadLinks()}.toJson());
    return openClusterTab({}, {}, withLinks, error);
}

ClusterView *MainWindow::openClusterTab(const QString &kubeconfigPath, const QString &context,
                                        const QJsonObject &state, Error *error)
{
    // The workspace's history file, shared by every cluster tab and the dashboard, so the
    // scaling timeline outlives the API server's event TTL.
    HistoryStore *history = m_workspaces->history();
    // The cluster's timeline draws linked queues from the dashboard's series, live.
    const auto *dashboard = findChild<MetricsDashboard *>();
    auto *view = new ClusterView(dashboard ? dashboard->timeSeries() : nullptr, m_tabs);
    view->setHistoryStore(history);
    view->setWorkloadLinks(WorkloadLinks{m_workspaces->workloadLinks()});
    if (auto r = state.isEmpty() ? view->open(kubeconfigPath, context) : view->fromJson(state); !r) {
        delete view;
        qCWarning(lcKube).noquote() << "cannot open the cluster:" << r.error().message;
        if (error)
            *error = r.error();
        else
            QMessageBox::warning(this, tr("Cannot open the cluster"), r.error().message);
        return nullptr;
    }
    const int index = m_tabs->addTab(view, view->displayName());
    const auto updateClusterTab = [this, view] {
        const int i = m_tabs->indexOf(view);
        if (i < 0)
            return;
        m_tabs->setTabText(i, view->displayName());
        m_tabs->setTabToolTip(i, view->stateText());
        m_tabs->setTabIcon(i, ui::stateDotIcon(view->hasError() ? MqttConnection::State::Failed
                                                                : MqttConnection::State::Connected));
    };
    connect(view, &ClusterView::stateChanged, this, updateClusterTab);
    connect(view, &ClusterView::workloadLinksChanged, this, [this, view] {
        // This context's links from the view, every other context's as the workspace had them.
        QList<WorkloadLink> links = view->workloadLinks().links;
        for (const WorkloadLink &l : m_workspaces->workloadLinks()) {
            if (l.context != view->contextName())
                links.append(l);
        }
        m_workspaces->setWorkloadLinks(links);
    });
    m_stack->setCurrentWidget(m_tabs);
    m_tabs->setCurrentIndex(index);
    updateClusterTab();
    Q_EMIT clusterOpened(view);
    return view;
}

void MainWindow::addClusterFromKubeconfig()
{
    const QStringList defaults = kube::KubeConfig::defaultPaths();
    const QString start = defaults.isEmpty() ? QDir::homePath() : defaults.constFirst();
    const QString path = QFileDialog::getOpenFileName(this, tr("Add a cluster from kubeconfig"), start,
                                                      tr("Kubeconfig files (*config* *.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openCluster(path);
}

void MainWindow::closeConnection(int tabIndex)
{
    if (auto *cluster = qobject_cast<ClusterView *>(m_tabs->widget(tabIndex))) {
        m_tabs->removeTab(tabIndex);
        cluster->deleteLater();
        if (m_tabs->count() == 0)
            m_stack->setCurrentWidget(m_emptyPage);
        onCurrentTabChanged();
        return;
    }
    ConnectionView *view = viewAt(tabIndex);
    if (!view)
        return;
    view->saveLayout();
    view->disconnectFromBroker();
    m_tabs->removeTab(tabIndex);
    view->deleteLater();
    if (m_tabs->count() == 0) {
        m_welcome->setRecentWorkspaces(m_workspaces->recentPaths());
        m_stack->setCurrentWidget(m_emptyPage);
    }
    onCurrentTabChanged();
    Q_EMIT connectionClosed();
}

void MainWindow::closeCurrentConnection()
{
    if (m_tabs->count() > 0)
        closeConnection(m_tabs->currentIndex());
}

ConnectionView *MainWindow::currentView() const
{
    return qobject_cast<ConnectionView *>(m_tabs->currentWidget());
}

ConnectionView *MainWindow::viewAt(int tabIndex) const
{
    return qobject_cast<ConnectionView *>(m_tabs->widget(tabIndex));
}

int MainWindow::connectionCount() const
{
    return m_tabs->count();
}

void MainWindow::toggleCurrentConnection()
{
    ConnectionView *view = currentView();
    if (!view)
        return;
    if (view->isActive())
        view->disconnectFromBroker();
    else
        view->connectToBroker();
    updateActions();
}

void MainWindow::subscribeInCurrent()
{
    if (ConnectionView *view = currentView())
        view->promptSubscribe();
}

void MainWindow::setPanelVisible(int panel, bool visible)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (ConnectionView *view = viewAt(i))
            view->setPanelVisible(ConnectionView::Panel(panel), visible);
    }
    const auto s = settings::open();
    switch (ConnectionView::Panel(panel)) {
    case ConnectionView::Panel::Subscriptions:
        settings::ShowSubscriptionsPanel.write(*s, visible);
        break;
    case ConnectionView::Panel::BrokerStats:
        settings::ShowBrokerStatsPanel.write(*s, visible);
        break;
    case ConnectionView::Panel::TopicDetails:
        settings::ShowTopicDetailsPanel.write(*s, visible);
        break;
    case ConnectionView::Panel::Publish:
        settings::ShowPublishPanel.write(*s, visible);
        break;
    }
}

// --- presentation -----------------------------------------------------------------------------

void MainWindow::onCurrentTabChanged()
{
    updateWindowTitle();
    updateActions();
    updateStatusBar();
}

void MainWindow::updateWindowTitle()
{
    // "[*]" is where Qt puts the modified marker.
    const ConnectionView *view = currentView();
    const QString connection = view ? view->profile().displayName() : QString();
    QString title;
    if (m_workspaces && (m_workspaces->hasFile() || m_workspaces->isModified())) {
        const QString workspace = m_workspaces->displayName();
        title = view ? tr("%1[*] – %2 – Tideline").arg(workspace, connection) : tr("%1[*] – Tideline").arg(workspace);
    } else {
        title = view ? tr("%1[*] – Tideline").arg(connection) : tr("Tideline[*]");
    }
    setWindowTitle(title);
    setWindowModified(m_workspaces && m_workspaces->isModified());
}

void MainWindow::showCommandPalette()
{
    m_palette->popup();
}

void MainWindow::showKeyboardShortcuts()
{
    ShortcutsDialog dialog(menuBar(), this);
    dialog.exec();
}

void MainWindow::updateActions()
{
    ConnectionView *view = currentView();
    m_closeAction->setEnabled(view);
    m_subscribeAction->setEnabled(view);
    m_connectAction->setEnabled(view);
    const bool active = view && view->isActive();
    m_connectAction->setText(active ? tr("Disconnect") : tr("Connect"));
    m_connectAction->setToolTip(active ? tr("Disconnect from the broker (stop reconnecting)")
                                       : tr("Connect to the broker"));
    m_connectAction->setIcon(style()->standardIcon(active ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    // Publishing needs a broker that answers; the tooltip says why the button is grey.
    const bool connected = view && view->state() == MqttConnection::State::Connected;
    m_publishPanelAction->setEnabled(connected);
    m_publishPanelAction->setToolTip(
        connected ? tr("Show the panel for publishing test messages, templates and bursts")
        : active  ? tr("Publishing waits until the broker answers")
        : view    ? tr("Publishing needs a connected broker: connect this connection first")
                  : tr("Publishing needs an MQTT connection: open one first"));
}

void MainWindow::updateTab(ConnectionView *view)
{
    const int index = m_tabs->indexOf(view);
    if (index < 0)
        return;
    m_tabs->setTabIcon(index, ui::stateDotIcon(view->state()));
    m_tabs->setTabText(index, view->profile().displayName());
    m_tabs->setTabToolTip(index, tr("%1\n%2").arg(view->profile().url, view->stateText()));
}

void MainWindow::updateStatusBar()
{
    ConnectionView *view = currentView();
    const QList<QLabel *> details = {m_statusMessages, m_statusRate, m_statusTopics, m_statusHistory};
    if (!view) {
        m_statusState->setText(tr("No connection"));
        m_statusState->setStyleSheet({});
        m_statusWarning->setStyleSheet({});
        for (QLabel *l : details)
            l->hide();
        m_statusWarning->hide();
        return;
    }
    const ConnectionView::Stats s = view->stats();
    if (m_statusState->text() != s.stateText)
        m_statusState->setText(s.stateText);
    // Colours follow the theme: the light and the dark palette need different shades.
    const QString stateStyle = s.state == MqttConnection::State::Failed
                                   ? u"QLabel { color: %1; }"_s.arg(ui::errorTextColor(palette()).name())
                                   : QString();
    if (m_statusState->styleSheet() != stateStyle)
        m_statusState->setStyleSheet(stateStyle);
    const QString warningStyle =
        u"QLabel { color: %1; font-weight: bold; }"_s.arg(ui::warningTextColor(palette()).name());
    if (m_statusWarning->styleSheet() != warningStyle)
        m_statusWarning->setStyleSheet(warningStyle);
    m_statusMessages->setText(tr("Messages: %1").arg(ui::formatCount(s.messages)));
    m_statusRate->setText(tr("%1 msg/s").arg(ui::formatRate(s.rate)));
    m_statusTopics->setText(tr("Topics: %1").arg(ui::formatCount(s.topics)));
    m_statusHistory->setText(tr("History: %1 / %2")
                                 .arg(ui::formatBytes(s.historyBytes), ui::formatBytes(s.historyBudget)));
    for (QLabel *l : details)
        l->show();

    QStringList warnings;
    if (s.historyTrimmed)
        warnings << tr("⚠ history trimmed: oldest messages dropped");
    if (s.shedMessages > 0)
        warnings << tr("⚠ %1 messages shed under load (counts still exact)").arg(ui::formatCount(s.shedMessages));
    m_statusWarning->setText(warnings.join(u"   "_s));
    m_statusWarning->setVisible(!warnings.isEmpty());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Tideline"),
        tr("<h3>Tideline %1</h3>"
           "<p>A desktop console for queue-based systems: live MQTT topics, payloads, queue "
           "depth and Kubernetes scaling.</p>"
           "<p>Qt %2 (built with %3)<br/>Eclipse Paho MQTT C++ %4, Paho MQTT C %5</p>")
            .arg(QStringLiteral(TIDELINE_VERSION),
                 QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR), pahoCppVersion(),
                 pahoCVersion()));
}

} // namespace tideline
