#include "PaletteProviders.h"

#include "ActionCatalog.h"
#include "ConnectionView.h"
#include "core/IngestPipeline.h"
#include "models/TopicFilter.h"
#include "models/TopicFilterProxyModel.h"
#include "models/TopicTreeModel.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPointer>
#include <QStyle>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace tideline::palette {

QList<PaletteItem> commandItems(const QMenuBar *menuBar)
{
    QList<PaletteItem> items;
    const QList<ui::CatalogEntry> entries = ui::menuActions(menuBar);
    for (const ui::CatalogEntry &entry : entries) {
        QAction *action = entry.action;
        if (!action || !action->isEnabled())
            continue;
        PaletteItem item;
        item.text = entry.text();
        item.context = entry.pathText();
        if (action->isCheckable() && action->isChecked())
            item.context += u"  \u2713"_s; // ✓: the option is on now
        item.shortcut = entry.shortcutText();
        item.icon = action->icon();
        QPointer<QAction> target = action;
        item.activate = [target] {
            if (target && target->isEnabled())
                target->trigger();
        };
        items.append(std::move(item));
    }
    return items;
}

QList<PaletteItem> topicItems(ConnectionView *view, int limit)
{
    QList<PaletteItem> items;
    if (!view)
        return items;
    const TopicTree &tree = view->pipeline()->tree();
    const QString kind = QCoreApplication::translate("CommandPalette", "Topic");
    const QIcon icon = QApplication::style()->standardIcon(QStyle::SP_FileIcon);
    QPointer<ConnectionView> target = view;
    for (TopicTree::NodeId id = TopicTree::RootId + 1; id < tree.nodeCount() && items.size() < limit; ++id) {
        if (!tree.node(id).hasMessage)
            continue;
        PaletteItem item;
        item.text = tree.topicOf(id);
        item.context = kind;
        item.icon = icon;
        item.activate = [target, topic = item.text] {
            if (target)
                revealTopic(target, topic);
        };
        items.append(std::move(item));
    }
    return items;
}

bool revealTopic(ConnectionView *view, const QString &topic)
{
    TopicTreeModel *model = view->topicModel();
    TopicFilterProxyModel *proxy = view->filterModel();
    QTreeView *tree = view->topicView();
    const QModelIndex source = model->indexForTopic(topic);
    if (!source.isValid())
        return false;
    QModelIndex index = proxy->mapFromSource(source);
    if (!index.isValid()) {
        // The filter hides it: the operator asked for this topic, so show everything again.
        view->filterEdit()->clear();
        proxy->setFilter(TopicFilter());
        index = proxy->mapFromSource(source);
        if (!index.isValid())
            return false;
    }
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        tree->expand(parent);
    tree->setCurrentIndex(index);
    tree->scrollTo(index, QAbstractItemView::PositionAtCenter);
    tree->setFocus(Qt::ShortcutFocusReason);
    return true;
}

} // namespace tideline::palette
