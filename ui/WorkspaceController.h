#pragma once

#include "core/Result.h"
#include "core/Workspace.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>

class QAction;
class QMenu;

namespace tideline {

class ConnectionView;
class HistoryStore;
class MainWindow;

// The main window's workspace: which file it is, whether it changed since it was saved, and
// the File menu's New / Open… / Save / Save as… / Recent workspaces.
//
// The workspace is collected from the window when needed: the open connection tabs (with their
// current subscriptions), the window layout, and the named sections other parts register
// (dashboards, metric sources, Kubernetes) — a section's owner supplies a function that
// returns its JSON and one that takes it back when a workspace opens. Sections nobody
// registered are kept as they were read, so an older build does not drop a newer part's data.
//
// "Modified" compares the collected content (not the layout) with what was last saved or
// opened. Only a workspace that has a file asks to be saved before it is replaced or the
// window closes; an untitled one does not nag.
class WorkspaceController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceController)

public:
    using SectionSaver = std::function<QJsonObject()>;
    using SectionLoader = std::function<void(const QJsonObject &)>;

    explicit WorkspaceController(MainWindow *window);
    ~WorkspaceController() override;

    // New workspace, Open workspace…, Open recent ›, Save, Save as…, then a separator.
    void addToMenu(QMenu *fileMenu);
    QAction *newAction() const { return m_newAction; }
    QAction *openAction() const { return m_openAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveAsAction() const { return m_saveAsAction; }
    QMenu *recentMenu() const { return m_recentMenu; }

    QString filePath() const { return m_path; }
    bool hasFile() const { return !m_path.isEmpty(); }
    // The file's base name, or "Untitled workspace".
    QString displayName() const;
    bool isModified() const { return m_modified; }

    // The workspace as the window has it now.
    Workspace current() const;

    // Replaces the window's connections, sections and layout with the file's (no questions).
    Result<void> open(const QString &path);
    Result<void> saveTo(const QString &path);

    // The interactive versions: ask before discarding changes, show errors in a message box.
    void newWorkspace();
    void openWithDialog();
    void openRecent(const QString &path);
    bool save();   // Save as… when there is no file yet; false when cancelled or failed
    bool saveAs();
    // Before the workspace goes away: true to go on (saved, discarded, or nothing to save).
    bool maybeSave();
    // Off for scripted runs (--screenshot/--quit-after), where nobody can answer.
    void setAskToSave(bool ask) { m_askToSave = ask; }

    // A part's own configuration inside the workspace; see the class comment.
    void registerSection(const QString &name, SectionSaver saver, SectionLoader loader);
    QJsonObject section(const QString &name) const;
    // For parts that keep no live state: stores the section and updates the modified flag.
    void setSection(const QString &name, const QJsonObject &value);

    // The workspace's local history (metric samples, scaling events): one SQLite file per
    // workspace, <AppDataLocation>/history/<name>-<hash of its path>.sqlite, untitled.sqlite for
    // an untitled one. Opened on first use; switched before another workspace's sections are
    // applied; carried along (moved from untitled, copied otherwise) by Save as…. Null when the
    // file cannot be opened (logged, and said in the status bar).
    HistoryStore *history();
    static QString historyPathFor(const QString &workspacePath);
    // Records into `path` until another workspace opens or starts (the demo's own history,
    // which starts empty and goes with the demo).
    Result<void> useHistoryFile(const QString &path);

    QList<WorkloadLink> workloadLinks() const { return m_links; }
    void setWorkloadLinks(const QList<WorkloadLink> &links);

    QStringList recentPaths() const;

    // Something that is part of the workspace changed; re-evaluates the modified flag.
    void updateModified();

Q_SIGNALS:
    // The file, its name or the modified flag changed (the window title follows).
    void stateChanged();
    void recentChanged(const QStringList &paths);
    // A workspace was opened or a new one started, after its connections were opened.
    void workspaceReplaced();

private:
    void createActions();
    void rebuildRecentMenu();
    void addRecent(const QString &path);
    void closeAllConnections();
    void applySections(const Workspace &ws);
    void markSaved(const QString &path);
    void watchView(ConnectionView *view);
    QJsonObject contentJson(bool askSections) const;
    void showError(const QString &title, const QString &message) const;
    // Points the history store (if created) at `path`; with `carry`, the current file's content
    // goes along when `path` has none yet.
    Result<void> switchHistory(const QString &path, bool carry);

    QPointer<MainWindow> m_window;
    QString m_path;
    bool m_modified = false;
    bool m_askToSave = true;
    bool m_replacing = false; // opening a workspace: its own tabs do not count as changes
    QJsonObject m_savedContent;
    mutable QMap<QString, QJsonObject> m_sections; // last known content of every section
    std::map<QString, std::pair<SectionSaver, SectionLoader>> m_handlers;
    QList<WorkloadLink> m_links;
    QPointer<HistoryStore> m_history;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace tideline
