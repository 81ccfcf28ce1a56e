#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace tideline::kube {

// One scale action as it is written to the audit log.
struct AuditEntry
{
    QDateTime time;                     // UTC; now when left invalid
    QString user;                       // kubeconfig user (and the plugin/cert identity if known)
    QString cluster;                    // server URL
    QString context;
    QString ns;
    QString kind;                       // Deployment, StatefulSet, HorizontalPodAutoscaler
    QString name;
    std::optional<int> from;
    std::optional<int> to;
    QString field;                      // what from/to are when not spec.replicas ("spec.minReplicas")
    QString dryRunResult;               // "ok", the dry run's error text, or "skipped"
    QString outcome;                    // "applied", "dry-run", "cancelled", "denied", "failed: ..."

    QJsonObject toJson() const;
};

// Scale actions appended as JSON Lines (one compact object per line, never rewritten).
class AuditLog final
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    explicit AuditLog(QString path);

    // <AppDataLocation>/kube-audit.jsonl
    static QString defaultPath();

    QString path() const { return m_path; }
    // Creates the directory if needed; the line is written with a single append.
    Result<void> append(const AuditEntry &entry) const;
    // Every entry, oldest first; malformed lines are skipped.
    Result<QList<QJsonObject>> read() const;

private:
    QString m_path;
};

} // namespace tideline::kube
