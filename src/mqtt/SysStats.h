#pragma once

#include "core/TopicTree.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace tideline {

// Broker statistics as published on $SYS, read from the last values in a TopicTree.
//
// Knows Mosquitto's "$SYS/broker/..." topics and EMQX's "$SYS/brokers/<node>/..." topics
// (the first node found). A value that is missing or does not parse stays empty; nothing
// here trusts a payload. Owns nothing but the parsed values: read() again to refresh.
struct SysStats final
{
    Q_DECLARE_TR_FUNCTIONS(SysStats)

public:
    enum class Broker { Unknown, Mosquitto, Emqx };

    Broker broker = Broker::Unknown;
    QString node; // EMQX node name ("emqx@127.0.0.1"); empty for Mosquitto

    std::optional<QString> version;
    std::optional<qint64> uptimeSeconds;
    std::optional<qint64> clientsConnected;
    std::optional<qint64> clientsTotal;   // connected plus disconnected persistent sessions
    std::optional<qint64> clientsMaximum; // most clients connected at once
    std::optional<qint64> subscriptions;
    std::optional<qint64> messagesReceived; // totals since the broker started
    std::optional<qint64> messagesSent;
    std::optional<qint64> messagesStored;   // in the broker's store, retained included
    std::optional<qint64> retainedMessages;
    std::optional<qint64> bytesReceived;
    std::optional<qint64> bytesSent;
    std::optional<double> receivedPerMinute1min; // Mosquitto's 1-minute load averages
    std::optional<double> sentPerMinute1min;

    static SysStats read(const TopicTree &tree);

    bool available() const;
    // Label and value per known statistic, in display order, for the side panel.
    QList<QPair<QString, QString>> rows() const;

    // Parsers, public for tests: whole non-negative numbers, finite non-negative decimals,
    // and uptimes such as "12345 seconds", "1 days, 2 hours, 3 minutes, 4 seconds" or "3600".
    static std::optional<qint64> parseCount(QByteArrayView text);
    static std::optional<double> parseDecimal(QByteArrayView text);
    static std::optional<qint64> parseUptime(QByteArrayView text);
    static QString formatUptime(qint64 seconds);
};

} // namespace tideline
