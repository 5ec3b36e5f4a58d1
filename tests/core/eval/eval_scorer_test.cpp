#include "core/eval/eval_scorer.h"
#include "core/eval/token_f1.h"
#include "tests/core/eval/golden_data.h"

#include <gtest/gtest.h>

#include <random>

using namespace tb::eval;
using tb::eval::testing::evalDataPath;

TEST(EvalScorer, ClassificationHandChecked) {
    auto set = readPredictionsFile(evalDataPath("predictions_cls_tuned.jsonl"));
    ASSERT_TRUE(set.ok());
    ScoreOptions o;
    o.task = EvalTask::Classification;
    auto report = scorePredictions(*set, o);
    ASSERT_TRUE(report.ok());
    ASSERT_TRUE(report->classification.has_value());
    const ClassificationMetrics& m = *report->classification;
    EXPECT_EQ(m.labels, (std::vector<std::string>{"positive", "negative", "neutral"}));
    EXPECT_DOUBLE_EQ(m.accuracy, 7.0 / 8);
    EXPECT_NEAR(m.macroF1, (1.0 + 0.8 + 0.8) / 3, 1e-12);
    EXPECT_NEAR(m.weightedF1, (1.0 * 3 + 0.8 * 3 + 0.8 * 2) / 8, 1e-12);
    nlohmann::json j = report->toJson();
    EXPECT_EQ(j["task"], "classification");
    EXPECT_DOUBLE_EQ(j["accuracy"].get<double>(), 7.0 / 8);
    EXPECT_EQ(j["per_class"].size(), 3u);
    EXPECT_EQ(j["model"]["adapter"], "demo/adapter-v1");
    EXPECT_DOUBLE_EQ(j["cost"]["latency_p50_ms"].get<double>(), 135.0);  // 100..170 step 10
    EXPECT_DOUBLE_EQ(j["cost"]["tokens_per_second"].get<double>(), 16.0 / 1.08);

    auto base = readPredictionsFile(evalDataPath("predictions_cls_base.jsonl"));
    ASSERT_TRUE(base.ok());
    auto baseReport = scorePredictions(*base, o);
    ASSERT_TRUE(baseReport.ok());
    EXPECT_DOUBLE_EQ(baseReport->classification->accuracy, 0.5);
    EXPECT_EQ(baseReport->classification->invalid, 2);
    EXPECT_NEAR(baseReport->classification->macroF1, 0.6, 1e-12);
}

TEST(EvalScorer, GenerationMetricsAreMeansOfTheVerifiedFunctions) {
    auto set = readPredictionsFile(evalDataPath("predictions_generation.jsonl"));
    ASSERT_TRUE(set.ok());
    ASSERT_EQ(set->records.size(), 4u);
    ScoreOptions o;
    auto report = scorePredictions(*set, o);
    ASSERT_TRUE(report.ok());
    double rougeLSum = 0, f1Sum = 0;
    std::vector<std::string> hyps;
    std::vector<std::vector<std::string>> refs;
    for (const auto& r : set->records) {
        rougeLSum += rougeScoreMulti(r.references, r.prediction, false).rougeL.fmeasure;
        f1Sum += tokenF1Multi(r.prediction, r.references);
        hyps.push_back(r.prediction);
        refs.push_back(r.references);
    }
    EXPECT_DOUBLE_EQ(report->rouge.rougeL.fmeasure, rougeLSum / 4);
    EXPECT_DOUBLE_EQ(report->tokenF1, f1Sum / 4);
    EXPECT_DOUBLE_EQ(report->bleu.score, corpusBleu(hyps, refs).score);
    EXPECT_DOUBLE_EQ(report->exactMatch, 0.5);  // g1 and g4 (punctuation stripped) match
    EXPECT_DOUBLE_EQ(report->rouge.rouge1.fmeasure >= 0 ? 1 : 0, 1);
    nlohmann::json j = report->toJson();
    for (const char* key : {"rouge1", "rouge2", "rougeL"}) {
        EXPECT_TRUE(j[key].contains("precision"));
        EXPECT_TRUE(j[key].contains("recall"));
        EXPECT_TRUE(j[key].contains("fmeasure"));
    }
    EXPECT_EQ(j["bleu"]["precisions"].size(), 4u);
    EXPECT_TRUE(j["macro_f1"].is_null());
    EXPECT_EQ(reportMetric(j, "rougeL"), report->rouge.rougeL.fmeasure);
    EXPECT_EQ(reportMetric(j, "bleu"), report->bleu.score);
    EXPECT_FALSE(reportMetric(j, "macro_f1").has_value());
    EXPECT_FALSE(reportMetric(j, "nonsense").has_value());
}

