#include "core/HistoryStore.h"

#include "core/Logging.h"
#include "core/TimeSeries.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <atomic>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

constexpr int SchemaVersion = 1;
const QString FormatName = u"tideline-history"_s;

// Translated messages live in one context so lupdate keeps them together.
class HistoryText final
{
    Q_DECLARE_TR_FUNCTIONS(tideline::HistoryStore)

public:
    static Error closed()
    {
        return {u"history.closed"_s, tr("No history database is open."), {}};
    }

    static Error fromSql(const QSqlError &e, const QString &path, const QString &what)
    {
        const int code = e.nativeErrorCode().toInt() & 0xff; // the primary SQLite result code
        const QString text = e.text();
        const QString file = QDir::toNativeSeparators(path);
        const QString detail = u"%1: %2 (SQLite %3)"_s.arg(what, text, e.nativeErrorCode());
        if (code == 26 || code == 11 || text.contains(u"not a database"_s) || text.contains(u"malformed"_s)) {
            return {u"history.corrupt"_s,
                    tr("The history file %1 is damaged or is not a database. Move it away to start a new "
                       "history, or restore a backup.").arg(file),
                    detail};
        }
        if (code == 8 || text.contains(u"readonly"_s)) {
            return {u"history.readonly"_s,
                    tr("The history file %1 cannot be written: the file or its folder is read-only.").arg(file),
                    detail};
        }
        if (code == 14) {
            return {u"history.open"_s,
                    tr("Cannot open the history file %1: check that its folder exists and is writable.").arg(file),
                    detail};
        }
        if (code == 13) {
            return {u"history.full"_s, tr("The disk holding %1 is full: history is not being saved.").arg(file),
                    detail};
        }
        if (code == 5 || code == 6) {
            return {u"history.busy"_s,
                    tr("The history file %1 is locked by another program.").arg(file), detail};
        }
        return {u"history.failed"_s, tr("The history file %1 could not be used.").arg(file), detail};
    }

    static Error folder(const QString &path)
    {
        return {u"history.open"_s,
                tr("Cannot create the folder for the history file %1.").arg(QDir::toNativeSeparators(path)), {}};
    }
    static Error isFolder(const QString &path)
    {
        return {u"history.open"_s,
                tr("%1 is a folder, not a history file.").arg(QDir::toNativeSeparators(path)), {}};
    }
    static Error foreign(const QString &path)
    {
        return {u"history.foreign"_s,
                tr("%1 is an SQLite database, but not a Tideline history. Choose another file.")
                    .arg(QDir::toNativeSeparators(path)),
                {}};
    }
    static Error newer(const QString &path, int version)
    {
        return {u"history.foreign"_s,
                tr("The history file %1 was written by a newer Tideline (format %2).")
                    .arg(QDir::toNativeSeparators(path))
                    .arg(version),
                {}};
    }
    static Error invalid()
    {
        return {u"history.invalid"_s, tr("No file was given for the history."), {}};
    }
};

QString labelsJson(const MetricLabels &labels)
{
    QJsonObject o;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

MetricLabels labelsFromJson(const QString &json)
{
    MetricLabels labels;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

QVariant optionalInt(const std::optional<int> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<int>());
}

std::optional<int> toOptionalInt(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toInt();
}

} // namespace

// What the GUI thread and the worker share: the samples and events not written yet.
struct HistoryInbox
{
    QMutex mutex;
    QList<MetricSample> samples;
    QList<TimelineEvent> events;
    bool open = false;
    bool flushPosted = false;
    qint64 dropped = 0;
    qsizetype flushBatch = 20'000;
    qsizetype maxBuffered = 1'000'000;
};

// Lives on HistoryStore's thread and owns the connection there (a QSqlDatabase may only be
// used on the thread that created it).
class HistoryWorker final : public QObject
{
public:
    explicit HistoryWorker(std::shared_ptr<HistoryInbox> inbox) : m_inbox(std::move(inbox)) {}

    std::function<void(const Error &)> reportError;

