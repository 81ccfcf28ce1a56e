#include "HpaPreviewPanel.h"

#include "KubeText.h"
#include "StateStyle.h"
#include "Theme.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPen>
#include <QPushButton>
#include <QSlider>
#include <QStackedWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

// 1, 2, 5 × 10^k at or above `v`: slider ends an operator can read.
double niceCeil(double v)
{
    if (v <= 0)
        return 1.0;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * p >= v - 1e-9)
            return m * p;
    }
    return 10.0 * p;
}

bool totalForAverage(const HpaMetricSpec &m)
{
    return (m.source == HpaMetricSourceType::Object || m.source == HpaMetricSourceType::External)
        && m.targetType == HpaTargetType::AverageValue;
}

} // namespace

HpaPreviewPanel::HpaPreviewPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"hpaPreviewPanel"_s);
    m_stack = new QStackedWidget(this);
    m_empty = new QLabel(tr("Select a workload with an HPA to preview its next scaling decision."), m_stack);
    m_empty->setObjectName(u"previewEmptyLabel"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);

    auto *page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *figures = new QHBoxLayout;
    figures->addWidget(buildFigure(tr("Now"), &m_current, &m_currentDetail, u"previewCurrent"_s), 1);
    auto arrow = [page] {
        auto *a = new QLabel(u"→"_s, page);
        QFont f = a->font();
        f.setPointSizeF(f.pointSizeF() * 2.0);
        a->setFont(f);
        a->setAlignment(Qt::AlignCenter);
        return a;
    };
    figures->addWidget(arrow());
    figures->addWidget(buildFigure(tr("Next sync"), &m_next, &m_nextDetail, u"previewNext"_s), 1);
    figures->addWidget(arrow());
    figures->addWidget(buildFigure(tr("Eventually"), &m_eventual, &m_eventualDetail, u"previewEventual"_s), 1);
    layout->addLayout(figures);

    m_reasons = new QLabel(page);
    m_reasons->setObjectName(u"previewReasons"_s);
    m_reasons->setWordWrap(true);
    m_reasons->setTextFormat(Qt::RichText);
    m_reasons->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_reasons);
    // Only for metrics that could not be used (the reasons name the others).
    m_proposals = new QLabel(page);
    m_proposals->setObjectName(u"previewProposals"_s);
    m_proposals->setWordWrap(true);
    m_proposals->setTextFormat(Qt::PlainText);
    m_proposals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_proposals);

    // What-if: one metric at a time, in the target's unit.
    auto *whatIf = new QFrame(page);
    whatIf->setObjectName(u"previewWhatIf"_s);
    whatIf->setFrameShape(QFrame::StyledPanel);
    auto *grid = new QGridLayout(whatIf);
    auto *whatIfCaption = new QLabel(tr("What if"), whatIf);
    QFont bold = whatIfCaption->font();
    bold.setBold(true);
    whatIfCaption->setFont(bold);
    m_metricCombo = new QComboBox(whatIf);
    m_metricCombo->setObjectName(u"previewMetricCombo"_s);
    m_metricCombo->setAccessibleName(tr("What-if metric"));
    m_metricCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_slider = new QSlider(Qt::Horizontal, whatIf);
    m_slider->setObjectName(u"previewWhatIfSlider"_s);
    m_slider->setAccessibleName(tr("What-if metric value"));
    m_slider->setRange(0, SliderSteps);
    m_slider->setToolTip(tr("Drag to see what the HPA would do if the metric read this value"));
    m_liveButton = new QPushButton(tr("Back to live"), whatIf);
    m_liveButton->setObjectName(u"previewLiveButton"_s);
    m_liveButton->setToolTip(tr("Use the controller's current reading again"));
    m_whatIfLabel = new QLabel(whatIf);
    m_whatIfLabel->setObjectName(u"previewWhatIfLabel"_s);
    m_whatIfLabel->setWordWrap(true);
    grid->addWidget(whatIfCaption, 0, 0);
    grid->addWidget(m_metricCombo, 0, 1);
    grid->addWidget(m_slider, 0, 2);
    grid->addWidget(m_liveButton, 0, 3);
    grid->addWidget(m_whatIfLabel, 1, 0, 1, 4);
    grid->setColumnStretch(2, 1);
    layout->addWidget(whatIf);

    m_chart = new QChart;
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->setTitle(tr("Predicted replicas if the load stays as it is"));
    m_series = new QLineSeries(m_chart);
    m_series->setName(tr("Predicted replicas"));
    m_maxLine = new QLineSeries(m_chart);
    m_maxLine->setName(tr("maxReplicas"));
    m_minLine = new QLineSeries(m_chart);
    m_minLine->setName(tr("minReplicas"));
    m_chart->addSeries(m_maxLine);
    m_chart->addSeries(m_minLine);
    m_chart->addSeries(m_series);
    m_timeAxis = new QDateTimeAxis(m_chart);
    m_timeAxis->setFormat(u"HH:mm:ss"_s);
    m_timeAxis->setTickCount(5);
    m_valueAxis = new QValueAxis(m_chart);
    m_valueAxis->setLabelFormat(u"%d"_s);
    m_valueAxis->setTitleText(tr("replicas"));
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    for (QLineSeries *s : {m_series, m_maxLine, m_minLine}) {
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_valueAxis);
    }
    m_chartView = new QChartView(m_chart, page);
    m_chartView->setObjectName(u"previewChart"_s);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(130);
    applyChartTheme();
    layout->addWidget(m_chartView, 1);
    m_stack->addWidget(page);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);
    outer->addWidget(m_stack);

    connect(m_slider, &QSlider::valueChanged, this, &HpaPreviewPanel::onSliderMoved);
    connect(m_liveButton, &QPushButton::clicked, this, [this] { setWhatIfValue(std::nullopt); });
    connect(m_metricCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_syncing)
            return;
        m_whatIf.reset();
        updateSliderRange();
        rerun();
    });
}

