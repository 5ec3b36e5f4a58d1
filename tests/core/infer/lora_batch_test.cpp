// LoRA at the matmul and batched decode: B = 0 leaves logits unchanged, a random adapter equals the model
// with merged weights, KV-cache decode equals full recompute, and decodeBatch over sequences with different
// adapters and positions equals running each sequence alone.
#include "core/infer/inference_session.h"
#include "test_fixtures.h"

#include <gtest/gtest.h>

#include <random>

namespace tb {
namespace {

ModelWeights goldenWeights(const char* variant) {
    return test::readGoldenModel(test::sourceDir() + "/tests/data/infer/" + variant).weights;
}

std::shared_ptr<const InferenceModel> prepare(const ModelWeights& w, WeightPrecision p = WeightPrecision::F32) {
    auto m = InferenceModel::create(std::make_shared<ModelWeights>(w), {p, 2});
    EXPECT_TRUE(m.ok());
    return m.value();
}

Matrix* target(LayerWeights& l, const std::string& t) {
    if (t == "q") return &l.wq;
    if (t == "k") return &l.wk;
    if (t == "v") return &l.wv;
    if (t == "o") return &l.wo;
    if (t == "gate") return &l.wGate;
    if (t == "up") return &l.wUp;
    return &l.wDown;
}

std::shared_ptr<LoraAdapter> randomAdapter(ModelWeights& base, unsigned seed, bool zeroB) {
    auto a = std::make_shared<LoraAdapter>();
    a->rank = 4;
    a->alpha = 8;
    a->targets = {"q", "k", "v", "o", "gate", "up", "down"};
    std::mt19937 rng(seed);
    std::normal_distribution<float> n(0.0f, 0.2f);
    for (int l = 0; l < int(base.layers.size()); ++l)
        for (const auto& t : a->targets) {
            const Matrix* w = target(base.layers[size_t(l)], t);
            LoraPair p;
            p.a = Matrix::NullaryExpr(a->rank, w->cols(), [&] { return n(rng); });
            p.b = Matrix::NullaryExpr(w->rows(), a->rank, [&] { return zeroB ? 0.0f : n(rng); });
            a->modules[LoraAdapter::key(l, t)] = p;
        }
    return a;
}

ModelWeights merged(ModelWeights base, const LoraAdapter& a) {
    for (const auto& [key, p] : a.modules) {
        int layer = std::stoi(key.substr(0, key.find('.')));
        *target(base.layers[size_t(layer)], key.substr(key.find('.') + 1)) += a.scale() * p.b * p.a;
    }
    return base;
}

std::vector<int> tokens(int n, int vocab, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<int> t;
    for (int i = 0; i < n; ++i) t.push_back(int(rng() % unsigned(vocab)));
    return t;
}

Matrix runAll(std::shared_ptr<const InferenceModel> m, const std::vector<int>& t, std::shared_ptr<LoraAdapter> a = {}) {
    InferenceSession s(m, 64);
    EXPECT_TRUE(s.setAdapter(a).ok());
    EXPECT_TRUE(s.evaluate(t, LogitsMode::All).ok());
    return s.allLogits();
}

TEST(Lora, ZeroBLeavesLogitsUnchanged) {
    ModelWeights w = goldenWeights("llama_untied_gqa");
    auto model = prepare(w);
    auto t = tokens(12, w.config.vocabSize, 1);
    Matrix base = runAll(model, t);
    Matrix base2 = runAll(model, t);
    EXPECT_EQ((base - base2).cwiseAbs().maxCoeff(), 0.0f);
    Matrix adapted = runAll(model, t, randomAdapter(w, 5, /*zeroB=*/true));
    // Adding exact zeros through Eigen's blocked products may reorder a sum: allow float round-off only.
    EXPECT_LE((base - adapted).cwiseAbs().maxCoeff(), 1e-6f);
}

// Two sessions over the same model and tokens give bit-identical logits wherever the heap puts their buffers
// and whichever thread takes which attention head. (Eigen's reductions peel by address alignment; before the
// buffers were aligned, CI saw two sessions differ in the 6th digit and an export parity check fail.)
TEST(Determinism, SessionsAgreeBitForBitWhateverTheHeapLayout) {
    ModelWeights w = goldenWeights("llama_untied_gqa");
    auto model = prepare(w);
    auto adapter = randomAdapter(w, 3, false);
    auto prompt = tokens(150, w.config.vocabSize, 4);  // long enough for attention to use both threads
    auto run = [&] {
        InferenceSession s(model, 256);
        EXPECT_TRUE(s.setAdapter(adapter).ok());
        EXPECT_TRUE(s.evaluate(prompt, LogitsMode::All).ok());
        Matrix all = s.allLogits();
        std::vector<float> decoded;
        for (int step = 0; step < 20; ++step) {  // decode path: one row at a time
            const std::vector<int> next{step % w.config.vocabSize};
            EXPECT_TRUE(s.evaluate(next).ok());
            decoded.insert(decoded.end(), s.logits().begin(), s.logits().end());
        }
        return std::make_pair(all, decoded);
    };
    const auto first = run();
    std::vector<std::unique_ptr<char[]>> shifts;
    for (int trial = 1; trial <= 6; ++trial) {
        shifts.emplace_back(new char[size_t(trial) * 24 + 8]);  // moves where the next allocations land
        const auto again = run();
        EXPECT_EQ((first.first - again.first).cwiseAbs().maxCoeff(), 0.0f) << "trial " << trial;
        EXPECT_TRUE(first.second == again.second) << "trial " << trial;
    }
}

TEST(Lora, RandomAdapterEqualsMergedWeights) {
    for (const char* variant : {"llama_untied_gqa", "qwen2_bias"}) {
        ModelWeights w = goldenWeights(variant);
        auto adapter = randomAdapter(w, 7, false);
        auto t = tokens(12, w.config.vocabSize, 2);
        Matrix viaLora = runAll(prepare(w), t, adapter);
        Matrix viaMerge = runAll(prepare(merged(w, *adapter)), t);
        Matrix base = runAll(prepare(w), t);
        EXPECT_LE((viaLora - viaMerge).cwiseAbs().maxCoeff(), 1e-4f) << variant;
        EXPECT_GT((viaLora - base).cwiseAbs().maxCoeff(), 1e-2f) << variant;  // the adapter does something
    }
}

TEST(Lora, RejectsMismatchedAdapter) {
    ModelWeights w = goldenWeights("llama_tied");
    auto model = prepare(w);
    auto adapter = randomAdapter(w, 3, false);
    adapter->modules["1.q"].a = Matrix::Zero(4, 7);
    InferenceSession s(model, 16);
    Status st = s.setAdapter(adapter);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.message().find("1.q"), std::string::npos);
    adapter->modules.clear();
    adapter->modules["9.q"] = LoraPair{Matrix::Zero(4, 32), Matrix::Zero(32, 4)};
    EXPECT_FALSE(s.setAdapter(adapter).ok());
}

// BF16 mode releases the F32 linear matrices when the model owns the weights alone (half the memory), and
// keeps them when someone else holds the weights. Either way the logits with an adapter are the same bit
// for bit, and adapters are still checked against the base shapes.
TEST(Bf16Release, SoleOwnerReleasesF32MatricesAndAdaptersStillWork) {
    ModelWeights w = goldenWeights("llama_untied_gqa");
    auto adapter = randomAdapter(w, 11, false);
    auto t = tokens(10, w.config.vocabSize, 4);
    auto held = std::make_shared<ModelWeights>(w);
    auto kept = InferenceModel::create(held, {WeightPrecision::BF16, 2});
    ASSERT_TRUE(kept.ok());
    EXPECT_GT((*kept)->weights().layers[0].wq.size(), 0) << "another owner still sees its matrices";
    auto released = InferenceModel::create(std::make_shared<ModelWeights>(w), {WeightPrecision::BF16, 2});
    ASSERT_TRUE(released.ok());
    for (const LayerWeights& lw : (*released)->weights().layers)
        for (const Matrix* m : {&lw.wq, &lw.wk, &lw.wv, &lw.wo, &lw.wGate, &lw.wUp, &lw.wDown}) EXPECT_EQ(m->size(), 0);
    EXPECT_EQ((*released)->weights().lmHead.size(), 0);
    EXPECT_GT((*released)->weights().tokenEmbedding.size(), 0);
    const Matrix a = runAll(*kept, t, adapter), b = runAll(*released, t, adapter);
    EXPECT_EQ((a - b).cwiseAbs().maxCoeff(), 0.0f);
    EXPECT_GT((a - runAll(*released, t)).cwiseAbs().maxCoeff(), 1e-2f);  // the adapter applies
    adapter->modules["1.down"].a = Matrix::Zero(4, 5);
    InferenceSession s(*released, 16);
    Status st = s.setAdapter(adapter);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.message().find("1.down"), std::string::npos) << st.message();
}

