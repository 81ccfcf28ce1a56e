#include "ConnectionDialog.h"
#include "Settings.h"
#include "mqtt/ConnectionProfile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QDir>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

// The connection dialog on its own, clicked and typed into like an operator would: validation
// keeps "Connect" disabled with a sentence saying why, the insecure-TLS warning shows, secrets
// never reach the settings file, saved profiles can be picked.
class TestConnectionDialog : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    static T *child(QWidget *parent, const QString &name)
    {
        T *w = parent->findChild<T *>(name);
        if (!w)
            qWarning("no child %s", qPrintable(name));
        return w;
    }
    static QPushButton *okButton(ConnectionDialog &d) { return child<QPushButton>(&d, u"connectButton"_s); }

    QTemporaryDir m_dir;
    QString m_ini;
    int m_iniSerial = 0;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        // A fresh settings file per test: nothing leaks from one test into the next.
        m_ini = m_dir.filePath(u"settings-%1.ini"_s.arg(++m_iniSerial));
        settings::useIniFile(m_ini);
    }

    void urlValidation_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("plain") << u"mqtt://127.0.0.1:1883"_s << true;
        QTest::newRow("tls") << u"mqtts://broker.example:8883"_s << true;
        QTest::newRow("websocket") << u"ws://broker.example:9001/mqtt"_s << true;
        QTest::newRow("wrong scheme") << u"ftp://broker.example"_s << false;
        QTest::newRow("password in url") << u"mqtt://user:secret@broker.example:1883"_s << false;
        QTest::newRow("no host") << u"mqtt://:1883"_s << false;
        QTest::newRow("bad port") << u"mqtt://broker.example:99999"_s << false;
    }
    void urlValidation()
    {
        QFETCH(QString, url);
        QFETCH(bool, acceptable);
        ConnectionDialog dialog(nullptr);
        dialog.show();
        QLineEdit *urlEdit = child<QLineEdit>(&dialog, u"urlEdit"_s);
        QVERIFY(urlEdit);
        QVERIFY(urlEdit->text().isEmpty());
        QTest::keyClicks(urlEdit, url);
        QCOMPARE(urlEdit->text(), url);
        QCOMPARE(okButton(dialog)->isEnabled(), acceptable);
        const QString message = child<QLabel>(&dialog, u"validationLabel"_s)->text();
        QCOMPARE(message.isEmpty(), acceptable);
        QCOMPARE(dialog.validationMessage(), message);
    }

    void unverifiedTlsShowsWarning()
    {
        ConnectionDialog dialog(nullptr);
        dialog.show();
        QCheckBox *verify = child<QCheckBox>(&dialog, u"verifyServerCheck"_s);
        QLabel *warning = child<QLabel>(&dialog, u"insecureWarningLabel"_s);
        QVERIFY(verify->isChecked()); // on by default
        QVERIFY(warning->isHidden());
        verify->setChecked(false);
        QVERIFY(!warning->isHidden());
        QVERIFY(warning->text().contains(u"NOT be verified"_s));
        QVERIFY(!dialog.profile().verifyServer);
        child<QTabWidget>(&dialog, u"connectionPages"_s)->setCurrentIndex(1);
        const QString shotDir = QDir::temp().filePath(u"tideline-ui-tests"_s);
        QDir().mkpath(shotDir);
        QVERIFY(dialog.grab().save(QDir(shotDir).filePath(u"connectiondialog-tls.png"_s), "PNG"));
        verify->setChecked(true);
        QVERIFY(warning->isHidden());
    }

    void sessionExpiryOnlyForMqtt5()
    {
        ConnectionDialog dialog(nullptr);
        QComboBox *version = child<QComboBox>(&dialog, u"versionCombo"_s);
        QSpinBox *expiry = child<QSpinBox>(&dialog, u"sessionExpirySpin"_s);
        version->setCurrentIndex(version->findData(int(ConnectionProfile::Version::Mqtt5)));
        QVERIFY(expiry->isEnabled());
        expiry->setValue(300);
        QCOMPARE(dialog.profile().sessionExpirySeconds, 300u);
        version->setCurrentIndex(version->findData(int(ConnectionProfile::Version::Mqtt311)));
        QVERIFY(!expiry->isEnabled());
        QCOMPARE(dialog.profile().sessionExpirySeconds, 0u);
        QCOMPARE(dialog.profile().version, ConnectionProfile::Version::Mqtt311);
    }

    void subscriptionFilterValidation_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("multi-level") << u"shop/#"_s << true;
        QTest::newRow("single-level") << u"shop/+/orders"_s << true;
        QTest::newRow("hash not last") << u"shop/#/orders"_s << false;
        QTest::newRow("plus inside level") << u"shop/st+re"_s << false;
    }
    void subscriptionFilterValidation()
    {
        QFETCH(QString, filter);
        QFETCH(bool, acceptable);
        ConnectionDialog dialog(nullptr);
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(&dialog, u"urlEdit"_s), u"mqtt://127.0.0.1:1883"_s);
        QVERIFY(okButton(dialog)->isEnabled());
        QTableWidget *table = child<QTableWidget>(&dialog, u"subscriptionTable"_s);
        const int before = table->rowCount();
        QTest::mouseClick(child<QPushButton>(&dialog, u"addSubscriptionButton"_s), Qt::LeftButton);
        QCOMPARE(table->rowCount(), before + 1);
        QVERIFY(!okButton(dialog)->isEnabled()); // an empty filter is not acceptable
        table->item(before, 0)->setText(filter);
        QCOMPARE(okButton(dialog)->isEnabled(), acceptable);
        if (!acceptable)
            QVERIFY(child<QLabel>(&dialog, u"validationLabel"_s)->text().contains(filter));
        table->setCurrentCell(before, 0);
        QTest::mouseClick(child<QPushButton>(&dialog, u"removeSubscriptionButton"_s), Qt::LeftButton);
        QCOMPARE(table->rowCount(), before);
        QVERIFY(okButton(dialog)->isEnabled());
    }

    void passwordNeverReachesSettings()
    {
        const QString secret = u"s3cret-Pa55-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
        ConnectionDialog dialog(nullptr);
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(&dialog, u"nameEdit"_s), u"Shop broker"_s);
        QTest::keyClicks(child<QLineEdit>(&dialog, u"urlEdit"_s), u"mqtt://127.0.0.1:1883"_s);
        QTest::keyClicks(child<QLineEdit>(&dialog, u"usernameEdit"_s), u"operator"_s);
        QLineEdit *password = child<QLineEdit>(&dialog, u"passwordEdit"_s);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QTest::keyClicks(password, secret);
        QVERIFY(child<QCheckBox>(&dialog, u"rememberPasswordCheck"_s)->isChecked());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.password().value_or(QString()), secret);
        QVERIFY(dialog.profile().hasPassword);

        {
            const auto s = settings::open();
            s->sync();
        }
        QFile ini(m_ini);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray stored = ini.readAll();
        QVERIFY(stored.contains("Shop broker"));
        QVERIFY2(!stored.contains(secret.toUtf8()), "the password was written to the settings file");

        // The saved profile is offered next time, with the stored-password hint and no text.
        ConnectionDialog again(nullptr);
        QListWidget *list = child<QListWidget>(&again, u"profileList"_s);
        QVERIFY(!list->findItems(u"Shop broker"_s, Qt::MatchExactly).isEmpty());
        QCOMPARE(child<QLineEdit>(&again, u"urlEdit"_s)->text(), u"mqtt://127.0.0.1:1883"_s);
        QVERIFY(child<QLineEdit>(&again, u"passwordEdit"_s)->text().isEmpty());
        QVERIFY(child<QLineEdit>(&again, u"passwordEdit"_s)->placeholderText().contains(u"keychain"_s));
        QVERIFY(!again.password().has_value());
        QVERIFY(again.profile().hasPassword);
    }

    void savedProfilesCanBePickedAndDeleted()
    {
        ConnectionProfile a;
        a.id = ConnectionProfile::newId();
        a.name = u"Alpha"_s;
        a.url = u"mqtt://alpha.example:1883"_s;
        ConnectionProfile b = a;
        b.id = ConnectionProfile::newId();
        b.name = u"Beta"_s;
        b.url = u"mqtts://beta.example:8883"_s;
        b.subscriptions = {{u"shop/#"_s, 1}};
        {
            const auto s = settings::open();
            ProfileStore store(*s);
            store.save(a);
            store.save(b);
        }
        ConnectionDialog dialog(nullptr);
        QListWidget *list = child<QListWidget>(&dialog, u"profileList"_s);
        QCOMPARE(list->count(), 3); // "new" + two saved
        const auto beta = list->findItems(u"Beta"_s, Qt::MatchExactly);
        QCOMPARE(beta.size(), 1);
        list->setCurrentItem(beta.first());
        QCOMPARE(child<QLineEdit>(&dialog, u"urlEdit"_s)->text(), b.url);
        QCOMPARE(dialog.profile().id, b.id);
        QCOMPARE(dialog.profile().subscriptions, b.subscriptions);
        list->setCurrentRow(0);
        QVERIFY(child<QLineEdit>(&dialog, u"urlEdit"_s)->text().isEmpty());
        QVERIFY(dialog.profile().id != a.id && dialog.profile().id != b.id);

        ConnectionDialog::forgetProfile(a.id, nullptr);
        const auto s = settings::open();
        QCOMPARE(ProfileStore(*s).all().size(), 1);
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
