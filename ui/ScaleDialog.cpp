#include "ScaleDialog.h"

#include "KubeText.h"
#include "StateStyle.h"
#include "core/Logging.h"
#include "kube/AuditLog.h"
#include "kube/KubeClient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

QLabel *wrapLabel(QWidget *parent, const QString &objectName)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

} // namespace

ScaleDialog::ScaleDialog(kube::KubeClient *client, Target target, QString auditLogPath, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_target(std::move(target))
    , m_auditPath(std::move(auditLogPath))
{
    setObjectName(u"scaleDialog"_s);
    setWindowTitle(tr("Scale %1").arg(m_target.name));
    setMinimumWidth(640);

    m_heading = wrapLabel(this, u"scaleHeading"_s);
    QFont big = m_heading->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.1);
    m_heading->setFont(big);
    m_heading->setText(tr("%1 in namespace %2 — replicas now: %3")
                           .arg(KubeText::workloadText(m_target.kind, m_target.name), m_target.ns)
                           .arg(m_target.currentReplicas));

    m_permission = wrapLabel(this, u"scalePermission"_s);

    m_spin = new QSpinBox(this);
    m_spin->setObjectName(u"scaleReplicasSpin"_s);
    m_spin->setRange(0, 10000);
    m_spin->setValue(m_target.currentReplicas);
    m_spin->setAccessibleName(tr("New replica count"));
    m_change = wrapLabel(this, u"scaleChange"_s);
    QFont changeFont = m_change->font();
    changeFont.setPointSizeF(changeFont.pointSizeF() * 1.3);
    changeFont.setBold(true);
    m_change->setFont(changeFont);
    auto *form = new QFormLayout;
    auto *spinRow = new QHBoxLayout;
    spinRow->addWidget(m_spin);
    spinRow->addWidget(m_change, 1);
    auto *spinLabel = new QLabel(tr("New &replicas:"), this);
    spinLabel->setBuddy(m_spin);
    form->addRow(spinLabel, spinRow);

    m_zeroWarning = wrapLabel(this, u"scaleZeroWarning"_s);
    m_zeroWarning->hide();

    // The HPA that would undo a manual change, and the alternative: its bounds.
    m_hpaBox = new QGroupBox(this);
    m_hpaBox->setObjectName(u"scaleHpaBox"_s);
    auto *hpaLayout = new QVBoxLayout(m_hpaBox);
    m_hpaWarning = wrapLabel(m_hpaBox, u"scaleHpaWarning"_s);
    hpaLayout->addWidget(m_hpaWarning);
    auto *bounds = new QHBoxLayout;
    m_hpaMin = new QSpinBox(m_hpaBox);
    m_hpaMin->setObjectName(u"scaleHpaMin"_s);
    m_hpaMin->setRange(1, 10000);
    m_hpaMin->setAccessibleName(tr("HPA minReplicas"));
    m_hpaMax = new QSpinBox(m_hpaBox);
    m_hpaMax->setObjectName(u"scaleHpaMax"_s);
    m_hpaMax->setRange(1, 10000);
    m_hpaMax->setAccessibleName(tr("HPA maxReplicas"));
    m_hpaApply = new QPushButton(tr("Change the HPA's bounds"), m_hpaBox);
    m_hpaApply->setObjectName(u"scaleHpaApply"_s);
    m_hpaApply->setToolTip(tr("Patch the HPA's minReplicas/maxReplicas (a dry run first, then the change)"));
    bounds->addWidget(new QLabel(tr("minReplicas"), m_hpaBox));
    bounds->addWidget(m_hpaMin);
    bounds->addSpacing(12);
    bounds->addWidget(new QLabel(tr("maxReplicas"), m_hpaBox));
    bounds->addWidget(m_hpaMax);
    bounds->addStretch(1);
    bounds->addWidget(m_hpaApply);
    hpaLayout->addLayout(bounds);
    m_hpaResult = wrapLabel(m_hpaBox, u"scaleHpaResult"_s);
    hpaLayout->addWidget(m_hpaResult);
    if (m_target.hpa) {
        const kube::Hpa &h = *m_target.hpa;
        m_hpaBox->setTitle(tr("HPA %1 manages this workload").arg(h.meta.name));
        m_hpaMin->setValue(h.spec.minReplicas);
        m_hpaMax->setValue(h.spec.maxReplicas);
        m_hpaWarning->setText(
            tr("The HPA %1 (min %2, max %3, desired %4 now) sets the replica count at every sync: a manual "
               "change lasts only until its next sync (within 15 s), when it moves the count back toward %4. "
               "To keep more or fewer replicas, change its bounds instead.")
                .arg(h.meta.name)
                .arg(h.spec.minReplicas)
                .arg(h.spec.maxReplicas)
                .arg(std::clamp(h.desiredReplicas, h.spec.minReplicas, h.spec.maxReplicas)));
        m_hpaWarning->setStyleSheet(u"QLabel { color: %1; }"_s.arg(ui::warningTextColor(palette()).name()));
    } else {
        m_hpaBox->hide();
    }

    m_dryRunResult = wrapLabel(this, u"scaleDryRunResult"_s);
    m_result = wrapLabel(this, u"scaleResult"_s);

    m_buttons = new QDialogButtonBox(this);
    m_dryRunButton = m_buttons->addButton(tr("&Dry run"), QDialogButtonBox::ActionRole);
    m_dryRunButton->setObjectName(u"scaleDryRunButton"_s);
    m_dryRunButton->setToolTip(tr("Ask the API server to validate the change without applying it (dryRun=All)"));
    m_scaleButton = m_buttons->addButton(tr("&Scale"), QDialogButtonBox::AcceptRole);
    m_scaleButton->setObjectName(u"scaleApplyButton"_s);
    m_scaleButton->setAutoDefault(false);
    m_dryRunButton->setDefault(true);
    auto *close = m_buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(u"scaleCloseButton"_s);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_permission);
    layout->addLayout(form);
    layout->addWidget(m_zeroWarning);
    layout->addWidget(m_hpaBox);
    layout->addWidget(m_dryRunResult);
    layout->addWidget(m_result);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_spin, &QSpinBox::valueChanged, this, [this] {
        if (m_step == Step::DryRunPassed || m_step == Step::DryRunFailed || m_step == Step::Applied
            || m_step == Step::Failed)
            setStep(Step::Ready);
        else
            updateTexts();
    });
    connect(m_dryRunButton, &QPushButton::clicked, this, &ScaleDialog::runDryRun);
    connect(m_scaleButton, &QPushButton::clicked, this, &ScaleDialog::applyScale);
    connect(m_hpaApply, &QPushButton::clicked, this, &ScaleDialog::applyHpaBounds);

    updateTexts();
    checkAccess();
}

