#include "secrets/CredentialStore.h"

#include "TestServers.h"

#include <QtTest>

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace tideline;

namespace {

// QtKeychain's libsecret backend files every entry under this schema with the key as "user",
// the service as "server" and "plaintext" as "type"; the item label is the service name.
constexpr auto kSchema = "org.qt.keychain"_L1;

QString uniqueKey(const QString &what = u"password"_s)
{
    return u"connections/%1/%2"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces), what);
}

// For failure messages: Qt 6.4 evaluates a QVERIFY2 description even when the check passes.
template<typename T>
QByteArray describe(const Result<T> &result)
{
    if (result.ok())
        return "ok";
    const Error &e = result.error();
    return QString(e.code + u": "_s + e.message + u" ("_s + e.detail + u')').toUtf8();
}

// The value, or the error code in angle brackets: compares cleanly either way.
QString valueOf(const Result<QString> &result)
{
    return result.ok() ? result.value() : u'<' + result.error().code + u'>';
}

struct ToolRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// secret-tool (libsecret-tools) talks to the same Secret Service through its own client: the
// witness that entries really live there and nowhere else.
ToolRun secretTool(const QStringList &arguments)
{
    QProcess tool;
    tool.start(u"secret-tool"_s, arguments);
    ToolRun run;
    if (!tool.waitForStarted(5000) || !tool.waitForFinished(10000)) {
        run.err = "secret-tool did not run: " + tool.errorString().toUtf8();
        tool.kill();
        tool.waitForFinished(1000);
        return run;
    }
    run.exitCode = tool.exitStatus() == QProcess::NormalExit ? tool.exitCode() : -1;
    run.out = tool.readAllStandardOutput();
    run.err = tool.readAllStandardError();
    return run;
}

QStringList lookupAttributes(const QString &service, const QString &key)
{
    return {u"xdg:schema"_s, kSchema, u"server"_s, service, u"user"_s, key, u"type"_s, u"plaintext"_s};
}

QString longSecret()
{
    // 4 KiB of mixed printable text, deterministic so a failure is reproducible.
    QString s;
    s.reserve(4096);
    const QString alphabet = u"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~ "_s;
    quint32 x = 2463534242u;
    while (s.size() < 4096) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        s.append(alphabet.at(int(x % quint32(alphabet.size()))));
    }
    return s;
}

// Child mode: one keychain operation with whatever D-Bus environment the parent arranged;
// prints "code\nmessage\nelapsedMs\ndetail" so the parent can assert on the failure path.
int runChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString operation = QString::fromLocal8Bit(argv[2]);
    CredentialStore store(u"TidelineChild"_s);
    const QString key = u"connections/child/password"_s;
    QElapsedTimer clock;
    clock.start();
    QString code;
    QString message;
    QString detail;
    if (operation == u"write") {
        const QString secret = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QString();
        const Result<void> r = store.writeSync(key, secret, 8000);
        code = r.ok() ? u"ok"_s : r.error().code;
        message = r.ok() ? QString() : r.error().message;
        detail = r.ok() ? QString() : r.error().detail;
    } else {
        const Result<QString> r = store.readSync(key, 8000);
        code = r.ok() ? u"ok"_s : r.error().code;
        message = r.ok() ? QString() : r.error().message;
        detail = r.ok() ? QString() : r.error().detail;
    }
    QTextStream out(stdout);
    out << code << '\n' << message << '\n' << clock.elapsed() << '\n' << detail << '\n';
    return 0;
}

} // namespace

