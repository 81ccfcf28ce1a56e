#pragma once

#include <QFrame>
#include <QIcon>
#include <QList>
#include <QPointer>
#include <QString>

#include <functional>
#include <vector>

class QLabel;
class QLineEdit;
class QListView;

namespace tideline {

class PaletteModel;

// One thing the palette can jump to or run.
struct PaletteItem
{
    QString text;     // shown and matched ("Open workspace…", "shop/store-12/orders")
    QString context;  // shown dimmed and matched too ("File", "View › Theme", "Topic")
    QString shortcut; // shown at the right, not matched
    QIcon icon;
    bool enabled = true;
    std::function<void()> activate;
};

using PaletteProvider = std::function<QList<PaletteItem>()>;

// Ctrl+K: a frameless popup over the main window with a filter line and the best matches
// among everything the providers offer — the menu commands, the current connection's topics,
// and whatever later parts add (queues, deployments) through addProvider().
//
// Providers are asked each time the palette opens, so the list is always current. Matching is
// core/FuzzyMatch.h. Up/Down/PageUp/PageDown move, Enter runs, Esc (or a click outside) closes.
// The chosen item runs after the popup has closed, so an item that opens a dialog starts from
// the main window, not from inside the popup.
class CommandPalette final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)

public:
    static constexpr int MaxShown = 200;

    // `window` is where the palette appears (centred near its top) and what items run against.
    explicit CommandPalette(QWidget *window);
    ~CommandPalette() override;

    void addProvider(PaletteProvider provider);

    // Collects the items, clears the filter and shows the palette with the focus in the filter.
    void popup();

    QLineEdit *filterEdit() const { return m_filter; }
    QListView *listView() const { return m_list; }
    // The items currently listed, best match first.
    int shownCount() const;
    QString shownText(int row) const;
    int currentRow() const;

    // Runs the current item (if enabled) after closing.
    void activateCurrent();

Q_SIGNALS:
    // After an item ran; the text it was listed with.
    void itemActivated(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void moveCurrent(int delta);
    void activateRow(int row);

    QPointer<QWidget> m_window;
    std::vector<PaletteProvider> m_providers;
    QList<PaletteItem> m_items;
    QStringList m_matchTexts;
    QLineEdit *m_filter = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_empty = nullptr;
    PaletteModel *m_model = nullptr;
};

} // namespace tideline
