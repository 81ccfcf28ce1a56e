#include "payload/HistoryExport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

namespace {

using Format = HistoryExport::Format;

std::shared_ptr<const MessageProperties> fullProperties()
{
    auto p = std::make_shared<MessageProperties>();
    p->contentType = u"application/json; charset=utf-8"_s;
    p->payloadFormatIndicator = 1;
    p->responseTopic = u"replies/42, \"quoted\""_s;
    p->correlationData = QByteArray("\x00\x01\xfe\xff corr", 9);
    p->userProperties = {{u"specversion"_s, u"1.0"_s}, {u"dup"_s, u"a"_s}, {u"dup"_s, u"b"_s},
                         {u"ünï"_s, u"line1\nline2,\"x\""_s}};
    p->messageExpiryInterval = 3600;
    p->subscriptionIdentifiers = {7, 268435455};
    p->topicAlias = 12;
    return p;
}

MqttMessage message(const QByteArray &topic, const QByteArray &payload, qint64 ts = 1738324800123,
                    quint8 qos = 0, bool retained = false,
                    std::shared_ptr<const MessageProperties> properties = nullptr)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.timestampMs = ts;
    m.qos = qos;
    m.retained = retained;
    m.properties = std::move(properties);
    return m;
}

void compareMessages(const std::vector<MqttMessage> &actual, const std::vector<MqttMessage> &expected,
                     bool exactTopic = true)
{
    QCOMPARE(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        const MqttMessage &a = actual.at(i);
        const MqttMessage &e = expected.at(i);
        if (exactTopic)
            QCOMPARE(a.topic, e.topic);
        QCOMPARE(a.payload, e.payload);
        QCOMPARE(a.timestampMs, e.timestampMs);
        QCOMPARE(a.qos, e.qos);
        QCOMPARE(a.retained, e.retained);
        QCOMPARE(bool(a.properties), bool(e.properties) && !e.properties->isEmpty());
        if (!a.properties)
            continue;
        const MessageProperties &ap = *a.properties;
        const MessageProperties &ep = *e.properties;
        QCOMPARE(ap.contentType, ep.contentType);
        QCOMPARE(ap.payloadFormatIndicator, ep.payloadFormatIndicator);
        QCOMPARE(ap.responseTopic, ep.responseTopic);
        QCOMPARE(ap.correlationData, ep.correlationData);
        QCOMPARE(ap.userProperties, ep.userProperties);
        QCOMPARE(ap.messageExpiryInterval, ep.messageExpiryInterval);
        QCOMPARE(ap.subscriptionIdentifiers, ep.subscriptionIdentifiers);
        QCOMPARE(ap.topicAlias, ep.topicAlias);
    }
}

} // namespace

class TestHistoryExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("withProperties");

        const QList<QPair<const char *, QByteArray>> payloads = {
            {"plain number", "21.5"_ba},
            {"json", "{\"a\":1,\"b\":[true,null],\"s\":\"x,y\"}"_ba},
            {"empty", QByteArray()},
            {"csv specials", "a,b \"quoted\"\r\nnext line\nlast"_ba},
            {"leading and trailing blanks", "  padded  "_ba},
            {"unicode", "Grüße 温度 🌡"_ba},
            {"nul and controls", QByteArray("a\x00b\x01\x1b[0m", 8)},
            {"invalid utf-8", QByteArray("ok \xc3\x28 \xff\xfe", 8)},
            {"binary", QByteArray::fromHex("89504e470d0a1a0a0000000d49484452")},
            {"backslashes and quotes", "C:\\temp\\\"x\"\\u0041"_ba},
        };
        for (const Format format : {Format::JsonLines, Format::Csv}) {
            const char *fname = format == Format::Csv ? "csv" : "jsonl";
            for (const auto &[name, payload] : payloads) {
                for (const bool props : {false, true}) {
                    QTest::addRow("%s %s%s", fname, name, props ? " +properties" : "")
                        << int(format) << "shop/store-03/orders,created"_ba << payload << props;
                }
            }
            QTest::addRow("%s unicode topic", fname) << int(format) << "werk/halle-ä/温度"_ba << "1"_ba << false;
        }
    }

    void roundTrip()
    {
        QFETCH(int, format);
        QFETCH(QByteArray, topic);
        QFETCH(QByteArray, payload);
        QFETCH(bool, withProperties);
        const std::vector<MqttMessage> messages = {
            message(topic, payload, 1738324800123, 1, true, withProperties ? fullProperties() : nullptr),
            message("other/topic"_ba, payload, 1738324800999, 2, false),
            message(topic, "second"_ba, 1738324801000, 0, false, withProperties ? fullProperties() : nullptr),
        };
        const QByteArray data = HistoryExport::serialize(messages, Format(format));
        const auto parsed = HistoryExport::parse(data, Format(format));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        compareMessages(parsed.value(), messages);
        // Writing what was read gives the same bytes: nothing drifts over repeated round trips.
        QCOMPARE(HistoryExport::serialize(parsed.value(), Format(format)), data);
    }

    void jsonLinesLayout()
    {
        const QByteArray line = HistoryExport::toJsonLine(
            message("a/b"_ba, "{\"t\":21.5}"_ba, 1738324800123, 1, true, fullProperties()));
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        QVERIFY(line.startsWith("{\"time\":\"2025-01-31T12:00:00.123Z\",\"timestampMs\":1738324800123,"
                                "\"topic\":\"a/b\",\"qos\":1,\"retain\":true,\"payload\":\"{\\\"t\\\":21.5}\""));
        QVERIFY(line.contains("\"correlationDataBase64\":\"AAH+/yBjb3Jy\""));
        QVERIFY(line.contains("\"userProperties\":[{\"name\":\"specversion\",\"value\":\"1.0\"}"));
        // Binary payloads are base64, text payloads are not.
        const QByteArray binary = HistoryExport::toJsonLine(message("a"_ba, QByteArray("\xff\x00", 2)));
        QVERIFY(binary.contains("\"payloadBase64\":\"/wA=\""));
        QVERIFY(!binary.contains("\"payload\":"));
        // Every line is a JSON document on its own.
        QJsonParseError error;
        QJsonDocument::fromJson(line, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
    }

    void invalidUtf8TopicIsExactInJsonLines()
    {
        const QByteArray topic("bad/\xff\xfe/topic", 12);
        const std::vector<MqttMessage> messages = {message(topic, "x"_ba)};
        const QByteArray line = HistoryExport::serialize(messages, Format::JsonLines);
        QVERIFY(line.contains("\"topicBase64\""));
        const auto parsed = HistoryExport::parse(line, Format::JsonLines);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().at(0).topic, topic);
        // CSV cannot say so; it shows the damage instead of failing.
        const auto csv = HistoryExport::parse(HistoryExport::serialize(messages, Format::Csv), Format::Csv);
        QVERIFY(csv.ok());
        QCOMPARE(QString::fromUtf8(csv.value().at(0).topic), u"bad/\uFFFD\uFFFD/topic"_s);
    }

    void csvLayout()
    {
        QCOMPARE(HistoryExport::csvHeader(),
                 "time,timestamp_ms,topic,qos,retain,payload_encoding,payload,properties\r\n"_ba);
        QCOMPARE(HistoryExport::toCsvRecord(message("a/b"_ba, "say \"hi\", twice"_ba, 1738324800123, 2, true)),
                 "2025-01-31T12:00:00.123Z,1738324800123,a/b,2,true,utf-8,\"say \"\"hi\"\", twice\",\r\n"_ba);
        QCOMPARE(HistoryExport::toCsvRecord(message("a"_ba, QByteArray("\x01\x02", 2), 0)),
                 "1970-01-01T00:00:00.000Z,0,a,0,false,base64,AQI=,\r\n"_ba);
    }

    // Hand-written files: columns in any order, only a topic required, LF line ends.
    void csvByHand()
    {
        const QByteArray csv = "payload,topic,extra\n"
                               "42,sensors/t1,ignored\n"
                               "\n"
                               "\"multi\nline\",sensors/t2,\n"_ba;
        const auto parsed = HistoryExport::parse(csv, Format::Csv);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed.value().size(), size_t(2));
        QCOMPARE(parsed.value().at(0).topic, "sensors/t1"_ba);
        QCOMPARE(parsed.value().at(0).payload, "42"_ba);
        QVERIFY(parsed.value().at(0).timestampMs > 0); // import time when the file has none
        QCOMPARE(parsed.value().at(1).payload, "multi\nline"_ba);
    }

    void jsonLinesTimeOnly()
    {
        const auto parsed = HistoryExport::parse(
            "{\"time\":\"2025-01-31T12:00:00.500Z\",\"topic\":\"t\",\"payload\":\"1\"}\n\n"_ba, Format::JsonLines);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().size(), size_t(1));
        QCOMPARE(parsed.value().at(0).timestampMs, 1738324800500);
    }

    void errors_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");

        const int jsonl = int(Format::JsonLines);
        const int csv = int(Format::Csv);
        QTest::newRow("jsonl not json") << jsonl << "{\"topic\":\"a\"}\n{oops\n"_ba << u"Line 2: not valid JSON"_s;
        QTest::newRow("jsonl array") << jsonl << "[1]\n"_ba << u"Line 1: each line must be a JSON object"_s;
        QTest::newRow("jsonl no topic") << jsonl << "\n\n{\"payload\":\"x\"}"_ba << u"Line 3: the message has no topic"_s;
        QTest::newRow("jsonl bad qos") << jsonl << "{\"topic\":\"a\",\"qos\":3}"_ba << u"Line 1: qos must be 0, 1 or 2"_s;
        QTest::newRow("jsonl bad base64") << jsonl << "{\"topic\":\"a\",\"payloadBase64\":\"**\"}"_ba
                                          << u"Line 1: payloadBase64 is not valid base64"_s;
        QTest::newRow("jsonl bad property") << jsonl
                                            << "{\"topic\":\"a\",\"properties\":{\"topicAlias\":0}}"_ba
                                            << u"Line 1: topicAlias must be a number from 1 to 65535"_s;
        QTest::newRow("jsonl bad user properties")
            << jsonl << "{\"topic\":\"a\",\"properties\":{\"userProperties\":[[\"k\",\"v\"]]}}"_ba
            << u"Line 1: userProperties must be a list"_s;
        QTest::newRow("csv no topic column") << csv << "payload\nx\n"_ba << u"Line 1: the header names no \"topic\" column"_s;
        QTest::newRow("csv unclosed quote") << csv << "topic,payload\na,\"x\ny\n"_ba << u"Line 2: a quoted field is not closed"_s;
        QTest::newRow("csv line after multi-line field")
            << csv << "topic,payload\na,\"x\ny\"\nb,1,\"z\"q\n"_ba << u"Line 4: unexpected text after a closing quote"_s;
        QTest::newRow("csv bad encoding") << csv << "topic,payload_encoding,payload\na,rot13,x\n"_ba
                                          << u"Line 2: unknown payload_encoding \"rot13\""_s;
        QTest::newRow("csv bad base64") << csv << "topic,payload_encoding,payload\na,base64,!!\n"_ba
                                        << u"Line 2: the payload is not valid base64"_s;
        QTest::newRow("csv bad retain") << csv << "topic,retain\na,maybe\n"_ba << u"Line 2: retain must be true or false"_s;
        QTest::newRow("csv bad properties") << csv << "topic,properties\na,[1]\n"_ba
                                            << u"Line 2: properties must be a JSON object"_s;
    }

    void errors()
    {
        QFETCH(int, format);
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        const auto parsed = HistoryExport::parse(data, Format(format));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, u"history.syntax"_s);
        QVERIFY2(parsed.error().message.startsWith(expected), qPrintable(parsed.error().message));
    }

    void formatDetection()
    {
        QCOMPARE(HistoryExport::formatForFileName(u"/tmp/x.JSONL"_s), Format::JsonLines);
        QCOMPARE(HistoryExport::formatForFileName(u"x.ndjson"_s), Format::JsonLines);
        QCOMPARE(HistoryExport::formatForFileName(u"x.csv"_s), Format::Csv);
        QCOMPARE(HistoryExport::formatForFileName(u"x.txt"_s), std::nullopt);
        QCOMPARE(HistoryExport::sniff("\xEF\xBB\xBF \n{\"topic\""), Format::JsonLines);
        QCOMPARE(HistoryExport::sniff("time,topic"), Format::Csv);
    }

    void files()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::vector<MqttMessage> messages;
        for (int i = 0; i < 500; ++i)
            messages.push_back(message("t/"_ba + QByteArray::number(i % 7), QByteArray(i, char(i)),
                                       1738324800000 + i, quint8(i % 3), i % 2, i % 5 ? nullptr : fullProperties()));
        for (const QString &name : {u"h.jsonl"_s, u"h.csv"_s, u"no-extension"_s}) {
            const QString path = dir.filePath(name);
            const Format format = name.endsWith(u".csv"_s) ? Format::Csv : Format::JsonLines;
            const auto written = HistoryExport::writeFile(path, messages, format);
            QVERIFY(written.ok());
            const auto read = HistoryExport::readFile(path); // "no-extension" is sniffed
            QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
            compareMessages(read.value(), messages);
        }
        const auto missing = HistoryExport::readFile(dir.filePath(u"missing.jsonl"_s));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, u"history.read"_s);
        const auto unwritable = HistoryExport::writeFile(dir.filePath(u"no/such/dir/x.csv"_s), messages, Format::Csv);
        QVERIFY(!unwritable.ok());
        QCOMPARE(unwritable.error().code, u"history.write"_s);
    }
};

QTEST_GUILESS_MAIN(TestHistoryExport)
#include "tst_history_export.moc"
