#include "PayloadContentView.h"

#include "FieldTreeModel.h"
#include "StateStyle.h"
#include "payload/Base64Decoder.h"
#include "payload/CloudEventsDecoder.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTextBlock>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

// Small payloads open fully; big trees show their first level only (expanding 20,000 rows
// costs a visible moment).
constexpr qsizetype ExpandAllRows = 300;

const QColor ErrorText(0xb0, 0x1c, 0x1c);
const QColor InvalidBackground(0xf9, 0xd0, 0xd0);
const QColor ErrorBackground(0xff, 0xd8, 0x66);
const QColor MissingBackground(0xfc, 0xe8, 0xe6);
const QColor DarkText(0x20, 0x21, 0x24);

QStringList requiredAttributes()
{
    return {u"specversion"_s, u"id"_s, u"source"_s, u"type"_s};
}

} // namespace

PayloadContentView::PayloadContentView(bool nested, QWidget *parent)
    : QWidget(parent)
    , m_nested(nested)
{
    const QString prefix = nested ? u"data"_s : u"payload"_s;
    setObjectName(prefix + u"ContentView"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_status = new QLabel(this);
    m_status->setObjectName(prefix + u"Status"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_warnings = new QListWidget(this);
    m_warnings->setObjectName(prefix + u"Warnings"_s);
    m_warnings->setAccessibleName(tr("Decoding warnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setUniformItemSizes(true);
    m_warnings->setVisible(false);
    layout->addWidget(m_warnings);

    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    m_placeholder = new QLabel(m_stack);
    m_placeholder->setObjectName(prefix + u"Placeholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    QPalette dim = m_placeholder->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    m_placeholder->setPalette(dim);
    m_stack->addWidget(m_placeholder);

    m_busyPage = new QWidget(m_stack);
    auto *busy = new QVBoxLayout(m_busyPage);
    busy->addStretch(1);
    m_busyLabel = new QLabel(m_busyPage);
    m_busyLabel->setObjectName(prefix + u"BusyLabel"_s);
    m_busyLabel->setAlignment(Qt::AlignCenter);
    busy->addWidget(m_busyLabel);
    auto *bar = new QProgressBar(m_busyPage);
    bar->setRange(0, 0);
    bar->setMaximumWidth(240);
    bar->setTextVisible(false);
    busy->addWidget(bar, 0, Qt::AlignHCenter);
    busy->addStretch(1);
    m_stack->addWidget(m_busyPage);

    // Text and field tree side by side: the text as published (pretty), the tree to fold.
    // A nested view sits in half the width: text above the tree there.
    m_textSplitter = new QSplitter(nested ? Qt::Vertical : Qt::Horizontal, m_stack);
    m_textSplitter->setChildrenCollapsible(false);
    m_text = new QPlainTextEdit(m_textSplitter);
    // The top-level text keeps the name the details area always had.
    m_text->setObjectName(nested ? u"dataText"_s : u"detailPayload"_s);
    m_text->setAccessibleName(nested ? tr("Decoded data") : tr("Decoded payload"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_tree = new QTreeView(m_textSplitter);
    m_tree->setObjectName(prefix + u"FieldTree"_s);
    m_tree->setAccessibleName(tr("Decoded fields"));
    m_fields = new FieldTreeModel(this);
    m_tree->setModel(m_fields);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(true);
    const QFontMetrics fm(m_tree->font());
    m_tree->setColumnWidth(FieldTreeModel::KeyColumn, fm.horizontalAdvance(QLatin1Char('m')) * 10 + 40);
    m_tree->setColumnWidth(FieldTreeModel::TypeColumn, fm.horizontalAdvance(u"boolean"_s) + 16);
    m_textSplitter->setStretchFactor(0, 3);
    m_textSplitter->setStretchFactor(1, 2);
    m_stack->addWidget(m_textSplitter);

    // CloudEvents attributes next to the data they carry (height is the scarce dimension).
    m_wrapperPage = new QWidget(m_stack);
    auto *wrapper = new QVBoxLayout(m_wrapperPage);
    wrapper->setContentsMargins(0, 0, 0, 0);
    auto *wrapperSplitter = new QSplitter(Qt::Horizontal, m_wrapperPage);
    wrapperSplitter->setChildrenCollapsible(false);
    m_attributes = new QTableWidget(0, 3, wrapperSplitter);
    m_attributes->setObjectName(prefix + u"Attributes"_s);
    m_attributes->setAccessibleName(tr("CloudEvents attributes"));
    m_attributes->setHorizontalHeaderLabels({tr("Attribute"), tr("Value"), tr("Kind")});
    m_attributes->verticalHeader()->setVisible(false);
    m_attributes->verticalHeader()->setDefaultSectionSize(fm.height() + 6);
    m_attributes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attributes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_attributes->setWordWrap(false);
    m_attributes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_attributes->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_attributes->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    auto *dataBox = new QWidget(wrapperSplitter);
    auto *dataLayout = new QVBoxLayout(dataBox);
    dataLayout->setContentsMargins(0, 0, 0, 0);
    dataLayout->setSpacing(2);
    m_dataCaption = new QLabel(dataBox);
    m_dataCaption->setObjectName(prefix + u"DataCaption"_s);
    m_dataCaption->setTextFormat(Qt::PlainText);
    QFont bold = m_dataCaption->font();
    bold.setBold(true);
    m_dataCaption->setFont(bold);
    dataLayout->addWidget(m_dataCaption);
    if (!nested) {
        m_data = new PayloadContentView(true, dataBox);
        dataLayout->addWidget(m_data, 1);
    }
    wrapperSplitter->addWidget(m_attributes);
    wrapperSplitter->addWidget(dataBox);
    wrapperSplitter->setStretchFactor(0, 1);
    wrapperSplitter->setStretchFactor(1, 1);
    wrapper->addWidget(wrapperSplitter);
    m_stack->addWidget(m_wrapperPage);

    m_imageArea = new QScrollArea(m_stack);
    m_imageArea->setObjectName(prefix + u"ImageArea"_s);
    m_imageArea->setAlignment(Qt::AlignCenter);
    m_imageArea->setWidgetResizable(false);
    m_image = new QLabel;
    m_image->setObjectName(prefix + u"Image"_s);
    m_image->setAccessibleName(tr("Image preview"));
    m_imageArea->setWidget(m_image);
    m_stack->addWidget(m_imageArea);

    showPlaceholder(QString());
}

PayloadContentView::~PayloadContentView() = default;

PayloadContentView::Page PayloadContentView::page() const
{
    QWidget *current = m_stack->currentWidget();
    if (current == m_busyPage)
        return Page::Busy;
    if (current == m_textSplitter)
        return Page::Text;
    if (current == m_wrapperPage)
        return Page::Wrapper;
    if (current == m_imageArea)
        return Page::Image;
    return Page::Placeholder;
}

void PayloadContentView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, ui::errorTextColor(pal));
    m_status->setPalette(pal);
}

void PayloadContentView::showPlaceholder(const QString &text)
{
    setStatus(QString(), false);
    m_warnings->clear();
    m_warnings->setVisible(false);
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
    // Nothing of an older payload stays reachable (find, copy) behind the placeholder.
    m_text->clear();
    m_fields->clear();
    m_image->clear();
}

void PayloadContentView::showDecoding(qint64 bytes)
{
    setStatus(QString(), false);
    m_warnings->clear();
    m_warnings->setVisible(false);
    m_busyLabel->setText(tr("Decoding %1…").arg(PayloadRendering::sizeText(bytes)));
    m_stack->setCurrentWidget(m_busyPage);
}

void PayloadContentView::showWarnings(const DecodedPayload &decoded)
{
    m_warnings->clear();
    for (const auto &w : decoded.warnings) {
        auto *item = new QListWidgetItem(u"⚠ "_s + w.message, m_warnings);
        item->setToolTip(w.message);
    }
    // As tall as its rows, up to four; more scroll.
    const int rows = int(std::min<qsizetype>(decoded.warnings.size(), 4));
    if (rows > 0) {
        const int rowHeight = std::max(m_warnings->sizeHintForRow(0), fontMetrics().height() + 2);
        m_warnings->setFixedHeight(rowHeight * rows + 2 * m_warnings->frameWidth() + 2);
    }
    m_warnings->setVisible(!decoded.warnings.isEmpty());
}

void PayloadContentView::showText(const RenderedPayload &r)
{
    m_text->setLineWrapMode(r.fixedLayout ? QPlainTextEdit::NoWrap : QPlainTextEdit::WidgetWidth);
    if (m_text->toPlainText().size() != r.displayText.size() || m_text->toPlainText() != r.displayText)
        m_text->setPlainText(r.displayText);

    QList<QTextEdit::ExtraSelection> marks;
    marks.reserve(r.invalidMarks.size() + 1);
    for (const auto &[start, length] : r.invalidMarks) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_text->document());
        mark.cursor.setPosition(int(start));
        mark.cursor.setPosition(int(start + length), QTextCursor::KeepAnchor);
        mark.format.setBackground(InvalidBackground);
        mark.format.setForeground(ErrorText);
        mark.format.setToolTip(tr("Invalid UTF-8: the bytes here are not text"));
        marks.append(mark);
    }
    if (r.errorPosition >= 0 && r.errorPosition <= r.displayText.size()) {
        QTextEdit::ExtraSelection line;
        line.cursor = QTextCursor(m_text->document());
        line.cursor.setPosition(int(r.errorPosition));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.format.setBackground(MissingBackground);
        marks.append(line);
        QTextEdit::ExtraSelection spot;
        spot.cursor = QTextCursor(m_text->document());
        spot.cursor.setPosition(int(r.errorPosition));
        spot.cursor.setPosition(int(std::min<qsizetype>(r.errorPosition + (r.fixedLayout ? 2 : 1),
                                                        r.displayText.size())),
                                QTextCursor::KeepAnchor);
        spot.format.setBackground(ErrorBackground);
        spot.format.setForeground(DarkText);
        spot.format.setFontUnderline(true);
        spot.format.setUnderlineColor(ErrorText);
        marks.append(spot);
        QTextCursor at(m_text->document());
        at.setPosition(int(r.errorPosition));
        m_text->setTextCursor(at);
        m_text->ensureCursorVisible();
    }
    m_text->setExtraSelections(marks);
}

void PayloadContentView::showFields(const RenderedPayload &r)
{
    m_fields->setFields(r.rawShown ? QList<DecodedPayload::Field>() : r.decoded.fields);
    const bool hasFields = m_fields->fieldCount() > 0;
    m_tree->setVisible(hasFields);
    if (!hasFields)
        return;
    if (m_fields->fieldCount() <= ExpandAllRows)
        m_tree->expandAll();
    else
        m_tree->expandToDepth(0);
}

void PayloadContentView::showAttributes(const RenderedPayload &r)
{
    const DecodedPayload &d = r.decoded;
    const bool cloudEvent = d.decoderId == CloudEventsDecoder::Id;
    m_attributes->setVisible(cloudEvent);
    m_attributes->setRowCount(0);
    if (cloudEvent) {
        // Every required attribute gets a row in spec order, a missing one included: that is
        // what the operator must see. Optional and extension attributes follow.
        QList<QPair<DecodedPayload::Attribute, bool>> rows; // attribute, missing
        for (const QString &name : requiredAttributes()) {
            const auto it = std::find_if(d.attributes.cbegin(), d.attributes.cend(),
                                         [&](const DecodedPayload::Attribute &a) { return a.name == name; });
            if (it == d.attributes.cend())
                rows.append({{name, QString(), DecodedPayload::Attribute::Kind::Required}, true});
            else
                rows.append({*it, false});
        }
        for (const auto &a : d.attributes) {
            if (!requiredAttributes().contains(a.name))
                rows.append({a, false});
        }
        m_attributes->setRowCount(int(rows.size()));
        for (int i = 0; i < int(rows.size()); ++i) {
            const auto &a = rows.at(i).first;
            const bool isMissing = rows.at(i).second;
            const QString kind = a.kind == DecodedPayload::Attribute::Kind::Required ? tr("required")
                                 : a.kind == DecodedPayload::Attribute::Kind::Optional ? tr("optional")
                                                                                       : tr("extension");
            auto *name = new QTableWidgetItem(a.name);
            auto *value = new QTableWidgetItem(isMissing ? tr("missing") : a.value);
            auto *kindItem = new QTableWidgetItem(isMissing ? tr("required, missing") : kind);
            value->setToolTip(a.value);
            if (isMissing) {
                for (QTableWidgetItem *item : {name, value, kindItem}) {
                    item->setBackground(MissingBackground);
                    item->setForeground(ErrorText);
                }
                QFont f = value->font();
                f.setBold(true);
                value->setFont(f);
            }
            m_attributes->setItem(i, 0, name);
            m_attributes->setItem(i, 1, value);
            m_attributes->setItem(i, 2, kindItem);
        }
    }

    if (cloudEvent) {
        QString type;
        for (const auto &a : d.attributes) {
            if (a.name == u"datacontenttype"_s)
                type = a.value;
        }
        m_dataCaption->setText(!r.data ? tr("Data: none")
                               : type.isEmpty() ? tr("Data (%1):").arg(PayloadRendering::sizeText(r.data->inputSize))
                                                : tr("Data (%1, %2):").arg(type, PayloadRendering::sizeText(r.data->inputSize)));
    } else {
        m_dataCaption->setText(tr("Decoded bytes (%1):").arg(PayloadRendering::sizeText(r.data ? r.data->inputSize : 0)));
    }
    if (m_data) {
        if (r.data)
            m_data->showRendered(*r.data);
        else
            m_data->showPlaceholder(tr("The event carries no data."));
    }
}

void PayloadContentView::showRendered(const RenderedPayload &r)
{
    const DecodedPayload &d = r.decoded;
    QString status;
    if (!d.ok) {
        status = d.error;
        if (r.rawShown)
            status = tr("%1 — the payload is shown as received.").arg(status);
    } else {
        status = d.summary;
    }
    if (r.displayCut)
        status = tr("%1 (display shortened: copy or save the payload to see all of it)").arg(status);
    setStatus(status, !d.ok);
    showWarnings(d);

    const bool wrapper = d.ok && (d.decoderId == CloudEventsDecoder::Id || d.decoderId == Base64Decoder::Id)
                         && !m_nested;
    if (wrapper) {
        showAttributes(r);
        m_text->clear();
        m_fields->clear();
        m_stack->setCurrentWidget(m_wrapperPage);
        return;
    }
    if (d.ok && !r.image.isNull()) {
        m_image->setPixmap(QPixmap::fromImage(r.image));
        m_image->resize(r.image.size());
        m_image->setToolTip(r.image.size() == r.imageSize
                                ? QString()
                                : tr("Scaled down from %1 × %2 pixels").arg(r.imageSize.width()).arg(r.imageSize.height()));
        m_stack->setCurrentWidget(m_imageArea);
        return;
    }
    showText(r);
    showFields(r);
    m_stack->setCurrentWidget(m_textSplitter);
}

} // namespace tideline
