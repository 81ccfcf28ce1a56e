#include "WorkspaceController.h"

#include "ConnectionView.h"
#include "MainWindow.h"
#include "Settings.h"
#include "core/HistoryStore.h"
#include "core/Logging.h"
#include "mqtt/MqttConnection.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

QString fileFilter()
{
    return WorkspaceController::tr("Tideline workspaces (*.%1);;All files (*)").arg(Workspace::fileSuffix());
}

// Where the file dialogs start when no workspace was opened or saved yet.
QString startDirectory()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

} // namespace

WorkspaceController::WorkspaceController(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(u"workspaceController"_s);
    createActions();

    connect(window, &MainWindow::connectionOpened, this, [this](ConnectionView *view) {
        watchView(view);
        if (!m_replacing)
            updateModified();
    });
    connect(window, &MainWindow::connectionClosed, this, [this] {
        if (!m_replacing)
            updateModified();
    });
    connect(window->tabWidget()->tabBar(), &QTabBar::tabMoved, this, [this] { updateModified(); });

    m_savedContent = contentJson(true);
    rebuildRecentMenu();
}

WorkspaceController::~WorkspaceController() = default;

void WorkspaceController::createActions()
{
    m_newAction = new QAction(tr("New &workspace"), this);
    m_newAction->setObjectName(u"newWorkspaceAction"_s);
    m_newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newAction->setToolTip(tr("Close every connection and start an empty workspace"));
    connect(m_newAction, &QAction::triggered, this, &WorkspaceController::newWorkspace);

    m_openAction = new QAction(tr("&Open workspace…"), this);
    m_openAction->setObjectName(u"openWorkspaceAction"_s);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &WorkspaceController::openWithDialog);

    m_saveAction = new QAction(tr("&Save workspace"), this);
    m_saveAction->setObjectName(u"saveWorkspaceAction"_s);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &WorkspaceController::save);

    m_saveAsAction = new QAction(tr("Save workspace &as…"), this);
    m_saveAsAction->setObjectName(u"saveWorkspaceAsAction"_s);
    m_saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_saveAsAction, &QAction::triggered, this, &WorkspaceController::saveAs);

    m_recentMenu = new QMenu(tr("Open &recent"), m_window);
    m_recentMenu->setObjectName(u"recentWorkspacesMenu"_s);
}

void WorkspaceController::addToMenu(QMenu *fileMenu)
{
    QAction *before = fileMenu->actions().value(0);
    fileMenu->insertAction(before, m_newAction);
    fileMenu->insertAction(before, m_openAction);
    fileMenu->insertMenu(before, m_recentMenu);
    fileMenu->insertAction(before, m_saveAction);
    fileMenu->insertAction(before, m_saveAsAction);
    fileMenu->insertSeparator(before);
}

QString WorkspaceController::displayName() const
{
    return hasFile() ? Workspace::displayNameFor(m_path) : tr("Untitled workspace");
}

// --- collecting -------------------------------------------------------------------------------

QJsonObject WorkspaceController::contentJson(bool askSections) const
{
    Workspace ws;
    if (m_window) {
        for (int i = 0; i < m_window->connectionCount(); ++i) {
            if (ConnectionView *view = m_window->viewAt(i)) {
                ConnectionProfile p = view->profile();
                // What the tab is subscribed to now, not what it started with.
                p.subscriptions = view->connection()->subscriptions();
                ws.connections.append(p);
            }
        }
    }
    if (askSections) {
        for (const auto &[name, handlers] : m_handlers) {
            if (handlers.first)
                m_sections.insert(name, handlers.first());
        }
    }
    for (auto it = m_sections.cbegin(); it != m_sections.cend(); ++it)
        ws.setSection(it.key(), it.value());
    ws.workloadLinks = m_links;
    return ws.contentJson();
}

