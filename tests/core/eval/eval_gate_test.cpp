#include "core/eval/eval_gate.h"
#include "core/eval/eval_scorer.h"
#include "tests/core/eval/golden_data.h"

#include <gtest/gtest.h>

using namespace tb::eval;
using tb::eval::testing::evalDataPath;

namespace {
EvalReport scored(const std::string& file) {
    auto set = readPredictionsFile(evalDataPath(file));
    EXPECT_TRUE(set.ok());
    ScoreOptions o;
    o.task = EvalTask::Classification;
    auto r = scorePredictions(*set, o);
    EXPECT_TRUE(r.ok());
    return *r;
}
const GateCheck* find(const GateResult& r, const std::string& rule) {
    for (const auto& c : r.checks)
        if (c.rule == rule) return &c;
    return nullptr;
}
}  // namespace

TEST(EvalGate, ExampleGateOnBaseAndTuned) {
    auto config = readGateConfigFile(evalDataPath("gate_example.json"));
    ASSERT_TRUE(config.ok()) << config.message();
    EvalReport base = scored("predictions_cls_base.jsonl");
    EvalReport tuned = scored("predictions_cls_tuned.jsonl");

    GateResult pass = evaluateGates(*config, tuned, &base, nullptr);
    EXPECT_TRUE(pass.passed) << pass.toJson().dump(1);
    EXPECT_EQ(pass.primaryMetric, "macro_f1");
    ASSERT_NE(find(pass, "production_drop"), nullptr);
    EXPECT_NE(find(pass, "production_drop")->reason.find("no model in Production"), std::string::npos);

    // Base as candidate, tuned in Production: misses the minimum, does not beat itself, drops > 5%.
    GateResult fail = evaluateGates(*config, base, &base, &tuned);
    EXPECT_FALSE(fail.passed);
    EXPECT_FALSE(find(fail, "minimum.accuracy")->passed);
    EXPECT_FALSE(find(fail, "beat_base")->passed);
    EXPECT_FALSE(find(fail, "production_drop")->passed);
    EXPECT_FALSE(find(fail, "max_invalid_rate")->passed);  // 2/8 > 0.2
    EXPECT_NEAR(*find(fail, "production_drop")->threshold, (2.6 / 3) * 0.95, 1e-12);
    nlohmann::json j = fail.toJson();
    EXPECT_FALSE(j["passed"].get<bool>());
    EXPECT_EQ(j["checks"].size(), 4u);
}

TEST(EvalGate, ProductionDropBoundaryAndMissingBase) {
    nlohmann::json candidate = {{"task", "generation"}, {"rougeL", {{"fmeasure", 0.95}}}};
    nlohmann::json production = {{"task", "generation"}, {"rougeL", {{"fmeasure", 1.0}}}};
    GateConfig c;  // default: only the 5% production rule
    GateResult r = evaluateGates(c, candidate, nullptr, &production);
    EXPECT_TRUE(r.passed);  // exactly 5% below is allowed
    candidate["rougeL"]["fmeasure"] = 0.9499;
    EXPECT_FALSE(evaluateGates(c, candidate, nullptr, &production).passed);
    c.beatBase = true;
    GateResult noBase = evaluateGates(c, production, nullptr, &production);
    EXPECT_FALSE(noBase.passed);
    EXPECT_NE(find(noBase, "beat_base")->reason.find("no base"), std::string::npos);
}

TEST(EvalGate, ConfigParsingErrors) {
    EXPECT_FALSE(GateConfig::fromJson(nlohmann::json{{"minimum", {{"acuracy", 0.5}}}}).ok());
    EXPECT_FALSE(GateConfig::fromJson(nlohmann::json{{"primary_metric", "speed"}}).ok());
    EXPECT_FALSE(GateConfig::fromJson(nlohmann::json{{"beat_base", 1}}).ok());
    EXPECT_FALSE(GateConfig::fromJson(nlohmann::json{{"extra", 1}}).ok());
    EXPECT_FALSE(GateConfig::fromJson(nlohmann::json::array()).ok());
    auto ok = GateConfig::fromJson(nlohmann::json::object());
    ASSERT_TRUE(ok.ok());
    EXPECT_DOUBLE_EQ(ok->maxDropFromProductionPct, 5.0);
    auto back = GateConfig::fromJson(nlohmann::json{{"minimum", {{"bleu", 20}}}, {"beat_base", true}});
    ASSERT_TRUE(back.ok());
    auto again = GateConfig::fromJson(back->toJson());
    ASSERT_TRUE(again.ok()) << again.message();
    EXPECT_DOUBLE_EQ(again->minimum.at("bleu"), 20);
    EXPECT_FALSE(readGateConfigFile(evalDataPath("predictions_garbage.jsonl")).ok());
}
