#include "BenchChartCommand.h"

#include "CliSupport.h"
#include "QueueDepthChart.h"
#include "core/TimeSeries.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

using namespace Qt::StringLiterals;

namespace tideline::cli {

namespace {

constexpr qint64 Day = 24LL * 3600 * 1000;

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const double rank = p * double(values.size() - 1);
    const size_t lo = size_t(std::floor(rank));
    const size_t hi = std::min(values.size() - 1, lo + 1);
    return values[lo] + (values[hi] - values[lo]) * (rank - double(lo));
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// A day of a busy queue: a slow tide, bursts that build up and drain, noise and a few
// one-sample spikes, so the min/max buckets have real work to do.
QList<MetricPoint> syntheticDepth(qint64 points, qint64 start, qint64 step, quint32 seed)
{
    QRandomGenerator rng(seed);
    QList<MetricPoint> out;
    out.reserve(points);
    double burst = 0;
    for (qint64 i = 0; i < points; ++i) {
        const double t = double(i) / double(points);
        if (rng.bounded(10000) == 0)
            burst += rng.bounded(5000.0);
        burst *= 0.9995;
        double v = 2000 + 1500 * std::sin(t * 6.283 * 3) + burst + rng.bounded(200.0);
        if (rng.bounded(100000) == 0)
            v += 20000;
        out.append({start + i * step, std::max(0.0, v)});
    }
    return out;
}

} // namespace

BenchChartCommand::BenchChartCommand()
    : m_points(u"points"_s, tr("Points in the series. Default: 1000000."), tr("N"), u"1000000"_s)
    , m_frames(u"frames"_s, tr("Redraws to measure. Default: 200."), tr("N"), u"200"_s)
    , m_width(u"width"_s, tr("Chart width in pixels. Default: 1280."), tr("PX"), u"1280"_s)
    , m_height(u"height"_s, tr("Chart height in pixels. Default: 720."), tr("PX"), u"720"_s)
    , m_series(u"series"_s, tr("Series on the chart, each with N points (1 to 5). Default: 1."), tr("K"), u"1"_s)
    , m_noAntialiasing(u"no-antialiasing"_s, tr("Draw without antialiasing (to see what it costs)."))
{
}

QString BenchChartCommand::name() const
{
    return u"bench chart"_s;
}

QString BenchChartCommand::summary() const
{
    return tr("Measure the queue-depth chart's redraw with a large series");
}

QString BenchChartCommand::synopsis() const
{
    return tr("bench chart [--points N] [--frames N] [--width PX] [--height PX] [--series K]");
}

QString BenchChartCommand::details() const
{
    return tr("Fills the GUI's in-memory series store with N points spread over the last 24 hours, "
              "shows them in the queue-depth chart with the 24 h window, then measures redraws the "
              "way the GUI does them: a new point arrives, the visible range is downsampled to min/max "
              "per pixel, handed to QXYSeries::replace(), the layout settles and the chart view is "
              "rendered into an image (offscreen unless QT_QPA_PLATFORM is set).\n"
              "Output, one JSON line: points, series, width, height, plot_px, drawn_points, frames, "
              "fill_ms, downsample_ms (one full min/max pass over a series; the chart's cache avoids it on most "
              "redraws), and per redraw in ms: "
              "redraw_median_ms, redraw_p95_ms, redraw_max_ms, split into update_median_ms "
              "(downsample + replace + axes) and render_median_ms; the CPU time of the drawing thread "
              "per redraw (redraw_cpu_median_ms, redraw_cpu_p95_ms: what the wall clock would show on "
              "an idle machine); target_ms (16) and within_target (wall-clock p95 below it).");
}

void BenchChartCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({m_points, m_frames, m_width, m_height, m_series, m_noAntialiasing});
}

std::unique_ptr<QCoreApplication> BenchChartCommand::createApplication(int &argc, char **argv)
{
    const bool chart = argc >= 3 && std::strcmp(argv[1], "bench") == 0 && std::strcmp(argv[2], "chart") == 0;
    if (!chart)
        return std::make_unique<QCoreApplication>(argc, argv);
    // Nothing is shown: no display needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QApplication>(argc, argv);
}