    Result<void> open(const QString &path, const HistoryStore::Options &options);
    void close();
    Result<void> flush();
    Result<QList<MetricPoint>> samples(const MetricSeriesKey &key, qint64 fromMs, qint64 toMs, int maxPoints);
    Result<QList<TimelineEvent>> events(qint64 fromMs, qint64 toMs, const HistoryStore::EventFilter &filter);
    Result<QList<MetricSeriesKey>> keys();
    Result<void> retention(qint64 nowMs);
    Result<HistoryStore::Stats> stats();
    void tick();

private:
    QSqlDatabase db() const { return QSqlDatabase::database(m_connection, false); }
    bool isOpen() const { return !m_connection.isEmpty() && db().isOpen(); }
    Error fail(const QSqlError &e, const QString &what) const { return HistoryText::fromSql(e, m_path, what); }
    Result<void> exec(const QString &sql);
    Result<qint64> scalar(const QString &sql);
    Result<qint64> seriesId(const MetricSeriesKey &key, bool create);
    // page_count * page_size; without the free pages when !includeFree.
    Result<qint64> usedBytes(bool includeFree);
    Result<void> vacuum();
    Result<void> createSchema();
    void report(const Error &error);

    std::shared_ptr<HistoryInbox> m_inbox;
    HistoryStore::Options m_options;
    QString m_path;
    QString m_connection;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_sinceRetention;
    QHash<MetricSeriesKey, qint64> m_ids;
    std::unique_ptr<QSqlQuery> m_insertSample;
    std::unique_ptr<QSqlQuery> m_insertEvent;
    qint64 m_flushes = 0;
    double m_lastFlushMs = 0;
    double m_worstFlushMs = 0;
    QString m_lastReported;
};

Result<void> HistoryWorker::exec(const QString &sql)
{
    QSqlQuery q(db());
    if (!q.exec(sql))
        return fail(q.lastError(), sql);
    // Step to the end: some pragmas work one row at a time (incremental_vacuum frees one page
    // per step), and an unfinished statement would block a later COMMIT.
    while (q.next()) {
    }
    if (q.lastError().isValid())
        return fail(q.lastError(), sql);
    return {};
}

Result<qint64> HistoryWorker::scalar(const QString &sql)
{
    QSqlQuery q(db());
    if (!q.exec(sql))
        return fail(q.lastError(), sql);
    const qint64 value = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return value;
}

