#include "core/eval/eval_score_file.h"

#include "core/eval/text_utf8.h"

#include <cstdio>

namespace tb::eval {

Result<EvalReport> scorePredictionsFile(const std::string& path, const ScoreOptions& options,
                                        const ProgressCallback& progress, const WorkspaceKey* key) {
    auto set = readPredictionsFile(path, key);
    if (!set.ok()) return inputError(set.message());
    if (set->records.empty()) {
        if (!set->errors.empty()) {
            std::string more = set->errors.size() > 1
                                   ? " (and " + std::to_string(set->errors.size() - 1) + " more bad lines)"
                                   : "";
            return inputError(set->errors.front().message() + more);
        }
        return inputError(path + ": no predictions (the file has no non-blank line)");
    }
    return scorePredictions(*set, options, progress);
}

std::vector<std::string> splitLabelList(const std::string& commaSeparated) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= commaSeparated.size()) {
        size_t end = commaSeparated.find(',', start);
        if (end == std::string::npos) end = commaSeparated.size();
        std::string piece = stripPythonWhitespace(commaSeparated.substr(start, end - start));
        if (!piece.empty()) out.push_back(piece);
        start = end + 1;
    }
    return out;
}

std::string reportSummaryText(const EvalReport& r) {
    char buf[512];
    std::string text;
    std::snprintf(buf, sizeof buf, "%s: %lld examples scored as %s, %zu bad lines\n", r.predictionsFile.c_str(),
                  r.count, evalTaskName(r.task), r.errors.size());
    text += buf;
    if (r.classification) {
        std::snprintf(buf, sizeof buf, "accuracy %.4f  macro F1 %.4f  weighted F1 %.4f  invalid %.1f%%\n",
                      r.classification->accuracy, r.classification->macroF1, r.classification->weightedF1,
                      r.classification->invalidRate * 100);
        text += buf;
        for (const ClassMetrics& c : r.classification->perClass) {
            std::snprintf(buf, sizeof buf, "  %-20s P %.3f  R %.3f  F1 %.3f  support %lld\n", c.label.c_str(),
                          c.precision, c.recall, c.f1, c.support);
            text += buf;
        }
    }
    if (r.json) {
        std::snprintf(buf, sizeof buf, "valid JSON %.1f%%  field accuracy %.4f\n", r.json->validRate * 100,
                      r.json->fieldAccuracy);
        text += buf;
    }
    std::snprintf(buf, sizeof buf, "ROUGE-1 %.4f  ROUGE-2 %.4f  ROUGE-L %.4f (F)%s\n", r.rouge.rouge1.fmeasure,
                  r.rouge.rouge2.fmeasure, r.rouge.rougeL.fmeasure, r.useStemmer ? " stemmed" : "");
    text += buf;
    std::snprintf(buf, sizeof buf, "BLEU %.2f  (%.1f/%.1f/%.1f/%.1f, BP %.3f, sys %lld, ref %lld)\n", r.bleu.score,
                  r.bleu.precisions[0], r.bleu.precisions[1], r.bleu.precisions[2], r.bleu.precisions[3],
                  r.bleu.brevityPenalty, r.bleu.sysLen, r.bleu.refLen);
    text += buf;
    std::snprintf(buf, sizeof buf, "token F1 %.4f  exact match %.4f\n", r.tokenF1, r.exactMatch);
    text += buf;
    if (r.cost.latencyCount > 0) {
        std::snprintf(buf, sizeof buf, "latency p50 %.1f ms  p95 %.1f ms  %.1f tokens/s\n", r.cost.latencyP50Ms,
                      r.cost.latencyP95Ms, r.cost.tokensPerSecond);
        text += buf;
    }
    for (const LineError& e : r.errors) text += "  " + e.message() + "\n";
    return text;
}

}  // namespace tb::eval
