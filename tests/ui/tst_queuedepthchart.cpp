#include "QueueDepthChart.h"
#include "StateStyle.h"
#include "core/TimeSeries.h"
#include "models/MetricAlertModel.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSignalSpy>
#include <QToolButton>
#include <QValueAxis>
#include <QWheelEvent>
#include <QtTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace tideline;

namespace {

constexpr qint64 Now = Q_INT64_C(1'700'000'000'000);
constexpr qint64 S = 1000;

MetricSeriesKey key(const QString &name)
{
    return {u"rabbitmq http://127.0.0.1:15672"_s, name, {{u"queue"_s, u"orders"_s}, {u"vhost"_s, u"/"_s}}};
}

const MetricSeriesKey Depth = key(u"rabbitmq_queue_messages"_s);
const MetricSeriesKey Ready = key(u"rabbitmq_queue_messages_ready"_s);
const MetricSeriesKey In = key(u"rabbitmq_queue_publish_rate"_s);
const MetricSeriesKey Out = key(u"rabbitmq_queue_deliver_get_rate"_s);

// A chart on screen (offscreen platform) with depth, ready and the two rates, at a fixed clock.
struct Fixture
{
    TimeSeriesStore store{TimeSeriesStore::Limits{2'000'000, 0}};
    qint64 now = Now;
    QueueDepthChart chart{&store};

    Fixture()
    {
        chart.setClock([this] { return now; });
        chart.setTitle(u"orders on /"_s);
        chart.addSeries({Depth, u"Depth"_s, ChartSeriesSpec::Role::Depth, QueueDepthChart::LeftAxis});
        chart.addSeries({Ready, u"Ready"_s, ChartSeriesSpec::Role::Ready, QueueDepthChart::LeftAxis});
        chart.addSeries({In, u"In (msg/s)"_s, ChartSeriesSpec::Role::InRate, QueueDepthChart::RightAxis});
        chart.addSeries({Out, u"Out (msg/s)"_s, ChartSeriesSpec::Role::OutRate, QueueDepthChart::RightAxis});
        chart.resize(1100, 520);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QCoreApplication::processEvents();
    }

    void feed(const MetricSeriesKey &k, qint64 from, qint64 to, qint64 step, const std::function<double(qint64)> &f)
    {
        QList<MetricPoint> points;
        for (qint64 t = from; t <= to; t += step)
            points.append({t, f(t)});
        store.insert(k, points);
    }

    double maxY(QLineSeries *s) const
    {
        double m = -1e300;
        for (const QPointF &p : s->points())
            m = std::max(m, p.y());
        return m;
    }
};

// Pixels of `image` within `rect` close to `color`.
int pixelsLike(const QImage &image, const QRect &rect, const QColor &color)
{
    int n = 0;
    for (int y = std::max(0, rect.top()); y <= std::min(image.height() - 1, rect.bottom()); ++y) {
        for (int x = std::max(0, rect.left()); x <= std::min(image.width() - 1, rect.right()); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) + std::abs(c.green() - color.green()) + std::abs(c.blue() - color.blue()) < 60)
                ++n;
        }
    }
    return n;
}

} // namespace

class TestQueueDepthChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void downsamplesToThePixelWidth();
    void skipsWorkWhenNothingChanged();
    void windowSwitching();
    void legendToggleHidesSeries();
    void failingSourceIsShown();
    void thresholdAlertFiresAfterDuration();
    void drainEstimate();
    void zoomPanAndReset();
    void wheelAndDrag();
    void hoverShowsExactValues();
    void pauseFreezesThePicture();
    void markers();
    void extraAxisAndSteps();
    void saveAndRestoreState();
    void thresholdDialog();
};

