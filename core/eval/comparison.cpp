#include "core/eval/comparison.h"

#include <unordered_map>

namespace tb::eval {

const char* comparisonKindName(ComparisonKind kind) {
    switch (kind) {
    case ComparisonKind::BothRight: return "both_right";
    case ComparisonKind::BothWrong: return "both_wrong";
    case ComparisonKind::Regression: return "regression";
    case ComparisonKind::Fix: return "fix";
    }
    return "both_wrong";
}

nlohmann::json ComparisonResult::toJson(bool includeExamples) const {
    nlohmann::json j;
    j["summary"] = {{"examples", examples.size()}, {"both_right", bothRight}, {"both_wrong", bothWrong},
                    {"regressions", regressions},  {"fixes", fixes},          {"disagreements", disagreements}};
    j["only_in_a"] = onlyInA;
    j["only_in_b"] = onlyInB;
    j["a"] = reportA.toJson();
    j["b"] = reportB.toJson();
    j["deltas"] = deltas;
    if (includeExamples) {
        nlohmann::json list = nlohmann::json::array();
        for (const ComparedExample& e : examples)
            list.push_back({{"id", e.id},
                            {"prompt", e.prompt},
                            {"references", e.references},
                            {"prediction_a", e.predictionA},
                            {"prediction_b", e.predictionB},
                            {"a", exampleScoreToJson(e.scoreA)},
                            {"b", exampleScoreToJson(e.scoreB)},
                            {"kind", comparisonKindName(e.kind)},
                            {"disagreement", e.disagreement}});
        j["examples"] = list;
    }
    return j;
}

Result<ComparisonResult> comparePredictions(const PredictionSet& a, const PredictionSet& b,
                                            const ScoreOptions& options, const ProgressCallback& progress) {
    ComparisonResult result;
    std::unordered_map<std::string, size_t> indexB;
    for (size_t i = 0; i < b.records.size(); ++i) indexB.emplace(b.records[i].id, i);

    PredictionSet matchedA{a.file, {}, a.errors}, matchedB{b.file, {}, b.errors};
    std::unordered_map<std::string, bool> usedB;
    for (const PredictionRecord& r : a.records) {
        auto it = indexB.find(r.id);
        if (it == indexB.end()) {
            result.onlyInA.push_back(r.id);
            continue;
        }
        matchedA.records.push_back(r);
        matchedB.records.push_back(b.records[it->second]);
        usedB[r.id] = true;
    }
    for (const PredictionRecord& r : b.records)
        if (!usedB.count(r.id)) result.onlyInB.push_back(r.id);

    // One label set for both sides, so a label only B invents is still a column for A.
    std::vector<PredictionRecord> all = matchedA.records;
    all.insert(all.end(), matchedB.records.begin(), matchedB.records.end());
    LabelNormalizer normalizer = makeLabelNormalizer(all, options);
    ScoreOptions shared = options;
    shared.labels = normalizer.labels();

    const NormalizationOptions exactNorm = exactMatchNormalization(options);
    const int64_t total = static_cast<int64_t>(matchedA.records.size());
    for (int64_t i = 0; i < total; ++i) {
        if (i % 64 == 0 && !reportProgress(progress, {"Comparing", i, total, {}}))
            return cancelledError("comparison cancelled");
        const PredictionRecord& ra = matchedA.records[static_cast<size_t>(i)];
        const PredictionRecord& rb = matchedB.records[static_cast<size_t>(i)];
        ComparedExample e;
        e.id = ra.id;
        e.prompt = ra.prompt.empty() ? rb.prompt : ra.prompt;
        e.references = ra.references;
        e.predictionA = ra.prediction;
        e.predictionB = rb.prediction;
        e.scoreA = scoreExample(ra, shared, normalizer);
        e.scoreB = scoreExample(rb, shared, normalizer);
        bool right = e.scoreA.correct, rightB = e.scoreB.correct;
        e.kind = right && rightB   ? ComparisonKind::BothRight
                 : right           ? ComparisonKind::Regression
                 : rightB          ? ComparisonKind::Fix
                                   : ComparisonKind::BothWrong;
        if (options.task == EvalTask::Classification)
            e.disagreement = e.scoreA.predictedLabel != e.scoreB.predictedLabel || e.scoreA.valid != e.scoreB.valid;
        else
            e.disagreement = normalizeText(ra.prediction, exactNorm) != normalizeText(rb.prediction, exactNorm);
        switch (e.kind) {
        case ComparisonKind::BothRight: ++result.bothRight; break;
        case ComparisonKind::BothWrong: ++result.bothWrong; break;
        case ComparisonKind::Regression: ++result.regressions; break;
        case ComparisonKind::Fix: ++result.fixes; break;
        }
        if (e.disagreement) ++result.disagreements;
        result.examples.push_back(std::move(e));
    }

    auto reportA = scorePredictions(matchedA, shared);
    if (!reportA.ok()) return reportA.error();
    auto reportB = scorePredictions(matchedB, shared);
    if (!reportB.ok()) return reportB.error();
    result.reportA = std::move(*reportA);
    result.reportB = std::move(*reportB);
    nlohmann::json ja = result.reportA.toJson(), jb = result.reportB.toJson();
    for (const char* metric : {"accuracy", "macro_f1", "weighted_f1", "invalid_rate", "rouge1", "rouge2", "rougeL",
                               "bleu", "token_f1", "exact_match", "valid_json_rate", "field_accuracy",
                               "latency_p50_ms", "latency_p95_ms", "tokens_per_second"}) {
        auto va = reportMetric(ja, metric), vb = reportMetric(jb, metric);
        if (va && vb) result.deltas[metric] = *vb - *va;
    }
    reportProgress(progress, {"Comparing", total, total, {}});
    return result;
}

}  // namespace tb::eval
