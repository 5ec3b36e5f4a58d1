// SQuAD-style answer scoring: normalize_answer (lowercase, drop ASCII punctuation, drop the articles
// a/an/the, collapse whitespace), token-level F1 from the multiset overlap, and normalised exact match.
// Empty answers follow SQuAD v2: F1 is 1 when both sides are empty and 0 when only one is. Not BLEU/ROUGE.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tb::eval {

std::string squadNormalize(std::string_view text);
std::vector<std::string> squadTokens(std::string_view text);

double tokenF1(std::string_view prediction, std::string_view reference);
// Maximum over references (SQuAD's metric_max_over_ground_truths); no references: 0.
double tokenF1Multi(std::string_view prediction, const std::vector<std::string>& references);

bool squadExactMatch(std::string_view prediction, std::string_view reference);
bool squadExactMatchMulti(std::string_view prediction, const std::vector<std::string>& references);

}  // namespace tb::eval
