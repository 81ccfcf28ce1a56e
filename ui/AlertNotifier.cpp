#include "AlertNotifier.h"

#include "Settings.h"
#include "core/Logging.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSystemTrayIcon>
#include <QVariantMap>

#include <utility>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

// The spec's urgency levels (hint "urgency", a byte).
constexpr uchar UrgencyCritical = 2;
// expire_timeout -1: the server's default. Critical notifications do not expire on their own
// (spec, "Urgency Levels"): a queue past its threshold is worth a look, and a repeat replaces
// the notification rather than stacking another.
constexpr int ServerDefaultTimeout = -1;
constexpr int TrayMessageMs = 10'000;

} // namespace

AlertNotifier::AlertNotifier(QObject *parent) : QObject(parent) {}

AlertNotifier::~AlertNotifier() = default;

bool AlertNotifier::isEnabled()
{
    return settings::AlertNotifications.read(*settings::open());
}

void AlertNotifier::setEnabled(bool enabled)
{
    settings::AlertNotifications.write(*settings::open(), enabled);
}

quint32 AlertNotifier::notificationId(const MetricSeriesKey &key) const
{
    return m_shown.value(key).id;
}

QString AlertNotifier::summaryFor(const MetricAlert &alert)
{
    return tr("Queue alert: %1").arg(alert.chart);
}

QString AlertNotifier::bodyFor(const MetricAlert &alert)
{
    return MetricAlertModel::describe(alert);
}

void AlertNotifier::notify(const MetricAlert &alert)
{
    if (!isEnabled()) {
        qCDebug(lcUi) << "alert notifications are off; alert" << alert.id << "is in the alerts list only";
        return;
    }
    Shown &shown = m_shown[alert.key];
    if (shown.pending) {
        // The reply to the previous call carries the id this one must replace; an alert that
        // is still queued when a newer one comes is superseded by it.
        shown.queued = alert;
        return;
    }
    sendToServer(alert);
}

void AlertNotifier::sendToServer(const MetricAlert &alert)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        fallBack(alert, u"no D-Bus session bus"_s);
        return;
    }
    Shown &shown = m_shown[alert.key];
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(Service), QString::fromLatin1(Path),
                                                       QString::fromLatin1(Interface), u"Notify"_s);
    QVariantMap hints;
    hints.insert(u"urgency"_s, QVariant::fromValue<uchar>(UrgencyCritical));
    hints.insert(u"desktop-entry"_s, QString::fromLatin1(DesktopEntry));
    // Notify(STRING app_name, UINT32 replaces_id, STRING app_icon, STRING summary, STRING body,
    //        as actions, a{sv} hints, INT32 expire_timeout) -> UINT32 id
    // Servers with "body-markup" read the body as markup, so a queue named "a<b" must be escaped.
    call << u"Tideline"_s << uint(shown.id) << QString::fromLatin1(DesktopEntry) << summaryFor(alert)
         << bodyFor(alert).toHtmlEscaped() << QStringList() << hints << ServerDefaultTimeout;
    shown.pending = true;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, CallTimeoutMs), this);
    const MetricSeriesKey key = alert.key;
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, key, alert](QDBusPendingCallWatcher *w) { onNotifyFinished(key, alert, w); });
}

void AlertNotifier::onNotifyFinished(const MetricSeriesKey &key, const MetricAlert &alert,
                                     QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    const QDBusPendingReply<uint> reply = *watcher;
    Shown &shown = m_shown[key];
    shown.pending = false;
    if (reply.isError()) {
        shown.id = 0;
        fallBack(alert, reply.error().name() + u": "_s + reply.error().message());
    } else {
        shown.id = reply.value();
        m_unavailableLogged = false;
        qCDebug(lcUi) << "alert" << alert.id << "is desktop notification" << shown.id;
        Q_EMIT notified(alert.id, Channel::DesktopNotification, shown.id);
    }
    if (shown.queued) {
        const MetricAlert next = *std::exchange(shown.queued, std::nullopt);
        sendToServer(next);
    }
}

void AlertNotifier::fallBack(const MetricAlert &alert, const QString &reason)
{
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->setToolTip(tr("Tideline queue alerts"));
        }
        m_tray->show();
        m_tray->showMessage(summaryFor(alert), bodyFor(alert), QSystemTrayIcon::Warning, TrayMessageMs);
        qCDebug(lcUi, "no notification server (%s): alert %llu went to the tray", qPrintable(reason),
                static_cast<unsigned long long>(alert.id));
        Q_EMIT notified(alert.id, Channel::TrayMessage, 0);
        return;
    }
    if (!m_unavailableLogged) {
        m_unavailableLogged = true;
        qCWarning(lcUi,
                  "desktop notifications are unavailable (%s) and there is no system tray: alerts are shown "
                  "in the alerts list only",
                  qPrintable(reason));
    }
    Q_EMIT notified(alert.id, Channel::None, 0);
}

} // namespace tideline
