#include "widgets/serve/traffic_chart_widget.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace tb::widgets {

TrafficChartWidget::TrafficChartWidget(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_requests = new QLineSeries(m_chart);
    m_requests->setName(tr("requests/s"));
    m_latency = new QLineSeries(m_chart);
    m_latency->setName(tr("mean latency (ms)"));
    m_chart->addSeries(m_requests);
    m_chart->addSeries(m_latency);
    m_axisX = new QValueAxis(m_chart);
    m_axisX->setTitleText(tr("seconds"));
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisRate = new QValueAxis(m_chart);
    m_axisRate->setTitleText(tr("requests/s"));
    m_axisLatency = new QValueAxis(m_chart);
    m_axisLatency->setTitleText(tr("ms"));
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisRate, Qt::AlignLeft);
    m_chart->addAxis(m_axisLatency, Qt::AlignRight);
    m_requests->attachAxis(m_axisX);
    m_requests->attachAxis(m_axisRate);
    m_latency->attachAxis(m_axisX);
    m_latency->attachAxis(m_axisLatency);
    m_view = new QChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("trafficChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(180);
    layout->addWidget(m_view, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("trafficSummary"));
    layout->addWidget(m_summary);

    // Coalesce redraws: snapshots may arrive faster than it is worth repainting.
    m_redraw.setSingleShot(true);
    m_redraw.setInterval(40);
    connect(&m_redraw, &QTimer::timeout, this, &TrafficChartWidget::redraw);
    redraw();
}

void TrafficChartWidget::addSnapshot(double seconds, const tb::serve::ServeMetrics::Snapshot& snapshot) {
    m_history.add(seconds, snapshot);
    m_lastSnapshot = snapshot;
    if (!m_redraw.isActive()) m_redraw.start();
}

void TrafficChartWidget::clear() {
    m_history.clear();
    m_lastSnapshot = {};
    redraw();
}

QString TrafficChartWidget::summaryText() const { return m_summary->text(); }

void TrafficChartWidget::redraw() {
    QList<QPointF> rate, latency;
    for (const auto& p : m_history.points()) {
        rate.append({p.t, p.requestsPerSecond});
        latency.append({p.t, p.meanLatencyMs});
    }
    m_requests->replace(rate);
    m_latency->replace(latency);
    const double t1 = rate.isEmpty() ? 60.0 : std::max(10.0, rate.last().x());
    const double t0 = rate.isEmpty() ? 0.0 : rate.first().x();
    m_axisX->setRange(t0, t1);
    m_axisRate->setRange(0.0, std::max(1.0, std::ceil(m_history.maxRequestsPerSecond() * 1.2)));
    m_axisLatency->setRange(0.0, std::max(10.0, std::ceil(m_history.maxLatencyMs() * 1.2)));
    const auto& s = m_lastSnapshot;
    m_summary->setText(tr("%1 requests in total, %2 failed, %3 tokens generated; %4 active, %5 queued")
                           .arg(s.requestsTotal)
                           .arg(s.failedTotal)
                           .arg(s.tokensOut)
                           .arg(s.active)
                           .arg(s.queueDepth));
}

}  // namespace tb::widgets
