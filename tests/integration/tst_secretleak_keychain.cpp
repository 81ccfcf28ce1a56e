#include "core/Logging.h"
#include "core/MessageInbox.h"
#include "mqtt/ConnectionProfile.h"
#include "mqtt/MqttConnection.h"
#include "secrets/CredentialStore.h"

#include "TestServers.h"

#include <QtTest>

#include <QDirIterator>
#include <QMutex>
#include <QMutexLocker>
#include <QSettings>
#include <QTemporaryDir>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace tideline;

namespace {

// Every message from every thread (Paho's callbacks log from their own threads).
QMutex g_logMutex;
QByteArray g_log;
int g_logLines = 0;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker locker(&g_logMutex);
        g_log += QByteArray(context.category ? context.category : "?") + ' '
                 + QByteArray(context.function ? context.function : "") + ": "
                 + message.toUtf8() + '\n';
        ++g_logLines;
    }
    // Keep test output readable: the flood of tideline debug and info lines stays in memory;
    // warnings and the test's own lines go through.
    const bool tidelineChatter = (type == QtDebugMsg || type == QtInfoMsg)
                                 && qstrncmp(context.category, "tideline.", 9) == 0;
    if (type == QtDebugMsg && qstrcmp(context.category, "default") == 0)
        return; // QtKeychain's function-name traces
    if (!tidelineChatter && g_previousHandler)
        g_previousHandler(type, context, message);
}

QByteArray capturedLog()
{
    const QMutexLocker locker(&g_logMutex);
    return g_log;
}

struct Encoding
{
    const char *name;
    QByteArray bytes;
};

// The ways a careless line could carry a secret: as typed, as UTF-16, base64, hex, percent-encoded.
QList<Encoding> encodings(const QString &secret)
{
    const QByteArray utf8 = secret.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    return {{"UTF-8", utf8}, {"UTF-16", utf16}, {"base64", utf8.toBase64()},
            {"hex", utf8.toHex()}, {"percent-encoded", utf8.toPercentEncoding()}};
}

