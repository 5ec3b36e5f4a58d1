// TrafficHistory: turns successive ServeMetrics snapshots into points for the live chart — requests per
// second and mean latency over each sampling interval — and keeps the last N of them. Plain data with
// no timer of its own: the page samples it on a timer and redraws.
#pragma once

#include "core/serve/serve_metrics.h"

#include <deque>

namespace tb::models {

struct TrafficPoint {
    double t = 0.0;              // seconds since the first sample
    double requestsPerSecond = 0.0;
    double meanLatencyMs = 0.0;  // over requests finished in the interval (0 when none)
    int active = 0;
    int queueDepth = 0;
};

class TrafficHistory {
public:
    explicit TrafficHistory(int capacity = 120) : m_capacity(capacity) {}

    // Adds the interval since the previous snapshot (the first one only sets the baseline).
    void add(double seconds, const tb::serve::ServeMetrics::Snapshot& snapshot);
    void clear();
    const std::deque<TrafficPoint>& points() const { return m_points; }
    int64_t requestsTotal() const { return m_last.requestsTotal; }
    double maxRequestsPerSecond() const;
    double maxLatencyMs() const;

private:
    int m_capacity;
    bool m_started = false;
    double m_t0 = 0.0;
    double m_lastT = 0.0;
    tb::serve::ServeMetrics::Snapshot m_last;
    std::deque<TrafficPoint> m_points;
};

}  // namespace tb::models
