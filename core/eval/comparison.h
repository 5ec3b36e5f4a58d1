// Side-by-side comparison of two prediction sets over the same examples (base vs tuned, or two versions):
// per-example correctness of A and B, disagreements, regressions (A right, B wrong), fixes (A wrong, B
// right), both reports and the metric deltas (B - A). Used by the Compare page and `tunebench compare`.
// Not a statistical significance test and not the HTML/CSV export.
#pragma once

#include "core/eval/eval_scorer.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace tb::eval {

enum class ComparisonKind { BothRight, BothWrong, Regression, Fix };
const char* comparisonKindName(ComparisonKind kind);  // "both_right", "both_wrong", "regression", "fix"

struct ComparedExample {
    std::string id;
    std::string prompt;
    std::vector<std::string> references;
    std::string predictionA;
    std::string predictionB;
    ExampleScore scoreA;
    ExampleScore scoreB;
    ComparisonKind kind = ComparisonKind::BothWrong;
    bool disagreement = false;  // the normalised outputs differ (classification: the predicted labels)
};

struct ComparisonResult {
    std::vector<ComparedExample> examples;  // in A's order
    long long bothRight = 0, bothWrong = 0, regressions = 0, fixes = 0, disagreements = 0;
    std::vector<std::string> onlyInA;       // ids without a partner in B
    std::vector<std::string> onlyInB;
    EvalReport reportA;                     // over the matched examples only
    EvalReport reportB;
    std::map<std::string, double> deltas;   // metric -> B - A, for metrics both reports have

    nlohmann::json toJson(bool includeExamples = true) const;
};

// Examples are matched by id. Both sides are scored with the same options and the same label set.
Result<ComparisonResult> comparePredictions(const PredictionSet& a, const PredictionSet& b,
                                            const ScoreOptions& options, const ProgressCallback& progress = {});

}  // namespace tb::eval
