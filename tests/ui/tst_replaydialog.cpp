#include "ConnectionView.h"
#include "PayloadInspectorView.h"
#include "ReplayDialog.h"
#include "Settings.h"
#include "MqttTestClient.h"
#include "TestServers.h"
#include "core/MessageInbox.h"
#include "mqtt/MqttConnection.h"
#include "payload/HistoryExport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

using State = MqttConnection::State;
using Report = BurstPublisher::Report;

namespace {

using Client = MqttTestClient;


constexpr int WaitMs = 30000;

// `count` messages on two topics under `base`, `gapMs` apart, the first one retained.
std::vector<MqttMessage> shopSet(const QByteArray &base, int count, qint64 gapMs)
{
    std::vector<MqttMessage> set;
    const qint64 t0 = 1'738'324'800'000;
    for (int i = 0; i < count; ++i) {
        const QByteArray topic = base + (i % 2 == 0 ? "/shop/orders" : "/shop/payments");
        set.push_back(testMessage(topic, "{\"n\":" + QByteArray::number(i) + "}", t0 + i * gapMs, 1, i == 0));
    }
    return set;
}

} // namespace

// ReplayDialog offscreen against a real mosquitto: the summary, the timing and topic options,
// progress, stop and the result line, and the way there from an imported file in a
// ConnectionView (Actions › Replay imported messages…).
class TestReplayDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MosquittoProcess> m_broker;
    QTemporaryDir m_dir;
    int m_iniSerial = 0;

    ConnectionProfile profile() const
    {
        ConnectionProfile p = ConnectionProfile::fromUrl(m_broker->url()).value();
        p.version = ConnectionProfile::Version::Mqtt5;
        p.subscribeSys = false;
        p.subscriptions.clear();
        return p;
    }

    std::unique_ptr<Client> client(const QString &subscribeTo = {})
    {
        auto client = std::make_unique<Client>();
        client->connection = std::make_unique<MqttConnection>(profile(), client->inbox);
        QSignalSpy subscribed(client->connection.get(), &MqttConnection::subscribed);
        if (!subscribeTo.isEmpty())
            client->connection->subscribe({subscribeTo, 1});
        client->connection->open();
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(client->connection->state(), State::Connected, WaitMs);
            if (!subscribeTo.isEmpty())
                QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, WaitMs);
        }();
        if (QTest::currentTestFailed())
            return nullptr;
        return client;
    }

    static void replaceText(QWidget *edit, const QString &text)
    {
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_broker = std::make_unique<MosquittoProcess>();
        QString error;
        QVERIFY2(m_broker->start(&error), qPrintable(error));
    }

    void init()
    {
        settings::useIniFile(m_dir.filePath(u"settings-%1.ini"_s.arg(++m_iniSerial)));
    }

    void replaysWithFixedRatePrefixAndNoRetain()
    {
        const QByteArray base = "tst/replayui/rate";
        auto subscriber = client(QString::fromUtf8(base) + u"/#"_s);
        QVERIFY(subscriber);
        auto publisher = client();
        QVERIFY(publisher);

        const std::vector<MqttMessage> set = shopSet(base, 8, 300);
        ReplayDialog dialog(publisher->connection.get(), set, m_dir.filePath(u"shop.jsonl"_s));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        QVERIFY2(dialog.summaryLabel()->text().contains(u"8 messages on 2 topics"_s),
                 qPrintable(dialog.summaryLabel()->text()));
        QVERIFY2(dialog.summaryLabel()->text().contains(u"2.1 s"_s) || dialog.summaryLabel()->text().contains(u"2,1 s"_s),
                 qPrintable(dialog.summaryLabel()->text()));
        QVERIFY(dialog.connectionLabel()->text().contains(publisher->connection->stateText()));
        QVERIFY(dialog.originalTimingButton()->isChecked());
        QVERIFY(dialog.replayButton()->isEnabled());
        QVERIFY(!dialog.cancelReplayButton()->isEnabled());
        QVERIFY(!dialog.rateBox()->isEnabled());
        for (QWidget *w : std::initializer_list<QWidget *>{dialog.originalTimingButton(), dialog.fixedRateButton(),
                                                            dialog.fastestButton(), dialog.speedBox(), dialog.rateBox(),
                                                            dialog.oldPrefixEdit(), dialog.newPrefixEdit(),
                                                            dialog.dropRetainBox(), dialog.progressBar()})
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));

        QTest::mouseClick(dialog.fixedRateButton(), Qt::LeftButton);
        QVERIFY(dialog.fixedRateButton()->isChecked());
        QVERIFY(dialog.rateBox()->isEnabled());
        QVERIFY(!dialog.speedBox()->isEnabled());
        replaceText(dialog.rateBox(), u"40"_s);
        QCOMPARE(dialog.rateBox()->value(), 40.0);
        // 7 gaps at 40/s.
        QVERIFY2(dialog.durationLabel()->text().contains(u"175 ms"_s), qPrintable(dialog.durationLabel()->text()));
        QTest::keyClicks(dialog.oldPrefixEdit(), QString::fromUtf8(base) + u"/shop/"_s);
        QTest::keyClicks(dialog.newPrefixEdit(), QString::fromUtf8(base) + u"/replay/shop/"_s);
        // On the box itself: the widget spans the form's whole column, its centre may be empty.
        QTest::mouseClick(dialog.dropRetainBox(), Qt::LeftButton, {}, QPoint(6, dialog.dropRetainBox()->height() / 2));
        QVERIFY(dialog.dropRetainBox()->isChecked());

        const MessageReplayer::Options options = dialog.options();
        QCOMPARE(options.timing, MessageReplayer::Timing::FixedRate);
        QCOMPARE(options.rate, 40.0);
        QCOMPARE(options.oldPrefix, QByteArray(base + "/shop/"));
        QCOMPARE(options.newPrefix, QByteArray(base + "/replay/shop/"));
        QVERIFY(options.dropRetain);

        QSignalSpy finished(&dialog, &ReplayDialog::replayFinished);
        QTest::mouseClick(dialog.replayButton(), Qt::LeftButton);
        QVERIFY(dialog.isReplaying());
        QVERIFY(!dialog.replayButton()->isEnabled());
        QVERIFY(!dialog.oldPrefixEdit()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
        const Report report = finished.first().first().value<Report>();
        QCOMPARE(report.sent, quint64(8));
        QCOMPARE(report.targetRate, 40.0);
        QVERIFY(!dialog.isReplaying());
        QVERIFY(dialog.replayButton()->isEnabled());
        QVERIFY2(dialog.resultLabel()->text().contains(u"Replayed 8 of 8 messages"_s),
                 qPrintable(dialog.resultLabel()->text()));
        QCOMPARE(dialog.progressBar()->value(), 8);

        QTRY_COMPARE_WITH_TIMEOUT(subscriber->drain(), set.size(), WaitMs);
        for (size_t i = 0; i < set.size(); ++i) {
            const QByteArray expected = base + "/replay" + set[i].topic.mid(base.size());
            QCOMPARE(subscriber->received[i].topic, expected);
            QCOMPARE(subscriber->received[i].payload, set[i].payload);
        }
        dialog.grab().save(QDir::temp().filePath(u"tst_replaydialog.png"_s));

        // Nothing retained was left behind.
        auto late = client(QString::fromUtf8(base) + u"/replay/#"_s);
        QVERIFY(late);
        QVERIFY(publisher->connection->publish(base + "/replay/marker", "m", 1, false) != 0);
        QTRY_COMPARE_WITH_TIMEOUT(late->drain(), size_t(1), WaitMs);
        QCOMPARE(late->received.front().topic, QByteArray(base + "/replay/marker"));
    }

    void stopEndsTheReplay()
    {
        const QByteArray base = "tst/replayui/stop";
        auto subscriber = client(QString::fromUtf8(base) + u"/#"_s);
        QVERIFY(subscriber);
        auto publisher = client();
        QVERIFY(publisher);
        // 100 messages 100 ms apart: ten seconds at the original speed.
        ReplayDialog dialog(publisher->connection.get(), shopSet(base, 100, 100), u"stop.csv"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.durationLabel()->text().contains(u"9.9 s"_s) || dialog.durationLabel()->text().contains(u"9,9 s"_s));
        QSignalSpy finished(&dialog, &ReplayDialog::replayFinished);
        QTest::mouseClick(dialog.replayButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(subscriber->drain() >= 3, WaitMs);
        QVERIFY(dialog.cancelReplayButton()->isEnabled());
        QTest::mouseClick(dialog.cancelReplayButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
        const Report report = finished.first().first().value<Report>();
        QVERIFY(report.cancelled);
        QVERIFY(report.sent >= 3 && report.sent < 100);
        const QString expected = u"Stopped: %1 of 100 messages sent"_s.arg(report.sent);
        QVERIFY2(dialog.resultLabel()->text().contains(expected), qPrintable(dialog.resultLabel()->text()));
        QTRY_COMPARE_WITH_TIMEOUT(subscriber->drain(), size_t(report.sent), WaitMs);
    }

    void replayNeedsAConnectionAndMessages()
    {
        MqttConnection offline(profile(), std::make_shared<MessageInbox>());
        ReplayDialog dialog(&offline, shopSet("tst/replayui/offline", 3, 10), u"x.jsonl"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.replayButton()->isEnabled());
        QVERIFY(dialog.connectionLabel()->text().contains(offline.stateText()));

        auto connected = client();
        QVERIFY(connected);
        ReplayDialog empty(connected->connection.get(), {}, u"empty.jsonl"_s);
        QVERIFY(!empty.replayButton()->isEnabled());
        QCOMPARE(empty.summaryLabel()->text(), u"The file holds no messages."_s);

        // A wildcard in the new prefix is refused with a sentence, nothing is sent.
        ReplayDialog bad(connected->connection.get(), shopSet("tst/replayui/bad", 2, 10), u"bad.jsonl"_s);
        bad.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bad));
        QTest::keyClicks(bad.newPrefixEdit(), u"replay/#/"_s);
        QTest::mouseClick(bad.replayButton(), Qt::LeftButton);
        QVERIFY(!bad.isReplaying());
        QVERIFY(bad.resultLabel()->text().contains(u"+ or #"_s));
    }

    // Actions › Import, then Actions › Replay imported messages… in a connection tab.
    void replayFromImportInConnectionView()
    {
        const QByteArray base = "tst/replayui/import";
        const QString file = m_dir.filePath(u"import.jsonl"_s);
        const std::vector<MqttMessage> set = shopSet(base, 4, 50);
        QVERIFY(HistoryExport::writeFile(file, set, HistoryExport::Format::JsonLines).ok());
        auto subscriber = client(QString::fromUtf8(base) + u"/replayed/#"_s);
        QVERIFY(subscriber);

        ConnectionView view(profile(), nullptr);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(view.state(), State::Connected, WaitMs);

        QAction *replay = view.inspector()->replayAction();
        QVERIFY(replay);
        QVERIFY(!replay->isEnabled()); // nothing imported yet
        QSignalSpy imported(view.inspector(), &PayloadInspectorView::fileActionFinished);
        view.inspector()->importMessages(file);
        QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 1, WaitMs);
        QVERIFY(imported.first().at(0).toBool());
        QVERIFY(replay->isEnabled());
        replay->trigger();

        ReplayDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = view.findChild<ReplayDialog *>()) != nullptr, WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), WaitMs);
        QVERIFY(dialog->summaryLabel()->text().contains(u"4 messages on 2 topics"_s));
        QTest::keyClicks(dialog->oldPrefixEdit(), QString::fromUtf8(base) + u"/shop/"_s);
        QTest::keyClicks(dialog->newPrefixEdit(), QString::fromUtf8(base) + u"/replayed/shop/"_s);
        QSignalSpy finished(dialog, &ReplayDialog::replayFinished);
        QTest::mouseClick(dialog->replayButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
        QVERIFY2(dialog->resultLabel()->text().contains(u"Replayed 4 of 4 messages"_s),
                 qPrintable(dialog->resultLabel()->text()));
        QTRY_COMPARE_WITH_TIMEOUT(subscriber->drain(), set.size(), WaitMs);
        for (size_t i = 0; i < set.size(); ++i)
            QCOMPARE(subscriber->received[i].payload, set[i].payload);

        // Closing the dialog deletes it.
        QPointer<ReplayDialog> guard(dialog);
        dialog->reject();
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), WaitMs);
    }

    void cleanupTestCase()
    {
        m_broker.reset();
    }
};

QTEST_MAIN(TestReplayDialog)
#include "tst_replaydialog.moc"
