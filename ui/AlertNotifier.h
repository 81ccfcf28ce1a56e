#pragma once

#include "models/MetricAlertModel.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

class QDBusPendingCallWatcher;
class QSystemTrayIcon;

namespace tideline {

// Tells the desktop about queue-depth alerts. Each alert goes, in order of preference, to the
// freedesktop notification server (org.freedesktop.Notifications on the session bus), to a
// tray balloon when no such server answers but a system tray exists, or nowhere: then the
// alert is only in the dashboard's alerts list and the log says so once. A repeat alert for
// the same series replaces that series' notification instead of stacking a new one.
// settings::AlertNotifications turns all of it off.
//
// Owns the tray icon it may create and the notification id last shown per series.
class AlertNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertNotifier)

public:
    enum class Channel { DesktopNotification, TrayMessage, None };
    Q_ENUM(Channel)

    // Spec: https://specifications.freedesktop.org/notification-spec/ (version 1.2).
    static constexpr const char *Service = "org.freedesktop.Notifications";
    static constexpr const char *Path = "/org/freedesktop/Notifications";
    static constexpr const char *Interface = "org.freedesktop.Notifications";
    // The desktop entry and icon name the package installs.
    static constexpr const char *DesktopEntry = "io.github.tideline.Tideline";
    static constexpr int CallTimeoutMs = 10'000;

    explicit AlertNotifier(QObject *parent = nullptr);
    ~AlertNotifier() override;

    // Sends `alert` on the best channel there is; does nothing when the preference is off.
    // Never blocks: the D-Bus call is asynchronous and notified() says how it went.
    void notify(const MetricAlert &alert);

    // The preference (settings::AlertNotifications), read on every alert.
    static bool isEnabled();
    static void setEnabled(bool enabled);

    // The server's id of the notification last shown for `key`, 0 when none.
    quint32 notificationId(const MetricSeriesKey &key) const;

    // What a notification says: the summary line and the body text.
    static QString summaryFor(const MetricAlert &alert);
    static QString bodyFor(const MetricAlert &alert);

Q_SIGNALS:
    // One per alert handled (MetricAlert::id): where it went and, for DesktopNotification, the
    // server's notification id.
    void notified(quint64 alertId, tideline::AlertNotifier::Channel channel, quint32 notificationId);

private:
    struct Shown
    {
        quint32 id = 0;                       // last id the server returned for the series
        bool pending = false;                 // a Notify call is on its way
        std::optional<MetricAlert> queued;    // the newest alert that came while pending
    };

    void sendToServer(const MetricAlert &alert);
    void onNotifyFinished(const MetricSeriesKey &key, const MetricAlert &alert, QDBusPendingCallWatcher *watcher);
    void fallBack(const MetricAlert &alert, const QString &reason);

    QHash<MetricSeriesKey, Shown> m_shown;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_unavailableLogged = false;
};

} // namespace tideline
