// The engine on models read by core/model's loader (Hugging Face folder, BF16 folder, F32 and Q8_0 GGUF),
// reproducing ../shared/models/stories260K/REFERENCE.json: last logits and top-5 (F32 within 1e-4), 48-token
// greedy continuations, prompt and passage NLL; Q8_0 against the dequantized-weight reference.
// Compiled only when core/model/model_loader.h exists.
#if __has_include("core/model/model_loader.h")
#include "core/infer/inference_session.h"
#include "core/infer/scoring.h"
#include "core/model/model_loader.h"
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

std::shared_ptr<const InferenceModel> loadPrepared(const std::string& path) {
    auto loaded = loadModel(path);
    EXPECT_TRUE(loaded.ok()) << path << ": " << (loaded.ok() ? "" : loaded.message());
    if (!loaded.ok()) return nullptr;
    auto m = InferenceModel::create(std::make_shared<ModelWeights>(std::move(loaded.value().weights)),
                                    {WeightPrecision::F32, 2});
    EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.message());
    return m.ok() ? m.value() : nullptr;
}

std::vector<int> greedy(InferenceSession& s, int n) {
    std::vector<int> out;
    for (int i = 0; i < n; ++i) {
        int next = int(std::max_element(s.logits().begin(), s.logits().end()) - s.logits().begin());
        out.push_back(next);
        EXPECT_TRUE(s.evaluate(std::span<const int>(&next, 1)).ok());
    }
    return out;
}

class LoadedStories : public ::testing::TestWithParam<const char*> {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(modelDir())) GTEST_SKIP() << "no shared models";
    }
};

TEST_P(LoadedStories, F32FormatsReproduceReference) {
    auto ref = reference();
    auto model = loadPrepared(modelDir() + "/" + GetParam());
    ASSERT_TRUE(model);
    for (const auto& p : ref["prompts"]) {
        auto ids = p["ids"].get<std::vector<int>>();
        InferenceSession s(model);
        ASSERT_TRUE(s.evaluate(ids).ok());
        auto last = p["last_logits"].get<std::vector<float>>();
        float maxDiff = 0;
        for (size_t i = 0; i < last.size(); ++i) maxDiff = std::max(maxDiff, std::fabs(last[i] - s.logits()[i]));
        EXPECT_LE(maxDiff, 1e-4f) << GetParam() << " '" << p["prompt"].get<std::string>() << "'";
        EXPECT_EQ(greedy(s, 48), p["greedy"]["ids"].get<std::vector<int>>()) << GetParam();
        if (!p["mean_nll_prompt"].is_null()) {
            auto sc = scoreTokens(s, ids);
            ASSERT_TRUE(sc.ok());
            EXPECT_NEAR(sc->meanNll, p["mean_nll_prompt"].get<double>(), 1e-4);
        }
    }
    InferenceSession s(model);
    auto sc = scoreTokens(s, ref["passage"]["ids"].get<std::vector<int>>());
    ASSERT_TRUE(sc.ok());
    EXPECT_NEAR(sc->meanNll, 2.231303, 1e-4) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Formats, LoadedStories, ::testing::Values("hf", "stories260K-f32.gguf"));

TEST(LoadedStoriesQ8, MatchesDequantizedReference) {
    if (!std::filesystem::exists(modelDir())) GTEST_SKIP() << "no shared models";
    auto ref = reference();
    auto model = loadPrepared(modelDir() + "/stories260K-q8_0.gguf");
    ASSERT_TRUE(model);
    const auto& q = ref["q8_0_dequantized"];
    for (size_t i = 0; i < q["prompts"].size(); ++i) {
        const auto& p = q["prompts"][i];
        auto ids = ref["prompts"][i]["ids"].get<std::vector<int>>();
        InferenceSession s(model);
        ASSERT_TRUE(s.evaluate(ids).ok());
        for (const auto& top : p["top5_after_prompt"])
            EXPECT_NEAR(s.logits()[top["id"].get<size_t>()], top["logit"].get<float>(), 1e-4f);
        EXPECT_EQ(greedy(s, int(p["greedy_ids"].size())), p["greedy_ids"].get<std::vector<int>>());
    }
    InferenceSession s(model);
    auto sc = scoreTokens(s, ref["passage"]["ids"].get<std::vector<int>>());
    ASSERT_TRUE(sc.ok());
    EXPECT_NEAR(sc->meanNll, q["passage"]["mean_nll"].get<double>(), 1e-4);
}

TEST(LoadedStoriesBf16, CloseToF32AndGreedyPrefixAgrees) {
    if (!std::filesystem::exists(modelDir())) GTEST_SKIP() << "no shared models";
    auto ref = reference();
    auto model = loadPrepared(modelDir() + "/hf-bf16");
    ASSERT_TRUE(model);
    const auto& p = ref["prompts"][1];
    InferenceSession s(model);
    ASSERT_TRUE(s.evaluate(p["ids"].get<std::vector<int>>()).ok());
    auto last = p["last_logits"].get<std::vector<float>>();
    float maxDiff = 0;
    for (size_t i = 0; i < last.size(); ++i) maxDiff = std::max(maxDiff, std::fabs(last[i] - s.logits()[i]));
    EXPECT_LE(maxDiff, 0.25f);  // README: BF16 logits differ from F32 by up to 0.20
    auto g = greedy(s, 48);
    auto want = p["greedy"]["ids"].get<std::vector<int>>();
    EXPECT_EQ(std::vector<int>(g.begin(), g.begin() + 40), std::vector<int>(want.begin(), want.begin() + 40));
}

TEST(LoadedGolden, HfFixturesThroughTheLoaderMatchReference) {
    // The golden fixtures are Hugging Face folders; extra "golden.*" tensors ride along in the file.
    for (const char* variant : {"llama_tied", "llama_untied_gqa", "qwen2_bias", "llama3_scaling", "mistral_sliding"}) {
        const std::string dir = test::sourceDir() + "/tests/data/infer/" + variant;
        auto golden = test::readGoldenModel(dir);
        auto model = loadPrepared(dir);
        ASSERT_TRUE(model) << variant;
        EXPECT_EQ(model->config().slidingWindow, std::string(variant) == "mistral_sliding" ? 5 : 0) << variant;
        for (const auto& seq : golden.sequences) {
            InferenceSession s(model, 64);
            ASSERT_TRUE(s.evaluate(seq.tokens, LogitsMode::All).ok());
            EXPECT_LE((s.allLogits() - seq.logits).cwiseAbs().maxCoeff(), 1e-4f) << variant;
        }
    }
}

}  // namespace
}  // namespace tb
#endif
