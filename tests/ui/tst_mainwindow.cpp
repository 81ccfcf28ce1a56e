#include "BrokerWithPublisher.h"
#include "ConnectionDialog.h"
#include "ConnectionView.h"
#include "MainWindow.h"
#include "ModelSearch.h"
#include "Settings.h"
#include "UiTestHelpers.h"
#include "core/IngestPipeline.h"
#include "core/MessageInbox.h"
#include "models/TopicTreeModel.h"
#include "mqtt/MqttConnection.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

#include <functional>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

// Every topic (full path) with a message under `parent` in `model`, depth first.
void collectTopics(const QAbstractItemModel *model, const QModelIndex &parent, QStringList &out)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data(TopicTreeModel::HasMessageRole).toBool())
            out << index.data(TopicTreeModel::FullTopicRole).toString();
        collectTopics(model, index, out);
    }
}

quint64 messagesShown(const QAbstractItemModel *model, const QString &topic)
{
    const QModelIndex index = findTopic(model, topic);
    if (!index.isValid())
        return 0;
    return index.siblingAtColumn(TopicTreeModel::MessagesColumn)
        .data(TopicTreeModel::SortRole)
        .toULongLong();
}

} // namespace

// The main window driven like an operator would: open a connection through File > New
// connection…, watch topics arrive from a real mosquitto, filter them, close the tab.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    BrokerWithPublisher m_mqtt;

    void publish(const QString &topic, const QByteArray &payload, bool retain = false)
    {
        QVERIFY(m_mqtt.publish(topic, payload, retain));
    }

    // Opens File > New connection…, types the URL and clicks Connect.
    ConnectionView *connectThroughDialog(MainWindow &window, const QString &url)
    {
        bool interacted = false;
        whenModalOpens<ConnectionDialog>(this, [&](ConnectionDialog *dialog) {
            interacted = true;
            auto *urlEdit = dialog->findChild<QLineEdit *>(u"urlEdit"_s);
            auto *ok = dialog->findChild<QPushButton *>(u"connectButton"_s);
            if (!urlEdit || !ok) {
                dialog->reject();
                return;
            }
            urlEdit->clear();
            QTest::keyClicks(urlEdit, url);
            QTest::mouseClick(ok, Qt::LeftButton);
            if (dialog->isVisible())
                dialog->reject(); // OK was disabled: do not hang the test
        });
        window.newConnectionAction()->trigger();
        if (!interacted)
            return nullptr;
        return window.currentView();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_mqtt.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(m_mqtt.publisher().state(), MqttConnection::State::Connected, 10000);
    }

    void init()
    {
        useFreshSettings(m_dir);
    }

    void connectFilterAndClose()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.connectionCount(), 0);
        QCOMPARE(window.findChild<QLabel *>(u"statusState"_s)->text(), u"No connection"_s);

        ConnectionView *view = connectThroughDialog(window, m_mqtt.broker().url());
        QVERIFY(view);
        QCOMPARE(window.connectionCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(view->connection()->state(), MqttConnection::State::Connected, 10000);
        QLabel *state = window.findChild<QLabel *>(u"statusState"_s);
        QTRY_COMPARE(state->text(), u"Connected"_s);
        // The default subscription of a new profile is "#"; wait until the broker granted it.
        QTRY_VERIFY_WITH_TIMEOUT(view->findChild<QTreeWidget *>(u"subscriptionList"_s)
                                         ->findItems(u"#"_s, Qt::MatchExactly).size() == 1,
                                 5000);
        QTRY_VERIFY_WITH_TIMEOUT(view->findChild<QTreeWidget *>(u"subscriptionList"_s)
                                     ->findItems(u"#"_s, Qt::MatchExactly)
                                     .first()
                                     ->text(2)
                                     .startsWith(u"active"_s),
                                 5000);

        const QStringList orders = {u"shop/store-12/orders/created"_s, u"shop/store-27/orders/created"_s};
        const QStringList temps = {u"shop/store-12/devices/freezer-3/temp"_s,
                                   u"shop/store-27/devices/freezer-1/temp"_s};
        for (int i = 0; i < 3; ++i) {
            for (const QString &t : orders)
                publish(t, QByteArray("{\"orderId\":\"o-") + QByteArray::number(i) + "\",\"amount\":12.5}");
        }
        for (const QString &t : temps)
            publish(t, "-18.4");
        publish(u"shop/store-12/status"_s, "{\"open\":true}", true);

        const QAbstractItemModel *model = view->topicView()->model();
        QTRY_COMPARE_WITH_TIMEOUT(messagesShown(model, orders.at(0)), 3ull, 10000);
        QTRY_COMPARE(messagesShown(model, orders.at(1)), 3ull);
        QTRY_COMPARE(messagesShown(model, temps.at(0)), 1ull);
        QTRY_COMPARE(messagesShown(model, u"shop/store-12/status"_s), 1ull);
        QTRY_COMPARE(messagesShown(model, u"shop"_s), 9ull); // a parent counts its subtree
        const QModelIndex status = findTopic(model, u"shop/store-12/status"_s);
        QCOMPARE(status.siblingAtColumn(TopicTreeModel::LastValueColumn).data().toString(),
                 u"{\"open\":true}"_s);

        // The status bar describes the current tab.
        QLabel *topics = window.findChild<QLabel *>(u"statusTopics"_s);
        QTRY_VERIFY2(QStringView(topics->text()).mid(topics->text().indexOf(u':') + 1).trimmed().toInt() >= 5,
                     qPrintable(topics->text()));
        QVERIFY(window.findChild<QLabel *>(u"statusHistory"_s)->text().contains(u"/"_s));
        QCOMPARE(window.tabWidget()->tabText(0), view->profile().displayName());

        // Selecting a topic fills the details area.
        view->topicView()->setCurrentIndex(findTopic(model, temps.at(0)));
        QCOMPARE(view->findChild<QLineEdit *>(u"detailTopic"_s)->text(), temps.at(0));
        QCOMPARE(view->findChild<QPlainTextEdit *>(u"detailPayload"_s)->toPlainText(), u"-18.4"_s);

        // The filter narrows the rows to matching topics, text or wildcard.
        QStringList all;
        collectTopics(model, {}, all);
        QVERIFY2(all.size() >= 5, qPrintable(all.join(u", "_s)));
        QLineEdit *filter = view->filterEdit();
        QTest::keyClicks(filter, u"shop/+/devices/#"_s);
        QTRY_VERIFY([&] {
            QStringList shown;
            collectTopics(model, {}, shown);
            shown.sort();
            QStringList expected = temps;
            expected.sort();
            return shown == expected;
        }());
        filter->clear();
        QTest::keyClicks(filter, u"orders"_s);
        QTRY_VERIFY([&] {
            QStringList shown;
            collectTopics(model, {}, shown);
            shown.sort();
            return shown == orders;
        }());
        filter->clear();
        QTRY_VERIFY([&] {
            QStringList shown;
            collectTopics(model, {}, shown);
            return shown.size() == all.size();
        }());

        // A picture to look at (kept outside the temp dir on purpose).
        const QString shotDir = QDir::temp().filePath(u"tideline-ui-tests"_s);
        QDir().mkpath(shotDir);
        const QString shot = QDir(shotDir).filePath(u"mainwindow.png"_s);
        QVERIFY(window.grab().save(shot, "PNG"));
        qInfo("screenshot: %s", qPrintable(shot));

        // Closing the tab closes the connection: the broker sees the client go.
        const QString clientId = view->connection()->clientId();
        QVERIFY(!clientId.isEmpty());
        QPointer<MqttConnection> connection = view->connection();
        QWidget *closeButton = window.tabWidget()->tabBar()->tabButton(0, QTabBar::RightSide);
        QVERIFY(closeButton);
        QTest::mouseClick(closeButton, Qt::LeftButton);
        QCOMPARE(window.connectionCount(), 0);
        QTRY_VERIFY(connection.isNull());
        QTRY_VERIFY_WITH_TIMEOUT(m_mqtt.broker().log().contains(u"Client %1 disconnected"_s.arg(clientId))
                                     || m_mqtt.broker().log().contains(u"Client %1 closed its connection"_s.arg(clientId)),
                                 5000);
        QCOMPARE(window.findChild<QLabel *>(u"statusState"_s)->text(), u"No connection"_s);
    }

    void invalidUrlKeepsConnectDisabled()
    {
        MainWindow window;
        window.show();
        QString message;
        bool okEnabled = true;
        whenModalOpens<ConnectionDialog>(this, [&](ConnectionDialog *dialog) {
            QTest::keyClicks(dialog->findChild<QLineEdit *>(u"urlEdit"_s), u"ftp://127.0.0.1:21"_s);
            auto *ok = dialog->findChild<QPushButton *>(u"connectButton"_s);
            okEnabled = ok->isEnabled();
            QTest::mouseClick(ok, Qt::LeftButton); // ignored while disabled
            message = dialog->findChild<QLabel *>(u"validationLabel"_s)->text();
            const QString shotDir = QDir::temp().filePath(u"tideline-ui-tests"_s);
            QDir().mkpath(shotDir);
            dialog->grab().save(QDir(shotDir).filePath(u"connectiondialog-invalid.png"_s), "PNG");
            dialog->reject();
        });
        window.newConnectionAction()->trigger();
        QVERIFY(!okEnabled);
        QVERIFY2(!message.isEmpty(), "no validation message was shown");
        QCOMPARE(window.connectionCount(), 0);
    }

    void severalConnectionsAndFailureShownInRed()
    {
        MainWindow window;
        window.show();
        ConnectionProfile good = ConnectionProfile::fromUrl(m_mqtt.broker().url()).value();
        good.name = u"Local broker"_s;
        ConnectionView *first = window.openConnection(good);
        // Nothing listens on this port: the attempt fails and reconnecting is off.
        ConnectionProfile bad = ConnectionProfile::fromUrl(u"mqtt://127.0.0.1:%1"_s.arg(freePort())).value();
        bad.name = u"Nowhere"_s;
        bad.autoReconnect = false;
        ConnectionView *second = window.openConnection(bad);
        QCOMPARE(window.connectionCount(), 2);
        QCOMPARE(window.currentView(), second);
        QCOMPARE(window.tabWidget()->tabText(1), u"Nowhere"_s);

        QTRY_COMPARE_WITH_TIMEOUT(first->connection()->state(), MqttConnection::State::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(second->state() == MqttConnection::State::Failed
                                     || second->state() == MqttConnection::State::Disconnected,
                                 10000);
        QLabel *state = window.findChild<QLabel *>(u"statusState"_s);
        if (second->state() == MqttConnection::State::Failed) {
            QTRY_VERIFY(state->text().startsWith(u"Failed"_s));
            QVERIFY(state->styleSheet().contains(u"#c62828"_s));
        }
        QCOMPARE(window.connectAction()->text(), u"Connect"_s);

        window.tabWidget()->setCurrentIndex(0);
        QTRY_COMPARE(state->text(), u"Connected"_s);
        QVERIFY(!state->styleSheet().contains(u"#c62828"_s));
        QCOMPARE(window.connectAction()->text(), u"Disconnect"_s);
        window.connectAction()->trigger();
        QTRY_COMPARE(first->connection()->state(), MqttConnection::State::Disconnected);
        QTRY_COMPARE(state->text(), u"Disconnected"_s);
        QCOMPARE(window.connectAction()->text(), u"Connect"_s);
    }

    void brokerStatisticsPanel()
    {
        MainWindow window;
        window.show();
        ConnectionProfile p = ConnectionProfile::fromUrl(m_mqtt.broker().url()).value();
        p.subscriptions = {{u"nothing/here"_s, 0}};
        p.subscribeSys = true;
        ConnectionView *view = window.openConnection(p);
        auto *list = view->findChild<QTreeWidget *>(u"brokerStatsList"_s);
        QVERIFY(list);
        // The test broker publishes $SYS every second.
        QTRY_VERIFY_WITH_TIMEOUT(!list->isHidden() && list->topLevelItemCount() > 0, 10000);
        QVERIFY(view->findChild<QLabel *>(u"brokerStatsEmpty"_s)->isHidden());
    }

    void subscribeActionAndPanelToggles()
    {
        MainWindow window;
        window.show();
        ConnectionProfile p = ConnectionProfile::fromUrl(m_mqtt.broker().url()).value();
        p.subscriptions.clear();
        p.subscribeSys = false;
        ConnectionView *view = window.openConnection(p);
        QTRY_COMPARE_WITH_TIMEOUT(view->connection()->state(), MqttConnection::State::Connected, 10000);

        // Toolbar "Subscribe…": a small dialog that refuses an invalid filter.
        bool refusedInvalid = false;
        auto *poll = new QTimer(this);
        poll->setInterval(20);
        connect(poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog->objectName() != u"subscribeDialog"_s)
                return;
            poll->stop();
            auto *edit = dialog->findChild<QLineEdit *>(u"subscribeDialogFilter"_s);
            auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QTest::keyClicks(edit, u"shop/#/x"_s);
            refusedInvalid = !ok->isEnabled();
            edit->clear();
            QTest::keyClicks(edit, u"shop/+/orders/#"_s);
            QTest::mouseClick(ok, Qt::LeftButton);
            if (dialog->isVisible())
                dialog->reject();
        });
        poll->start();
        window.subscribeAction()->trigger();
        delete poll;
        QVERIFY(refusedInvalid);
        auto *list = view->findChild<QTreeWidget *>(u"subscriptionList"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!list->findItems(u"shop/+/orders/#"_s, Qt::MatchExactly).isEmpty()
                                     && list->findItems(u"shop/+/orders/#"_s, Qt::MatchExactly)
                                            .first()->text(2).startsWith(u"active"_s),
                                 5000);
        publish(u"shop/store-41/orders/created"_s, "{}");
        publish(u"shop/store-41/devices/door/open"_s, "1");
        QTRY_COMPARE_WITH_TIMEOUT(messagesShown(view->topicView()->model(), u"shop/store-41/orders/created"_s), 1ull, 5000);
        QVERIFY(!findTopic(view->topicView()->model(), u"shop/store-41/devices/door/open"_s).isValid());

        // View menu: panels hide in every tab and the choice is remembered.
        auto *stats = view->findChild<QWidget *>(u"brokerStatsGroup"_s);
        QVERIFY(!stats->isHidden());
        auto *toggle = window.findChild<QAction *>(u"viewBrokerStatsAction"_s);
        QVERIFY(toggle && toggle->isChecked());
        toggle->trigger();
        QVERIFY(stats->isHidden());
        const auto s = settings::open();
        QCOMPARE(settings::ShowBrokerStatsPanel.read(*s), false);
    }

    void statusBarSaysWhenHistoryIsTrimmedOrShed()
    {
        {
            const auto s = settings::open();
            settings::HistoryBudgetMiB.write(*s, 16);
        }
        MainWindow window;
        window.show();
        // No broker needed: messages go straight into the connection's inbox.
        ConnectionProfile p = ConnectionProfile::fromUrl(u"mqtt://127.0.0.1:%1"_s.arg(freePort())).value();
        p.autoReconnect = false;
        ConnectionView *view = window.openConnection(p);
        IngestPipeline *pipeline = view->pipeline();
        QCOMPARE(pipeline->tree().historyBudget(), qint64(16) * 1024 * 1024);
        QLabel *warning = window.findChild<QLabel *>(u"statusWarning"_s);
        QVERIFY(warning->isHidden());

        auto push = [&](int count, int bytes) {
            for (int i = 0; i < count; ++i) {
                MqttMessage m;
                m.topic = "bulk/" + QByteArray::number(i % 4);
                m.payload = QByteArray(bytes, 'x');
                m.timestampMs = QDateTime::currentMSecsSinceEpoch();
                pipeline->inbox()->push(std::move(m));
            }
            pipeline->drainNow();
        };
        push(20, 1024 * 1024); // 20 MiB of history into a 16 MiB budget
        QVERIFY(pipeline->tree().budgetReached());
        QTRY_VERIFY(!warning->isHidden());
        QVERIFY2(warning->text().contains(u"history trimmed: oldest messages dropped"_s),
                 qPrintable(warning->text()));
        QVERIFY(window.findChild<QLabel *>(u"statusHistory"_s)->text().contains(u"16.0 MiB"_s));

        pipeline->setShedThreshold(2);
        push(10, 16);
        QCOMPARE(pipeline->shedMessages(), 8u);
        QTRY_VERIFY2(warning->text().contains(u"8 messages shed"_s), qPrintable(warning->text()));
    }

    void aboutNamesVersions()
    {
        MainWindow window;
        window.show();
        QString text;
        auto *poll = new QTimer(this);
        poll->setInterval(20);
        connect(poll, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            poll->stop();
            text = box->text();
            const QString shotDir = QDir::temp().filePath(u"tideline-ui-tests"_s);
            QDir().mkpath(shotDir);
            box->grab().save(QDir(shotDir).filePath(u"about.png"_s), "PNG");
            box->accept();
        });
        poll->start();
        window.findChild<QAction *>(u"aboutAction"_s)->trigger();
        delete poll;
        QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Tideline " TIDELINE_VERSION)), qPrintable(text));
        QVERIFY2(text.contains(u"Paho MQTT C++ 1.2"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Paho MQTT C 1.3"_s), qPrintable(text));
    }

    void geometryIsRestored()
    {
        {
            MainWindow window;
            window.show();
            QCOMPARE(window.size(), MainWindow::DefaultSize);
            // Smaller than the offscreen platform's 800x600 screen, which restoreGeometry() fits.
            window.resize(760, 540);
            window.close();
        }
        MainWindow again;
        QCOMPARE(again.size(), QSize(760, 540));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
