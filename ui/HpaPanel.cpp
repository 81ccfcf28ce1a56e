#include "HpaPanel.h"

#include "KubeText.h"
#include "StateStyle.h"

#include <QApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QLabel>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent, const QString &objectName)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->setFocusPolicy(Qt::NoFocus);
    t->setWordWrap(true);
    t->setAlternatingRowColors(true);
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    t->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    t->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    t->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    t->setWordWrap(false);
    t->setTextElideMode(Qt::ElideRight);
    t->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return t;
}

// Exactly as tall as its rows: the panel reads top to bottom without inner scrolling.
void fitHeight(QTableWidget *t)
{
    t->resizeRowsToContents();
    int h = t->horizontalHeader()->sizeHint().height() + 2 * t->frameWidth();
    for (int r = 0; r < t->rowCount(); ++r)
        h += t->rowHeight(r);
    t->setFixedHeight(h);
}

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

QTableWidgetItem *item(const QString &text)
{
    auto *i = new QTableWidgetItem(text);
    i->setToolTip(text);
    return i;
}

} // namespace

HpaPanel::HpaPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"hpaPanel"_s);
    m_stack = new QStackedWidget(this);

    m_empty = new QLabel(m_stack);
    m_empty->setObjectName(u"hpaEmptyLabel"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("Select a workload to see its autoscaler."));
    m_stack->addWidget(m_empty);

    auto *page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(page);
    m_title->setObjectName(u"hpaTitle"_s);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_title->setFont(big);
    m_title->setTextFormat(Qt::PlainText);
    m_summary = new QLabel(page);
    m_summary->setObjectName(u"hpaSummary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_metrics = makeTable({tr("Metric"), tr("Current"), tr("Target"), tr("Ratio")}, page, u"hpaMetrics"_s);
    m_metrics->setToolTip(tr("Each metric the HPA scales on: the controller's last reading against the target. "
                             "The ratio current/target times the ready pods is that metric's proposal."));
    m_conditions = makeTable({tr("Condition"), tr("Status"), tr("Reason"), tr("Message")}, page, u"hpaConditions"_s);
    m_behavior = new QLabel(page);
    m_behavior->setObjectName(u"hpaBehavior"_s);
    m_behavior->setWordWrap(true);
    m_behavior->setTextFormat(Qt::PlainText);
    m_behavior->setTextInteractionFlags(Qt::TextSelectableByMouse);

    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(sectionLabel(tr("Metrics"), page));
    layout->addWidget(m_metrics);
    layout->addWidget(sectionLabel(tr("Conditions"), page));
    layout->addWidget(m_conditions);
    layout->addWidget(sectionLabel(tr("Behavior"), page));
    layout->addWidget(m_behavior);
    layout->addStretch(1);
    m_stack->addWidget(page);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);
    outer->addWidget(m_stack);
}

HpaPanel::~HpaPanel() = default;

QSize HpaPanel::sizeHint() const
{
    const QMargins m = layout()->contentsMargins();
    return m_stack->currentWidget()->sizeHint() + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize HpaPanel::minimumSizeHint() const
{
    const QMargins m = layout()->contentsMargins();
    return m_stack->currentWidget()->minimumSizeHint() + QSize(m.left() + m.right(), m.top() + m.bottom());
}

void HpaPanel::setHpa(const std::optional<kube::Hpa> &hpa, const QString &workloadName)
{
    m_hpa = hpa;
    if (!hpa) {
        m_empty->setText(workloadName.isEmpty()
                             ? tr("Select a workload to see its autoscaler.")
                             : tr("No HorizontalPodAutoscaler targets %1.\n\nIts replicas change only when "
                                  "someone scales it.").arg(workloadName));
        m_stack->setCurrentIndex(0);
        updateGeometry();
        return;
    }
    fill();
    m_stack->setCurrentIndex(1);
    updateGeometry();
}

void HpaPanel::fill()
{
    const kube::Hpa &h = *m_hpa;
    m_title->setText(tr("HPA %1 → %2").arg(h.meta.name, KubeText::workloadText(h.scaleTargetRef.kind,
                                                                                h.scaleTargetRef.name)));

    const QString lastScale = h.lastScaleTime.isValid()
        ? tr("%1 (%2 ago)").arg(h.lastScaleTime.toLocalTime().toString(u"HH:mm:ss"_s),
                                kube::KubeTypes::formatAge(h.lastScaleTime, QDateTime::currentDateTimeUtc()))
        : tr("never");
    const auto row = [](const QString &k, const QString &v) {
        return u"<tr><td style='padding-right:14px'><b>%1</b></td><td>%2</td></tr>"_s.arg(k.toHtmlEscaped(),
                                                                                        v.toHtmlEscaped());
    };
    QString html = u"<table cellspacing='0' cellpadding='1'>"_s;
    html += row(tr("Bounds"), tr("min %1, max %2").arg(h.spec.minReplicas).arg(h.spec.maxReplicas));
    html += row(tr("Replicas"), tr("current %1, desired %2").arg(h.currentReplicas).arg(h.desiredReplicas));
    html += row(tr("Last scale"), lastScale);
    html += u"</table>"_s;
    m_summary->setText(html);

    m_metrics->setRowCount(int(h.spec.metrics.size()));
    for (int i = 0; i < h.spec.metrics.size(); ++i) {
        const HpaMetricSpec &m = h.spec.metrics.at(i);
        const std::optional<double> current = KubeText::currentValue(h, i);
        m_metrics->setItem(i, 0, item(KubeText::metricName(m)));
        auto *cur = item(current ? KubeText::valueText(m, *current) : tr("<unknown>"));
        if (!current)
            cur->setForeground(ui::warningTextColor(palette()));
        m_metrics->setItem(i, 1, cur);
        m_metrics->setItem(i, 2, item(KubeText::targetText(m)));
        QString ratio = tr("—");
        if (current && m.target > 0)
            ratio = tr("%1×").arg(QString::number(*current / m.target, 'f', 2));
        m_metrics->setItem(i, 3, item(ratio));
    }
    m_metrics->resizeColumnsToContents();
    m_metrics->horizontalHeader()->setStretchLastSection(true);
    fitHeight(m_metrics);

    m_conditions->setRowCount(int(h.conditions.size()));
    for (int i = 0; i < h.conditions.size(); ++i) {
        const kube::KubeCondition &c = h.conditions.at(i);
        m_conditions->setItem(i, 0, item(c.type));
        auto *status = item(c.status);
        if (KubeText::conditionNeedsAttention(c)) {
            status->setForeground(c.type == u"ScalingLimited"_s ? ui::warningTextColor(palette())
                                                                  : ui::errorTextColor(palette()));
            QFont f = status->font();
            f.setBold(true);
            status->setFont(f);
        }
        m_conditions->setItem(i, 1, status);
        m_conditions->setItem(i, 2, item(c.reason));
        auto *message = item(c.message);
        if (c.lastTransitionTime.isValid()) {
            message->setToolTip(tr("%1\nsince %2").arg(c.message, QLocale().toString(c.lastTransitionTime.toLocalTime(),
                                                                                      QLocale::ShortFormat)));
        }
        m_conditions->setItem(i, 3, message);
    }
    m_conditions->resizeColumnsToContents();
    m_conditions->horizontalHeader()->setStretchLastSection(true);
    fitHeight(m_conditions);

    m_behavior->setText(KubeText::behaviorLines(h.spec).join(u'\n'));
}

} // namespace tideline
