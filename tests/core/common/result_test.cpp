#include "core/common/result.h"
#include "core/model/model_config.h"

#include <gtest/gtest.h>

namespace {
tb::Result<int> half(int x) {
    if (x % 2) return tb::inputError("odd: " + std::to_string(x));
    return x / 2;
}
tb::Result<int> quarter(int x) {
    auto h = half(x);
    if (!h) return h.error();
    return half(*h);
}
}  // namespace

TEST(Result, CarriesValueOrError) {
    EXPECT_EQ(*quarter(8), 2);
    auto r = quarter(6);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.message(), "odd: 3");
    EXPECT_EQ(r.error().kind, tb::ErrorKind::Input);
}

TEST(ModelConfig, ValidateNamesTheField) {
    tb::ModelConfig c;
    c.hiddenSize = 64; c.numLayers = 2; c.numHeads = 8; c.numKvHeads = 3; c.headDim = 8;
    c.intermediateSize = 172; c.vocabSize = 512;
    auto s = c.validate();
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.message().find("num_key_value_heads"), std::string::npos);
    c.numKvHeads = 4;
    EXPECT_TRUE(c.validate().ok());
}

TEST(ModelConfig, ParameterCountOfStories260K) {
    tb::ModelConfig c;
    c.hiddenSize = 64; c.numLayers = 5; c.numHeads = 8; c.numKvHeads = 4; c.headDim = 8;
    c.intermediateSize = 172; c.vocabSize = 512; c.tiedEmbeddings = true;
    EXPECT_EQ(c.parameterCount(), 260032);  // README of shared/models/stories260K
}

TEST(Architecture, UnsupportedListsSupported) {
    auto r = tb::parseArchitecture("gpt_neox");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("qwen2"), std::string::npos);
    EXPECT_EQ(*tb::parseArchitecture("LlamaForCausalLM"), tb::Architecture::Llama);
}
