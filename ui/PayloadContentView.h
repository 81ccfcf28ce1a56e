#pragma once

#include "PayloadRendering.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QScrollArea;
class QSplitter;
class QStackedWidget;
class QTableWidget;
class QTreeView;

namespace tideline {

class FieldTreeModel;

// Shows one RenderedPayload: a status line (summary or the decoding error), warnings, and the
// view that fits the decoded kind — text (invalid UTF-8 and syntax errors marked) next to a
// collapsible field tree, a CloudEvents attribute table above the decoded data, or an image.
// The data a wrapper carried (CloudEvents data, base64 content) is shown by a nested view of
// the same class, one level deep.
//
// Owns its widgets and a FieldTreeModel; holds no payload beyond what is displayed.
class PayloadContentView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PayloadContentView)

public:
    // `nested` views (the data of a wrapper) have no nested view of their own.
    explicit PayloadContentView(bool nested = false, QWidget *parent = nullptr);
    ~PayloadContentView() override;

    void showRendered(const RenderedPayload &rendered);
    // "Decoding 12.3 MiB…" with a busy indicator.
    void showDecoding(qint64 bytes);
    // A message instead of content ("No message on this exact topic").
    void showPlaceholder(const QString &text);

    enum class Page { Placeholder, Busy, Text, Wrapper, Image };
    Page page() const;

    QLabel *statusLabel() const { return m_status; }
    QListWidget *warningList() const { return m_warnings; }
    QPlainTextEdit *textView() const { return m_text; }
    QTreeView *fieldView() const { return m_tree; }
    FieldTreeModel *fieldModel() const { return m_fields; }
    QTableWidget *attributeTable() const { return m_attributes; }
    QLabel *imageLabel() const { return m_image; }
    PayloadContentView *dataView() const { return m_data; }

private:
    void setStatus(const QString &text, bool error);
    void showText(const RenderedPayload &rendered);
    void showFields(const RenderedPayload &rendered);
    void showAttributes(const RenderedPayload &rendered);
    void showWarnings(const DecodedPayload &decoded);

    bool m_nested = false;
    QLabel *m_status = nullptr;
    QListWidget *m_warnings = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QWidget *m_busyPage = nullptr;
    QLabel *m_busyLabel = nullptr;
    QSplitter *m_textSplitter = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QTreeView *m_tree = nullptr;
    FieldTreeModel *m_fields = nullptr;
    QWidget *m_wrapperPage = nullptr;
    QTableWidget *m_attributes = nullptr;
    QLabel *m_dataCaption = nullptr;
    PayloadContentView *m_data = nullptr;
    QScrollArea *m_imageArea = nullptr;
    QLabel *m_image = nullptr;
};

} // namespace tideline