HpaPreviewPanel::~HpaPreviewPanel() = default;

void HpaPreviewPanel::changeEvent(QEvent *event)
{
    // View › Theme: the chart follows the new palette.
    if (event->type() == QEvent::PaletteChange && m_chart)
        applyChartTheme();
    QWidget::changeEvent(event);
}

void HpaPreviewPanel::applyChartTheme()
{
    ui::applyChartTheme(m_chart, palette());
    // setTheme() repaints the series in the theme's colours: ours again (the purple of
    // QueueDepthChart's desired replicas, lighter on the dark theme).
    QPen pen(ui::isDarkPalette(palette()) ? QColor(0xc7, 0x8b, 0xf0) : QColor(0x8e, 0x24, 0xaa));
    pen.setWidthF(2.5);
    m_series->setPen(pen);
    for (QLineSeries *bound : {m_maxLine, m_minLine}) {
        QPen p(QColor(0x90, 0x90, 0x90));
        p.setStyle(Qt::DashLine);
        p.setWidthF(1.2);
        bound->setPen(p);
    }
}

QWidget *HpaPreviewPanel::buildFigure(const QString &caption, QLabel **value, QLabel **detail,
                                      const QString &objectName)
{
    auto *box = new QFrame(this);
    box->setFrameShape(QFrame::StyledPanel);
    auto *l = new QVBoxLayout(box);
    l->setSpacing(2);
    auto *c = new QLabel(caption, box);
    c->setAlignment(Qt::AlignCenter);
    auto *v = new QLabel(box);
    v->setObjectName(objectName);
    v->setAlignment(Qt::AlignCenter);
    QFont f = v->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.9);
    v->setFont(f);
    auto *d = new QLabel(box);
    d->setObjectName(objectName + u"Detail"_s);
    d->setAlignment(Qt::AlignCenter);
    d->setWordWrap(true);
    l->addWidget(c);
    l->addWidget(v);
    l->addWidget(d);
    *value = v;
    *detail = d;
    return box;
}

qint64 HpaPreviewPanel::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void HpaPreviewPanel::setInputs(const kube::Hpa &hpa, const kube::Workload &workload,
                                const QList<HpaRecommendation> &recommendations,
                                const QList<HpaScaleEvent> &scaleEvents)
{
    const bool sameHpa = m_hpa && m_hpa->meta.uid == hpa.meta.uid && m_hpa->meta.name == hpa.meta.name
        && m_hpa->spec.metrics.size() == hpa.spec.metrics.size();
    m_hpa = hpa;
    m_workload = workload;
    m_recommendations = recommendations;
    m_scaleEvents = scaleEvents;
    if (!sameHpa) {
        m_whatIf.reset();
        m_syncing = true;
        m_metricCombo->clear();
        for (const HpaMetricSpec &m : hpa.spec.metrics)
            m_metricCombo->addItem(KubeText::metricName(m));
        m_metricCombo->setCurrentIndex(hpa.spec.metrics.isEmpty() ? -1 : 0);
        m_syncing = false;
    }
    if (!m_whatIf)
        updateSliderRange();
    m_stack->setCurrentIndex(1);
    rerun();
}

