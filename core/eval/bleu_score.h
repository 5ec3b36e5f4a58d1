// Corpus and sentence BLEU as sacreBLEU computes them by default: 13a tokenisation, case-sensitive, max
// n-gram order 4, "exp" smoothing, closest reference length (shortest on ties), multi-reference clipping.
// Not chrF/TER, not other tokenizers; "floor"/"add-k" smoothing are left out on purpose.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <string>
#include <vector>

namespace tb::eval {

constexpr int kBleuMaxOrder = 4;

// Sufficient statistics of one segment or, summed, of a corpus (sacreBLEU's stats list).
struct BleuStats {
    long long sysLen = 0;
    long long refLen = 0;
    std::array<long long, kBleuMaxOrder> correct{};
    std::array<long long, kBleuMaxOrder> total{};
    BleuStats& operator+=(const BleuStats& other);
};

struct BleuResult {
    double score = 0.0;                              // 0-100
    std::array<long long, kBleuMaxOrder> counts{};   // matched n-grams per order
    std::array<long long, kBleuMaxOrder> totals{};   // hypothesis n-grams per order
    std::array<double, kBleuMaxOrder> precisions{};  // 0-100, smoothed as sacreBLEU reports them
    double brevityPenalty = 1.0;
    long long sysLen = 0;
    long long refLen = 0;
};

// One hypothesis against its references (raw text; tokenized here with 13a). References that are the
// same list for every segment may be empty strings; an empty reference list counts as ref_len 0.
BleuStats bleuSegmentStats(const std::string& hypothesis, const std::vector<std::string>& references);

// BLEU.compute_bleu with smooth_method="exp". effectiveOrder stops at the highest order with n-grams
// (sacreBLEU's sentence_bleu default).
BleuResult bleuFromStats(const BleuStats& stats, bool effectiveOrder = false);

// sacrebleu.corpus_bleu(hypotheses, references) where references[i] are the references of hypothesis i
// (sacreBLEU itself takes reference streams; this is the transposed, per-segment form).
BleuResult corpusBleu(const std::vector<std::string>& hypotheses,
                      const std::vector<std::vector<std::string>>& references);

// sacrebleu.sentence_bleu(hypothesis, references): exp smoothing with effective order.
BleuResult sentenceBleu(const std::string& hypothesis, const std::vector<std::string>& references);

nlohmann::json bleuResultToJson(const BleuResult& result);

}  // namespace tb::eval
