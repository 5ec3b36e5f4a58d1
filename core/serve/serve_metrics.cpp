#include "core/serve/serve_metrics.h"

#include <cstdio>
#include <sstream>

namespace tb::serve {

namespace {
// Prometheus label values escape backslash, quote and newline.
std::string label(const std::string& v) {
    std::string out;
    for (char c : v) {
        if (c == '\\' || c == '"') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}
std::string num(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}
}  // namespace

ServeMetrics::ServeMetrics() = default;

const std::vector<double>& ServeMetrics::latencyBuckets() {
    static const std::vector<double> b = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
    return b;
}

void ServeMetrics::requestStarted() {
    std::lock_guard lock(m_mutex);
    ++m_active;
}

void ServeMetrics::requestFinished(const std::string& route, const std::string& model, int status,
                                   double latencySeconds, int64_t tokensIn, int64_t tokensOut) {
    std::lock_guard lock(m_mutex);
    if (m_active > 0) --m_active;
    ++m_requests[{route, model, status}];
    auto& buckets = m_latencyBuckets[model];
    if (buckets.empty()) buckets.assign(latencyBuckets().size(), 0);
    for (size_t i = 0; i < latencyBuckets().size(); ++i)
        if (latencySeconds <= latencyBuckets()[i]) ++buckets[i];
    m_latencySum[model] += latencySeconds;
    ++m_latencyCount[model];
    m_tokensIn[model] += tokensIn;
    m_tokensOut[model] += tokensOut;
}

void ServeMetrics::setQueueDepth(int depth) {
    std::lock_guard lock(m_mutex);
    m_queueDepth = depth;
}

ServeMetrics::Snapshot ServeMetrics::snapshot() const {
    std::lock_guard lock(m_mutex);
    Snapshot s;
    for (auto& [key, n] : m_requests) {
        s.requestsTotal += n;
        int status = std::get<2>(key);
        if (status >= 500 || status == 429) s.failedTotal += n;
    }
    for (auto& [m, n] : m_tokensOut) s.tokensOut += n;
    for (auto& [m, v] : m_latencySum) s.latencySumSeconds += v;
    s.active = m_active;
    s.queueDepth = m_queueDepth;
    return s;
}

std::string ServeMetrics::prometheusText() const {
    std::lock_guard lock(m_mutex);
    std::ostringstream o;
    o << "# HELP tunebench_requests_total Requests by route, model and HTTP status.\n"
         "# TYPE tunebench_requests_total counter\n";
    for (auto& [key, n] : m_requests)
        o << "tunebench_requests_total{route=\"" << label(std::get<0>(key)) << "\",model=\"" << label(std::get<1>(key))
          << "\",status=\"" << std::get<2>(key) << "\"} " << n << "\n";
    o << "# HELP tunebench_request_duration_seconds Request latency per model.\n"
         "# TYPE tunebench_request_duration_seconds histogram\n";
    for (auto& [model, buckets] : m_latencyBuckets) {
        for (size_t i = 0; i < buckets.size(); ++i)
            o << "tunebench_request_duration_seconds_bucket{model=\"" << label(model) << "\",le=\""
              << num(latencyBuckets()[i]) << "\"} " << buckets[i] << "\n";
        o << "tunebench_request_duration_seconds_bucket{model=\"" << label(model) << "\",le=\"+Inf\"} "
          << m_latencyCount.at(model) << "\n";
        o << "tunebench_request_duration_seconds_sum{model=\"" << label(model) << "\"} " << num(m_latencySum.at(model))
          << "\n";
        o << "tunebench_request_duration_seconds_count{model=\"" << label(model) << "\"} " << m_latencyCount.at(model)
          << "\n";
    }
    o << "# HELP tunebench_tokens_in_total Prompt tokens per model.\n# TYPE tunebench_tokens_in_total counter\n";
    for (auto& [m, n] : m_tokensIn) o << "tunebench_tokens_in_total{model=\"" << label(m) << "\"} " << n << "\n";
    o << "# HELP tunebench_tokens_out_total Generated tokens per model.\n# TYPE tunebench_tokens_out_total counter\n";
    for (auto& [m, n] : m_tokensOut) o << "tunebench_tokens_out_total{model=\"" << label(m) << "\"} " << n << "\n";
    o << "# HELP tunebench_active_requests Requests being handled now.\n# TYPE tunebench_active_requests gauge\n"
      << "tunebench_active_requests " << m_active << "\n";
    o << "# HELP tunebench_queue_depth Requests waiting for the scheduler.\n# TYPE tunebench_queue_depth gauge\n"
      << "tunebench_queue_depth " << m_queueDepth << "\n";
    return o.str();
}

}  // namespace tb::serve
