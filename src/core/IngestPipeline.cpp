#include "IngestPipeline.h"

#include <QDateTime>

namespace tideline {

IngestPipeline::IngestPipeline(qint64 historyBudgetBytes, QObject *parent)
    : QObject(parent)
    , m_inbox(std::make_shared<MessageInbox>())
    , m_tree(historyBudgetBytes)
{
    m_frameTimer.setInterval(16);
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_frameTimer, &QTimer::timeout, this, [this] { drainNow(); });
    m_rateTimer.setInterval(1000);
    connect(&m_rateTimer, &QTimer::timeout, this, &IngestPipeline::tickRates);
}

IngestPipeline::~IngestPipeline() = default;

void IngestPipeline::start()
{
    m_tree.tickRates(QDateTime::currentMSecsSinceEpoch());
    m_frameTimer.start();
    m_rateTimer.start();
}

void IngestPipeline::stop()
{
    m_frameTimer.stop();
    m_rateTimer.stop();
}

int IngestPipeline::drainNow()
{
    m_inbox->takeAll(m_batch);
    if (m_batch.empty())
        return 0;
    QElapsedTimer timer;
    timer.start();
    const size_t n = m_batch.size();
    // Falling behind: the newest messages keep their history, the excess keeps only counts
    // and last values. consume() moves the payloads out of the batch instead of sharing them.
    m_tree.consume(m_batch, m_shedThreshold);
    if (n > m_shedThreshold)
        m_shed += n - m_shedThreshold;
    m_applied += n;
    m_batch.clear();
    m_worstDrainMs = qMax(m_worstDrainMs, double(timer.nsecsElapsed()) / 1e6);
    Q_EMIT batchApplied(int(n));
    return int(n);
}

void IngestPipeline::tickRates()
{
    m_tree.tickRates(QDateTime::currentMSecsSinceEpoch());
    Q_EMIT ratesUpdated();
}

} // namespace tideline