Result<void> HistoryWorker::createSchema()
{
    static const char *const statements[] = {
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
        "CREATE TABLE IF NOT EXISTS series (id INTEGER PRIMARY KEY, source TEXT NOT NULL, name TEXT NOT NULL, "
        "labels TEXT NOT NULL, UNIQUE (source, name, labels))",
        "CREATE TABLE IF NOT EXISTS samples (series_id INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL, "
        "PRIMARY KEY (series_id, ts)) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS samples_ts ON samples (ts)",
        "CREATE TABLE IF NOT EXISTS timeline_events (id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, "
        "source TEXT, cluster TEXT, namespace TEXT, kind TEXT, name TEXT, type TEXT, reason TEXT, "
        "message TEXT, from_replicas INTEGER, to_replicas INTEGER)",
        "CREATE INDEX IF NOT EXISTS timeline_events_ts ON timeline_events (ts)",
    };
    if (auto r = exec(u"BEGIN IMMEDIATE"_s); !r)
        return r;
    for (const char *sql : statements) {
        if (auto r = exec(QString::fromLatin1(sql)); !r) {
            exec(u"ROLLBACK"_s);
            return r;
        }
    }
    QSqlQuery q(db());
    q.prepare(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('format', ?)"_s);
    q.addBindValue(FormatName);
    if (!q.exec()) {
        const Error e = fail(q.lastError(), u"write meta"_s);
        exec(u"ROLLBACK"_s);
        return e;
    }
    if (auto r = exec(u"PRAGMA user_version = %1"_s.arg(SchemaVersion)); !r) {
        exec(u"ROLLBACK"_s);
        return r;
    }
    return exec(u"COMMIT"_s);
}

Result<void> HistoryWorker::open(const QString &path, const HistoryStore::Options &options)
{
    close();
    m_path = path;
    m_options = options;
    if (path.isEmpty())
        return HistoryText::invalid();
    const QFileInfo info(path);
    if (info.isDir())
        return HistoryText::isFolder(path);
    if (!QDir().mkpath(info.absolutePath()))
        return HistoryText::folder(path);

    m_connection = u"tideline-history-%1"_s.arg(quintptr(this), 0, 16);
    Result<void> result;
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        d.setDatabaseName(path);
        // Another process (a second Tideline on the same workspace) may hold the write lock.
        d.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!d.open()) {
            result = fail(d.lastError(), u"open"_s);
        } else {
            result = [&]() -> Result<void> {
                // Look before changing anything: a file that is not ours stays as it was.
                const auto version = scalar(u"PRAGMA user_version"_s);
                if (!version)
                    return version.error();
                if (version.value() > SchemaVersion)
                    return HistoryText::newer(path, int(version.value()));
                const auto tables = scalar(u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"_s);
                if (!tables)
                    return tables.error();
                if (version.value() == 0 && tables.value() > 0)
                    return HistoryText::foreign(path);
                if (version.value() == SchemaVersion) {
                    QSqlQuery f(db());
                    if (!f.exec(u"SELECT value FROM meta WHERE key = 'format'"_s) || !f.next()
                        || f.value(0).toString() != FormatName) {
                        return HistoryText::foreign(path);
                    }
                    f.finish();
                }

                // Only takes effect on a new, empty file: lets retention give space back.
                if (auto r = exec(u"PRAGMA auto_vacuum = INCREMENTAL"_s); !r)
                    return r;
                QSqlQuery wal(db());
                if (!wal.exec(u"PRAGMA journal_mode = WAL"_s))
                    return fail(wal.lastError(), u"journal_mode"_s);
                if (wal.next() && wal.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
                    qCWarning(lcCore) << "history: WAL not available for" << path << "- journal mode"
                                      << wal.value(0).toString();
                wal.finish(); // an unfinished statement would keep COMMIT from working
                if (auto r = exec(u"PRAGMA synchronous = NORMAL"_s); !r)
                    return r;
                if (auto r = createSchema(); !r)
                    return r;
                // A write that proves the file is writable now, not at the first flush.
                QSqlQuery probe(db());
                probe.prepare(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('lastOpened', ?)"_s);
                probe.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
                if (!probe.exec())
                    return fail(probe.lastError(), u"write probe"_s);

                m_insertSample = std::make_unique<QSqlQuery>(db());
                if (!m_insertSample->prepare(
                        u"INSERT OR REPLACE INTO samples (series_id, ts, value) VALUES (?, ?, ?)"_s))
                    return fail(m_insertSample->lastError(), u"prepare"_s);
                m_insertEvent = std::make_unique<QSqlQuery>(db());
                if (!m_insertEvent->prepare(
                        u"INSERT INTO timeline_events (ts, source, cluster, namespace, kind, name, type, reason, "
                        "message, from_replicas, to_replicas) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s))
                    return fail(m_insertEvent->lastError(), u"prepare"_s);
                return {};
            }();
        }
    }
    if (!result) {
        qCWarning(lcCore).noquote() << "history:" << result.error().message << result.error().detail;
        close();
        return result;
    }
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &HistoryWorker::tick);
    }
    m_timer->start(std::max(10, options.flushIntervalMs));
    m_sinceRetention.start();
    qCDebug(lcCore) << "history: opened" << path;
    return {};
}

void HistoryWorker::close()
{
    if (m_timer)
        m_timer->stop();
    if (isOpen()) {
        if (auto r = flush(); !r)
            report(r.error());
        // Fold the WAL back so the file is whole on its own.
        exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    }
    m_insertSample.reset();
    m_insertEvent.reset();
    m_ids.clear();
    if (!m_connection.isEmpty()) {
        {
            QSqlDatabase d = QSqlDatabase::database(m_connection, false);
            d.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
        m_connection.clear();
    }
}

Result<qint64> HistoryWorker::seriesId(const MetricSeriesKey &key, bool create)
{
    if (const auto it = m_ids.constFind(key); it != m_ids.constEnd())
        return *it;
    const QString labels = labelsJson(key.labels);
    if (create) {
        QSqlQuery ins(db());
        ins.prepare(u"INSERT OR IGNORE INTO series (source, name, labels) VALUES (?, ?, ?)"_s);
        ins.addBindValue(key.source);
        ins.addBindValue(key.name);
        ins.addBindValue(labels);
        if (!ins.exec())
            return fail(ins.lastError(), u"insert series"_s);
    }
    QSqlQuery q(db());
    q.prepare(u"SELECT id FROM series WHERE source = ? AND name = ? AND labels = ?"_s);
    q.addBindValue(key.source);
    q.addBindValue(key.name);
    q.addBindValue(labels);
    if (!q.exec())
        return fail(q.lastError(), u"select series"_s);
    if (!q.next())
        return qint64(-1);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    m_ids.insert(key, id);
    return id;
}

Result<void> HistoryWorker::flush()
{
    QList<MetricSample> samples;
    QList<TimelineEvent> events;
    {
        QMutexLocker lock(&m_inbox->mutex);
        samples.swap(m_inbox->samples);
        events.swap(m_inbox->events);
        m_inbox->flushPosted = false;
    }
    if (samples.isEmpty() && events.isEmpty())
        return {};
    if (!isOpen())
        return HistoryText::closed();

    QElapsedTimer timer;
    timer.start();
    if (auto r = exec(u"BEGIN IMMEDIATE"_s); !r)
        return r;
    auto rollback = [this](const Error &e) -> Result<void> {
        exec(u"ROLLBACK"_s);
        return e;
    };
    const QVariant nullValue(QMetaType::fromType<double>());
    for (const MetricSample &s : std::as_const(samples)) {
        const auto id = seriesId(s.key, true);
        if (!id)
            return rollback(id.error());
        m_insertSample->bindValue(0, id.value());
        m_insertSample->bindValue(1, s.point.timestampMs);
        m_insertSample->bindValue(2, std::isnan(s.point.value) ? nullValue : QVariant(s.point.value));
        if (!m_insertSample->exec())
            return rollback(fail(m_insertSample->lastError(), u"insert sample"_s));
    }
    for (const TimelineEvent &e : std::as_const(events)) {
        m_insertEvent->bindValue(0, e.timestampMs);
        m_insertEvent->bindValue(1, e.source);
        m_insertEvent->bindValue(2, e.cluster);
        m_insertEvent->bindValue(3, e.ns);
        m_insertEvent->bindValue(4, e.kind);
        m_insertEvent->bindValue(5, e.name);
        m_insertEvent->bindValue(6, e.type);
        m_insertEvent->bindValue(7, e.reason);
        m_insertEvent->bindValue(8, e.message);
        m_insertEvent->bindValue(9, optionalInt(e.fromReplicas));
        m_insertEvent->bindValue(10, optionalInt(e.toReplicas));
        if (!m_insertEvent->exec())
            return rollback(fail(m_insertEvent->lastError(), u"insert event"_s));
    }
    if (auto r = exec(u"COMMIT"_s); !r)
        return rollback(r.error());
    m_lastFlushMs = double(timer.nsecsElapsed()) / 1e6;
    m_worstFlushMs = std::max(m_worstFlushMs, m_lastFlushMs);
    ++m_flushes;
    qCDebug(lcCore) << "history: wrote" << samples.size() << "samples," << events.size() << "events in"
                    << m_lastFlushMs << "ms";
    return {};
}

Result<QList<MetricPoint>> HistoryWorker::samples(const MetricSeriesKey &key, qint64 fromMs, qint64 toMs,
                                                  int maxPoints)
{
    if (!isOpen())
        return HistoryText::closed();
    if (auto r = flush(); !r)
        report(r.error());
    const auto id = seriesId(key, false);
    if (!id)
        return id.error();
    QList<MetricPoint> points;
    if (id.value() < 0)
        return points;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT ts, value FROM samples WHERE series_id = ? AND ts >= ? AND ts <= ? ORDER BY ts"_s);
    q.addBindValue(id.value());
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec())
        return fail(q.lastError(), u"select samples"_s);
    while (q.next()) {
        const QVariant v = q.value(1);
        points.append({q.value(0).toLongLong(), v.isNull() ? std::numeric_limits<double>::quiet_NaN() : v.toDouble()});
    }
    if (maxPoints > 0 && points.size() > maxPoints) {
        const qint64 bucket = downsample::bucketWidth(toMs - fromMs, std::max(1, maxPoints / 2));
        points = downsample::minMax(asSpan(points), bucket);
    }
    return points;
}

Result<QList<TimelineEvent>> HistoryWorker::events(qint64 fromMs, qint64 toMs, const HistoryStore::EventFilter &filter)
{
    if (!isOpen())
        return HistoryText::closed();
    if (auto r = flush(); !r)
        report(r.error());
    QString sql = u"SELECT ts, source, cluster, namespace, kind, name, type, reason, message, from_replicas, "
                  "to_replicas FROM timeline_events WHERE ts >= ? AND ts <= ?"_s;
    QVariantList binds{fromMs, toMs};
    const std::pair<const char *, QString> columns[] = {
        {"cluster", filter.cluster}, {"namespace", filter.ns}, {"kind", filter.kind}, {"name", filter.name}};
    for (const auto &[column, value] : columns) {
        if (!value.isEmpty()) {
            sql += u" AND "_s + QLatin1String(column) + u" = ?"_s;
            binds.append(value);
        }
    }
    sql += u" ORDER BY ts, id LIMIT ?"_s;
    binds.append(filter.limit > 0 ? filter.limit : -1);
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec())
        return fail(q.lastError(), u"select events"_s);
    QList<TimelineEvent> out;
    while (q.next()) {
        TimelineEvent e;
        e.timestampMs = q.value(0).toLongLong();
        e.source = q.value(1).toString();
        e.cluster = q.value(2).toString();
        e.ns = q.value(3).toString();
        e.kind = q.value(4).toString();
        e.name = q.value(5).toString();
        e.type = q.value(6).toString();
        e.reason = q.value(7).toString();
        e.message = q.value(8).toString();
        e.fromReplicas = toOptionalInt(q.value(9));
        e.toReplicas = toOptionalInt(q.value(10));
        out.append(e);
    }
    return out;
}

Result<QList<MetricSeriesKey>> HistoryWorker::keys()
{
    if (!isOpen())
        return HistoryText::closed();
    if (auto r = flush(); !r)
        report(r.error());
    QSqlQuery q(db());
    if (!q.exec(u"SELECT source, name, labels FROM series ORDER BY source, name, labels"_s))
        return fail(q.lastError(), u"select series"_s);
    QList<MetricSeriesKey> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), labelsFromJson(q.value(2).toString())});
    return out;
}

