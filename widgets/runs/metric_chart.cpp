#include "widgets/runs/metric_chart.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace tb::widgets {

MetricChart::MetricChart(const QString& title, const QString& xTitle, const QStringList& seriesNames, QWidget* parent)
    : QChartView(parent) {
    m_chart = new QChart;
    m_chart->setTitle(title);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setVisible(seriesNames.size() > 1);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_x = new QValueAxis;
    m_x->setTitleText(xTitle);
    m_x->setLabelFormat(QStringLiteral("%g"));
    m_y = new QValueAxis;
    m_y->setLabelFormat(QStringLiteral("%.3g"));
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    for (const QString& name : seriesNames) {
        auto* s = new QLineSeries;
        s->setName(name);
        s->setUseOpenGL(false);
        m_chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        m_series.append(s);
    }
    m_data.resize(seriesNames.size());
    setChart(m_chart);
    setRenderHint(QPainter::Antialiasing, false);
    setMinimumSize(260, 180);
    m_timer.setSingleShot(true);
    m_timer.setInterval(RedrawIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &MetricChart::redrawNow);
}

void MetricChart::append(int series, double x, double y) {
    if (series < 0 || series >= m_data.size()) return;
    m_data[series].append(x, y);
    scheduleRedraw();
}

void MetricChart::clear() {
    for (auto& d : m_data) d.clear();
    scheduleRedraw();
}

void MetricChart::truncateFrom(double x) {
    for (auto& d : m_data) d.truncateFrom(x);
    scheduleRedraw();
}

int MetricChart::drawnPointCount(int series) const {
    return int(m_series[series]->count());
}

void MetricChart::scheduleRedraw() {
    m_dirty = true;
    if (!m_timer.isActive()) m_timer.start();
}

void MetricChart::redrawNow() {
    m_timer.stop();
    if (!m_dirty) return;
    m_dirty = false;
    ++m_redraws;
    const int buckets = std::max(50, int(m_chart->plotArea().width()));
    double minX = 0, maxX = 1, minY = 0, maxY = 1;
    bool any = false;
    for (int i = 0; i < m_data.size(); ++i) {
        const auto& d = m_data[i];
        m_series[i]->replace(d.decimated(buckets));
        if (d.isEmpty()) continue;
        const double x0 = d.points().front().x(), x1 = d.lastX();
        if (!any) minX = x0, maxX = x1, minY = d.minY(), maxY = d.maxY();
        minX = std::min(minX, x0), maxX = std::max(maxX, x1);
        minY = std::min(minY, d.minY()), maxY = std::max(maxY, d.maxY());
        any = true;
    }
    if (maxX <= minX) maxX = minX + 1;
    const double pad = maxY > minY ? 0.05 * (maxY - minY) : std::max(std::abs(maxY) * 0.05, 1e-6);
    m_x->setRange(minX, maxX);
    m_x->applyNiceNumbers();  // round tick labels (steps, seconds)
    // Non-negative metrics (loss, rates, memory) keep 0 as the floor instead of padding below it.
    m_y->setRange(minY >= 0.0 ? std::max(0.0, minY - pad) : minY - pad, maxY + pad);
}

}  // namespace tb::widgets