ScaleDialog::~ScaleDialog() = default;

void ScaleDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    fitLabels();
}

void ScaleDialog::fitLabels()
{
    // Wrapped labels in nested layouts do not ask for their height at the width they got: give
    // each its height for its width, and grow the dialog when warnings appear.
    for (QLabel *l : {m_heading, m_permission, m_zeroWarning, m_dryRunResult, m_result, m_hpaWarning, m_hpaResult}) {
        if (l->isVisible() && l->width() > 0)
            l->setMinimumHeight(l->text().isEmpty() ? 0 : l->heightForWidth(l->width()));
    }
    if (QLayout *l = layout()) {
        l->activate();
        const int needed = l->minimumSize().height();
        if (height() < needed)
            resize(width(), needed);
    }
}

void ScaleDialog::scheduleFit()
{
    QTimer::singleShot(0, this, &ScaleDialog::fitLabels);
}

QString ScaleDialog::resourceFor(const QString &kind)
{
    return kind == u"StatefulSet"_s ? u"statefulsets"_s : u"deployments"_s;
}

int ScaleDialog::requestedReplicas() const
{
    return m_spin->value();
}

void ScaleDialog::setRequestedReplicas(int replicas)
{
    m_spin->setValue(replicas);
}

void ScaleDialog::setStep(Step step)
{
    m_step = step;
    if (step == Step::Ready || step == Step::Denied || step == Step::CheckingAccess)
        m_dryRunFor.reset();
    updateTexts();
    Q_EMIT stepChanged(step);
}