Result<qint64> HistoryWorker::usedBytes(bool includeFree)
{
    const auto pages = scalar(u"PRAGMA page_count"_s);
    if (!pages)
        return pages;
    const auto size = scalar(u"PRAGMA page_size"_s);
    if (!size)
        return size;
    qint64 free = 0;
    if (!includeFree) {
        const auto f = scalar(u"PRAGMA freelist_count"_s);
        if (!f)
            return f;
        free = f.value();
    }
    return (pages.value() - free) * size.value();
}

Result<void> HistoryWorker::vacuum()
{
    // Gives the free pages back to the file system. incremental_vacuum frees one page per step
    // and QSqlQuery steps a statement without result columns once, so run it once per page.
    const auto free = scalar(u"PRAGMA freelist_count"_s);
    if (!free)
        return free.error();
    QSqlQuery q(db());
    if (!q.prepare(u"PRAGMA incremental_vacuum"_s))
        return fail(q.lastError(), u"incremental_vacuum"_s);
    // At most 16 MiB (at 4 KiB pages) per call: the rest follows at the next retention run,
    // so a big delete does not hold up queries for seconds.
    const qint64 pages = std::min<qint64>(free.value(), 4096);
    for (qint64 i = 0; i < pages; ++i) {
        if (!q.exec())
            return fail(q.lastError(), u"incremental_vacuum"_s);
    }
    q.finish();
    return {};
}

