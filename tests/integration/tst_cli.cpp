#include "CliRunner.h"
#include "TestServers.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

const CliRunner runCli;

} // namespace

// tideline-cli as a user runs it: the built binary against a real mosquitto.
class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath() + u" was not built"_s));
        QString error;
        QVERIFY2(m_broker.start(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    void helpAndVersion_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("--help") << QStringList{u"--help"_s} << u"bench e2e"_s;
        QTest::newRow("help") << QStringList{u"help"_s} << u"pub"_s;
        QTest::newRow("help sub") << QStringList{u"help"_s, u"sub"_s} << u"--json"_s;
        QTest::newRow("sub --help") << QStringList{u"sub"_s, u"--help"_s} << u"--password-stdin"_s;
        QTest::newRow("pub --help") << QStringList{u"pub"_s, u"--help"_s} << u"--rate"_s;
        QTest::newRow("help bench") << QStringList{u"help"_s, u"bench"_s} << u"bench ingest"_s;
        QTest::newRow("bench ingest --help") << QStringList{u"bench"_s, u"ingest"_s, u"--help"_s} << u"--topics"_s;
        QTest::newRow("--version") << QStringList{u"--version"_s} << u"tideline-cli 0."_s;
    }
    void helpAndVersion()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const CliRun run = runCli(args);
        QVERIFY2(run.finished && run.exitCode == 0, describe(run));
        QVERIFY2(QString::fromUtf8(run.out).contains(expected), describe(run));
    }

    void usageErrorsExitWith2_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString url = u"mqtt://127.0.0.1:1"_s;
        QTest::newRow("no arguments") << QStringList{};
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s};
        QTest::newRow("bench without subcommand") << QStringList{u"bench"_s};
        QTest::newRow("unknown option") << QStringList{u"sub"_s, u"--url"_s, url, u"--topic"_s, u"a"_s, u"--bogus"_s};
        QTest::newRow("sub without url") << QStringList{u"sub"_s, u"--topic"_s, u"a"_s};
        QTest::newRow("sub without topic") << QStringList{u"sub"_s, u"--url"_s, url};
        QTest::newRow("bad filter") << QStringList{u"sub"_s, u"--url"_s, url, u"--topic"_s, u"a/#/b"_s};
        QTest::newRow("qos 7") << QStringList{u"sub"_s, u"--url"_s, url, u"--topic"_s, u"a"_s, u"--qos"_s, u"7"_s};
        QTest::newRow("mqtt version 4.5")
            << QStringList{u"sub"_s, u"--url"_s, url, u"--topic"_s, u"a"_s, u"--mqtt-version"_s, u"4.5"_s};
        QTest::newRow("bad url") << QStringList{u"sub"_s, u"--url"_s, u"gopher://x"_s, u"--topic"_s, u"a"_s};
        QTest::newRow("pub without payload") << QStringList{u"pub"_s, u"--url"_s, url, u"--topic"_s, u"a"_s};
        QTest::newRow("pub with two payloads") << QStringList{u"pub"_s, u"--url"_s, url, u"--topic"_s, u"a"_s,
                                                              u"--message"_s, u"x"_s, u"--stdin"_s};
        QTest::newRow("pub to a wildcard") << QStringList{u"pub"_s, u"--url"_s, url, u"--topic"_s, u"a/+"_s,
                                                          u"--message"_s, u"x"_s};
        QTest::newRow("pub count 0") << QStringList{u"pub"_s, u"--url"_s, url, u"--topic"_s, u"a"_s,
                                                    u"--message"_s, u"x"_s, u"--count"_s, u"0"_s};
        QTest::newRow("tls option on mqtt://") << QStringList{u"pub"_s, u"--url"_s, url, u"--topic"_s, u"a"_s,
                                                              u"--message"_s, u"x"_s, u"--insecure"_s};
        QTest::newRow("bench e2e publisher over TLS")
            << QStringList{u"bench"_s, u"e2e"_s, u"--url"_s, u"mqtts://127.0.0.1:1"_s};
        QTest::newRow("bench e2e unknown role")
            << QStringList{u"bench"_s, u"e2e"_s, u"--url"_s, url, u"--role"_s, u"spectator"_s};
        QTest::newRow("bench ingest --messages x")
            << QStringList{u"bench"_s, u"ingest"_s, u"--messages"_s, u"lots"_s};
    }
    void usageErrorsExitWith2()
    {
        QFETCH(QStringList, args);
        const CliRun run = runCli(args);
        QVERIFY2(run.finished && run.exitCode == 2, describe(run));
        QVERIFY2(!run.err.trimmed().isEmpty(), describe(run));
        QVERIFY2(run.out.isEmpty(), describe(run));
    }

    void subPrintsWhatPubSends_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("MQTT 5") << u"5"_s;
        QTest::newRow("MQTT 3.1.1") << u"3"_s;
    }
    void subPrintsWhatPubSends()
    {
        QFETCH(QString, version);
        const QString base = u"tst/cli/json%1"_s.arg(version);
        BackgroundSub sub(m_broker, u"tst-cli-sub-"_s,
                          {u"--url"_s, m_broker.url(), u"--topic"_s, base + u"/#"_s, u"--count"_s, u"4"_s,
                           u"--json"_s, u"--mqtt-version"_s, version});
        QVERIFY(sub.waitSubscribed());

        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const CliRun pub = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--topic"_s, base + u"/{{seq}}"_s,
                                   u"--message"_s, u"hello {{seq}} ü"_s, u"--count"_s, u"3"_s,
                                   u"--mqtt-version"_s, version});
        QVERIFY2(pub.finished && pub.exitCode == 0, describe(pub));
        QVERIFY2(pub.err.contains("published 3 messages in"), describe(pub));
        QVERIFY2(pub.err.contains(", 0 failed"), describe(pub));

        const QByteArray binary("\xff\x00\xfe\x80 binary", 11);
        const QString binaryFile = m_dir.filePath(u"binary.bin"_s);
        {
            QFile f(binaryFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(binary);
        }
        const CliRun pubBinary = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--topic"_s, base + u"/bin"_s,
                                         u"--file"_s, binaryFile, u"--qos"_s, u"1"_s});
        QVERIFY2(pubBinary.finished && pubBinary.exitCode == 0, describe(pubBinary));

        const CliRun run = sub.finish();
        QVERIFY2(run.finished && run.exitCode == 0, describe(run));
        const QList<QByteArray> out = lines(run.out);
        QCOMPARE(out.size(), 4);
        for (int i = 0; i < 3; ++i) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(out[i], &error);
            QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), out[i].constData());
            const QJsonObject o = doc.object();
            QCOMPARE(o.value(u"topic"_s).toString(), u"%1/%2"_s.arg(base).arg(i + 1));
            QCOMPARE(o.value(u"payload"_s).toString(), u"hello %1 ü"_s.arg(i + 1));
            QCOMPARE(o.value(u"qos"_s).toInt(-1), 0);
            QCOMPARE(o.value(u"retain"_s).toBool(true), false);
            QVERIFY(!o.contains(u"payload_base64"_s));
            const QDateTime time = QDateTime::fromString(o.value(u"time"_s).toString(), Qt::ISODateWithMs);
            QVERIFY2(time.isValid(), qPrintable(o.value(u"time"_s).toString()));
            QVERIFY(qAbs(time.toMSecsSinceEpoch() - before) < 60000);
        }
        const QJsonObject last = QJsonDocument::fromJson(out[3]).object();
        QCOMPARE(last.value(u"topic"_s).toString(), base + u"/bin"_s);
        QVERIFY(!last.contains(u"payload"_s));
        QCOMPARE(QByteArray::fromBase64(last.value(u"payload_base64"_s).toString().toLatin1()), binary);
    }

    void plainOutputIsTopicSpacePayload()
    {
        BackgroundSub sub(m_broker, u"tst-cli-sub-"_s,
                          {u"--url"_s, m_broker.url(), u"--topic"_s, u"tst/cli/plain/+"_s, u"--topic"_s,
                           u"tst/cli/plain2"_s, u"--count"_s, u"2"_s});
        QVERIFY(sub.waitSubscribed());
        const CliRun text = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--topic"_s, u"tst/cli/plain/a"_s,
                                    u"--stdin"_s}, "line from stdin");
        QVERIFY2(text.finished && text.exitCode == 0, describe(text));
        const QString binaryFile = m_dir.filePath(u"plain.bin"_s);
        {
            QFile f(binaryFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\xc3\x28");
        }
        const CliRun binary = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--topic"_s, u"tst/cli/plain2"_s,
                                      u"--file"_s, binaryFile});
        QVERIFY2(binary.finished && binary.exitCode == 0, describe(binary));
        const CliRun run = sub.finish();
        QVERIFY2(run.finished && run.exitCode == 0, describe(run));
        QCOMPARE(lines(run.out), (QList<QByteArray>{"tst/cli/plain/a line from stdin",
                                                    "tst/cli/plain2 base64:" + QByteArray("\xc3\x28").toBase64()}));
    }

    void retainedMessageReachesALaterSubscriber()
    {
        const CliRun pub = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--topic"_s, u"tst/cli/retained"_s,
                                   u"--message"_s, u"kept"_s, u"--retain"_s, u"--qos"_s, u"1"_s});
        QVERIFY2(pub.finished && pub.exitCode == 0, describe(pub));
        const CliRun sub = runCli({u"sub"_s, u"--url"_s, m_broker.url(), u"--topic"_s, u"tst/cli/retained"_s,
                                   u"--count"_s, u"1"_s, u"--json"_s, u"--qos"_s, u"1"_s});
        QVERIFY2(sub.finished && sub.exitCode == 0, describe(sub));
        const QJsonObject o = QJsonDocument::fromJson(lines(sub.out).value(0)).object();
        QCOMPARE(o.value(u"payload"_s).toString(), u"kept"_s);
        QCOMPARE(o.value(u"retain"_s).toBool(), true);
        QCOMPARE(o.value(u"qos"_s).toInt(), 1);
    }

    void acknowledgedQosLevels_data()
    {
        QTest::addColumn<int>("qos");
        QTest::newRow("QoS 1") << 1;
        QTest::newRow("QoS 2") << 2;
    }
    void acknowledgedQosLevels()
    {
        QFETCH(int, qos);
        const CliRun pub = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--topic"_s, u"tst/cli/qos"_s,
                                   u"--message"_s, u"m{{seq}}"_s, u"--count"_s, u"200"_s, u"--qos"_s,
                                   QString::number(qos)});
        QVERIFY2(pub.finished && pub.exitCode == 0, describe(pub));
        QVERIFY2(pub.err.contains("published 200 messages in"), describe(pub));
        QVERIFY2(pub.err.contains(", 0 failed"), describe(pub));
    }

    void pubRateIsPaced()
    {
        const CliRun pub = runCli({u"pub"_s, u"--url"_s, m_broker.url(), u"--topic"_s, u"tst/cli/rate"_s,
                                   u"--message"_s, u"tick"_s, u"--count"_s, u"50"_s, u"--rate"_s, u"50"_s});
        QVERIFY2(pub.finished && pub.exitCode == 0, describe(pub));
        QVERIFY2(pub.err.contains("published 50 messages in"), describe(pub));
        // 50 messages at 50/s: the last is due 0.98 s after the first. Upper bounds are CI's business.
        QVERIFY2(pub.elapsedMs >= 900, qPrintable(QString::number(pub.elapsedMs)));
    }

    void credentials()
    {
        MosquittoProcess::Options options;
        options.allowAnonymous = false;
        options.username = u"operator"_s;
        options.password = u"s3cret pass"_s;
        MosquittoProcess broker(options);
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        const QStringList common{u"--url"_s, broker.url(), u"--username"_s, u"operator"_s, u"--password-stdin"_s};

        const CliRun wrong = runCli(QStringList{u"sub"_s, u"--topic"_s, u"x"_s} + common, "wrong\n");
        QVERIFY2(wrong.finished && wrong.exitCode == 1, describe(wrong));
        QVERIFY2(lines(wrong.err).size() == 1, describe(wrong));
        QVERIFY2(wrong.err.toLower().contains("password"), describe(wrong));
        QVERIFY2(!wrong.err.contains("wrong\n") && !wrong.err.contains("s3cret"), describe(wrong));

        const CliRun pub = runCli(QStringList{u"pub"_s, u"--topic"_s, u"tst/auth"_s, u"--message"_s, u"in"_s,
                                              u"--retain"_s} + common, "s3cret pass\n");
        QVERIFY2(pub.finished && pub.exitCode == 0, describe(pub));
        const CliRun sub = runCli(QStringList{u"sub"_s, u"--topic"_s, u"tst/auth"_s, u"--count"_s, u"1"_s} + common,
                                  "s3cret pass\n");
        QVERIFY2(sub.finished && sub.exitCode == 0, describe(sub));
        QCOMPARE(sub.out, QByteArray("tst/auth in\n"));
    }

    void connectionFailuresExitWithOneLine_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown host") << u"mqtt://no-such-host.invalid:1883"_s << u"Unknown host"_s;
        QTest::newRow("refused") << u"mqtt://127.0.0.1:%1"_s.arg(freePort()) << u"refused"_s;
    }
    void connectionFailuresExitWithOneLine()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        const QList<QStringList> commands{
            {u"sub"_s, u"--url"_s, url, u"--topic"_s, u"x"_s},
            {u"pub"_s, u"--url"_s, url, u"--topic"_s, u"x"_s, u"--message"_s, u"y"_s},
        };
        for (const QStringList &args : commands) {
            const CliRun run = runCli(args, {}, 20000);
            QVERIFY2(run.finished && run.exitCode == 1, describe(run));
            QVERIFY2(lines(run.err).size() == 1, describe(run));
            QVERIFY2(QString::fromUtf8(run.err).contains(expected), describe(run));
        }
    }

    void tlsNeedsTheRightCa()
    {
        MosquittoProcess::Options options;
        options.tls = true;
        MosquittoProcess broker(options);
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));

        const CliRun untrusted = runCli({u"pub"_s, u"--url"_s, broker.url(), u"--topic"_s, u"tst/tls"_s,
                                         u"--message"_s, u"x"_s}, {}, 20000);
        QVERIFY2(untrusted.finished && untrusted.exitCode == 1, describe(untrusted));
        QVERIFY2(lines(untrusted.err).size() == 1 && untrusted.err.contains("TLS"), describe(untrusted));

        const CliRun trusted = runCli({u"pub"_s, u"--url"_s, broker.url(), u"--topic"_s, u"tst/tls"_s,
                                       u"--message"_s, u"over tls"_s, u"--retain"_s, u"--cafile"_s, broker.caFile()});
        QVERIFY2(trusted.finished && trusted.exitCode == 0, describe(trusted));
        const CliRun sub = runCli({u"sub"_s, u"--url"_s, broker.url(), u"--topic"_s, u"tst/tls"_s, u"--count"_s,
                                   u"1"_s, u"--cafile"_s, broker.caFile()});
        QVERIFY2(sub.finished && sub.exitCode == 0, describe(sub));
        QCOMPARE(sub.out, QByteArray("tst/tls over tls\n"));
    }

    void benchIngestPrintsJson()
    {
        const CliRun run = runCli({u"bench"_s, u"ingest"_s, u"--messages"_s, u"20000"_s, u"--topics"_s,
                                   u"1000"_s, u"--payload"_s, u"16"_s}, {}, 60000);
        QVERIFY2(run.finished && run.exitCode == 0, describe(run));
        const QList<QByteArray> out = lines(run.out);
        QCOMPARE(out.size(), 1);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(out[0], &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, out[0].constData());
        QCOMPARE(o.value(u"messages"_s).toInteger(), 20000);
        QCOMPARE(o.value(u"topics"_s).toInteger(), 1000);
        for (const QString &key : {u"seconds"_s, u"msgs_per_s"_s, u"peak_rss_mb"_s})
            QVERIFY2(o.value(key).toDouble(-1) > 0, qPrintable(key));
    }

    void benchE2eCountsEveryMessage()
    {
        MosquittoProcess::Options options;
        // Mosquitto drops QoS 0 messages for a subscriber whose queue is full; the benchmark
        // measures Tideline, not that limit.
        options.extraConfig = {u"max_queued_messages 0"_s};
        MosquittoProcess broker(options);
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        const CliRun run = runCli({u"bench"_s, u"e2e"_s, u"--url"_s, broker.url(), u"--messages"_s, u"2000"_s,
                                   u"--topics"_s, u"100"_s}, {}, 60000);
        QVERIFY2(run.finished && run.exitCode == 0, describe(run));
        const QList<QByteArray> out = lines(run.out);
        QCOMPARE(out.size(), 1);
        const QJsonObject o = QJsonDocument::fromJson(out[0]).object();
        const qint64 received = o.value(u"received"_s).toInteger(-1);
        const qint64 lost = o.value(u"lost"_s).toInteger(-1);
        QVERIFY2(received > 0, out[0].constData());
        QCOMPARE(received + lost, 2000);
        QVERIFY2(o.contains(u"msgs_per_s"_s) && o.contains(u"stall_ms"_s), out[0].constData());
    }

    void benchE2eRolesInSeparateProcesses()
    {
        MosquittoProcess::Options options;
        options.extraConfig = {u"max_queued_messages 0"_s};
        MosquittoProcess broker(options);
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        const QStringList common{u"bench"_s, u"e2e"_s, u"--url"_s, broker.url(), u"--messages"_s, u"1000"_s,
                                 u"--run"_s, u"roles"_s};
        QProcess subscriber;
        subscriber.start(cliPath(), common + QStringList{u"--role"_s, u"subscriber"_s});
        QByteArray subscriberErr;
        QTRY_VERIFY_WITH_TIMEOUT((subscriberErr += subscriber.readAllStandardError()).contains("subscribed"), 10000);

        const CliRun publisher = runCli(common + QStringList{u"--role"_s, u"publisher"_s});
        QVERIFY2(publisher.finished && publisher.exitCode == 0, describe(publisher));
        const QJsonObject published = QJsonDocument::fromJson(lines(publisher.out).value(0)).object();
        QCOMPARE(published.value(u"published"_s).toInteger(), 1000);
        QCOMPARE(published.value(u"failed"_s).toInteger(), 0);

        QVERIFY(subscriber.waitForFinished(30000));
        QCOMPARE(subscriber.exitCode(), 0);
        const QJsonObject received = QJsonDocument::fromJson(lines(subscriber.readAllStandardOutput()).value(0)).object();
        QCOMPARE(received.value(u"received"_s).toInteger(), 1000);
        QCOMPARE(received.value(u"lost"_s).toInteger(), 0);
        QVERIFY(!received.contains(u"published"_s));
    }

private:
    MosquittoProcess m_broker;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
