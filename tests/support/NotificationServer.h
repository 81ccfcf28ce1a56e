#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace tideline::test {

// A real freedesktop notification server for tests: Xvfb on a display number it picks itself
// (-displayfd) and dunst on that display, owning org.freedesktop.Notifications on this
// process's session bus. Run such tests in a private bus that activates nothing
// (tests/CMakeLists.txt wraps every tst_*notif* test in dbus-run-session with
// tests/support/notification-bus.conf), so a stopped server stays stopped.
//
// Owns both processes and a temp dir with dunst's config and the logs; stops both by PID.
// Tests must QVERIFY2(start(&error), ...): never skip.
class NotificationServer final
{
public:
    // One notification as dunst keeps it in its history (`dunstctl history`).
    struct Notification
    {
        quint32 id = 0;
        QString appName;
        QString summary;
        QString body;
        // "low", "normal" or "critical": the config's rules put the urgency hint into the
        // category (dunst 1.9's history has no urgency field), so a client's own category is lost.
        QString urgency;
        qint64 timeoutUs = 0; // what dunst applied, microseconds; 0 = never expires
    };

    NotificationServer();
    ~NotificationServer();
    NotificationServer(const NotificationServer &) = delete;
    NotificationServer &operator=(const NotificationServer &) = delete;

    // Starts Xvfb, then dunst, and waits (30 s at most) until dunst owns
    // org.freedesktop.Notifications and GetServerInformation answers "dunst".
    bool start(QString *error);
    // SIGTERM by PID (SIGKILL after 5 s): dunst, then Xvfb; then waits until the bus name is gone.
    void stop();
    bool isRunning() const;

    QString display() const { return m_display; } // ":N"
    qint64 dunstPid() const;
    qint64 xvfbPid() const;
    QString dir() const { return m_dir.path(); }
    QString log() const; // what Xvfb and dunst wrote

    // --- dunstctl ---
    // Notifications on screen (dunstctl count displayed); -1 when dunstctl fails.
    int displayedCount(QString *error = nullptr) const;
    // Closes every displayed notification, which moves it into the history (dunstctl close-all).
    bool closeAll(QString *error = nullptr) const;
    // Closed notifications, newest first (dunstctl history, JSON). Shown ones are not in it:
    // closeAll() first.
    QList<Notification> history(QString *error = nullptr) const;

private:
    bool startXvfb(QString *error);
    bool startDunst(QString *error);
    bool writeConfig(QString *error) const;
    bool runCtl(const QStringList &args, QByteArray *out, QString *error) const;
    static void terminate(QProcess *process);

    QTemporaryDir m_dir;
    QString m_display;
    std::unique_ptr<QProcess> m_xvfb;
    std::unique_ptr<QProcess> m_dunst;
};

} // namespace tideline::test
