#include "core/HistoryStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <algorithm>
#include <limits>
#include <vector>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace tideline;

using Points = QList<MetricPoint>;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr qint64 Hour = 3600 * 1000;
constexpr qint64 Day = 24 * Hour;

MetricSeriesKey key(const QString &name, const QString &queue = u"orders"_s)
{
    return {u"rabbitmq http://127.0.0.1:15672"_s, name, {{u"queue"_s, queue}, {u"vhost"_s, u"/"_s}}};
}

bool samePoints(const Points &a, const Points &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].timestampMs != b[i].timestampMs)
            return false;
        if (!(a[i].value == b[i].value || (std::isnan(a[i].value) && std::isnan(b[i].value))))
            return false;
    }
    return true;
}

TimelineEvent scaleEvent(qint64 ts, int from, int to)
{
    TimelineEvent e;
    e.timestampMs = ts;
    e.source = u"kube"_s;
    e.cluster = u"kind-tideline"_s;
    e.ns = u"shop"_s;
    e.kind = u"Deployment"_s;
    e.name = u"worker"_s;
    e.type = u"Normal"_s;
    e.reason = u"ScalingReplicaSet"_s;
    e.message = u"Scaled up replica set worker-5d4f to %1"_s.arg(to);
    e.fromReplicas = from;
    e.toReplicas = to;
    return e;
}

QString errorText(const Error &e)
{
    return e.code + u": "_s + e.message + u" ["_s + e.detail + u"]"_s;
}

// For QVERIFY2 messages, which are built even when the check passes.
template<typename R>
QString outcome(const R &result)
{
    return result.ok() ? u"ok"_s : errorText(result.error());
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void eventsRoundTrip();
    void downsampledQuery();
    void timerFlushes();
    void asyncQueries();
    void retentionByAge();
    void retentionBySize();
    void reopenPersists();
    void concurrentFlush();
    void appendNeverBlocks();
    void badFiles_data();
    void badFiles();
    void closedStoreDropsAppends();
};

