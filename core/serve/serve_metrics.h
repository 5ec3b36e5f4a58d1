// Counters, gauges and a latency histogram for the endpoint, rendered in the Prometheus text format
// (/metrics) and readable as a snapshot for the GUI's live chart. Thread-safe. Not the HTTP layer.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace tb::serve {

class ServeMetrics {
public:
    ServeMetrics();

    void requestStarted();
    // Called once per request when its response is complete (or failed). model may be empty.
    void requestFinished(const std::string& route, const std::string& model, int status, double latencySeconds,
                         int64_t tokensIn, int64_t tokensOut);
    void setQueueDepth(int depth);

    struct Snapshot {
        int64_t requestsTotal = 0;
        int64_t failedTotal = 0;  // status >= 500 or 429
        int64_t tokensOut = 0;
        int active = 0;
        int queueDepth = 0;
        double latencySumSeconds = 0.0;
    };
    Snapshot snapshot() const;

    std::string prometheusText() const;
    static const std::vector<double>& latencyBuckets();

private:
    mutable std::mutex m_mutex;
    std::map<std::tuple<std::string, std::string, int>, int64_t> m_requests;  // (route, model, status)
    std::map<std::string, std::vector<int64_t>> m_latencyBuckets;            // model -> cumulative counts
    std::map<std::string, double> m_latencySum;
    std::map<std::string, int64_t> m_latencyCount;
    std::map<std::string, int64_t> m_tokensIn, m_tokensOut;
    int m_active = 0;
    int m_queueDepth = 0;
};

}  // namespace tb::serve
