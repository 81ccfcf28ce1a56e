#include "RabbitMqProcess.h"
#include "TestHttpServer.h"
#include "TestServers.h"

#include "metrics/RabbitMqManagementSource.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSignalSpy>
#include <QtTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace tideline;
using namespace tideline::test;

namespace {

// Every message logged while a test runs, to prove a password never reaches the log.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker locker(&g_logMutex);
        g_log.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// The figure `name` of `queue` in the last samplesReady of `spy`, if any.
std::optional<double> lastFigure(const QSignalSpy &spy, const QString &name, const QString &queue)
{
    if (spy.isEmpty())
        return std::nullopt;
    const auto samples = spy.constLast().at(0).value<QList<MetricSample>>();
    for (const MetricSample &s : samples) {
        if (s.key.name == name && s.key.labels.value(u"queue"_s) == queue)
            return s.point.value;
    }
    return std::nullopt;
}

} // namespace

// RabbitMqManagementSource against a real RabbitMQ node (one per executable: they are slow to
// start): queue depth through the management API as messages are published and consumed,
// the API's history, and the failures an operator meets (wrong password, unknown vhost,
// nothing listening, not the management API, a server that hangs or answers garbage).
class TestMetricsRabbitMq : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_http.listen(&error), qPrintable(error));
        m_http.setResponse("/hang/api/queues", TestHttpServer::hanging());
        m_http.setResponse("/garbage/api/queues", TestHttpServer::json("[{\"name\":\"q\",\"vhost\":\"/\",\"messages\":5,"));
        QVERIFY2(m_rabbit.start(&error), qPrintable(error));
        qInfo("RabbitMQ started in %lld ms", m_rabbit.startDurationMs());
        g_previousHandler = qInstallMessageHandler(captureMessages);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
    }

    void depthFollowsPublishAndConsume()
    {
        const QString queue = u"tideline.depth"_s;
        QString error;
        QVERIFY2(m_rabbit.declareQueue(queue, &error), qPrintable(error));
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(m_rabbit.publishToQueue(queue, 500, &error), qPrintable(error));
        qInfo("published 500 messages in %lld ms", clock.elapsed());

        RabbitMqManagementSource source(options(u"/"_s, queue));
        source.setPassword(m_rabbit.password());
        source.setIntervalMs(300);
        QSignalSpy samples(&source, &MetricSource::samplesReady);
        source.start();
        // The management API refreshes its statistics every collect_statistics_interval (500 ms here).
        QTRY_COMPARE_WITH_TIMEOUT(lastFigure(samples, RabbitMqManagementApi::Messages, queue).value_or(-1), 500.0,
                                  30000);
        QCOMPARE(source.state(), MetricSource::State::Ok);
        QCOMPARE(lastFigure(samples, RabbitMqManagementApi::Consumers, queue).value_or(-1), 0.0);
        QTRY_COMPARE_WITH_TIMEOUT(lastFigure(samples, RabbitMqManagementApi::MessagesReady, queue).value_or(-1),
                                  500.0, 30000);
        QCOMPARE(source.lastQueues().size(), 1);
        QCOMPARE(source.lastQueues().constFirst().vhost, u"/"_s);

        // Consume 200 and acknowledge them (the management API's "get" with ack_requeue_false).
        const QJsonObject get{{u"count"_s, 200}, {u"ackmode"_s, u"ack_requeue_false"_s}, {u"encoding"_s, u"auto"_s}};
        const auto reply = m_rabbit.managementRequest("POST", u"/api/queues/%2F/tideline.depth/get"_s,
                                                      QJsonDocument(get).toJson(QJsonDocument::Compact), 30000);
        QVERIFY2(reply.ok(), qPrintable(reply.error));
        QCOMPARE(QJsonDocument::fromJson(reply.body).array().size(), 200);

        QTRY_COMPARE_WITH_TIMEOUT(lastFigure(samples, RabbitMqManagementApi::Messages, queue).value_or(-1), 300.0,
                                  30000);
        QTRY_COMPARE_WITH_TIMEOUT(lastFigure(samples, RabbitMqManagementApi::MessagesReady, queue).value_or(-1),
                                  300.0, 30000);
        QCOMPARE(lastFigure(samples, RabbitMqManagementApi::MessagesUnacknowledged, queue).value_or(-1), 0.0);
        // Rates exist once the queue has message_stats (publishes happened).
        QVERIFY(lastFigure(samples, RabbitMqManagementApi::PublishRate, queue).has_value());
        const MetricSample first = samples.constLast().at(0).value<QList<MetricSample>>().constFirst();
        QCOMPARE(first.key.source, u"rabbitmq "_s + m_rabbit.managementUrl());
        QCOMPARE(first.key.labels, (MetricLabels{{u"queue"_s, queue}, {u"vhost"_s, u"/"_s}}));
        QVERIFY(qAbs(first.point.timestampMs - QDateTime::currentMSecsSinceEpoch()) < 60000);
        source.stop();
    }

    void historyFromTheApi()
    {
        // Needs the queue of the previous test: 300 messages.
        auto opts = options(u"/"_s, u"tideline.depth"_s);
        opts.historySeconds = 60;
        opts.historyIncrementSeconds = 5;
        RabbitMqManagementSource source(opts);
        source.setPassword(m_rabbit.password());
        QVERIFY(source.requestUrl().toEncoded().contains("lengths_age=60&lengths_incr=5&msg_rates_age=60"));
        QSignalSpy series(&source, &MetricSource::seriesReady);
        source.setIntervalMs(500);
        source.start();
        QTRY_VERIFY_WITH_TIMEOUT(!series.isEmpty(), 30000);
        const auto list = series.constLast().at(0).value<QList<MetricSeries>>();
        const MetricSeries *messages = nullptr;
        for (const MetricSeries &s : list) {
            if (s.key.name == RabbitMqManagementApi::Messages)
                messages = &s;
        }
        QVERIFY(messages);
        QVERIFY(!messages->points.isEmpty());
        for (qsizetype i = 1; i < messages->points.size(); ++i)
            QVERIFY(messages->points[i].timestampMs > messages->points[i - 1].timestampMs);
        QCOMPARE(messages->points.constLast().value, 300.0);
        QVERIFY(qAbs(messages->points.constLast().timestampMs - QDateTime::currentMSecsSinceEpoch()) < 60000);
    }

    void allQueuesOfTheNode()
    {
        QString error;
        QVERIFY2(m_rabbit.declareQueue(u"tideline.other"_s, &error), qPrintable(error));
        for (const QString &vhost : {QString(), u"/"_s}) {
            RabbitMqManagementSource source(options(vhost, {}));
            source.setPassword(m_rabbit.password());
            QSignalSpy finished(&source, &MetricSource::refreshFinished);
            source.refresh();
            QVERIFY(finished.wait(15000));
            QVERIFY2(source.state() == MetricSource::State::Ok, qPrintable(source.stateReason()));
            QStringList names;
            for (const RabbitMqQueueStats &q : source.lastQueues())
                names << q.name;
            QVERIFY2(names.contains(u"tideline.depth"_s) && names.contains(u"tideline.other"_s),
                     qPrintable(names.join(u", "_s)));
        }
    }

    void failures_data()
    {
        QTest::addColumn<QString>("url"); // empty: the node's management URL
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("vhost");
        QTest::addColumn<QString>("queue");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("reason");
        QTest::newRow("wrong password") << QString() << u"s3cr3t-wrong"_s << QString() << QString() << u"metrics.auth"_s
                                        << u"401 Unauthorized: check the user and password"_s;
        QTest::newRow("unknown vhost") << QString() << u"guest"_s << u"nowhere"_s << QString()
                                       << u"metrics.not_found"_s << u"404 Not Found: no vhost \"nowhere\""_s;
        QTest::newRow("unknown queue") << QString() << u"guest"_s << u"/"_s << u"missing"_s << u"metrics.not_found"_s
                                       << u"404 Not Found: no queue \"missing\" in vhost \"/\""_s;
    }
    void failures()
    {
        QFETCH(QString, url);
        QFETCH(QString, password);
        QFETCH(QString, vhost);
        QFETCH(QString, queue);
        QFETCH(QString, code);
        QFETCH(QString, reason);
        auto opts = options(vhost, queue);
        if (!url.isEmpty())
            opts.url = QUrl(url);
        RabbitMqManagementSource source(opts);
        source.setPassword(password);
        QSignalSpy states(&source, &MetricSource::stateChanged);
        QSignalSpy finished(&source, &MetricSource::refreshFinished);
        {
            const QMutexLocker locker(&g_logMutex);
            g_log.clear();
        }
        source.refresh();
        QVERIFY(finished.wait(15000));
        QCOMPARE(source.state(), MetricSource::State::Failing);
        QCOMPARE(source.lastError().code, code);
        QCOMPARE(source.stateReason(), reason);
        QCOMPARE(states.size(), 1);
        QCOMPARE(states.at(0).at(0).value<MetricSource::State>(), MetricSource::State::Failing);
        QCOMPARE(states.at(0).at(1).toString(), reason);
        const QMutexLocker locker(&g_logMutex);
        QVERIFY2(!g_log.isEmpty(), "the failure was not logged");
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(u"s3cr3t"_s), qPrintable(line));
    }

    void otherServers_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QString>("reason");
        const quint16 closed = freePort();
        QTest::newRow("connection refused") << u"http://127.0.0.1:%1"_s.arg(closed) << 5000
                                            << u"connection refused: nothing listens on 127.0.0.1:%1"_s.arg(closed);
        // RabbitMQ's own Prometheus listener: a real server, but not the management API.
        QTest::newRow("not the management API") << u"http://127.0.0.1:%1"_s.arg(m_rabbit.prometheusPort()) << 5000
                                                << u"404 Not Found: http://127.0.0.1:%1 is not the RabbitMQ management "
                                                   "API (port 15672, plugin rabbitmq_management)"_s
                                                       .arg(m_rabbit.prometheusPort());
        QTest::newRow("hangs") << m_http.url(u"/hang"_s) << 1000 << u"timed out after 1 s"_s;
        QTest::newRow("garbage JSON") << m_http.url(u"/garbage"_s) << 5000
                                      << u"response is not valid JSON at offset 38 (unterminated object)"_s;
    }
    void otherServers()
    {
        QFETCH(QString, url);
        QFETCH(int, timeoutMs);
        QFETCH(QString, reason);
        auto opts = options({}, {});
        opts.url = QUrl(url);
        RabbitMqManagementSource source(opts);
        source.setPassword(m_rabbit.password());
        source.setTimeoutMs(timeoutMs);
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(50);
        QSignalSpy finished(&source, &MetricSource::refreshFinished);
        QElapsedTimer clock;
        clock.start();
        source.refresh();
        QVERIFY(finished.wait(timeoutMs + 10000));
        QCOMPARE(source.state(), MetricSource::State::Failing);
        QCOMPARE(source.stateReason(), reason);
        if (reason.startsWith(u"timed out"_s)) {
            QVERIFY2(clock.elapsed() >= timeoutMs - 100 && clock.elapsed() < timeoutMs + 3000,
                     qPrintable(QString::number(clock.elapsed())));
            QVERIFY2(ticks >= timeoutMs / 50 / 2, qPrintable(QString::number(ticks)));
        }
    }

private:
    RabbitMqManagementSource::Options options(const QString &vhost, const QString &queue) const
    {
        RabbitMqManagementSource::Options o;
        o.url = QUrl(m_rabbit.managementUrl());
        o.user = m_rabbit.username();
        o.vhost = vhost;
        o.queue = queue;
        return o;
    }

    RabbitMqProcess m_rabbit;
    TestHttpServer m_http;
};

QTEST_GUILESS_MAIN(TestMetricsRabbitMq)
#include "tst_metrics_rabbitmq.moc"
