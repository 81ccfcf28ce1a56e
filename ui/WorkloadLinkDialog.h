#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace tideline {

// Picks a queue/metric series and the workload that drains it ("orders" is drained by
// deployment "worker"), for the cluster view's chart. Owns only its widgets.
class WorkloadLinkDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkloadLinkDialog)

public:
    // `seriesKeys` as WorkloadLinks::keyText; `workloads` as names in the namespace.
    WorkloadLinkDialog(const QStringList &seriesKeys, const QStringList &workloads, const QString &ns,
                       QWidget *parent = nullptr);
    ~WorkloadLinkDialog() override;

    void setSeriesKey(const QString &key);
    void setWorkload(const QString &name);
    QString seriesKey() const;
    QString workload() const;

    QComboBox *seriesCombo() const { return m_series; }
    QComboBox *workloadCombo() const { return m_workload; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void validate();

    QComboBox *m_series = nullptr;
    QComboBox *m_workload = nullptr;
    QLabel *m_hint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace tideline
