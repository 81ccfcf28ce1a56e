#include "secrets/CredentialStore.h"

#include "core/Logging.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <iterator>
#include <optional>

using namespace Qt::StringLiterals;

namespace tideline {

// The bridge between jobs (which finish on the main thread) and the store (which may live on
// any thread). The destructor cuts it under the mutex, so a result either gets posted to a
// living store or is dropped; events already posted die with the store.
struct CredentialStoreLink
{
    QMutex mutex;
    CredentialStore *store = nullptr;

    void deliver(std::function<void()> call)
    {
        const QMutexLocker locker(&mutex);
        if (store)
            QMetaObject::invokeMethod(store, std::move(call), Qt::QueuedConnection);
    }
};

struct CredentialStore::Outcome
{
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString text; // read only
};

namespace {

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
// GIO finds the session bus through DBUS_SESSION_BUS_ADDRESS, then $XDG_RUNTIME_DIR/bus, then
// X11 autolaunch. With none of them there is no Secret Service to talk to, whatever the
// (possibly translated) library text says.
bool sessionBusReachable()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtimeDir.isEmpty() && QFileInfo::exists(QDir(runtimeDir).filePath(u"bus"_s)))
        return true;
    return !qEnvironmentVariableIsEmpty("DISPLAY");
}
#endif

// QtKeychain reports a missing D-Bus session or Secret Service as OtherError with library text
// (libsecret/GIO: "Cannot autolaunch D-Bus without X11 $DISPLAY", "The name
// org.freedesktop.secrets was not provided by any .service files"; KWallet: "D-Bus is not
// running"), so the text is all there is to tell it from a genuine failure.
bool looksUnavailable(const QString &detail)
{
    static const QLatin1String markers[] = {
        "d-bus"_L1, "dbus"_L1, "org.freedesktop.secrets"_L1, "not provided by any"_L1,
        "serviceunknown"_L1, "no keychain"_L1, "no keyring daemon"_L1, "autolaunch"_L1,
    };
    const QString lower = detail.toLower();
    return std::any_of(std::begin(markers), std::end(markers),
                       [&lower](QLatin1String marker) { return lower.contains(marker); });
}

// A Secret Service that refuses, or whose default keyring is locked (or was never created) and
// that could not show an unlock prompt, e.g. gnome-keyring activated in a session without a
// display: "Object does not exist at path /org/freedesktop/secrets/collection/login",
// "Cannot create an item in a locked collection".
bool looksDenied(const QString &detail)
{
    const QString lower = detail.toLower();
    return lower.contains("locked"_L1) || lower.contains("accessdenied"_L1)
           || lower.contains("access denied"_L1)
           || (lower.contains("/org/freedesktop/secrets/collection/"_L1)
               && lower.contains("not exist"_L1));
}

Error toError(QKeychain::Error code, const QString &detail, const QString &key)
{
    if (key.isEmpty()) {
        return {u"secrets.invalid"_s, CredentialStore::tr("A keychain entry needs a non-empty name."),
                detail};
    }
    switch (code) {
    case QKeychain::EntryNotFound:
        return {u"secrets.notfound"_s,
                CredentialStore::tr("No secret is stored in the OS keychain for “%1”.").arg(key),
                detail};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return {u"secrets.denied"_s,
                CredentialStore::tr("The OS keychain refused access to “%1”. Unlock the keychain "
                                    "(or allow Tideline to use it) and try again.").arg(key),
                detail};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {u"secrets.unavailable"_s, CredentialStore::unavailableMessage(), detail};
    case QKeychain::CouldNotDeleteEntry:
        return {u"secrets.failed"_s,
                CredentialStore::tr("The OS keychain could not delete “%1” (%2).").arg(key, detail),
                detail};
    case QKeychain::OtherError:
    case QKeychain::NoError:
        break;
    }
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    if (!sessionBusReachable())
        return {u"secrets.unavailable"_s, CredentialStore::unavailableMessage(), detail};
#endif
    if (looksDenied(detail)) {
        return {u"secrets.denied"_s,
                CredentialStore::tr("The OS keychain is locked or refused access, and no unlock "
                                    "prompt could be shown. Unlock (or create) your login "
                                    "keyring, for example in “Passwords and Keys”, then try again."),
                detail};
    }
    if (looksUnavailable(detail))
        return {u"secrets.unavailable"_s, CredentialStore::unavailableMessage(), detail};
    return {u"secrets.failed"_s,
            CredentialStore::tr("The OS keychain reported an error for “%1” (%2).").arg(key, detail),
            detail};
}

