#include "metrics/RabbitMqManagementSource.h"

#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace tideline {

RabbitMqManagementSource::RabbitMqManagementSource(Options options, QObject *parent)
    : MetricSource(u"rabbitmq "_s + MetricHttp::displayUrl(options.url), parent)
    , m_options(std::move(options))
{
    m_options.url = m_options.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                                           | QUrl::StripTrailingSlash);
}

QString RabbitMqManagementSource::secretKey(const QUrl &url, const QString &user)
{
    return u"metrics/rabbitmq/%1@%2:%3/password"_s.arg(user, url.host()).arg(url.port(url.scheme() == u"https"_s ? 443 : 80));
}

QUrl RabbitMqManagementSource::requestUrl() const
{
    QUrl url = m_options.url;
    // The path is already percent-encoded (a vhost "/" is "%2F"): set it as such.
    QString prefix = url.path(QUrl::FullyEncoded);
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + RabbitMqManagementApi::queuesPath(m_options.vhost, m_options.queue),
                QUrl::TolerantMode);
    if (m_options.historySeconds > 0)
        url.setQuery(RabbitMqManagementApi::historyQuery(m_options.historySeconds, m_options.historyIncrementSeconds));
    return url;
}

Result<QNetworkRequest> RabbitMqManagementSource::makeRequest()
{
    QNetworkRequest request(requestUrl());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Authorization",
                         "Basic " + (m_options.user + u':' + m_password).toUtf8().toBase64());
    if (m_options.url.scheme() == u"https"_s) {
        Result<QSslConfiguration> ssl = MetricHttp::sslConfiguration(m_options.tls);
        if (!ssl)
            return ssl.error();
        request.setSslConfiguration(ssl.value());
    }
    return request;
}

void RabbitMqManagementSource::handleResponse(const MetricHttp::Response &response)
{
    if (!response.isSuccess()) {
        Error error = MetricHttp::httpStatusError(response);
        if (response.status == 404 && !m_options.queue.isEmpty()) {
            error.message = tr("404 Not Found: no queue \"%1\" in vhost \"%2\"")
                                .arg(m_options.queue, m_options.vhost.isEmpty() ? u"/"_s : m_options.vhost);
        } else if (response.status == 404 && !m_options.vhost.isEmpty()) {
            error.message = tr("404 Not Found: no vhost \"%1\"").arg(m_options.vhost);
        } else if (response.status == 404) {
            error.message = tr("404 Not Found: %1 is not the RabbitMQ management API (port 15672, "
                               "plugin rabbitmq_management)")
                                .arg(MetricHttp::displayUrl(m_options.url));
        }
        fail(error);
        return;
    }
    Result<RabbitMqManagementApi::Queues> parsed = RabbitMqManagementApi::parseQueues(response.body);
    if (!parsed) {
        fail(parsed.error());
        return;
    }
    m_lastQueues = parsed.value().queues;
    succeed(RabbitMqManagementApi::toSamples(m_lastQueues, sourceId(), response.receivedAtMs),
            RabbitMqManagementApi::toSeries(m_lastQueues, sourceId()));
}

} // namespace tideline
