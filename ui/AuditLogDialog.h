#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace tideline {

// The scale audit log (JSON Lines, kube::AuditLog) as a table, newest first: time, user,
// context, namespace, object, from → to, dry run and outcome. Reads the file when opened and
// on Refresh; never writes it. Owns only its widgets.
class AuditLogDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogDialog)

public:
    enum Column { Time, User, Context, Namespace, Object, Change, DryRun, Outcome, ColumnCount };

    explicit AuditLogDialog(QString path, QWidget *parent = nullptr);
    ~AuditLogDialog() override;

    void reload();
    QTableWidget *table() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }

private:
    QString m_path;
    QTableWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_refresh = nullptr;
};

} // namespace tideline