kube::AuditEntry ScaleDialog::baseEntry() const
{
    kube::AuditEntry e;
    if (m_client) {
        e.user = m_client->context().user.name;
        e.cluster = m_client->server().toString();
        e.context = m_client->context().contextName;
    }
    e.ns = m_target.ns;
    e.kind = m_target.kind;
    e.name = m_target.name;
    return e;
}

void ScaleDialog::audit(kube::AuditEntry entry)
{
    const kube::AuditLog log(m_auditPath);
    if (auto r = log.append(entry); !r) {
        qCWarning(lcKube).noquote() << "audit log:" << r.error().message;
        Q_EMIT auditFailed(r.error().message);
    }
}

void ScaleDialog::checkAccess()
{
    if (!m_client) {
        m_permission->setText(tr("Not connected to a cluster."));
        setStep(Step::Denied);
        return;
    }
    m_permission->setText(tr("Checking whether you may scale %1…").arg(m_target.name));
    const QString resource = resourceFor(m_target.kind);
    m_client->canScale(resource, m_target.ns, m_target.name, this, [this, resource](const Result<kube::AccessReview> &r) {
        QString reason;
        if (!r) {
            reason = tr("The permission check failed: %1").arg(r.error().message);
        } else if (!r.value().allowed) {
            const kube::AccessReview &review = r.value();
            const QString why = !review.reason.isEmpty()          ? review.reason
                                : !review.evaluationError.isEmpty() ? review.evaluationError
                                                                    : tr("no RBAC rule allows it");
            reason = tr("You may not scale %1: patch on %2/scale in namespace %3 is not allowed (%4).")
                         .arg(m_target.name, resource, m_target.ns, why);
        }
        if (reason.isEmpty()) {
            m_permission->setText(tr("You may scale %1 (patch on %2/scale is allowed).").arg(m_target.name, resource));
            m_permission->setStyleSheet({});
            setStep(Step::Ready);
            return;
        }
        m_permission->setText(reason);
        m_permission->setStyleSheet(u"QLabel { color: %1; }"_s.arg(ui::errorTextColor(palette()).name()));
        m_scaleButton->setToolTip(reason);
        m_dryRunButton->setToolTip(reason);
        kube::AuditEntry e = baseEntry();
        e.from = m_target.currentReplicas;
        e.dryRunResult = u"skipped"_s;
        e.outcome = u"denied"_s;
        audit(e);
        setStep(Step::Denied);
    });
}

void ScaleDialog::runDryRun()
{
    if (!m_client || m_step == Step::Denied || m_step == Step::CheckingAccess)
        return;
    const int to = m_spin->value();
    setStep(Step::DryRunning);
    m_anyAction = true;
    m_dryRunResult->setText(tr("Dry run: asking the API server to validate %1 → %2…").arg(m_target.currentReplicas).arg(to));
    m_dryRunResult->setStyleSheet({});
    m_client->scale(resourceFor(m_target.kind), m_target.ns, m_target.name, to, true, this,
                    [this, to](const Result<kube::KubeScale> &r) {
                        kube::AuditEntry e = baseEntry();
                        e.from = m_target.currentReplicas;
                        e.to = to;
                        if (!r) {
                            m_dryRunText = r.error().message;
                            m_dryRunResult->setText(tr("Dry run failed: %1").arg(r.error().message));
                            m_dryRunResult->setStyleSheet(
                                u"QLabel { color: %1; }"_s.arg(ui::errorTextColor(palette()).name()));
                            e.dryRunResult = m_dryRunText;
                            e.outcome = u"dry-run"_s;
                            audit(e);
                            setStep(Step::DryRunFailed);
                            return;
                        }
                        m_dryRunText = u"ok"_s;
                        m_dryRunFor = to;
                        m_dryRunResult->setText(
                            tr("Dry run passed: the API server accepts %1 → %2 replicas for %3 (nothing was "
                               "changed yet). Press “Scale %1 → %2” to apply it.")
                                .arg(m_target.currentReplicas)
                                .arg(r.value().specReplicas)
                                .arg(m_target.name));
                        m_dryRunResult->setStyleSheet({});
                        e.dryRunResult = m_dryRunText;
                        e.outcome = u"dry-run"_s;
                        audit(e);
                        m_step = Step::DryRunPassed;
                        m_dryRunFor = to;
                        updateTexts();
                        Q_EMIT stepChanged(m_step);
                    });
}

