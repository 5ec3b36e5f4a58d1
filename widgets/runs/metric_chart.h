// MetricChart: one live Qt Chart (one or more line series sharing an x axis) for the training dashboard.
// Points go into MetricSeries buffers immediately; the chart is redrawn from decimated copies on a
// ~40 ms single-shot timer, never per point, so 100,000 points and fast step rates stay smooth.
// Not a data source: the dashboard feeds it.
#pragma once

#include <QChartView>
#include <QTimer>
#include <QVector>

#include "models/runs/metric_series.h"

class QLineSeries;
class QValueAxis;
class QChart;

namespace tb::widgets {

class MetricChart : public QChartView {
    Q_OBJECT
public:
    MetricChart(const QString& title, const QString& xTitle, const QStringList& seriesNames, QWidget* parent = nullptr);

    void append(int series, double x, double y);
    void clear();
    void truncateFrom(double x);  // drops points at x >= x in every series
    int pointCount(int series) const { return m_data[series].size(); }
    int drawnPointCount(int series) const;
    int redrawCount() const { return m_redraws; }
    // Draws now (tests and screenshots); normally the timer does it.
    void redrawNow();

    static constexpr int RedrawIntervalMs = 40;

private:
    void scheduleRedraw();
    QChart* m_chart = nullptr;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    QVector<QLineSeries*> m_series;
    QVector<tb::models::MetricSeries> m_data;
    QTimer m_timer;
    bool m_dirty = false;
    int m_redraws = 0;
};

}  // namespace tb::widgets
