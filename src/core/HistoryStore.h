#pragma once

#include "core/Result.h"
#include "core/TimelineEvent.h"
#include "metrics/MetricTypes.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace tideline {

class HistoryWorker;
struct HistoryInbox;

// The local history of a workspace: metric samples and timeline events (Kubernetes events,
// replica changes) in one SQLite file (Qt SQL, QSQLITE driver, WAL mode), so the charts can
// show what happened before the window was opened.
//
// Owns a dedicated thread with its own database connection. The GUI thread only ever touches a
// mutex-guarded buffer: append() costs microseconds, and the worker writes the buffer in one
// transaction every flushIntervalMs (or sooner when it fills up). Queries run on the worker
// too and answer through callbacks on this object's thread. Retention by age and by size
// (oldest samples and events go first) runs after flushes.
//
// Schema (user_version 1): series(id, source, name, labels JSON), samples(series_id, ts, value;
// NaN stored as NULL), timeline_events(ts, source, cluster, namespace, kind, name, type, reason,
// message, from_replicas, to_replicas), meta(key, value).
//
// Error codes: history.invalid (no path), history.open (cannot create or open the file),
// history.readonly, history.corrupt (damaged or not a database), history.foreign (an SQLite
// file that is not a Tideline history), history.closed (no database open), history.failed.
class HistoryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    struct Options
    {
        qint64 maxAgeMs = 7LL * 24 * 3600 * 1000;
        // The pages in use ((page_count - freelist_count) * page_size of the main file; the WAL
        // is checkpointed after deletes). Freed pages go back to the file system, at most 16 MiB
        // per retention run.
        qint64 maxBytes = 512LL * 1024 * 1024;
        int flushIntervalMs = 1000;
        qsizetype flushBatch = 20'000;          // flush early once this many samples wait
        qsizetype maxBuffered = 1'000'000;      // beyond this, new samples are dropped (counted)
        int retentionIntervalMs = 10'000;       // how often a flush also applies retention
    };

    struct Stats
    {
        qint64 bytes = 0;            // page_count * page_size: the main file's size
        qint64 samples = 0;
        qint64 series = 0;
        qint64 events = 0;
        qint64 droppedSamples = 0;   // the buffer was full
        qint64 flushes = 0;
        double lastFlushMs = 0;
        double worstFlushMs = 0;
    };

    struct EventFilter
    {
        QString cluster; // empty: any
        QString ns;
        QString kind;
        QString name;
        int limit = 10'000;
    };

    using SamplesCallback = std::function<void(Result<QList<MetricPoint>>)>;
    using EventsCallback = std::function<void(Result<QList<TimelineEvent>>)>;
    using KeysCallback = std::function<void(Result<QList<MetricSeriesKey>>)>;

    explicit HistoryStore(QObject *parent = nullptr);
    // Writes what is still buffered, closes the database and stops the thread.
    ~HistoryStore() override;

    // Opens or creates the file (and its folder), switches it to WAL and checks the schema.
    // Waits for the worker: milliseconds for a healthy file; call it when a workspace opens,
    // not per frame. An open database is closed first.
    Result<void> open(const QString &path, const Options &options);
    Result<void> open(const QString &path) { return open(path, Options{}); }
    // Flushes and closes; later appends are dropped until the next open().
    void close();
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    const Options &options() const { return m_options; }

    // Thread-safe and cheap: buffered, written within flushIntervalMs. Dropped when closed.
    void append(const MetricSample &sample);
    void append(const QList<MetricSample> &samples);
    void append(const MetricSeries &series);
    void appendEvent(const TimelineEvent &event);
    // Asks the worker to write the buffer now (asynchronous).
    void flush();

    // Asynchronous queries; `done` runs on this object's thread, and not at all once `context`
    // is gone. Anything appended before the call is flushed first, so it is in the answer.
    // maxPoints > 0 downsamples (min/max per time bucket) to about that many points.
    void querySamples(const MetricSeriesKey &key, qint64 fromMs, qint64 toMs, int maxPoints, QObject *context,
                      SamplesCallback done);
    void queryEvents(qint64 fromMs, qint64 toMs, const EventFilter &filter, QObject *context, EventsCallback done);
    void querySeriesKeys(QObject *context, KeysCallback done);

    // Blocking variants for tests, the CLI and shutdown; never call them per frame in the GUI.
    Result<void> flushSync();
    Result<QList<MetricPoint>> querySamplesSync(const MetricSeriesKey &key, qint64 fromMs, qint64 toMs,
                                                int maxPoints = 0);
    Result<QList<TimelineEvent>> queryEventsSync(qint64 fromMs, qint64 toMs, const EventFilter &filter);
    Result<QList<TimelineEvent>> queryEventsSync(qint64 fromMs, qint64 toMs)
    {
        return queryEventsSync(fromMs, toMs, EventFilter{});
    }
    Result<QList<MetricSeriesKey>> seriesKeysSync();
    // Flushes, then applies retention as of `nowMs` (the wall clock when 0).
    Result<void> applyRetentionSync(qint64 nowMs = 0);
    Result<Stats> statsSync();

    // Samples waiting in the buffer.
    qsizetype pendingSamples() const;

Q_SIGNALS:
    // A flush, query or retention run failed (already logged); on this object's thread.
    void errorOccurred(const tideline::Error &error);
    // open() succeeded: the store now holds another file's history (another workspace's), so
    // whoever drew from the previous one queries again.
    void reopened();

private:
    // Runs `work` on the worker thread and waits for it.
    void runOnWorker(const std::function<void()> &work);

    QThread m_thread;
    HistoryWorker *m_worker = nullptr;
    std::shared_ptr<HistoryInbox> m_inbox;
    Options m_options;
    QString m_path;
    bool m_open = false;
};

} // namespace tideline
