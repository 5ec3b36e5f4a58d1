#include "models/serve/traffic_history.h"

#include <algorithm>

namespace tb::models {

void TrafficHistory::add(double seconds, const tb::serve::ServeMetrics::Snapshot& s) {
    if (!m_started) {
        m_started = true;
        m_t0 = m_lastT = seconds;
        m_last = s;
        return;
    }
    const double dt = seconds - m_lastT;
    if (dt <= 0.0) return;
    TrafficPoint p;
    p.t = seconds - m_t0;
    const int64_t finished = s.requestsTotal - m_last.requestsTotal;
    p.requestsPerSecond = double(std::max<int64_t>(0, finished)) / dt;
    if (finished > 0) p.meanLatencyMs = 1000.0 * (s.latencySumSeconds - m_last.latencySumSeconds) / double(finished);
    p.active = s.active;
    p.queueDepth = s.queueDepth;
    m_points.push_back(p);
    while (int(m_points.size()) > m_capacity) m_points.pop_front();
    m_lastT = seconds;
    m_last = s;
}

void TrafficHistory::clear() {
    m_started = false;
    m_points.clear();
    m_last = {};
}

double TrafficHistory::maxRequestsPerSecond() const {
    double m = 0.0;
    for (const auto& p : m_points) m = std::max(m, p.requestsPerSecond);
    return m;
}

double TrafficHistory::maxLatencyMs() const {
    double m = 0.0;
    for (const auto& p : m_points) m = std::max(m, p.meanLatencyMs);
    return m;
}

}  // namespace tb::models
