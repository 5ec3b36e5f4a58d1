#include "core/eval/rouge_score.h"

#include "core/eval/porter_stemmer.h"
#include "core/eval/text_utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace tb::eval {
namespace {

bool isAsciiAlnumLower(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'); }

using NgramCounts = std::map<std::vector<std::string>, int>;

NgramCounts makeNgrams(const std::vector<std::string>& tokens, size_t n) {
    NgramCounts counts;
    if (tokens.size() < n) return counts;
    for (size_t i = 0; i + n <= tokens.size(); ++i)
        ++counts[std::vector<std::string>(tokens.begin() + i, tokens.begin() + i + n)];
    return counts;
}

double fmeasure(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

RougeValue scoreNgrams(const NgramCounts& target, const NgramCounts& prediction) {
    long long overlap = 0, targetCount = 0, predictionCount = 0;
    for (const auto& [gram, count] : target) {
        targetCount += count;
        auto it = prediction.find(gram);
        if (it != prediction.end()) overlap += std::min(count, it->second);
    }
    for (const auto& [gram, count] : prediction) predictionCount += count;
    RougeValue v;
    v.precision = double(overlap) / double(std::max(predictionCount, 1LL));
    v.recall = double(overlap) / double(std::max(targetCount, 1LL));
    v.fmeasure = fmeasure(v.precision, v.recall);
    return v;
}

RougeValue scoreLcs(const std::vector<std::string>& target, const std::vector<std::string>& prediction) {
    RougeValue v;
    if (target.empty() || prediction.empty()) return v;
    // Two-row dynamic programme for the LCS length.
    std::vector<int> previous(prediction.size() + 1, 0), current(prediction.size() + 1, 0);
    for (size_t i = 1; i <= target.size(); ++i) {
        for (size_t j = 1; j <= prediction.size(); ++j) {
            if (target[i - 1] == prediction[j - 1]) current[j] = previous[j - 1] + 1;
            else current[j] = std::max(previous[j], current[j - 1]);
        }
        std::swap(previous, current);
    }
    int lcs = previous[prediction.size()];
    v.precision = double(lcs) / double(prediction.size());
    v.recall = double(lcs) / double(target.size());
    v.fmeasure = fmeasure(v.precision, v.recall);
    return v;
}

}  // namespace

std::vector<std::string> rougeTokenize(std::string_view text, bool useStemmer) {
    // text.lower(), then re.sub(r"[^a-z0-9]+", " "), then split. Only three kinds of code point survive
    // lowercasing as [a-z0-9]: ASCII letters/digits, U+0130 (-> "i" + combining dot) and U+212A (-> "k").
    std::vector<std::string> tokens;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) tokens.push_back(std::move(current));
        current.clear();
    };
    for (char32_t cp : decodeUtf8(text)) {
        if (cp >= 'A' && cp <= 'Z') cp = cp - 'A' + 'a';
        if (cp == 0x212A) cp = 'k';
        if (cp == 0x130) {
            current.push_back('i');
            flush();  // the combining dot that follows is not alphanumeric
            continue;
        }
        if (isAsciiAlnumLower(cp)) current.push_back(static_cast<char>(cp));
        else flush();
    }
    flush();
    if (useStemmer)
        for (std::string& token : tokens)
            if (token.size() > 3) token = porterStem(token);
    return tokens;
}

RougeScores rougeScore(std::string_view target, std::string_view prediction, bool useStemmer) {
    std::vector<std::string> t = rougeTokenize(target, useStemmer);
    std::vector<std::string> p = rougeTokenize(prediction, useStemmer);
    RougeScores s;
    s.rouge1 = scoreNgrams(makeNgrams(t, 1), makeNgrams(p, 1));
    s.rouge2 = scoreNgrams(makeNgrams(t, 2), makeNgrams(p, 2));
    s.rougeL = scoreLcs(t, p);
    return s;
}

RougeScores rougeScoreMulti(const std::vector<std::string>& targets, std::string_view prediction, bool useStemmer) {
    RougeScores best;
    bool first = true;
    for (const std::string& target : targets) {
        RougeScores s = rougeScore(target, prediction, useStemmer);
        if (first || s.rouge1.fmeasure > best.rouge1.fmeasure) best.rouge1 = s.rouge1;
        if (first || s.rouge2.fmeasure > best.rouge2.fmeasure) best.rouge2 = s.rouge2;
        if (first || s.rougeL.fmeasure > best.rougeL.fmeasure) best.rougeL = s.rougeL;
        first = false;
    }
    return best;
}

RougeScores rougeMean(const std::vector<RougeScores>& perExample) {
    RougeScores mean;
    if (perExample.empty()) return mean;
    auto add = [](RougeValue& into, const RougeValue& v) {
        into.precision += v.precision;
        into.recall += v.recall;
        into.fmeasure += v.fmeasure;
    };
    auto divide = [&](RougeValue& v) {
        double n = double(perExample.size());
        v.precision /= n;
        v.recall /= n;
        v.fmeasure /= n;
    };
    for (const RougeScores& s : perExample) {
        add(mean.rouge1, s.rouge1);
        add(mean.rouge2, s.rouge2);
        add(mean.rougeL, s.rougeL);
    }
    divide(mean.rouge1);
    divide(mean.rouge2);
    divide(mean.rougeL);
    return mean;
}

nlohmann::json rougeValueToJson(const RougeValue& value) {
    return {{"precision", value.precision}, {"recall", value.recall}, {"fmeasure", value.fmeasure}};
}

nlohmann::json rougeScoresToJson(const RougeScores& scores) {
    return {{"rouge1", rougeValueToJson(scores.rouge1)},
            {"rouge2", rougeValueToJson(scores.rouge2)},
            {"rougeL", rougeValueToJson(scores.rougeL)}};
}

}  // namespace tb::eval
