#include "models/runs/metric_series.h"

#include <algorithm>
#include <cmath>

namespace tb::models {

void MetricSeries::append(double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y)) return;
    if (m_points.isEmpty()) m_minY = m_maxY = y;
    m_minY = std::min(m_minY, y);
    m_maxY = std::max(m_maxY, y);
    m_points.append(QPointF(x, y));
}

void MetricSeries::clear() {
    m_points.clear();
    m_minY = m_maxY = 0.0;
}

void MetricSeries::truncateFrom(double x) {
    while (!m_points.isEmpty() && m_points.back().x() >= x) m_points.removeLast();
    if (m_points.isEmpty()) return clear();
    m_minY = m_maxY = m_points.front().y();
    for (const QPointF& p : m_points) m_minY = std::min(m_minY, p.y()), m_maxY = std::max(m_maxY, p.y());
}

QList<QPointF> MetricSeries::decimated(int buckets) const {
    const qsizetype n = m_points.size();
    buckets = std::max(buckets, 1);
    if (n <= 2 * qsizetype(buckets)) return QList<QPointF>(m_points.begin(), m_points.end());
    QList<QPointF> out;
    out.reserve(2 * buckets + 1);
    for (int b = 0; b < buckets; ++b) {
        const qsizetype first = n * b / buckets, last = n * (b + 1) / buckets;  // [first, last)
        if (first >= last) continue;
        qsizetype lo = first, hi = first;
        for (qsizetype i = first + 1; i < last; ++i) {
            if (m_points[i].y() < m_points[lo].y()) lo = i;
            if (m_points[i].y() > m_points[hi].y()) hi = i;
        }
        out.append(m_points[std::min(lo, hi)]);
        if (lo != hi) out.append(m_points[std::max(lo, hi)]);
    }
    if (out.back() != m_points.back()) out.append(m_points.back());  // the newest point is always drawn
    return out;
}

}  // namespace tb::models
