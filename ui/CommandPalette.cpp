#include "CommandPalette.h"

#include "core/FuzzyMatch.h"

#include <QAbstractListModel>
#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QScreen>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

constexpr int VisibleRows = 12;

enum Role { ContextRole = Qt::UserRole + 1, ShortcutRole, PositionsRole };

// Draws one row: icon, the text with the matched characters in bold, the context dimmed after
// it and the shortcut at the right edge.
class PaletteDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {option.rect.width(), option.fontMetrics.height() + 14};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        const QString text = opt.text;
        const QIcon icon = opt.icon;
        opt.text.clear();
        opt.icon = QIcon();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const bool selected = opt.state & QStyle::State_Selected;
        const bool enabled = index.flags() & Qt::ItemIsEnabled;
        const QPalette::ColorGroup group = enabled ? QPalette::Normal : QPalette::Disabled;
        const QColor textColor = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        QColor dimColor = selected ? textColor : opt.palette.color(group, QPalette::PlaceholderText);
        if (selected)
            dimColor.setAlphaF(0.75f);

        painter->save();
        QRect r = opt.rect.adjusted(10, 0, -10, 0);
        const int iconSize = 16;
        if (!icon.isNull()) {
            const QRect iconRect(r.left(), r.center().y() - iconSize / 2 + 1, iconSize, iconSize);
            icon.paint(painter, iconRect, Qt::AlignCenter, enabled ? QIcon::Normal : QIcon::Disabled);
        }
        r.setLeft(r.left() + iconSize + 8);

        const QFont font = opt.font;
        QFont bold = font;
        bold.setBold(true);
        const QFontMetrics fm(font);
        const QFontMetrics bfm(bold);

        // The shortcut keeps its room; text and context share the rest.
        const QString shortcut = index.data(ShortcutRole).toString();
        if (!shortcut.isEmpty()) {
            const int w = fm.horizontalAdvance(shortcut);
            painter->setFont(font);
            painter->setPen(dimColor);
            painter->drawText(QRect(r.right() - w, r.top(), w, r.height()), Qt::AlignVCenter | Qt::AlignRight,
                              shortcut);
            r.setRight(r.right() - w - 16);
        }

        const QList<int> positions = index.data(PositionsRole).value<QList<int>>();
        int x = r.left();
        const int baseline = r.top() + (r.height() - fm.height()) / 2 + fm.ascent();
        const int textWidthLimit = r.width();
        int plainWidth = 0;
        for (qsizetype i = 0; i < text.size(); ++i)
            plainWidth += (positions.contains(int(i)) ? bfm : fm).horizontalAdvance(text.at(i));
        painter->setPen(textColor);
        if (plainWidth > textWidthLimit) {
            // Too long to highlight character by character: elide in the middle, where topics
            // and paths have their least telling part.
            painter->setFont(font);
            painter->drawText(QRect(r.left(), r.top(), textWidthLimit, r.height()), Qt::AlignVCenter,
                              fm.elidedText(text, Qt::ElideMiddle, textWidthLimit));
            x = r.right();
        } else {
            // Runs of equal weight, drawn one after another.
            qsizetype i = 0;
            while (i < text.size()) {
                const bool strong = positions.contains(int(i));
                qsizetype j = i + 1;
                while (j < text.size() && positions.contains(int(j)) == strong)
                    ++j;
                const QString run = text.mid(i, j - i);
                painter->setFont(strong ? bold : font);
                painter->drawText(QPoint(x, baseline), run);
                x += (strong ? bfm : fm).horizontalAdvance(run);
                i = j;
            }
        }

        const QString context = index.data(ContextRole).toString();
        const int contextLeft = x + 12;
        if (!context.isEmpty() && contextLeft < r.right() - 24) {
            painter->setFont(font);
            painter->setPen(dimColor);
            const int w = r.right() - contextLeft;
            painter->drawText(QRect(contextLeft, r.top(), w, r.height()), Qt::AlignVCenter,
                              fm.elidedText(context, Qt::ElideLeft, w));
        }
        painter->restore();
    }
};

} // namespace

// The matches currently shown: indexes into the palette's items with their match positions.
class PaletteModel final : public QAbstractListModel
{
public:
    struct Row
    {
        int item;
        QList<int> positions; // within the item's text
    };

    explicit PaletteModel(QObject *parent) : QAbstractListModel(parent) {}

    void setRows(const QList<PaletteItem> *items, std::vector<Row> rows)
    {
        beginResetModel();
        m_items = items;
        m_rows = std::move(rows);
        endResetModel();
    }
    int itemAt(int row) const { return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].item : -1; }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        const int item = itemAt(index.row());
        if (item < 0)
            return Qt::NoItemFlags;
        return m_items->at(item).enabled ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::ItemIsSelectable;
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        const int item = itemAt(index.row());
        if (item < 0)
            return {};
        const PaletteItem &p = m_items->at(item);
        switch (role) {
        case Qt::DisplayRole:
            return p.text;
        case Qt::DecorationRole:
            return p.icon;
        case Qt::ToolTipRole:
            return p.context.isEmpty() ? p.text : p.context + u" \u203a "_s + p.text;
        case Qt::AccessibleTextRole: {
            QStringList parts{p.text};
            if (!p.context.isEmpty())
                parts << p.context;
            if (!p.shortcut.isEmpty())
                parts << p.shortcut;
            return parts.join(u", "_s);
        }
        case ContextRole:
            return p.context;
        case ShortcutRole:
            return p.shortcut;
        case PositionsRole:
            return QVariant::fromValue(m_rows[size_t(index.row())].positions);
        default:
            return {};
        }
    }

