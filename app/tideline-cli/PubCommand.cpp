#include "PubCommand.h"

#include "PublishLoop.h"
#include "core/MessageInbox.h"
#include "mqtt/MqttConnection.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <limits>

using namespace Qt::StringLiterals;

namespace tideline::cli {

namespace {
constexpr int kCloseTimeoutMs = 5000;
// QoS 0: enough publishes queued to keep the socket busy.
constexpr int kWindowQos0 = 1024;
// QoS 1/2 over MQTT 5: at most the broker's Receive Maximum may await acknowledgement. Paho holds
// back the excess until its next housekeeping pass, which made 200 messages take 8 s against
// mosquitto (Receive Maximum 20). 10 is the smallest common default (HiveMQ; mosquitto 20, EMQX 32).
constexpr int kWindowAckedMqtt5 = 10;
// MQTT 3.1.1 has no Receive Maximum; this only bounds our own queue.
constexpr int kWindowAckedMqtt311 = 256;
constexpr QByteArrayView kSeqPlaceholder = "{{seq}}";
} // namespace

PubCommand::PubCommand()
    : m_topic(u"topic"_s, tr("Topic to publish to; {{seq}} is replaced by the message number."), tr("TOPIC"))
    , m_message(u"message"_s, tr("Payload text; {{seq}} is replaced by the message number."), tr("TEXT"))
    , m_file(u"file"_s, tr("Send the contents of FILE (binary safe) as the payload."), tr("FILE"))
    , m_stdin(u"stdin"_s, tr("Send standard input (read to the end) as the payload."))
    , m_qos(u"qos"_s, tr("QoS: 0, 1 or 2. Default: 0."), tr("N"), u"0"_s)
    , m_retain(u"retain"_s, tr("Set the retain flag."))
    , m_count(u"count"_s, tr("Number of messages. Default: 1."), tr("N"), u"1"_s)
    , m_rate(u"rate"_s, tr("Messages per second; 0 = as fast as flow control allows. Default: 0."), tr("R"),
             u"0"_s)
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
    return tr("pub --url URL --topic TOPIC (--message TEXT | --file FILE | --stdin) [options]");
}

QString PubCommand::details() const
{
    return tr("Publishes --count copies; {{seq}} in the topic and payload becomes 1, 2, 3, …. Waits until "
              "every message is acknowledged (QoS 1 and 2) or handed to the network (QoS 0), then "
              "prints \"published N messages in S s (R msgs/s), F failed\" on stderr. Exits with 1 "
              "when the connection fails or any message failed.");
}

void PubCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({m_topic, m_message, m_file, m_stdin, m_qos, m_retain, m_count, m_rate});
    m_connection.addTo(parser);
}

QByteArray PubCommand::withSequence(const QByteArray &text, quint64 seq)
{
    if (!text.contains(kSeqPlaceholder))
        return text;
    QByteArray out = text;
    out.replace(kSeqPlaceholder, QByteArray::number(seq));
    return out;
}

int PubCommand::run(const QCommandLineParser &parser)
{
    // Checked before the connection options, which may consume stdin for the password.
    const int sources = int(parser.isSet(m_message)) + int(parser.isSet(m_file)) + int(parser.isSet(m_stdin));
    if (sources != 1)
        return usageError(name(), tr("Give exactly one of --message, --file or --stdin."));
    if (parser.isSet(m_stdin) && m_connection.passwordFromStdin(parser))
        return usageError(name(), tr("--stdin and --password-stdin cannot both read standard input."));
    if (!parser.isSet(m_topic))
        return usageError(name(), tr("--topic is required."));
    const QByteArray topic = parser.value(m_topic).toUtf8();
    const QString topicProblem = topicNameProblem(QString::fromUtf8(withSequence(topic, 1)));
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

    auto setup = m_connection.build(parser);
    if (!setup) {
        return setup.error().code == u"usage"_s ? usageError(name(), setup.error().message)
                                                 : runtimeError(setup.error().message);
    }

    QByteArray payload;
    if (parser.isSet(m_message)) {
        payload = parser.value(m_message).toUtf8();
    } else if (parser.isSet(m_file)) {
        QFile file(parser.value(m_file));
        if (!file.open(QIODevice::ReadOnly))
            return runtimeError(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        payload = file.readAll();
    } else {
        payload = readAllStdin();
    }

    // Paho publishes from its own queue; the inbox only exists because MqttConnection wants one.
    auto inbox = std::make_shared<MessageInbox>();
    MqttConnection connection(setup.value().profile, inbox);
    if (setup.value().password)
        connection.setPassword(*setup.value().password);
    ConnectionWatcher watcher(&connection);

    PublishLoop::Settings settings;
    settings.count = quint64(*count);
    settings.rate = *rate;
    settings.qos = int(*qos);
    settings.retain = parser.isSet(m_retain);
    if (settings.qos == 0)
        settings.window = kWindowQos0;
    else if (setup.value().profile.version == ConnectionProfile::Version::Mqtt5)
        settings.window = kWindowAckedMqtt5;
    else
        settings.window = kWindowAckedMqtt311;
    PublishLoop publisher(&connection, settings, [&topic, &payload](quint64 seq, QByteArray &t, QByteArray &p) {
        t = withSequence(topic, seq);
        p = withSequence(payload, seq);
    });

    QEventLoop loop;
    int exitCode = ExitOk;
    auto printSummary = [&] {
        const double seconds = publisher.elapsedSeconds();
        const quint64 failed = settings.count - publisher.succeeded();
        printStderr(tr("published %1 messages in %2 s (%3 msgs/s), %4 failed")
                        .arg(publisher.succeeded())
                        .arg(seconds, 0, 'f', 3)
                        .arg(seconds > 0 ? double(publisher.succeeded()) / seconds : 0.0, 0, 'f', 0)
                        .arg(failed));
        return failed;
    };

    QObject::connect(&watcher, &ConnectionWatcher::connected, &loop, [&] { publisher.start(); });
    QObject::connect(&publisher, &PublishLoop::finished, &loop, [&] {
        if (publisher.failed() > 0)
            runtimeError(tr("%1 messages failed: %2").arg(publisher.failed()).arg(publisher.firstError()));
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

} // namespace tideline::cli
