#include "QueueDepthChart.h"

#include "StateStyle.h"
#include "Theme.h"
#include "core/Logging.h"
#include "core/TimeSeries.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSpinBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFormLayout>
#include <QGraphicsItem>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

QString formatValue(double v)
{
    if (!std::isfinite(v))
        return QLocale().toString(v);
    if (std::abs(v) >= 100 || v == std::floor(v))
        return QLocale().toString(v, 'f', 0);
    return QLocale().toString(v, 'f', std::abs(v) < 10 ? 2 : 1);
}

// "Nice" axis ends: 1, 2, 2.5, 5 times a power of ten.
double niceCeil(double v)
{
    if (v <= 0)
        return 0;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m * p >= v)
            return m * p;
    }
    return 10 * p;
}

const QList<std::pair<QString, ChartSeriesSpec::Role>> &roleKeys()
{
    static const QList<std::pair<QString, ChartSeriesSpec::Role>> keys = {
        {u"other"_s, ChartSeriesSpec::Role::Other},     {u"depth"_s, ChartSeriesSpec::Role::Depth},
        {u"ready"_s, ChartSeriesSpec::Role::Ready},     {u"unacked"_s, ChartSeriesSpec::Role::Unacked},
        {u"in"_s, ChartSeriesSpec::Role::InRate},       {u"out"_s, ChartSeriesSpec::Role::OutRate},
        {u"replicas"_s, ChartSeriesSpec::Role::Replicas},
    };
    return keys;
}

} // namespace

// Everything Qt Charts has no item for, painted over the plot in one pass: threshold lines and
// the stretches above them, event markers, the failing-source lines and the hover crosshair.
class QueueChartOverlay final : public QGraphicsItem
{
public:
    QueueChartOverlay(QueueDepthChart *owner, QGraphicsItem *parent) : QGraphicsItem(parent), m_owner(owner)
    {
        setAcceptedMouseButtons(Qt::NoButton);
        setAcceptHoverEvents(false);
        setZValue(1000);
    }

    void setRect(const QRectF &rect)
    {
        if (rect == m_rect)
            return;
        prepareGeometryChange();
        m_rect = rect;
    }

    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;

private:
    double yFor(const QValueAxis *axis, double value, const QRectF &plot) const
    {
        const double span = axis->max() - axis->min();
        if (span <= 0)
            return plot.bottom();
        return plot.bottom() - (value - axis->min()) / span * plot.height();
    }

    QueueDepthChart *m_owner;
    QRectF m_rect;
};

void QueueChartOverlay::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QueueDepthChart &c = *m_owner;
    const QRectF plot = c.m_chart->plotArea();
    if (plot.width() < 2 || plot.height() < 2)
        return;
    const QPalette pal = c.palette();
    const QColor alertColor = ui::stateColor(MqttConnection::State::Failed);
    const auto [from, to] = c.m_shownRange;
    p->save();
    p->setClipRect(plot.adjusted(0, -1, 1, 1));
    p->setRenderHint(QPainter::Antialiasing, true);
    QFont small = c.font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p->setFont(small);
    const QFontMetricsF fm(small);

    // Thresholds: the stretches above, the line, the moment each alert fired.
    for (const auto &m : c.m_monitors) {
        const QueueDepthChart::Line *line = c.line(m.threshold.key);
        if (!line || !line->spec.visible)
            continue;
        const auto axisIt = c.m_axes.find(line->spec.axis);
        if (axisIt == c.m_axes.end())
            continue;
        QColor band = alertColor;
        band.setAlpha(34);
        for (const QueueStats::Span &s : line->spans) {
            const double x0 = std::max(plot.left(), c.xForTime(s.startMs));
            const double x1 = std::min(plot.right(), c.xForTime(s.endMs));
            if (x1 > x0)
                p->fillRect(QRectF(x0, plot.top(), x1 - x0, plot.height()), band);
            const double xf = c.xForTime(s.firedMs);
            if (xf >= plot.left() && xf <= plot.right()) {
                QPolygonF tri;
                tri << QPointF(xf - 5, plot.top()) << QPointF(xf + 5, plot.top()) << QPointF(xf, plot.top() + 8);
                p->setPen(Qt::NoPen);
                p->setBrush(alertColor);
                p->drawPolygon(tri);
            }
        }
        const double y = yFor(axisIt->second, m.threshold.above, plot);
        const QString label = QueueDepthChart::tr("%1 > %2 for %3")
                                  .arg(line->spec.name, formatValue(m.threshold.above),
                                       QueueStats::formatDuration(double(m.threshold.forMs) / 1000.0));
        p->setPen(alertColor);
        if (y >= plot.top() && y <= plot.bottom()) {
            QPen pen(alertColor, 1.2, Qt::DashLine);
            p->setPen(pen);
            p->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            // Above the line, or below it when the line is near the top; on a backing so the
            // series under it do not make it unreadable.
            const double w = fm.horizontalAdvance(label) + 8;
            const double top = y - fm.height() - 2 >= plot.top() ? y - fm.height() - 2 : y + 2;
            const QRectF box(plot.right() - w - 4, top, w, fm.height());
            QColor backing = pal.color(QPalette::Base);
            backing.setAlpha(215);
            p->fillRect(box, backing);
            p->setPen(alertColor);
            p->drawText(box, Qt::AlignCenter, label);
        } else if (y < plot.top()) {
            // Above what is on screen: say so at the top edge instead of squashing the data.
            const QString above = QueueDepthChart::tr("▲ %1").arg(label);
            p->drawText(QPointF(plot.right() - fm.horizontalAdvance(above) - 4, plot.top() + fm.ascent() + 2), above);
        }
    }

    // Failing sources, top left, on a backing so the text reads over the lines.
    double textTop = plot.top() + 4;
    const QStringList states = c.stateLines();
    if (!states.isEmpty()) {
        QFont bold = c.font();
        bold.setBold(true);
        p->setFont(bold);
        const QFontMetricsF bfm(bold);
        const QColor textColor = ui::stateTextColor(MqttConnection::State::Failed, pal);
        QColor backing = pal.color(QPalette::Base);
        backing.setAlpha(225);
        for (const QString &s : states) {
            const QString text = bfm.elidedText(s, Qt::ElideRight, plot.width() - 16);
            const QRectF box(plot.left() + 4, textTop, bfm.horizontalAdvance(text) + 10, bfm.height() + 4);
            p->setPen(QPen(textColor, 1));
            p->setBrush(backing);
            p->drawRoundedRect(box, 3, 3);
            p->setPen(textColor);
            p->drawText(box.adjusted(5, 2, -5, -2), Qt::AlignLeft | Qt::AlignVCenter, text);
            textTop = box.bottom() + 3;
        }
        p->setFont(small);
    }

    // Event markers: a dashed vertical line each; labels in up to three rows so neighbours do
    // not overprint each other (a label that does not fit anywhere is left out; hover shows it).
    double rowEnd[3] = {-1e9, -1e9, -1e9};
    for (const ChartMarker &m : c.m_markers) {
        if (m.timestampMs < from || m.timestampMs > to)
            continue;
        const double x = c.xForTime(m.timestampMs);
        const QColor color = m.color.isValid() ? m.color : pal.color(QPalette::Text);
        QColor lineColor = color;
        lineColor.setAlpha(170);
        p->setPen(QPen(lineColor, 1.0, Qt::DashLine));
        p->drawLine(QPointF(x, textTop), QPointF(x, plot.bottom()));
        if (m.label.isEmpty())
            continue;
        const double w = fm.horizontalAdvance(m.label) + 6;
        double left = x + 2;
        if (left + w > plot.right())
            left = x - 2 - w;
        for (int row = 0; row < 3; ++row) {
            if (left > rowEnd[row] + 4) {
                rowEnd[row] = left + w;
                const QRectF box(left, textTop + row * (fm.height() + 2), w, fm.height());
                QColor backing = pal.color(QPalette::Base);
                backing.setAlpha(200);
                p->fillRect(box, backing);
                p->setPen(color);
                p->drawText(box, Qt::AlignCenter, m.label);
                break;
            }
        }
    }

    // Hover: a vertical line and a dot on each visible series at the nearest stored point.
    if (c.m_hoverMs) {
        const double x = c.xForTime(*c.m_hoverMs);
        QColor crossColor = pal.color(QPalette::Text);
        crossColor.setAlpha(120);
        p->setPen(QPen(crossColor, 1.0));
        p->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        for (const auto &l : c.m_lines) {
            if (!l->spec.visible)
                continue;
            const auto axisIt = c.m_axes.find(l->spec.axis);
            if (axisIt == c.m_axes.end())
                continue;
            const auto span = downsample::timeRange(c.m_store->pointsRef(l->spec.key), *c.m_hoverMs - 1,
                                                    *c.m_hoverMs + 1, true);
            if (span.empty())
                continue;
            const MetricPoint *best = &span.front();
            for (const MetricPoint &pt : span) {
                if (std::abs(pt.timestampMs - *c.m_hoverMs) < std::abs(best->timestampMs - *c.m_hoverMs))
                    best = &pt;
            }
            if (!std::isfinite(best->value))
                continue;
            const QPointF at(c.xForTime(best->timestampMs), yFor(axisIt->second, best->value, plot));
            p->setPen(QPen(pal.color(QPalette::Base), 1.5));
            p->setBrush(c.colorFor(l->spec));
            p->drawEllipse(at, 4, 4);
        }
    }
    p->restore();
}

