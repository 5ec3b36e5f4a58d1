#include "core/eval/eval_scorer.h"

#include "core/eval/token_f1.h"

namespace tb::eval {

nlohmann::json exampleScoreToJson(const ExampleScore& s) {
    return {{"id", s.id},           {"valid", s.valid},         {"correct", s.correct},
            {"predicted_label", s.predictedLabel}, {"gold_label", s.goldLabel},
            {"rougeL", s.rougeL},   {"token_f1", s.tokenF1},    {"sentence_bleu", s.sentenceBleu}};
}

LabelNormalizer makeLabelNormalizer(const std::vector<PredictionRecord>& records, const ScoreOptions& options) {
    LabelNormalizer normalizer(options.labels, options.normalization);
    if (options.task == EvalTask::Classification)
        for (const PredictionRecord& r : records) normalizer.addLabel(r.goldLabel());
    return normalizer;
}

NormalizationOptions exactMatchNormalization(const ScoreOptions& options) {
    NormalizationOptions n = options.normalization;
    if (options.task != EvalTask::Classification) n.firstLineOnly = false;  // a whole answer must match
    return n;
}

namespace {

bool normalisedExactMatch(const PredictionRecord& r, const NormalizationOptions& n) {
    std::string p = normalizeText(r.prediction, n);
    for (const std::string& ref : r.references)
        if (normalizeText(ref, n) == p) return true;
    return false;
}

}  // namespace

ExampleScore scoreExample(const PredictionRecord& r, const ScoreOptions& options, const LabelNormalizer& normalizer) {
    ExampleScore s;
    s.id = r.id;
    s.rougeL = rougeScoreMulti(r.references, r.prediction, options.useStemmer).rougeL.fmeasure;
    s.tokenF1 = tokenF1Multi(r.prediction, r.references);
    s.sentenceBleu = sentenceBleu(r.prediction, r.references).score;
    switch (options.task) {
    case EvalTask::Classification: {
        std::optional<size_t> gold = normalizer.classify(r.goldLabel());
        std::optional<size_t> predicted = normalizer.classify(r.prediction);
        s.goldLabel = gold ? normalizer.labels()[*gold] : r.goldLabel();
        s.valid = predicted.has_value();
        if (predicted) s.predictedLabel = normalizer.labels()[*predicted];
        s.correct = predicted && gold && *predicted == *gold;
        break;
    }
    case EvalTask::Json: {
        bool anyExact = false, valid = false;
        for (const std::string& ref : r.references) {
            JsonExampleScore js = scoreJsonExample(r.prediction, ref);
            valid = js.valid;
            anyExact = anyExact || js.exactMatch;
        }
        s.valid = valid;
        s.correct = anyExact;
        break;
    }
    case EvalTask::Generation:
        s.correct = s.rougeL >= options.generationCorrectThreshold;
        break;
    }
    return s;
}

Result<EvalReport> scorePredictions(const PredictionSet& set, const ScoreOptions& options,
                                    const ProgressCallback& progress) {
    EvalReport report;
    report.task = options.task;
    report.predictionsFile = set.file;
    report.useStemmer = options.useStemmer;
    report.normalization = options.normalization;
    report.errors = set.errors;
    report.count = static_cast<long long>(set.records.size());

    LabelNormalizer normalizer = makeLabelNormalizer(set.records, options);
    std::vector<RougeScores> rouge;
    std::vector<std::string> hypotheses;
    std::vector<std::vector<std::string>> references;
    std::vector<size_t> gold;
    std::vector<std::optional<size_t>> predicted;
    std::vector<JsonExampleScore> jsonScores;
    std::vector<double> latencies;
    std::vector<long long> promptTokens, completionTokens;
    double f1Sum = 0.0;
    long long exact = 0;
    const NormalizationOptions exactNorm = exactMatchNormalization(options);

    const int64_t total = static_cast<int64_t>(set.records.size());
    for (int64_t i = 0; i < total; ++i) {
        const PredictionRecord& r = set.records[static_cast<size_t>(i)];
        if (i % 64 == 0 && !reportProgress(progress, {"Scoring", i, total, set.file}))
            return cancelledError("scoring cancelled");
        if (report.model.is_null() && !r.model.is_null()) report.model = r.model;
        rouge.push_back(rougeScoreMulti(r.references, r.prediction, options.useStemmer));
        hypotheses.push_back(r.prediction);
        references.push_back(r.references);
        f1Sum += tokenF1Multi(r.prediction, r.references);
        if (normalisedExactMatch(r, exactNorm)) ++exact;
        if (options.task == EvalTask::Classification) {
            std::optional<size_t> g = normalizer.classify(r.goldLabel());
            gold.push_back(g ? *g : normalizer.addLabel(r.goldLabel()));
            predicted.push_back(normalizer.classify(r.prediction));
        }
        if (options.task == EvalTask::Json) {
            // Against several references, keep the one with the most matched fields.
            JsonExampleScore best;
            bool first = true;
            for (const std::string& ref : r.references) {
                JsonExampleScore js = scoreJsonExample(r.prediction, ref);
                if (first || js.exactMatch > best.exactMatch ||
                    (js.exactMatch == best.exactMatch && js.fieldsMatched > best.fieldsMatched))
                    best = js;
                first = false;
            }
            jsonScores.push_back(best);
        }
        latencies.push_back(r.latencyMs);
        promptTokens.push_back(r.promptTokens);
        completionTokens.push_back(r.completionTokens);
    }
    reportProgress(progress, {"Scoring", total, total, set.file});

    report.rouge = rougeMean(rouge);
    report.bleu = corpusBleu(hypotheses, references);
    if (total > 0) {
        report.tokenF1 = f1Sum / double(total);
        report.exactMatch = double(exact) / double(total);
    }
    if (options.task == EvalTask::Classification)
        report.classification = computeClassificationMetrics(normalizer.labels(), gold, predicted);
    if (options.task == EvalTask::Json) report.json = aggregateJsonMetrics(jsonScores);
    report.cost = computeCostMetrics(latencies, promptTokens, completionTokens);
    return report;
}

}  // namespace tb::eval
