#include "demo/SurgeProfile.h"

#include <QTest>

using namespace Qt::StringLiterals;
using tideline::demo::SurgeProfile;

class TestSurgeProfile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesAndRoundTrips()
    {
        const auto p = SurgeProfile::fromJson(SurgeProfile::launchDay().toJson());
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
        QCOMPARE(p.value().phases.size(), 3);
        QCOMPARE(p.value().processingMs, 400);
        QCOMPARE(p.value().phases.at(1).name, u"surge"_s);
        QCOMPARE(p.value().phases.at(1).rampSeconds, 15.0);
        QCOMPARE(p.value().cycleSeconds(), 380.0);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{phases") << u"not valid JSON"_s;
        QTest::newRow("array") << QByteArray("[]") << u"must be a JSON object"_s;
        QTest::newRow("no phases") << QByteArray("{}") << u"at least one phase"_s;
        QTest::newRow("zero seconds") << QByteArray("{\"phases\":[{\"seconds\":0,\"ordersPerSecond\":1}]}")
                                      << u"Phase 1: \"seconds\""_s;
        QTest::newRow("negative rate") << QByteArray("{\"phases\":[{\"seconds\":5,\"ordersPerSecond\":-1}]}")
                                       << u"\"ordersPerSecond\""_s;
        QTest::newRow("ramp too long")
            << QByteArray("{\"phases\":[{\"seconds\":5,\"ordersPerSecond\":1,\"rampSeconds\":6}]}")
            << u"\"rampSeconds\""_s;
        QTest::newRow("processing") << QByteArray("{\"processingMs\":0,\"phases\":[{\"seconds\":5,\"ordersPerSecond\":1}]}")
                                    << u"processingMs"_s;
    }
    void rejects()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto p = SurgeProfile::fromJson(json);
        QVERIFY(!p.ok());
        QVERIFY2(p.error().message.contains(expected), qPrintable(p.error().message));
    }

    void rateFollowsPhasesAndRamps_data()
    {
        QTest::addColumn<double>("t");
        QTest::addColumn<double>("rate");
        QTest::addColumn<QString>("phase");
        // calm 40 s at 4; surge 100 s at 24 ramping over 15 s; calm 240 s at 4 ramping over 10 s
        QTest::newRow("start") << 0.0 << 4.0 << u"calm"_s;
        QTest::newRow("end of calm") << 39.9 << 4.0 << u"calm"_s;
        QTest::newRow("surge start") << 40.0 << 4.0 << u"surge"_s;
        QTest::newRow("mid ramp") << 47.5 << 14.0 << u"surge"_s;
        QTest::newRow("full surge") << 60.0 << 24.0 << u"surge"_s;
        QTest::newRow("ramp down half") << 145.0 << 14.0 << u"calm"_s;
        QTest::newRow("late calm") << 300.0 << 4.0 << u"calm"_s;
        QTest::newRow("next cycle") << 380.0 + 60.0 << 24.0 << u"surge"_s;
    }
    void rateFollowsPhasesAndRamps()
    {
        QFETCH(double, t);
        QFETCH(double, rate);
        QFETCH(QString, phase);
        const SurgeProfile p = SurgeProfile::launchDay();
        QVERIFY2(qAbs(p.rateAt(t) - rate) < 1e-9, qPrintable(QString::number(p.rateAt(t))));
        QCOMPARE(p.phaseAt(t), phase);
    }

    void ordersIntegrateTheRate()
    {
        const SurgeProfile p = SurgeProfile::launchDay();
        QCOMPARE(p.ordersUntil(0), 0.0);
        QCOMPARE(p.ordersUntil(10), 40.0);
        // calm 160 + ramp (4+24)/2*15 = 210 + 85 s at 24 = 2040
        QCOMPARE(p.ordersUntil(140), 160.0 + 210.0 + 2040.0);
        // A numeric integral agrees, across a cycle boundary too.
        double sum = 0;
        const double dt = 0.01;
        for (double t = 0; t < 500; t += dt)
            sum += p.rateAt(t + dt / 2) * dt;
        QVERIFY2(qAbs(sum - p.ordersUntil(500)) < 1.0, qPrintable(QString::number(sum)));
    }

    void scaledCompressesTime()
    {
        const SurgeProfile p = SurgeProfile::launchDay().scaled(10);
        QCOMPARE(p.cycleSeconds(), 38.0);
        QCOMPARE(p.rateAt(6.0), 24.0);
        QCOMPARE(p.phaseAt(5.0), u"surge"_s);
    }

    void missingFileSaysWhich()
    {
        const auto p = SurgeProfile::load(u"/nonexistent/surge.json"_s);
        QVERIFY(!p.ok());
        QVERIFY(p.error().message.contains(u"/nonexistent/surge.json"_s));
    }
};

QTEST_GUILESS_MAIN(TestSurgeProfile)
#include "tst_surgeprofile.moc"