// Wheel zoom and drag pan on the time axis, hover tooltips; clicks outside the plot area go to
// the chart as usual (legend markers).
class QueueChartView final : public QChartView
{
public:
    QueueChartView(QChart *chart, QueueDepthChart *owner) : QChartView(chart, owner), m_owner(owner)
    {
        setMouseTracking(true);
        viewport()->setMouseTracking(true);
        setDragMode(QGraphicsView::NoDrag);
        setRubberBand(QChartView::NoRubberBand);
    }

protected:
    bool inPlot(const QPoint &pos) const
    {
        return chart()->plotArea().contains(mapToScene(pos) - chart()->pos());
    }

    void wheelEvent(QWheelEvent *event) override
    {
        const QPoint pos = event->position().toPoint();
        const int delta = event->angleDelta().y();
        if (delta == 0 || !inPlot(pos)) {
            event->ignore();
            return;
        }
        const double x = (mapToScene(pos) - chart()->pos()).x();
        const double steps = delta / 120.0;
        m_owner->zoom(std::pow(0.8, steps), m_owner->timeForX(x));
        event->accept();
    }

    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton && inPlot(event->position().toPoint())) {
            m_dragging = true;
            m_lastX = event->position().x();
            setCursor(Qt::ClosedHandCursor);
            m_owner->hideHover();
            event->accept();
            return;
        }
        QChartView::mousePressEvent(event);
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (m_dragging) {
            const double dx = event->position().x() - m_lastX;
            m_lastX = event->position().x();
            const auto [from, to] = m_owner->viewRange();
            const double width = std::max(1.0, chart()->plotArea().width());
            m_owner->pan(-qint64(dx * double(to - from) / width));
            event->accept();
            return;
        }
        if (inPlot(event->position().toPoint()))
            m_owner->showHover(event->position().toPoint(), event->globalPosition().toPoint());
        else
            m_owner->hideHover();
        QChartView::mouseMoveEvent(event);
    }

    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (m_dragging && event->button() == Qt::LeftButton) {
            m_dragging = false;
            unsetCursor();
            event->accept();
            return;
        }
        QChartView::mouseReleaseEvent(event);
    }

    void mouseDoubleClickEvent(QMouseEvent *event) override
    {
        if (inPlot(event->position().toPoint())) {
            m_owner->resetView();
            event->accept();
            return;
        }
        QChartView::mouseDoubleClickEvent(event);
    }

    void leaveEvent(QEvent *event) override
    {
        m_owner->hideHover();
        QChartView::leaveEvent(event);
    }

    void resizeEvent(QResizeEvent *event) override
    {
        QChartView::resizeEvent(event);
        m_owner->m_forceNext = true;
    }

private:
    QueueDepthChart *m_owner;
    bool m_dragging = false;
    double m_lastX = 0;
};

// --- QueueDepthChart ------------------------------------------------------------------------------

