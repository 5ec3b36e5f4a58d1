#include "core/eval/bleu_score.h"

#include "core/eval/bleu_tokenizer_13a.h"
#include "core/eval/text_utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace tb::eval {
namespace {

using Ngram = std::vector<std::string>;

std::map<Ngram, long long> allNgrams(const std::vector<std::string>& tokens) {
    std::map<Ngram, long long> counts;
    for (size_t n = 1; n <= size_t(kBleuMaxOrder); ++n) {
        if (tokens.size() < n) break;
        for (size_t i = 0; i + n <= tokens.size(); ++i) ++counts[Ngram(tokens.begin() + i, tokens.begin() + i + n)];
    }
    return counts;
}

// sacreBLEU preprocesses with tokenizer(sent.rstrip()) and counts str.split() tokens.
std::vector<std::string> bleuTokens(const std::string& text) {
    return splitPythonWhitespace(tokenize13a(rstripPythonWhitespace(text)));
}

long long closestRefLen(long long hypLen, const std::vector<long long>& refLens) {
    long long closestDiff = -1, closestLen = -1;
    for (long long refLen : refLens) {
        long long diff = std::llabs(hypLen - refLen);
        if (closestDiff == -1 || diff < closestDiff) {
            closestDiff = diff;
            closestLen = refLen;
        } else if (diff == closestDiff && refLen < closestLen) {
            closestLen = refLen;
        }
    }
    return closestLen;
}

double flooredLog(double x) { return x == 0.0 ? -9999999999.0 : std::log(x); }

}  // namespace

BleuStats& BleuStats::operator+=(const BleuStats& other) {
    sysLen += other.sysLen;
    refLen += other.refLen;
    for (int i = 0; i < kBleuMaxOrder; ++i) {
        correct[i] += other.correct[i];
        total[i] += other.total[i];
    }
    return *this;
}

BleuStats bleuSegmentStats(const std::string& hypothesis, const std::vector<std::string>& references) {
    // Reference n-grams: per n-gram, the maximum count over references.
    std::map<Ngram, long long> refNgrams;
    std::vector<long long> refLens;
    for (const std::string& reference : references) {
        std::vector<std::string> tokens = bleuTokens(reference);
        refLens.push_back(static_cast<long long>(tokens.size()));
        for (auto& [gram, count] : allNgrams(tokens)) {
            long long& slot = refNgrams[gram];
            slot = std::max(slot, count);
        }
    }
    std::vector<std::string> hypTokens = bleuTokens(hypothesis);
    BleuStats stats;
    stats.sysLen = static_cast<long long>(hypTokens.size());
    // sacreBLEU gets -1 from _get_closest_ref_len when there is no reference at all; we use 0 instead so
    // a record without references cannot lower ref_len (the predictions reader rejects such records anyway).
    stats.refLen = refLens.empty() ? 0 : closestRefLen(stats.sysLen, refLens);
    for (auto& [gram, count] : allNgrams(hypTokens)) {
        size_t order = gram.size() - 1;
        stats.total[order] += count;
        auto it = refNgrams.find(gram);
        if (it != refNgrams.end()) stats.correct[order] += std::min(count, it->second);
    }
    return stats;
}

BleuResult bleuFromStats(const BleuStats& stats, bool effectiveOrder) {
    BleuResult r;
    r.counts = stats.correct;
    r.totals = stats.total;
    r.sysLen = stats.sysLen;
    r.refLen = stats.refLen;
    r.brevityPenalty = 1.0;
    if (stats.sysLen < stats.refLen)
        r.brevityPenalty = stats.sysLen > 0 ? std::exp(1.0 - double(stats.refLen) / double(stats.sysLen)) : 0.0;
    bool anyCorrect = std::any_of(stats.correct.begin(), stats.correct.end(), [](long long c) { return c != 0; });
    if (!anyCorrect) return r;  // score 0, precisions all 0
    double smoothMteval = 1.0;
    int effOrder = kBleuMaxOrder;
    for (int n = 1; n <= kBleuMaxOrder; ++n) {
        if (stats.total[n - 1] == 0) break;
        if (effectiveOrder) effOrder = n;
        if (stats.correct[n - 1] == 0) {
            smoothMteval *= 2;
            r.precisions[n - 1] = 100.0 / (smoothMteval * double(stats.total[n - 1]));
        } else {
            r.precisions[n - 1] = 100.0 * double(stats.correct[n - 1]) / double(stats.total[n - 1]);
        }
    }
    double sumLog = 0.0;
    for (int i = 0; i < effOrder; ++i) sumLog += flooredLog(r.precisions[i]);
    r.score = r.brevityPenalty * std::exp(sumLog / effOrder);
    return r;
}

BleuResult corpusBleu(const std::vector<std::string>& hypotheses,
                      const std::vector<std::vector<std::string>>& references) {
    BleuStats sum;
    for (size_t i = 0; i < hypotheses.size(); ++i) {
        static const std::vector<std::string> none;
        sum += bleuSegmentStats(hypotheses[i], i < references.size() ? references[i] : none);
    }
    return bleuFromStats(sum, false);
}

BleuResult sentenceBleu(const std::string& hypothesis, const std::vector<std::string>& references) {
    return bleuFromStats(bleuSegmentStats(hypothesis, references), true);
}

nlohmann::json bleuResultToJson(const BleuResult& r) {
    return {{"score", r.score},
            {"precisions", r.precisions},
            {"counts", r.counts},
            {"totals", r.totals},
            {"brevity_penalty", r.brevityPenalty},
            {"sys_len", r.sysLen},
            {"ref_len", r.refLen}};
}

}  // namespace tb::eval