// Maps and logs a failed job: key names, codes and library text only, never a secret.
Error failure(const char *what, const QString &service, const QString &key, QKeychain::Error code,
              const QString &detail)
{
    Error error = toError(code, detail, key);
    if (error.code == u"secrets.notfound") {
        qCDebug(lcSecrets, "%s %s: not found", what, qUtf8Printable(key));
    } else if (!key.isEmpty()) { // an empty key was already reported when refused
        qCWarning(lcSecrets, "%s %s (service %s): %s: %s", what, qUtf8Printable(key),
                  qUtf8Printable(service), qUtf8Printable(error.code), qUtf8Printable(error.detail));
    }
    return error;
}

template<typename T>
Result<T> waitForResult(CredentialStore *store, int timeoutMs,
                        const std::function<void(std::function<void(Result<T>)>)> &launch,
                        const QString &key, const char *what)
{
    if (QThread::currentThread() != store->thread()) {
        return Error{u"secrets.failed"_s,
                     CredentialStore::tr("Internal error: the keychain was used from the wrong thread."),
                     u"sync helper called off the owner thread"_s};
    }
    // Shared with the callback: after a timeout the late result lands here harmlessly.
    auto result = std::make_shared<std::optional<Result<T>>>();
    QEventLoop loop;
    QPointer<QEventLoop> loopGuard(&loop);
    launch([result, loopGuard](Result<T> r) {
        *result = std::move(r);
        if (loopGuard)
            loopGuard->quit();
    });
    if (!result->has_value()) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    if (result->has_value())
        return std::move(**result);
    qCWarning(lcSecrets, "%s %s: no answer from the OS keychain within %d ms", what,
              qUtf8Printable(key), timeoutMs);
    return Error{u"secrets.timeout"_s,
                 CredentialStore::tr("The OS keychain did not answer within %n second(s). It may be "
                                     "waiting for you to unlock it.", nullptr,
                                     qMax(1, timeoutMs / 1000)),
                 u"timeout after %1 ms"_s.arg(timeoutMs)};
}

} // namespace

CredentialStore::CredentialStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_link(std::make_shared<CredentialStoreLink>())
{
    m_link->store = this;
}

CredentialStore::~CredentialStore()
{
    const QMutexLocker locker(&m_link->mutex);
    m_link->store = nullptr;
}

QString CredentialStore::unavailableMessage()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    return tr("The OS keychain is not available, so Tideline cannot store or read passwords. "
              "A Secret Service must be running in your desktop session's D-Bus (for example "
              "GNOME Keyring, KWallet with its Secret Service interface, or KeePassXC with "
              "Secret Service integration enabled). Start and unlock one, then try again.");
#else
    return tr("The OS keychain is not available, so Tideline cannot store or read passwords. "
              "Make sure the system credential store is enabled for your account, then try again.");
#endif
}

