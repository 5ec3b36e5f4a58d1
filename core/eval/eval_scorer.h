// Scores a set of stored predictions into an EvalReport (all metrics for the chosen task), and scores
// single examples for side-by-side comparison. Pure computation on records already read; no model runs
// here (the Evaluator that generates predictions is separate).
#pragma once

#include "core/common/progress.h"
#include "core/eval/eval_report.h"

#include <optional>
#include <string>
#include <vector>

namespace tb::eval {

struct ScoreOptions {
    EvalTask task = EvalTask::Generation;
    bool useStemmer = false;              // Porter stemming for ROUGE
    std::vector<std::string> labels;      // classification: known labels (gold labels are added to them)
    NormalizationOptions normalization;   // classification labels and exact match
    // A generation example counts as correct in comparisons when its ROUGE-L F-measure reaches this.
    double generationCorrectThreshold = 0.5;
};

// Per-example result, the unit the Compare page and `compare` work with.
struct ExampleScore {
    std::string id;
    bool valid = true;             // classification: output named a label; json: output parsed
    bool correct = false;          // label right / exact JSON match / ROUGE-L F >= threshold
    std::string predictedLabel;    // classification: canonical label, empty if invalid
    std::string goldLabel;         // classification only
    double rougeL = 0.0;           // F-measure, max over references
    double tokenF1 = 0.0;
    double sentenceBleu = 0.0;     // sacreBLEU sentence_bleu, 0-100
};
nlohmann::json exampleScoreToJson(const ExampleScore& s);

// The normalisation used for exact match and for "the outputs differ": options.normalization, except that
// generation and json tasks compare whole outputs (first_line_only off).
NormalizationOptions exactMatchNormalization(const ScoreOptions& options);

// Builds the label normaliser for a record set: options.labels plus every gold label, in that order.
LabelNormalizer makeLabelNormalizer(const std::vector<PredictionRecord>& records, const ScoreOptions& options);

ExampleScore scoreExample(const PredictionRecord& record, const ScoreOptions& options,
                          const LabelNormalizer& normalizer);

// Scores all records. Fails only when cancelled through progress.
Result<EvalReport> scorePredictions(const PredictionSet& set, const ScoreOptions& options,
                                    const ProgressCallback& progress = {});

}  // namespace tb::eval
