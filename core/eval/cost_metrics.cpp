#include "core/eval/cost_metrics.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace tb::eval {

double percentileLinear(std::vector<double> values, double p) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    p = std::clamp(p, 0.0, 100.0);
    double rank = p / 100.0 * double(values.size() - 1);
    size_t lo = static_cast<size_t>(std::floor(rank));
    size_t hi = std::min(lo + 1, values.size() - 1);
    double frac = rank - double(lo);
    return values[lo] + (values[hi] - values[lo]) * frac;
}

CostMetrics computeCostMetrics(const std::vector<double>& latenciesMs, const std::vector<long long>& promptTokens,
                               const std::vector<long long>& completionTokens) {
    CostMetrics m;
    std::vector<double> known;
    double tokensWithLatency = 0.0, secondsWithTokens = 0.0;
    for (size_t i = 0; i < latenciesMs.size(); ++i) {
        if (latenciesMs[i] >= 0 && std::isfinite(latenciesMs[i])) {
            known.push_back(latenciesMs[i]);
            if (i < completionTokens.size() && completionTokens[i] >= 0) {
                tokensWithLatency += double(completionTokens[i]);
                secondsWithTokens += latenciesMs[i] / 1000.0;
            }
        }
    }
    for (long long t : promptTokens)
        if (t > 0) m.promptTokens += t;
    for (long long t : completionTokens)
        if (t > 0) m.completionTokens += t;
    m.latencyCount = static_cast<long long>(known.size());
    if (!known.empty()) {
        double sum = 0.0;
        for (double v : known) sum += v;
        m.latencyMeanMs = sum / double(known.size());
        m.latencyP50Ms = percentileLinear(known, 50);
        m.latencyP95Ms = percentileLinear(known, 95);
        m.latencyMaxMs = *std::max_element(known.begin(), known.end());
    }
    if (secondsWithTokens > 0) m.tokensPerSecond = tokensWithLatency / secondsWithTokens;
    return m;
}

nlohmann::json costMetricsToJson(const CostMetrics& m) {
    return {{"latency_count", m.latencyCount},
            {"latency_mean_ms", m.latencyMeanMs},
            {"latency_p50_ms", m.latencyP50Ms},
            {"latency_p95_ms", m.latencyP95Ms},
            {"latency_max_ms", m.latencyMaxMs},
            {"percentile_method", "linear interpolation between closest ranks (numpy default)"},
            {"prompt_tokens", m.promptTokens},
            {"completion_tokens", m.completionTokens},
            {"tokens_per_second", m.tokensPerSecond}};
}

}  // namespace tb::eval
