// ROUGE-1, ROUGE-2 and ROUGE-L (sentence-level LCS) exactly as Google's rouge-score package computes them
// with its default tokenizer (lowercase, non-[a-z0-9] to spaces, optional Porter stemming of tokens longer
// than 3 characters), plus score_multi (best F-measure over references) and corpus averages.
// Not rougeLsum (summary-level LCS over newline-split sentences) and no bootstrap confidence intervals.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace tb::eval {

struct RougeValue {
    double precision = 0.0;
    double recall = 0.0;
    double fmeasure = 0.0;
};

struct RougeScores {
    RougeValue rouge1;
    RougeValue rouge2;
    RougeValue rougeL;
};

// rouge-score's tokenize.tokenize(text, stemmer).
std::vector<std::string> rougeTokenize(std::string_view text, bool useStemmer);

// RougeScorer(["rouge1","rouge2","rougeL"], use_stemmer).score(target, prediction).
RougeScores rougeScore(std::string_view target, std::string_view prediction, bool useStemmer);
// RougeScorer.score_multi(targets, prediction): per ROUGE type, the score against the reference with the
// highest F-measure (the first one on ties, as numpy.argmax). No references: all zeros.
RougeScores rougeScoreMulti(const std::vector<std::string>& targets, std::string_view prediction, bool useStemmer);

// Mean of precision, recall and F-measure over examples (what rouge-score's aggregator reports as "mid"
// without resampling). Empty input: all zeros.
RougeScores rougeMean(const std::vector<RougeScores>& perExample);

nlohmann::json rougeValueToJson(const RougeValue& value);
nlohmann::json rougeScoresToJson(const RougeScores& scores);  // {"rouge1": {...}, "rouge2": ..., "rougeL": ...}

}  // namespace tb::eval
