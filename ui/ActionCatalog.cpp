#include "ActionCatalog.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tideline::ui {

namespace {

void collect(const QMenu *menu, QStringList path, QList<CatalogEntry> &out)
{
    path.append(withoutMnemonic(menu->title()));
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        if (const QMenu *sub = action->menu()) {
            collect(sub, path, out);
            continue;
        }
        out.append({action, path});
    }
}

} // namespace

QString withoutMnemonic(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'&') {
            if (i + 1 < text.size() && text.at(i + 1) == u'&') {
                out.append(u'&');
                ++i;
            }
            continue;
        }
        out.append(c);
    }
    // Chinese menus put the mnemonic in brackets after the text: "文件(&F)" -> "文件",
    // "打开(&O)…" -> "打开…".
    static const QRegularExpression bracketed(u"\\(\\w\\)(?=\\W*$)"_s);
    if (text.contains(u"(&"_s))
        out.remove(bracketed);
    return out;
}

QString CatalogEntry::text() const
{
    return action ? withoutMnemonic(action->text()) : QString();
}

QString CatalogEntry::pathText() const
{
    return menuPath.join(u" \u203a "_s);
}

QString CatalogEntry::shortcutText() const
{
    if (!action)
        return {};
    QStringList keys;
    const QList<QKeySequence> shortcuts = action->shortcuts();
    for (const QKeySequence &k : shortcuts)
        keys << k.toString(QKeySequence::NativeText);
    return keys.join(u", "_s);
}

QList<CatalogEntry> menuActions(const QMenuBar *menuBar)
{
    QList<CatalogEntry> out;
    if (!menuBar)
        return out;
    const QList<QAction *> top = menuBar->actions();
    for (QAction *action : top) {
        if (const QMenu *menu = action->menu(); menu && action->isVisible())
            collect(menu, {}, out);
    }
    return out;
}

} // namespace tideline::ui
