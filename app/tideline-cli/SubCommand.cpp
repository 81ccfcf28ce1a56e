#include "SubCommand.h"

#include "core/MessageInbox.h"
#include "mqtt/MqttConnection.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QTimer>

#include <limits>

using namespace Qt::StringLiterals;

namespace tideline::cli {

namespace {

// How often the inbox is emptied to stdout: short enough to feel immediate in a terminal.
constexpr int kDrainIntervalMs = 10;
// How long a finished command waits for a clean disconnect before it exits anyway.
constexpr int kCloseTimeoutMs = 3000;

void putBytes(QJsonObject &object, const QString &key, const QByteArray &bytes)
{
    if (isValidUtf8(bytes))
        object.insert(key, QString::fromUtf8(bytes));
    else
        object.insert(key + u"_base64"_s, QString::fromLatin1(bytes.toBase64()));
}

QJsonObject propertiesJson(const MessageProperties &p)
{
    QJsonObject out;
    if (!p.contentType.isEmpty())
        out.insert(u"content_type"_s, p.contentType);
    if (p.payloadFormatIndicator)
        out.insert(u"payload_format_indicator"_s, int(*p.payloadFormatIndicator));
    if (!p.responseTopic.isEmpty())
        out.insert(u"response_topic"_s, p.responseTopic);
    if (!p.correlationData.isEmpty())
        putBytes(out, u"correlation_data"_s, p.correlationData);
    if (!p.userProperties.isEmpty()) {
        // A list, not an object: MQTT allows the same key more than once.
        QJsonArray user;
        for (const auto &[key, value] : p.userProperties)
            user.append(QJsonObject{{u"key"_s, key}, {u"value"_s, value}});
        out.insert(u"user_properties"_s, user);
    }
    if (p.messageExpiryInterval)
        out.insert(u"message_expiry_interval"_s, qint64(*p.messageExpiryInterval));
    if (!p.subscriptionIdentifiers.isEmpty()) {
        QJsonArray ids;
        for (const quint32 id : p.subscriptionIdentifiers)
            ids.append(qint64(id));
        out.insert(u"subscription_identifiers"_s, ids);
    }
    if (p.topicAlias)
        out.insert(u"topic_alias"_s, int(*p.topicAlias));
    return out;
}

} // namespace

SubCommand::SubCommand()
    : m_topic(u"topic"_s, tr("Topic filter to subscribe to (repeatable); '+' and '#' wildcards."),
              tr("FILTER"))
    , m_qos(u"qos"_s, tr("Subscription QoS: 0, 1 or 2. Default: 0."), tr("N"), u"0"_s)
    , m_count(u"count"_s, tr("Exit after N messages. Default: 0 (run until interrupted)."), tr("N"), u"0"_s)
    , m_json(u"json"_s, tr("Print one JSON object per message instead of \"TOPIC PAYLOAD\"."))
{
}

QString SubCommand::name() const
{
    return u"sub"_s;
}

QString SubCommand::summary() const
{
    return tr("Subscribe and print messages, one per line");
}

QString SubCommand::synopsis() const
{
    return tr("sub --url URL --topic FILTER [--topic FILTER…] [options]");
}

QString SubCommand::details() const
{
    return tr("Output: \"TOPIC PAYLOAD\" per message; a payload that is not valid UTF-8 is printed as "
              "\"base64:\" followed by its base64. With --json, one object per line with topic, qos, "
              "retain, payload (UTF-8 text) or payload_base64, time (ISO 8601, UTC, milliseconds) and, "
              "for MQTT 5 messages that carry them, properties.\n"
              "A first connection that fails (refused, unknown host, wrong password, TLS) exits with 1 "
              "and one line on stderr; a connection lost later is re-established.");
}

void SubCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({m_topic, m_qos, m_count, m_json});
    m_connection.addTo(parser);
}