TEST(KvCache, DecodeEqualsRecomputeAfterTruncate) {
    ModelWeights w = goldenWeights("llama3_scaling");
    auto model = prepare(w);
    auto t = tokens(20, w.config.vocabSize, 4);
    InferenceSession s(model, 32);
    ASSERT_TRUE(s.evaluate(std::span<const int>(t).first(15)).ok());
    ASSERT_TRUE(s.truncate(10).ok());  // drop 5 positions, then continue with different tokens
    ASSERT_TRUE(s.evaluate(std::span<const int>(t).subspan(10)).ok());
    Matrix full = runAll(model, t);
    for (int v = 0; v < w.config.vocabSize; ++v) EXPECT_NEAR(s.logits()[size_t(v)], full(19, v), 1e-5f);
    EXPECT_FALSE(s.truncate(21).ok());
}

TEST(BatchDecode, EqualsSeparateSequencesWithTheirAdapters) {
    for (WeightPrecision p : {WeightPrecision::F32, WeightPrecision::BF16}) {
        ModelWeights w = goldenWeights("qwen2_bias");
        auto model = prepare(w, p);
        auto a1 = randomAdapter(w, 11, false), a2 = randomAdapter(w, 12, false);
        std::vector<std::shared_ptr<LoraAdapter>> adapters = {nullptr, a1, a2, a1};
        std::vector<std::vector<int>> prompts = {tokens(3, 40, 21), tokens(7, 40, 22), tokens(5, 40, 23), tokens(1, 40, 24)};
        std::vector<std::unique_ptr<InferenceSession>> batch, alone;
        for (size_t i = 0; i < prompts.size(); ++i) {
            for (auto* list : {&batch, &alone}) {
                list->push_back(std::make_unique<InferenceSession>(model, 32));
                ASSERT_TRUE(list->back()->setAdapter(adapters[i]).ok());
                ASSERT_TRUE(list->back()->evaluate(prompts[i]).ok());
            }
        }
        std::vector<InferenceSession*> ptrs;
        for (auto& s : batch) ptrs.push_back(s.get());
        for (int step = 0; step < 4; ++step) {
            std::vector<int> next = {step + 3, step + 5, step + 7, step + 9};
            ASSERT_TRUE(decodeBatch(ptrs, next).ok());
            for (size_t i = 0; i < alone.size(); ++i) {
                ASSERT_TRUE(alone[i]->evaluate(std::span<const int>(&next[i], 1)).ok());
                EXPECT_EQ(batch[i]->position(), alone[i]->position());
                for (int v = 0; v < 40; ++v)
                    ASSERT_NEAR(batch[i]->logits()[size_t(v)], alone[i]->logits()[size_t(v)], 1e-4f)
                        << "sequence " << i << " step " << step;
            }
        }
        std::vector<int> two = {1, 2};
        std::vector<InferenceSession*> dup = {ptrs[0], ptrs[0]};
        EXPECT_FALSE(decodeBatch(dup, two).ok());
    }
}

}  // namespace
}  // namespace tb
