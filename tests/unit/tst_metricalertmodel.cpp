#include "models/MetricAlertModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tideline;

namespace {

MetricAlert alertAt(qint64 firedMs, double threshold = 1000)
{
    MetricAlert a;
    a.key = {u"rabbitmq http://127.0.0.1:15672"_s, u"rabbitmq_queue_messages"_s, {{u"queue"_s, u"orders"_s}}};
    a.chart = u"orders on /"_s;
    a.series = u"Depth"_s;
    a.threshold = threshold;
    a.durationMs = 60'000;
    a.aboveSinceMs = firedMs - 60'000;
    a.firedMs = firedMs;
    a.peak = threshold + 1;
    return a;
}

} // namespace

class TestMetricAlertModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void fireAndClear();
    void bounded();
    void texts();
};

void TestMetricAlertModel::fireAndClear()
{
    MetricAlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy active(&model, &MetricAlertModel::activeCountChanged);

    const quint64 first = model.fire(alertAt(1000));
    const quint64 second = model.fire(alertAt(2000));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.activeCount(), 2);
    QCOMPARE(active.count(), 2);
    // Newest first.
    QCOMPARE(model.index(0, 0).data(MetricAlertModel::IdRole).toULongLong(), second);
    QCOMPARE(model.index(1, 0).data(MetricAlertModel::FiredRole).toLongLong(), 1000);

    model.updatePeak(first, 5000);
    QCOMPARE(model.alert(first)->peak, 5000.0);
    model.updatePeak(first, 10); // lower: ignored
    QCOMPARE(model.alert(first)->peak, 5000.0);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.clear(first, 3000);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.activeCount(), 1);
    QCOMPARE(active.constLast().constFirst().toInt(), 1);
    QVERIFY(!model.index(1, 0).data(MetricAlertModel::ActiveRole).toBool());
    model.clear(first, 4000); // already cleared
    QCOMPARE(model.alert(first)->clearedMs, std::optional<qint64>(3000));
    model.clear(12345, 1); // unknown
    QCOMPARE(changed.count(), 1);

    model.removeAll();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.activeCount(), 0);
}

void TestMetricAlertModel::bounded()
{
    MetricAlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint64 keep = model.fire(alertAt(1)); // stays active: survives the trimming
    for (int i = 0; i < MetricAlertModel::MaxAlerts + 20; ++i) {
        const quint64 id = model.fire(alertAt(10 + i));
        model.clear(id, 20 + i);
    }
    QCOMPARE(model.rowCount(), MetricAlertModel::MaxAlerts);
    QVERIFY(model.alert(keep));
    QCOMPARE(model.activeCount(), 1);
}

void TestMetricAlertModel::texts()
{
    MetricAlertModel model;
    MetricAlert a = alertAt(1'700'000'000'000, 1000);
    a.peak = 1532;
    const quint64 id = model.fire(a);
    QCOMPARE(model.index(0, MetricAlertModel::ConditionColumn).data().toString(), u"> 1000 for 1 min"_s);
    QCOMPARE(model.index(0, MetricAlertModel::PeakColumn).data().toString(), u"1532"_s);
    QCOMPARE(model.index(0, MetricAlertModel::SeriesColumn).data().toString(), u"orders on / · Depth"_s);
    QCOMPARE(model.index(0, MetricAlertModel::StateColumn).data().toString(), u"active"_s);
    QCOMPARE(MetricAlertModel::describe(*model.alert(id)), u"Depth of orders on / above 1000 for 1 min (peak 1532)"_s);
    QCOMPARE(model.headerData(MetricAlertModel::PeakColumn, Qt::Horizontal).toString(), u"Peak"_s);
    model.clear(id, 1'700'000'100'000);
    QVERIFY(model.index(0, MetricAlertModel::StateColumn).data().toString().startsWith(u"cleared at "_s));
}

QTEST_GUILESS_MAIN(TestMetricAlertModel)
#include "tst_metricalertmodel.moc"
