#pragma once

#include "metrics/MetricSource.h"
#include "metrics/RabbitMqManagementApi.h"

#include <QUrl>

namespace tideline {

// Queue depth and rates from RabbitMQ's management HTTP API: GET /api/queues[/VHOST[/NAME]]
// with HTTP basic auth, over TLS when the URL is https. Emits the figures of every queue it
// sees as samples and, when history is asked for, the API's own sample history as series.
//
// The password is handed in at run time (from the keychain or stdin), lives only in this
// object's memory and is never logged; sourceId() and every message carry the URL without it.
class RabbitMqManagementSource final : public MetricSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RabbitMqManagementSource)

public:
    struct Options
    {
        QUrl url;               // the management base, http(s)://host:15672 (a path prefix is kept)
        QString user;
        QString vhost;          // empty: every vhost the user may see
        QString queue;          // one queue (of `vhost`, "/" when empty)
        MetricHttp::TlsOptions tls;
        int historySeconds = 0; // > 0: also ask for this much history (lengths_age, msg_rates_age)
        int historyIncrementSeconds = 5;
    };

    explicit RabbitMqManagementSource(Options options, QObject *parent = nullptr);

    void setPassword(const QString &password) { m_password = password; }
    const Options &options() const { return m_options; }
    // The queues of the last successful poll.
    const QList<RabbitMqQueueStats> &lastQueues() const { return m_lastQueues; }
    // The URL one poll requests (no credentials in it).
    QUrl requestUrl() const;

    // The keychain key of the password for `user` at the management API `url`:
    // "metrics/rabbitmq/<user>@<host>:<port>/password".
    static QString secretKey(const QUrl &url, const QString &user);

protected:
    Result<QNetworkRequest> makeRequest() override;
    void handleResponse(const MetricHttp::Response &response) override;

private:
    Options m_options;
    QString m_password;
    QList<RabbitMqQueueStats> m_lastQueues;
};

} // namespace tideline