void CredentialStore::start(Operation operation, const QString &key, const QString &secret,
                            std::function<void(const Outcome &)> finish)
{
    const char *what = operation == Operation::Read    ? "read"
                       : operation == Operation::Write ? "write"
                                                       : "remove";
    if (key.isEmpty()) {
        qCWarning(lcSecrets, "%s: refused an empty key", what);
        m_link->deliver([finish] {
            finish(Outcome{QKeychain::OtherError, u"empty key"_s, {}});
        });
        return;
    }
    auto *app = QCoreApplication::instance();
    if (!app) {
        qCWarning(lcSecrets, "%s %s: no QCoreApplication, cannot run keychain jobs", what,
                  qUtf8Printable(key));
        finish(Outcome{QKeychain::OtherError, u"no QCoreApplication"_s, {}});
        return;
    }
    qCDebug(lcSecrets, "%s %s (service %s): started", what, qUtf8Printable(key),
            qUtf8Printable(m_service));

    // QtKeychain 0.13 runs every job through one process-wide executor that is not thread-safe,
    // and its libsecret backend completes in the GLib main context: so all jobs are created and
    // run on the main thread, and only the outcome travels back to this object's thread.
    auto launch = [link = m_link, service = m_service, operation, key, secret,
                   finish = std::move(finish)] {
        QKeychain::Job *job = nullptr;
        switch (operation) {
        case Operation::Read:
            job = new QKeychain::ReadPasswordJob(service);
            break;
        case Operation::Write: {
            auto *writeJob = new QKeychain::WritePasswordJob(service);
            writeJob->setTextData(secret);
            job = writeJob;
            break;
        }
        case Operation::Remove:
            job = new QKeychain::DeletePasswordJob(service);
            break;
        }
        job->setAutoDelete(true);
        // Never store secrets in a plaintext QSettings file when the keychain is missing.
        job->setInsecureFallback(false);
        job->setKey(key);
        QObject::connect(job, &QKeychain::Job::finished, job,
                         [link, operation, finish](QKeychain::Job *done) {
            Outcome outcome{done->error(), done->errorString(), {}};
            if (operation == Operation::Read && outcome.error == QKeychain::NoError)
                outcome.text = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
            link->deliver([finish, outcome] { finish(outcome); });
        });
        job->start();
    };
    if (QThread::currentThread() == app->thread())
        launch();
    else
        QMetaObject::invokeMethod(app, std::move(launch), Qt::QueuedConnection);
}

void CredentialStore::read(const QString &key, ReadCallback done)
{
    start(Operation::Read, key, {}, [this, key, done = std::move(done)](const Outcome &outcome) {
        if (outcome.error == QKeychain::NoError && !key.isEmpty()) {
            qCDebug(lcSecrets, "read %s: found", qUtf8Printable(key));
            done(outcome.text);
            return;
        }
        done(failure("read", m_service, key, outcome.error, outcome.errorString));
    });
}

void CredentialStore::write(const QString &key, const QString &secret, WriteCallback done)
{
    start(Operation::Write, key, secret,
          [this, key, done = std::move(done)](const Outcome &outcome) {
        if (outcome.error == QKeychain::NoError && !key.isEmpty()) {
            qCDebug(lcSecrets, "write %s: stored in the OS keychain", qUtf8Printable(key));
            done(Result<void>());
            return;
        }
        done(failure("write", m_service, key, outcome.error, outcome.errorString));
    });
}

void CredentialStore::remove(const QString &key, WriteCallback done)
{
    start(Operation::Remove, key, {}, [this, key, done = std::move(done)](const Outcome &outcome) {
        // The Secret Service treats clearing a missing entry as success; so do we.
        if (!key.isEmpty()
            && (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound)) {
            qCDebug(lcSecrets, "remove %s: removed from the OS keychain", qUtf8Printable(key));
            done(Result<void>());
            return;
        }
        done(failure("remove", m_service, key, outcome.error, outcome.errorString));
    });
}

Result<QString> CredentialStore::readSync(const QString &key, int timeoutMs)
{
    return waitForResult<QString>(
        this, timeoutMs, [this, &key](ReadCallback done) { read(key, std::move(done)); }, key,
        "read");
}

Result<void> CredentialStore::writeSync(const QString &key, const QString &secret, int timeoutMs)
{
    return waitForResult<void>(
        this, timeoutMs,
        [this, &key, &secret](WriteCallback done) { write(key, secret, std::move(done)); }, key,
        "write");
}

Result<void> CredentialStore::removeSync(const QString &key, int timeoutMs)
{
    return waitForResult<void>(
        this, timeoutMs, [this, &key](WriteCallback done) { remove(key, std::move(done)); }, key,
        "remove");
}

} // namespace tideline
