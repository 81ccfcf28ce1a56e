#pragma once

#include <QDialog>

class QMenuBar;
class QTreeWidget;

namespace tideline {

// Help › Keyboard shortcuts: every menu command that has a shortcut, grouped by menu, read from
// the menu bar's actions when the dialog opens (ui/ActionCatalog.h), so the list is never out
// of date. Owns only its widgets.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;

    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list = nullptr;
};

} // namespace tideline
