#pragma once

#include "core/QueueStats.h"
#include "core/TimeSeries.h"
#include "core/TimelineEvent.h"
#include "metrics/MetricSource.h"
#include "metrics/MetricTypes.h"
#include "models/MetricAlertModel.h"

#include <QColor>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QAbstractAxis;
class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QToolButton;
class QValueAxis;

namespace tideline {

class QueueChartOverlay;
class QueueChartView;

// One line of a QueueDepthChart.
struct ChartSeriesSpec
{
    // What a series means to the derived figures (depth, net growth, time to drain).
    enum class Role { Other, Depth, Ready, Unacked, InRate, OutRate, Replicas };

    ChartSeriesSpec() = default;
    ChartSeriesSpec(MetricSeriesKey k, QString n, Role r = Role::Other, int a = 0)
        : key(std::move(k)), name(std::move(n)), role(r), axis(a)
    {
    }

    MetricSeriesKey key;
    QString name;          // the legend text: "Depth", "Ready", "In (msg/s)"
    Role role = Role::Other;
    int axis = 0;          // QueueDepthChart::LeftAxis, RightAxis or an id from addValueAxis()
    QColor color;          // invalid: picked by role
    bool step = false;     // draw as steps (replica counts change at an instant)
    bool visible = true;
};

// "Above N for M seconds" on one series.
struct ChartThreshold
{
    MetricSeriesKey key;
    double above = 0.0;
    qint64 forMs = 0;
};

// A vertical line with a label at one moment (a scaling event, a deployment).
struct ChartMarker
{
    qint64 timestampMs = 0;
    QString label;   // short, drawn on the chart: "worker 2→5"
    QString detail;  // the hover text
    QColor color;    // invalid: the palette's text colour
};

// A live chart of a queue's depth and rates (Qt Charts) over a time window, with the figures
// an operator asks first beside it: depth now, net growth, time to drain.
//
// Reads points from a TimeSeriesStore it does not own; once per tick (TickIntervalMs) it takes
// the visible range of every visible series, downsamples it to min/max per pixel and hands it
// to QXYSeries::replace(): the cost of a tick depends on the chart's width, not on the history.
// Messages (depth, ready, unacked) go on the left axis, rates on the right one; more axes can be
// added (replica counts), and event markers share the time axis.
//
// The wheel zooms the time axis around the cursor, dragging pans, a double-click or "Reset
// view" returns to the live window. Pause freezes the picture (data keeps arriving, alerts
// keep being evaluated). Clicking a legend entry hides or shows its series.
class QueueDepthChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueDepthChart)