Workspace WorkspaceController::current() const
{
    const Result<Workspace> parsed = Workspace::fromJson(contentJson(true));
    Workspace ws = parsed ? parsed.value() : Workspace{};
    if (m_window) {
        ws.currentConnection = m_window->connectionCount() > 0 ? m_window->tabWidget()->currentIndex() : -1;
        ws.layout = {m_window->saveGeometry(), m_window->saveState()};
    }
    return ws;
}

void WorkspaceController::updateModified()
{
    const bool modified = contentJson(true) != m_savedContent;
    if (modified != m_modified) {
        m_modified = modified;
        Q_EMIT stateChanged();
    }
}

void WorkspaceController::watchView(ConnectionView *view)
{
    // Subscriptions are part of the workspace. Unsubscribing has no signal of its own, so the
    // once-a-second stats tick re-checks too (without asking the sections, which is cheap).
    connect(view->connection(), &MqttConnection::subscribed, this, [this] { updateModified(); });
    connect(view, &ConnectionView::statsChanged, this, [this] {
        if (m_replacing)
            return;
        const bool modified = contentJson(false) != m_savedContent;
        if (modified != m_modified) {
            m_modified = modified;
            Q_EMIT stateChanged();
        }
    });
}

// --- sections ---------------------------------------------------------------------------------

void WorkspaceController::registerSection(const QString &name, SectionSaver saver, SectionLoader loader)
{
    m_handlers[name] = {std::move(saver), std::move(loader)};
    // What the workspace already holds for it (opened before the part registered).
    if (const auto &load = m_handlers[name].second; load && m_sections.contains(name))
        load(m_sections.value(name));
}

QJsonObject WorkspaceController::section(const QString &name) const
{
    if (const auto it = m_handlers.find(name); it != m_handlers.end() && it->second.first)
        return it->second.first();
    return m_sections.value(name);
}

void WorkspaceController::setSection(const QString &name, const QJsonObject &value)
{
    if (value.isEmpty())
        m_sections.remove(name);
    else
        m_sections.insert(name, value);
    updateModified();
}

void WorkspaceController::setWorkloadLinks(const QList<WorkloadLink> &links)
{
    m_links = links;
    updateModified();
}

void WorkspaceController::applySections(const Workspace &ws)
{
    m_sections.clear();
    for (const QString &name : ws.sectionNames())
        m_sections.insert(name, ws.section(name));
    for (const auto &[name, handlers] : m_handlers) {
        if (handlers.second)
            handlers.second(ws.section(name));
    }
}

// --- opening and saving -----------------------------------------------------------------------

void WorkspaceController::closeAllConnections()
{
    // Every tab goes, whatever kind it is; stop if one refuses rather than spin.
    while (m_window && m_window->connectionCount() > 0) {
        const int before = m_window->connectionCount();
        m_window->closeConnection(before - 1);
        if (m_window->connectionCount() >= before)
            break;
    }
}

Result<void> WorkspaceController::open(const QString &path)
{
    Result<Workspace> loaded = Workspace::load(path);
    if (!loaded) {
        qCWarning(lcUi) << "workspace" << path << "not opened:" << loaded.error().code << loaded.error().detail;
        return loaded.error();
    }
    const Workspace &ws = loaded.value();
    m_replacing = true;
    closeAllConnections();
    m_links = ws.workloadLinks;
    switchHistory(historyPathFor(path), false);
    applySections(ws);
    for (const ConnectionProfile &profile : ws.connections)
        m_window->openConnection(profile);
    if (ws.currentConnection >= 0 && ws.currentConnection < m_window->connectionCount())
        m_window->tabWidget()->setCurrentIndex(ws.currentConnection);
    if (!ws.layout.geometry.isEmpty())
        m_window->restoreGeometry(ws.layout.geometry);
    if (!ws.layout.state.isEmpty())
        m_window->restoreState(ws.layout.state);
    m_replacing = false;
    markSaved(path);
    qCInfo(lcUi) << "opened workspace" << path << "with" << ws.connections.size() << "connections";
    Q_EMIT workspaceReplaced();
    return {};
}

