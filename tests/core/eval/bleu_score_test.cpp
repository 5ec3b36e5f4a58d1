#include "core/eval/bleu_score.h"
#include "core/eval/bleu_tokenizer_13a.h"
#include "core/eval/text_utf8.h"
#include "tests/core/eval/golden_data.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tb::eval;
using tb::eval::testing::loadGolden;
using tb::eval::testing::stringList;

namespace {
void expectBleu(const BleuResult& r, const nlohmann::json& e, const std::string& what) {
    EXPECT_NEAR(r.score, e["score"].get<double>(), 1e-9) << what;
    EXPECT_NEAR(r.brevityPenalty, e["brevity_penalty"].get<double>(), 1e-12) << what;
    EXPECT_EQ(r.sysLen, e["sys_len"].get<long long>()) << what;
    EXPECT_EQ(r.refLen, e["ref_len"].get<long long>()) << what;
    for (int i = 0; i < kBleuMaxOrder; ++i) {
        EXPECT_EQ(r.counts[i], e["counts"][i].get<long long>()) << what << " counts " << i;
        EXPECT_EQ(r.totals[i], e["totals"][i].get<long long>()) << what << " totals " << i;
        EXPECT_NEAR(r.precisions[i], e["precisions"][i].get<double>(), 1e-9) << what << " precision " << i;
    }
}
}  // namespace

TEST(Tokenizer13a, HandChecked) {
    EXPECT_EQ(tokenize13a("Hello, world!"), "Hello , world !");
    EXPECT_EQ(tokenize13a("It costs $1,000.50 in 2019-2020."), "It costs $ 1,000.50 in 2019 - 2020 .");
    EXPECT_EQ(tokenize13a("It wasn't e-mail"), "It wasn't e-mail");
    EXPECT_EQ(tokenize13a("Tom &amp; Jerry &quot;hi&quot;<skipped>"), "Tom & Jerry \" hi \"");
    EXPECT_EQ(tokenize13a("con-\ntinues\nhere"), "continues here");
    EXPECT_EQ(tokenize13a(""), "");
}

TEST(Tokenizer13a, MatchesReferenceDefinition) {
    nlohmann::json golden = loadGolden("bleu_golden.json");
    ASSERT_GT(golden["tokenize_13a"].size(), 30u);
    for (const auto& c : golden["tokenize_13a"]) {
        // sacreBLEU rstrips before tokenizing; the golden tokens were made from the rstripped text.
        std::string text = rstripPythonWhitespace(c["text"].get<std::string>());
        EXPECT_EQ(tokenize13a(text), c["tokens"].get<std::string>()) << text;
    }
}

TEST(Bleu, SacreBleuPublishedValues) {
    // sacreBLEU's README / test_bleu.py corpus: 48.530827 with default settings.
    std::vector<std::string> hyps = {"The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."};
    std::vector<std::vector<std::string>> refs = {{"The dog bit the man.", "The dog had bit the man."},
                                                  {"It was not unexpected.", "No one was surprised."},
                                                  {"The man bit him first.", "The man had bitten the dog."}};
    EXPECT_NEAR(corpusBleu(hyps, refs).score, 48.530827, 1e-6);
    EXPECT_EQ(corpusBleu({"", "", ""}, refs).score, 0.0);  // empty hypotheses are not removed
    // test_sentence_bleu.py (issue #98): exp smoothing with effective order gives 8.493.
    EXPECT_NEAR(sentenceBleu("Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;",
                             {"producţia de zahăr brut se exprimă în zahăr alb;"}).score,
                8.493, 1e-3);
    // test_bleu.py statistics case.
    BleuStats st = bleuSegmentStats("am I am a character sequence", {"I am a symbol string sequence a a"});
    static const long long correct[4] = {4, 2, 1, 0}, total[4] = {6, 5, 4, 3};
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(st.correct[i], correct[i]) << i;
        EXPECT_EQ(st.total[i], total[i]) << i;
    }
    // test_bleu.py scoring case: compute_bleu([9,7,5,3],[10,8,6,4],11,11) = 0.8375922397 (x100).
    BleuStats s;
    s.correct = {9, 7, 5, 3};
    s.total = {10, 8, 6, 4};
    s.sysLen = 11;
    s.refLen = 11;
    EXPECT_NEAR(bleuFromStats(s).score / 100, 0.8375922397, 1e-8);
    // test_bleu.py degenerate statistics: no match at all -> 0.
    BleuStats zero;
    zero.total = {4, 4, 2, 1};
    zero.refLen = 1;
    EXPECT_EQ(bleuFromStats(zero).score, 0.0);
}

TEST(Bleu, HandComputedSmoothingAndBrevity) {
    // "the cat" vs "the cat sat": 2 unigrams match, 1 bigram matches, no 3/4-grams in the hypothesis.
    // Corpus BLEU without effective order: p3, p4 are 0 -> log floor -> score 0, BP = exp(1 - 3/2).
    BleuResult r = corpusBleu({"the cat"}, {{"the cat sat"}});
    EXPECT_NEAR(r.brevityPenalty, std::exp(1.0 - 3.0 / 2.0), 1e-15);
    EXPECT_NEAR(r.score, 0.0, 1e-300);
    EXPECT_DOUBLE_EQ(r.precisions[0], 100.0);
    EXPECT_DOUBLE_EQ(r.precisions[1], 100.0);
    // Sentence BLEU with effective order: geometric mean of p1, p2 only.
    EXPECT_NEAR(sentenceBleu("the cat", {"the cat sat"}).score, 100.0 * std::exp(1.0 - 1.5), 1e-9);
    // exp smoothing: "a b c d" vs "a b x d": p1 3/4, p2 1/3, p3 = 100/(2*2), p4 = 100/(4*1).
    BleuResult e = corpusBleu({"a b c d"}, {{"a b x d"}});
    EXPECT_DOUBLE_EQ(e.precisions[2], 25.0);
    EXPECT_DOUBLE_EQ(e.precisions[3], 25.0);
    double expected = std::exp((std::log(75.0) + std::log(100.0 / 3) + std::log(25.0) + std::log(25.0)) / 4);
    EXPECT_NEAR(e.score, expected, 1e-9);
    // Closest reference length, the shorter one on ties: hyp 4 tokens, refs of 3 and 5 -> 3.
    EXPECT_EQ(bleuSegmentStats("a b c d", {"a b c d e", "a b c"}).refLen, 3);
}

TEST(Bleu, MatchesReferenceDefinitionOnGoldenData) {
    nlohmann::json golden = loadGolden("bleu_golden.json");
    for (const auto& c : golden["sentences"])
        expectBleu(sentenceBleu(c["prediction"], stringList(c["references"])), c["sentence_bleu"],
                   c["name"].get<std::string>());
    ASSERT_GE(golden["corpora"].size(), 3u);
    for (const auto& c : golden["corpora"]) {
        std::vector<std::vector<std::string>> refs;
        for (const auto& r : c["references"]) refs.push_back(stringList(r));
        expectBleu(corpusBleu(stringList(c["hypotheses"]), refs), c["bleu"], c["name"].get<std::string>());
    }
}
