// The real pretrained stories260K model against ../shared/models/stories260K/REFERENCE.json, read from the
// llama2.c checkpoint (interleaved RoPE layout) by the test's own reader: last-position logits and top-5
// (1e-4), 48-token greedy continuations, prompt NLL and the 300-token passage NLL (1e-4).
#include "core/infer/inference_session.h"
#include "core/infer/scoring.h"
#include "test_fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace tb {
namespace {

std::string modelDir() { return test::sharedDir() + "/models/stories260K"; }

nlohmann::json reference() {
    std::ifstream f(modelDir() + "/REFERENCE.json");
    return nlohmann::json::parse(f);
}

int argmax(std::span<const float> v) { return int(std::max_element(v.begin(), v.end()) - v.begin()); }

class Stories260K : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(modelDir() + "/llama2c/stories260K.bin")) GTEST_SKIP() << "no shared models";
        ref = reference();
        auto w = std::make_shared<ModelWeights>(test::readLlama2cCheckpoint(modelDir() + "/llama2c/stories260K.bin"));
        auto m = InferenceModel::create(w, {WeightPrecision::F32, 2});
        ASSERT_TRUE(m.ok()) << m.message();
        model = m.value();
    }
    nlohmann::json ref;
    std::shared_ptr<const InferenceModel> model;
};

TEST_F(Stories260K, LastLogitsTop5AndGreedyMatchReference) {
    for (const auto& p : ref["prompts"]) {
        std::vector<int> ids = p["ids"].get<std::vector<int>>();
        InferenceSession s(model);
        ASSERT_TRUE(s.evaluate(ids).ok());
        auto last = p["last_logits"].get<std::vector<float>>();
        float maxDiff = 0;
        for (size_t i = 0; i < last.size(); ++i) maxDiff = std::max(maxDiff, std::fabs(last[i] - s.logits()[i]));
        EXPECT_LE(maxDiff, 1e-4f) << "prompt '" << p["prompt"].get<std::string>() << "'";
        for (const auto& top : p["top5_after_prompt"])
            EXPECT_NEAR(s.logits()[top["id"].get<size_t>()], top["logit"].get<float>(), 1e-4f);
        std::vector<int> greedy;
        for (int i = 0; i < p["greedy"]["n"].get<int>(); ++i) {
            int next = argmax(s.logits());
            greedy.push_back(next);
            ASSERT_TRUE(s.evaluate(std::span<const int>(&next, 1)).ok());
        }
        EXPECT_EQ(greedy, p["greedy"]["ids"].get<std::vector<int>>()) << "prompt '" << p["prompt"].get<std::string>() << "'";
    }
}

TEST_F(Stories260K, PromptAndPassageNllMatchReference) {
    InferenceSession s(model);
    for (const auto& p : ref["prompts"]) {
        if (p["mean_nll_prompt"].is_null()) continue;
        auto ids = p["ids"].get<std::vector<int>>();
        auto scores = scoreTokens(s, ids);
        ASSERT_TRUE(scores.ok()) << scores.message();
        EXPECT_NEAR(scores->meanNll, p["mean_nll_prompt"].get<double>(), 1e-4);
        EXPECT_EQ(scores->scoredTokens, p["n_scored_tokens"].get<int>());
    }
    auto ids = ref["passage"]["ids"].get<std::vector<int>>();
    auto scores = scoreTokens(s, ids);
    ASSERT_TRUE(scores.ok()) << scores.message();
    EXPECT_NEAR(scores->meanNll, 2.231303, 1e-4);
    EXPECT_NEAR(scores->perplexity, ref["passage"]["perplexity"].get<double>(), 1e-3);
    EXPECT_EQ(scores->scoredTokens, 300);
}

TEST_F(Stories260K, ScoringCancels) {
    InferenceSession s(model);
    auto ids = ref["passage"]["ids"].get<std::vector<int>>();
    auto scores = scoreTokens(s, ids, [](const Progress& p) { return p.done == 0; });
    ASSERT_FALSE(scores.ok());
    EXPECT_EQ(scores.error().kind, ErrorKind::Cancelled);
}

}  // namespace
}  // namespace tb