Result<void> HistoryWorker::retention(qint64 nowMs)
{
    if (!isOpen())
        return HistoryText::closed();
    if (auto r = flush(); !r)
        return r;
    m_sinceRetention.start();
    bool deleted = false;
    if (m_options.maxAgeMs > 0) {
        const qint64 cutoff = nowMs - m_options.maxAgeMs;
        QSqlQuery q(db());
        q.prepare(u"DELETE FROM samples WHERE ts < ?"_s);
        q.addBindValue(cutoff);
        if (!q.exec())
            return fail(q.lastError(), u"age retention"_s);
        deleted |= q.numRowsAffected() > 0;
        QSqlQuery e(db());
        e.prepare(u"DELETE FROM timeline_events WHERE ts < ?"_s);
        e.addBindValue(cutoff);
        if (!e.exec())
            return fail(e.lastError(), u"age retention"_s);
        deleted |= e.numRowsAffected() > 0;
        if (deleted) {
            if (auto r = vacuum(); !r)
                return r;
        }
    }

    // Size: delete the oldest samples (and events no newer than them) until the used pages fit,
    // aiming a little below the limit so this does not run after every flush.
    for (int round = 0; m_options.maxBytes > 0 && round < 8; ++round) {
        const auto used = usedBytes(false); // pages not yet given back do not count
        if (!used)
            return used.error();
        if (used.value() <= m_options.maxBytes)
            break;
        const double target = 0.8 * double(m_options.maxBytes);
        const double fraction = std::clamp(1.0 - target / double(used.value()), 0.05, 1.0);
        const auto count = scalar(u"SELECT count(*) FROM samples"_s);
        if (!count)
            return count.error();
        if (count.value() > 0) {
            const qint64 k = std::max<qint64>(1, qint64(std::ceil(double(count.value()) * fraction)));
            QSqlQuery c(db());
            c.prepare(u"SELECT ts FROM samples ORDER BY ts LIMIT 1 OFFSET ?"_s);
            c.addBindValue(std::min(k, count.value()) - 1);
            if (!c.exec() || !c.next())
                return fail(c.lastError(), u"size retention"_s);
            const qint64 cutoff = c.value(0).toLongLong();
            c.finish();
            qCDebug(lcCore) << "history: size retention round" << round << "used" << used.value() << "samples"
                            << count.value() << "deleting up to ts" << cutoff;
            for (const QString &sql : {u"DELETE FROM samples WHERE ts <= ?"_s, u"DELETE FROM timeline_events WHERE ts <= ?"_s}) {
                QSqlQuery d(db());
                d.prepare(sql);
                d.addBindValue(cutoff);
                if (!d.exec())
                    return fail(d.lastError(), u"size retention"_s);
            }
        } else {
            const auto events = scalar(u"SELECT count(*) FROM timeline_events"_s);
            if (!events)
                return events.error();
            if (events.value() == 0)
                break; // nothing left to delete: the schema alone is over the limit
            QSqlQuery d(db());
            d.prepare(u"DELETE FROM timeline_events WHERE id IN (SELECT id FROM timeline_events ORDER BY ts LIMIT ?)"_s);
            d.addBindValue(std::max<qint64>(1, qint64(std::ceil(double(events.value()) * fraction))));
            if (!d.exec())
                return fail(d.lastError(), u"size retention"_s);
        }
        deleted = true;
        if (auto r = vacuum(); !r)
            return r;
    }
    if (deleted) {
        // Deletes went to the WAL; fold it back so the disk space is really returned.
        exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    }
    return {};
}

