#include "AuditLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace tideline::kube {

QJsonObject AuditEntry::toJson() const
{
    const QDateTime t = time.isValid() ? time : QDateTime::currentDateTimeUtc();
    QJsonObject o{{u"time"_s, t.toUTC().toString(Qt::ISODateWithMs)},
                  {u"user"_s, user},
                  {u"cluster"_s, cluster},
                  {u"context"_s, context},
                  {u"namespace"_s, ns},
                  {u"kind"_s, kind},
                  {u"name"_s, name},
                  {u"dryRun"_s, dryRunResult},
                  {u"outcome"_s, outcome}};
    o.insert(u"from"_s, from ? QJsonValue(*from) : QJsonValue());
    o.insert(u"to"_s, to ? QJsonValue(*to) : QJsonValue());
    if (!field.isEmpty())
        o.insert(u"field"_s, field);
    return o;
}

AuditLog::AuditLog(QString path) : m_path(std::move(path)) {}

QString AuditLog::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/kube-audit.jsonl"_s;
}

Result<void> AuditLog::append(const AuditEntry &entry) const
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return Error{u"kube.audit"_s, tr("cannot create the audit log directory %1").arg(dir), {}};
    QFile f(m_path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append)) {
        return Error{u"kube.audit"_s, tr("cannot open the audit log %1: %2").arg(m_path, f.errorString()), {}};
    }
    const QByteArray line = QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact) + '\n';
    if (f.write(line) != line.size() || !f.flush()) {
        return Error{u"kube.audit"_s, tr("cannot write the audit log %1: %2").arg(m_path, f.errorString()), {}};
    }
    return {};
}

Result<QList<QJsonObject>> AuditLog::read() const
{
    QFile f(m_path);
    if (!f.exists())
        return QList<QJsonObject>{};
    if (!f.open(QIODevice::ReadOnly))
        return Error{u"kube.audit"_s, tr("cannot read the audit log %1: %2").arg(m_path, f.errorString()), {}};
    QList<QJsonObject> out;
    while (!f.atEnd()) {
        const QJsonDocument doc = QJsonDocument::fromJson(f.readLine());
        if (doc.isObject())
            out.append(doc.object());
    }
    return out;
}

} // namespace tideline::kube
