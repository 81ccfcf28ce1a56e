#include "SysStats.h"

#include <QLocale>

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <limits>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {
using NodeId = TopicTree::NodeId;

// A version string is shown in one table cell; a hostile broker could send megabytes.
constexpr qsizetype kMaxTextBytes = 200;

std::optional<QByteArray> lastValue(const TopicTree &tree, QByteArrayView topic)
{
    const NodeId id = tree.find(topic);
    if (id == TopicTree::InvalidId || !tree.node(id).hasMessage)
        return std::nullopt;
    return tree.lastPayload(id);
}

NodeId childNamed(const TopicTree &tree, NodeId parent, QStringView name)
{
    if (parent == TopicTree::InvalidId)
        return TopicTree::InvalidId;
    for (const NodeId c : tree.node(parent).children) {
        if (tree.node(c).name == name)
            return c;
    }
    return TopicTree::InvalidId;
}

// The first of `topics` (under `prefix`) whose last value parses.
template<typename T, typename Parse>
std::optional<T> firstParsed(const TopicTree &tree, const QByteArray &prefix,
                             std::initializer_list<const char *> topics, Parse parse)
{
    for (const char *topic : topics) {
        if (const auto value = lastValue(tree, QByteArray(prefix + topic))) {
            if (auto parsed = parse(*value))
                return parsed;
        }
    }
    return std::nullopt;
}

std::optional<QString> textValue(const TopicTree &tree, const QByteArray &topic)
{
    const auto value = lastValue(tree, topic);
    if (!value)
        return std::nullopt;
    QString text = QString::fromUtf8(value->left(kMaxTextBytes)).simplified();
    text.removeIf([](QChar c) { return c.category() == QChar::Other_Control; });
    if (text.isEmpty())
        return std::nullopt;
    return text;
}

std::optional<qint64> unitSeconds(QByteArrayView unit)
{
    const QByteArray u = unit.toByteArray().toLower();
    if (u == "s" || u == "sec" || u == "secs" || u == "second" || u == "seconds")
        return 1;
    if (u == "m" || u == "min" || u == "mins" || u == "minute" || u == "minutes")
        return 60;
    if (u == "h" || u == "hour" || u == "hours")
        return 3600;
    if (u == "d" || u == "day" || u == "days")
        return 86400;
    return std::nullopt;
}
} // namespace

std::optional<qint64> SysStats::parseCount(QByteArrayView text)
{
    const QByteArrayView t = text.trimmed();
    if (t.isEmpty() || t.front() == '-' || t.front() == '+')
        return std::nullopt;
    qint64 value = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec != std::errc() || end != t.data() + t.size())
        return std::nullopt;
    return value;
}

std::optional<double> SysStats::parseDecimal(QByteArrayView text)
{
    const QByteArrayView t = text.trimmed();
    if (t.isEmpty() || t.size() > 64)
        return std::nullopt;
    bool ok = false;
    const double value = t.toByteArray().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0)
        return std::nullopt;
    return value;
}

std::optional<qint64> SysStats::parseUptime(QByteArrayView text)
{
    const QByteArrayView t = text.trimmed();
    if (t.size() > 128)
        return std::nullopt;
    if (const auto plain = parseCount(t))
        return plain;
    // "12345 seconds" (Mosquitto), "1 days, 2 hours, 3 minutes, 4 seconds" (EMQX 4).
    QByteArray normalized = t.toByteArray();
    normalized.replace(',', ' ');
    const QList<QByteArray> tokens = normalized.simplified().split(' ');
    if (tokens.isEmpty() || tokens.size() % 2 != 0)
        return std::nullopt;
    qint64 total = 0;
    for (qsizetype i = 0; i < tokens.size(); i += 2) {
        const auto amount = parseCount(tokens[i]);
        const auto unit = unitSeconds(tokens[i + 1]);
        if (!amount || !unit)
            return std::nullopt;
        qint64 part = 0;
        if (qMulOverflow(*amount, *unit, &part) || qAddOverflow(total, part, &total))
            return std::nullopt;
    }
    return total;
}

QString SysStats::formatUptime(qint64 seconds)
{
    const qint64 d = seconds / 86400;
    const qint64 h = (seconds % 86400) / 3600;
    const qint64 m = (seconds % 3600) / 60;
    const qint64 s = seconds % 60;
    if (d > 0)
        return tr("%1 d %2 h %3 min").arg(d).arg(h).arg(m);
    if (h > 0)
        return tr("%1 h %2 min").arg(h).arg(m);
    if (m > 0)
        return tr("%1 min %2 s").arg(m).arg(s);
    return tr("%1 s").arg(s);
}

