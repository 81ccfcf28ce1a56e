#include "CliRunner.h"
#include "MqttTestClient.h"
#include "TestServers.h"

#include "core/MessageInbox.h"
#include "mqtt/MqttConnection.h"
#include "payload/HistoryExport.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

using State = MqttConnection::State;

namespace {

using Client = MqttTestClient;


constexpr int WaitMs = 30000;

// Not waitForFinished: the in-process subscriber needs the event loop meanwhile.
const CliRunner runCli(60000, CliRunner::Wait::EventLoop);

} // namespace

// `tideline-cli pub --replay` against a real mosquitto: a file exported by HistoryExport is
// published again with a topic prefix, without retain flags, at a speed or a rate, and the
// report comes back as a line on stderr and a JSON object on stdout.
class TestCliReplay : public QObject
{
    Q_OBJECT

private:
    MosquittoProcess m_broker;
    QTemporaryDir m_dir;

    std::unique_ptr<Client> subscriber(const QString &filter)
    {
        auto client = std::make_unique<Client>();
        ConnectionProfile p = ConnectionProfile::fromUrl(m_broker.url()).value();
        p.version = ConnectionProfile::Version::Mqtt5;
        p.subscribeSys = false;
        p.subscriptions.clear();
        client->connection = std::make_unique<MqttConnection>(p, client->inbox);
        QSignalSpy subscribed(client->connection.get(), &MqttConnection::subscribed);
        // QoS 1: Paho hands a QoS 2 message over only after PUBREL, so a QoS 0 one right behind
        // it could overtake it in the client.
        client->connection->subscribe({filter, 1});
        client->connection->open();
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(client->connection->state(), State::Connected, WaitMs);
            QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, WaitMs);
        }();
        if (QTest::currentTestFailed())
            return nullptr;
        return client;
    }

    // Six messages of a shop, 100 ms apart, some retained, some with MQTT 5 properties.
    static std::vector<MqttMessage> shopSet(const QByteArray &base)
    {
        auto props = std::make_shared<MessageProperties>();
        props->contentType = u"application/json"_s;
        props->userProperties = {{u"till"_s, u"3"_s}, {u"till"_s, u"4"_s}};
        props->correlationData = QByteArray("\x00\xff", 2);
        const qint64 t0 = 1'738'324'800'000;
        return {
            testMessage(base + "/shop/state", "open", t0, 1, true),
            testMessage(base + "/shop/orders/1", "{\"id\":1}", t0 + 100, 1, false, props),
            testMessage(base + "/shop/orders/2", "{\"id\":2}", t0 + 200, 2, false, props),
            testMessage(base + "/shop/binary", QByteArray("\x00\x01\x02\xfe", 4), t0 + 300, 0),
            testMessage(base + "/other/x", "unchanged prefix", t0 + 400, 1),
            testMessage(base + "/shop/orders/3", "{\"id\":3}", t0 + 500, 1, true, props),
        };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath() + u" was not built"_s));
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_broker.start(&error), qPrintable(error));
    }

    void replayWithPrefixSpeedAndNoRetain_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QStringList>("timing");
        QTest::addColumn<double>("targetRate");
        QTest::newRow("JSON Lines at 10x") << u"jsonl.jsonl"_s << QStringList{u"--speed"_s, u"10"_s} << 0.0;
        QTest::newRow("CSV at 50 msgs/s") << u"csv.csv"_s << QStringList{u"--rate"_s, u"50"_s} << 50.0;
    }

    void replayWithPrefixSpeedAndNoRetain()
    {
        QFETCH(QString, fileName);
        QFETCH(QStringList, timing);
        QFETCH(double, targetRate);
        const QByteArray base = "tst/clireplay/" + QFileInfo(fileName).completeBaseName().toUtf8();
        const std::vector<MqttMessage> set = shopSet(base);
        const QString path = m_dir.filePath(fileName);
        const auto format = HistoryExport::formatForFileName(path);
        QVERIFY(format);
        QVERIFY(HistoryExport::writeFile(path, set, *format).ok());

        auto sub = subscriber(QString::fromUtf8(base) + u"/#"_s);
        QVERIFY(sub);
        const QString prefix = QString::fromUtf8(base) + u"/shop/="_s + QString::fromUtf8(base) + u"/replay/shop/"_s;
        const CliRun run = runCli(QStringList{u"pub"_s, u"--url"_s, m_broker.url(), u"--replay"_s, path,
                                              u"--topic-prefix"_s, prefix, u"--no-retain"_s, u"--json"_s}
                                  + timing);
        QVERIFY2(run.finished && run.exitCode == 0, describe(run).constData());
        QVERIFY2(run.err.contains("replayed 6 of 6 messages"), describe(run).constData());
        const QJsonObject report = QJsonDocument::fromJson(run.out.trimmed()).object();
        QCOMPARE(report.value(u"requested"_s).toInt(), 6);
        QCOMPARE(report.value(u"sent"_s).toInt(), 6);
        QCOMPARE(report.value(u"failed"_s).toInt(), 0);
        QCOMPARE(report.value(u"unsent"_s).toInt(), 0);
        QCOMPARE(report.value(u"cancelled"_s).toBool(), false);
        QCOMPARE(report.value(u"target_msgs_per_s"_s).toDouble(), targetRate);
        // 10x: 50 ms planned; 50/s: 100 ms planned. Never early.
        QVERIFY2(report.value(u"seconds"_s).toDouble() >= 0.049, run.out.constData());

        QTRY_COMPARE_WITH_TIMEOUT(sub->drain(), set.size(), WaitMs);
        for (size_t i = 0; i < set.size(); ++i) {
            const MqttMessage &got = sub->received[i];
            QByteArray expectedTopic = set[i].topic;
            if (expectedTopic.startsWith(QByteArray(base + "/shop/")))
                expectedTopic = base + "/replay/shop/" + expectedTopic.mid(base.size() + 6);
            QCOMPARE(got.topic, expectedTopic);
            QCOMPARE(got.payload, set[i].payload);
            QCOMPARE(got.qos, qMin(set[i].qos, quint8(1)));
            QCOMPARE(bool(got.properties), bool(set[i].properties));
            if (set[i].properties) {
                QCOMPARE(got.properties->contentType, set[i].properties->contentType);
                QCOMPARE(got.properties->userProperties, set[i].properties->userProperties);
                QCOMPARE(got.properties->correlationData, set[i].properties->correlationData);
            }
        }

        // --no-retain: a new subscriber gets nothing retained, only the marker sent after it.
        auto late = subscriber(QString::fromUtf8(base) + u"/replay/#"_s);
        QVERIFY(late);
        const CliRun marker = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--topic"_s,
                                      QString::fromUtf8(base) + u"/replay/marker"_s, u"--message"_s, u"m"_s,
                                      u"--qos"_s, u"1"_s});
        QVERIFY2(marker.finished && marker.exitCode == 0, describe(marker).constData());
        QTRY_COMPARE_WITH_TIMEOUT(late->drain(), size_t(1), WaitMs);
        QCOMPARE(late->received.front().topic, QByteArray(base + "/replay/marker"));
    }

    void retainKeptWithoutNoRetain()
    {
        const QByteArray base = "tst/clireplay/retained";
        const QString path = m_dir.filePath(u"retained.jsonl"_s);
        QVERIFY(HistoryExport::writeFile(path, shopSet(base), HistoryExport::Format::JsonLines).ok());
        const CliRun run = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--replay"_s, path, u"--rate"_s, u"0"_s});
        QVERIFY2(run.finished && run.exitCode == 0, describe(run).constData());
        QVERIFY2(run.err.contains("replayed 6 of 6 messages"), describe(run).constData());
        QVERIFY(run.out.isEmpty()); // no --json
        auto late = subscriber(QString::fromUtf8(base) + u"/#"_s);
        QVERIFY(late);
        QTRY_COMPARE_WITH_TIMEOUT(late->drain(), size_t(2), WaitMs);
        QTest::qWait(300);
        QCOMPARE(late->drain(), size_t(2));
        for (const MqttMessage &m : late->received)
            QVERIFY(m.retained);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("complaint");
        const QString file = u"/nonexistent/set.jsonl"_s;
        QTest::newRow("speed and rate") << QStringList{u"--replay"_s, file, u"--speed"_s, u"2"_s, u"--rate"_s, u"3"_s}
                                        << 2 << u"--speed or --rate"_s;
        QTest::newRow("replay with topic") << QStringList{u"--replay"_s, file, u"--topic"_s, u"a"_s} << 2
                                           << u"--topic"_s;
        QTest::newRow("speed 0") << QStringList{u"--replay"_s, file, u"--speed"_s, u"0"_s} << 2 << u"--speed"_s;
        QTest::newRow("prefix without =") << QStringList{u"--replay"_s, file, u"--topic-prefix"_s, u"shop/"_s} << 2
                                          << u"OLD=NEW"_s;
        QTest::newRow("wildcard prefix") << QStringList{u"--replay"_s, file, u"--topic-prefix"_s, u"a/=b/#"_s} << 2
                                         << u"+ or #"_s;
        QTest::newRow("speed without replay")
            << QStringList{u"--topic"_s, u"a"_s, u"--message"_s, u"x"_s, u"--speed"_s, u"2"_s} << 2
            << u"need --replay"_s;
        QTest::newRow("missing file") << QStringList{u"--replay"_s, file} << 1 << u"set.jsonl"_s;
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, complaint);
        const CliRun run = runCli(QStringList{u"pub"_s, u"--url"_s, m_broker.url()} + args);
        QVERIFY2(run.finished, describe(run).constData());
        QVERIFY2(run.exitCode == exitCode, describe(run).constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(complaint), describe(run).constData());
    }
};

QTEST_GUILESS_MAIN(TestCliReplay)
#include "tst_cli_replay.moc"
