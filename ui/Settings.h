#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>

namespace tideline::settings {

// Every QSettings key the GUI uses, typed, in one place. Secrets never appear here: passwords
// and passphrases live in the OS keychain (CredentialStore).
template<typename T>
class Key final
{
public:
    Key(const char *name, T defaultValue) : m_name(name), m_default(std::move(defaultValue)) {}

    QString name() const { return QString::fromLatin1(m_name); }
    T defaultValue() const { return m_default; }

    T read(const QSettings &settings) const
    {
        const QVariant v = settings.value(name());
        if (!v.isValid() || !v.canConvert<T>())
            return m_default;
        return v.value<T>();
    }
    void write(QSettings &settings, const T &value) const { settings.setValue(name(), value); }
    bool exists(const QSettings &settings) const { return settings.contains(name()); }

private:
    const char *m_name;
    T m_default;
};

inline const Key<QByteArray> MainWindowGeometry{"ui/mainWindow/geometry", {}};
inline const Key<QByteArray> MainWindowState{"ui/mainWindow/state", {}};
inline const Key<bool> ShowSubscriptionsPanel{"ui/panels/subscriptions", true};
inline const Key<bool> ShowBrokerStatsPanel{"ui/panels/brokerStats", true};
inline const Key<bool> ShowTopicDetailsPanel{"ui/panels/topicDetails", true};
inline const Key<bool> ShowPublishPanel{"ui/panels/publish", false};
inline const Key<bool> ShowStatusBar{"ui/statusBar", true};
inline const Key<QByteArray> TopicHeaderState{"ui/connectionView/topicHeader", {}};
inline const Key<QByteArray> ConnectionSplitterState{"ui/connectionView/splitter", {}};
inline const Key<QByteArray> TopicSplitterState{"ui/connectionView/topicSplitter", {}};
inline const Key<QString> LastProfileId{"ui/connectionDialog/lastProfile", {}};
inline const Key<QByteArray> ConnectionDialogGeometry{"ui/connectionDialog/geometry", {}};
// "system", "light" or "dark" (ui/Theme.h).
inline const Key<QString> Theme{"ui/theme", QStringLiteral("system")};
// "" for the system's language, "en" or "zh_CN"; applied at the next start.
inline const Key<QString> Language{"ui/language", {}};
// Where the last workspace was opened or saved (the file dialogs start there).
inline const Key<QString> LastWorkspaceDirectory{"workspaces/lastDirectory", {}};
// Desktop notifications for queue-depth alerts (AlertNotifier); the alerts list keeps them anyway.
inline const Key<bool> AlertNotifications{"alerts/desktopNotifications", true};
// History memory per connection, MiB (TopicTree::DefaultHistoryBudget is 256 MiB).
inline const Key<int> HistoryBudgetMiB{"history/budgetMiB", 256};

// Where settings live: the platform default (organisation/application "Tideline"), or an ini
// file chosen with --settings (tests and documentation runs).
void useIniFile(const QString &path);
QString iniFile();
// A fresh QSettings on the chosen store; cheap, create one where needed.
std::unique_ptr<QSettings> open();

} // namespace tideline::settings
