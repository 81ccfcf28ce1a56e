#include "TestServers.h"

#include "core/IngestPipeline.h"
#include "metrics/MqttSysSource.h"
#include "mqtt/MqttConnection.h"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace tideline;
using namespace tideline::test;

namespace {

constexpr int Timeout = 30000;

ConnectionProfile profileFor(const MosquittoProcess &broker, bool subscribeSys)
{
    ConnectionProfile p;
    p.id = ConnectionProfile::newId();
    p.name = u"sys test"_s;
    p.url = broker.url();
    p.version = ConnectionProfile::Version::Mqtt311;
    p.subscribeSys = subscribeSys;
    p.keepAliveSeconds = 10;
    p.reconnectMinSeconds = 1;
    p.reconnectMaxSeconds = 2;
    return p;
}

// Every sample a source emitted, per series name.
class Recorder final : public QObject
{
public:
    explicit Recorder(MetricSource *source)
    {
        connect(source, &MetricSource::samplesReady, this, [this](const QList<MetricSample> &samples) {
            for (const MetricSample &s : samples)
                m_points[s.key.name].append(s.point);
        });
    }
    QList<MetricPoint> points(const QString &name) const { return m_points.value(name); }
    std::optional<double> last(const QString &name) const
    {
        const QList<MetricPoint> p = m_points.value(name);
        return p.isEmpty() ? std::nullopt : std::optional<double>(p.constLast().value);
    }
    double lastOr(const QString &name, double fallback) const { return last(name).value_or(fallback); }
    void clear() { m_points.clear(); }

private:
    QHash<QString, QList<MetricPoint>> m_points;
};

} // namespace

// MqttSysSource against a real mosquitto publishing $SYS every second: stored and retained
// messages, counters and the rates derived from them, and the states of a source whose
// connection is missing, unsubscribed or down.
class TestMqttSysSource : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MosquittoProcess> m_broker;

