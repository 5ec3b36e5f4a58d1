// EvalReport: every metric of one scored prediction set, JSON-serialisable for the CLI, the Registry and
// the Compare page, plus lookup of a metric by name (used by gates and comparisons).
// Not the scoring itself (eval_scorer.h) and not the stored predictions (prediction_store.h).
#pragma once

#include "core/eval/bleu_score.h"
#include "core/eval/classification_metrics.h"
#include "core/eval/cost_metrics.h"
#include "core/eval/json_output_metrics.h"
#include "core/eval/label_normalizer.h"
#include "core/eval/prediction_store.h"
#include "core/eval/rouge_score.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tb::eval {

enum class EvalTask { Classification, Generation, Json };
const char* evalTaskName(EvalTask task);
Result<EvalTask> parseEvalTask(const std::string& name);  // "classification" | "generation" | "json"

struct EvalReport {
    EvalTask task = EvalTask::Generation;
    std::string predictionsFile;
    nlohmann::json model;                 // model identity of the first record that has one
    long long count = 0;                  // examples scored
    bool useStemmer = false;
    NormalizationOptions normalization;

    // Generation metrics (always computed).
    RougeScores rouge;                    // mean over examples of score_multi
    BleuResult bleu;                      // corpus BLEU
    double tokenF1 = 0.0;                 // mean SQuAD token F1 (max over references)
    double exactMatch = 0.0;              // share of outputs equal to a reference after normalisation
    // Classification metrics (task classification only).
    std::optional<ClassificationMetrics> classification;
    // Structured-output metrics (task json only).
    std::optional<JsonMetrics> json;
    CostMetrics cost;
    std::vector<LineError> errors;

    // Headline accuracy: classification accuracy, JSON exact-match rate, or normalised exact match.
    double accuracy() const;
    nlohmann::json toJson() const;
};

// Value of a metric by name; nullopt if the report does not have it. Names: accuracy, macro_f1,
// weighted_f1, invalid_rate, rouge1, rouge2, rougeL (F-measures), bleu (0-100), token_f1, exact_match,
// valid_json_rate, field_accuracy, latency_p50_ms, latency_p95_ms, tokens_per_second.
std::optional<double> reportMetric(const EvalReport& report, const std::string& name);
// The same lookup on a report's JSON (as stored by the Registry).
std::optional<double> reportMetric(const nlohmann::json& reportJson, const std::string& name);
// The metric gates compare by default: macro_f1 (classification), rougeL (generation), field_accuracy (json).
std::string defaultPrimaryMetric(EvalTask task);
// Higher is better for every metric except latencies.
bool higherIsBetter(const std::string& metric);

}  // namespace tb::eval
