#include "WorkloadLinkDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tideline {

WorkloadLinkDialog::WorkloadLinkDialog(const QStringList &seriesKeys, const QStringList &workloads,
                                       const QString &ns, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"workloadLinkDialog"_s);
    setWindowTitle(tr("Link a queue to a workload"));
    setMinimumWidth(520);

    auto *intro = new QLabel(tr("Which workload drains this queue or metric? Its replicas and scaling events "
                                "are then drawn on the same time axis as the series."),
                             this);
    intro->setWordWrap(true);

    m_series = new QComboBox(this);
    m_series->setObjectName(u"linkSeriesCombo"_s);
    // A series that is not collected yet can still be named (it appears once a source reports it).
    m_series->setEditable(true);
    m_series->setInsertPolicy(QComboBox::NoInsert);
    m_series->addItems(seriesKeys);
    m_series->lineEdit()->setPlaceholderText(tr("rabbitmq_queue_messages{queue=\"orders\",vhost=\"/\"}"));
    m_workload = new QComboBox(this);
    m_workload->setObjectName(u"linkWorkloadCombo"_s);
    m_workload->addItems(workloads);

    auto *form = new QFormLayout;
    form->addRow(tr("&Series:"), m_series);
    form->addRow(tr("Drained by (namespace %1):").arg(ns), m_workload);

    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Link"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_series, &QComboBox::currentTextChanged, this, &WorkloadLinkDialog::validate);
    connect(m_workload, &QComboBox::currentTextChanged, this, &WorkloadLinkDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    validate();
}

WorkloadLinkDialog::~WorkloadLinkDialog() = default;

void WorkloadLinkDialog::setSeriesKey(const QString &key)
{
    const int i = m_series->findText(key);
    if (i >= 0)
        m_series->setCurrentIndex(i);
    else
        m_series->setEditText(key);
    validate();
}

void WorkloadLinkDialog::setWorkload(const QString &name)
{
    const int i = m_workload->findText(name);
    if (i >= 0)
        m_workload->setCurrentIndex(i);
}

QString WorkloadLinkDialog::seriesKey() const
{
    return m_series->currentText().trimmed();
}

QString WorkloadLinkDialog::workload() const
{
    return m_workload->currentText();
}

void WorkloadLinkDialog::validate()
{
    const bool ok = !seriesKey().isEmpty() && !workload().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    if (m_workload->count() == 0)
        m_hint->setText(tr("This namespace has no Deployments or StatefulSets."));
    else if (m_series->count() == 0)
        m_hint->setText(tr("No metric series is collected yet: type the series name as its source reports it."));
    else
        m_hint->clear();
}

} // namespace tideline
