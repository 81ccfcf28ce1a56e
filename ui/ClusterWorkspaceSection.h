#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace tideline {

class ClusterView;
class MainWindow;

// The "kubernetes" section of a workspace: the window's cluster tabs (kubeconfig, context,
// namespace, selected workload, as ClusterView::toJson() has them) in tab order, reopened when
// the workspace opens. The workload links are the workspace's own (Workspace::workloadLinks), not
// repeated here. A tab that cannot be reopened (kubeconfig gone or broken) is reported once, in
// a message box that does not block, and its entry stays in the workspace as it was read, so
// saving again loses nothing.
//
// Section format: {"clusters": [{"kubeconfig": …, "context": …, "namespace": …,
//                                "selected": {"kind": …, "name": …}}, …]}
class ClusterWorkspaceSection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterWorkspaceSection)

public:
    static constexpr const char16_t *SectionName = u"kubernetes";

    // Registers the section with the window's WorkspaceController; owned by the window.
    static ClusterWorkspaceSection *attachTo(MainWindow *window);

    QJsonObject save() const;
    // Opens a tab for each entry; reports those that fail. Tabs of the previous workspace are
    // already closed by the WorkspaceController.
    void restore(const QJsonObject &section);
    // The entries of the opened workspace that did not reopen, as read.
    QJsonArray unrestored() const { return m_unrestored; }

private:
    explicit ClusterWorkspaceSection(MainWindow *window);
    void watch(ClusterView *view);
    void contentMayHaveChanged();
    void reportFailures(const QStringList &failures);

    QPointer<MainWindow> m_window;
    QJsonArray m_unrestored;
    // Restored tabs select their workload once the first list arrived; until then the saved
    // selection is theirs (else opening a workspace would mark it modified).
    QHash<const ClusterView *, QJsonValue> m_pendingSelection;
    QJsonObject m_lastSeen;             // save() when last checked: cheap change detection
    bool m_restoring = false;
};

} // namespace tideline