Result<HistoryStore::Stats> HistoryWorker::stats()
{
    if (!isOpen())
        return HistoryText::closed();
    if (auto r = flush(); !r)
        report(r.error());
    HistoryStore::Stats s;
    const auto bytes = usedBytes(true);
    if (!bytes)
        return bytes.error();
    s.bytes = bytes.value();
    const auto samples = scalar(u"SELECT count(*) FROM samples"_s);
    if (!samples)
        return samples.error();
    s.samples = samples.value();
    const auto series = scalar(u"SELECT count(*) FROM series"_s);
    if (!series)
        return series.error();
    s.series = series.value();
    const auto events = scalar(u"SELECT count(*) FROM timeline_events"_s);
    if (!events)
        return events.error();
    s.events = events.value();
    {
        QMutexLocker lock(&m_inbox->mutex);
        s.droppedSamples = m_inbox->dropped;
    }
    s.flushes = m_flushes;
    s.lastFlushMs = m_lastFlushMs;
    s.worstFlushMs = m_worstFlushMs;
    return s;
}

void HistoryWorker::tick()
{
    if (auto r = flush(); !r) {
        report(r.error());
        return;
    }
    if (m_sinceRetention.isValid() && m_sinceRetention.elapsed() >= m_options.retentionIntervalMs) {
        if (auto r = retention(QDateTime::currentMSecsSinceEpoch()); !r)
            report(r.error());
    }
}