Result<void> WorkspaceController::saveTo(const QString &path)
{
    const Result<void> saved = current().save(path);
    if (!saved) {
        qCWarning(lcUi) << "workspace not saved:" << saved.error().detail;
        return saved;
    }
    const bool renamed = QFileInfo(path).absoluteFilePath() != m_path;
    markSaved(path);
    if (renamed) // the history goes with the workspace to its new name
        switchHistory(historyPathFor(m_path), true);
    return {};
}

// --- history ----------------------------------------------------------------------------------

QString WorkspaceController::historyPathFor(const QString &workspacePath)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/history"_s;
    if (workspacePath.isEmpty())
        return dir + u"/untitled.sqlite"_s;
    // Readable and unique: two "shop.tideline" in different folders get different files.
    const QFileInfo info(workspacePath);
    static const QRegularExpression unsafe(u"[^A-Za-z0-9._-]+"_s);
    QString name = info.completeBaseName().replace(unsafe, u"_"_s).left(40);
    if (name.isEmpty())
        name = u"workspace"_s;
    const QByteArray hash =
        QCryptographicHash::hash(info.absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex().left(10);
    return dir + u'/' + name + u'-' + QString::fromLatin1(hash) + u".sqlite"_s;
}

HistoryStore *WorkspaceController::history()
{
    if (!m_history) {
        // The window's child, created late, so it outlives the views and docks that record
        // into it when the window is destroyed.
        m_history = new HistoryStore(m_window);
        m_history->setObjectName(u"historyStore"_s);
        switchHistory(historyPathFor(m_path), false);
    }
    return m_history->isOpen() ? m_history : nullptr;
}

Result<void> WorkspaceController::useHistoryFile(const QString &path)
{
    history();
    return switchHistory(path, false);
}

Result<void> WorkspaceController::switchHistory(const QString &path, bool carry)
{
    if (!m_history) // nobody asked for history yet: history() opens the right file later
        return {};
    if (m_history->isOpen() && m_history->path() == path)
        return {};
    const QString previous = m_history->isOpen() ? m_history->path() : QString();
    m_history->close(); // flushes what is buffered
    if (carry && !previous.isEmpty() && QFileInfo::exists(previous) && !QFileInfo::exists(path)) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        // An untitled workspace's history becomes the saved one's; a named one's is copied, so
        // the original workspace keeps its own.
        const bool moved = previous == historyPathFor({}) && QFile::rename(previous, path);
        if (!moved && !QFile::copy(previous, path))
            qCWarning(lcUi) << "history: cannot carry" << previous << "to" << path;
    }
    const Result<void> opened = m_history->open(path);
    if (!opened) {
        qCWarning(lcUi).noquote() << "history:" << path << opened.error().message;
        if (m_window)
            m_window->statusBar()->showMessage(tr("History is not recorded: %1").arg(opened.error().message), 15000);
    } else {
        qCInfo(lcUi) << "history file" << path;
    }
    return opened;
}

void WorkspaceController::markSaved(const QString &path)
{
    m_path = QFileInfo(path).absoluteFilePath();
    m_savedContent = contentJson(true);
    m_modified = false;
    addRecent(m_path);
    const auto s = settings::open();
    settings::LastWorkspaceDirectory.write(*s, QFileInfo(m_path).absolutePath());
    Q_EMIT stateChanged();
}

void WorkspaceController::newWorkspace()
{
    if (!maybeSave())
        return;
    m_replacing = true;
    closeAllConnections();
    m_links.clear();
    switchHistory(historyPathFor({}), false);
    applySections(Workspace{});
    m_replacing = false;
    m_path.clear();
    m_savedContent = contentJson(true);
    m_modified = false;
    Q_EMIT stateChanged();
    Q_EMIT workspaceReplaced();
}

