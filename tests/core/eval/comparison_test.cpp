#include "core/eval/comparison.h"
#include "tests/core/eval/golden_data.h"

#include <gtest/gtest.h>

using namespace tb::eval;
using tb::eval::testing::evalDataPath;

TEST(Comparison, BaseVsTunedClassification) {
    auto a = readPredictionsFile(evalDataPath("predictions_cls_base.jsonl"));
    auto b = readPredictionsFile(evalDataPath("predictions_cls_tuned.jsonl"));
    ASSERT_TRUE(a.ok() && b.ok());
    ScoreOptions o;
    o.task = EvalTask::Classification;
    auto result = comparePredictions(*a, *b, o);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->examples.size(), 8u);
    EXPECT_EQ(result->bothRight, 3);
    EXPECT_EQ(result->bothWrong, 0);
    EXPECT_EQ(result->regressions, 1);
    EXPECT_EQ(result->fixes, 4);
    EXPECT_EQ(result->disagreements, 5);
    EXPECT_EQ(result->examples[7].kind, ComparisonKind::Regression);
    EXPECT_EQ(result->examples[7].scoreB.predictedLabel, "neutral");
    EXPECT_FALSE(result->examples[3].scoreA.valid);  // "meh"
    EXPECT_DOUBLE_EQ(result->deltas.at("accuracy"), 7.0 / 8 - 0.5);
    EXPECT_NEAR(result->deltas.at("macro_f1"), 2.6 / 3 - 0.6, 1e-12);
    nlohmann::json j = result->toJson();
    EXPECT_EQ(j["summary"]["regressions"], 1);
    EXPECT_EQ(j["examples"][7]["kind"], "regression");
    EXPECT_FALSE(result->toJson(false).contains("examples"));
}

TEST(Comparison, UnmatchedIdsAreListed) {
    PredictionSet a = parsePredictionsJsonl(
        "{\"id\":\"1\",\"reference\":\"the cat sat\",\"prediction\":\"the cat sat\"}\n"
        "{\"id\":\"2\",\"reference\":\"a dog\",\"prediction\":\"a dog\"}\n", "a");
    PredictionSet b = parsePredictionsJsonl(
        "{\"id\":\"1\",\"reference\":\"the cat sat\",\"prediction\":\"nothing alike\"}\n"
        "{\"id\":\"3\",\"reference\":\"x\",\"prediction\":\"x\"}\n", "b");
    auto result = comparePredictions(a, b, {});
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result->examples.size(), 1u);
    EXPECT_EQ(result->examples[0].kind, ComparisonKind::Regression);  // ROUGE-L 1.0 -> 0
    EXPECT_EQ(result->onlyInA, std::vector<std::string>{"2"});
    EXPECT_EQ(result->onlyInB, std::vector<std::string>{"3"});
    EXPECT_LT(result->deltas.at("rougeL"), 0.0);
}
