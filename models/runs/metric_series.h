// MetricSeries: the full history of one plotted metric (x = step or seconds) and its decimation for
// drawing: min and max per pixel-wide bucket, in order, so a 100,000-point loss curve is drawn from a
// few thousand points without losing its spikes. Plain data on the GUI thread; no chart code.
#pragma once

#include <QList>
#include <QPointF>
#include <QVector>

namespace tb::models {

class MetricSeries {
public:
    void append(double x, double y);
    void clear();
    // Drops the points at x >= `x` (a run resumed from an earlier step or started again).
    void truncateFrom(double x);
    int size() const { return int(m_points.size()); }
    bool isEmpty() const { return m_points.isEmpty(); }
    const QVector<QPointF>& points() const { return m_points; }
    double lastX() const { return m_points.isEmpty() ? 0.0 : m_points.back().x(); }
    double minY() const { return m_minY; }
    double maxY() const { return m_maxY; }

    // At most 2 * buckets points: every point when there are few, else the min and max of each bucket of
    // consecutive points (in x order within the bucket).
    QList<QPointF> decimated(int buckets) const;

private:
    QVector<QPointF> m_points;
    double m_minY = 0.0, m_maxY = 0.0;
};

}  // namespace tb::models
