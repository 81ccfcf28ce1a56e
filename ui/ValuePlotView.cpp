#include "ValuePlotView.h"

#include "StateStyle.h"
#include "Theme.h"
#include "payload/NumericExtractor.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

// Keeps the first and last point and, per horizontal bucket, the lowest and highest value (in
// time order), so spikes survive and the series stays a few thousand points at most.
QList<QPointF> downsample(const QList<QPointF> &points, int buckets)
{
    if (points.size() <= qsizetype(buckets) * 2 || buckets < 2)
        return points;
    const double x0 = points.first().x();
    const double span = std::max(1.0, points.last().x() - x0);
    QList<QPointF> out;
    out.reserve(qsizetype(buckets) * 2 + 2);
    qsizetype i = 0;
    for (int b = 0; b < buckets && i < points.size(); ++b) {
        const double end = x0 + span * (b + 1) / buckets;
        qsizetype lo = -1, hi = -1;
        for (; i < points.size() && (points.at(i).x() <= end || b == buckets - 1); ++i) {
            if (lo < 0 || points.at(i).y() < points.at(lo).y())
                lo = i;
            if (hi < 0 || points.at(i).y() > points.at(hi).y())
                hi = i;
        }
        if (lo < 0)
            continue;
        out.append(points.at(std::min(lo, hi)));
        if (lo != hi)
            out.append(points.at(std::max(lo, hi)));
    }
    return out;
}

} // namespace

ValuePlotView::ValuePlotView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"plotView"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *row = new QHBoxLayout;
    auto *caption = new QLabel(tr("&Value at:"), this);
    m_pathEdit = new QLineEdit(this);
    m_pathEdit->setObjectName(u"plotPath"_s);
    m_pathEdit->setAccessibleName(tr("JSON path of the value to plot"));
    m_pathEdit->setToolTip(tr("A JSON path such as $.temperature or $.sensors[0].value; "
                              "empty or $ plots the payload itself."));
    m_pathEdit->setClearButtonEnabled(true);
    caption->setBuddy(m_pathEdit);
    m_status = new QLabel(this);
    m_status->setObjectName(u"plotStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    row->addWidget(caption);
    row->addWidget(m_pathEdit, 2);
    row->addWidget(m_status, 3);
    layout->addLayout(row);

    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->setAnimationOptions(QChart::NoAnimation);
    m_series = new QLineSeries(chart);
    m_series->setName(tr("Value"));
    chart->addSeries(m_series);
    m_axisX = new QDateTimeAxis(chart);
    m_axisX->setFormat(u"HH:mm:ss"_s);
    m_axisX->setTickCount(5);
    m_axisY = new QValueAxis(chart);
    m_axisY->setLabelFormat(u"%.6g"_s);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    m_series->attachAxis(m_axisX);
    m_series->attachAxis(m_axisY);
    m_chartView = new QChartView(chart, this);
    m_chartView->setObjectName(u"plotChart"_s);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(120);
    layout->addWidget(m_chartView, 1);
    applyChartTheme();

    m_timer.setSingleShot(true);
    m_timer.setInterval(UpdateIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ValuePlotView::updateSeries);
    connect(m_pathEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!m_topic.isEmpty())
            m_paths.insert(m_topic, text.trimmed());
        scheduleUpdate();
    });
    clear();
}

ValuePlotView::~ValuePlotView() = default;

void ValuePlotView::changeEvent(QEvent *event)
{
    // View › Theme: the chart and the status colour follow the new palette.
    if (event->type() == QEvent::PaletteChange && m_chartView) {
        applyChartTheme();
        scheduleUpdate();
    }
    QWidget::changeEvent(event);
}

void ValuePlotView::applyChartTheme()
{
    ui::applyChartTheme(m_chartView->chart(), palette());
    // setTheme() repaints the series in the theme's colours: ours again, a blue for each palette.
    QPen pen(ui::isDarkPalette(palette()) ? QColor(0x6c, 0xa8, 0xff) : QColor(0x1a, 0x73, 0xe8));
    pen.setWidthF(1.6);
    m_series->setPen(pen);
}

void ValuePlotView::clear()
{
    m_topic.clear();
    m_entries.clear();
    m_cache.clear();
    m_suggestedPath.clear();
    m_valueCount = 0;
    m_series->clear();
    const QSignalBlocker block(m_pathEdit);
    m_pathEdit->clear();
    m_pathEdit->setPlaceholderText(u"$"_s);
    m_status->setText(tr("No topic selected"));
}

void ValuePlotView::setHistory(const QString &topic, const std::vector<TopicTree::HistoryEntry> &entries)
{
    if (topic != m_topic) {
        // The suggestion stays: it was made for this topic's newest payload (clear() drops it).
        m_topic = topic;
        m_cache.clear();
        const QSignalBlocker block(m_pathEdit);
        m_pathEdit->setText(m_paths.value(topic));
    }
    m_entries = entries;
    scheduleUpdate();
}

void ValuePlotView::setPath(const QString &path)
{
    m_pathEdit->setText(path); // textChanged remembers and schedules
}