// Secrets that cannot occur by chance, in ASCII so mosquitto_passwd takes them verbatim.
QString distinctive(const char *prefix)
{
    return QString::fromLatin1(prefix) + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

// The end-to-end proof that a broker password stays in the OS keychain: stored through
// CredentialStore, handed to MqttConnection at connect time, and absent from the settings file
// and from every log message (all tideline categories at debug) — after a good and a bad login.
class TestSecretLeakKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("TIDELINE_IN_KEYRING"),
                 "run this test through scripts/with-keyring (ctest does): it writes to the Secret Service");
        QVERIFY2(lcSecrets().isDebugEnabled() && lcMqtt().isDebugEnabled() && lcCore().isDebugEnabled(),
                 "debug logging must be on for every tideline category, or the capture proves nothing");
        QVERIFY(m_dir.isValid());
        // Here rather than in main(): QTest::qExec installs its own handler, which ours then
        // wraps (and forwards warnings to).
        g_previousHandler = qInstallMessageHandler(captureMessage);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void captureSeesDebugLines()
    {
        // The detector must be able to fail: a debug line with a marker is caught.
        const QString marker = distinctive("canary-");
        qCDebug(lcSecrets, "canary %s", qUtf8Printable(marker));
        QVERIFY(capturedLog().contains(marker.toUtf8()));
    }

    void passwordNeverLeaves()
    {
        const QString password = distinctive("TlPw-");
        const QString wrongPassword = distinctive("TlWrong-");
        const QString username = u"leak-test-operator"_s;

        test::MosquittoProcess::Options options;
        options.allowAnonymous = false;
        options.username = username;
        options.password = password;
        test::MosquittoProcess broker(options);
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));

        const QString settingsPath = m_dir.filePath(u"tideline.ini"_s);
        ConnectionProfile profile;
        profile.id = ConnectionProfile::newId();
        profile.name = u"leak test"_s;
        profile.url = broker.url();
        profile.username = username;
        profile.hasPassword = true;
        profile.subscribeSys = false;
        profile.autoReconnect = false;
        profile.subscriptions = {Subscription{u"leak/#"_s, 1}};
        {
            QSettings settings(settingsPath, QSettings::IniFormat);
            ProfileStore(settings).save(profile);
            settings.sync();
            QCOMPARE(settings.status(), QSettings::NoError);
        }

        const QString key = ConnectionProfile::secretKey(profile.id, u"password"_s);
        QVERIFY(key.contains(profile.id));
        CredentialStore store;
        const Result<void> written = store.writeSync(key, password);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().detail));

        // What the app does on connect: profile from settings, password from the keychain.
        ConnectionProfile loaded;
        {
            QSettings settings(settingsPath, QSettings::IniFormat);
            const std::optional<ConnectionProfile> found = ProfileStore(settings).byName(profile.id);
            QVERIFY(found.has_value());
            loaded = *found;
        }
        QCOMPARE(loaded.username, username);
        QVERIFY(loaded.hasPassword);
        const Result<QString> secret = store.readSync(key);
        QVERIFY2(secret.ok(), secret.ok() ? "" : qPrintable(secret.error().detail));
        QCOMPARE(secret.value(), password);

        QStringList userVisible; // every message the UI could show
        {
            MqttConnection connection(loaded, std::make_shared<MessageInbox>());
            connect(&connection, &MqttConnection::errorOccurred, this,
                    [&userVisible](const QString &message) { userVisible << message; });
            connection.setPassword(secret.value());
            connection.open();
            QTRY_COMPARE_WITH_TIMEOUT(connection.state(), MqttConnection::State::Connected, 15000);
            userVisible << connection.stateText() << connection.lastError();
            connection.close();
        }
        {
            MqttConnection connection(loaded, std::make_shared<MessageInbox>());
            connect(&connection, &MqttConnection::errorOccurred, this,
                    [&userVisible](const QString &message) { userVisible << message; });
            connection.setPassword(wrongPassword);
            connection.open();
            QTRY_COMPARE_WITH_TIMEOUT(connection.state(), MqttConnection::State::Failed, 15000);
            QVERIFY(!connection.lastError().isEmpty());
            userVisible << connection.stateText() << connection.lastError();
            connection.close();
        }
        QVERIFY(store.removeSync(key).ok());

        // The settings file has the profile (so we looked at the right file) but no secret.
        QFile settingsFile(settingsPath);
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        const QByteArray settingsBytes = settingsFile.readAll();
        QVERIFY2(settingsBytes.contains(username.toUtf8()), settingsBytes.constData());
        QVERIFY(settingsBytes.contains(profile.id.toUtf8()));

        const QByteArray log = capturedLog();
        qInfo("captured %d log lines (%lld bytes)", g_logLines, qint64(log.size()));
        // The keychain layer was heard from, so silence is not mistaken for safety.
        QVERIFY2(log.contains(key.toUtf8()), "no tideline.secrets line naming the key was captured");
        QVERIFY2(log.contains("tideline.mqtt"), "no tideline.mqtt line was captured");

        const QByteArray visible = userVisible.join(u'\n').toUtf8();
        for (const QString &s : {password, wrongPassword}) {
            // Failure messages name the form only: they must not print the secret either.
            for (const Encoding &form : encodings(s)) {
                QVERIFY2(!settingsBytes.contains(form.bytes), form.name);
                QVERIFY2(!log.contains(form.bytes), form.name);
                QVERIFY2(!visible.contains(form.bytes), form.name);
            }
        }
        // Nor in anything else written next to the settings (lock files, backups).
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(password.toUtf8()), qPrintable(f.fileName()));
            QVERIFY2(!bytes.contains(wrongPassword.toUtf8()), qPrintable(f.fileName()));
        }
    }

private:
    QTemporaryDir m_dir;
};

int main(int argc, char **argv)
{
    // ctest switches tideline debug output off through the environment, which would override
    // the rules below: this test needs every line that could be written.
    qunsetenv("QT_LOGGING_RULES");
    QLoggingCategory::setFilterRules(u"tideline.*=true\ndefault.debug=true"_s);
    QCoreApplication app(argc, argv);
    TestSecretLeakKeychain test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretleak_keychain.moc"