void TestHistoryStore::roundTrip()
{
    QTemporaryDir dir;
    HistoryStore store;
    QVERIFY2(store.open(dir.filePath(u"ws/history.sqlite"_s)), "open"); // creates the folder
    QVERIFY(store.isOpen());

    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - Hour;
    const Points depth{{t0, 10}, {t0 + 1000, 12.5}, {t0 + 2000, NaN}, {t0 + 3000, Inf}, {t0 + 4000, -Inf}};
    for (const MetricPoint &p : depth)
        store.append(MetricSample{key(u"rabbitmq_queue_messages"_s), p});
    store.append(MetricSeries{key(u"rabbitmq_queue_messages"_s, u"other"_s), {{t0, 1}, {t0 + 5000, 2}}});
    // The same timestamp again: the later report wins.
    store.append(MetricSample{key(u"rabbitmq_queue_messages"_s), {t0 + 1000, 13}});
    QVERIFY(store.flushSync());

    auto got = store.querySamplesSync(key(u"rabbitmq_queue_messages"_s), t0, t0 + 10'000);
    QVERIFY2(got, qPrintable(outcome(got)));
    Points expected = depth;
    expected[1].value = 13;
    QVERIFY(samePoints(got.value(), expected));

    auto range = store.querySamplesSync(key(u"rabbitmq_queue_messages"_s), t0 + 1000, t0 + 2000);
    QVERIFY(range);
    QCOMPARE(range.value().size(), 2);

    auto unknown = store.querySamplesSync(key(u"nope"_s), 0, t0 + Day);
    QVERIFY(unknown);
    QVERIFY(unknown.value().isEmpty());

    auto keys = store.seriesKeysSync();
    QVERIFY(keys);
    QCOMPARE(keys.value().size(), 2);
    QVERIFY(keys.value().contains(key(u"rabbitmq_queue_messages"_s, u"other"_s)));
    QCOMPARE(keys.value().constFirst().labels.value(u"vhost"_s), u"/"_s);

    const auto stats = store.statsSync();
    QVERIFY(stats);
    QCOMPARE(stats.value().samples, 7);
    QCOMPARE(stats.value().series, 2);
    QVERIFY(stats.value().bytes > 0);
}

void TestHistoryStore::eventsRoundTrip()
{
    QTemporaryDir dir;
    HistoryStore store;
    QVERIFY(store.open(dir.filePath(u"history.sqlite"_s)));
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - Hour;
    TimelineEvent warning;
    warning.timestampMs = t0 + 500;
    warning.source = u"kube"_s;
    warning.cluster = u"kind-tideline"_s;
    warning.ns = u"shop"_s;
    warning.kind = u"Pod"_s;
    warning.name = u"worker-5d4f-abcde"_s;
    warning.type = u"Warning"_s;
    warning.reason = u"BackOff"_s;
    warning.message = u"Back-off restarting failed container \"worker\" — ünïcödé"_s;
    store.appendEvent(scaleEvent(t0, 1, 3));
    store.appendEvent(warning);
    store.appendEvent(scaleEvent(t0 + 1000, 3, 5));

    auto all = store.queryEventsSync(t0 - 1, t0 + 10'000);
    QVERIFY2(all, qPrintable(outcome(all)));
    QCOMPARE(all.value().size(), 3);
    QCOMPARE(all.value().at(0), scaleEvent(t0, 1, 3));
    QCOMPARE(all.value().at(1), warning);
    QVERIFY(!all.value().at(1).fromReplicas);

    HistoryStore::EventFilter filter;
    filter.kind = u"Deployment"_s;
    filter.name = u"worker"_s;
    auto deployments = store.queryEventsSync(t0 - 1, t0 + 10'000, filter);
    QVERIFY(deployments);
    QCOMPARE(deployments.value().size(), 2);
    QCOMPARE(deployments.value().constLast().toReplicas, std::optional<int>(5));
    filter.limit = 1;
    QCOMPARE(store.queryEventsSync(t0 - 1, t0 + 10'000, filter).value().size(), 1);
    filter = {};
    filter.ns = u"elsewhere"_s;
    QVERIFY(store.queryEventsSync(t0 - 1, t0 + 10'000, filter).value().isEmpty());
}

void TestHistoryStore::downsampledQuery()
{
    QTemporaryDir dir;
    HistoryStore store;
    QVERIFY(store.open(dir.filePath(u"history.sqlite"_s)));
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - Day;
    QList<MetricSample> samples;
    for (int i = 0; i < 20'000; ++i)
        samples.append({key(u"depth"_s), {t0 + i * 1000LL, i == 7777 ? 1e6 : double(i % 100)}});
    store.append(samples);
    auto full = store.querySamplesSync(key(u"depth"_s), t0, t0 + 20'000'000);
    QVERIFY(full);
    QCOMPARE(full.value().size(), 20'000);
    auto small = store.querySamplesSync(key(u"depth"_s), t0, t0 + 20'000'000, 400);
    QVERIFY(small);
    QVERIFY2(small.value().size() <= 400 + 4, qPrintable(QString::number(small.value().size())));
    QVERIFY(small.value().size() >= 200);
    bool spike = false;
    for (const MetricPoint &p : small.value())
        spike |= p.value == 1e6;
    QVERIFY(spike); // min/max buckets keep the spike
}

void TestHistoryStore::timerFlushes()
{
    QTemporaryDir dir;
    HistoryStore store;
    HistoryStore::Options options;
    options.flushIntervalMs = 50;
    QVERIFY(store.open(dir.filePath(u"history.sqlite"_s), options));
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 100; ++i)
        store.append(MetricSample{key(u"depth"_s), {t0 + i, double(i)}});
    QTRY_COMPARE_WITH_TIMEOUT(store.pendingSamples(), 0, 5000);

    // Read through a second connection: the rows are committed, not just buffered.
    const QString path = store.path();
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"reader"_s);
        other.setDatabaseName(path);
        QVERIFY(other.open());
        QSqlQuery q(other);
        QVERIFY(q.exec(u"SELECT count(*) FROM samples"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 100);
        QVERIFY(q.exec(u"PRAGMA journal_mode"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
    }
    QSqlDatabase::removeDatabase(u"reader"_s);
    QVERIFY(store.statsSync().value().flushes >= 1);
}

void TestHistoryStore::asyncQueries()
{
    QTemporaryDir dir;
    HistoryStore store;
    QVERIFY(store.open(dir.filePath(u"history.sqlite"_s)));
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - Hour;
    store.append(MetricSample{key(u"depth"_s), {t0, 42}});
    store.appendEvent(scaleEvent(t0, 2, 4));

    std::optional<Result<QList<MetricPoint>>> samples;
    std::optional<Result<QList<TimelineEvent>>> events;
    std::optional<Result<QList<MetricSeriesKey>>> keys;
    QObject context;
    // Appended but not flushed yet: the query flushes first.
    store.querySamples(key(u"depth"_s), t0 - 1, t0 + 1, 0, &context, [&](auto r) { samples = r; });
    store.queryEvents(t0 - 1, t0 + 1, {}, &context, [&](auto r) { events = r; });
    store.querySeriesKeys(&context, [&](auto r) { keys = r; });
    QVERIFY(!samples); // never inside the call
    QTRY_VERIFY(samples && events && keys);
    QVERIFY(samples->ok());
    QCOMPARE(samples->value().size(), 1);
    QCOMPARE(samples->value().constFirst().value, 42.0);
    QCOMPARE(events->value().size(), 1);
    QCOMPARE(keys->value().size(), 1);

    // A context that is gone by the time the answer arrives: the callback is dropped.
    bool called = false;
    {
        QObject shortLived;
        store.querySamples(key(u"depth"_s), t0 - 1, t0 + 1, 0, &shortLived, [&](auto) { called = true; });
    }
    QVERIFY(store.flushSync()); // the worker has answered by now
    QCoreApplication::processEvents();
    QTest::qWait(50);
    QVERIFY(!called);
}

void TestHistoryStore::retentionByAge()
{
    QTemporaryDir dir;
    HistoryStore store;
    HistoryStore::Options options;
    options.maxAgeMs = 7 * Day;
    QVERIFY(store.open(dir.filePath(u"history.sqlite"_s), options));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    store.append(QList<MetricSample>{{key(u"depth"_s), {now - 10 * Day, 1}},
                                     {key(u"depth"_s), {now - 8 * Day, 2}},
                                     {key(u"depth"_s), {now - 6 * Day, 3}},
                                     {key(u"depth"_s), {now - Hour, 4}}});
    store.appendEvent(scaleEvent(now - 9 * Day, 1, 2));
    store.appendEvent(scaleEvent(now - Day, 2, 3));
    QVERIFY(store.applyRetentionSync(now));

    const auto got = store.querySamplesSync(key(u"depth"_s), 0, now);
    QVERIFY(got);
    QVERIFY(samePoints(got.value(), Points{{now - 6 * Day, 3}, {now - Hour, 4}}));
    const auto events = store.queryEventsSync(0, now);
    QCOMPARE(events.value().size(), 1);
    QCOMPARE(events.value().constFirst().toReplicas, std::optional<int>(3));

    // As of a later "now", more goes.
    QVERIFY(store.applyRetentionSync(now + 2 * Day));
    QCOMPARE(store.querySamplesSync(key(u"depth"_s), 0, now).value().size(), 1);
}

void TestHistoryStore::retentionBySize()
{
    QTemporaryDir dir;
    HistoryStore store;
    HistoryStore::Options options;
    options.maxBytes = 256 * 1024;
    options.maxAgeMs = 0; // size only
    QVERIFY(store.open(dir.filePath(u"history.sqlite"_s), options));
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - Day;
    const int n = 40'000;
    for (int chunk = 0; chunk < 4; ++chunk) {
        QList<MetricSample> samples;
        for (int i = chunk * n / 4; i < (chunk + 1) * n / 4; ++i) {
            samples.append({key(u"depth"_s), {t0 + i * 1000LL, double(i)}});
            samples.append({key(u"ready"_s), {t0 + i * 1000LL, double(i)}});
        }
        store.append(samples);
        QVERIFY(store.flushSync());
    }
    store.appendEvent(scaleEvent(t0, 1, 2)); // as old as the oldest samples
    store.appendEvent(scaleEvent(t0 + (n - 1) * 1000LL, 2, 3));
    const auto before = store.statsSync();
    QVERIFY(before);
    QVERIFY2(before.value().bytes > options.maxBytes, qPrintable(QString::number(before.value().bytes)));

    const auto r = store.applyRetentionSync();
    QVERIFY2(r, qPrintable(outcome(r)));
    const auto after = store.statsSync();
    QVERIFY(after);
    QVERIFY2(after.value().bytes <= options.maxBytes,
             qPrintable(u"%1 > %2"_s.arg(after.value().bytes).arg(options.maxBytes)));
    QVERIFY(after.value().samples > 0);
    QVERIFY(after.value().samples < 2 * n);
    // The oldest went, the newest stayed.
    const auto depth = store.querySamplesSync(key(u"depth"_s), t0, t0 + n * 1000LL);
    QVERIFY(depth);
    QVERIFY(depth.value().constFirst().timestampMs > t0);
    QCOMPARE(depth.value().constLast().timestampMs, t0 + (n - 1) * 1000LL);
    const auto events = store.queryEventsSync(0, t0 + n * 1000LL);
    QCOMPARE(events.value().size(), 1);
    QCOMPARE(events.value().constFirst().toReplicas, std::optional<int>(3));
    // The file itself shrank too (incremental vacuum, WAL checkpointed).
    QVERIFY(QFileInfo(store.path()).size() <= options.maxBytes);
}

void TestHistoryStore::reopenPersists()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_s);
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - Hour;
    {
        HistoryStore store;
        QVERIFY(store.open(path));
        store.append(MetricSample{key(u"depth"_s), {t0, 1}});
        store.append(MetricSample{key(u"depth"_s), {t0 + 1000, 2}});
        store.appendEvent(scaleEvent(t0, 1, 2));
        // No explicit flush: the destructor writes what is buffered.
    }
    QVERIFY(QFile::exists(path));
    HistoryStore again;
    QVERIFY(again.open(path));
    const auto got = again.querySamplesSync(key(u"depth"_s), 0, t0 + Hour);
    QVERIFY(got);
    QVERIFY(samePoints(got.value(), Points{{t0, 1}, {t0 + 1000, 2}}));
    QCOMPARE(again.queryEventsSync(0, t0 + Hour).value().size(), 1);

    // close() then open() on the same object works too.
    again.close();
    QVERIFY(!again.isOpen());
    QVERIFY(again.open(path));
    QCOMPARE(again.querySamplesSync(key(u"depth"_s), 0, t0 + Hour).value().size(), 2);
}

void TestHistoryStore::concurrentFlush()
{
    // Two stores (two connections, as two Tideline windows on one workspace would have) write
    // the same file at the same time, with flush timers racing each other.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_s);
    HistoryStore::Options options;
    options.flushIntervalMs = 5;
    options.flushBatch = 500;
    HistoryStore a;
    HistoryStore b;
    QVERIFY(a.open(path, options));
    QVERIFY(b.open(path, options));
    QSignalSpy errorsA(&a, &HistoryStore::errorOccurred);
    QSignalSpy errorsB(&b, &HistoryStore::errorOccurred);

    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - Hour;
    const int n = 20'000;
    for (int i = 0; i < n; ++i) {
        a.append(MetricSample{key(u"depth"_s, u"a"_s), {t0 + i, double(i)}});
        b.append(MetricSample{key(u"depth"_s, u"b"_s), {t0 + i, double(-i)}});
        if (i % 2000 == 0)
            QCoreApplication::processEvents();
    }
    QVERIFY(a.flushSync());
    QVERIFY(b.flushSync());
    QCoreApplication::processEvents();
    QCOMPARE(errorsA.count(), 0);
    QCOMPARE(errorsB.count(), 0);

    // Each sees both series in full.
    for (HistoryStore *s : {&a, &b}) {
        const auto ra = s->querySamplesSync(key(u"depth"_s, u"a"_s), t0, t0 + n);
        const auto rb = s->querySamplesSync(key(u"depth"_s, u"b"_s), t0, t0 + n);
        QVERIFY(ra && rb);
        QCOMPARE(ra.value().size(), n);
        QCOMPARE(rb.value().size(), n);
        QCOMPARE(rb.value().constLast().value, double(-(n - 1)));
    }
    QCOMPARE(a.statsSync().value().droppedSamples, 0);
}

void TestHistoryStore::appendNeverBlocks()
{
    // The GUI thread's cost of recording: append() while the worker writes big batches.
    QTemporaryDir dir;
    HistoryStore store;
    HistoryStore::Options options;
    options.flushIntervalMs = 20;
    options.flushBatch = 5000;
    QVERIFY(store.open(dir.filePath(u"history.sqlite"_s), options));
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - Hour;
    qint64 worstNs = 0;
    std::vector<qint64> times;
    QElapsedTimer timer;
    for (int batch = 0; batch < 200; ++batch) {
        QList<MetricSample> samples;
        for (int i = 0; i < 1000; ++i)
            samples.append({key(u"depth"_s, QString::number(i % 10)), {t0 + batch * 1000LL + i, double(i)}});
        timer.start();
        store.append(samples);
        worstNs = std::max(worstNs, timer.nsecsElapsed());
        times.push_back(timer.nsecsElapsed());
        if (batch % 20 == 0)
            QTest::qWait(5);
    }
    QVERIFY(store.flushSync());
    const auto stats = store.statsSync();
    QVERIFY(stats);
    QCOMPARE(stats.value().samples, 200'000);
    std::sort(times.begin(), times.end());
    qInfo("append() of 1000 samples: median %.3f ms, worst %.3f ms; worker flush worst %.1f ms over %lld flushes",
          double(times[times.size() / 2]) / 1e6, double(worstNs) / 1e6, stats.value().worstFlushMs,
          stats.value().flushes);
    // Microseconds normally; a loaded CI box can preempt us, hence the margin.
    QVERIFY2(worstNs < 20'000'000, qPrintable(QString::number(double(worstNs) / 1e6)));
}

void TestHistoryStore::badFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("garbage file") << u"garbage"_s << u"history.corrupt"_s;
    QTest::newRow("damaged header") << u"damaged"_s << u"history.corrupt"_s;
    QTest::newRow("a folder") << u"folder"_s << u"history.open"_s;
    QTest::newRow("parent is a file") << u"parentfile"_s << u"history.open"_s;
    QTest::newRow("unwritable location") << u"proc"_s << u"history.open"_s;
    QTest::newRow("foreign database") << u"foreign"_s << u"history.foreign"_s;
    QTest::newRow("no path") << u"empty"_s << u"history.invalid"_s;
    if (geteuid() != 0) // root writes read-only files anyway
        QTest::newRow("read-only file") << u"readonly"_s << u"history.readonly"_s;
}

void TestHistoryStore::badFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, code);
    QTemporaryDir dir;
    QString path = dir.filePath(u"history.sqlite"_s);
    if (kind == u"garbage"_s) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
    } else if (kind == u"damaged"_s) {
        {
            HistoryStore good;
            QVERIFY(good.open(path));
            good.append(MetricSample{key(u"depth"_s), {1, 1}});
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(0);
        f.write("NOT SQLITE AT ALL"); // the 16-byte magic header
    } else if (kind == u"folder"_s) {
        QVERIFY(QDir(dir.path()).mkdir(u"history.sqlite"_s));
    } else if (kind == u"parentfile"_s) {
        QFile f(dir.filePath(u"file"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        path = dir.filePath(u"file/history.sqlite"_s);
    } else if (kind == u"proc"_s) {
        path = u"/proc/tideline-history-test.sqlite"_s;
    } else if (kind == u"foreign"_s) {
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY(q.exec(u"CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"_s));
        }
        QSqlDatabase::removeDatabase(u"foreign"_s);
    } else if (kind == u"empty"_s) {
        path.clear();
    } else if (kind == u"readonly"_s) {
        {
            HistoryStore good;
            QVERIFY(good.open(path));
        }
        QFile::setPermissions(path, QFileDevice::ReadOwner);
    }

    HistoryStore store;
    const auto r = store.open(path);
    QVERIFY(!r);
    QCOMPARE(r.error().code, code);
    QVERIFY(!r.error().message.isEmpty());
    QVERIFY2(kind == u"empty"_s || r.error().message.contains(QDir::toNativeSeparators(path)), qPrintable(outcome(r)));
    qInfo("%s", qPrintable(outcome(r)));
    QVERIFY(!store.isOpen());

    // Everything afterwards fails cleanly.
    store.append(MetricSample{key(u"depth"_s), {1, 1}});
    QCOMPARE(store.pendingSamples(), 0);
    const auto q = store.querySamplesSync(key(u"depth"_s), 0, 10);
    QVERIFY(!q);
    QCOMPARE(q.error().code, u"history.closed"_s);
    QVERIFY(!store.statsSync());

    // And the same object can still open a good file.
    QTemporaryDir other;
    QVERIFY(store.open(other.filePath(u"ok.sqlite"_s)));
}

void TestHistoryStore::closedStoreDropsAppends()
{
    HistoryStore store; // never opened
    store.append(MetricSample{key(u"depth"_s), {1, 1}});
    store.appendEvent(scaleEvent(1, 1, 2));
    QCOMPARE(store.pendingSamples(), 0);
    QVERIFY(store.flushSync()); // nothing to write is not an error
    QCOMPARE(store.queryEventsSync(0, 10).error().code, u"history.closed"_s);
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
