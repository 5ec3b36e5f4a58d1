// The drift report: compares what the endpoint was asked (sampled prompts) with what the model was
// trained on — token-length distribution (PSI over training-quantile bins), the share of prompt words
// never seen in training, and the predicted-label distribution against the training labels (PSI) —
// with thresholds and a verdict. Plain data in, plain data out.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>
#include <vector>

namespace tb::serve {

struct DriftThresholds {
    double psiWarn = 0.10;    // the usual reading: < 0.1 stable, 0.1-0.25 moderate, > 0.25 significant
    double psiAlert = 0.25;
    double unseenWarn = 0.10;
    double unseenAlert = 0.25;
    int minSamples = 20;      // fewer served samples than this: "insufficient data"
};

struct DriftInputs {
    std::vector<int> trainingLengths;  // prompt lengths in tokens
    std::vector<int> servedLengths;
    std::unordered_set<std::string> trainingVocabulary;  // lowercased words
    std::vector<std::string> servedPrompts;
    std::map<std::string, int64_t> trainingLabels;   // label -> count (empty: not a classification task)
    std::map<std::string, int64_t> predictedLabels;  // label -> count among served outputs
};

struct DriftMetric {
    std::string name;
    double value = 0.0;
    std::string level;  // "ok", "warn", "alert"
    std::string explanation;
};

struct DriftReport {
    int servedSamples = 0;
    std::vector<DriftMetric> metrics;
    std::string verdict;  // "stable", "moderate drift", "significant drift", "insufficient data"
    std::vector<std::string> reasons;
    nlohmann::json toJson() const;
};

// Population stability index of `actual` against `expected` over the given bin counts (smoothed so that an
// empty bin does not give infinity).
double populationStabilityIndex(const std::vector<double>& expectedCounts, const std::vector<double>& actualCounts);
// Bins both samples by the deciles of `expected` and returns the PSI.
double lengthPsi(const std::vector<int>& expected, const std::vector<int>& actual, int bins = 10);
// Lowercased words of [a-z0-9']+ (ASCII letters/digits; other bytes of UTF-8 words are kept inside words).
std::vector<std::string> driftWords(const std::string& text);

DriftReport computeDriftReport(const DriftInputs& inputs, const DriftThresholds& thresholds = {});

}  // namespace tb::serve
