#pragma once

#include "core/HpaModel.h"
#include "kube/KubeTypes.h"

#include <QWidget>

#include <functional>
#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QPushButton;
class QSlider;
class QStackedWidget;
class QValueAxis;

namespace tideline {

// What the HPA of the selected workload will do next: HpaModel::preview() on the live object
// (spec, status metrics, the workload's replica counts and what Tideline observed of the
// controller's recent recommendations), shown as current → next sync → eventual replicas, the
// reasons in words (tolerance, stabilization window until a time, policy cap, clamped at a
// bound), a small chart of the predicted trajectory, and a what-if slider: drag it to ask
// "what if this metric read X" and the preview runs again at once.
//
// Pure presentation over HpaModel; owns its widgets and a copy of the inputs.
class HpaPreviewPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HpaPreviewPanel)

public:
    static constexpr int SliderSteps = 400;

    explicit HpaPreviewPanel(QWidget *parent = nullptr);
    ~HpaPreviewPanel() override;

    // The controller's memory as far as Tideline saw it: recommendations (HPA desired counts it
    // observed) and scale events (replica changes it observed).
    void setInputs(const kube::Hpa &hpa, const kube::Workload &workload,
                   const QList<HpaRecommendation> &recommendations, const QList<HpaScaleEvent> &scaleEvents);
    // Nothing to preview (no HPA); `why` is shown instead.
    void clear(const QString &why);
    bool hasInputs() const { return m_hpa.has_value(); }

    // Tests and screenshots: a clock other than the wall clock (ms since the epoch).
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // The what-if value for the chosen metric, in the target's unit (per-pod average, percent,
    // total); nullopt: the live reading.
    void setWhatIfValue(std::optional<double> value);
    std::optional<double> whatIfValue() const { return m_whatIf; }
    int whatIfMetric() const;
    void setWhatIfMetric(int index);
    // The value a slider position stands for, and back.
    double sliderValue(int position) const;

    const HpaDecision &decision() const { return m_decision; }

    QSlider *whatIfSlider() const { return m_slider; }
    QComboBox *metricCombo() const { return m_metricCombo; }
    QLabel *currentLabel() const { return m_current; }
    QLabel *nextLabel() const { return m_next; }
    QLabel *eventualLabel() const { return m_eventual; }
    QLabel *reasonsLabel() const { return m_reasons; }
    QLabel *whatIfLabel() const { return m_whatIfLabel; }
    QPushButton *liveButton() const { return m_liveButton; }
    QChartView *chartView() const { return m_chartView; }
    QLineSeries *trajectorySeries() const { return m_series; }

Q_SIGNALS:
    void previewUpdated();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyChartTheme();
    QWidget *buildFigure(const QString &caption, QLabel **value, QLabel **detail, const QString &objectName);
    void rerun();
    void updateSliderRange();
    void syncSlider();
    void onSliderMoved(int position);
    void updateChart();
    qint64 now() const;

    std::optional<kube::Hpa> m_hpa;
    kube::Workload m_workload;
    QList<HpaRecommendation> m_recommendations;
    QList<HpaScaleEvent> m_scaleEvents;
    std::optional<double> m_whatIf;
    double m_sliderMax = 100.0;
    HpaDecision m_decision;
    std::function<qint64()> m_clock;
    bool m_syncing = false;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_current = nullptr;
    QLabel *m_currentDetail = nullptr;
    QLabel *m_next = nullptr;
    QLabel *m_nextDetail = nullptr;
    QLabel *m_eventual = nullptr;
    QLabel *m_eventualDetail = nullptr;
    QLabel *m_reasons = nullptr;
    QLabel *m_proposals = nullptr;
    QComboBox *m_metricCombo = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_whatIfLabel = nullptr;
    QPushButton *m_liveButton = nullptr;
    QChartView *m_chartView = nullptr;
    QChart *m_chart = nullptr;
    QLineSeries *m_series = nullptr;
    QLineSeries *m_maxLine = nullptr;
    QLineSeries *m_minLine = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
};

} // namespace tideline