TEST(EvalScorer, JsonTask) {
    PredictionSet set = parsePredictionsJsonl(
        "{\"reference\": \"{\\\"a\\\": 1, \\\"b\\\": 2}\", \"prediction\": \"{\\\"a\\\": 1, \\\"b\\\": 3}\"}\n"
        "{\"reference\": \"{\\\"a\\\": 1}\", \"prediction\": \"not json\"}\n",
        "mem");
    ASSERT_EQ(set.records.size(), 2u);
    ScoreOptions o;
    o.task = EvalTask::Json;
    auto report = scorePredictions(set, o);
    ASSERT_TRUE(report.ok());
    ASSERT_TRUE(report->json.has_value());
    EXPECT_DOUBLE_EQ(report->json->validRate, 0.5);
    EXPECT_DOUBLE_EQ(report->json->fieldAccuracy, 1.0 / 3);
    EXPECT_EQ(reportMetric(report->toJson(), "field_accuracy"), 1.0 / 3);
}

TEST(EvalScorer, EmptySetAndCancellation) {
    PredictionSet empty;
    auto report = scorePredictions(empty, {});
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->count, 0);
    EXPECT_EQ(report->bleu.score, 0.0);
    auto set = readPredictionsFile(evalDataPath("predictions_generation.jsonl"));
    ASSERT_TRUE(set.ok());
    auto cancelled = scorePredictions(*set, {}, [](const tb::Progress&) { return false; });
    ASSERT_FALSE(cancelled.ok());
    EXPECT_EQ(cancelled.error().kind, tb::ErrorKind::Cancelled);
}

TEST(EvalScorer, RandomTextNeverBreaksAMetric) {
    std::mt19937 rng(99);
    const std::string alphabet = std::string("aAyYz09 .,-!?\n\t{}\":&;<>'") + "\xC3\xA9\xE2\x80\x83\xFF\xF0\x9F\x98\x80";
    auto randomText = [&] {
        std::string s;
        int n = static_cast<int>(rng() % 60);
        for (int i = 0; i < n; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
        return s;
    };
    NormalizationOptions o;
    LabelNormalizer labels({"yes", "no", "maybe so"}, o);
    for (int round = 0; round < 500; ++round) {
        std::string a = randomText(), b = randomText();
        RougeScores r = rougeScore(a, b, round % 2 == 0);
        EXPECT_GE(r.rougeL.fmeasure, 0.0);
        EXPECT_LE(r.rougeL.fmeasure, 1.0);
        BleuResult bl = sentenceBleu(a, {b, randomText()});
        EXPECT_GE(bl.score, 0.0);
        EXPECT_LE(bl.score, 100.0 + 1e-9);
        double f1 = tokenF1(a, b);
        EXPECT_GE(f1, 0.0);
        EXPECT_LE(f1, 1.0);
        (void)labels.classify(a);
        (void)scoreJsonExample(a, b);
    }
}

TEST(EvalScorer, GenerationExactMatchComparesWholeOutputs) {
    PredictionSet set = parsePredictionsJsonl(
        "{\"reference\": \"first line\", \"prediction\": \"First line!\\nand more text\"}\n"
        "{\"reference\": \"Two\\nlines\", \"prediction\": \"two lines\"}\n", "mem");
    ASSERT_EQ(set.records.size(), 2u);
    ScoreOptions o;
    auto report = scorePredictions(set, o);
    ASSERT_TRUE(report.ok());
    EXPECT_DOUBLE_EQ(report->exactMatch, 0.5);  // only the second: whitespace (incl. newline) collapses
    o.task = EvalTask::Classification;
    auto cls = scorePredictions(set, o);
    ASSERT_TRUE(cls.ok());
    // Classification looks at first lines: "First line!" is the label "first line"; the gold "Two\nlines"
    // is the label "two", which "two lines" names as its first label-looking word.
    EXPECT_DOUBLE_EQ(cls->classification->accuracy, 1.0);
}
