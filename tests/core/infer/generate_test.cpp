// Generation over the real stories260K model and tokenizer: greedy text equals REFERENCE.json, stop
// strings cut the text (and are never streamed), EOS and max tokens stop, the callback can cancel, and the
// streamed pieces add up to the final text.
#include "core/infer/generate.h"
#include "core/tokenizer/tokenizer_loader.h"
#include "test_fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace tb {
namespace {

class Generate : public ::testing::Test {
protected:
    void SetUp() override {
        const std::string dir = test::sharedDir() + "/models/stories260K";
        if (!std::filesystem::exists(dir + "/hf/tokenizer.json")) GTEST_SKIP() << "no shared models";
        auto tok = loadTokenizerFromHfFolder(dir + "/hf");
        ASSERT_TRUE(tok.ok()) << tok.message();
        tokenizer = tok.value();
        auto w = std::make_shared<ModelWeights>(test::readLlama2cCheckpoint(dir + "/llama2c/stories260K.bin"));
        auto m = InferenceModel::create(w, {WeightPrecision::F32, 2});
        ASSERT_TRUE(m.ok());
        model = m.value();
        std::ifstream f(dir + "/REFERENCE.json");
        ref = nlohmann::json::parse(f);
    }
    std::shared_ptr<const Tokenizer> tokenizer;
    std::shared_ptr<const InferenceModel> model;
    nlohmann::json ref;
};

TEST_F(Generate, GreedyTextMatchesReferenceAndStreamsWholeText) {
    const auto& p = ref["prompts"][1];  // "Once upon a time"
    auto ids = tokenizer->encode(p["prompt"].get<std::string>(), true);
    EXPECT_EQ(ids, p["ids"].get<std::vector<int>>());
    InferenceSession s(model);
    GenerateOptions o;
    o.maxTokens = 48;
    o.stopAtEos = false;
    std::string streamed;
    int calls = 0;
    auto r = generate(s, tokenizer, ids, o, [&](const GeneratedPiece& piece) {
        streamed += piece.text;
        ++calls;
        return true;
    });
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r->tokens, p["greedy"]["ids"].get<std::vector<int>>());
    EXPECT_EQ(r->text, p["greedy"]["text"].get<std::string>());
    EXPECT_EQ(streamed, r->text);
    EXPECT_EQ(calls, 48);
    EXPECT_EQ(r->stopReason, StopReason::MaxTokens);
}

// A completion continues its prompt: prompt + text reads as the reference full_text for every prompt (the
// continuation of "...They" keeps its leading space: " liked"); from BOS alone there is no text to continue,
// so the dummy-prefix space goes ("Tobby"). A chat reply (replyOnly) is decoded as text of its own.
TEST_F(Generate, CompletionContinuesThePromptTextAndReplyStandsAlone) {
    for (const auto& p : ref["prompts"]) {
        const std::string prompt = p["prompt"].get<std::string>();
        auto ids = tokenizer->encode(prompt, true);
        InferenceSession s(model);
        GenerateOptions o;
        o.maxTokens = 48;
        o.stopAtEos = false;
        auto r = generate(s, tokenizer, ids, o);
        ASSERT_TRUE(r.ok()) << r.message();
        EXPECT_EQ(prompt + r->text, p["greedy"]["full_text"].get<std::string>()) << prompt;
        if (!prompt.empty()) {
            EXPECT_EQ(r->text, p["greedy"]["text"].get<std::string>()) << prompt;
        }
        o.replyOnly = true;
        auto reply = generate(s, tokenizer, ids, o);
        ASSERT_TRUE(reply.ok());
        const std::string want = p["greedy"]["text"].get<std::string>();
        EXPECT_EQ(reply->text, !want.empty() && want[0] == ' ' ? want.substr(1) : want) << prompt;
    }
}

TEST_F(Generate, StopStringCutsTextAndIsNeverStreamed) {
    const auto& p = ref["prompts"][1];
    const std::string full = p["greedy"]["text"].get<std::string>();
    const std::string stop = "the park";  // occurs in the greedy continuation
    ASSERT_NE(full.find(stop), std::string::npos);
    auto ids = tokenizer->encode(p["prompt"].get<std::string>(), true);
    InferenceSession s(model);
    GenerateOptions o;
    o.maxTokens = 48;
    o.stopStrings = {"never appears", stop};
    std::string streamed;
    auto r = generate(s, tokenizer, ids, o, [&](const GeneratedPiece& piece) {
        streamed += piece.text;
        return true;
    });
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->stopReason, StopReason::StopString);
    EXPECT_EQ(r->text, full.substr(0, full.find(stop)));
    EXPECT_EQ(streamed, r->text);
    EXPECT_LT(r->tokens.size(), 48u);
}

TEST_F(Generate, CallbackCancelsAndEosStops) {
    auto ids = tokenizer->encode("Once upon a time", true);
    InferenceSession s(model);
    GenerateOptions o;
    o.maxTokens = 40;
    int seen = 0;
    auto r = generate(s, tokenizer, ids, o, [&](const GeneratedPiece&) { return ++seen < 5; });
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->stopReason, StopReason::Cancelled);
    EXPECT_EQ(r->tokens.size(), 5u);
    // Treat the first greedy token as EOS: nothing is generated.
    o.eosIds = {ref["prompts"][1]["greedy"]["ids"][0].get<int>()};
    auto e = generate(s, tokenizer, ids, o);
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->stopReason, StopReason::Eos);
    EXPECT_TRUE(e->tokens.empty());
}

TEST_F(Generate, SeededSamplingIsReproducibleAndContextLimitStops) {
    auto ids = tokenizer->encode("The little dog", true);
    InferenceSession s(model, 16);
    GenerateOptions o;
    o.maxTokens = 100;
    o.stopAtEos = false;
    o.sampling.temperature = 0.9f;
    o.sampling.topP = 0.95f;
    o.sampling.topK = 40;
    o.sampling.seed = 5;
    auto a = generate(s, tokenizer, ids, o);
    auto b = generate(s, tokenizer, ids, o);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->tokens, b->tokens);
    EXPECT_EQ(a->stopReason, StopReason::ContextFull);
    EXPECT_EQ(int(ids.size() + a->tokens.size()), 17);  // the last sampled token needs no cache slot
    o.sampling.topP = 2.0f;
    EXPECT_FALSE(generate(s, tokenizer, ids, o).ok());
}

}  // namespace
}  // namespace tb
