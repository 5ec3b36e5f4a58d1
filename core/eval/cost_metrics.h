// Cost of a run from stored predictions: latency percentiles and generation throughput.
// Percentiles use linear interpolation between closest ranks (numpy.percentile's default, "type 7"):
// rank = p/100 * (n-1). Not a timer: latencies are measured by whoever generated the predictions.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <vector>

namespace tb::eval {

// p in [0, 100]; empty input gives 0.
double percentileLinear(std::vector<double> values, double p);

struct CostMetrics {
    long long latencyCount = 0;        // examples with a latency
    double latencyMeanMs = 0.0;
    double latencyP50Ms = 0.0;
    double latencyP95Ms = 0.0;
    double latencyMaxMs = 0.0;
    long long promptTokens = 0;
    long long completionTokens = 0;
    // Sum of completion tokens / sum of latencies (seconds) over examples that have both; 0 when none.
    double tokensPerSecond = 0.0;
};

// latenciesMs[i] < 0 and completionTokens[i] < 0 mean "unknown" for that example.
CostMetrics computeCostMetrics(const std::vector<double>& latenciesMs, const std::vector<long long>& promptTokens,
                               const std::vector<long long>& completionTokens);

nlohmann::json costMetricsToJson(const CostMetrics& m);

}  // namespace tb::eval
