#include "ConnectionView.h"
#include "MainWindow.h"
#include "Settings.h"
#include "TestServers.h"
#include "secrets/CredentialStore.h"

#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

// A profile whose password lives in the keychain (a real Secret Service, started by
// scripts/with-keyring): the tab reads it asynchronously before connecting, a wrong one ends
// in a red "Failed: …" state, and the password never reaches the settings file.
class TestCredentialConnect : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_iniSerial = 0;
    std::unique_ptr<MosquittoProcess> m_broker;
    const QString m_password = u"tide-%1-pass"_s.arg(QDateTime::currentMSecsSinceEpoch());

    ConnectionProfile profile() const
    {
        ConnectionProfile p = ConnectionProfile::fromUrl(m_broker->url()).value();
        p.id = ConnectionProfile::newId();
        p.name = u"Keychain broker"_s;
        p.username = u"operator"_s;
        p.hasPassword = true;
        p.autoReconnect = false;
        p.subscriptions = {{u"#"_s, 0}};
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("TIDELINE_IN_KEYRING"),
                 "run through scripts/with-keyring (ctest does)");
        QVERIFY(m_dir.isValid());
        MosquittoProcess::Options o;
        o.allowAnonymous = false;
        o.username = u"operator"_s;
        o.password = m_password;
        m_broker = std::make_unique<MosquittoProcess>(o);
        QString error;
        QVERIFY2(m_broker->start(&error), qPrintable(error));
    }

    void init()
    {
        settings::useIniFile(m_dir.filePath(u"settings-%1.ini"_s.arg(++m_iniSerial)));
    }

    void passwordComesFromKeychain()
    {
        MainWindow window;
        window.show();
        const ConnectionProfile p = profile();
        const auto written = window.credentialStore()->writeSync(
            ConnectionProfile::secretKey(p.id, u"password"_s), m_password);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        {
            const auto s = settings::open();
            ProfileStore(*s).save(p);
        }

        ConnectionView *view = window.openConnection(p); // no password handed over
        QTRY_COMPARE_WITH_TIMEOUT(view->connection()->state(), MqttConnection::State::Connected, 10000);
        QTRY_COMPARE(window.findChild<QLabel *>(u"statusState"_s)->text(), u"Connected"_s);
        window.close();

        const QString ini = settings::iniFile();
        QFile f(ini);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(m_password.toUtf8()), "the password reached the settings file");
    }

    void wrongPasswordFailsInRed()
    {
        MainWindow window;
        window.show();
        const ConnectionProfile p = profile();
        QVERIFY(window.credentialStore()
                    ->writeSync(ConnectionProfile::secretKey(p.id, u"password"_s), u"not-it"_s)
                    .ok());
        ConnectionView *view = window.openConnection(p);
        QTRY_COMPARE_WITH_TIMEOUT(view->state(), MqttConnection::State::Failed, 10000);
        QLabel *state = window.findChild<QLabel *>(u"statusState"_s);
        QTRY_VERIFY(state->text().startsWith(u"Failed"_s));
        QVERIFY(state->styleSheet().contains(u"#c62828"_s));
        QVERIFY(!state->text().contains(u"not-it"_s));
    }

    void missingKeychainEntryIsReported()
    {
        MainWindow window;
        window.show();
        const ConnectionProfile p = profile(); // fresh id: nothing stored under it
        ConnectionView *view = window.openConnection(p);
        QTRY_COMPARE_WITH_TIMEOUT(view->state(), MqttConnection::State::Failed, 10000);
        QVERIFY2(view->stateText().contains(u"keychain"_s), qPrintable(view->stateText()));
        // It never tried to connect without the password.
        QCOMPARE(view->connection()->state(), MqttConnection::State::Disconnected);
    }
};

QTEST_MAIN(TestCredentialConnect)
#include "tst_credentialconnect.moc"
