// TrafficChartWidget: the Serve page's live chart — requests per second and mean latency over the last
// two minutes — drawn with Qt Charts from a TrafficHistory. Presentation only: the page feeds it
// snapshots on its sampling timer, and redraws are coalesced on a short single-shot timer.
#pragma once

#include "models/serve/traffic_history.h"

#include <QTimer>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace tb::widgets {

class TrafficChartWidget : public QWidget {
    Q_OBJECT
public:
    explicit TrafficChartWidget(QWidget* parent = nullptr);

    void addSnapshot(double seconds, const tb::serve::ServeMetrics::Snapshot& snapshot);
    void clear();
    const tb::models::TrafficHistory& history() const { return m_history; }
    QLineSeries* requestSeries() const { return m_requests; }
    QLineSeries* latencySeries() const { return m_latency; }
    QString summaryText() const;

private:
    void redraw();

    tb::models::TrafficHistory m_history;
    tb::serve::ServeMetrics::Snapshot m_lastSnapshot;
    QTimer m_redraw;
    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QLineSeries* m_requests = nullptr;
    QLineSeries* m_latency = nullptr;
    QValueAxis* m_axisX = nullptr;
    QValueAxis* m_axisRate = nullptr;
    QValueAxis* m_axisLatency = nullptr;
    QLabel* m_summary = nullptr;
};

}  // namespace tb::widgets