private Q_SLOTS:
    void initTestCase()
    {
        MosquittoProcess::Options options;
        options.sysIntervalSeconds = 1;
        m_broker = std::make_unique<MosquittoProcess>(options);
        QString error;
        QVERIFY2(m_broker->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_broker.reset(); }

    void counterRate_data()
    {
        QTest::addColumn<qint64>("value0");
        QTest::addColumn<qint64>("at0");
        QTest::addColumn<qint64>("value1");
        QTest::addColumn<qint64>("at1");
        QTest::addColumn<bool>("restarted");
        QTest::addColumn<double>("rate"); // NaN: none yet

        QTest::newRow("steady") << qint64(100) << qint64(10'000) << qint64(150) << qint64(20'000) << false << 5.0;
        QTest::newRow("idle") << qint64(100) << qint64(10'000) << qint64(100) << qint64(12'000) << false << 0.0;
        QTest::newRow("same update") << qint64(100) << qint64(10'000) << qint64(100) << qint64(10'000) << false
                                     << qQNaN();
        QTest::newRow("counter went down: reset") << qint64(1000) << qint64(10'000) << qint64(30) << qint64(13'000)
                                                  << false << 10.0;
        QTest::newRow("uptime went down: reset") << qint64(10) << qint64(10'000) << qint64(40) << qint64(14'000)
                                                 << true << 10.0;
        QTest::newRow("sub-second") << qint64(0) << qint64(1'000) << qint64(3) << qint64(1'500) << false << 6.0;
    }

    void counterRate()
    {
        QFETCH(qint64, value0);
        QFETCH(qint64, at0);
        QFETCH(qint64, value1);
        QFETCH(qint64, at1);
        QFETCH(bool, restarted);
        QFETCH(double, rate);
        MqttSysSource::CounterRate c;
        c.update(value0, at0, false);
        QVERIFY(!c.rate); // one observation gives no rate
        c.update(value1, at1, restarted);
        if (std::isnan(rate)) {
            QVERIFY(!c.rate);
        } else {
            QVERIFY(c.rate);
            QCOMPARE(*c.rate, rate);
            QVERIFY(*c.rate >= 0);
        }
    }

    void noConnectionIsAClearState()
    {
        MqttSysSource source(u"nowhere"_s);
        QSignalSpy states(&source, &MetricSource::stateChanged);
        source.start();
        QCOMPARE(source.state(), MetricSource::State::Idle); // answers after the call, as HTTP sources do
        QTRY_COMPARE(source.state(), MetricSource::State::Failing);
        QVERIFY2(source.stateReason().contains(u"not open"_s), qPrintable(source.stateReason()));
        QCOMPARE(source.sourceId(), u"mqtt $SYS nowhere"_s);
        QCOMPARE(states.size(), 1);
        source.stop();
        QCOMPARE(source.state(), MetricSource::State::Idle);
    }

    void unsubscribedConnectionSaysSo()
    {
        IngestPipeline pipeline;
        pipeline.start();
        MqttConnection connection(profileFor(*m_broker, false), pipeline.inbox());
        connection.open();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), MqttConnection::State::Connected, Timeout);
        MqttSysSource source(u"no sys"_s);
        source.setIntervalMs(200);
        source.setConnection(&connection, &pipeline);
        source.start();
        QTRY_COMPARE_WITH_TIMEOUT(source.state(), MetricSource::State::Failing, Timeout);
        QVERIFY2(source.stateReason().contains(u"$SYS/#"_s), qPrintable(source.stateReason()));
        connection.close();
    }

    void readsMosquittoSys()
    {
        IngestPipeline pipeline;
        pipeline.start();
        MqttConnection connection(profileFor(*m_broker, true), pipeline.inbox());
        MqttSysSource source(u"sys test"_s);
        source.setIntervalMs(250);
        source.setConnection(&connection, &pipeline);
        Recorder rec(&source);
        source.start();
        // Not connected yet: a reason, not silence.
        QTRY_COMPARE(source.state(), MetricSource::State::Failing);
        QVERIFY2(source.stateReason().contains(u"not connected"_s), qPrintable(source.stateReason()));

        connection.open();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), MqttConnection::State::Connected, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(source.state(), MetricSource::State::Ok, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(rec.last(MqttSysSource::MessagesReceivedTotal).has_value(), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(rec.last(MqttSysSource::MessagesStored).has_value(), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(rec.last(MqttSysSource::RetainedMessages).has_value(), Timeout);
        // The retained snapshot predates this client; the next update counts it.
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastOr(MqttSysSource::ClientsConnected, 0) >= 1, Timeout);
        QVERIFY(rec.last(MqttSysSource::BytesReceivedTotal).has_value());
        QVERIFY(rec.last(MqttSysSource::ReceivedLoad1Min).has_value());
        const double received0 = *rec.last(MqttSysSource::MessagesReceivedTotal);
        const double stored0 = *rec.last(MqttSysSource::MessagesStored);
        const double retained0 = *rec.last(MqttSysSource::RetainedMessages);

        constexpr int Retained = 25;
        constexpr int Normal = 300;
        QSignalSpy published(&connection, &MqttConnection::publishFinished);
        for (int i = 0; i < Retained; ++i)
            QVERIFY(connection.publish("systest/retained/" + QByteArray::number(i), "kept", 1, true) > 0);
        for (int i = 0; i < Normal; ++i)
            QVERIFY(connection.publish("systest/normal", QByteArray::number(i), 1, false) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(published.size(), Retained + Normal, Timeout);

        QTRY_VERIFY_WITH_TIMEOUT(rec.lastOr(MqttSysSource::RetainedMessages, 0) >= retained0 + Retained, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastOr(MqttSysSource::MessagesStored, 0) >= stored0 + Retained, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastOr(MqttSysSource::MessagesReceivedTotal, 0) >= received0 + Retained + Normal,
                                 Timeout);
        // The burst shows in the derived rate, and no rate is ever negative.
        QTRY_VERIFY_WITH_TIMEOUT(!rec.points(MqttSysSource::MessagesReceivedRate).isEmpty(), Timeout);
        double peak = 0;
        for (const MetricPoint &p : rec.points(MqttSysSource::MessagesReceivedRate)) {
            QVERIFY2(p.value >= 0 && std::isfinite(p.value), qPrintable(QString::number(p.value)));
            peak = std::max(peak, p.value);
        }
        QVERIFY2(peak > 0, "the received rate never rose during a burst of 325 messages");
        // Timed by the broker's updates (1 s apart), not by the poll: no spike beyond the burst.
        qInfo("peak received rate %.1f msg/s", peak);
        QVERIFY2(peak < 1.5 * (Retained + Normal + 100), qPrintable(QString::number(peak)));
        // The received counter never goes down while the broker runs.
        const QList<MetricPoint> totals = rec.points(MqttSysSource::MessagesReceivedTotal);
        for (qsizetype i = 1; i < totals.size(); ++i)
            QVERIFY(totals[i].value >= totals[i - 1].value);
        for (const MetricPoint &p : rec.points(MqttSysSource::MessagesSentRate))
            QVERIFY(p.value >= 0);

        // A restarted broker: the source says so while it is down, and after the restart the
        // counters start again from zero without a negative rate.
        QVERIFY(m_broker->isRunning());
        m_broker->stop();
        QTRY_COMPARE_WITH_TIMEOUT(source.state(), MetricSource::State::Failing, Timeout);
        QVERIFY2(source.stateReason().contains(u"not connected"_s), qPrintable(source.stateReason()));
        QString error;
        QVERIFY2(m_broker->start(&error), qPrintable(error));
        rec.clear();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), MqttConnection::State::Connected, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(source.state(), MetricSource::State::Ok, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(rec.points(MqttSysSource::MessagesReceivedRate).size() >= 3, Timeout);
        for (const MetricPoint &p : rec.points(MqttSysSource::MessagesReceivedRate))
            QVERIFY2(p.value >= 0 && std::isfinite(p.value), qPrintable(QString::number(p.value)));
        QVERIFY(rec.lastOr(MqttSysSource::MessagesReceivedTotal, 1e18) < received0 + Retained + Normal);

        source.stop();
        QCOMPARE(source.state(), MetricSource::State::Idle);
        connection.close();
    }
};

QTEST_GUILESS_MAIN(TestMqttSysSource)
#include "tst_mqttsyssource.moc"
