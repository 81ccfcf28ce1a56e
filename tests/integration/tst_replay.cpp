#include "MqttTestClient.h"
#include "TestServers.h"

#include "core/MessageInbox.h"
#include "mqtt/MessageReplayer.h"
#include "mqtt/MqttConnection.h"
#include "mqtt/SocketTuning.h"
#include "payload/HistoryExport.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

using State = MqttConnection::State;
using Report = MessageReplayer::Report;
using Timing = MessageReplayer::Timing;
using Format = HistoryExport::Format;

Q_DECLARE_METATYPE(tideline::HistoryExport::Format)

namespace {

using Client = MqttTestClient;


constexpr int WaitMs = 30000;

MessageProperties noProperties()
{
    return {};
}

const MessageProperties &propertiesOf(const MqttMessage &m)
{
    static const MessageProperties none = noProperties();
    return m.properties ? *m.properties : none;
}

} // namespace

// MessageReplayer against a real mosquitto: a captured message set goes through a HistoryExport
// file (JSON Lines and CSV) and is published again under another topic prefix; a subscriber
// gets every message in file order with payload and MQTT 5 properties intact, retained ones
// stay retained (or not, when asked), the original timing is kept at the chosen speed, and a
// cancelled replay stops and says how far it got.
class TestReplay : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MosquittoProcess> m_broker;

    std::unique_ptr<Client> client(const QString &subscribeTo = {}, int qos = 2,
                                    ConnectionProfile::Version version = ConnectionProfile::Version::Mqtt5)
    {
        auto client = std::make_unique<Client>();
        ConnectionProfile p = ConnectionProfile::fromUrl(m_broker->url()).value();
        p.version = version;
        p.subscribeSys = false;
        p.subscriptions.clear();
        p.reconnectMinSeconds = 1;
        p.reconnectMaxSeconds = 2;
        client->connection = std::make_unique<MqttConnection>(p, client->inbox);
        QSignalSpy subscribed(client->connection.get(), &MqttConnection::subscribed);
        if (!subscribeTo.isEmpty())
            client->connection->subscribe({subscribeTo, qos});
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

    // Publishes and waits for the acknowledgement, so the broker sees the messages in this order.
    static bool publishAndWait(MqttConnection *connection, const MqttMessage &m)
    {
        QSignalSpy done(connection, &MqttConnection::publishFinished);
        const quint64 id = connection->publish(m.topic, m.payload, m.qos, m.retained, propertiesOf(m));
        if (id == 0)
            return false;
        if (done.isEmpty() && !done.wait(WaitMs))
            return false;
        return done.first().at(1).toBool();
    }

    static void compareProperties(const MqttMessage &actual, const MqttMessage &expected, bool afterBroker)
    {
        const MessageProperties &a = propertiesOf(actual);
        const MessageProperties &e = propertiesOf(expected);
        QCOMPARE(a.contentType, e.contentType);
        QCOMPARE(a.payloadFormatIndicator, e.payloadFormatIndicator);
        QCOMPARE(a.responseTopic, e.responseTopic);
        QCOMPARE(a.correlationData, e.correlationData);
        QCOMPARE(a.userProperties, e.userProperties);
        if (afterBroker) {
            // The broker forwards the time left, which may have gone down by a second or two.
            QCOMPARE(bool(a.messageExpiryInterval), bool(e.messageExpiryInterval));
            if (e.messageExpiryInterval) {
                QVERIFY(*a.messageExpiryInterval <= *e.messageExpiryInterval);
                QVERIFY(*a.messageExpiryInterval + 30 >= *e.messageExpiryInterval);
            }
        } else {
            QCOMPARE(a.messageExpiryInterval, e.messageExpiryInterval);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_broker = std::make_unique<MosquittoProcess>();
        QString error;
        QVERIFY2(m_broker->start(&error), qPrintable(error));
    }

    void everyConnectionHasNagleOff()
    {
        auto c = client();
        QVERIFY(c);
        // A plain Qt socket to the broker has Nagle on; MqttConnection's own socket must not.
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, m_broker->port());
        QVERIFY(raw.waitForConnected(WaitMs));
        QCOMPARE(detail::disableNagle(m_broker->host(), m_broker->port()), 1);
    }

    void roundTripThroughFile_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("JSON Lines") << Format::JsonLines << u"set.jsonl"_s;
        QTest::newRow("CSV") << Format::Csv << u"set.csv"_s;
    }

    void roundTripThroughFile()
    {
        QFETCH(Format, format);
        QFETCH(QString, fileName);
        const QByteArray base = format == Format::Csv ? "tst/replay/csv" : "tst/replay/jsonl";
        const auto t = [&base](const char *rest) { return QByteArray(base + rest); };

        auto full = std::make_shared<MessageProperties>();
        full->contentType = u"application/json"_s;
        full->payloadFormatIndicator = 1;
        full->responseTopic = QString::fromUtf8(t("/shop/replies"));
        full->correlationData = QByteArray("\x00\x01\xfe\xff", 4);
        full->userProperties = {{u"origin"_s, u"till 3"_s}, {u"dup"_s, u"a"_s}, {u"dup"_s, u"b"_s}};
        full->messageExpiryInterval = 3600;
        auto typed = std::make_shared<MessageProperties>();
        typed->contentType = u"application/octet-stream"_s;
        typed->payloadFormatIndicator = 0;

        // Retained state first, then live traffic: what a capture sees when it connects to a
        // busy broker (the retained ones arrive flagged as retained).
        const std::vector<MqttMessage> retained{
            testMessage(t("/shop/state/open"), "true", 0, 1, true, full),
            testMessage(t("/shop/state/till"), QByteArray("\xff\x00\x10", 3), 0, 2, true, typed),
        };
        const std::vector<MqttMessage> live{
            testMessage(t("/shop/orders/1"), "{\"id\":1,\"item\":\"caf\xc3\xa9\"}", 0, 1, false, full),
            testMessage(t("/shop/orders/2"), "{\"id\":2}", 0, 2, false, full),
            testMessage(t("/shop/orders/2"), "plain text, with \"quotes\"\nand a newline", 0, 0),
            testMessage(t("/shop/binary"), QByteArray("\x00\x01\x02\r\n\x7f\x80", 7), 0, 1, false, typed),
            testMessage(t("/shop/empty"), QByteArray(), 0, 0),
            testMessage(t("/shop/orders/3"), "{\"id\":3}", 0, 2, false, full),
            testMessage(t("/shop/orders/4"), "{\"id\":4}", 0, 0, false, full),
        };
        auto publisher = client();
        QVERIFY(publisher);
        for (const MqttMessage &m : retained)
            QVERIFY(publishAndWait(publisher->connection.get(), m));
        auto recorder = client(QString::fromUtf8(t("/shop/#")), 2);
        QVERIFY(recorder);
        QTRY_COMPARE_WITH_TIMEOUT(recorder->drain(), retained.size(), WaitMs);
        for (const MqttMessage &m : live)
            QVERIFY(publishAndWait(publisher->connection.get(), m));
        const size_t total = retained.size() + live.size();
        QTRY_COMPARE_WITH_TIMEOUT(recorder->drain(), total, WaitMs);
        const std::vector<MqttMessage> recorded = recorder->received;
        int recordedRetained = 0;
        for (const MqttMessage &m : recorded)
            recordedRetained += m.retained ? 1 : 0;
        QCOMPARE(recordedRetained, int(retained.size()));

        // Through the file.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(fileName);
        const Result<void> written = HistoryExport::writeFile(path, recorded, format);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        const Result<std::vector<MqttMessage>> read = HistoryExport::readFile(path);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
        const std::vector<MqttMessage> imported = read.value();
        QCOMPARE(imported.size(), recorded.size());
        for (size_t i = 0; i < imported.size(); ++i) {
            QCOMPARE(imported[i].topic, recorded[i].topic);
            QCOMPARE(imported[i].payload, recorded[i].payload);
            QCOMPARE(imported[i].qos, recorded[i].qos);
            QCOMPARE(imported[i].retained, recorded[i].retained);
            QCOMPARE(imported[i].timestampMs, recorded[i].timestampMs);
            compareProperties(imported[i], recorded[i], false);
            if (QTest::currentTestFailed())
                return;
        }

        // Replayed under another prefix. The subscriber takes QoS 1: Paho hands a QoS 2 message
        // over only after PUBREL, so a QoS 0 one right behind it could overtake it in the client.
        auto subscriber = client(QString::fromUtf8(t("/replay/#")), 1);
        QVERIFY(subscriber);
        auto replayConnection = client();
        QVERIFY(replayConnection);
        MessageReplayer::Options options;
        options.timing = Timing::Original;
        options.speed = 1.0;
        options.oldPrefix = t("/shop/");
        options.newPrefix = t("/replay/shop/");
        QVERIFY(MessageReplayer::validate(options).ok());
        MessageReplayer replayer(replayConnection->connection.get(), imported, options);
        QCOMPARE(replayer.total(), quint64(total));
        QSignalSpy finished(&replayer, &MessageReplayer::finished);
        QSignalSpy progress(&replayer, &MessageReplayer::progress);
        replayer.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
        const Report report = finished.first().first().value<Report>();
        QCOMPARE(report.requested, quint64(total));
        QCOMPARE(report.sent, quint64(total));
        QCOMPARE(report.failed, quint64(0));
        QCOMPARE(report.unsent, quint64(0));
        QVERIFY(!report.cancelled);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toULongLong(), quint64(total));

        QTRY_COMPARE_WITH_TIMEOUT(subscriber->drain(), total, WaitMs);
        for (size_t i = 0; i < total; ++i) {
            const MqttMessage &got = subscriber->received[i];
            const MqttMessage &sent = imported[i];
            QCOMPARE(got.topic, MessageReplayer::rewriteTopic(sent.topic, options));
            QVERIFY(got.topic.startsWith(t("/replay/shop/")));
            QCOMPARE(got.payload, sent.payload);
            QCOMPARE(got.qos, qMin(sent.qos, quint8(1)));
            compareProperties(got, sent, true);
            if (QTest::currentTestFailed())
                return;
        }

        // The retained ones are retained under the new prefix too.
        auto late = client(QString::fromUtf8(t("/replay/#")), 2);
        QVERIFY(late);
        QTRY_COMPARE_WITH_TIMEOUT(late->drain(), retained.size(), WaitMs);
        for (const MqttMessage &m : late->received) {
            QVERIFY(m.retained);
            QVERIFY(m.topic.startsWith(t("/replay/shop/state/")));
        }

        // Without the retain flag nothing stays behind: a marker published after the
        // subscription is the first and only thing a new subscriber gets.
        options.newPrefix = t("/noretain/shop/");
        options.dropRetain = true;
        options.timing = Timing::AsFastAsPossible;
        MessageReplayer unretained(replayConnection->connection.get(), imported, options);
        QSignalSpy unretainedDone(&unretained, &MessageReplayer::finished);
        unretained.start();
        QTRY_COMPARE_WITH_TIMEOUT(unretainedDone.size(), 1, WaitMs);
        QCOMPARE(unretainedDone.first().first().value<Report>().sent, quint64(total));
        auto check = client(QString::fromUtf8(t("/noretain/#")), 1);
        QVERIFY(check);
        QVERIFY(publishAndWait(publisher->connection.get(), testMessage(t("/noretain/marker"), "m", 0, 1)));
        QTRY_COMPARE_WITH_TIMEOUT(check->drain(), size_t(1), WaitMs);
        QCOMPARE(check->received.front().topic, t("/noretain/marker"));
    }

    void originalTimingAtTenTimes()
    {
        // Gaps of 500, 2000, 100 and 4000 ms: at 10x, 50, 200, 10 and 400 ms; 660 ms in all.
        const qint64 t0 = 1'738'324'800'000;
        const QList<qint64> offsets{0, 500, 2500, 2600, 6600};
        std::vector<MqttMessage> set;
        for (int i = 0; i < offsets.size(); ++i)
            set.push_back(testMessage("tst/replay/timing/" + QByteArray::number(i), QByteArray::number(i),
                                  t0 + offsets[i], 1));
        auto subscriber = client(u"tst/replay/timing/#"_s, 1);
        QVERIFY(subscriber);
        auto publisher = client();
        QVERIFY(publisher);

        MessageReplayer::Options options;
        options.timing = Timing::Original;
        options.speed = 10.0;
        MessageReplayer replayer(publisher->connection.get(), set, options);
        QCOMPARE(qRound(replayer.plannedSeconds() * 1000), 660);
        QSignalSpy finished(&replayer, &MessageReplayer::finished);
        QElapsedTimer wall;
        wall.start();
        replayer.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
        const qint64 wallMs = wall.elapsed();
        const Report report = finished.first().first().value<Report>();
        QCOMPARE(report.sent, quint64(set.size()));
        // Never early (the schedule is a floor); late only by what a loaded machine adds.
        QVERIFY2(report.elapsedSeconds >= 0.659, qPrintable(QString::number(report.elapsedSeconds)));
        QVERIFY2(wallMs < 660 + 15000, qPrintable(QString::number(wallMs)));

        QTRY_COMPARE_WITH_TIMEOUT(subscriber->drain(), set.size(), WaitMs);
        QList<qint64> gaps;
        for (size_t i = 0; i < set.size(); ++i) {
            QCOMPARE(subscriber->received[i].payload, QByteArray::number(qulonglong(i)));
            if (i > 0)
                gaps << subscriber->received[i].timestampMs - subscriber->received[i - 1].timestampMs;
        }
        // The longest recorded gap is the longest replayed one, and so on down.
        QVERIFY2(gaps[3] > gaps[1], qPrintable(u"gaps %1 %2 %3 %4"_s.arg(gaps[0]).arg(gaps[1]).arg(gaps[2]).arg(gaps[3])));
        QVERIFY2(gaps[1] > gaps[0], qPrintable(u"gaps %1 %2 %3 %4"_s.arg(gaps[0]).arg(gaps[1]).arg(gaps[2]).arg(gaps[3])));
        QVERIFY2(gaps[1] > gaps[2], qPrintable(u"gaps %1 %2 %3 %4"_s.arg(gaps[0]).arg(gaps[1]).arg(gaps[2]).arg(gaps[3])));
        QVERIFY(gaps[3] >= 300); // 400 planned; receive times may shift a little either way
    }

    void fixedRate()
    {
        // 20 messages at 40/s: the last is due 475 ms after the first, whatever the timestamps say.
        std::vector<MqttMessage> set;
        for (int i = 0; i < 20; ++i)
            set.push_back(testMessage("tst/replay/rate", QByteArray::number(i), 1'000'000 + qint64(i) * 60'000, 1));
        auto subscriber = client(u"tst/replay/rate"_s, 1);
        QVERIFY(subscriber);
        auto publisher = client();
        QVERIFY(publisher);
        MessageReplayer::Options options;
        options.timing = Timing::FixedRate;
        options.rate = 40;
        MessageReplayer replayer(publisher->connection.get(), set, options);
        QSignalSpy finished(&replayer, &MessageReplayer::finished);
        replayer.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
        const Report report = finished.first().first().value<Report>();
        QCOMPARE(report.sent, quint64(20));
        QCOMPARE(report.targetRate, 40.0);
        QVERIFY2(report.elapsedSeconds >= 0.474, qPrintable(QString::number(report.elapsedSeconds)));
        QVERIFY(report.achievedRate() > 0 && report.achievedRate() <= 43);
        QTRY_COMPARE_WITH_TIMEOUT(subscriber->drain(), size_t(20), WaitMs);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(subscriber->received[size_t(i)].payload, QByteArray::number(i));
    }

    void cancelStopsMidway()
    {
        // 300 messages 50 ms apart: 15 s at 1x, cancelled after a handful.
        std::vector<MqttMessage> set;
        for (int i = 0; i < 300; ++i)
            set.push_back(testMessage("tst/replay/cancel", QByteArray::number(i), 5000 + qint64(i) * 50, 1));
        auto subscriber = client(u"tst/replay/cancel"_s, 1);
        QVERIFY(subscriber);
        auto publisher = client();
        QVERIFY(publisher);
        MessageReplayer replayer(publisher->connection.get(), set, MessageReplayer::Options{});
        QSignalSpy finished(&replayer, &MessageReplayer::finished);
        replayer.start();
        QVERIFY(replayer.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(subscriber->drain() >= 5, WaitMs);
        replayer.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
        QVERIFY(replayer.isFinished());
        const Report report = finished.first().first().value<Report>();
        QVERIFY(report.cancelled);
        QVERIFY2(report.sent >= 5 && report.sent < 300, qPrintable(QString::number(report.sent)));
        QCOMPARE(report.failed, quint64(0));
        QCOMPARE(report.sent + report.failed + report.unsent, quint64(300));
        QCOMPARE(replayer.completed(), report.sent);
        // Exactly what was sent arrives, and nothing after.
        QTRY_COMPARE_WITH_TIMEOUT(subscriber->drain(), size_t(report.sent), WaitMs);
        QTest::qWait(500);
        QCOMPARE(subscriber->drain(), size_t(report.sent));
        for (size_t i = 0; i < subscriber->received.size(); ++i)
            QCOMPARE(subscriber->received[i].payload, QByteArray::number(qulonglong(i)));
    }

    void mqtt311DropsOnlyTheProperties()
    {
        auto properties = std::make_shared<MessageProperties>();
        properties->contentType = u"text/plain"_s;
        properties->userProperties = {{u"k"_s, u"v"_s}};
        const std::vector<MqttMessage> set{testMessage("tst/replay/v311/a", "1", 1000, 1, false, properties),
                                           testMessage("tst/replay/v311/b", "2", 1001, 0)};
        auto subscriber = client(u"tst/replay/v311/#"_s, 1);
        QVERIFY(subscriber);
        auto publisher = client({}, 0, ConnectionProfile::Version::Mqtt311);
        QVERIFY(publisher);
        MessageReplayer replayer(publisher->connection.get(), set, MessageReplayer::Options{});
        QSignalSpy finished(&replayer, &MessageReplayer::finished);
        replayer.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
        QCOMPARE(finished.first().first().value<Report>().sent, quint64(2));
        QTRY_COMPARE_WITH_TIMEOUT(subscriber->drain(), size_t(2), WaitMs);
        QCOMPARE(subscriber->received[0].payload, QByteArray("1"));
        QVERIFY(propertiesOf(subscriber->received[0]).contentType.isEmpty());
        QVERIFY(propertiesOf(subscriber->received[0]).userProperties.isEmpty());
        QCOMPARE(subscriber->received[1].payload, QByteArray("2"));
    }

    void emptySetFinishesAtOnce()
    {
        auto publisher = client();
        QVERIFY(publisher);
        MessageReplayer replayer(publisher->connection.get(), {}, MessageReplayer::Options{});
        QSignalSpy finished(&replayer, &MessageReplayer::finished);
        replayer.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
        const Report report = finished.first().first().value<Report>();
        QCOMPARE(report.requested, quint64(0));
        QCOMPARE(report.sent, quint64(0));
    }

    void cleanupTestCase()
    {
        m_broker.reset();
    }
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
