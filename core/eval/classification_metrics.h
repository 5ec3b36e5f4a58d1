// Metrics for classification by generation, computed from (gold label, predicted label or invalid) pairs:
// accuracy, per-class precision/recall/F1/support, macro and weighted F1, confusion matrix and the share
// of outputs that were no valid label. Mapping text to labels is label_normalizer.h's job, not this file's.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tb::eval {

struct ClassMetrics {
    std::string label;
    double precision = 0.0;  // tp / predicted-as-label; 0 when nothing was predicted as label
    double recall = 0.0;     // tp / support; 0 when support is 0
    double f1 = 0.0;         // 0 when precision + recall is 0
    long long support = 0;   // gold examples of this label
    long long predicted = 0; // valid predictions of this label
};

struct ClassificationMetrics {
    long long count = 0;
    long long correct = 0;
    long long invalid = 0;             // outputs that named no label
    double accuracy = 0.0;             // correct / count (invalid outputs count as wrong)
    double invalidRate = 0.0;          // invalid / count
    double macroF1 = 0.0;              // unweighted mean F1 over classes with support > 0 or predictions
    double weightedF1 = 0.0;           // support-weighted mean F1 over the same classes
    std::vector<ClassMetrics> perClass;           // in label order
    std::vector<std::string> labels;
    // confusion[gold][predicted]; the last column counts invalid outputs.
    std::vector<std::vector<long long>> confusion;
};

// gold[i] indexes labels; predicted[i] is nullopt for an invalid output.
ClassificationMetrics computeClassificationMetrics(const std::vector<std::string>& labels,
                                                   const std::vector<size_t>& gold,
                                                   const std::vector<std::optional<size_t>>& predicted);

nlohmann::json classificationMetricsToJson(const ClassificationMetrics& m);

}  // namespace tb::eval
