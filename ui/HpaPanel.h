#pragma once

#include "kube/KubeTypes.h"

#include <QWidget>

#include <optional>

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace tideline {

// The HorizontalPodAutoscaler of the selected workload as an operator reads it: target,
// bounds, current and desired replicas, every metric's current value against its target
// (Resource, ContainerResource, Pods, Object, External), the conditions AbleToScale,
// ScalingActive and ScalingLimited with their messages, and the behavior policies.
// Shows a short note instead when no HPA targets the workload. Owns only its widgets.
class HpaPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HpaPanel)

public:
    explicit HpaPanel(QWidget *parent = nullptr);
    ~HpaPanel() override;

    // nullopt: no HPA targets `workloadName`.
    void setHpa(const std::optional<kube::Hpa> &hpa, const QString &workloadName);
    const std::optional<kube::Hpa> &hpa() const { return m_hpa; }

    QTableWidget *metricsTable() const { return m_metrics; }
    QTableWidget *conditionsTable() const { return m_conditions; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *behaviorLabel() const { return m_behavior; }
    QLabel *emptyLabel() const { return m_empty; }

    // The page on show decides (an empty note needs little room, a full HPA more).
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    void fill();

    std::optional<kube::Hpa> m_hpa;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_metrics = nullptr;
    QTableWidget *m_conditions = nullptr;
    QLabel *m_behavior = nullptr;
};

} // namespace tideline
