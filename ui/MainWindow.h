#pragma once

#include "mqtt/ConnectionProfile.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QToolBar;

namespace tideline {

class ConnectionView;
class CredentialStore;

// The application window: menus, toolbar, one tab per open connection and a status bar that
// describes the current tab.
//
// Owns the CredentialStore shared by all tabs and the ConnectionViews (through the tab widget).
// Window geometry, toolbar state and panel visibility persist in QSettings (ui/Settings.h).
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
    void closeCurrentConnection();

    ConnectionView *currentView() const;
    ConnectionView *viewAt(int tabIndex) const;
    int connectionCount() const;
    QTabWidget *tabWidget() const { return m_tabs; }
    CredentialStore *credentialStore() const { return m_store; }

    QAction *newConnectionAction() const { return m_newAction; }
    QAction *connectAction() const { return m_connectAction; }
    QAction *subscribeAction() const { return m_subscribeAction; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    QWidget *createEmptyPage();
    void restoreWindowState();
    void saveWindowState() const;

    void onCurrentTabChanged();
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
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_subscribeAction = nullptr;
    QAction *m_subscriptionsPanelAction = nullptr;
    QAction *m_brokerStatsPanelAction = nullptr;
    QAction *m_detailsPanelAction = nullptr;
    QAction *m_statusBarAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;

    QLabel *m_statusState = nullptr;
    QLabel *m_statusMessages = nullptr;
    QLabel *m_statusRate = nullptr;
    QLabel *m_statusTopics = nullptr;
    QLabel *m_statusHistory = nullptr;
    QLabel *m_statusWarning = nullptr;
};

} // namespace tideline