QByteArray SubCommand::formatPlain(const MqttMessage &message)
{
    QByteArray line;
    line.reserve(message.topic.size() + message.payload.size() + 2);
    line += message.topic;
    line += ' ';
    if (isValidUtf8(message.payload))
        line += message.payload;
    else
        line += "base64:" + message.payload.toBase64();
    line += '\n';
    return line;
}

QByteArray SubCommand::formatJson(const MqttMessage &message)
{
    QJsonObject object;
    object.insert(u"topic"_s, QString::fromUtf8(message.topic));
    object.insert(u"qos"_s, int(message.qos));
    object.insert(u"retain"_s, message.retained);
    putBytes(object, u"payload"_s, message.payload);
    if (message.properties && !message.properties->isEmpty())
        object.insert(u"properties"_s, propertiesJson(*message.properties));
    object.insert(u"time"_s, QDateTime::fromMSecsSinceEpoch(message.timestampMs, QTimeZone::utc())
                                 .toString(Qt::ISODateWithMs));
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

int SubCommand::run(const QCommandLineParser &parser)
{
    auto setup = m_connection.build(parser);
    if (!setup) {
        return setup.error().code == u"usage"_s ? usageError(name(), setup.error().message)
                                                 : runtimeError(setup.error().message);
    }
    const QStringList filters = parser.values(m_topic);
    if (filters.isEmpty())
        return usageError(name(), tr("At least one --topic is required."));
    for (const QString &filter : filters) {
        const QString problem = topicFilterProblem(filter);
        if (!problem.isEmpty())
            return usageError(name(), problem);
    }
    const auto qos = parseInteger(parser.value(m_qos), 0, 2);
    if (!qos)
        return usageError(name(), tr("--qos must be 0, 1 or 2."));
    const auto count = parseInteger(parser.value(m_count), 0, std::numeric_limits<qint64>::max());
    if (!count)
        return usageError(name(), tr("--count must be a whole number, 0 or more."));
    const bool json = parser.isSet(m_json);

    auto inbox = std::make_shared<MessageInbox>();
    MqttConnection connection(setup.value().profile, inbox);
    if (setup.value().password)
        connection.setPassword(*setup.value().password);
    ConnectionWatcher watcher(&connection);
    QEventLoop loop;
    int exitCode = ExitOk;
    qint64 printed = 0;
    QTimer drain;
    drain.setInterval(kDrainIntervalMs);

    auto finish = [&](int code) {
        if (watcher.isClosing())
            return;
        exitCode = code;
        drain.stop();
        watcher.close();
        QTimer::singleShot(kCloseTimeoutMs, &loop, [&loop] { loop.exit(); });
    };
    QObject::connect(&watcher, &ConnectionWatcher::disconnected, &loop, [&loop] { loop.exit(); });
    QObject::connect(&watcher, &ConnectionWatcher::fatal, &loop, [&](const QString &message) {
        exitCode = runtimeError(message);
        drain.stop();
        loop.exit();
    });
    QObject::connect(&watcher, &ConnectionWatcher::connected, &loop, [&] {
        for (const QString &filter : filters)
            connection.subscribe(Subscription{filter, int(*qos)});
    });
    QObject::connect(&connection, &MqttConnection::subscribeFailed, &loop,
                     [&](const QString &filter, const QString &reason) {
                         runtimeError(tr("Cannot subscribe to %1: %2").arg(filter, reason));
                         finish(ExitFailure);
                     });

    std::vector<MqttMessage> batch;
    QObject::connect(&drain, &QTimer::timeout, &loop, [&] {
        inbox->takeAll(batch);
        if (batch.empty())
            return;
        QByteArray out;
        for (const MqttMessage &message : batch) {
            if (*count > 0 && printed >= *count)
                break;
            out += json ? formatJson(message) : formatPlain(message);
            ++printed;
        }
        writeStdout(out, true);
        if (*count > 0 && printed >= *count)
            finish(ExitOk);
    });

    drain.start();
    connection.open();
    loop.exec();
    return exitCode;
}

} // namespace tideline::cli
