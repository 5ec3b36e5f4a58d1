// The engine against the float64 PyTorch reference of tests/reference/make_infer_golden.py, for every
// architecture variant and both RoPE layouts: batched prefill, chunked prefill and token-by-token decode
// must all give the golden logits within 1e-4 (F32). BF16 weights stay close but are not exact.
#include "core/infer/inference_session.h"
#include "test_fixtures.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tb {
namespace {

const char* kVariants[] = {"llama_tied", "llama_untied_gqa", "qwen2_bias", "llama3_scaling", "llama_interleaved",
                          "mistral_sliding"};

test::GoldenModel load(const std::string& variant) {
    return test::readGoldenModel(test::sourceDir() + "/tests/data/infer/" + variant);
}

std::shared_ptr<const InferenceModel> prepare(const ModelWeights& w, WeightPrecision p = WeightPrecision::F32) {
    auto m = InferenceModel::create(std::make_shared<ModelWeights>(w), {p, 2});
    EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.message());
    return m.value();
}

float maxAbsDiff(const Matrix& a, const Matrix& b) { return (a - b).cwiseAbs().maxCoeff(); }

class GoldenLogits : public ::testing::TestWithParam<const char*> {};

TEST_P(GoldenLogits, PrefillMatchesReference) {
    auto g = load(GetParam());
    auto model = prepare(g.weights);
    for (const auto& seq : g.sequences) {
        InferenceSession s(model, 64);
        ASSERT_TRUE(s.evaluate(seq.tokens, LogitsMode::All).ok());
        EXPECT_LE(maxAbsDiff(s.allLogits(), seq.logits), 1e-4f) << GetParam() << " T=" << seq.tokens.size();
    }
}

TEST_P(GoldenLogits, ChunkedPrefillAndDecodeMatchReference) {
    auto g = load(GetParam());
    auto model = prepare(g.weights);
    const auto& seq = g.sequences.back();
    const int T = int(seq.tokens.size()), V = int(seq.logits.cols());
    InferenceSession chunked(model, 64);
    chunked.setChunkSize(5);  // forces several passes over one prompt
    ASSERT_TRUE(chunked.evaluate(seq.tokens, LogitsMode::All).ok());
    EXPECT_LE(maxAbsDiff(chunked.allLogits(), seq.logits), 1e-4f);
    InferenceSession step(model, 64);
    Matrix decoded(T, V);
    for (int t = 0; t < T; ++t) {
        ASSERT_TRUE(step.evaluate(std::span<const int>(seq.tokens).subspan(size_t(t), 1)).ok());
        for (int v = 0; v < V; ++v) decoded(t, v) = step.logits()[size_t(v)];
    }
    EXPECT_EQ(step.position(), T);
    EXPECT_LE(maxAbsDiff(decoded, seq.logits), 1e-4f) << GetParam();
}

TEST_P(GoldenLogits, Bf16WeightsStayClose) {
    auto g = load(GetParam());
    auto model = prepare(g.weights, WeightPrecision::BF16);
    const auto& seq = g.sequences.back();
    InferenceSession s(model, 64);
    ASSERT_TRUE(s.evaluate(seq.tokens, LogitsMode::All).ok());
    const float diff = maxAbsDiff(s.allLogits(), seq.logits);
    // BF16 keeps 8 bits of mantissa: allow 2% of the logits' range.
    EXPECT_LE(diff, 0.02f * seq.logits.cwiseAbs().maxCoeff());
    EXPECT_GT(diff, 0.0f);  // the weights really were rounded
    // Decode with the BF16 GEMV equals the BF16 prefill (same rounded weights).
    InferenceSession step(model, 64);
    for (size_t t = 0; t < seq.tokens.size(); ++t)
        ASSERT_TRUE(step.evaluate(std::span<const int>(seq.tokens).subspan(t, 1)).ok());
    for (int v = 0; v < int(seq.logits.cols()); ++v)
        EXPECT_NEAR(step.logits()[size_t(v)], s.allLogits()(s.allLogits().rows() - 1, v), 1e-4f);
}

INSTANTIATE_TEST_SUITE_P(Variants, GoldenLogits, ::testing::ValuesIn(kVariants));

TEST(GoldenLogits, LayoutsAreNotInterchangeable) {
    // Running the interleaved model as if it were rotate-half must change the logits: the layout flag matters.
    auto g = load("llama_interleaved");
    g.weights.ropeLayout = RopeLayout::RotateHalf;
    auto model = prepare(g.weights);
    InferenceSession s(model, 64);
    ASSERT_TRUE(s.evaluate(g.sequences.back().tokens, LogitsMode::All).ok());
    EXPECT_GT(maxAbsDiff(s.allLogits(), g.sequences.back().logits), 1e-2f);
}

TEST(GoldenLogits, RejectsBadInput) {
    auto g = load("llama_tied");
    auto model = prepare(g.weights);
    InferenceSession s(model, 8);
    std::vector<int> bad = {1, 99};
    Status st = s.evaluate(bad);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.message().find("99"), std::string::npos);
    EXPECT_EQ(s.position(), 0);
    std::vector<int> tooLong(9, 3);
    EXPECT_FALSE(s.evaluate(tooLong).ok());
    EXPECT_FALSE(s.evaluate({}).ok());
    // Missing biases for qwen2 are reported with the tensor name.
    auto q = load("qwen2_bias");
    q.weights.layers[1].bk.resize(0);
    auto m = InferenceModel::create(std::make_shared<ModelWeights>(q.weights));
    ASSERT_FALSE(m.ok());
    EXPECT_NE(m.message().find("layers.1.k_proj.bias"), std::string::npos);
}

}  // namespace
}  // namespace tb