public:
    enum : int { LeftAxis = 0, RightAxis = 1 };
    static constexpr qint64 Window5Min = 5LL * 60 * 1000;
    static constexpr qint64 Window1Hour = 3600LL * 1000;
    static constexpr qint64 Window24Hours = 24LL * 3600 * 1000;
    static constexpr qint64 MinimumSpanMs = 10'000;
    static constexpr qint64 MaximumSpanMs = 30LL * 24 * 3600 * 1000;
    static constexpr qint64 DefaultRateWindowMs = 60'000;
    static constexpr int TickIntervalMs = 1000;
    static constexpr int MaxMarkers = 1000;

    explicit QueueDepthChart(TimeSeriesStore *store, QWidget *parent = nullptr);
    ~QueueDepthChart() override;

    void setTitle(const QString &title);
    QString title() const { return m_title; }

    // --- series ---
    // Adds a line (ignored when the key is already on the chart).
    void addSeries(const ChartSeriesSpec &spec);
    void removeSeries(const MetricSeriesKey &key);
    bool hasSeries(const MetricSeriesKey &key) const;
    QList<ChartSeriesSpec> seriesSpecs() const;
    // A further value axis (e.g. "replicas", on the right); returns its id for ChartSeriesSpec::axis.
    int addValueAxis(const QString &title, Qt::Alignment alignment = Qt::AlignRight);
    void setSeriesVisible(const MetricSeriesKey &key, bool visible);
    bool isSeriesVisible(const MetricSeriesKey &key) const;
    QLineSeries *lineSeries(const MetricSeriesKey &key) const;
    QValueAxis *valueAxis(int id) const;

    // --- time ---
    void setWindowMs(qint64 windowMs);
    qint64 windowMs() const { return m_windowMs; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Shows a fixed range (zoom/pan) instead of following the present.
    void setViewRange(qint64 fromMs, qint64 toMs);
    // Back to the live window.
    void resetView();
    bool isLive() const { return !m_fixedRange.has_value(); }
    // The range on screen now.
    std::pair<qint64, qint64> viewRange() const;
    // Zooms the time axis by `factor` (< 1 zooms in) keeping `anchorMs` in place.
    void zoom(double factor, qint64 anchorMs);
    // Shifts the view by `deltaMs` (positive: later).
    void pan(qint64 deltaMs);

    // --- sources ---
    // A failing source gets a line on the chart in the failure colour: "rabbitmq http://…: reason".
    void setSourceState(const QString &sourceId, MetricSource::State state, const QString &reason);
    // The lines shown now, one per failing source; empty when all is well.
    QStringList stateLines() const;
    // Where the points before this session came from ("history: Prometheus"), beside the
    // title; empty hides it.
    void setHistorySource(const QString &text, const QString &toolTip = {});
    QLabel *historyLabel() const { return m_historyLabel; }

    // --- thresholds and alerts ---
    void setThreshold(const ChartThreshold &threshold);
    void removeThreshold(const MetricSeriesKey &key);
    QList<ChartThreshold> thresholds() const;
    // Asks for "above N for M seconds" on one of the series (the chart's "Alert…" button).
    void promptThreshold();
    // Alerts are added to (and cleared in) this model; not owned.
    void setAlertModel(MetricAlertModel *model);
    // Alerts of this chart that are active now.
    int activeAlertCount() const;

    // --- markers ---
    void addMarker(const ChartMarker &marker);
    // A marker for a Kubernetes event or replica change ("worker 2→5", in the event's colour).
    void addTimelineEvent(const TimelineEvent &event);
    void clearMarkers();
    const QList<ChartMarker> &markers() const { return m_markers; }
    static ChartMarker markerFor(const TimelineEvent &event);

    // --- derived figures ---
    void setRateWindowMs(qint64 ms);
    qint64 rateWindowMs() const { return m_rateWindowMs; }
    std::optional<double> growthRate() const { return m_growth; }
    QueueStats::DrainEstimate drainEstimate() const { return m_drain; }
    QLabel *depthLabel() const { return m_depthLabel; }
    QLabel *growthLabel() const { return m_growthLabel; }
    QLabel *drainLabel() const { return m_drainLabel; }

    // --- hover ---
    // The tooltip text for the moment `ms`: time and the nearest stored value of each visible
    // series (exact values, not the downsampled ones).
    QString hoverText(qint64 ms) const;
    QString lastHoverText() const { return m_hoverText; }

    // --- config ---
    static QJsonObject keyToJson(const MetricSeriesKey &key);
    static MetricSeriesKey keyFromJson(const QJsonObject &json);
    static QString roleKey(ChartSeriesSpec::Role role);
    static ChartSeriesSpec::Role roleFromKey(const QString &key);
    // Window, series (with visibility), axes and thresholds; secrets never appear here.
    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

    // Tests and benchmarks: a clock other than the wall clock (ms since the epoch).
    void setClock(std::function<qint64()> clock);
    qint64 now() const;
    // One tick now: alerts, then (unless paused) series, axes, markers and figures.
    void refresh();
    // Points handed to Qt Charts by the last refresh, all series.
    qsizetype drawnPointCount() const;
    // The plot area's width in pixels (the downsampling target).
    int plotWidth() const;
    QChartView *chartView() const;
    QChart *chart() const { return m_chart; }
    QComboBox *windowCombo() const { return m_windowCombo; }
    QToolButton *pauseButton() const { return m_pauseButton; }
    QToolButton *resetButton() const { return m_resetButton; }
    QToolButton *alertButton() const { return m_alertButton; }

Q_SIGNALS:
    void refreshed();
    void alertFired(const tideline::MetricAlert &alert);
    void alertCleared(quint64 id);
    void windowChanged(qint64 windowMs);
    // Series visibility, window or thresholds changed (the dashboard saves its config).
    void configChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    friend class QueueChartOverlay;
    friend class QueueChartView;

    struct Line
    {
        ChartSeriesSpec spec;
        QLineSeries *series = nullptr;
        quint64 drawnRevision = 0;
        qint64 drawnFrom = 0;
        qint64 drawnTo = 0;
        qint64 drawnBucket = 0;
        qsizetype drawnPoints = 0;
        // Value range of what is drawn, for the axis.
        double yMin = 0.0;
        double yMax = 0.0;
        bool hasY = false;
        // Threshold stretches within the drawn range (overlay).
        QList<QueueStats::Span> spans;
        // Only what changed is reduced again on the next tick.
        MinMaxCache cache;
    };
    struct Monitor
    {
        ChartThreshold threshold;
        std::unique_ptr<ThresholdMonitor> monitor;
        qint64 fedUntilMs = std::numeric_limits<qint64>::min();
        quint64 alertId = 0; // the active alert, 0 when none
    };
    struct SourceState
    {
        MetricSource::State state = MetricSource::State::Idle;
        QString reason;
    };

    Line *line(const MetricSeriesKey &key);
    const Line *line(const MetricSeriesKey &key) const;
    const Line *lineWithRole(ChartSeriesSpec::Role role) const;
    QColor colorFor(const ChartSeriesSpec &spec) const;
    void applyTheme();
    void connectLegendMarkers(Line &line);
    void updateLegendMarker(const Line &line);
    void evaluateThresholds();
    void updateSeries(bool force);
    void updateAxes();
    void updateFigures();
    void updateControls();
    void onWindowComboActivated(int index);
    void showHover(const QPoint &viewPos, const QPoint &globalPos);
    void hideHover();
    // Plot-area x of `ms` and back, for the overlay and the mouse.
    double xForTime(qint64 ms) const;
    qint64 timeForX(double x) const;

    TimeSeriesStore *m_store;
    QPointer<MetricAlertModel> m_alertModel;
    QString m_title;

    QChart *m_chart = nullptr;
    QueueChartView *m_view = nullptr;
    QueueChartOverlay *m_overlay = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    std::map<int, QValueAxis *> m_axes;
    int m_nextAxisId = 2;
    std::vector<std::unique_ptr<Line>> m_lines;
    std::vector<Monitor> m_monitors;
    QList<ChartMarker> m_markers;
    std::map<QString, SourceState> m_sources;

    QComboBox *m_windowCombo = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QToolButton *m_resetButton = nullptr;
    QToolButton *m_alertButton = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_historyLabel = nullptr;
    QLabel *m_depthLabel = nullptr;
    QLabel *m_growthLabel = nullptr;
    QLabel *m_drainLabel = nullptr;
    QLabel *m_inLabel = nullptr;
    QLabel *m_outLabel = nullptr;

    QTimer m_tick;
    std::function<qint64()> m_clock;
    qint64 m_windowMs = Window5Min;
    qint64 m_rateWindowMs = DefaultRateWindowMs;
    std::optional<std::pair<qint64, qint64>> m_fixedRange;
    std::pair<qint64, qint64> m_shownRange{0, 0};
    bool m_paused = false;
    std::optional<double> m_growth;
    QueueStats::DrainEstimate m_drain;
    std::optional<qint64> m_hoverMs;
    QString m_hoverText;
    quint64 m_localAlertId = 0;
    bool m_forceNext = true;
};

} // namespace tideline