// CredentialStore against a real Secret Service (gnome-keyring in a private D-Bus session, see
// scripts/with-keyring), cross-checked with secret-tool; and its failure without one.
class TestCredentialStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Refuse to write test entries into a developer's own keyring.
        QVERIFY2(qEnvironmentVariableIsSet("TIDELINE_IN_KEYRING"),
                 "run this test through scripts/with-keyring (ctest does): it writes to the Secret Service");
        QVERIFY2(!test::findProgram(u"secret-tool"_s).isEmpty(),
                 "secret-tool not found: install libsecret-tools");
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::newRow("ascii") << u"hunter2"_s;
        QTest::newRow("punctuation and spaces") << u" a b\t\"quoted\" 'single' \\ ; = & % $HOME "_s;
        QTest::newRow("unicode") << u"pässwörd-密码-пароль-🔑-ελληνικά"_s;
        QTest::newRow("4 KiB") << longSecret();
        QTest::newRow("single char") << u"x"_s;
    }
    void roundTrip()
    {
        QFETCH(QString, secret);
        CredentialStore store;
        const QString key = uniqueKey();

        const Result<void> written = store.writeSync(key, secret);
        QVERIFY2(written.ok(), describe(written).constData());
        const Result<QString> read = store.readSync(key);
        QVERIFY2(read.ok(), describe(read).constData());
        QCOMPARE(valueOf(read), secret);
        QCOMPARE(read.value().toUtf8().size(), secret.toUtf8().size());

        QVERIFY(store.removeSync(key).ok());
        const Result<QString> gone = store.readSync(key);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, u"secrets.notfound"_s);
    }

    void readingAMissingKeyIsNotFound()
    {
        CredentialStore store;
        const QString key = uniqueKey();
        const Result<QString> r = store.readSync(key);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"secrets.notfound"_s);
        QVERIFY2(r.error().message.contains(key), qPrintable(r.error().message));
    }

    void removingAMissingKeySucceeds()
    {
        CredentialStore store;
        QVERIFY(store.removeSync(uniqueKey()).ok());
    }

    void emptyKeyIsRejected()
    {
        CredentialStore store;
        const Result<void> w = store.writeSync(QString(), u"secret"_s, 2000);
        QVERIFY(!w.ok());
        QCOMPARE(w.error().code, u"secrets.invalid"_s);
        const Result<QString> r = store.readSync(QString(), 2000);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"secrets.invalid"_s);
    }

    void overwriteKeepsOneEntry()
    {
        CredentialStore store(u"TidelineTestOverwrite"_s);
        const QString key = uniqueKey();
        QVERIFY(store.writeSync(key, u"first-value"_s).ok());
        QVERIFY(store.writeSync(key, u"second-value"_s).ok());
        const Result<QString> r = store.readSync(key);
        QVERIFY(r.ok());
        QCOMPARE(valueOf(r), u"second-value"_s);

        const ToolRun search = secretTool({u"search"_s, u"--all"_s, u"server"_s, store.service(),
                                           u"user"_s, key});
        QCOMPARE(search.exitCode, 0);
        const QByteArray all = search.out + search.err;
        QCOMPARE(all.count("secret = "), 1);
        QVERIFY(all.contains("secret = second-value"));
        QVERIFY(store.removeSync(key).ok());
    }

    void servicesDoNotSeeEachOther()
    {
        CredentialStore a(u"TidelineTestA"_s);
        CredentialStore b(u"TidelineTestB"_s);
        const QString shared = uniqueKey();
        const QString onlyInA = uniqueKey();
        QVERIFY(a.writeSync(shared, u"secret-of-a"_s).ok());
        QVERIFY(b.writeSync(shared, u"secret-of-b"_s).ok());
        QVERIFY(a.writeSync(onlyInA, u"only-a"_s).ok());

        QCOMPARE(valueOf(a.readSync(shared)), u"secret-of-a"_s);
        QCOMPARE(valueOf(b.readSync(shared)), u"secret-of-b"_s);
        const Result<QString> missing = b.readSync(onlyInA);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, u"secrets.notfound"_s);

        QVERIFY(a.removeSync(shared).ok());
        QCOMPARE(valueOf(b.readSync(shared)), u"secret-of-b"_s);
        QVERIFY(b.removeSync(shared).ok());
        QVERIFY(a.removeSync(onlyInA).ok());
    }

    void secretLivesInTheSecretService()
    {
        CredentialStore store;
        const QString key = uniqueKey();
        const QString secret = u"in-the-keyring-Ω-%1"_s.arg(QUuid::createUuid().toString());
        QVERIFY(store.writeSync(key, secret).ok());

        // Another Secret Service client finds it under QtKeychain's schema and attributes.
        const ToolRun lookup = secretTool([&] {
            QStringList args{u"lookup"_s};
            args << lookupAttributes(store.service(), key);
            return args;
        }());
        QVERIFY2(lookup.exitCode == 0, lookup.err.constData());
        QCOMPARE(QString::fromUtf8(lookup.out), secret);

        const ToolRun search = secretTool({u"search"_s, u"--all"_s, u"user"_s, key});
        QCOMPARE(search.exitCode, 0);
        const QByteArray all = search.out + search.err;
        QVERIFY2(all.contains("label = Tideline"), all.constData());
        QVERIFY2(all.contains("schema = org.qt.keychain"), all.constData());
        QVERIFY2(all.contains("attribute.server = Tideline"), all.constData());
        QVERIFY2(all.contains("attribute.type = plaintext"), all.constData());
        QVERIFY2(all.contains(QByteArray("attribute.user = " + key.toUtf8())), all.constData());

        // And the other way round: an entry put there by another client is read back.
        const QString otherKey = uniqueKey();
        QProcess store2;
        store2.start(u"secret-tool"_s, QStringList{u"store"_s, u"--label=Tideline"_s}
                                           << lookupAttributes(store.service(), otherKey));
        QVERIFY(store2.waitForStarted(5000));
        store2.write("from-secret-tool");
        store2.closeWriteChannel();
        QVERIFY(store2.waitForFinished(10000));
        QCOMPARE(store2.exitCode(), 0);
        QCOMPARE(valueOf(store.readSync(otherKey)), u"from-secret-tool"_s);

        // Removal really deletes it from the Secret Service.
        QVERIFY(store.removeSync(key).ok());
        QVERIFY(store.removeSync(otherKey).ok());
        QVERIFY(secretTool(QStringList{u"lookup"_s} << lookupAttributes(store.service(), key)).exitCode != 0);
        QVERIFY(secretTool(QStringList{u"lookup"_s} << lookupAttributes(store.service(), otherKey)).exitCode != 0);
    }

    void callbacksArriveAsynchronouslyOnTheMainThread()
    {
        CredentialStore store;
        const QString key = uniqueKey();
        bool returned = false;
        bool calledInsideTheCall = false;
        QThread *callbackThread = nullptr;
        std::optional<Result<void>> written;
        store.write(key, u"async-secret"_s, [&](Result<void> r) {
            calledInsideTheCall = !returned;
            callbackThread = QThread::currentThread();
            written = std::move(r);
        });
        returned = true;
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
        QVERIFY(written->ok());
        QVERIFY(!calledInsideTheCall);
        QCOMPARE(callbackThread, QThread::currentThread());

        std::optional<Result<QString>> read;
        store.read(key, [&](Result<QString> r) { read = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
        QCOMPARE(valueOf(*read), u"async-secret"_s);
        QVERIFY(store.removeSync(key).ok());
    }

    void callbacksArriveOnAWorkerOwnerThread()
    {
        QThread worker;
        worker.setObjectName(u"keychain-worker"_s);
        worker.start();
        auto *store = new CredentialStore(u"TidelineTestWorker"_s);
        store->moveToThread(&worker);
        // On every exit, failed checks included: the store dies on its thread (dropping any
        // callback still in flight), then the thread stops.
        auto stopWorker = qScopeGuard([&worker, store] {
            QMetaObject::invokeMethod(store, [store] { delete store; }, Qt::BlockingQueuedConnection);
            worker.quit();
            worker.wait();
        });
        const QString key = uniqueKey();

        std::atomic<QThread *> writeThread{nullptr};
        std::atomic<QThread *> readThread{nullptr};
        std::atomic<bool> done{false};
        QString value; // written by the worker before `done` is released
        QMetaObject::invokeMethod(store, [&, store] {
            store->write(key, u"worker-secret"_s, [&, store](Result<void> w) {
                writeThread = QThread::currentThread();
                if (!w.ok()) {
                    value = u"write failed: "_s + w.error().detail;
                    done = true;
                    return;
                }
                store->read(key, [&](Result<QString> r) {
                    readThread = QThread::currentThread();
                    value = r.ok() ? r.value() : u"read failed: "_s + r.error().detail;
                    done = true;
                });
            });
        });
        // The jobs themselves run on this (main) thread: its event loop must spin meanwhile.
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 10000);
        QCOMPARE(value, u"worker-secret"_s);
        QCOMPARE(writeThread.load(), &worker);
        QCOMPARE(readThread.load(), &worker);

        stopWorker.dismiss();
        QMetaObject::invokeMethod(store, [store] { delete store; }, Qt::BlockingQueuedConnection);
        worker.quit();
        QVERIFY(worker.wait(5000));
        CredentialStore cleanup(u"TidelineTestWorker"_s);
        QVERIFY(cleanup.removeSync(key).ok());
    }

    void manyJobsInFlightKeepTheirResults()
    {
        CredentialStore store(u"TidelineTestBurst"_s);
        constexpr int count = 12;
        QStringList keys;
        for (int i = 0; i < count; ++i)
            keys << uniqueKey(u"burst-%1"_s.arg(i));

        int writes = 0;
        int failures = 0;
        QHash<QString, QString> readBack;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < count; ++i) {
            store.write(keys.at(i), u"value-%1"_s.arg(i), [&](Result<void> r) {
                ++writes;
                failures += r.ok() ? 0 : 1;
            });
        }
        for (int i = 0; i < count; ++i) {
            const QString key = keys.at(i);
            store.read(key, [&, key](Result<QString> r) {
                readBack.insert(key, r.ok() ? r.value() : r.error().code);
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(readBack.size(), count, 20000);
        qInfo("%d writes + %d reads in flight together: %lld ms", count, count,
              qint64(clock.elapsed()));
        QCOMPARE(writes, count);
        QCOMPARE(failures, 0);
        for (int i = 0; i < count; ++i)
            QCOMPARE(readBack.value(keys.at(i)), u"value-%1"_s.arg(i));
        for (const QString &key : std::as_const(keys))
            QVERIFY(store.removeSync(key).ok());
    }

    void destroyedStoreDropsItsCallback()
    {
        const QString key = uniqueKey();
        bool called = false;
        auto *store = new CredentialStore(u"TidelineTestGone"_s);
        store->write(key, u"written-anyway"_s, [&called](Result<void>) { called = true; });
        delete store;

        // QtKeychain runs jobs one after another: once this later read is answered, the
        // orphaned write has finished too, and its result had nowhere to go.
        CredentialStore witness(u"TidelineTestGone"_s);
        const Result<QString> r = witness.readSync(key);
        QVERIFY2(r.ok(), describe(r).constData());
        QCOMPARE(valueOf(r), u"written-anyway"_s);
        QCoreApplication::processEvents();
        QVERIFY(!called);
        QVERIFY(witness.removeSync(key).ok());
    }

    void syncHelperTimesOut()
    {
        CredentialStore store;
        const QString key = uniqueKey();
        // A zero budget expires before any D-Bus round trip can complete.
        const Result<QString> r = store.readSync(key, 0);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"secrets.timeout"_s);
        QVERIFY(!r.error().message.isEmpty());
        // The late answer to the abandoned read must land harmlessly.
        QVERIFY(store.writeSync(key, u"after-timeout"_s).ok());
        QCOMPARE(valueOf(store.readSync(key)), u"after-timeout"_s);
        QVERIFY(store.removeSync(key).ok());
    }

    void failsFastWithoutAUsableSecretService_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("expectedCode");
        QTest::addColumn<QString>("messageMentions");
        // No D-Bus session at all (a bare SSH login, a container).
        QTest::newRow("no session bus, read") << u"nobus"_s << u"read"_s << u"secrets.unavailable"_s << u"Secret Service"_s;
        QTest::newRow("no session bus, write") << u"nobus"_s << u"write"_s << u"secrets.unavailable"_s << u"Secret Service"_s;
        // A session bus with nothing that provides or can activate org.freedesktop.secrets.
        QTest::newRow("no Secret Service, read") << u"bare"_s << u"read"_s << u"secrets.unavailable"_s << u"Secret Service"_s;
        QTest::newRow("no Secret Service, write") << u"bare"_s << u"write"_s << u"secrets.unavailable"_s << u"Secret Service"_s;
        // The desktop's bus activates gnome-keyring, but its login keyring was never created
        // or unlocked and no prompt can be shown (no display): writing is refused, and there
        // is nothing to read.
        QTest::newRow("locked keyring, write") << u"activatable"_s << u"write"_s << u"secrets.denied"_s << u"unlock"_s;
        QTest::newRow("locked keyring, read") << u"activatable"_s << u"read"_s << u"secrets.notfound"_s << QString();
    }
    void failsFastWithoutAUsableSecretService()
    {
        QFETCH(QString, setup);
        QFETCH(QString, operation);
        QFETCH(QString, expectedCode);
        QFETCH(QString, messageMentions);

        QTemporaryDir home;
        QVERIFY(home.isValid());
        QVERIFY(QDir(home.path()).mkpath(u"run"_s));
        QFile::setPermissions(home.filePath(u"run"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // No display either: nothing may pop up a prompt or autolaunch a bus.
        for (const auto *name : {"DBUS_SESSION_BUS_ADDRESS", "DBUS_STARTER_ADDRESS",
                                 "DBUS_STARTER_BUS_TYPE", "DISPLAY", "WAYLAND_DISPLAY",
                                 "GNOME_KEYRING_CONTROL", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
                                 "KDE_FULL_SESSION", "KDE_SESSION_VERSION"}) {
            env.remove(QString::fromLatin1(name));
        }
        env.insert(u"HOME"_s, home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u".config"_s));
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(u".local/share"_s));
        env.insert(u"XDG_RUNTIME_DIR"_s, home.filePath(u"run"_s));

        const QString secret = u"must-not-be-stored-anywhere-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
        QStringList childArgs{u"--keychain-child"_s, operation, secret};
        QString program = QCoreApplication::applicationFilePath();
        if (setup != u"nobus") {
            const QString runSession = test::findProgram(u"dbus-run-session"_s);
            QVERIFY2(!runSession.isEmpty(), "dbus-run-session not found");
            QStringList sessionArgs;
            if (setup == u"bare") {
                // A real session bus without service directories: nothing can be activated.
                QFile config(home.filePath(u"session.conf"_s));
                QVERIFY(config.open(QIODevice::WriteOnly));
                config.write(QByteArray(
                    "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                    " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                    "<busconfig>\n  <type>session</type>\n  <listen>unix:dir=" + home.path().toUtf8()
                    + "</listen>\n  <auth>EXTERNAL</auth>\n"
                    "  <policy context=\"default\">\n    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                    "    <allow eavesdrop=\"true\"/>\n    <allow own=\"*\"/>\n  </policy>\n</busconfig>\n"));
                config.close();
                sessionArgs << u"--config-file="_s + config.fileName();
            } else {
                QVERIFY2(QFile::exists(u"/usr/share/dbus-1/services/org.freedesktop.secrets.service"_s),
                         "gnome-keyring's D-Bus service file is missing");
            }
            childArgs = sessionArgs + QStringList{u"--"_s, program} + childArgs;
            program = runSession;
        }

        QProcess child;
        child.setProcessEnvironment(env);
        QElapsedTimer clock;
        clock.start();
        child.start(program, childArgs);
        QVERIFY2(child.waitForStarted(5000), qPrintable(child.errorString()));
        const bool finished = child.waitForFinished(20000);
        if (!finished) {
            child.kill();
            child.waitForFinished(2000);
        }
        const QByteArray err = child.readAllStandardError();
        QVERIFY2(finished, "the keychain call hung without a Secret Service");
        QCOMPARE(child.exitCode(), 0);
        const QStringList lines = QString::fromUtf8(child.readAllStandardOutput()).split(u'\n');
        QVERIFY2(lines.size() >= 4, err.constData());
        qInfo("%s after %s ms (child total %lld ms); library said: %s", qPrintable(lines.at(0)),
              qPrintable(lines.at(2)), qint64(clock.elapsed()), qPrintable(lines.at(3)));
        QVERIFY2(lines.at(0) == expectedCode, qPrintable(lines.join(u" | ") + QString::fromUtf8(err)));
        QVERIFY2(lines.at(1).contains(messageMentions, Qt::CaseInsensitive), qPrintable(lines.at(1)));
        if (expectedCode == u"secrets.unavailable") // says how to fix it
            QVERIFY2(lines.at(1).contains(u"GNOME Keyring"), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).toLongLong() < 5000, qPrintable(lines.at(2)));

        // No plaintext fallback: nothing under the child's home holds the secret.
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
        QVERIFY(!err.contains(secret.toUtf8()));
    }
};

int main(int argc, char **argv)
{
    if (argc >= 3 && qstrcmp(argv[1], "--keychain-child") == 0)
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestCredentialStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