QString ValuePlotView::path() const
{
    return effectivePath();
}

void ValuePlotView::setSuggestedPath(const QString &path)
{
    if (path == m_suggestedPath)
        return;
    m_suggestedPath = path;
    m_pathEdit->setPlaceholderText(path.isEmpty() ? u"$"_s : path);
    if (m_pathEdit->text().trimmed().isEmpty())
        scheduleUpdate();
}

QString ValuePlotView::effectivePath() const
{
    const QString typed = m_pathEdit->text().trimmed();
    if (!typed.isEmpty())
        return typed;
    return m_suggestedPath;
}

QList<QPointF> ValuePlotView::points() const
{
    return m_series->points();
}

void ValuePlotView::scheduleUpdate()
{
    m_dirty = true;
    if (!m_timer.isActive())
        m_timer.start();
}

void ValuePlotView::updateSeries()
{
    m_dirty = false;
    if (m_topic.isEmpty()) {
        m_series->clear();
        return;
    }
    const QString path = effectivePath();
    if (!NumericExtractor::parsePath(path)) {
        m_series->clear();
        m_valueCount = 0;
        QPalette pal = palette();
        pal.setColor(QPalette::WindowText, ui::errorTextColor(pal));
        m_status->setPalette(pal);
        m_status->setText(tr("\"%1\" is not a JSON path (try $.name or $.list[0].value)").arg(path));
        return;
    }
    m_status->setPalette(palette());
    if (path != m_cachePath) {
        m_cache.clear();
        m_cachePath = path;
    }

    // Newest first, so a budget cut leaves the oldest values for the next tick.
    qsizetype budget = ExtractBudgetBytes;
    bool more = false;
    const double noValue = std::numeric_limits<double>::quiet_NaN();
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        if (m_cache.contains(it->seq))
            continue;
        if (it->payload.size() > NumericExtractor::MaxInput) {
            m_cache.insert(it->seq, noValue);
            continue;
        }
        if (budget <= 0) {
            more = true;
            break;
        }
        budget -= it->payload.size() + 64;
        m_cache.insert(it->seq, NumericExtractor::value(it->payload, path).value_or(noValue));
    }
    // Forget what history no longer holds.
    if (m_cache.size() > qsizetype(m_entries.size()) * 2 + 64) {
        QHash<quint64, double> kept;
        for (const auto &e : m_entries) {
            if (const auto it = m_cache.constFind(e.seq); it != m_cache.constEnd())
                kept.insert(e.seq, *it);
        }
        m_cache.swap(kept);
    }

    QList<QPointF> points;
    points.reserve(qsizetype(m_entries.size()));
    double minY = std::numeric_limits<double>::max();
    double maxY = std::numeric_limits<double>::lowest();
    for (const auto &e : m_entries) {
        const auto it = m_cache.constFind(e.seq);
        if (it == m_cache.constEnd() || std::isnan(*it) || std::isinf(*it))
            continue;
        points.append(QPointF(double(e.timestampMs), *it));
        minY = std::min(minY, *it);
        maxY = std::max(maxY, *it);
    }
    m_valueCount = int(points.size());
    const int buckets = std::max(50, int(m_chartView->chart()->plotArea().width()));
    m_series->replace(downsample(points, buckets));

    if (points.isEmpty()) {
        m_status->setText(m_entries.empty()
                              ? tr("No messages kept for this topic")
                              : tr("No numeric value at %1 in the kept messages (%2)")
                                    .arg(path.isEmpty() ? u"$"_s : path, QLocale().toString(qulonglong(m_entries.size()))));
    } else {
        double x0 = points.first().x();
        double x1 = points.last().x();
        const double span = x1 - x0;
        // A little room on both sides so the first and last point are not on the frame.
        const double xPad = span > 0 ? span * 0.03 : 500;
        x0 -= xPad;
        x1 += xPad;
        m_axisX->setRange(QDateTime::fromMSecsSinceEpoch(qint64(x0)), QDateTime::fromMSecsSinceEpoch(qint64(x1)));
        m_axisX->setFormat(span > 24 * 3600 * 1000.0 ? u"MM-dd HH:mm"_s
                           : span < 10 * 1000.0       ? u"HH:mm:ss.zzz"_s
                                                      : u"HH:mm:ss"_s);
        double pad = (maxY - minY) * 0.08;
        if (pad <= 0)
            pad = std::max(1.0, std::abs(maxY) * 0.05);
        m_axisY->setRange(minY - pad, maxY + pad);
        m_axisY->applyNiceNumbers();
        // Few points: show each one, a line alone hides how sparse the data is.
        m_series->setPointsVisible(points.size() <= 60);
        const QLocale locale;
        m_status->setText(tr("values: %1  ·  last %2  ·  min %3  ·  max %4")
                              .arg(locale.toString(m_valueCount), locale.toString(points.last().y(), 'g', 8),
                                   locale.toString(minY, 'g', 8), locale.toString(maxY, 'g', 8)));
    }
    if (more)
        scheduleUpdate();
    Q_EMIT plotted();
}

} // namespace tideline
