#include "core/eval/token_f1.h"

#include "core/eval/text_utf8.h"

#include <algorithm>
#include <map>

namespace tb::eval {
namespace {

bool isAsciiPunctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool isArticle(const std::string& w) { return w == "a" || w == "an" || w == "the"; }

}  // namespace

std::string squadNormalize(std::string_view text) {
    std::string lowered = toLowerSimple(text);
    std::string noPunct;
    noPunct.reserve(lowered.size());
    for (char c : lowered)
        if (!isAsciiPunctuation(c)) noPunct.push_back(c);
    // re.sub(r"\b(a|an|the)\b", " ", text) then " ".join(text.split()): whole words only, and splitting on
    // whitespace gives the same words because punctuation is already gone.
    std::string out;
    for (const std::string& word : splitPythonWhitespace(noPunct)) {
        if (isArticle(word)) continue;
        if (!out.empty()) out.push_back(' ');
        out += word;
    }
    return out;
}

std::vector<std::string> squadTokens(std::string_view text) { return splitPythonWhitespace(squadNormalize(text)); }

double tokenF1(std::string_view prediction, std::string_view reference) {
    std::vector<std::string> p = squadTokens(prediction);
    std::vector<std::string> r = squadTokens(reference);
    if (p.empty() || r.empty()) return p == r ? 1.0 : 0.0;
    std::map<std::string, int> counts;
    for (const auto& t : r) ++counts[t];
    int same = 0;
    for (const auto& t : p) {
        auto it = counts.find(t);
        if (it != counts.end() && it->second > 0) {
            --it->second;
            ++same;
        }
    }
    if (same == 0) return 0.0;
    double precision = double(same) / double(p.size());
    double recall = double(same) / double(r.size());
    return 2 * precision * recall / (precision + recall);
}

double tokenF1Multi(std::string_view prediction, const std::vector<std::string>& references) {
    double best = 0.0;
    for (const auto& r : references) best = std::max(best, tokenF1(prediction, r));
    return best;
}

bool squadExactMatch(std::string_view prediction, std::string_view reference) {
    return squadNormalize(prediction) == squadNormalize(reference);
}

bool squadExactMatchMulti(std::string_view prediction, const std::vector<std::string>& references) {
    return std::any_of(references.begin(), references.end(),
                       [&](const std::string& r) { return squadExactMatch(prediction, r); });
}

}  // namespace tb::eval
