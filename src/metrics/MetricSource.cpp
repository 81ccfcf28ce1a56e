#include "metrics/MetricSource.h"

#include "core/Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace tideline {

MetricSource::MetricSource(QString sourceId, QObject *parent)
    : QObject(parent)
    , m_sourceId(std::move(sourceId))
    , m_timer(this) // a child, so moveToThread() takes it along
    , m_network(new QNetworkAccessManager(this))
{
    m_timer.setInterval(m_intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &MetricSource::refresh);
}

MetricSource::~MetricSource()
{
    // The reply's callback is bound to this object and dies with it; only the socket is left.
    if (m_reply)
        MetricHttp::abort(m_reply);
}

void MetricSource::setIntervalMs(int ms)
{
    m_intervalMs = qMax(ms, MinimumIntervalMs);
    m_timer.setInterval(m_intervalMs);
}

void MetricSource::setTimeoutMs(int ms)
{
    m_timeoutMs = qMax(ms, 1);
}

void MetricSource::start()
{
    m_timer.start();
    refresh();
}

void MetricSource::stop()
{
    m_timer.stop();
    if (m_reply)
        MetricHttp::abort(m_reply); // its callback sees `canceled` and leaves the state alone
    m_reply.clear();
    setState(State::Idle, {});
}

void MetricSource::refresh()
{
    if (m_reply)
        return; // the previous poll is still running: its timeout bounds the wait
    Result<QNetworkRequest> request = makeRequest();
    if (!request) {
        fail(request.error());
        Q_EMIT refreshFinished(false);
        return;
    }
    m_reply = MetricHttp::get(m_network, request.value(), m_timeoutMs, MetricHttp::DefaultMaxBytes, this,
                              [this](const MetricHttp::Response &response) {
                                  if (response.canceled)
                                      return;
                                  m_reply.clear();
                                  if (!response.hasHttpResponse())
                                      fail(MetricHttp::transportError(response, m_timeoutMs));
                                  else
                                      handleResponse(response);
                                  Q_EMIT refreshFinished(m_state == State::Ok);
                              });
}

void MetricSource::succeed(const QList<MetricSample> &samples, const QList<MetricSeries> &series)
{
    setState(State::Ok, {});
    Q_EMIT samplesReady(samples);
    if (!series.isEmpty())
        Q_EMIT seriesReady(series);
}

void MetricSource::fail(const Error &error)
{
    setState(State::Failing, error);
}

void MetricSource::setState(State state, const Error &error)
{
    const bool changed = state != m_state || error.message != m_lastError.message;
    m_state = state;
    m_lastError = error;
    if (!changed)
        return;
    if (state == State::Failing)
        qCInfo(lcMetrics).noquote() << m_sourceId << "failing:" << error.message << "|"
                                    << error.detail.left(200).simplified();
    else
        qCDebug(lcMetrics).noquote() << m_sourceId << stateName(state);
    Q_EMIT stateChanged(state, error.message);
}

QString MetricSource::stateName(State state)
{
    switch (state) {
    case State::Idle:
        return tr("idle");
    case State::Ok:
        return tr("ok");
    case State::Failing:
        return tr("failing");
    }
    return {};
}

} // namespace tideline
