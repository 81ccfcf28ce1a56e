#include "TemplateStore.h"

#include "core/Logging.h"

#include <QJsonDocument>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {
const auto RootGroup = u"publishTemplates"_s;
const auto ArrayKey = u"templates"_s;
const auto JsonKey = u"json"_s;
} // namespace

QString TemplateStore::groupFor(const QString &connectionId)
{
    // Profile ids are UUIDs; anything else (a hand-edited file) must not nest groups.
    const QByteArray safe = QUrl::toPercentEncoding(connectionId.isEmpty() ? u"default"_s : connectionId);
    return RootGroup + u'/' + QString::fromLatin1(safe);
}

QList<MessageTemplate> TemplateStore::templates(const QString &connectionId) const
{
    QList<MessageTemplate> out;
    m_settings.beginGroup(groupFor(connectionId));
    const int count = m_settings.beginReadArray(ArrayKey);
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(m_settings.value(JsonKey).toString().toUtf8(), &error);
        Result<MessageTemplate> t = doc.isObject() ? MessageTemplate::fromJson(doc.object())
                                                   : Result<MessageTemplate>(Error{u"template.invalid"_s,
                                                                                   error.errorString(), {}});
        if (!t) {
            qCWarning(lcCore).noquote() << "skipping unreadable publish template" << i << "of connection"
                                        << connectionId << "-" << t.error().message;
            continue;
        }
        out.append(std::move(t).value());
    }
    m_settings.endArray();
    m_settings.endGroup();
    return out;
}

QStringList TemplateStore::names(const QString &connectionId) const
{
    QStringList out;
    const QList<MessageTemplate> all = templates(connectionId);
    for (const MessageTemplate &t : all)
        out << t.name;
    return out;
}

std::optional<MessageTemplate> TemplateStore::find(const QString &connectionId, const QString &name) const
{
    const QList<MessageTemplate> all = templates(connectionId);
    for (const MessageTemplate &t : all) {
        if (t.name == name)
            return t;
    }
    return std::nullopt;
}

Result<void> TemplateStore::save(const QString &connectionId, const MessageTemplate &messageTemplate)
{
    if (messageTemplate.name.trimmed().isEmpty())
        return Error{u"template.name"_s, tr("Give the template a name."), {}};
    QList<MessageTemplate> all = templates(connectionId);
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const MessageTemplate &t) { return t.name == messageTemplate.name; });
    if (it != all.end())
        *it = messageTemplate;
    else
        all.append(messageTemplate);
    write(connectionId, all);
    return {};
}

bool TemplateStore::remove(const QString &connectionId, const QString &name)
{
    QList<MessageTemplate> all = templates(connectionId);
    if (all.removeIf([&name](const MessageTemplate &t) { return t.name == name; }) == 0)
        return false;
    write(connectionId, all);
    return true;
}

void TemplateStore::removeAll(const QString &connectionId)
{
    m_settings.remove(groupFor(connectionId));
}

void TemplateStore::write(const QString &connectionId, const QList<MessageTemplate> &templates)
{
    m_settings.beginGroup(groupFor(connectionId));
    // Drop the old array first, or a shorter list would leave stale entries behind.
    m_settings.remove(ArrayKey);
    m_settings.beginWriteArray(ArrayKey, int(templates.size()));
    for (int i = 0; i < int(templates.size()); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(JsonKey, QString::fromUtf8(QJsonDocument(templates.at(i).toJson())
                                                           .toJson(QJsonDocument::Compact)));
    }
    m_settings.endArray();
    m_settings.endGroup();
}

} // namespace tideline