void TestQueueDepthChart::downsamplesToThePixelWidth()
{
    Fixture f;
    // 100 000 points in the last 5 minutes (one every 3 ms), one spike.
    f.feed(Depth, Now - 300 * S, Now, 3, [](qint64 t) { return (t / 3) % 1000 == 500 && t / 3000 == Now / 3000 - 50 ? 90'000.0 : double(t % 997); });
    f.chart.refresh();
    const int width = f.chart.plotWidth();
    QVERIFY(width > 500);
    QLineSeries *depth = f.chart.lineSeries(Depth);
    QVERIFY(depth);
    const qsizetype drawn = depth->count();
    QVERIFY2(drawn <= 2 * width + 6, qPrintable(u"%1 points for %2 px"_s.arg(drawn).arg(width)));
    QVERIFY2(drawn >= width, qPrintable(u"%1 points for %2 px"_s.arg(drawn).arg(width)));
    QCOMPARE(f.maxY(depth), 90'000.0); // the spike survives
    // The axis follows the data, with a little air above.
    QValueAxis *left = f.chart.valueAxis(QueueDepthChart::LeftAxis);
    QVERIFY(left->max() >= 90'000.0);
    QVERIFY(left->max() <= 200'000.0);
    QCOMPARE(left->min(), 0.0);
    QCOMPARE(f.chart.drawnPointCount(), drawn); // the others have no data
}

void TestQueueDepthChart::skipsWorkWhenNothingChanged()
{
    Fixture f;
    f.feed(Depth, Now - 300 * S, Now, S, [](qint64) { return 5.0; });
    f.chart.refresh();
    QSignalSpy replaced(f.chart.lineSeries(Depth), &QXYSeries::pointsReplaced);
    f.chart.refresh();
    QCOMPARE(replaced.count(), 0);
    f.store.append(MetricSample{Depth, {Now + 1, 6.0}});
    f.chart.refresh();
    QCOMPARE(replaced.count(), 1);
}

void TestQueueDepthChart::windowSwitching()
{
    Fixture f;
    f.feed(Depth, Now - 24 * 3600 * S, Now, 10 * S, [](qint64 t) { return double((t / 1000) % 5000); });
    QSignalSpy windows(&f.chart, &QueueDepthChart::windowChanged);

    f.chart.setWindowMs(QueueDepthChart::Window5Min);
    auto *timeAxis = qobject_cast<QDateTimeAxis *>(f.chart.chart()->axes(Qt::Horizontal).constFirst());
    QVERIFY(timeAxis);
    QCOMPARE(timeAxis->min().toMSecsSinceEpoch(), Now - 300 * S);
    QCOMPARE(timeAxis->max().toMSecsSinceEpoch(), Now);
    const qsizetype fiveMinutes = f.chart.lineSeries(Depth)->count();
    QVERIFY2(fiveMinutes >= 30 && fiveMinutes <= 33, qPrintable(QString::number(fiveMinutes))); // 31 points + a neighbour
    QCOMPARE(f.chart.windowCombo()->currentIndex(), 0);

    // Through the combo box, as a click would.
    Q_EMIT f.chart.windowCombo()->activated(2);
    QCOMPARE(f.chart.windowMs(), QueueDepthChart::Window24Hours);
    QCOMPARE(timeAxis->min().toMSecsSinceEpoch(), Now - 24 * 3600 * S);
    const qsizetype day = f.chart.lineSeries(Depth)->count();
    QVERIFY2(day <= 2 * f.chart.plotWidth() + 6, qPrintable(QString::number(day)));
    QVERIFY(day > fiveMinutes);
    QCOMPARE(windows.count(), 1);

    Q_EMIT f.chart.windowCombo()->activated(1);
    QCOMPARE(f.chart.windowMs(), QueueDepthChart::Window1Hour);
    QCOMPARE(timeAxis->format(), u"HH:mm"_s);

    // A custom window gets its own entry.
    f.chart.setWindowMs(2 * 3600 * S);
    QCOMPARE(f.chart.windowCombo()->currentText(), u"Last 2 h"_s);
    QCOMPARE(f.chart.windowCombo()->count(), 5);
    f.chart.setWindowMs(3 * 3600 * S);
    QCOMPARE(f.chart.windowCombo()->count(), 5);
    QCOMPARE(f.chart.windowCombo()->currentText(), u"Last 3 h"_s);
}

void TestQueueDepthChart::legendToggleHidesSeries()
{
    Fixture f;
    f.feed(Depth, Now - 300 * S, Now, S, [](qint64) { return 10.0; });
    f.feed(Ready, Now - 300 * S, Now, S, [](qint64) { return 7.0; });
    f.chart.refresh();
    QLineSeries *ready = f.chart.lineSeries(Ready);
    const QList<QLegendMarker *> markers = f.chart.chart()->legend()->markers(ready);
    QCOMPARE(markers.size(), 1);
    QSignalSpy config(&f.chart, &QueueDepthChart::configChanged);

    Q_EMIT markers.constFirst()->clicked();
    QVERIFY(!ready->isVisible());
    QVERIFY(!f.chart.isSeriesVisible(Ready));
    QVERIFY(markers.constFirst()->isVisible()); // still there to click back
    QCOMPARE(f.chart.drawnPointCount(), f.chart.lineSeries(Depth)->count());
    QCOMPARE(config.count(), 1);

    Q_EMIT markers.constFirst()->clicked();
    QVERIFY(ready->isVisible());
    QVERIFY(ready->count() > 0);
}

void TestQueueDepthChart::failingSourceIsShown()
{
    Fixture f;
    f.feed(Depth, Now - 300 * S, Now, S, [](qint64) { return 10.0; });
    f.chart.refresh();
    QVERIFY(f.chart.stateLines().isEmpty());
    const QString id = u"rabbitmq http://127.0.0.1:15672"_s;
    f.chart.setSourceState(id, MetricSource::State::Failing,
                           u"401 Unauthorized: check the user name and password"_s);
    QCOMPARE(f.chart.stateLines(),
             QStringList{u"rabbitmq http://127.0.0.1:15672: 401 Unauthorized: check the user name and password"_s});

    // It is on the picture, in the failure colour, at the top left of the plot.
    f.chart.refresh();
    const QImage image = f.chart.chartView()->grab().toImage();
    const QRectF plot = f.chart.chart()->plotArea();
    const QRect topLeft = QRectF(plot.left(), plot.top(), plot.width() / 2, 40).toRect();
    const QColor failure = ui::stateTextColor(MqttConnection::State::Failed, f.chart.palette());
    QVERIFY2(pixelsLike(image, topLeft, failure) > 100, "no text in the failure colour");

    f.chart.setSourceState(id, MetricSource::State::Ok, {});
    QVERIFY(f.chart.stateLines().isEmpty());
    f.chart.refresh();
    const QImage healthy = f.chart.chartView()->grab().toImage();
    QVERIFY(pixelsLike(healthy, topLeft, failure) < 20);
}

void TestQueueDepthChart::thresholdAlertFiresAfterDuration()
{
    Fixture f;
    MetricAlertModel alerts;
    f.chart.setAlertModel(&alerts);
    QSignalSpy fired(&f.chart, &QueueDepthChart::alertFired);
    QSignalSpy cleared(&f.chart, &QueueDepthChart::alertCleared);
    // Below the threshold for a minute.
    f.now = Now - 60 * S;
    f.feed(Depth, Now - 120 * S, f.now, 5 * S, [](qint64) { return 50.0; });
    f.chart.setThreshold({Depth, 100.0, 30 * S});
    QCOMPARE(fired.count(), 0);

    // Above from Now - 55 s on, a point every 5 s: fires when 30 s have passed, not before.
    for (qint64 t = Now - 55 * S; t <= Now; t += 5 * S) {
        f.now = t;
        f.store.append(MetricSample{Depth, {t, 150.0 + double(t - (Now - 55 * S)) / 1000.0}});
        f.chart.refresh();
        const bool due = t - (Now - 55 * S) >= 30 * S;
        QCOMPARE(fired.count(), due ? 1 : 0);
    }
    QCOMPARE(alerts.rowCount(), 1);
    QCOMPARE(alerts.activeCount(), 1);
    QCOMPARE(f.chart.activeAlertCount(), 1);
    const auto alert = fired.constFirst().constFirst().value<MetricAlert>();
    QCOMPARE(alert.firedMs, Now - 25 * S);
    QCOMPARE(alert.aboveSinceMs, Now - 55 * S);
    QCOMPARE(alert.series, u"Depth"_s);
    QCOMPARE(alert.chart, u"orders on /"_s);
    QCOMPARE(alerts.alerts().constFirst().peak, 205.0); // kept up to date while active

    // The stretch above is marked on the chart (overlay state).
    QVERIFY(f.chart.thresholds().size() == 1);

    // Back below: cleared.
    f.now = Now + 5 * S;
    f.store.append(MetricSample{Depth, {f.now, 20.0}});
    f.chart.refresh();
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(alerts.activeCount(), 0);
    QCOMPARE(f.chart.activeAlertCount(), 0);

    // Paused charts still alert.
    f.chart.setPaused(true);
    for (int i = 1; i <= 8; ++i) {
        f.now = Now + 5 * S + i * 5 * S;
        f.store.append(MetricSample{Depth, {f.now, 500.0}});
        f.chart.refresh();
    }
    QCOMPARE(fired.count(), 2);
}

void TestQueueDepthChart::drainEstimate()
{
    Fixture f;
    // Draining 10 msg/s over the last minute: 1000 -> 400.
    f.feed(Depth, Now - 60 * S, Now, S, [](qint64 t) { return 1000.0 - 10.0 * double(t - (Now - 60 * S)) / 1000.0; });
    f.chart.refresh();
    QCOMPARE(f.chart.depthLabel()->text(), u"400"_s);
    QCOMPARE(f.chart.growthLabel()->text(), u"−10 msg/s"_s);
    QCOMPARE(f.chart.drainLabel()->text(), u"40 s"_s);

    // With the broker's rates: 5 in, 25 out -> 20/s net -> 20 s.
    f.store.append(MetricSample{In, {Now, 5.0}});
    f.store.append(MetricSample{Out, {Now, 25.0}});
    f.chart.refresh();
    QCOMPARE(f.chart.drainLabel()->text(), u"20 s"_s);
    QCOMPARE(f.chart.drainEstimate().kind, QueueStats::DrainEstimate::Kind::Draining);

    // Publishers faster than consumers.
    f.store.append(MetricSample{In, {Now, 30.0}});
    f.chart.refresh();
    QCOMPARE(f.chart.drainLabel()->text(), u"never at this rate"_s);

    // Rates older than the rate window no longer count: back to the slope.
    f.now = Now + 120 * S;
    f.chart.refresh();
    QCOMPARE(f.chart.growthLabel()->text(), u"–"_s); // no depth points in the last minute
    QCOMPARE(f.chart.drainLabel()->text(), u"–"_s);

    // An empty queue.
    f.store.append(MetricSample{Depth, {f.now, 0.0}});
    f.chart.refresh();
    QCOMPARE(f.chart.drainLabel()->text(), u"empty"_s);
}

void TestQueueDepthChart::zoomPanAndReset()
{
    Fixture f;
    f.feed(Depth, Now - 3600 * S, Now, S, [](qint64 t) { return double(t % 100); });
    f.chart.setWindowMs(QueueDepthChart::Window1Hour);
    QVERIFY(f.chart.isLive());
    QVERIFY(!f.chart.resetButton()->isEnabled());

    f.chart.zoom(0.5, Now - 1800 * S);
    QVERIFY(!f.chart.isLive());
    QVERIFY(f.chart.resetButton()->isEnabled());
    auto [from, to] = f.chart.viewRange();
    QCOMPARE(from, Now - 2700 * S);
    QCOMPARE(to, Now - 900 * S);
    const qsizetype zoomed = f.chart.lineSeries(Depth)->count();
    QVERIFY(zoomed <= 2 * f.chart.plotWidth() + 6);

    f.chart.pan(-600 * S);
    std::tie(from, to) = f.chart.viewRange();
    QCOMPARE(from, Now - 3300 * S);
    // The view stays put while time passes.
    f.now += 60 * S;
    f.chart.refresh();
    QCOMPARE(f.chart.viewRange().first, Now - 3300 * S);

    // Not narrower than the minimum span.
    f.chart.zoom(0.0001, Now - 3000 * S);
    std::tie(from, to) = f.chart.viewRange();
    QCOMPARE(to - from, QueueDepthChart::MinimumSpanMs);

    f.chart.resetButton()->click();
    QVERIFY(f.chart.isLive());
    QCOMPARE(f.chart.viewRange(), std::make_pair(f.now - 3600 * S, f.now));
}

void TestQueueDepthChart::wheelAndDrag()
{
    Fixture f;
    f.feed(Depth, Now - 300 * S, Now, S, [](qint64 t) { return double(t % 50); });
    f.chart.refresh();
    QWidget *viewport = f.chart.chartView()->viewport();
    const QRectF plot = f.chart.chart()->plotArea();
    const QPoint centre = f.chart.chartView()->mapFromScene(plot.center());

    QWheelEvent wheel(centre, viewport->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &wheel);
    QVERIFY(!f.chart.isLive());
    auto [from, to] = f.chart.viewRange();
    QVERIFY2(std::abs((to - from) - qint64(300 * S * 0.8)) < 2000, qPrintable(QString::number(to - from)));

    // Drag to the right by a quarter of the plot: the view moves back in time by a quarter.
    const auto before = f.chart.viewRange();
    const int quarter = int(plot.width() / 4);
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, centre);
    QTest::mouseMove(viewport, centre + QPoint(quarter, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, centre + QPoint(quarter, 0));
    const auto after = f.chart.viewRange();
    const qint64 expected = qint64(double(quarter) * double(before.second - before.first) / plot.width());
    QVERIFY2(std::abs((before.first - after.first) - expected) < 2000,
             qPrintable(u"moved %1 ms, expected %2"_s.arg(before.first - after.first).arg(expected)));

    QTest::mouseDClick(viewport, Qt::LeftButton, Qt::NoModifier, centre);
    QVERIFY(f.chart.isLive());
}

void TestQueueDepthChart::hoverShowsExactValues()
{
    Fixture f;
    f.feed(Depth, Now - 300 * S, Now, S, [](qint64 t) { return double((t - (Now - 300 * S)) / 1000); });
    f.chart.refresh();
    const QString text = f.chart.hoverText(Now - 100 * S + 200); // nearest point: Now - 100 s, value 200
    QVERIFY2(text.contains(u"Depth: 200 at "_s), qPrintable(text));
    QVERIFY(!text.contains(u"Ready"_s)); // no data there

    QWidget *viewport = f.chart.chartView()->viewport();
    const QPoint centre = f.chart.chartView()->mapFromScene(f.chart.chart()->plotArea().center());
    // Straight to the viewport: QTest::mouseMove goes through the window system, which may
    // route it elsewhere after earlier tests left windows and the cursor behind.
    QMouseEvent move(QEvent::MouseMove, QPointF(centre), QPointF(viewport->mapToGlobal(centre)), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QVERIFY2(f.chart.lastHoverText().contains(u"Depth: "_s), qPrintable(f.chart.lastHoverText()));
    QVERIFY(f.chart.lastHoverText().contains(u" at "_s));
}

void TestQueueDepthChart::pauseFreezesThePicture()
{
    Fixture f;
    f.feed(Depth, Now - 300 * S, Now, S, [](qint64) { return 1.0; });
    f.chart.refresh();
    const QList<QPointF> before = f.chart.lineSeries(Depth)->points();
    f.chart.pauseButton()->click();
    QVERIFY(f.chart.isPaused());
    QCOMPARE(f.chart.pauseButton()->text(), u"Resume"_s);
    f.now += 10 * S;
    f.feed(Depth, Now + S, Now + 10 * S, S, [](qint64) { return 99.0; });
    f.chart.refresh();
    QCOMPARE(f.chart.lineSeries(Depth)->points(), before);
    f.chart.pauseButton()->click();
    QVERIFY(!f.chart.isPaused());
    QCOMPARE(f.maxY(f.chart.lineSeries(Depth)), 99.0);
}

void TestQueueDepthChart::markers()
{
    Fixture f;
    TimelineEvent e;
    e.timestampMs = Now - 60 * S;
    e.kind = u"Deployment"_s;
    e.ns = u"shop"_s;
    e.name = u"worker"_s;
    e.reason = u"ScalingReplicaSet"_s;
    e.message = u"Scaled up replica set worker-5d4f to 5"_s;
    e.fromReplicas = 2;
    e.toReplicas = 5;
    f.chart.addTimelineEvent(e);
    TimelineEvent warning = e;
    warning.timestampMs = Now - 120 * S;
    warning.fromReplicas.reset();
    warning.toReplicas.reset();
    warning.type = u"Warning"_s;
    warning.reason = u"FailedGetExternalMetric"_s;
    f.chart.addTimelineEvent(warning);
    QCOMPARE(f.chart.markers().size(), 2);
    QCOMPARE(f.chart.markers().at(0).label, u"FailedGetExternalMetric"_s); // in time order
    QCOMPARE(f.chart.markers().at(1).label, u"worker 2→5"_s);
    QVERIFY(f.chart.hoverText(Now - 60 * S).contains(u"Scaled up replica set worker-5d4f to 5"_s));
    f.chart.refresh();
    f.chart.clearMarkers();
    QVERIFY(f.chart.markers().isEmpty());
}

void TestQueueDepthChart::extraAxisAndSteps()
{
    // What the Kubernetes panel will add: replicas on their own axis, drawn as steps.
    Fixture f;
    const int replicasAxis = f.chart.addValueAxis(u"replicas"_s);
    QVERIFY(replicasAxis > QueueDepthChart::RightAxis);
    const MetricSeriesKey replicas{u"kube kind-tideline"_s, u"kube_deployment_replicas"_s, {{u"deployment"_s, u"worker"_s}}};
    ChartSeriesSpec spec{replicas, u"Replicas"_s, ChartSeriesSpec::Role::Replicas, replicasAxis};
    spec.step = true;
    f.chart.addSeries(spec);
    f.store.insert(replicas, {{Now - 200 * S, 2}, {Now - 100 * S, 5}, {Now - 50 * S, 3}});
    f.chart.refresh();
    const QList<QPointF> points = f.chart.lineSeries(replicas)->points();
    QCOMPARE(points.size(), 5); // 3 points + 2 step corners
    QCOMPARE(points.at(1), QPointF(double(Now - 100 * S), 2.0));
    QCOMPARE(points.at(2), QPointF(double(Now - 100 * S), 5.0));
    QVERIFY(f.chart.valueAxis(replicasAxis)->isVisible());
    QVERIFY(f.chart.valueAxis(replicasAxis)->max() >= 5.0);
}

void TestQueueDepthChart::saveAndRestoreState()
{
    Fixture f;
    f.chart.setWindowMs(QueueDepthChart::Window1Hour);
    f.chart.setSeriesVisible(Ready, false);
    f.chart.setThreshold({Depth, 1000.0, 60 * S});
    const int extra = f.chart.addValueAxis(u"replicas"_s);
    ChartSeriesSpec replicas(key(u"replicas"_s), u"Replicas"_s, ChartSeriesSpec::Role::Replicas, extra);
    replicas.color = QColor(0x12, 0x34, 0x56);
    replicas.step = true;
    f.chart.addSeries(replicas);
    const QJsonObject state = f.chart.saveState();

    TimeSeriesStore store;
    QueueDepthChart restored(&store);
    restored.restoreState(state);
    QCOMPARE(restored.title(), u"orders on /"_s);
    QCOMPARE(restored.windowMs(), QueueDepthChart::Window1Hour);
    QCOMPARE(restored.seriesSpecs().size(), 5);
    QVERIFY(!restored.isSeriesVisible(Ready));
    QVERIFY(restored.isSeriesVisible(Depth));
    QCOMPARE(restored.thresholds().size(), 1);
    QCOMPARE(restored.thresholds().constFirst().above, 1000.0);
    QCOMPARE(restored.thresholds().constFirst().forMs, 60 * S);
    const ChartSeriesSpec r = restored.seriesSpecs().constLast();
    QCOMPARE(r.role, ChartSeriesSpec::Role::Replicas);
    QVERIFY(r.step);
    QCOMPARE(r.color, QColor(0x12, 0x34, 0x56));
    QCOMPARE(restored.valueAxis(r.axis)->titleText(), u"replicas"_s);
    QCOMPARE(restored.seriesSpecs().at(2).role, ChartSeriesSpec::Role::InRate);
    QCOMPARE(restored.seriesSpecs().at(2).axis, int(QueueDepthChart::RightAxis));
    QCOMPARE(restored.saveState(), state);
}

void TestQueueDepthChart::thresholdDialog()
{
    Fixture f;
    // exec() blocks: answer the dialog once it is up.
    bool answered = false;
    QTimer::singleShot(0, &f.chart, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->findChild<QComboBox *>(u"thresholdSeries"_s)->setCurrentIndex(1); // Ready
        auto *above = dialog->findChild<QDoubleSpinBox *>(u"thresholdAbove"_s);
        above->clear();
        QTest::keyClicks(above, u"250"_s);
        dialog->findChild<QSpinBox *>(u"thresholdFor"_s)->setValue(45);
        answered = true;
        dialog->accept();
    });
    QTest::mouseClick(f.chart.alertButton(), Qt::LeftButton);
    QVERIFY(answered);
    QCOMPARE(f.chart.thresholds().size(), 1);
    QCOMPARE(f.chart.thresholds().constFirst().key, Ready);
    QCOMPARE(f.chart.thresholds().constFirst().above, 250.0);
    QCOMPARE(f.chart.thresholds().constFirst().forMs, 45 * S);

    // Again, to remove it: the dialog shows what is set.
    QTimer::singleShot(0, &f.chart, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *series = dialog->findChild<QComboBox *>(u"thresholdSeries"_s);
        series->setCurrentIndex(1);
        QCOMPARE(dialog->findChild<QDoubleSpinBox *>(u"thresholdAbove"_s)->value(), 250.0);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"thresholdRemove"_s), Qt::LeftButton);
    });
    QTest::mouseClick(f.chart.alertButton(), Qt::LeftButton);
    QVERIFY(f.chart.thresholds().isEmpty());
}

QTEST_MAIN(TestQueueDepthChart)
#include "tst_queuedepthchart.moc"