void ScaleDialog::applyScale()
{
    if (!m_client || m_step != Step::DryRunPassed || m_dryRunFor != m_spin->value())
        return;
    const int to = m_spin->value();
    const int from = m_target.currentReplicas;
    m_step = Step::Applying;
    updateTexts();
    Q_EMIT stepChanged(m_step);
    m_result->setText(tr("Scaling %1 → %2…").arg(from).arg(to));
    m_client->scale(resourceFor(m_target.kind), m_target.ns, m_target.name, to, false, this,
                    [this, from, to](const Result<kube::KubeScale> &r) {
                        kube::AuditEntry e = baseEntry();
                        e.from = from;
                        e.to = to;
                        e.dryRunResult = m_dryRunText;
                        if (!r) {
                            e.outcome = u"failed: "_s + r.error().message;
                            audit(e);
                            m_result->setText(tr("Scaling failed: %1").arg(r.error().message));
                            m_result->setStyleSheet(u"QLabel { color: %1; }"_s.arg(ui::errorTextColor(palette()).name()));
                            setStep(Step::Failed);
                            return;
                        }
                        e.outcome = u"applied"_s;
                        audit(e);
                        m_applied = true;
                        m_target.currentReplicas = r.value().specReplicas;
                        m_result->setText(tr("Scaled: %1 now asks for %2 replicas.").arg(m_target.name).arg(to));
                        m_result->setStyleSheet({});
                        qCInfo(lcKube).noquote() << "scaled" << m_target.kind << m_target.ns + u'/' + m_target.name
                                                 << from << "->" << to;
                        m_step = Step::Applied;
                        m_dryRunFor.reset();
                        updateTexts();
                        Q_EMIT stepChanged(m_step);
                        Q_EMIT scaled(to);
                    });
}

void ScaleDialog::applyHpaBounds()
{
    if (!m_client || !m_target.hpa)
        return;
    const kube::Hpa &h = *m_target.hpa;
    const int newMin = m_hpaMin->value();
    const int newMax = m_hpaMax->value();
    if (newMin > newMax) {
        m_hpaResult->setText(tr("minReplicas (%1) cannot be above maxReplicas (%2).").arg(newMin).arg(newMax));
        scheduleFit();
        return;
    }
    const std::optional<int> minPatch = newMin != h.spec.minReplicas ? std::optional<int>(newMin) : std::nullopt;
    const std::optional<int> maxPatch = newMax != h.spec.maxReplicas ? std::optional<int>(newMax) : std::nullopt;
    if (!minPatch && !maxPatch) {
        m_hpaResult->setText(tr("The bounds are unchanged."));
        scheduleFit();
        return;
    }
    m_hpaApply->setEnabled(false);
    m_hpaResult->setText(tr("Dry run of the HPA change…"));
    scheduleFit();
    const auto entries = [this, h, minPatch, maxPatch](const QString &dryRun, const QString &outcome) {
        QList<kube::AuditEntry> out;
        const auto one = [&](const QString &field, int from, int to) {
            kube::AuditEntry e = baseEntry();
            e.kind = u"HorizontalPodAutoscaler"_s;
            e.name = h.meta.name;
            e.field = field;
            e.from = from;
            e.to = to;
            e.dryRunResult = dryRun;
            e.outcome = outcome;
            out << e;
        };
        if (minPatch)
            one(u"spec.minReplicas"_s, h.spec.minReplicas, *minPatch);
        if (maxPatch)
            one(u"spec.maxReplicas"_s, h.spec.maxReplicas, *maxPatch);
        return out;
    };
    m_client->patchHpaReplicas(
        h.meta.ns, h.meta.name, minPatch, maxPatch, true, this,
        [this, h, minPatch, maxPatch, newMin, newMax, entries](const Result<kube::Hpa> &dry) {
            if (!dry) {
                for (const kube::AuditEntry &e : entries(dry.error().message, u"dry-run"_s))
                    audit(e);
                m_hpaResult->setText(tr("Dry run failed: %1").arg(dry.error().message));
                scheduleFit();
                m_hpaApply->setEnabled(true);
                return;
            }
            m_hpaResult->setText(tr("Dry run passed; changing the HPA…"));
            scheduleFit();
            m_client->patchHpaReplicas(
                h.meta.ns, h.meta.name, minPatch, maxPatch, false, this,
                [this, newMin, newMax, entries](const Result<kube::Hpa> &r) {
                    m_hpaApply->setEnabled(true);
                    if (!r) {
                        for (const kube::AuditEntry &e : entries(u"ok"_s, u"failed: "_s + r.error().message))
                            audit(e);
                        m_hpaResult->setText(tr("Changing the HPA failed: %1").arg(r.error().message));
                        scheduleFit();
                        return;
                    }
                    for (const kube::AuditEntry &e : entries(u"ok"_s, u"applied"_s))
                        audit(e);
                    m_target.hpa = r.value();
                    m_hpaResult->setText(tr("The HPA now keeps between %1 and %2 replicas.").arg(newMin).arg(newMax));
                    scheduleFit();
                    Q_EMIT hpaChanged(newMin, newMax);
                });
        });
}