void WorkspaceController::openWithDialog()
{
    if (!maybeSave())
        return;
    const auto s = settings::open();
    QString dir = settings::LastWorkspaceDirectory.read(*s);
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = startDirectory();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open workspace"), dir, fileFilter());
    if (path.isEmpty())
        return;
    if (const Result<void> r = open(path); !r)
        showError(tr("Open workspace"), r.error().message);
}

void WorkspaceController::openRecent(const QString &path)
{
    if (!maybeSave())
        return;
    if (const Result<void> r = open(path); !r) {
        if (r.error().code == u"workspace.missing") {
            const auto s = settings::open();
            RecentWorkspaces(*s).remove(path);
            rebuildRecentMenu();
        }
        showError(tr("Open workspace"), r.error().message);
    }
}

bool WorkspaceController::save()
{
    if (!hasFile())
        return saveAs();
    if (const Result<void> r = saveTo(m_path); !r) {
        showError(tr("Save workspace"), r.error().message);
        return false;
    }
    return true;
}

bool WorkspaceController::saveAs()
{
    QString suggested = m_path;
    if (suggested.isEmpty()) {
        const auto s = settings::open();
        QString dir = settings::LastWorkspaceDirectory.read(*s);
        if (dir.isEmpty() || !QFileInfo(dir).isDir())
            dir = startDirectory();
        suggested = QDir(dir).filePath(tr("workspace") + u'.' + Workspace::fileSuffix());
    }
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save workspace"), suggested, fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + Workspace::fileSuffix();
    if (const Result<void> r = saveTo(path); !r) {
        showError(tr("Save workspace"), r.error().message);
        return false;
    }
    return true;
}

bool WorkspaceController::maybeSave()
{
    updateModified();
    if (!m_askToSave || !hasFile() || !m_modified)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Save workspace"),
                    tr("The workspace \"%1\" has changes that are not saved.").arg(displayName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setObjectName(u"saveChangesMessage"_s);
    box.setInformativeText(tr("Save them before going on?"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void WorkspaceController::showError(const QString &title, const QString &message) const
{
    QMessageBox box(QMessageBox::Warning, title, message, QMessageBox::Ok, m_window);
    box.setObjectName(u"workspaceErrorMessage"_s);
    box.exec();
}

// --- recent -----------------------------------------------------------------------------------

QStringList WorkspaceController::recentPaths() const
{
    const auto s = settings::open();
    return RecentWorkspaces(*s).paths();
}

void WorkspaceController::addRecent(const QString &path)
{
    {
        const auto s = settings::open();
        RecentWorkspaces(*s).add(path);
    }
    rebuildRecentMenu();
}

void WorkspaceController::rebuildRecentMenu()
{
    const QStringList paths = recentPaths();
    m_recentMenu->clear();
    for (int i = 0; i < paths.size(); ++i) {
        const QString &path = paths.at(i);
        // "&1 shop-floor": the digit is the mnemonic for the first nine.
        const QString name = Workspace::displayNameFor(path).replace(u'&', u"&&"_s);
        const QString label = i < 9 ? u"&%1 %2"_s.arg(i + 1).arg(name) : name;
        QAction *action = m_recentMenu->addAction(label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, path] { openRecent(path); });
    }
    if (!paths.isEmpty()) {
        m_recentMenu->addSeparator();
        QAction *clear = m_recentMenu->addAction(tr("Clear recent workspaces"));
        clear->setObjectName(u"clearRecentWorkspacesAction"_s);
        connect(clear, &QAction::triggered, this, [this] {
            {
                const auto s = settings::open();
                RecentWorkspaces(*s).clear();
            }
            rebuildRecentMenu();
        });
    }
    m_recentMenu->menuAction()->setEnabled(!paths.isEmpty());
    Q_EMIT recentChanged(paths);
}

} // namespace tideline
