#include "NotificationServer.h"

#include "demo/LocalServers.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>
#include <sys/types.h>

using namespace Qt::StringLiterals;

namespace tideline::test {

namespace {

const QString NotificationsService = u"org.freedesktop.Notifications"_s;
constexpr int StartTimeoutMs = 30'000;

// Nothing expires on its own: a test closes notifications when it wants them in the history.
// The urgency hint goes into the category, which the history shows (dunst 1.9 keeps no urgency there).
const char DunstConfig[] = "[global]\n"
                           "    history_length = 1000\n"
                           "    notification_limit = 0\n"
                           "    idle_threshold = 0\n"
                           "    sticky_history = true\n"
                           "    markup = no\n"
                           "[urgency_low]\n"
                           "    timeout = 0\n"
                           "[urgency_normal]\n"
                           "    timeout = 0\n"
                           "[urgency_critical]\n"
                           "    timeout = 0\n"
                           "[test_urgency_low]\n"
                           "    msg_urgency = low\n"
                           "    set_category = urgency-low\n"
                           "[test_urgency_normal]\n"
                           "    msg_urgency = normal\n"
                           "    set_category = urgency-normal\n"
                           "[test_urgency_critical]\n"
                           "    msg_urgency = critical\n"
                           "    set_category = urgency-critical\n";

QDBusConnectionInterface *busInterface()
{
    return QDBusConnection::sessionBus().interface();
}

bool nameHasOwner()
{
    QDBusConnectionInterface *bus = busInterface();
    return bus && bus->isServiceRegistered(NotificationsService).value();
}

// Waits while keeping the event loop of the test turning (the D-Bus connection lives there).
void pause(int ms)
{
    QCoreApplication::processEvents(QEventLoop::AllEvents, ms);
    QThread::msleep(ms);
}

// A test killed by ctest's timeout must not leave an X server behind.
void dieWithParent(QProcess *process)
{
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

QJsonValue field(const QJsonObject &entry, const char *name)
{
    return entry.value(QLatin1String(name)).toObject().value(u"data"_s);
}

} // namespace

NotificationServer::NotificationServer() = default;

NotificationServer::~NotificationServer()
{
    stop();
}

bool NotificationServer::start(QString *error)
{
    if (isRunning())
        return true;
    if (!m_dir.isValid()) {
        *error = u"cannot create a temp dir"_s;
        return false;
    }
    if (!QDBusConnection::sessionBus().isConnected()) {
        *error = u"no D-Bus session bus (%1): run the test under dbus-run-session, as ctest does"_s.arg(
            QDBusConnection::sessionBus().lastError().message());
        return false;
    }
    // Another server (a desktop's own) would answer instead of dunst.
    if (nameHasOwner()) {
        *error = u"org.freedesktop.Notifications already has an owner (pid %1): run the test in its own "
                 "session bus, as ctest does"_s.arg(busInterface()->servicePid(NotificationsService).value());
        return false;
    }
    if (!writeConfig(error) || !startXvfb(error))
        return false;
    if (!startDunst(error)) {
        stop();
        return false;
    }
    return true;
}

bool NotificationServer::writeConfig(QString *error) const
{
    QFile file(m_dir.filePath(u"dunstrc"_s));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(DunstConfig) < 0) {
        *error = u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool NotificationServer::startXvfb(QString *error)
{
    const QString xvfb = demo::findProgram(u"Xvfb"_s);
    if (xvfb.isEmpty()) {
        *error = u"Xvfb not found (Debian: apt-get install xvfb, or scripts/install-deps)"_s;
        return false;
    }
    m_xvfb = std::make_unique<QProcess>();
    m_xvfb->setStandardErrorFile(m_dir.filePath(u"xvfb.log"_s));
    dieWithParent(m_xvfb.get());
    // -displayfd: Xvfb takes the first free display number and writes it to stdout once it
    // accepts connections, so there is neither a guess nor a race with other X servers.
    m_xvfb->start(xvfb, {u"-displayfd"_s, u"1"_s, u"-nolisten"_s, u"tcp"_s, u"-screen"_s, u"0"_s,
                         u"1280x800x24"_s});
    if (!m_xvfb->waitForStarted(StartTimeoutMs)) {
        *error = u"Xvfb did not start: %1"_s.arg(m_xvfb->errorString());
        m_xvfb.reset();
        return false;
    }
    QByteArray out;
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!out.contains('\n') && !deadline.hasExpired() && m_xvfb->state() == QProcess::Running) {
        m_xvfb->waitForReadyRead(200);
        out += m_xvfb->readAllStandardOutput();
    }
    bool ok = false;
    const int number = out.trimmed().toInt(&ok);
    if (!ok) {
        *error = u"Xvfb reported no display number within %1 s: %2"_s.arg(StartTimeoutMs / 1000).arg(log());
        terminate(m_xvfb.get());
        m_xvfb.reset();
        return false;
    }
    m_display = u":"_s + QString::number(number);
    return true;
}

bool NotificationServer::startDunst(QString *error)
{
    const QString dunst = demo::findProgram(u"dunst"_s);
    if (dunst.isEmpty()) {
        *error = u"dunst not found (Debian: apt-get install dunst, or scripts/install-deps)"_s;
        return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DISPLAY"_s, m_display);
    // Its own HOME: no user config or drop-ins, and an X11 server even inside a Wayland session.
    env.insert(u"HOME"_s, m_dir.path());
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    env.remove(u"WAYLAND_DISPLAY"_s);
    m_dunst = std::make_unique<QProcess>();
    m_dunst->setProcessEnvironment(env);
    dieWithParent(m_dunst.get());
    m_dunst->setProcessChannelMode(QProcess::MergedChannels);
    m_dunst->setStandardOutputFile(m_dir.filePath(u"dunst.log"_s));
    m_dunst->start(dunst, {u"-config"_s, m_dir.filePath(u"dunstrc"_s)});
    if (!m_dunst->waitForStarted(StartTimeoutMs)) {
        *error = u"dunst did not start: %1"_s.arg(m_dunst->errorString());
        m_dunst.reset();
        return false;
    }

    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!nameHasOwner()) {
        if (m_dunst->state() != QProcess::Running) {
            *error = u"dunst exited before it took org.freedesktop.Notifications: %1"_s.arg(log());
            return false;
        }
        if (deadline.hasExpired()) {
            *error = u"dunst did not take org.freedesktop.Notifications within %1 s: %2"_s.arg(StartTimeoutMs / 1000)
                         .arg(log());
            return false;
        }
        pause(50);
    }
    const uint owner = busInterface()->servicePid(NotificationsService).value();
    if (qint64(owner) != m_dunst->processId()) {
        *error = u"org.freedesktop.Notifications belongs to pid %1, not to our dunst (%2)"_s.arg(owner).arg(
            m_dunst->processId());
        return false;
    }
    const QDBusMessage reply = QDBusConnection::sessionBus().call(
        QDBusMessage::createMethodCall(NotificationsService, u"/org/freedesktop/Notifications"_s,
                                       NotificationsService, u"GetServerInformation"_s),
        QDBus::Block, StartTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().value(0).toString() != u"dunst"_s) {
        *error = u"GetServerInformation did not answer \"dunst\": %1 %2"_s.arg(reply.errorMessage(),
                                                                             reply.arguments().value(0).toString());
        return false;
    }
    return true;
}

void NotificationServer::terminate(QProcess *process)
{
    demo::stopProcess(process, 5000, 5000);
}

void NotificationServer::stop()
{
    const bool hadDunst = m_dunst != nullptr;
    terminate(m_dunst.get());
    m_dunst.reset();
    terminate(m_xvfb.get());
    m_xvfb.reset();
    m_display.clear();
    if (!hadDunst || !QDBusConnection::sessionBus().isConnected())
        return;
    // The bus drops the name when it notices the connection is gone; a test that goes on to
    // check "no server" must not race it.
    const QDeadlineTimer deadline(10'000);
    while (nameHasOwner() && !deadline.hasExpired())
        pause(50);
}

bool NotificationServer::isRunning() const
{
    return m_dunst && m_dunst->state() == QProcess::Running && m_xvfb && m_xvfb->state() == QProcess::Running;
}

qint64 NotificationServer::dunstPid() const
{
    return m_dunst ? m_dunst->processId() : 0;
}

qint64 NotificationServer::xvfbPid() const
{
    return m_xvfb ? m_xvfb->processId() : 0;
}

QString NotificationServer::log() const
{
    QString out;
    for (const QString &name : {u"xvfb.log"_s, u"dunst.log"_s}) {
        QFile file(m_dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            out += u"--- "_s + name + u'\n' + QString::fromLocal8Bit(file.readAll());
    }
    return out;
}

bool NotificationServer::runCtl(const QStringList &args, QByteArray *out, QString *error) const
{
    const QString dunstctl = demo::findProgram(u"dunstctl"_s);
    if (dunstctl.isEmpty()) {
        if (error)
            *error = u"dunstctl not found (Debian package dunst)"_s;
        return false;
    }
    QProcess p;
    p.start(dunstctl, args);
    if (!p.waitForFinished(StartTimeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = u"dunstctl %1 failed: %2"_s.arg(args.join(u' '), QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    *out = p.readAllStandardOutput();
    return true;
}

int NotificationServer::displayedCount(QString *error) const
{
    QByteArray out;
    if (!runCtl({u"count"_s, u"displayed"_s}, &out, error))
        return -1;
    bool ok = false;
    const int count = out.trimmed().toInt(&ok);
    if (!ok && error)
        *error = u"dunstctl count displayed printed %1"_s.arg(QString::fromLocal8Bit(out));
    return ok ? count : -1;
}

bool NotificationServer::closeAll(QString *error) const
{
    QByteArray out;
    return runCtl({u"close-all"_s}, &out, error);
}

QList<NotificationServer::Notification> NotificationServer::history(QString *error) const
{
    QByteArray out;
    if (!runCtl({u"history"_s}, &out, error))
        return {};
    // busctl's JSON of the aa{sv} reply: {"type": "aa{sv}", "data": [[{name: {type, data}}, …]]}
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &parseError);
    if (doc.isNull()) {
        if (error)
            *error = u"dunstctl history: %1"_s.arg(parseError.errorString());
        return {};
    }
    QList<Notification> list;
    const QJsonArray entries = doc.object().value(u"data"_s).toArray().at(0).toArray();
    for (const QJsonValue &v : entries) {
        const QJsonObject entry = v.toObject();
        Notification n;
        n.id = quint32(field(entry, "id").toInteger());
        n.appName = field(entry, "appname").toString();
        n.summary = field(entry, "summary").toString();
        n.body = field(entry, "body").toString();
        const QString category = field(entry, "category").toString();
        if (category.startsWith(u"urgency-"_s))
            n.urgency = category.mid(8);
        n.timeoutUs = field(entry, "timeout").toInteger();
        list.append(n);
    }
    return list;
}

} // namespace tideline::test