void HpaPreviewPanel::clear(const QString &why)
{
    m_hpa.reset();
    m_whatIf.reset();
    m_decision = {};
    m_empty->setText(why);
    m_stack->setCurrentIndex(0);
}

int HpaPreviewPanel::whatIfMetric() const
{
    return m_metricCombo->currentIndex();
}

void HpaPreviewPanel::setWhatIfMetric(int index)
{
    m_metricCombo->setCurrentIndex(index);
}

void HpaPreviewPanel::setWhatIfValue(std::optional<double> value)
{
    m_whatIf = value;
    if (value && *value > m_sliderMax)
        m_sliderMax = niceCeil(*value);
    if (!value)
        updateSliderRange();
    rerun();
    syncSlider();
}

double HpaPreviewPanel::sliderValue(int position) const
{
    return m_sliderMax * double(position) / double(SliderSteps);
}

void HpaPreviewPanel::updateSliderRange()
{
    const int index = whatIfMetric();
    if (!m_hpa || index < 0 || index >= m_hpa->spec.metrics.size()) {
        m_sliderMax = 100.0;
        return;
    }
    const double target = m_hpa->spec.metrics.at(index).target;
    const double live = KubeText::currentValue(*m_hpa, index).value_or(0.0);
    m_sliderMax = niceCeil(std::max({live * 2.0, target * 3.0, 1.0}));
}

void HpaPreviewPanel::syncSlider()
{
    const int index = whatIfMetric();
    double v = 0.0;
    if (m_whatIf)
        v = *m_whatIf;
    else if (m_hpa)
        v = KubeText::currentValue(*m_hpa, index).value_or(0.0);
    m_syncing = true;
    m_slider->setValue(int(std::lround(std::clamp(v / m_sliderMax, 0.0, 1.0) * SliderSteps)));
    m_syncing = false;
}

void HpaPreviewPanel::onSliderMoved(int position)
{
    if (m_syncing || !m_hpa)
        return;
    m_whatIf = sliderValue(position);
    rerun();
}