SysStats SysStats::read(const TopicTree &tree)
{
    SysStats s;
    const auto count = [](QByteArrayView v) { return parseCount(v); };
    const auto decimal = [](QByteArrayView v) { return parseDecimal(v); };
    const auto uptime = [](QByteArrayView v) { return parseUptime(v); };

    // Mosquitto (and brokers that copy its layout).
    const QByteArray m = "$SYS/broker/"_ba;
    s.version = textValue(tree, m + "version");
    s.uptimeSeconds = firstParsed<qint64>(tree, m, {"uptime"}, uptime);
    s.clientsConnected = firstParsed<qint64>(tree, m, {"clients/connected", "clients/active"}, count);
    s.clientsTotal = firstParsed<qint64>(tree, m, {"clients/total"}, count);
    s.clientsMaximum = firstParsed<qint64>(tree, m, {"clients/maximum"}, count);
    s.subscriptions = firstParsed<qint64>(tree, m, {"subscriptions/count"}, count);
    s.messagesReceived = firstParsed<qint64>(tree, m, {"messages/received"}, count);
    s.messagesSent = firstParsed<qint64>(tree, m, {"messages/sent"}, count);
    s.messagesStored = firstParsed<qint64>(tree, m, {"store/messages/count", "messages/stored"}, count);
    s.retainedMessages = firstParsed<qint64>(tree, m, {"retained messages/count"}, count);
    s.bytesReceived = firstParsed<qint64>(tree, m, {"bytes/received"}, count);
    s.bytesSent = firstParsed<qint64>(tree, m, {"bytes/sent"}, count);
    s.receivedPerMinute1min = firstParsed<double>(tree, m, {"load/messages/received/1min"}, decimal);
    s.sentPerMinute1min = firstParsed<double>(tree, m, {"load/messages/sent/1min"}, decimal);
    if (s.available()) {
        s.broker = Broker::Mosquitto;
        return s;
    }

    // EMQX: $SYS/brokers/<node>/...; the first node that says anything.
    const NodeId brokers = childNamed(tree, childNamed(tree, TopicTree::RootId, u"$SYS"), u"brokers");
    if (brokers == TopicTree::InvalidId)
        return s;
    for (const NodeId nodeId : tree.node(brokers).children) {
        SysStats e;
        const QByteArray p = tree.topicBytesOf(nodeId) + '/';
        e.node = tree.node(nodeId).name;
        e.version = textValue(tree, p + "version");
        e.uptimeSeconds = firstParsed<qint64>(tree, p, {"uptime"}, uptime);
        e.clientsConnected = firstParsed<qint64>(tree, p, {"stats/connections/count", "stats/connections.count"}, count);
        e.clientsMaximum = firstParsed<qint64>(tree, p, {"stats/connections/max", "stats/connections.max"}, count);
        e.subscriptions = firstParsed<qint64>(tree, p, {"stats/subscriptions/count", "stats/subscriptions.count"}, count);
        e.retainedMessages = firstParsed<qint64>(tree, p, {"stats/retained/count", "stats/retained.count"}, count);
        e.messagesReceived = firstParsed<qint64>(tree, p, {"metrics/messages/received", "metrics/messages.received"}, count);
        e.messagesSent = firstParsed<qint64>(tree, p, {"metrics/messages/sent", "metrics/messages.sent"}, count);
        e.bytesReceived = firstParsed<qint64>(tree, p, {"metrics/bytes/received", "metrics/bytes.received"}, count);
        e.bytesSent = firstParsed<qint64>(tree, p, {"metrics/bytes/sent", "metrics/bytes.sent"}, count);
        if (e.available()) {
            e.broker = Broker::Emqx;
            return e;
        }
    }
    return s;
}

bool SysStats::available() const
{
    return version || uptimeSeconds || clientsConnected || clientsTotal || clientsMaximum
        || subscriptions || messagesReceived || messagesSent || messagesStored
        || retainedMessages || bytesReceived || bytesSent || receivedPerMinute1min
        || sentPerMinute1min;
}

QList<QPair<QString, QString>> SysStats::rows() const
{
    const QLocale locale;
    QList<QPair<QString, QString>> out;
    const auto addCount = [&](const QString &label, const std::optional<qint64> &value) {
        if (value)
            out.append({label, locale.toString(*value)});
    };
    const auto addBytes = [&](const QString &label, const std::optional<qint64> &value) {
        if (value)
            out.append({label, locale.formattedDataSize(*value)});
    };
    const auto addLoad = [&](const QString &label, const std::optional<double> &value) {
        if (value)
            out.append({label, tr("%1 msg/min").arg(locale.toString(*value, 'f', 1))});
    };

    if (version)
        out.append({tr("Broker version"), *version});
    if (!node.isEmpty())
        out.append({tr("Broker node"), node});
    if (uptimeSeconds)
        out.append({tr("Uptime"), formatUptime(*uptimeSeconds)});
    addCount(tr("Clients connected"), clientsConnected);
    addCount(tr("Clients known (incl. disconnected sessions)"), clientsTotal);
    addCount(tr("Most clients at once"), clientsMaximum);
    addCount(tr("Subscriptions"), subscriptions);
    addCount(tr("Messages received"), messagesReceived);
    addCount(tr("Messages sent"), messagesSent);
    addLoad(tr("Received, 1-minute average"), receivedPerMinute1min);
    addLoad(tr("Sent, 1-minute average"), sentPerMinute1min);
    addCount(tr("Messages stored"), messagesStored);
    addCount(tr("Retained messages"), retainedMessages);
    addBytes(tr("Bytes received"), bytesReceived);
    addBytes(tr("Bytes sent"), bytesSent);
    return out;
}

} // namespace tideline
