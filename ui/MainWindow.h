#pragma once

#include "core/Result.h"
#include "mqtt/ConnectionProfile.h"

#include <QJsonObject>
#include <QMainWindow>

#include <optional>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QToolBar;

namespace tideline {

class ClusterView;
class CommandPalette;
class ConnectionView;
class CredentialStore;
class PreferenceMenus;
class WelcomePage;
class WorkspaceController;

// The application window: menus, toolbar, one tab per open connection and a status bar that
// describes the current tab; the welcome page while no tab is open.
//
// Owns the CredentialStore shared by all tabs and the ConnectionViews (through the tab widget),
// the WorkspaceController (File › workspaces, title and modified marker), the CommandPalette
// (Ctrl+K) and the View › Theme/Language menus. Window geometry, toolbar state and panel
// visibility persist in QSettings (ui/Settings.h), and per workspace in its file.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    static constexpr QSize DefaultSize{1400, 860};

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a tab for `profile` and connects. Secrets given here are used as they are; missing
    // ones the profile says are stored come from the keychain, asynchronously.
    ConnectionView *openConnection(const ConnectionProfile &profile,
                                   const std::optional<QString> &password = std::nullopt,
                                   const std::optional<QString> &keyPassphrase = std::nullopt);
    // Runs the connection dialog and opens what it returns.
    void newConnection();
    void closeConnection(int tabIndex);
    // A tab for one kubeconfig context (empty: current-context). A broken kubeconfig shows its
    // error in a message box and the log, and returns nullptr.
    ClusterView *openCluster(const QString &kubeconfigPath, const QString &context = {});
    // A cluster tab as a workspace saved it (ClusterView::toJson(), links from the workspace).
    // A broken one returns nullptr and says why in `error`, without a message box: the caller
    // reports every tab that did not reopen at once.
    ClusterView *restoreCluster(const QJsonObject &state, Error *error);
    // "Add a cluster from kubeconfig…": picks the file, then openCluster().
    void addClusterFromKubeconfig();
    QAction *addClusterAction() const { return m_addClusterAction; }
    void closeCurrentConnection();

    ConnectionView *currentView() const;
    ConnectionView *viewAt(int tabIndex) const;
    int connectionCount() const;
    QTabWidget *tabWidget() const { return m_tabs; }
    CredentialStore *credentialStore() const { return m_store; }

    QAction *newConnectionAction() const { return m_newAction; }
    QAction *connectAction() const { return m_connectAction; }
    QAction *subscribeAction() const { return m_subscribeAction; }
    QAction *publishPanelAction() const { return m_publishPanelAction; }
    QAction *commandPaletteAction() const { return m_paletteAction; }
    QAction *shortcutsAction() const { return m_shortcutsAction; }

    // Shown while no connection is open; parts that offer the demo, clusters or metric
    // sources connect to its signals (an unconnected action stays disabled).
    WelcomePage *welcomePage() const { return m_welcome; }
    // The workspace file, its File menu entries and the sections other parts store in it.
    WorkspaceController *workspaces() const { return m_workspaces; }
    // Ctrl+K; other parts add their items with commandPalette()->addProvider().
    CommandPalette *commandPalette() const { return m_palette; }
    PreferenceMenus *preferenceMenus() const { return m_preferences; }

    void showCommandPalette();
    void showKeyboardShortcuts();

Q_SIGNALS:
    // A tab was added (after it started connecting) or closed.
    void connectionOpened(tideline::ConnectionView *view);
    void connectionClosed();
    // A cluster tab was added (it is closed by deleting it).
    void clusterOpened(tideline::ClusterView *view);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // openCluster() and restoreCluster(): from a kubeconfig, or from `state` when it is not empty.
    ClusterView *openClusterTab(const QString &kubeconfigPath, const QString &context, const QJsonObject &state,
                                Error *error);
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    QWidget *createEmptyPage();
    void restoreWindowState();
    void saveWindowState() const;

    void onCurrentTabChanged();
    void updateWindowTitle();
    void updateActions();
    void updateStatusBar();
    void updateTab(ConnectionView *view);
    void toggleCurrentConnection();
    void subscribeInCurrent();
    void setPanelVisible(int panel, bool visible);
    void showAbout();

    CredentialStore *m_store = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_emptyPage = nullptr;
    QTabWidget *m_tabs = nullptr;
    QToolBar *m_toolBar = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_addClusterAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_subscribeAction = nullptr;
    QAction *m_subscriptionsPanelAction = nullptr;
    QAction *m_brokerStatsPanelAction = nullptr;
    QAction *m_detailsPanelAction = nullptr;
    QAction *m_publishPanelAction = nullptr;
    QAction *m_statusBarAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QAction *m_paletteAction = nullptr;
    QAction *m_shortcutsAction = nullptr;

    WelcomePage *m_welcome = nullptr;
    WorkspaceController *m_workspaces = nullptr;
    CommandPalette *m_palette = nullptr;
    PreferenceMenus *m_preferences = nullptr;

    QLabel *m_statusState = nullptr;
    QLabel *m_statusMessages = nullptr;
    QLabel *m_statusRate = nullptr;
    QLabel *m_statusTopics = nullptr;
    QLabel *m_statusHistory = nullptr;
    QLabel *m_statusWarning = nullptr;
};

} // namespace tideline
