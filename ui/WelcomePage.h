#pragma once

#include <QStringList>
#include <QWidget>

class QAbstractButton;
class QCommandLinkButton;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace tideline {

// What the main window shows while no connection tab is open: the first things to do (open the
// demo, connect to a broker, add a cluster or a metric source) and the recent workspaces.
//
// The page only asks; whoever owns the feature connects to the signal. An action whose signal
// nobody listens to is disabled and says so in its tooltip, so the page never offers something
// this build cannot do. Owns only its widgets.
class WelcomePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    // Newest first; the list shows the file name and its folder.
    void setRecentWorkspaces(const QStringList &paths);

    QCommandLinkButton *demoButton() const { return m_demo; }
    QCommandLinkButton *newConnectionButton() const { return m_newConnection; }
    QCommandLinkButton *addClusterButton() const { return m_addCluster; }
    QCommandLinkButton *addMetricSourceButton() const { return m_addMetricSource; }
    QPushButton *openWorkspaceButton() const { return m_openWorkspace; }
    QListWidget *recentList() const { return m_recent; }

Q_SIGNALS:
    void demoRequested();
    void newConnectionRequested();
    void addClusterRequested();
    void addMetricSourceRequested();
    void openWorkspaceRequested();
    void recentWorkspaceRequested(const QString &path);

protected:
    void connectNotify(const QMetaMethod &signal) override;
    void disconnectNotify(const QMetaMethod &signal) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildHeader();
    QWidget *buildStartPanel();
    QWidget *buildRecentPanel();
    void updateAvailability();
    void updateIcons();

    QLabel *m_logo = nullptr;
    QCommandLinkButton *m_demo = nullptr;
    QCommandLinkButton *m_newConnection = nullptr;
    QCommandLinkButton *m_addCluster = nullptr;
    QCommandLinkButton *m_addMetricSource = nullptr;
    QPushButton *m_openWorkspace = nullptr;
    QStackedWidget *m_recentStack = nullptr;
    QListWidget *m_recent = nullptr;
    QLabel *m_recentEmpty = nullptr;
    QList<QLabel *> m_dimLabels;
};

} // namespace tideline
