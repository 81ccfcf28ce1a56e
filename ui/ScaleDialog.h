#pragma once

#include "kube/KubeTypes.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace tideline::kube {
class KubeClient;
struct AuditEntry;
}

namespace tideline {

// Scales one Deployment or StatefulSet, carefully:
// 1. asks the API server first (SelfSubjectAccessReview, patch on deployments/scale or
//    statefulsets/scale); denied: nothing can be pressed and the reason says why;
// 2. the operator picks the new count; "Dry run" sends the patch with dryRun=All and shows the
//    server's answer;
// 3. only after a passing dry run of that very count is "Scale N → M" enabled: pressing it is
//    the confirmation, and the patch is applied.
// When an HPA targets the workload the dialog says that the HPA will undo a manual change at
// its next sync and offers to change the HPA's minReplicas/maxReplicas instead (dry run, then
// apply); scaling to 0 under an HPA warns that it switches the HPA off.
// Every dry run, change, cancellation and denial is appended to the audit log.
//
// Owns its widgets; uses a KubeClient it does not own.
class ScaleDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScaleDialog)

public:
    enum class Step { CheckingAccess, Denied, Ready, DryRunning, DryRunPassed, DryRunFailed, Applying, Applied, Failed };
    Q_ENUM(Step)

    struct Target
    {
        QString kind;       // Deployment or StatefulSet
        QString ns;
        QString name;
        int currentReplicas = 0;
        std::optional<kube::Hpa> hpa;
    };

    ScaleDialog(kube::KubeClient *client, Target target, QString auditLogPath, QWidget *parent = nullptr);
    ~ScaleDialog() override;

    // "deployments" / "statefulsets".
    static QString resourceFor(const QString &kind);

    Step step() const { return m_step; }
    const Target &target() const { return m_target; }
    int requestedReplicas() const;
    void setRequestedReplicas(int replicas);

    QSpinBox *replicasSpin() const { return m_spin; }
    QPushButton *dryRunButton() const { return m_dryRunButton; }
    QPushButton *scaleButton() const { return m_scaleButton; }
    QLabel *permissionLabel() const { return m_permission; }
    QLabel *changeLabel() const { return m_change; }
    QLabel *dryRunLabel() const { return m_dryRunResult; }
    QLabel *resultLabel() const { return m_result; }
    QGroupBox *hpaBox() const { return m_hpaBox; }
    QLabel *hpaWarningLabel() const { return m_hpaWarning; }
    QLabel *zeroWarningLabel() const { return m_zeroWarning; }
    QSpinBox *hpaMinSpin() const { return m_hpaMin; }
    QSpinBox *hpaMaxSpin() const { return m_hpaMax; }
    QPushButton *hpaApplyButton() const { return m_hpaApply; }
    QLabel *hpaResultLabel() const { return m_hpaResult; }

Q_SIGNALS:
    void stepChanged(tideline::ScaleDialog::Step step);
    // The workload now asks for `replicas` (the patch was applied).
    void scaled(int replicas);
    // The HPA's bounds were changed.
    void hpaChanged(int minReplicas, int maxReplicas);
    // An audit line could not be written (the message says where and why).
    void auditFailed(const QString &message);

protected:
    void done(int result) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void setStep(Step step);
    void checkAccess();
    void runDryRun();
    void applyScale();
    void applyHpaBounds();
    void updateTexts();
    void fitLabels();
    void scheduleFit();
    void audit(kube::AuditEntry entry);
    kube::AuditEntry baseEntry() const;

    QPointer<kube::KubeClient> m_client;
    Target m_target;
    QString m_auditPath;
    Step m_step = Step::CheckingAccess;
    std::optional<int> m_dryRunFor;  // the count the last passing dry run was for
    QString m_dryRunText;            // "ok" or the error, for the audit log
    bool m_anyAction = false;        // a scale dry run was sent; closing counts as cancelling
    bool m_applied = false;

    QLabel *m_heading = nullptr;
    QLabel *m_permission = nullptr;
    QSpinBox *m_spin = nullptr;
    QLabel *m_change = nullptr;
    QLabel *m_zeroWarning = nullptr;
    QLabel *m_dryRunResult = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_dryRunButton = nullptr;
    QPushButton *m_scaleButton = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QGroupBox *m_hpaBox = nullptr;
    QLabel *m_hpaWarning = nullptr;
    QSpinBox *m_hpaMin = nullptr;
    QSpinBox *m_hpaMax = nullptr;
    QPushButton *m_hpaApply = nullptr;
    QLabel *m_hpaResult = nullptr;
};

} // namespace tideline
