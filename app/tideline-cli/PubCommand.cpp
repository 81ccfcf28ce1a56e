#include "PubCommand.h"

#include "core/MessageInbox.h"
#include "mqtt/BurstPublisher.h"
#include "mqtt/CloudEventsBuilder.h"
#include "mqtt/MessageReplayer.h"
#include "mqtt/MessageTemplate.h"
#include "mqtt/MqttConnection.h"
#include "payload/HistoryExport.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <limits>

using namespace Qt::StringLiterals;

namespace tideline::cli {

namespace {
constexpr int kCloseTimeoutMs = 5000;
const auto kDefaultCeType = u"io.tideline.cli.test"_s;
const auto kDefaultCeSource = u"/tideline-cli"_s;

using Report = BurstPublisher::Report;

// The report as one JSON object on stdout (--json).
QByteArray reportJson(const Report &report)
{
    QJsonObject o;
    o.insert(u"requested"_s, qint64(report.requested));
    o.insert(u"sent"_s, qint64(report.sent));
    o.insert(u"failed"_s, qint64(report.failed));
    o.insert(u"unsent"_s, qint64(report.unsent));
    o.insert(u"seconds"_s, report.elapsedSeconds);
    o.insert(u"msgs_per_s"_s, report.achievedRate());
    o.insert(u"target_msgs_per_s"_s, report.targetRate);
    o.insert(u"cancelled"_s, report.cancelled);
    if (!report.firstError.isEmpty())
        o.insert(u"first_error"_s, report.firstError);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

// Runs `publisher` (a BurstPublisher or a MessageReplayer) once the connection is up, waits for
// its report, prints `summary(report)` on stderr (and the JSON report on stdout with `json`),
// then closes the connection. ExitFailure when the connection failed or any message did.
template<typename Publisher>
int publishAndReport(MqttConnection &connection, ConnectionWatcher &watcher, Publisher &publisher, bool json,
                     const std::function<QString(const Report &)> &summary)
{
    QEventLoop loop;
    int exitCode = ExitOk;
    auto printSummary = [&] {
        const Report report = publisher.report();
        printStderr(summary(report));
        if (json)
            writeStdout(reportJson(report), true);
        return report.requested - report.sent;
    };

    QObject::connect(&watcher, &ConnectionWatcher::connected, &loop, [&] { publisher.start(); });
    QObject::connect(&publisher, &Publisher::finished, &loop, [&](const Report &report) {
        if (report.failed > 0)
            runtimeError(PubCommand::tr("%1 messages failed: %2").arg(report.failed).arg(report.firstError));
        exitCode = printSummary() > 0 ? ExitFailure : ExitOk;
        watcher.close();
        QTimer::singleShot(kCloseTimeoutMs, &loop, [&loop] { loop.exit(); });
    });
    QObject::connect(&watcher, &ConnectionWatcher::disconnected, &loop, [&loop] { loop.exit(); });
    QObject::connect(&watcher, &ConnectionWatcher::fatal, &loop, [&](const QString &message) {
        exitCode = runtimeError(message);
        if (watcher.everConnected())
            printSummary();
        loop.exit();
    });

    connection.open();
    loop.exec();
    return exitCode;
}

} // namespace

PubCommand::PubCommand()
    : m_topic(u"topic"_s, tr("Topic to publish to; placeholders {{seq}}, {{uuid}} and {{now}} are expanded."),
              tr("TOPIC"))
    , m_message(u"message"_s, tr("Payload text; placeholders {{seq}}, {{uuid}} and {{now}} are expanded."),
                tr("TEXT"))
    , m_file(u"file"_s, tr("Send the contents of FILE as the payload, byte for byte."), tr("FILE"))
    , m_stdin(u"stdin"_s, tr("Send standard input (read to the end) as the payload, byte for byte."))
    , m_qos(u"qos"_s, tr("QoS: 0, 1 or 2. Default: 0."), tr("N"), u"0"_s)
    , m_retain(u"retain"_s, tr("Set the retain flag."))
    , m_count(u"count"_s, tr("Number of messages. Default: 1."), tr("N"), u"1"_s)
    , m_rate(u"rate"_s, tr("Messages per second; 0 = as fast as flow control allows. Default: 0."), tr("R"),
             u"0"_s)
    , m_property(u"property"_s,
                 tr("MQTT 5 user property NAME=VALUE (repeatable); placeholders in VALUE are expanded."),
                 tr("NAME=VALUE"))
    , m_contentType(u"content-type"_s,
                    tr("MQTT 5 Content Type of the payload; with --cloudevents, the event's datacontenttype."),
                    tr("TYPE"))
    , m_cloudEvents(u"cloudevents"_s, tr("Send the payload as the data of a CloudEvents 1.0 event with a fresh "
                                         "id and time per message."))
    , m_ceType(u"ce-type"_s, tr("CloudEvents type. Default: %1.").arg(kDefaultCeType), tr("TYPE"), kDefaultCeType)
    , m_ceSource(u"ce-source"_s, tr("CloudEvents source. Default: %1.").arg(kDefaultCeSource), tr("URI"),
                 kDefaultCeSource)
    , m_ceSubject(u"ce-subject"_s, tr("CloudEvents subject (optional)."), tr("TEXT"))
    , m_ceMode(u"ce-mode"_s,
               tr("CloudEvents content mode: structured (a JSON envelope) or binary (attributes as MQTT 5 user "
                  "properties). Default: structured."),
               tr("MODE"), u"structured"_s)
    , m_replay(u"replay"_s,
               tr("Publish the messages recorded in FILE (JSON Lines or CSV, as exported by Tideline) again, "
                  "in file order, with their topics, payloads, QoS, retain flags and MQTT 5 properties."),
               tr("FILE"))
    , m_speed(u"speed"_s,
              tr("With --replay: keep the recorded gaps between messages, divided by X (10 = ten times as "
                 "fast). Default: 1."),
              tr("X"))
    , m_topicPrefix(u"topic-prefix"_s,
                    tr("With --replay: publish topics that start with OLD under NEW instead (an empty OLD puts NEW "
                       "in front of every topic)."),
                    tr("OLD=NEW"))
    , m_noRetain(u"no-retain"_s, tr("With --replay: clear the retain flag of every message."))
    , m_json(u"json"_s, tr("Also print the final report as one JSON object on standard output."))
{
}

QString PubCommand::name() const
{
    return u"pub"_s;
}

QString PubCommand::summary() const
{
    return tr("Publish messages");
}

QString PubCommand::synopsis() const
{
    return tr("pub --url URL --topic TOPIC (--message TEXT | --file FILE | --stdin) [options]\n"
              "   or: tideline-cli pub --url URL --replay FILE [--speed X | --rate R] [--topic-prefix OLD=NEW] "
              "[--no-retain]");
}

QString PubCommand::details() const
{
    return tr("Publishes --count messages. In the topic, --message, --property values and --ce-subject, "
              "{{seq}} becomes 1, 2, 3, …, {{uuid}} a random UUID and {{now}} the publish time (RFC 3339, "
              "UTC); one value per message wherever it appears. --file and --stdin are sent exactly. "
              "With --cloudevents the payload becomes the data of a CloudEvent (id and time fresh for every "
              "message); JSON text is sent as JSON data. Waits until every message is acknowledged (QoS 1 "
              "and 2) or handed to the network (QoS 0), then prints \"published N messages in S s (R msgs/s), "
              "F failed\" on stderr, with the target rate when --rate was given. Exits with 1 when the "
              "connection fails or any message failed. With --json the report is also printed on stdout as a JSON "
              "object (requested, sent, failed, unsent, seconds, msgs_per_s, target_msgs_per_s, cancelled, "
              "first_error).\n\n"
              "With --replay FILE the messages of a file exported by Tideline (JSON Lines or CSV) are published "
              "again in file order: with the recorded gaps between them divided by --speed (default 1), or at "
              "--rate messages per second (0 = as fast as flow control allows). --topic-prefix OLD=NEW moves "
              "topics that start with OLD under NEW; --no-retain clears the retain flags. MQTT 5 properties are "
              "sent along on MQTT 5 connections. The summary reads \"replayed N of M messages in S s (R "
              "msgs/s), F failed\".");
}

void PubCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({m_topic, m_message, m_file, m_stdin, m_qos, m_retain, m_count, m_rate, m_property,
                       m_contentType, m_cloudEvents, m_ceType, m_ceSource, m_ceSubject, m_ceMode, m_replay,
                       m_speed, m_topicPrefix, m_noRetain, m_json});
    m_connection.addTo(parser);
}

int PubCommand::run(const QCommandLineParser &parser)
{
    if (parser.isSet(m_replay))
        return runReplay(parser);
    if (parser.isSet(m_speed) || parser.isSet(m_topicPrefix) || parser.isSet(m_noRetain))
        return usageError(name(), tr("--speed, --topic-prefix and --no-retain need --replay."));
    // Checked before the connection options, which may consume stdin for the password.
    const int sources = int(parser.isSet(m_message)) + int(parser.isSet(m_file)) + int(parser.isSet(m_stdin));
    if (sources != 1)
        return usageError(name(), tr("Give exactly one of --message, --file or --stdin."));
    if (parser.isSet(m_stdin) && m_connection.passwordFromStdin(parser))
        return usageError(name(), tr("--stdin and --password-stdin cannot both read standard input."));
    if (!parser.isSet(m_topic))
        return usageError(name(), tr("--topic is required."));
    const QString topicProblem = topicNameProblem(parser.value(m_topic));
    if (!topicProblem.isEmpty())
        return usageError(name(), topicProblem);
    const auto qos = parseInteger(parser.value(m_qos), 0, 2);
    if (!qos)
        return usageError(name(), tr("--qos must be 0, 1 or 2."));
    const auto count = parseInteger(parser.value(m_count), 1, std::numeric_limits<qint64>::max());
    if (!count)
        return usageError(name(), tr("--count must be a whole number, 1 or more."));
    const auto rate = parseNumber(parser.value(m_rate), 0, 10'000'000);
    if (!rate)
        return usageError(name(), tr("--rate must be a number of messages per second, 0 or more."));

    QList<QPair<QString, QString>> userProperties;
    for (const QString &property : parser.values(m_property)) {
        const qsizetype eq = property.indexOf(u'=');
        if (eq <= 0)
            return usageError(name(), tr("--property needs NAME=VALUE, not \"%1\".").arg(property));
        userProperties.append({property.left(eq), property.mid(eq + 1)});
    }
    const bool cloudEvents = parser.isSet(m_cloudEvents);
    const QString ceMode = parser.value(m_ceMode);
    if (ceMode != u"structured"_s && ceMode != u"binary"_s)
        return usageError(name(), tr("--ce-mode must be structured or binary, not \"%1\".").arg(ceMode));
    if (!cloudEvents && (parser.isSet(m_ceType) || parser.isSet(m_ceSource) || parser.isSet(m_ceSubject)
                         || parser.isSet(m_ceMode)))
        return usageError(name(), tr("--ce-type, --ce-source, --ce-subject and --ce-mode need --cloudevents."));

    auto setup = m_connection.build(parser);
    if (!setup) {
        return setup.error().code == u"usage"_s ? usageError(name(), setup.error().message)
                                                 : runtimeError(setup.error().message);
    }
    const bool mqtt5 = setup.value().profile.version == ConnectionProfile::Version::Mqtt5;
    if (!mqtt5) {
        // MQTT 3.1.1 has no properties: refusing beats silently sending less than asked.
        if (!userProperties.isEmpty() || (parser.isSet(m_contentType) && !cloudEvents))
            return usageError(name(), tr("--property and --content-type need MQTT 5 (--mqtt-version 5)."));
        if (cloudEvents && ceMode == u"binary"_s)
            return usageError(name(), tr("CloudEvents binary mode needs MQTT 5; use --ce-mode structured."));
    }

    MessageTemplate messageTemplate;
    messageTemplate.topic = parser.value(m_topic);
    messageTemplate.qos = int(*qos);
    messageTemplate.retain = parser.isSet(m_retain);
    if (parser.isSet(m_message)) {
        messageTemplate.payload = parser.value(m_message);
        // JSON text is sent as JSON data in a CloudEvent (and labelled so).
        const bool json = cloudEvents && !parser.isSet(m_contentType)
                       && MessageTemplate::checkPayload(MessageTemplate::PayloadFormat::Json, messageTemplate.payload).ok;
        messageTemplate.payloadFormat = json ? MessageTemplate::PayloadFormat::Json : MessageTemplate::PayloadFormat::Text;
    } else if (parser.isSet(m_file)) {
        messageTemplate.payloadFormat = MessageTemplate::PayloadFormat::File;
        messageTemplate.payload = parser.value(m_file);
    } else {
        messageTemplate.payloadFormat = MessageTemplate::PayloadFormat::Base64;
        messageTemplate.payload = QString::fromLatin1(readAllStdin().toBase64());
    }
    messageTemplate.properties.userProperties = userProperties;
    if (!cloudEvents)
        messageTemplate.properties.contentType = parser.value(m_contentType);

    if (cloudEvents) {
        CloudEventsBuilder::Event event;
        event.type = parser.value(m_ceType);
        event.source = parser.value(m_ceSource);
        event.subject = parser.value(m_ceSubject);
        event.dataContentType = parser.value(m_contentType);
        const auto mode = ceMode == u"binary"_s ? CloudEventsBuilder::Mode::Binary : CloudEventsBuilder::Mode::Structured;
        Result<MessageTemplate> built = CloudEventsBuilder::build(event, mode, messageTemplate);
        if (!built) {
            return built.error().code == u"cloudevents.attribute"_s ? usageError(name(), built.error().message)
                                                                    : runtimeError(built.error().message);
        }
        messageTemplate = std::move(built).value();
    }
    if (!mqtt5)
        messageTemplate.properties = {};

    Result<PreparedMessage> prepared = PreparedMessage::prepare(messageTemplate);
    if (!prepared) {
        return prepared.error().code == u"template.file"_s ? runtimeError(prepared.error().message)
                                                           : usageError(name(), prepared.error().message);
    }

    // Paho publishes from its own queue; the inbox only exists because MqttConnection wants one.
    auto inbox = std::make_shared<MessageInbox>();
    MqttConnection connection(setup.value().profile, inbox);
    if (setup.value().password)
        connection.setPassword(*setup.value().password);
    ConnectionWatcher watcher(&connection);

    BurstPublisher::Settings settings;
    settings.count = quint64(*count);
    settings.rate = *rate;
    BurstPublisher publisher(&connection, settings, std::move(prepared).value());

    return publishAndReport(connection, watcher, publisher, parser.isSet(m_json), [](const Report &report) {
        const quint64 failed = report.requested - report.sent;
        const QString rateText = QString::number(report.achievedRate(), 'f', 0);
        return report.targetRate > 0
                   ? tr("published %1 messages in %2 s (%3 msgs/s, target %4 msgs/s), %5 failed")
                         .arg(report.sent)
                         .arg(report.elapsedSeconds, 0, 'f', 3)
                         .arg(rateText)
                         .arg(report.targetRate, 0, 'g', 10)
                         .arg(failed)
                   : tr("published %1 messages in %2 s (%3 msgs/s), %4 failed")
                         .arg(report.sent)
                         .arg(report.elapsedSeconds, 0, 'f', 3)
                         .arg(rateText)
                         .arg(failed);
    });
}

int PubCommand::runReplay(const QCommandLineParser &parser)
{
    for (const QCommandLineOption *other : {&m_topic, &m_message, &m_file, &m_stdin, &m_qos, &m_retain, &m_count,
                                            &m_property, &m_contentType, &m_cloudEvents, &m_ceType, &m_ceSource,
                                            &m_ceSubject, &m_ceMode}) {
        if (parser.isSet(*other))
            return usageError(name(), tr("--replay takes topics, payloads and flags from the file; --%1 cannot "
                                         "be combined with it.")
                                          .arg(other->names().constFirst()));
    }
    if (parser.isSet(m_speed) && parser.isSet(m_rate))
        return usageError(name(), tr("Give either --speed or --rate, not both."));

    MessageReplayer::Options options;
    if (parser.isSet(m_rate)) {
        const auto rate = parseNumber(parser.value(m_rate), 0, 10'000'000);
        if (!rate)
            return usageError(name(), tr("--rate must be a number of messages per second, 0 or more."));
        options.timing = *rate > 0 ? MessageReplayer::Timing::FixedRate : MessageReplayer::Timing::AsFastAsPossible;
        options.rate = *rate;
    } else if (parser.isSet(m_speed)) {
        const auto speed = parseNumber(parser.value(m_speed), 0, std::numeric_limits<double>::max());
        if (!speed || *speed <= 0)
            return usageError(name(), tr("--speed must be a number greater than 0 (10 = ten times as fast)."));
        options.speed = *speed;
    }
    if (parser.isSet(m_topicPrefix)) {
        const QString rewrite = parser.value(m_topicPrefix);
        const qsizetype eq = rewrite.indexOf(u'=');
        if (eq < 0)
            return usageError(name(), tr("--topic-prefix needs OLD=NEW, not \"%1\".").arg(rewrite));
        options.oldPrefix = rewrite.left(eq).toUtf8();
        options.newPrefix = rewrite.mid(eq + 1).toUtf8();
    }
    options.dropRetain = parser.isSet(m_noRetain);
    if (const Result<void> valid = MessageReplayer::validate(options); !valid)
        return usageError(name(), valid.error().message);

    auto setup = m_connection.build(parser);
    if (!setup) {
        return setup.error().code == u"usage"_s ? usageError(name(), setup.error().message)
                                                 : runtimeError(setup.error().message);
    }
    Result<std::vector<MqttMessage>> read = HistoryExport::readFile(parser.value(m_replay));
    if (!read)
        return runtimeError(read.error().message);
    std::vector<MqttMessage> messages = std::move(read).value();
    if (setup.value().profile.version != ConnectionProfile::Version::Mqtt5) {
        const auto withProperties = std::count_if(messages.begin(), messages.end(), [](const MqttMessage &m) {
            return m.properties && !m.properties->isEmpty();
        });
        if (withProperties > 0)
            printStderr(tr("note: MQTT 3.1.1 has no properties; %1 messages are sent without theirs.")
                            .arg(qint64(withProperties)));
    }

    auto inbox = std::make_shared<MessageInbox>();
    MqttConnection connection(setup.value().profile, inbox);
    if (setup.value().password)
        connection.setPassword(*setup.value().password);
    ConnectionWatcher watcher(&connection);
    MessageReplayer replayer(&connection, std::move(messages), options);

    return publishAndReport(connection, watcher, replayer, parser.isSet(m_json), [](const Report &report) {
        return tr("replayed %1 of %2 messages in %3 s (%4 msgs/s), %5 failed")
            .arg(report.sent)
            .arg(report.requested)
            .arg(report.elapsedSeconds, 0, 'f', 3)
            .arg(QString::number(report.achievedRate(), 'f', 0))
            .arg(report.requested - report.sent);
    });
}

} // namespace tideline::cli