void HpaPreviewPanel::rerun()
{
    if (!m_hpa)
        return;
    const kube::Hpa &hpa = *m_hpa;
    const int index = whatIfMetric();
    QList<std::optional<HpaMetricValue>> metrics = hpa.metricValues();
    if (m_whatIf && index >= 0 && index < metrics.size()) {
        const HpaMetricSpec &m = hpa.spec.metrics.at(index);
        HpaMetricValue v;
        v.current = totalForAverage(m) ? *m_whatIf * std::max(1, hpa.currentReplicas) : *m_whatIf;
        metrics[index] = v;
    }

    HpaState state;
    state.nowMs = now();
    state.currentReplicas = m_workload.specReplicas;
    state.statusReplicas = m_workload.replicas;
    state.readyPods = m_workload.readyReplicas;
    state.recommendations = m_recommendations;
    state.scaleEvents = m_scaleEvents;
    m_decision = HpaModel::preview(hpa.spec, state, metrics);
    const HpaDecision &d = m_decision;

    m_current->setText(QString::number(d.currentReplicas));
    m_currentDetail->setText(tr("replicas, %1 ready").arg(m_workload.readyReplicas));
    m_next->setText(QString::number(d.nextReplicas));
    m_nextDetail->setText(d.nextReplicas == d.currentReplicas ? tr("no change at the next sync")
                                                              : tr("at the next sync (within 15 s)"));
    m_eventual->setText(QString::number(d.eventualReplicas));
    if (!d.scalingActive)
        m_eventualDetail->setText(tr("autoscaling is not active"));
    else if (!d.eventualReached)
        m_eventualDetail->setText(tr("still moving at %1").arg(HpaModel::formatClock(d.eventualAtMs)));
    else if (d.eventualReplicas == d.currentReplicas)
        m_eventualDetail->setText(tr("stays while the load holds"));
    else
        m_eventualDetail->setText(tr("by %1").arg(HpaModel::formatClock(d.eventualAtMs)));

    const QColor up(0x8e, 0x24, 0xaa);
    const QColor down(0x00, 0x79, 0x6b);
    const auto colour = [&](QLabel *l, int value) {
        const QString css = value > d.currentReplicas   ? u"color: %1;"_s.arg(up.name())
                            : value < d.currentReplicas ? u"color: %1;"_s.arg(down.name())
                                                        : QString();
        l->setStyleSheet(css);
    };
    colour(m_next, d.nextReplicas);
    colour(m_eventual, d.eventualReplicas);

    QStringList reasons;
    for (const HpaReason &r : d.reasons)
        reasons << r.text.toHtmlEscaped();
    if (reasons.isEmpty() && d.nextReplicas == d.currentReplicas)
        reasons << tr("Every metric proposes the current count: nothing to do.").toHtmlEscaped();
    m_reasons->setText(u"<b>%1</b><ul style='margin-left:-20px'><li>%2</li></ul>"_s.arg(
        tr("Why").toHtmlEscaped(), reasons.join(u"</li><li>"_s)));

    QStringList unusable;
    for (const HpaMetricProposal &p : d.proposals) {
        if (!p.valid)
            unusable << tr("%1: %2").arg(KubeText::metricName(hpa.spec.metrics.at(p.index)), p.error);
    }
    m_proposals->setText(unusable.join(u'\n'));
    m_proposals->setVisible(!unusable.isEmpty());

    if (!m_whatIf || index < 0)
        syncSlider();
    if (index >= 0 && index < hpa.spec.metrics.size()) {
        const HpaMetricSpec &m = hpa.spec.metrics.at(index);
        const std::optional<double> live = KubeText::currentValue(hpa, index);
        const QString liveText = live ? KubeText::valueText(m, *live) : tr("no reading");
        if (m_whatIf) {
            m_whatIfLabel->setText(tr("If %1 read %2 (live: %3; target %4)")
                                       .arg(KubeText::metricName(m), KubeText::valueText(m, *m_whatIf), liveText,
                                            KubeText::targetText(m)));
        } else {
            m_whatIfLabel->setText(tr("Live reading of %1: %2 (target %3). Drag the slider to try another value.")
                                       .arg(KubeText::metricName(m), liveText, KubeText::targetText(m)));
        }
    } else {
        m_whatIfLabel->setText(tr("This HPA has no metrics."));
    }
    m_liveButton->setEnabled(m_whatIf.has_value());
    m_slider->setEnabled(index >= 0);

    updateChart();
    Q_EMIT previewUpdated();
}

void HpaPreviewPanel::updateChart()
{
    const HpaDecision &d = m_decision;
    const qint64 start = now();
    const qint64 last = d.trajectory.isEmpty() ? start : d.trajectory.constLast().timestampMs;
    // Some room after the last change so the settled count is visible as a line.
    const qint64 end = std::max(last + std::max<qint64>((last - start) / 5, 60'000), start + 120'000);
    QList<QPointF> points;
    int previous = d.currentReplicas;
    int top = std::max(d.currentReplicas, m_hpa ? m_hpa->spec.maxReplicas : 1);
    points.append(QPointF(double(start), previous));
    for (const HpaTrajectoryPoint &p : d.trajectory) {
        points.append(QPointF(double(p.timestampMs), previous));
        points.append(QPointF(double(p.timestampMs), p.replicas));
        previous = p.replicas;
        top = std::max(top, p.replicas);
    }
    points.append(QPointF(double(end), previous));
    m_series->replace(points);
    if (m_hpa) {
        m_maxLine->replace({QPointF(double(start), m_hpa->spec.maxReplicas), QPointF(double(end), m_hpa->spec.maxReplicas)});
        m_minLine->replace({QPointF(double(start), m_hpa->spec.minReplicas), QPointF(double(end), m_hpa->spec.minReplicas)});
    }
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(start), QDateTime::fromMSecsSinceEpoch(end));
    m_timeAxis->setFormat(end - start > 3600'000 ? u"HH:mm"_s : u"HH:mm:ss"_s);
    const int ceiling = top + 1;
    m_valueAxis->setRange(0, ceiling);
    m_valueAxis->setTickCount(std::min(ceiling, 6) + 1);
    m_valueAxis->applyNiceNumbers();
}

} // namespace tideline