void ScaleDialog::updateTexts()
{
    const int to = m_spin->value();
    const int from = m_target.currentReplicas;
    m_change->setText(to == from ? tr("%1 → %2 (no change)").arg(from).arg(to) : tr("%1 → %2").arg(from).arg(to));

    const bool zeroUnderHpa = m_target.hpa && to == 0 && m_target.hpa->spec.minReplicas > 0;
    if (zeroUnderHpa) {
        m_zeroWarning->setText(tr("Scaling to 0 switches the HPA %1 off: with spec.replicas 0 it stops scaling "
                                  "(ScalingActive False) until someone scales the workload above 0 again.")
                                   .arg(m_target.hpa->meta.name));
        m_zeroWarning->setStyleSheet(u"QLabel { color: %1; font-weight: bold; }"_s.arg(
            ui::errorTextColor(palette()).name()));
    }
    m_zeroWarning->setVisible(zeroUnderHpa);
    scheduleFit();

    const bool allowed = m_step != Step::Denied && m_step != Step::CheckingAccess;
    const bool busy = m_step == Step::DryRunning || m_step == Step::Applying;
    m_spin->setEnabled(allowed && !busy);
    m_dryRunButton->setEnabled(allowed && !busy && to != from);
    const bool confirmed = m_step == Step::DryRunPassed && m_dryRunFor == to;
    m_scaleButton->setEnabled(confirmed);
    m_hpaApply->setEnabled(allowed && !busy);
    m_hpaMin->setEnabled(allowed);
    m_hpaMax->setEnabled(allowed);
    if (confirmed) {
        m_scaleButton->setText(tr("&Scale %1 → %2").arg(from).arg(to));
        m_scaleButton->setToolTip(tr("The dry run passed: apply the change"));
        m_scaleButton->setDefault(true);
    } else {
        m_scaleButton->setText(tr("&Scale"));
        if (allowed)
            m_scaleButton->setToolTip(tr("Run a dry run of this count first"));
        m_dryRunButton->setDefault(true);
    }
    if (m_step == Step::Ready && to != from) {
        m_dryRunResult->setText(tr("Next: a dry run of %1 → %2.").arg(from).arg(to));
        m_dryRunResult->setStyleSheet({});
    } else if (m_step == Step::Ready) {
        m_dryRunResult->clear();
    }
}

void ScaleDialog::done(int result)
{
    // A dry run of a new count was made but not applied: the operator backed out.
    if (m_anyAction && !m_applied && m_step != Step::Applying) {
        kube::AuditEntry e = baseEntry();
        e.from = m_target.currentReplicas;
        e.to = m_spin->value();
        e.dryRunResult = m_dryRunText.isEmpty() ? u"skipped"_s : m_dryRunText;
        e.outcome = u"cancelled"_s;
        audit(e);
        m_anyAction = false;
    }
    QDialog::done(result);
}

} // namespace tideline