void HistoryWorker::report(const Error &error)
{
    // One log line per distinct failure: a full disk fails every second.
    if (error.message + error.detail != m_lastReported) {
        m_lastReported = error.message + error.detail;
        qCWarning(lcCore).noquote() << "history:" << error.message << error.detail;
    }
    if (reportError)
        reportError(error);
}

// --- HistoryStore ------------------------------------------------------------------------------

HistoryStore::HistoryStore(QObject *parent)
    : QObject(parent), m_inbox(std::make_shared<HistoryInbox>())
{
    m_thread.setObjectName(u"tideline-history"_s);
    m_worker = new HistoryWorker(m_inbox);
    m_worker->reportError = [this](const Error &error) {
        // On the worker thread: hand the error to this object's thread. The store outlives
        // the worker (the destructor stops the thread first), and posted events die with it.
        QMetaObject::invokeMethod(this, [this, error] { Q_EMIT errorOccurred(error); }, Qt::QueuedConnection);
    };
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

HistoryStore::~HistoryStore()
{
    runOnWorker([w = m_worker] { w->close(); });
    m_thread.quit();
    m_thread.wait();
}

void HistoryStore::runOnWorker(const std::function<void()> &work)
{
    Q_ASSERT(QThread::currentThread() != &m_thread);
    QMetaObject::invokeMethod(m_worker, work, Qt::BlockingQueuedConnection);
}

Result<void> HistoryStore::open(const QString &path, const Options &options)
{
    close();
    Result<void> result;
    runOnWorker([&] { result = m_worker->open(path, options); });
    m_path = path;
    m_options = options;
    m_open = result.ok();
    QMutexLocker lock(&m_inbox->mutex);
    m_inbox->open = m_open;
    m_inbox->flushBatch = options.flushBatch;
    m_inbox->maxBuffered = options.maxBuffered;
    m_inbox->dropped = 0;
    lock.unlock();
    if (m_open)
        Q_EMIT reopened();
    return result;
}

void HistoryStore::close()
{
    if (!m_open)
        return;
    runOnWorker([w = m_worker] { w->close(); });
    m_open = false;
    QMutexLocker lock(&m_inbox->mutex);
    m_inbox->open = false;
    m_inbox->samples.clear();
    m_inbox->events.clear();
}

void HistoryStore::append(const MetricSample &sample)
{
    append(QList<MetricSample>{sample});
}

void HistoryStore::append(const QList<MetricSample> &samples)
{
    bool kick = false;
    {
        QMutexLocker lock(&m_inbox->mutex);
        if (!m_inbox->open)
            return;
        const qsizetype room = std::max<qsizetype>(0, m_inbox->maxBuffered - m_inbox->samples.size());
        if (room >= samples.size()) {
            m_inbox->samples.append(samples);
        } else {
            m_inbox->samples.append(samples.mid(0, room));
            m_inbox->dropped += samples.size() - room;
        }
        if (m_inbox->samples.size() >= m_inbox->flushBatch && !m_inbox->flushPosted) {
            m_inbox->flushPosted = true;
            kick = true;
        }
    }
    if (kick)
        flush();
}

void HistoryStore::append(const MetricSeries &series)
{
    QList<MetricSample> samples;
    samples.reserve(series.points.size());
    for (const MetricPoint &p : series.points)
        samples.append({series.key, p});
    append(samples);
}

void HistoryStore::appendEvent(const TimelineEvent &event)
{
    QMutexLocker lock(&m_inbox->mutex);
    if (m_inbox->open)
        m_inbox->events.append(event);
}

qsizetype HistoryStore::pendingSamples() const
{
    QMutexLocker lock(&m_inbox->mutex);
    return m_inbox->samples.size();
}

void HistoryStore::flush()
{
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker] {
            if (auto r = w->flush(); !r && w->reportError)
                w->reportError(r.error());
        },
        Qt::QueuedConnection);
}

