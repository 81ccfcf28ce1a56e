#pragma once

#include "core/Result.h"
#include "mqtt/MessageTemplate.h"

#include <QCoreApplication>
#include <QList>
#include <QSettings>
#include <QStringList>

#include <optional>

namespace tideline {

// The publish templates of each connection, in QSettings group "publishTemplates/<connection id>"
// (beside, not inside, "connections/<id>": saving a profile rewrites its group). Each template
// is one JSON object (MessageTemplate::toJson); names are unique per connection and templates
// keep the order they were first saved in. Entries that no longer parse are skipped and logged.
class TemplateStore final
{
    Q_DECLARE_TR_FUNCTIONS(TemplateStore)

public:
    explicit TemplateStore(QSettings &settings) : m_settings(settings) {}

    QList<MessageTemplate> templates(const QString &connectionId) const;
    QStringList names(const QString &connectionId) const;
    std::optional<MessageTemplate> find(const QString &connectionId, const QString &name) const;
    // Adds, or replaces the template of the same name. Error "template.name" for an empty name.
    Result<void> save(const QString &connectionId, const MessageTemplate &messageTemplate);
    // False when there was no such template.
    bool remove(const QString &connectionId, const QString &name);
    // Forgets every template of a connection (when its profile is deleted).
    void removeAll(const QString &connectionId);

    // "publishTemplates/<id>" with characters QSettings would treat as separators escaped.
    static QString groupFor(const QString &connectionId);

private:
    void write(const QString &connectionId, const QList<MessageTemplate> &templates);

    QSettings &m_settings;
};

} // namespace tideline
