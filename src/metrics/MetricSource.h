#pragma once

#include "core/Result.h"
#include "metrics/MetricHttp.h"
#include "metrics/MetricTypes.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace tideline {

// A place Tideline reads metrics from on a timer: RabbitMQ's management API, a /metrics
// endpoint, a Prometheus query. Owns its timer, its QNetworkAccessManager and at most one
// request in flight (a tick that finds one still running is skipped). Everything is
// asynchronous; every request has a transfer timeout, so a server that hangs turns into
// "timed out after N s" and never blocks the thread.
//
// State: Idle until start() and after stop(); Ok after a poll that worked; Failing with a
// translated one-line reason after one that did not (a source keeps polling while Failing and
// returns to Ok by itself).
class MetricSource : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricSource)

public:
    enum class State { Idle, Ok, Failing };
    Q_ENUM(State)

    static constexpr int DefaultIntervalMs = 5000;
    static constexpr int MinimumIntervalMs = 100;

    ~MetricSource() override;

    // Names the source in series keys and messages ("rabbitmq http://host:15672"); no secrets.
    QString sourceId() const { return m_sourceId; }

    int intervalMs() const { return m_intervalMs; }
    void setIntervalMs(int ms);
    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms);

    State state() const { return m_state; }
    QString stateReason() const { return m_lastError.message; } // empty unless Failing
    const Error &lastError() const { return m_lastError; }
    bool isRunning() const { return m_timer.isActive(); }
    bool isBusy() const { return !m_reply.isNull(); }

    // Polls now and then every interval.
    void start();
    // Stops the timer and cancels a request in flight; the state goes back to Idle.
    void stop();
    // One poll now (ignored while one is in flight); also works without start(). A source that
    // does not poll over HTTP (MqttSysSource reads an open MQTT connection) overrides it.
    virtual void refresh();

    static QString stateName(State state); // translated: "idle", "ok", "failing"

Q_SIGNALS:
    // The latest value of every series this poll produced.
    void samplesReady(const QList<tideline::MetricSample> &samples);
    // History that came with this poll (RabbitMQ's samples arrays); not emitted when empty.
    void seriesReady(const QList<tideline::MetricSeries> &series);
    void stateChanged(tideline::MetricSource::State state, const QString &reason);
    // After every poll, success or failure (after samplesReady / stateChanged).
    void refreshFinished(bool ok);

protected:
    MetricSource(QString sourceId, QObject *parent);

    // The request for one poll, or an error (a CA file that cannot be read, ...).
    virtual Result<QNetworkRequest> makeRequest() = 0;
    // A response with an HTTP status arrived (any status): call succeed() or fail().
    virtual void handleResponse(const MetricHttp::Response &response) = 0;

    void succeed(const QList<MetricSample> &samples, const QList<MetricSeries> &series = {});
    void fail(const Error &error);
    QNetworkAccessManager *network() { return m_network; }

private:
    void setState(State state, const Error &error);

    QString m_sourceId;
    int m_intervalMs = DefaultIntervalMs;
    int m_timeoutMs = MetricHttp::DefaultTimeoutMs;
    State m_state = State::Idle;
    Error m_lastError;
    QTimer m_timer;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
};

} // namespace tideline
