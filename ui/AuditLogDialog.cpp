#include "AuditLogDialog.h"

#include "StateStyle.h"
#include "kube/AuditLog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tideline {

AuditLogDialog::AuditLogDialog(QString path, QWidget *parent) : QDialog(parent), m_path(std::move(path))
{
    setObjectName(u"auditLogDialog"_s);
    setWindowTitle(tr("Scale audit log"));
    resize(1000, 420);

    m_status = new QLabel(this);
    m_status->setObjectName(u"auditStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"auditTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("User"), tr("Context"), tr("Namespace"), tr("Object"),
                                        tr("Change"), tr("Dry run"), tr("Outcome")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    m_refresh->setObjectName(u"auditRefresh"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refresh, &QPushButton::clicked, this, &AuditLogDialog::reload);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    reload();
}

AuditLogDialog::~AuditLogDialog() = default;

void AuditLogDialog::reload()
{
    const kube::AuditLog log(m_path);
    const auto entries = log.read();
    if (!entries) {
        m_table->setRowCount(0);
        m_status->setText(entries.error().message);
        m_status->setStyleSheet(u"QLabel { color: %1; }"_s.arg(ui::errorTextColor(palette()).name()));
        return;
    }
    m_status->setStyleSheet({});
    const QList<QJsonObject> &list = entries.value();
    const int count = int(list.size());
    m_status->setText(count == 0 ? tr("No scale actions recorded yet in %1.").arg(m_path)
                                 : tr("%n action(s) in %1, newest first.", nullptr, count).arg(m_path));
    m_table->setRowCount(int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject &o = list.at(list.size() - 1 - i);
        const auto text = [&o](const char *key) { return o.value(QLatin1String(key)).toString(); };
        const QDateTime t = QDateTime::fromString(text("time"), Qt::ISODateWithMs);
        const QString object = o.value(u"field"_s).toString().isEmpty()
            ? tr("%1 %2").arg(text("kind"), text("name"))
            : tr("%1 %2 %3").arg(text("kind"), text("name"), text("field"));
        const QJsonValue from = o.value(u"from"_s);
        const QJsonValue to = o.value(u"to"_s);
        QString change;
        if (from.isDouble() && to.isDouble())
            change = tr("%1 → %2").arg(from.toInt()).arg(to.toInt());
        else if (from.isDouble())
            change = tr("%1 (no change)").arg(from.toInt());
        const QStringList cells{t.isValid() ? t.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) : text("time"),
                                text("user"), text("context"), text("namespace"), object, change, text("dryRun"),
                                text("outcome")};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(cells.at(c));
            if (c == Outcome && (cells.at(c).startsWith(u"failed"_s) || cells.at(c) == u"denied"_s))
                item->setForeground(ui::errorTextColor(palette()));
            m_table->setItem(i, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace tideline
