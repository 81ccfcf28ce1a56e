#pragma once

#include "core/TopicTree.h"

#include <QHash>
#include <QPointF>
#include <QTimer>
#include <QWidget>

#include <vector>

class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineEdit;
class QLineSeries;
class QValueAxis;

namespace tideline {

// A small line chart of one topic's numeric values over time (NumericExtractor over the kept
// history), with a JSON path field to pick the value.
//
// Owns the chart and a per-message cache of extracted values (by arrival number), so a new
// message costs one extraction. Work is bounded per update (ExtractBudgetBytes of payload per
// tick; the rest follows on the next tick) and the series is replaced at most every
// UpdateIntervalMs, downsampled to min/max per horizontal pixel.
class ValuePlotView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValuePlotView)

public:
    static constexpr int UpdateIntervalMs = 250;
    static constexpr qsizetype ExtractBudgetBytes = 2 * 1024 * 1024; // ~20 ms of JSON parsing

    explicit ValuePlotView(QWidget *parent = nullptr);
    ~ValuePlotView() override;

    // The topic's history, oldest first. A new topic clears the cache.
    void setHistory(const QString &topic, const std::vector<TopicTree::HistoryEntry> &entries);
    void clear();

    // "" or "$" plots the payload itself.
    void setPath(const QString &path);
    QString path() const;
    // When the operator has not chosen a path: a suggestion from the newest payload (the first
    // numeric JSON field) used until they do.
    void setSuggestedPath(const QString &path);

    // Points on the chart now (x: ms since the epoch).
    QList<QPointF> points() const;
    int valueCount() const { return m_valueCount; }
    QLabel *statusLabel() const { return m_status; }
    QLineEdit *pathEdit() const { return m_pathEdit; }
    QChartView *chartView() const { return m_chartView; }

Q_SIGNALS:
    // After the series was replaced (tests, screenshots).
    void plotted();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyChartTheme();
    void scheduleUpdate();
    void updateSeries();
    QString effectivePath() const;

    QLineEdit *m_pathEdit = nullptr;
    QLabel *m_status = nullptr;
    QChartView *m_chartView = nullptr;
    QLineSeries *m_series = nullptr;
    QDateTimeAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    QTimer m_timer;

    QString m_topic;
    QString m_suggestedPath;
    std::vector<TopicTree::HistoryEntry> m_entries;
    // Extracted values by arrival number for the current topic and path (NaN: no value).
    QHash<quint64, double> m_cache;
    QString m_cachePath;
    // The operator's path per topic, for this session.
    QHash<QString, QString> m_paths;
    int m_valueCount = 0;
    bool m_dirty = false;
};

} // namespace tideline