QueueDepthChart::QueueDepthChart(TimeSeriesStore *store, QWidget *parent)
    : QWidget(parent), m_store(store), m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    Q_ASSERT(store);
    setObjectName(u"queueDepthChart"_s);

    m_chart = new QChart;
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(6, 4, 6, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setShowToolTips(true);
    m_chart->setLocalizeNumbers(true);

    m_timeAxis = new QDateTimeAxis(m_chart);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    auto *left = new QValueAxis(m_chart);
    left->setTitleText(tr("messages"));
    m_chart->addAxis(left, Qt::AlignLeft);
    m_axes[LeftAxis] = left;
    auto *right = new QValueAxis(m_chart);
    right->setTitleText(tr("msg/s"));
    m_chart->addAxis(right, Qt::AlignRight);
    right->setVisible(false);
    m_axes[RightAxis] = right;

    m_view = new QueueChartView(m_chart, this);
    m_view->setObjectName(u"queueDepthChartView"_s);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(320, 200);
    m_view->setAccessibleName(tr("Queue depth chart"));
    m_overlay = new QueueChartOverlay(this, m_chart);
    connect(m_chart, &QChart::plotAreaChanged, this, [this] {
        m_overlay->setRect(m_chart->rect());
        m_forceNext = true;
    });

    // Controls: title, window, pause, reset.
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(u"chartTitle"_s);
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_windowCombo = new QComboBox(this);
    m_windowCombo->setObjectName(u"chartWindow"_s);
    m_windowCombo->setAccessibleName(tr("Time window"));
    m_windowCombo->addItem(tr("Last 5 min"), Window5Min);
    m_windowCombo->addItem(tr("Last hour"), Window1Hour);
    m_windowCombo->addItem(tr("Last 24 h"), Window24Hours);
    m_windowCombo->addItem(tr("Custom…"), qint64(-1));
    connect(m_windowCombo, &QComboBox::activated, this, &QueueDepthChart::onWindowComboActivated);
    m_pauseButton = new QToolButton(this);
    m_pauseButton->setObjectName(u"chartPause"_s);
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolTip(tr("Freeze the picture; data keeps being recorded and alerts keep firing"));
    connect(m_pauseButton, &QToolButton::toggled, this, &QueueDepthChart::setPaused);
    m_resetButton = new QToolButton(this);
    m_resetButton->setObjectName(u"chartReset"_s);
    m_resetButton->setText(tr("Reset view"));
    m_resetButton->setToolTip(tr("Back to the live window (or double-click the chart). "
                                 "Wheel: zoom the time axis; drag: move along it."));
    connect(m_resetButton, &QToolButton::clicked, this, &QueueDepthChart::resetView);

    m_alertButton = new QToolButton(this);
    m_alertButton->setObjectName(u"chartAlert"_s);
    m_alertButton->setText(tr("Alert…"));
    m_alertButton->setToolTip(tr("Alert when a series stays above a value for a while"));
    connect(m_alertButton, &QToolButton::clicked, this, &QueueDepthChart::promptThreshold);

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(6, 0, 0, 0);
    controls->addWidget(m_titleLabel, 1);
    m_historyLabel = new QLabel(this);
    m_historyLabel->setObjectName(u"chartHistorySource"_s);
    m_historyLabel->setTextFormat(Qt::PlainText);
    m_historyLabel->setEnabled(false); // a quiet note, not a control
    m_historyLabel->hide();
    controls->addWidget(m_historyLabel);
    controls->addWidget(m_windowCombo);
    controls->addWidget(m_pauseButton);
    controls->addWidget(m_resetButton);
    controls->addWidget(m_alertButton);

    // Derived figures beside the chart.
    auto *figures = new QWidget(this);
    figures->setObjectName(u"chartFigures"_s);
    auto *form = new QFormLayout(figures);
    form->setContentsMargins(8, 4, 4, 4);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    auto figure = [&](const QString &objectName, const QString &caption, const QString &tip) {
        auto *value = new QLabel(u"–"_s, figures);
        value->setObjectName(objectName);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont f = value->font();
        f.setPointSizeF(f.pointSizeF() * 1.25);
        f.setBold(true);
        value->setFont(f);
        auto *label = new QLabel(caption, figures);
        label->setToolTip(tip);
        value->setToolTip(tip);
        form->addRow(label, value);
        return value;
    };
    m_depthLabel = figure(u"figureDepth"_s, tr("Depth now"), tr("Messages in the queue (ready + unacknowledged)"));
    m_growthLabel = figure(u"figureGrowth"_s, tr("Net growth"),
                           tr("How fast the depth changes: the slope of the depth over the last minute"));
    m_drainLabel = figure(u"figureDrain"_s, tr("Time to drain"),
                          tr("When the queue is empty if consumers and publishers keep their current rates"));
    m_inLabel = figure(u"figureIn"_s, tr("In"), tr("Messages published to the queue per second"));
    m_outLabel = figure(u"figureOut"_s, tr("Out"), tr("Messages delivered to consumers per second"));
    figures->setMinimumWidth(150);
    figures->setMaximumWidth(220);

    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->addWidget(m_view, 1);
    body->addWidget(figures, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(controls);
    layout->addLayout(body, 1);

    applyTheme();
    m_tick.setInterval(TickIntervalMs);
    connect(&m_tick, &QTimer::timeout, this, &QueueDepthChart::refresh);
    m_tick.start();
    updateControls();
}

QueueDepthChart::~QueueDepthChart() = default;

void QueueDepthChart::changeEvent(QEvent *event)
{
    // View › Theme: the chart follows the new palette (the cluster timeline is one of these too).
    if (event->type() == QEvent::PaletteChange && m_chart)
        applyTheme();
    QWidget::changeEvent(event);
}

void QueueDepthChart::applyTheme()
{
    // setTheme() replaces the series pens with the theme's: keep their width and dash (the
    // cluster timeline dashes the HPA's wish), take our colours for the new palette.
    std::vector<QPen> pens;
    pens.reserve(m_lines.size());
    for (const auto &l : m_lines)
        pens.push_back(l->series->pen());
    ui::applyChartTheme(m_chart, palette());
    for (size_t i = 0; i < m_lines.size(); ++i) {
        Line &l = *m_lines[i];
        QPen pen = pens[i];
        pen.setColor(colorFor(l.spec));
        l.series->setPen(pen);
        updateLegendMarker(l);
    }
}

void QueueDepthChart::setTitle(const QString &title)
{
    m_title = title;
    m_titleLabel->setText(title);
    m_view->setAccessibleName(tr("Queue depth chart: %1").arg(title));
}

// --- series ---

QueueDepthChart::Line *QueueDepthChart::line(const MetricSeriesKey &key)
{
    for (auto &l : m_lines) {
        if (l->spec.key == key)
            return l.get();
    }
    return nullptr;
}

const QueueDepthChart::Line *QueueDepthChart::line(const MetricSeriesKey &key) const
{
    for (const auto &l : m_lines) {
        if (l->spec.key == key)
            return l.get();
    }
    return nullptr;
}

const QueueDepthChart::Line *QueueDepthChart::lineWithRole(ChartSeriesSpec::Role role) const
{
    for (const auto &l : m_lines) {
        if (l->spec.role == role)
            return l.get();
    }
    return nullptr;
}

QColor QueueDepthChart::colorFor(const ChartSeriesSpec &spec) const
{
    if (spec.color.isValid())
        return spec.color;
    const bool dark = ui::isDarkTheme();
    switch (spec.role) {
    case ChartSeriesSpec::Role::Depth:
        return dark ? QColor(0x6c, 0xa8, 0xff) : QColor(0x1a, 0x5f, 0xd0);
    case ChartSeriesSpec::Role::Ready:
        return dark ? QColor(0x5c, 0xc9, 0x7a) : QColor(0x1e, 0x8e, 0x3e);
    case ChartSeriesSpec::Role::Unacked:
        return dark ? QColor(0xf2, 0xb8, 0x3b) : QColor(0xc2, 0x7c, 0x00);
    case ChartSeriesSpec::Role::InRate:
        return dark ? QColor(0xc7, 0x8b, 0xf0) : QColor(0x8e, 0x24, 0xaa);
    case ChartSeriesSpec::Role::OutRate:
        return dark ? QColor(0x4d, 0xd0, 0xc4) : QColor(0x00, 0x79, 0x6b);
    case ChartSeriesSpec::Role::Replicas:
        return dark ? QColor(0xff, 0x8a, 0x65) : QColor(0xd8, 0x43, 0x15);
    case ChartSeriesSpec::Role::Other:
        break;
    }
    static const QColor others[] = {QColor(0x1a, 0x5f, 0xd0), QColor(0x1e, 0x8e, 0x3e), QColor(0xc2, 0x7c, 0x00),
                                    QColor(0x8e, 0x24, 0xaa), QColor(0x00, 0x79, 0x6b), QColor(0xd8, 0x43, 0x15),
                                    QColor(0x5d, 0x40, 0x37), QColor(0x54, 0x6e, 0x7a)};
    const size_t index = qHash(spec.key) % std::size(others);
    return dark ? others[index].lighter(150) : others[index];
}

void QueueDepthChart::addSeries(const ChartSeriesSpec &spec)
{
    if (line(spec.key))
        return;
    auto l = std::make_unique<Line>();
    l->spec = spec;
    if (!m_axes.count(spec.axis))
        l->spec.axis = LeftAxis;
    l->series = new QLineSeries(m_chart);
    l->series->setName(spec.name.isEmpty() ? spec.key.toString() : spec.name);
    QPen pen(colorFor(l->spec));
    pen.setWidthF(l->spec.axis == LeftAxis ? 1.8 : 1.4);
    l->series->setPen(pen);
    m_chart->addSeries(l->series);
    l->series->attachAxis(m_timeAxis);
    QValueAxis *axis = m_axes.at(l->spec.axis);
    l->series->attachAxis(axis);
    axis->setVisible(true);
    l->series->setVisible(l->spec.visible);
    connectLegendMarkers(*l);
    m_lines.push_back(std::move(l));
    m_forceNext = true;
    updateFigures();
    Q_EMIT configChanged();
}

void QueueDepthChart::connectLegendMarkers(Line &l)
{
    const QList<QLegendMarker *> markers = m_chart->legend()->markers(l.series);
    const MetricSeriesKey key = l.spec.key;
    for (QLegendMarker *marker : markers) {
        connect(marker, &QLegendMarker::clicked, this, [this, key] { setSeriesVisible(key, !isSeriesVisible(key)); });
    }
    updateLegendMarker(l);
}

void QueueDepthChart::updateLegendMarker(const Line &l)
{
    // Hiding a series hides its legend entry too; keep the entry, dimmed, so it can be clicked back.
    for (QLegendMarker *marker : m_chart->legend()->markers(l.series)) {
        marker->setVisible(true);
        const double alpha = l.spec.visible ? 1.0 : 0.35;
        QColor text = palette().color(QPalette::Text);
        text.setAlphaF(alpha);
        marker->setLabelBrush(text);
        QColor c = colorFor(l.spec);
        c.setAlphaF(alpha);
        marker->setBrush(c);
        marker->setPen(QPen(c));
    }
}

void QueueDepthChart::removeSeries(const MetricSeriesKey &key)
{
    const auto it = std::find_if(m_lines.begin(), m_lines.end(), [&](const auto &l) { return l->spec.key == key; });
    if (it == m_lines.end())
        return;
    m_chart->removeSeries((*it)->series);
    delete (*it)->series;
    const int axisId = (*it)->spec.axis;
    m_lines.erase(it);
    if (axisId != LeftAxis) {
        const bool used = std::any_of(m_lines.begin(), m_lines.end(), [&](const auto &l) { return l->spec.axis == axisId; });
        m_axes.at(axisId)->setVisible(used);
    }
    removeThreshold(key);
    m_forceNext = true;
    Q_EMIT configChanged();
}

bool QueueDepthChart::hasSeries(const MetricSeriesKey &key) const
{
    return line(key) != nullptr;
}

QList<ChartSeriesSpec> QueueDepthChart::seriesSpecs() const
{
    QList<ChartSeriesSpec> out;
    for (const auto &l : m_lines)
        out.append(l->spec);
    return out;
}

int QueueDepthChart::addValueAxis(const QString &title, Qt::Alignment alignment)
{
    const int id = m_nextAxisId++;
    auto *axis = new QValueAxis(m_chart);
    axis->setTitleText(title);
    axis->setLabelsColor(palette().color(QPalette::Text));
    axis->setTitleBrush(palette().color(QPalette::Text));
    m_chart->addAxis(axis, alignment);
    axis->setVisible(false);
    m_axes[id] = axis;
    return id;
}

void QueueDepthChart::setSeriesVisible(const MetricSeriesKey &key, bool visible)
{
    Line *l = line(key);
    if (!l || l->spec.visible == visible)
        return;
    l->spec.visible = visible;
    l->series->setVisible(visible);
    l->drawnRevision = 0; // redraw when shown again
    updateLegendMarker(*l);
    m_forceNext = true;
    refresh();
    Q_EMIT configChanged();
}

bool QueueDepthChart::isSeriesVisible(const MetricSeriesKey &key) const
{
    const Line *l = line(key);
    return l && l->spec.visible;
}

QLineSeries *QueueDepthChart::lineSeries(const MetricSeriesKey &key) const
{
    const Line *l = line(key);
    return l ? l->series : nullptr;
}

QValueAxis *QueueDepthChart::valueAxis(int id) const
{
    const auto it = m_axes.find(id);
    return it == m_axes.end() ? nullptr : it->second;
}

// --- time ---

void QueueDepthChart::setWindowMs(qint64 windowMs)
{
    windowMs = std::clamp(windowMs, MinimumSpanMs, MaximumSpanMs);
    const bool changed = windowMs != m_windowMs;
    m_windowMs = windowMs;
    m_fixedRange.reset();
    m_forceNext = true;
    updateControls();
    refresh();
    if (changed) {
        Q_EMIT windowChanged(windowMs);
        Q_EMIT configChanged();
    }
}

void QueueDepthChart::setHistorySource(const QString &text, const QString &toolTip)
{
    m_historyLabel->setText(text);
    m_historyLabel->setToolTip(toolTip);
    m_historyLabel->setVisible(!text.isEmpty());
}

void QueueDepthChart::onWindowComboActivated(int index)
{
    const qint64 value = m_windowCombo->itemData(index).toLongLong();
    if (value > 0) {
        setWindowMs(value);
        return;
    }
    bool ok = false;
    const int minutes = QInputDialog::getInt(this, tr("Custom time window"), tr("Show the last (minutes):"),
                                             int(std::max<qint64>(1, m_windowMs / 60'000)), 1,
                                             int(MaximumSpanMs / 60'000), 1, &ok);
    if (ok)
        setWindowMs(qint64(minutes) * 60'000);
    else
        updateControls();
}

void QueueDepthChart::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    updateControls();
    if (!paused) {
        m_forceNext = true;
        refresh();
    }
}

void QueueDepthChart::setViewRange(qint64 fromMs, qint64 toMs)
{
    if (toMs - fromMs < MinimumSpanMs) {
        const qint64 mid = fromMs / 2 + toMs / 2;
        fromMs = mid - MinimumSpanMs / 2;
        toMs = fromMs + MinimumSpanMs;
    }
    if (toMs - fromMs > MaximumSpanMs)
        fromMs = toMs - MaximumSpanMs;
    m_fixedRange = std::make_pair(fromMs, toMs);
    m_forceNext = true;
    updateControls();
    const bool wasPaused = m_paused;
    m_paused = false; // a zoom while paused still redraws
    refresh();
    m_paused = wasPaused;
}

void QueueDepthChart::resetView()
{
    if (!m_fixedRange)
        return;
    m_fixedRange.reset();
    m_forceNext = true;
    updateControls();
    const bool wasPaused = m_paused;
    m_paused = false;
    refresh();
    m_paused = wasPaused;
}

std::pair<qint64, qint64> QueueDepthChart::viewRange() const
{
    if (m_fixedRange)
        return *m_fixedRange;
    const qint64 t = now();
    return {t - m_windowMs, t};
}

void QueueDepthChart::zoom(double factor, qint64 anchorMs)
{
    if (!(factor > 0))
        return;
    const auto [from, to] = viewRange();
    const double left = double(anchorMs - from) * factor;
    const double right = double(to - anchorMs) * factor;
    setViewRange(anchorMs - qint64(left), anchorMs + qint64(right));
}

void QueueDepthChart::pan(qint64 deltaMs)
{
    if (deltaMs == 0)
        return;
    const auto [from, to] = viewRange();
    setViewRange(from + deltaMs, to + deltaMs);
}

void QueueDepthChart::updateControls()
{
    int index = -1;
    for (int i = 0; i < m_windowCombo->count(); ++i) {
        if (m_windowCombo->itemData(i).toLongLong() == m_windowMs)
            index = i;
    }
    if (index < 0) {
        // A custom window gets its own entry just before "Custom…".
        const QString text = tr("Last %1").arg(QueueStats::formatDuration(double(m_windowMs) / 1000.0));
        const int customAt = m_windowCombo->count() - 1;
        if (customAt == 4) {
            m_windowCombo->setItemText(3, text);
            m_windowCombo->setItemData(3, m_windowMs);
            index = 3;
        } else {
            m_windowCombo->insertItem(3, text, m_windowMs);
            index = 3;
        }
    }
    m_windowCombo->setCurrentIndex(index);
    m_pauseButton->setText(m_paused ? tr("Resume") : tr("Pause"));
    m_pauseButton->setChecked(m_paused);
    m_resetButton->setEnabled(!isLive());
}

// --- sources ---

void QueueDepthChart::setSourceState(const QString &sourceId, MetricSource::State state, const QString &reason)
{
    SourceState &s = m_sources[sourceId];
    if (s.state == state && s.reason == reason)
        return;
    s.state = state;
    s.reason = reason;
    m_overlay->update();
}

QStringList QueueDepthChart::stateLines() const
{
    QStringList out;
    for (const auto &[id, s] : m_sources) {
        if (s.state == MetricSource::State::Failing)
            out.append(tr("%1: %2").arg(id, s.reason.isEmpty() ? tr("failing") : s.reason));
    }
    return out;
}

// --- thresholds ---

void QueueDepthChart::setThreshold(const ChartThreshold &threshold)
{
    removeThreshold(threshold.key);
    Monitor m;
    m.threshold = threshold;
    m.monitor = std::make_unique<ThresholdMonitor>(threshold.above, threshold.forMs);
    m_monitors.push_back(std::move(m));
    m_forceNext = true;
    refresh();
    Q_EMIT configChanged();
}

void QueueDepthChart::promptThreshold()
{
    if (m_lines.empty())
        return;
    QDialog dialog(this);
    dialog.setObjectName(u"thresholdDialog"_s);
    dialog.setWindowTitle(tr("Alert on %1").arg(m_title));
    auto *series = new QComboBox(&dialog);
    series->setObjectName(u"thresholdSeries"_s);
    for (const auto &l : m_lines)
        series->addItem(l->series->name());
    auto *above = new QDoubleSpinBox(&dialog);
    above->setObjectName(u"thresholdAbove"_s);
    above->setRange(-1e12, 1e12);
    above->setDecimals(2);
    auto *forSeconds = new QSpinBox(&dialog);
    forSeconds->setObjectName(u"thresholdFor"_s);
    forSeconds->setRange(0, 7 * 24 * 3600);
    forSeconds->setSuffix(tr(" s"));
    auto fill = [&](int index) {
        const MetricSeriesKey &key = m_lines.at(size_t(index))->spec.key;
        const auto it = std::find_if(m_monitors.begin(), m_monitors.end(),
                                     [&](const Monitor &m) { return m.threshold.key == key; });
        above->setValue(it != m_monitors.end() ? it->threshold.above : 1000.0);
        forSeconds->setValue(it != m_monitors.end() ? int(it->threshold.forMs / 1000) : 60);
    };
    fill(0);
    connect(series, &QComboBox::currentIndexChanged, &dialog, fill);

    auto *form = new QFormLayout;
    form->addRow(tr("&Series:"), series);
    form->addRow(tr("&Above:"), above);
    form->addRow(tr("&For at least:"), forSeconds);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QPushButton *remove = buttons->addButton(tr("&Remove alert"), QDialogButtonBox::DestructiveRole);
    remove->setObjectName(u"thresholdRemove"_s);
    bool removeIt = false;
    connect(remove, &QPushButton::clicked, &dialog, [&] {
        removeIt = true;
        dialog.accept();
    });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);

    if (dialog.exec() != QDialog::Accepted)
        return;
    const MetricSeriesKey key = m_lines.at(size_t(series->currentIndex()))->spec.key;
    if (removeIt)
        removeThreshold(key);
    else
        setThreshold({key, above->value(), qint64(forSeconds->value()) * 1000});
}

void QueueDepthChart::removeThreshold(const MetricSeriesKey &key)
{
    const auto it = std::find_if(m_monitors.begin(), m_monitors.end(),
                                 [&](const Monitor &m) { return m.threshold.key == key; });
    if (it == m_monitors.end())
        return;
    if (it->alertId != 0) {
        if (m_alertModel)
            m_alertModel->clear(it->alertId, now());
        Q_EMIT alertCleared(it->alertId);
    }
    m_monitors.erase(it);
    if (Line *l = line(key))
        l->spans.clear();
    m_overlay->update();
    Q_EMIT configChanged();
}

QList<ChartThreshold> QueueDepthChart::thresholds() const
{
    QList<ChartThreshold> out;
    for (const Monitor &m : m_monitors)
        out.append(m.threshold);
    return out;
}

void QueueDepthChart::setAlertModel(MetricAlertModel *model)
{
    m_alertModel = model;
}

int QueueDepthChart::activeAlertCount() const
{
    return int(std::count_if(m_monitors.begin(), m_monitors.end(), [](const Monitor &m) { return m.monitor->isFiring(); }));
}

void QueueDepthChart::evaluateThresholds()
{
    for (Monitor &m : m_monitors) {
        const QList<MetricPoint> &points = m_store->pointsRef(m.threshold.key);
        if (points.isEmpty())
            continue;
        const qint64 newest = points.constLast().timestampMs;
        if (m.fedUntilMs >= newest)
            continue;
        // A new threshold looks back twice its duration: a queue that is already too deep
        // alerts at once instead of after another M seconds.
        const qint64 start = m.fedUntilMs == std::numeric_limits<qint64>::min()
                                 ? newest - 2 * m.threshold.forMs - 1
                                 : m.fedUntilMs + 1;
        const auto span = downsample::timeRange(points, start, newest);
        const Line *l = line(m.threshold.key);
        for (const MetricPoint &p : span) {
            const auto transition = m.monitor->update(p);
            if (transition == ThresholdMonitor::Transition::Fired) {
                MetricAlert alert;
                alert.key = m.threshold.key;
                alert.chart = m_title;
                alert.series = l ? l->series->name() : m.threshold.key.toString();
                alert.threshold = m.threshold.above;
                alert.durationMs = m.threshold.forMs;
                alert.aboveSinceMs = m.monitor->aboveSinceMs().value_or(p.timestampMs);
                alert.firedMs = p.timestampMs;
                alert.peak = m.monitor->peak();
                alert.id = m_alertModel ? m_alertModel->fire(alert) : ++m_localAlertId;
                m.alertId = alert.id;
                qCInfo(lcUi).noquote() << "alert:" << MetricAlertModel::describe(alert);
                Q_EMIT alertFired(alert);
            } else if (transition == ThresholdMonitor::Transition::Cleared && m.alertId != 0) {
                if (m_alertModel)
                    m_alertModel->clear(m.alertId, p.timestampMs);
                Q_EMIT alertCleared(m.alertId);
                m.alertId = 0;
            }
        }
        if (m.alertId != 0 && m_alertModel)
            m_alertModel->updatePeak(m.alertId, m.monitor->peak());
        m.fedUntilMs = newest;
    }
}

// --- markers ---

ChartMarker QueueDepthChart::markerFor(const TimelineEvent &e)
{
    ChartMarker m;
    m.timestampMs = e.timestampMs;
    if (e.fromReplicas && e.toReplicas) {
        m.label = tr("%1 %2→%3").arg(e.name).arg(*e.fromReplicas).arg(*e.toReplicas);
        m.color = *e.toReplicas >= *e.fromReplicas ? QColor(0x8e, 0x24, 0xaa) : QColor(0x00, 0x79, 0x6b);
    } else {
        m.label = e.reason.isEmpty() ? e.name : e.reason;
        if (e.type == u"Warning"_s)
            m.color = QColor(0xc2, 0x5a, 0x00);
    }
    const QString where = e.ns.isEmpty() ? e.name : e.ns + u'/' + e.name;
    m.detail = tr("%1 %2: %3 %4").arg(e.kind, where, e.reason, e.message).trimmed();
    return m;
}

void QueueDepthChart::addMarker(const ChartMarker &marker)
{
    // Kept in time order; the oldest go past MaxMarkers.
    const auto at = std::upper_bound(m_markers.begin(), m_markers.end(), marker.timestampMs,
                                     [](qint64 t, const ChartMarker &m) { return t < m.timestampMs; });
    m_markers.insert(at, marker);
    while (m_markers.size() > MaxMarkers)
        m_markers.removeFirst();
    m_overlay->update();
}

void QueueDepthChart::addTimelineEvent(const TimelineEvent &event)
{
    addMarker(markerFor(event));
}

void QueueDepthChart::clearMarkers()
{
    m_markers.clear();
    m_overlay->update();
}

// --- drawing ---

void QueueDepthChart::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    m_forceNext = true;
}

qint64 QueueDepthChart::now() const
{
    return m_clock();
}

int QueueDepthChart::plotWidth() const
{
    return std::max(50, int(m_chart->plotArea().width()));
}

QChartView *QueueDepthChart::chartView() const
{
    return m_view;
}

qsizetype QueueDepthChart::drawnPointCount() const
{
    qsizetype n = 0;
    for (const auto &l : m_lines)
        n += l->spec.visible ? l->series->count() : 0;
    return n;
}

double QueueDepthChart::xForTime(qint64 ms) const
{
    const QRectF plot = m_chart->plotArea();
    const auto [from, to] = m_shownRange;
    if (to <= from)
        return plot.left();
    return plot.left() + double(ms - from) / double(to - from) * plot.width();
}

qint64 QueueDepthChart::timeForX(double x) const
{
    const QRectF plot = m_chart->plotArea();
    const auto [from, to] = m_shownRange;
    if (plot.width() <= 0)
        return from;
    return from + qint64((x - plot.left()) / plot.width() * double(to - from));
}

void QueueDepthChart::refresh()
{
    evaluateThresholds();
    if (m_paused)
        return;
    const bool force = m_forceNext;
    m_forceNext = false;
    const int width = plotWidth();
    updateSeries(force); // and the axes
    // New axis ranges can change the label widths and so the plot's width at once: then the
    // buckets no longer match the pixels, so do it again (the second pass finds the same width).
    if (plotWidth() != width)
        updateSeries(true);
    m_forceNext = false; // plot-area changes during this refresh are taken care of
    updateFigures();
    m_overlay->setRect(m_chart->rect());
    m_overlay->update();
    if (m_hoverMs)
        m_hoverText = hoverText(*m_hoverMs);
    Q_EMIT refreshed();
}

void QueueDepthChart::updateSeries(bool force)
{
    const auto [from, to] = viewRange();
    m_shownRange = {from, to};
    const qint64 bucket = downsample::bucketWidth(to - from, plotWidth());
    std::vector<std::pair<QLineSeries *, QList<QPointF>>> replacements;
    for (auto &lp : m_lines) {
        Line &l = *lp;
        if (!l.spec.visible)
            continue;
        const quint64 revision = m_store->revision(l.spec.key);
        // Nothing new and the window moved less than a bucket: what is drawn is still right.
        if (!force && revision == l.drawnRevision && bucket == l.drawnBucket && from / bucket == l.drawnFrom / bucket
            && to / bucket == l.drawnTo / bucket) {
            continue;
        }
        const QList<MetricPoint> &points = m_store->pointsRef(l.spec.key);
        const QList<MetricPoint> reduced = l.cache.update(points, m_store->epoch(l.spec.key), from, to, bucket);
        QList<QPointF> out;
        out.reserve(reduced.size() * (l.spec.step ? 2 : 1));
        l.hasY = false;
        for (const MetricPoint &p : reduced) {
            if (l.spec.step && !out.isEmpty())
                out.append(QPointF(double(p.timestampMs), out.constLast().y()));
            out.append(QPointF(double(p.timestampMs), p.value));
            if (p.timestampMs >= from && p.timestampMs <= to) {
                l.yMin = l.hasY ? std::min(l.yMin, p.value) : p.value;
                l.yMax = l.hasY ? std::max(l.yMax, p.value) : p.value;
                l.hasY = true;
            }
        }
        // A series whose points all lie outside the window still sets the scale (flat line).
        if (!l.hasY && !reduced.isEmpty()) {
            l.yMin = l.yMax = reduced.constLast().value;
            l.hasY = true;
        }
        replacements.emplace_back(l.series, std::move(out));
        l.drawnRevision = revision;
        l.drawnFrom = from;
        l.drawnTo = to;
        l.drawnBucket = bucket;
        l.drawnPoints = replacements.back().second.size();

        l.spans.clear();
        for (const Monitor &m : m_monitors) {
            if (m.threshold.key == l.spec.key) {
                // From the reduced points: each bucket's minimum still breaks a run, so the
                // stretches are right to the pixel without another pass over the raw points.
                l.spans = QueueStats::spansAbove(asSpan(reduced), m.threshold.above, m.threshold.forMs);
            }
        }
    }

    // A new axis range makes Qt Charts lay out every series' points again. Series about to be
    // replaced are emptied first, so their old points are not laid out once more for nothing.
    const bool timeMoves = m_timeAxis->min().toMSecsSinceEpoch() != from || m_timeAxis->max().toMSecsSinceEpoch() != to;
    if (timeMoves) {
        for (auto &[series, points] : replacements)
            series->clear();
    }
    updateAxes();
    for (auto &[series, points] : replacements)
        series->replace(points);
}

void QueueDepthChart::updateAxes()
{
    const auto [from, to] = m_shownRange;
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    const qint64 span = to - from;
    m_timeAxis->setFormat(span <= 15 * 60'000 ? u"HH:mm:ss"_s : span <= 36 * 3600'000LL ? u"HH:mm"_s : u"MM-dd HH:mm"_s);
    m_timeAxis->setTickCount(std::clamp(plotWidth() / 110, 3, 10));

    for (const auto &[id, axis] : m_axes) {
        bool have = false;
        bool attached = false;
        double lo = 0, hi = 0;
        for (const auto &l : m_lines) {
            if (l->spec.axis != id)
                continue;
            attached = true;
            if (!l->spec.visible || !l->hasY)
                continue;
            lo = have ? std::min(lo, l->yMin) : l->yMin;
            hi = have ? std::max(hi, l->yMax) : l->yMax;
            have = true;
        }
        if (id != LeftAxis)
            axis->setVisible(attached);
        // Queues and rates start at zero; the top leaves a little air above the highest point.
        const double minTop = id == LeftAxis ? 10.0 : 1.0;
        const double top = niceCeil(std::max(minTop, have ? hi * 1.08 : minTop));
        const double bottom = have && lo < 0 ? -niceCeil(-lo * 1.08) : 0.0;
        if (axis->min() != bottom || axis->max() != top) {
            axis->setRange(bottom, top);
            axis->setTickCount(6);
            axis->setLabelFormat(top - bottom < 10 ? u"%.1f"_s : u"%.0f"_s);
        }
    }
}

void QueueDepthChart::updateFigures()
{
    const qint64 t = now();
    const Line *depth = lineWithRole(ChartSeriesSpec::Role::Depth);
    std::optional<double> depthNow;
    m_growth.reset();
    if (depth) {
        const QList<MetricPoint> &points = m_store->pointsRef(depth->spec.key);
        if (!points.isEmpty() && std::isfinite(points.constLast().value))
            depthNow = points.constLast().value;
        m_growth = QueueStats::slopePerSecond(downsample::timeRange(points, t - m_rateWindowMs, t));
    }
    auto recentRate = [&](ChartSeriesSpec::Role role) -> std::optional<double> {
        const Line *l = lineWithRole(role);
        if (!l)
            return std::nullopt;
        const auto last = m_store->last(l->spec.key);
        if (!last || !std::isfinite(last->value) || last->timestampMs < t - m_rateWindowMs)
            return std::nullopt;
        return last->value;
    };
    const std::optional<double> in = recentRate(ChartSeriesSpec::Role::InRate);
    const std::optional<double> out = recentRate(ChartSeriesSpec::Role::OutRate);
    m_drain = QueueStats::estimateDrain(depthNow, in, out, m_growth);

    m_depthLabel->setText(depthNow ? QLocale().toString(*depthNow, 'f', 0) : u"–"_s);
    m_growthLabel->setText(QueueStats::formatGrowth(m_growth));
    m_drainLabel->setText(QueueStats::formatDrain(m_drain));
    QPalette pal = palette();
    if (m_drain.kind == QueueStats::DrainEstimate::Kind::Never)
        pal.setColor(QPalette::WindowText, ui::warningTextColor(palette()));
    m_drainLabel->setPalette(pal);
    m_inLabel->setText(in ? tr("%1 msg/s").arg(ui::formatRate(*in)) : u"–"_s);
    m_outLabel->setText(out ? tr("%1 msg/s").arg(ui::formatRate(*out)) : u"–"_s);
}

void QueueDepthChart::setRateWindowMs(qint64 ms)
{
    m_rateWindowMs = std::max<qint64>(1000, ms);
    updateFigures();
    Q_EMIT configChanged();
}

// --- hover ---

QString QueueDepthChart::hoverText(qint64 ms) const
{
    const auto [from, to] = m_shownRange;
    const bool longSpan = to - from > 36 * 3600'000LL;
    const QString timeFormat = longSpan ? u"yyyy-MM-dd HH:mm:ss"_s : u"HH:mm:ss"_s;
    QStringList lines{QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), timeFormat)};
    for (const auto &l : m_lines) {
        if (!l->spec.visible)
            continue;
        const auto span = downsample::timeRange(m_store->pointsRef(l->spec.key), ms, ms, true);
        if (span.empty())
            continue;
        const MetricPoint *best = &span.front();
        for (const MetricPoint &p : span) {
            if (std::abs(p.timestampMs - ms) < std::abs(best->timestampMs - ms))
                best = &p;
        }
        lines.append(tr("%1: %2 at %3")
                         .arg(l->series->name(), formatValue(best->value),
                              QLocale().toString(QDateTime::fromMSecsSinceEpoch(best->timestampMs), timeFormat)));
    }
    for (const ChartMarker &m : m_markers) {
        // Markers within 1 % of the span of the cursor.
        if (std::abs(m.timestampMs - ms) <= std::max<qint64>(1000, (to - from) / 100))
            lines.append(m.detail.isEmpty() ? m.label : m.detail);
    }
    return lines.join(u'\n');
}

void QueueDepthChart::showHover(const QPoint &viewPos, const QPoint &globalPos)
{
    const double x = (m_view->mapToScene(viewPos) - m_chart->pos()).x();
    m_hoverMs = timeForX(x);
    m_hoverText = hoverText(*m_hoverMs);
    QToolTip::showText(globalPos + QPoint(14, 10), m_hoverText, m_view);
    m_overlay->update();
}

void QueueDepthChart::hideHover()
{
    if (!m_hoverMs)
        return;
    m_hoverMs.reset();
    QToolTip::hideText();
    m_overlay->update();
}

// --- config ---

QJsonObject QueueDepthChart::keyToJson(const MetricSeriesKey &key)
{
    QJsonObject labels;
    for (auto it = key.labels.cbegin(); it != key.labels.cend(); ++it)
        labels.insert(it.key(), it.value());
    return {{u"source"_s, key.source}, {u"name"_s, key.name}, {u"labels"_s, labels}};
}

MetricSeriesKey QueueDepthChart::keyFromJson(const QJsonObject &json)
{
    MetricSeriesKey key;
    key.source = json.value(u"source"_s).toString();
    key.name = json.value(u"name"_s).toString();
    const QJsonObject labels = json.value(u"labels"_s).toObject();
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
        key.labels.insert(it.key(), it.value().toString());
    return key;
}

QString QueueDepthChart::roleKey(ChartSeriesSpec::Role role)
{
    for (const auto &[key, r] : roleKeys()) {
        if (r == role)
            return key;
    }
    return u"other"_s;
}

ChartSeriesSpec::Role QueueDepthChart::roleFromKey(const QString &key)
{
    for (const auto &[k, r] : roleKeys()) {
        if (k == key)
            return r;
    }
    return ChartSeriesSpec::Role::Other;
}

QJsonObject QueueDepthChart::saveState() const
{
    QJsonArray axes;
    for (const auto &[id, axis] : m_axes) {
        if (id == LeftAxis || id == RightAxis)
            continue;
        const bool left = m_chart->axes(Qt::Vertical).contains(axis) && axis->alignment() == Qt::AlignLeft;
        axes.append(QJsonObject{{u"id"_s, id}, {u"title"_s, axis->titleText()}, {u"left"_s, left}});
    }
    QJsonArray series;
    for (const auto &l : m_lines) {
        QJsonObject o = keyToJson(l->spec.key);
        o.insert(u"label"_s, l->spec.name);
        o.insert(u"role"_s, roleKey(l->spec.role));
        o.insert(u"axis"_s, l->spec.axis);
        o.insert(u"visible"_s, l->spec.visible);
        if (l->spec.step)
            o.insert(u"step"_s, true);
        if (l->spec.color.isValid())
            o.insert(u"color"_s, l->spec.color.name());
        series.append(o);
    }
    QJsonArray thresholds;
    for (const Monitor &m : m_monitors) {
        QJsonObject o = keyToJson(m.threshold.key);
        o.insert(u"above"_s, m.threshold.above);
        o.insert(u"forSeconds"_s, double(m.threshold.forMs) / 1000.0);
        thresholds.append(o);
    }
    return {{u"title"_s, m_title},
            {u"windowMs"_s, double(m_windowMs)},
            {u"rateWindowMs"_s, double(m_rateWindowMs)},
            {u"axes"_s, axes},
            {u"series"_s, series},
            {u"thresholds"_s, thresholds}};
}

void QueueDepthChart::restoreState(const QJsonObject &state)
{
    if (state.contains(u"title"_s))
        setTitle(state.value(u"title"_s).toString());
    // Saved axis ids map to fresh ones.
    std::map<int, int> axisIds{{LeftAxis, LeftAxis}, {RightAxis, RightAxis}};
    for (const QJsonValue &v : state.value(u"axes"_s).toArray()) {
        const QJsonObject o = v.toObject();
        axisIds[o.value(u"id"_s).toInt()] =
            addValueAxis(o.value(u"title"_s).toString(), o.value(u"left"_s).toBool() ? Qt::AlignLeft : Qt::AlignRight);
    }
    for (const QJsonValue &v : state.value(u"series"_s).toArray()) {
        const QJsonObject o = v.toObject();
        ChartSeriesSpec spec;
        spec.key = keyFromJson(o);
        if (spec.key.name.isEmpty())
            continue;
        spec.name = o.value(u"label"_s).toString();
        spec.role = roleFromKey(o.value(u"role"_s).toString());
        const auto axis = axisIds.find(o.value(u"axis"_s).toInt());
        spec.axis = axis == axisIds.end() ? LeftAxis : axis->second;
        spec.visible = o.value(u"visible"_s).toBool(true);
        spec.step = o.value(u"step"_s).toBool(false);
        if (o.contains(u"color"_s))
            spec.color = QColor::fromString(o.value(u"color"_s).toString());
        if (hasSeries(spec.key))
            setSeriesVisible(spec.key, spec.visible);
        else
            addSeries(spec);
    }
    for (const QJsonValue &v : state.value(u"thresholds"_s).toArray()) {
        const QJsonObject o = v.toObject();
        ChartThreshold t;
        t.key = keyFromJson(o);
        t.above = o.value(u"above"_s).toDouble();
        t.forMs = qint64(o.value(u"forSeconds"_s).toDouble() * 1000.0);
        if (!t.key.name.isEmpty())
            setThreshold(t);
    }
    if (state.contains(u"rateWindowMs"_s))
        setRateWindowMs(qint64(state.value(u"rateWindowMs"_s).toDouble()));
    if (state.contains(u"windowMs"_s))
        setWindowMs(qint64(state.value(u"windowMs"_s).toDouble()));
}

} // namespace tideline
