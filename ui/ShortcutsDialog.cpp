#include "ShortcutsDialog.h"

#include "ActionCatalog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tideline {

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("Every command is also in the command palette (%1), with or without a "
                                "shortcut.")
                                 .arg(QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText)),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"shortcutList"_s);
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setHeaderLabels({tr("Command"), tr("Shortcut")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);

    QTreeWidgetItem *group = nullptr;
    QString groupName;
    const QList<ui::CatalogEntry> entries = ui::menuActions(menuBar);
    for (const ui::CatalogEntry &entry : entries) {
        if (!entry.action || entry.action->shortcuts().isEmpty())
            continue;
        const QString top = entry.menuPath.value(0);
        if (!group || top != groupName) {
            group = new QTreeWidgetItem(m_list, {top});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
            groupName = top;
        }
        QStringList where = entry.menuPath.mid(1);
        where << entry.text();
        auto *item = new QTreeWidgetItem(group, {where.join(u" \u203a "_s), entry.shortcutText()});
        item->setData(0, Qt::UserRole, entry.action->objectName());
    }
    m_list->expandAll();
    m_list->setCurrentItem(nullptr);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 480);
}

ShortcutsDialog::~ShortcutsDialog() = default;

} // namespace tideline
