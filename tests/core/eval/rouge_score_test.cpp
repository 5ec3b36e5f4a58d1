#include "core/eval/rouge_score.h"
#include "tests/core/eval/golden_data.h"

#include <gtest/gtest.h>

using namespace tb::eval;

namespace {
void expectValue(const RougeValue& v, const nlohmann::json& expected, const std::string& what) {
    EXPECT_NEAR(v.precision, expected[0].get<double>(), 1e-12) << what << " precision";
    EXPECT_NEAR(v.recall, expected[1].get<double>(), 1e-12) << what << " recall";
    EXPECT_NEAR(v.fmeasure, expected[2].get<double>(), 1e-12) << what << " fmeasure";
}
}  // namespace

TEST(Rouge, TokenizerAsRougeScore) {
    EXPECT_EQ(rougeTokenize("The quick, BROWN fox!", false), (std::vector<std::string>{"the", "quick", "brown", "fox"}));
    EXPECT_EQ(rougeTokenize("Café naïve", false), (std::vector<std::string>{"caf", "na", "ve"}));
    EXPECT_EQ(rougeTokenize("İstanbul \xE2\x84\xAA", false), (std::vector<std::string>{"i", "stanbul", "k"}));
    EXPECT_TRUE(rougeTokenize("", false).empty());
    EXPECT_TRUE(rougeTokenize("... !!! 日本語", false).empty());
    EXPECT_EQ(rougeTokenize("running dogs ran", true), (std::vector<std::string>{"run", "dog", "ran"}));
}

TEST(Rouge, HandComputedReadmeExample) {
    // target: the quick brown fox jumps over the lazy dog (9 tokens)
    // prediction: the quick brown dog jumps on the log (8 tokens)
    // unigram overlap: the x2, quick, brown, dog, jumps = 6 -> P 6/8, R 6/9
    // bigram overlap: "the quick", "quick brown" = 2 -> P 2/7, R 2/8
    // LCS: the quick brown jumps the = 5 -> P 5/8, R 5/9
    RougeScores s = rougeScore("The quick brown fox jumps over the lazy dog", "The quick brown dog jumps on the log.", false);
    EXPECT_DOUBLE_EQ(s.rouge1.precision, 6.0 / 8);
    EXPECT_DOUBLE_EQ(s.rouge1.recall, 6.0 / 9);
    EXPECT_DOUBLE_EQ(s.rouge2.precision, 2.0 / 7);
    EXPECT_DOUBLE_EQ(s.rouge2.recall, 2.0 / 8);
    EXPECT_DOUBLE_EQ(s.rougeL.precision, 5.0 / 8);
    EXPECT_DOUBLE_EQ(s.rougeL.recall, 5.0 / 9);
    EXPECT_NEAR(s.rougeL.fmeasure, 2 * (5.0 / 8) * (5.0 / 9) / (5.0 / 8 + 5.0 / 9), 1e-15);
}

TEST(Rouge, EdgeCases) {
    RougeScores empty = rougeScore("some words", "", false);
    EXPECT_EQ(empty.rouge1.fmeasure, 0.0);
    EXPECT_EQ(empty.rougeL.fmeasure, 0.0);
    RougeScores repeated = rougeScore("the cat", "the the the the", false);
    EXPECT_DOUBLE_EQ(repeated.rouge1.precision, 1.0 / 4);  // clipped to one "the"
    EXPECT_DOUBLE_EQ(repeated.rouge1.recall, 1.0 / 2);
    RougeScores none = rougeScoreMulti({}, "anything", false);
    EXPECT_EQ(none.rouge1.fmeasure, 0.0);
}

TEST(Rouge, MatchesReferenceDefinitionOnGoldenPairs) {
    nlohmann::json golden = tb::eval::testing::loadGolden("rouge_golden.json");
    ASSERT_GE(golden["cases"].size(), 40u);
    for (const auto& c : golden["cases"]) {
        std::string what = c["name"].get<std::string>() + (c["stemmer"].get<bool>() ? " (stemmed)" : "");
        bool stem = c["stemmer"];
        std::vector<std::string> refs = tb::eval::testing::stringList(c["references"]);
        std::string pred = c["prediction"];
        EXPECT_EQ(rougeTokenize(pred, stem), tb::eval::testing::stringList(c["tokens_prediction"])) << what;
        RougeScores single = rougeScore(refs[0], pred, stem);
        expectValue(single.rouge1, c["first_reference"]["rouge1"], what + " rouge1");
        expectValue(single.rouge2, c["first_reference"]["rouge2"], what + " rouge2");
        expectValue(single.rougeL, c["first_reference"]["rougeL"], what + " rougeL");
        RougeScores multi = rougeScoreMulti(refs, pred, stem);
        expectValue(multi.rouge1, c["multi"]["rouge1"], what + " multi rouge1");
        expectValue(multi.rouge2, c["multi"]["rouge2"], what + " multi rouge2");
        expectValue(multi.rougeL, c["multi"]["rougeL"], what + " multi rougeL");
    }
}
