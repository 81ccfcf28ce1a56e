#include "ClusterWorkspaceSection.h"

#include "ClusterView.h"
#include "MainWindow.h"
#include "WorkspaceController.h"
#include "core/Logging.h"

#include <QMessageBox>
#include <QSet>
#include <QStatusBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {
const QString kClusters = u"clusters"_s;
} // namespace

ClusterWorkspaceSection::ClusterWorkspaceSection(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(u"clusterWorkspaceSection"_s);
}

ClusterWorkspaceSection *ClusterWorkspaceSection::attachTo(MainWindow *window)
{
    auto *section = new ClusterWorkspaceSection(window);
    connect(window, &MainWindow::clusterOpened, section, &ClusterWorkspaceSection::watch);
    if (WorkspaceController *ws = window->workspaces()) {
        ws->registerSection(
            QString::fromUtf16(SectionName), [section] { return section->save(); },
            [section](const QJsonObject &json) { section->restore(json); });
    }
    return section;
}

QJsonObject ClusterWorkspaceSection::save() const
{
    QJsonArray clusters;
    QSet<QPair<QString, QString>> open; // kubeconfig, context
    for (int i = 0; m_window && i < m_window->tabWidget()->count(); ++i) {
        if (auto *view = qobject_cast<ClusterView *>(m_window->tabWidget()->widget(i))) {
            QJsonObject entry = view->toJson();
            entry.remove(u"links"_s); // the workspace's workloadLinks hold them
            if (!entry.contains(u"selected"_s) && m_pendingSelection.contains(view))
                entry.insert(u"selected"_s, m_pendingSelection.value(view));
            clusters.append(entry);
            open.insert({view->kubeconfigPath(), view->contextName()});
        }
    }
    // An entry that did not reopen, unless the operator has opened that cluster again since.
    for (const QJsonValue &entry : m_unrestored) {
        const QJsonObject o = entry.toObject();
        if (!open.contains({o.value(u"kubeconfig"_s).toString(), o.value(u"context"_s).toString()}))
            clusters.append(entry);
    }
    if (clusters.isEmpty())
        return {};
    return QJsonObject{{kClusters, clusters}};
}

void ClusterWorkspaceSection::restore(const QJsonObject &section)
{
    m_unrestored = {};
    if (!m_window)
        return;
    QStringList failures;
    m_restoring = true;
    for (const QJsonValue &value : section.value(kClusters).toArray()) {
        const QJsonObject entry = value.toObject();
        Error error;
        ClusterView *view = m_window->restoreCluster(entry, &error);
        if (view && entry.contains(u"selected"_s)) {
            m_pendingSelection.insert(view, entry.value(u"selected"_s));
            // Connected after fromJson()'s own, which selects the workload.
            connect(view, &ClusterView::synced, this, [this, view] {
                m_pendingSelection.remove(view);
                contentMayHaveChanged();
            }, Qt::SingleShotConnection);
        }
        if (!view) {
            m_unrestored.append(entry);
            const QString context = entry.value(u"context"_s).toString();
            // The error names the kubeconfig file already.
            failures << (context.isEmpty() ? tr("Current context: %1").arg(error.message)
                                           : tr("Context \"%1\": %2").arg(context, error.message));
        }
    }
    m_restoring = false;
    m_lastSeen = save();
    if (!failures.isEmpty())
        reportFailures(failures);
}

void ClusterWorkspaceSection::reportFailures(const QStringList &failures)
{
    for (const QString &f : failures)
        qCWarning(lcKube).noquote() << "workspace: cluster tab not reopened:" << f;
    const int count = int(failures.size());
    const QString headline = tr("%n cluster tab(s) of this workspace could not be reopened.", nullptr, count);
    m_window->statusBar()->showMessage(headline, 15000);
    // Not modal: the workspace's other tabs are open and usable meanwhile, and scripted runs
    // (--screenshot) must not wait for an answer.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cluster tabs not reopened"), headline,
                                QMessageBox::Ok, m_window);
    box->setObjectName(u"clusterRestoreMessage"_s);
    box->setInformativeText(failures.join(u"\n\n"_s) + u"\n\n"_s
                            + tr("They stay in the workspace: fix the kubeconfig and open the workspace again."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

void ClusterWorkspaceSection::watch(ClusterView *view)
{
    connect(view, &ClusterView::stateChanged, this, &ClusterWorkspaceSection::contentMayHaveChanged);
    connect(view, &ClusterView::selectionChanged, this, &ClusterWorkspaceSection::contentMayHaveChanged);
    // Closing a tab deletes its view (later): the section changes then. Looked at from the
    // event loop: a view also dies with the window, whose tab widget is half gone by then (and
    // this object with it, which drops the queued call).
    connect(view, &QObject::destroyed, this, [this, view] {
        m_pendingSelection.remove(view);
        QMetaObject::invokeMethod(this, &ClusterWorkspaceSection::contentMayHaveChanged, Qt::QueuedConnection);
    });
    contentMayHaveChanged();
}

void ClusterWorkspaceSection::contentMayHaveChanged()
{
    if (m_restoring || !m_window)
        return;
    // stateChanged fires with every list and watch event: only a different section is news.
    const QJsonObject now = save();
    if (now == m_lastSeen)
        return;
    m_lastSeen = now;
    if (WorkspaceController *ws = m_window->workspaces())
        ws->updateModified();
}

} // namespace tideline