private:
    const QList<PaletteItem> *m_items = nullptr;
    std::vector<Row> m_rows;
};

CommandPalette::CommandPalette(QWidget *window)
    : QFrame(window, Qt::Popup | Qt::FramelessWindowHint)
    , m_window(window)
{
    setObjectName(u"commandPalette"_s);
    setAccessibleName(tr("Command palette"));
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_WindowPropagation);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"commandPaletteFilter"_s);
    m_filter->setAccessibleName(tr("Search commands and topics"));
    m_filter->setPlaceholderText(tr("Type a command or a topic…"));
    m_filter->setClearButtonEnabled(true);
    QFont big = m_filter->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_filter->setFont(big);
    m_filter->setMinimumHeight(QFontMetrics(big).height() + 14);
    m_filter->installEventFilter(this);
    layout->addWidget(m_filter);

    m_model = new PaletteModel(this);
    m_list = new QListView(this);
    m_list->setObjectName(u"commandPaletteList"_s);
    m_list->setAccessibleName(tr("Matching commands and topics"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new PaletteDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_list, 1);

    m_empty = new QLabel(tr("Nothing matches."), this);
    m_empty->setObjectName(u"commandPaletteEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    m_empty->hide();
    layout->addWidget(m_empty);

    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) { activateRow(index.row()); });
}

CommandPalette::~CommandPalette() = default;

void CommandPalette::addProvider(PaletteProvider provider)
{
    m_providers.push_back(std::move(provider));
}

void CommandPalette::popup()
{
    m_items.clear();
    for (const PaletteProvider &provider : m_providers)
        m_items.append(provider());
    m_matchTexts.clear();
    m_matchTexts.reserve(m_items.size());
    for (const PaletteItem &item : std::as_const(m_items))
        m_matchTexts << (item.context.isEmpty() ? item.text : item.text + u"  "_s + item.context);

    // Centred near the top of the window, as wide as a comfortable reading line.
    const QFontMetrics fm(m_filter->font());
    const QWidget *anchor = m_window ? m_window.data() : parentWidget();
    const QRect area = anchor ? QRect(anchor->mapToGlobal(QPoint(0, 0)), anchor->size())
                              : screen()->availableGeometry();
    const int width = qBound(360, fm.averageCharWidth() * 80, qMax(360, area.width() - 48));
    const int rowHeight = QFontMetrics(m_list->font()).height() + 14;
    const int height = m_filter->minimumHeight() + rowHeight * VisibleRows + 8 * 2 + 6 + 4;
    setGeometry(area.left() + (area.width() - width) / 2, area.top() + qMin(72, area.height() / 10), width,
                qMin(height, qMax(200, area.height() - 40)));

    m_filter->clear();
    refilter();
    show();
    raise();
    activateWindow();
    m_filter->setFocus(Qt::PopupFocusReason);
}

void CommandPalette::refilter()
{
    const QString pattern = m_filter->text();
    const QList<int> ranked = fuzzyRank(pattern, m_matchTexts, MaxShown);
    std::vector<PaletteModel::Row> rows;
    rows.reserve(size_t(ranked.size()));
    for (int i : ranked) {
        const QString &text = m_items.at(i).text;
        QList<int> positions;
        if (const auto m = fuzzyMatch(pattern, m_matchTexts.at(i))) {
            for (int p : m->positions) {
                if (p < text.size())
                    positions << p;
            }
        }
        rows.push_back({i, positions});
    }
    m_model->setRows(&m_items, std::move(rows));
    m_empty->setVisible(m_model->rowCount() == 0);
    m_list->setVisible(m_model->rowCount() > 0);
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
}

int CommandPalette::shownCount() const
{
    return m_model->rowCount();
}

QString CommandPalette::shownText(int row) const
{
    return m_model->index(row).data().toString();
}

int CommandPalette::currentRow() const
{
    return m_list->currentIndex().row();
}

void CommandPalette::moveCurrent(int delta)
{
    const int count = m_model->rowCount();
    if (count == 0)
        return;
    const int row = qBound(0, currentRow() + delta, count - 1);
    m_list->setCurrentIndex(m_model->index(row));
    m_list->scrollTo(m_model->index(row));
}

void CommandPalette::activateCurrent()
{
    activateRow(currentRow());
}

void CommandPalette::activateRow(int row)
{
    const int item = m_model->itemAt(row);
    if (item < 0 || !m_items.at(item).enabled)
        return;
    const PaletteItem chosen = m_items.at(item);
    hide();
    // After the popup is gone and its key event is over.
    QTimer::singleShot(0, m_window ? m_window.data() : static_cast<QObject *>(this), [this, chosen] {
        if (chosen.activate)
            chosen.activate();
        Q_EMIT itemActivated(chosen.text);
    });
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
            moveCurrent(1);
            return true;
        case Qt::Key_Up:
            moveCurrent(-1);
            return true;
        case Qt::Key_PageDown:
            moveCurrent(VisibleRows - 1);
            return true;
        case Qt::Key_PageUp:
            moveCurrent(-(VisibleRows - 1));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            activateCurrent();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace tideline
