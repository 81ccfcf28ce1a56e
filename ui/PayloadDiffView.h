#pragma once

#include "payload/PayloadDiff.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace tideline {

// Shows a PayloadDiff::Result: one row per change, coloured by kind (added green, removed red,
// changed amber) and labelled in words as well, so colour is never the only cue. JSON changes
// name the key path, line changes their line numbers, byte changes their offsets.
class PayloadDiffView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PayloadDiffView)

public:
    explicit PayloadDiffView(QWidget *parent = nullptr);
    ~PayloadDiffView() override;

    // `context` says what is compared ("12:00:01.123 against 12:00:00.998").
    void showResult(const PayloadDiff::Result &result, const QString &context);
    void showMessage(const QString &text);
    void showComputing();

    QLabel *summaryLabel() const { return m_summary; }
    QTreeWidget *changeList() const { return m_changes; }

    static QColor colorFor(PayloadDiff::Change::Kind kind);

private:
    QLabel *m_context = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_changes = nullptr;
};

} // namespace tideline