void HistoryStore::querySamples(const MetricSeriesKey &key, qint64 fromMs, qint64 toMs, int maxPoints,
                                QObject *context, SamplesCallback done)
{
    QPointer<QObject> ctx(context);
    QMetaObject::invokeMethod(
        m_worker,
        [this, w = m_worker, key, fromMs, toMs, maxPoints, ctx, done = std::move(done)] {
            auto result = w->samples(key, fromMs, toMs, maxPoints);
            QMetaObject::invokeMethod(
                this, [ctx, done, result] { if (ctx) done(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void HistoryStore::queryEvents(qint64 fromMs, qint64 toMs, const EventFilter &filter, QObject *context,
                               EventsCallback done)
{
    QPointer<QObject> ctx(context);
    QMetaObject::invokeMethod(
        m_worker,
        [this, w = m_worker, fromMs, toMs, filter, ctx, done = std::move(done)] {
            auto result = w->events(fromMs, toMs, filter);
            QMetaObject::invokeMethod(
                this, [ctx, done, result] { if (ctx) done(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void HistoryStore::querySeriesKeys(QObject *context, KeysCallback done)
{
    QPointer<QObject> ctx(context);
    QMetaObject::invokeMethod(
        m_worker,
        [this, w = m_worker, ctx, done = std::move(done)] {
            auto result = w->keys();
            QMetaObject::invokeMethod(
                this, [ctx, done, result] { if (ctx) done(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

Result<void> HistoryStore::flushSync()
{
    Result<void> result;
    runOnWorker([&] { result = m_worker->flush(); });
    return result;
}

Result<QList<MetricPoint>> HistoryStore::querySamplesSync(const MetricSeriesKey &key, qint64 fromMs, qint64 toMs,
                                                          int maxPoints)
{
    Result<QList<MetricPoint>> result = HistoryText::closed();
    runOnWorker([&] { result = m_worker->samples(key, fromMs, toMs, maxPoints); });
    return result;
}

Result<QList<TimelineEvent>> HistoryStore::queryEventsSync(qint64 fromMs, qint64 toMs, const EventFilter &filter)
{
    Result<QList<TimelineEvent>> result = HistoryText::closed();
    runOnWorker([&] { result = m_worker->events(fromMs, toMs, filter); });
    return result;
}

Result<QList<MetricSeriesKey>> HistoryStore::seriesKeysSync()
{
    Result<QList<MetricSeriesKey>> result = HistoryText::closed();
    runOnWorker([&] { result = m_worker->keys(); });
    return result;
}

Result<void> HistoryStore::applyRetentionSync(qint64 nowMs)
{
    if (nowMs == 0)
        nowMs = QDateTime::currentMSecsSinceEpoch();
    Result<void> result;
    runOnWorker([&] { result = m_worker->retention(nowMs); });
    return result;
}

Result<HistoryStore::Stats> HistoryStore::statsSync()
{
    Result<Stats> result = HistoryText::closed();
    runOnWorker([&] { result = m_worker->stats(); });
    return result;
}

} // namespace tideline
