#include "PayloadDiffView.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

enum Column { KindColumn, WhereColumn, BeforeColumn, AfterColumn, ColumnCount };

const QColor DarkText(0x20, 0x21, 0x24);

} // namespace

QColor PayloadDiffView::colorFor(PayloadDiff::Change::Kind kind)
{
    switch (kind) {
    case PayloadDiff::Change::Kind::Added: return QColor(0xd4, 0xf0, 0xda);
    case PayloadDiff::Change::Kind::Removed: return QColor(0xfa, 0xd4, 0xd2);
    case PayloadDiff::Change::Kind::Changed: break;
    }
    return QColor(0xff, 0xe9, 0xb0);
}

PayloadDiffView::PayloadDiffView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"diffView"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_context = new QLabel(this);
    m_context->setObjectName(u"diffContext"_s);
    m_context->setTextFormat(Qt::PlainText);
    m_context->setWordWrap(true);
    QPalette dim = m_context->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    m_context->setPalette(dim);
    layout->addWidget(m_context);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"diffSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    layout->addWidget(m_summary);

    m_changes = new QTreeWidget(this);
    m_changes->setObjectName(u"diffChanges"_s);
    m_changes->setAccessibleName(tr("Changes against the previous message"));
    m_changes->setColumnCount(ColumnCount);
    m_changes->setHeaderLabels({tr("Change"), tr("Where"), tr("Before"), tr("After")});
    m_changes->setRootIsDecorated(false);
    m_changes->setUniformRowHeights(true);
    m_changes->setTextElideMode(Qt::ElideRight);
    m_changes->setSelectionBehavior(QAbstractItemView::SelectRows);
    const QFontMetrics fm(m_changes->font());
    m_changes->setColumnWidth(KindColumn, fm.horizontalAdvance(tr("removed")) + 36);
    m_changes->setColumnWidth(WhereColumn, fm.horizontalAdvance(QLatin1Char('m')) * 16);
    m_changes->setColumnWidth(BeforeColumn, fm.horizontalAdvance(QLatin1Char('m')) * 16);
    m_changes->header()->setStretchLastSection(true);
    layout->addWidget(m_changes, 1);
}

PayloadDiffView::~PayloadDiffView() = default;

void PayloadDiffView::showMessage(const QString &text)
{
    m_context->clear();
    m_context->setVisible(false);
    m_summary->setText(text);
    m_changes->clear();
    m_changes->setVisible(false);
}

void PayloadDiffView::showComputing()
{
    showMessage(tr("Comparing…"));
}

void PayloadDiffView::showResult(const PayloadDiff::Result &result, const QString &context)
{
    m_context->setText(context);
    m_context->setVisible(!context.isEmpty());
    m_summary->setText(result.summary);
    m_changes->clear();
    m_changes->setVisible(!result.changes.isEmpty());
    if (result.changes.isEmpty())
        return;

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QList<QTreeWidgetItem *> items;
    items.reserve(result.changes.size());
    for (const auto &c : result.changes) {
        auto *item = new QTreeWidgetItem;
        QString kind;
        switch (c.kind) {
        case PayloadDiff::Change::Kind::Added: kind = tr("added"); break;
        case PayloadDiff::Change::Kind::Removed: kind = tr("removed"); break;
        case PayloadDiff::Change::Kind::Changed: kind = tr("changed"); break;
        }
        QString where;
        switch (result.mode) {
        case PayloadDiff::Mode::Json:
            where = c.path;
            break;
        case PayloadDiff::Mode::Lines:
            where = c.kind == PayloadDiff::Change::Kind::Removed ? tr("line %1").arg(c.oldLine)
                                                                 : tr("line %1").arg(c.newLine);
            break;
        case PayloadDiff::Mode::Bytes:
            where = tr("offset %1, length %2").arg(c.offset).arg(c.length);
            break;
        case PayloadDiff::Mode::Identical:
            break;
        }
        item->setText(KindColumn, kind);
        item->setText(WhereColumn, where);
        item->setText(BeforeColumn, c.oldValue);
        item->setText(AfterColumn, c.newValue);
        item->setToolTip(WhereColumn, where);
        item->setToolTip(BeforeColumn, c.oldValue);
        item->setToolTip(AfterColumn, c.newValue);
        const QColor background = colorFor(c.kind);
        for (int column = 0; column < ColumnCount; ++column) {
            item->setBackground(column, background);
            item->setForeground(column, DarkText);
            if (column != KindColumn)
                item->setFont(column, fixed);
        }
        items.append(item);
    }
    m_changes->addTopLevelItems(items);
}

} // namespace tideline
