#pragma once

#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

class QAction;
class QMenuBar;

namespace tideline::ui {

// One command reachable from the menus, and where it sits ("View", "Theme").
struct CatalogEntry
{
    QPointer<QAction> action;
    QStringList menuPath; // menu titles without their '&' markers, outermost first

    QString text() const;         // the action's text without its '&' marker
    QString pathText() const;    // "View › Theme"
    QString shortcutText() const; // every shortcut in the platform's notation, ", "-separated
};

// Every action in the menu bar's menus and their submenus, in menu order. Separators, submenu
// entries themselves and invisible actions are left out; disabled ones are included (the
// caller decides). The shortcut list and the command palette are both generated from this, so
// neither can fall behind the menus.
QList<CatalogEntry> menuActions(const QMenuBar *menuBar);

// "&Open workspace…" -> "Open workspace…" ("&&" stays a literal '&').
QString withoutMnemonic(const QString &text);

} // namespace tideline::ui