int BenchChartCommand::run(const QCommandLineParser &parser)
{
    const auto points = parseInteger(parser.value(m_points), 2, 100'000'000);
    if (!points)
        return usageError(name(), tr("--points must be a whole number from 2 to 100000000."));
    const auto frames = parseInteger(parser.value(m_frames), 1, 100'000);
    if (!frames)
        return usageError(name(), tr("--frames must be a whole number from 1 to 100000."));
    const auto width = parseInteger(parser.value(m_width), 320, 8192);
    const auto height = parseInteger(parser.value(m_height), 200, 8192);
    if (!width || !height)
        return usageError(name(), tr("--width must be from 320 to 8192 and --height from 200 to 8192 pixels."));
    const auto seriesCount = parseInteger(parser.value(m_series), 1, 5);
    if (!seriesCount)
        return usageError(name(), tr("--series must be from 1 to 5."));
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return runtimeError(tr("bench chart needs a GUI application object (run it as 'tideline-cli bench chart')."));

    // The newest point is "now"; each redraw one more point arrives and the clock moves on.
    const qint64 step = std::max<qint64>(1, Day / *points);
    const qint64 now = Q_INT64_C(1'700'000'000'000);
    const qint64 start = now - step * (*points - 1);

    TimeSeriesStore store(TimeSeriesStore::Limits{*points + *frames + 10, 0});
    const ChartSeriesSpec::Role roles[] = {ChartSeriesSpec::Role::Depth, ChartSeriesSpec::Role::Ready,
                                           ChartSeriesSpec::Role::Unacked, ChartSeriesSpec::Role::InRate,
                                           ChartSeriesSpec::Role::OutRate};
    const char *names[] = {"Depth", "Ready", "Unacked", "In", "Out"};
    QList<MetricSeriesKey> keys;
    QElapsedTimer fillTimer;
    fillTimer.start();
    for (qint64 s = 0; s < *seriesCount; ++s) {
        const MetricSeriesKey key{u"bench"_s, QString::fromLatin1(names[s]), {{u"queue"_s, u"bench"_s}}};
        keys.append(key);
        store.insert(key, syntheticDepth(*points, start, step, quint32(42 + s)));
    }
    const double fillMs = msSince(fillTimer);

    qint64 clock = now;
    QueueDepthChart chart(&store);
    chart.setClock([&clock] { return clock; });
    chart.setTitle(tr("bench"));
    for (qint64 s = 0; s < *seriesCount; ++s) {
        chart.addSeries({keys.at(s), QString::fromLatin1(names[s]), roles[s],
                         s >= 3 ? int(QueueDepthChart::RightAxis) : int(QueueDepthChart::LeftAxis)});
    }
    chart.setWindowMs(QueueDepthChart::Window24Hours);
    chart.resize(int(*width), int(*height));
    if (parser.isSet(m_noAntialiasing))
        chart.chartView()->setRenderHint(QPainter::Antialiasing, false);
    chart.show();
    QCoreApplication::processEvents();

    QChartView *view = chart.chartView();
    QImage image(view->size(), QImage::Format_ARGB32_Premultiplied);
    auto render = [&] {
        image.fill(Qt::white);
        QPainter painter(&image);
        view->render(&painter);
    };

    // Downsampling alone, for reference.
    std::vector<double> downsampleMs;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const auto span = downsample::timeRange(store.pointsRef(keys.constFirst()), now - Day, now, true);
        const auto reduced = downsample::minMax(span, downsample::bucketWidth(Day, chart.plotWidth()));
        downsampleMs.push_back(msSince(t));
        if (reduced.isEmpty())
            return runtimeError(tr("downsampling produced no points"));
    }

    // Warm up: fonts, glyph caches, the first layout.
    for (int i = 0; i < 5; ++i) {
        chart.refresh();
        QCoreApplication::sendPostedEvents();
        render();
    }

    std::vector<double> redraw, update, draw, cpu;
    redraw.reserve(size_t(*frames));
    for (qint64 f = 0; f < *frames; ++f) {
        clock += step;
        for (const MetricSeriesKey &key : std::as_const(keys))
            store.append(MetricSample{key, {clock, 2000.0 + double(f % 100)}});
        const double cpuStart = threadCpuSeconds();
        QElapsedTimer t;
        t.start();
        chart.refresh();
        const double updated = msSince(t);
        QCoreApplication::sendPostedEvents(); // the layout Qt Charts asks for
        render();
        const double total = msSince(t);
        cpu.push_back((threadCpuSeconds() - cpuStart) * 1000.0);
        update.push_back(updated);
        draw.push_back(total - updated);
        redraw.push_back(total);
    }

    const double p95 = percentile(redraw, 0.95);
    constexpr double TargetMs = 16.0;
    JsonLine line;
    line.add("points", quint64(*points))
        .add("series", quint64(*seriesCount))
        .add("width", quint64(*width))
        .add("height", quint64(*height))
        .add("plot_px", quint64(chart.plotWidth()))
        .add("drawn_points", quint64(chart.drawnPointCount()))
        .add("frames", quint64(*frames))
        .add("fill_ms", fillMs, 1)
        .add("downsample_ms", percentile(downsampleMs, 0.5), 2)
        .add("redraw_median_ms", percentile(redraw, 0.5), 2)
        .add("redraw_p95_ms", p95, 2)
        .add("redraw_max_ms", *std::max_element(redraw.begin(), redraw.end()), 2)
        .add("update_median_ms", percentile(update, 0.5), 2)
        .add("render_median_ms", percentile(draw, 0.5), 2)
        .add("redraw_cpu_median_ms", percentile(cpu, 0.5), 2)
        .add("redraw_cpu_p95_ms", percentile(cpu, 0.95), 2)
        .add("target_ms", TargetMs, 0)
        .add("within_target", p95 < TargetMs);
    writeStdout(line.toLine(), true);
    return ExitOk;
}

} // namespace tideline::cli
