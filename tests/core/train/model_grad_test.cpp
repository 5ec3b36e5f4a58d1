// Whole-model gradient checks. (1) Finite differences through the full training forward for every LoRA
// tensor and, in full fine-tuning mode, every trainable tensor (float model, mean loss, eps 1e-2 central,
// |analytic - numeric| <= 2e-4 + 2e-2 |numeric|). (2) The independent PyTorch reference
// (tests/reference/make_train_golden.py): loss within 1e-5 relative, each LoRA gradient element within
// 1e-4 of the tensor's largest magnitude (plus 1e-4 relative), values after one AdamW step within 1e-5.
#include "core/train/adamw.h"
#include "core/train/lora_init.h"
#include "core/train/train_model.h"
#include "train_test_util.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace tb::train {
namespace {
using testing::fdCheck;
using testing::makeTinyBatch;
using testing::makeTinyModel;

LoraAdapter randomAdapter(const ModelConfig& c, const std::vector<std::string>& targets, bool rs, uint64_t seed) {
    LoraSettings s;
    s.rank = 2, s.alpha = 4.0f, s.rsLora = rs, s.targets = targets;
    LoraAdapter a = initLoraAdapter(c, s, seed).value();
    std::mt19937_64 rng(seed + 1);
    for (auto& [k, p] : a.modules) testing::fillRandom(p.b.data(), p.b.size(), rng, 0.2f);  // B != 0: A gets gradient
    return a;
}

void checkModelGrads(TrainModel& model, const MicroBatch& batch, double absTol, double relTol) {
    const double targets = double(batch.targetCount());
    model.zeroGradients();
    model.forwardBackward(batch, float(1.0 / targets), 0);
    std::vector<float> g = model.gradients();
    auto loss = [&] { return model.forward(batch, false, 0).lossSum / targets; };
    for (ParamRef& p : model.params()) {
        std::string rep;
        double w = fdCheck(loss, p.data, p.size, g.data() + p.offset, 1e-2f, absTol, relTol, 12, rep);
        EXPECT_LE(w, 0.0) << p.name << " " << rep;
    }
}

TEST(TrainModelGrad, LoraAllTargetsFiniteDifference) {
    for (bool bias : {false, true})
        for (RopeLayout layout : {RopeLayout::RotateHalf, RopeLayout::Interleaved}) {
            ModelWeights w = makeTinyModel(11, bias, !bias, layout);
            LoraAdapter a = randomAdapter(w.config, {"q", "k", "v", "o", "gate", "up", "down"}, bias, 5);
            TrainModel model(w, &a, TrainMethod::Lora);
            EXPECT_EQ(model.params().size(), size_t(2 * 7 * 2));
            checkModelGrads(model, makeTinyBatch(w.config.vocabSize), 2e-4, 2e-2);
        }
}

TEST(TrainModelGrad, FullFineTuneFiniteDifference) {
    for (bool tied : {false, true}) {
        ModelWeights w = makeTinyModel(12, /*bias=*/true, tied, RopeLayout::RotateHalf);
        TrainModel model(w, nullptr, TrainMethod::Full);
        EXPECT_EQ(model.trainableCount(), w.config.parameterCount());
        checkModelGrads(model, makeTinyBatch(w.config.vocabSize), 2e-4, 2e-2);
    }
}

TEST(TrainModelGrad, ZeroLoraBLeavesOutputsUnchanged) {
    ModelWeights w = makeTinyModel(13, true, false, RopeLayout::RotateHalf);
    MicroBatch b = makeTinyBatch(w.config.vocabSize);
    TrainModel base(w, nullptr, TrainMethod::Lora);
    EXPECT_EQ(base.trainableCount(), 0);
    const double l0 = base.forward(b, false, 0).lossSum;
    LoraSettings s;
    s.rank = 4, s.targets = {"q", "k", "v", "o", "gate", "up", "down"}, s.dropout = 0.5f;
    LoraAdapter a = initLoraAdapter(w.config, s, 99).value();
    TrainModel tuned(w, &a, TrainMethod::Lora);
    EXPECT_EQ(tuned.forward(b, false, 0).lossSum, l0);
    EXPECT_EQ(tuned.forward(b, true, 123).lossSum, l0);  // even with dropout active: B = 0
    // ... and the B gradient is non-zero so training moves away from the base.
    tuned.forwardBackward(b, 1.0f, 1);
    double n = 0;
    for (float v : tuned.gradients()) n += std::abs(v);
    EXPECT_GT(n, 0.0);
}

TEST(TrainModelGrad, LoraInitMatchesPeft) {
    ModelWeights w = makeTinyModel(14, false, false, RopeLayout::RotateHalf);
    LoraSettings s;
    s.rank = 3, s.targets = {"q", "down"};
    LoraAdapter a = initLoraAdapter(w.config, s, 7).value();
    ASSERT_EQ(a.modules.size(), size_t(2 * 2));
    const LoraPair& down = a.modules.at("1.down");
    EXPECT_EQ(down.a.rows(), 3);
    EXPECT_EQ(down.a.cols(), w.config.intermediateSize);
    EXPECT_EQ(down.b.rows(), w.config.hiddenSize);
    EXPECT_TRUE(down.b.isZero(0.0f));
    const float bound = 1.0f / std::sqrt(float(w.config.intermediateSize));
    EXPECT_LE(down.a.maxCoeff(), bound);
    EXPECT_GE(down.a.minCoeff(), -bound);
    EXPECT_GT(down.a.maxCoeff(), 0.5f * bound);  // spread over the interval, not a constant
    EXPECT_FLOAT_EQ(a.scale(), 16.0f / 3.0f);
    a.rsLora = true;
    EXPECT_FLOAT_EQ(a.scale(), 16.0f / std::sqrt(3.0f));
}

TEST(TrainModelGrad, RefusesImpossibleLoraSettings) {
    ModelConfig c = makeTinyModel(1, false, false, RopeLayout::RotateHalf).config;
    LoraSettings s;
    s.rank = 0;
    EXPECT_NE(validateLoraSettings(c, s).message().find("rank"), std::string::npos);
    s.rank = 9;  // k/v width is 8
    EXPECT_NE(validateLoraSettings(c, s).message().find("above the width"), std::string::npos);
    s.rank = 4, s.targets = {"q", "qkv"};
    EXPECT_NE(validateLoraSettings(c, s).message().find("unknown target module 'qkv'"), std::string::npos);
    EXPECT_FALSE(parseTargets("q,lm_head").ok());
    EXPECT_EQ(parseTargets("q_proj, v_proj,q").value(), (std::vector<std::string>{"q", "v"}));
    EXPECT_EQ(parseTargets("all").value().size(), size_t(7));
}

// ---- PyTorch reference -----------------------------------------------------------------------------

Matrix toMatrix(const nlohmann::json& j, int rows, int cols) {
    Matrix m(rows, cols);
    for (int i = 0; i < rows * cols; ++i) m.data()[i] = j.at(i).get<float>();
    return m;
}
Vector toVector(const nlohmann::json& j) {
    Vector v(j.size());
    for (size_t i = 0; i < j.size(); ++i) v[Eigen::Index(i)] = j[i].get<float>();
    return v;
}

TEST(TrainModelGolden, OneStepMatchesPyTorch) {
    std::ifstream in(std::string(TUNEBENCH_SOURCE_DIR) + "/tests/data/train/one_step_golden.json");
    ASSERT_TRUE(in.good());
    nlohmann::json doc = nlohmann::json::parse(in);
    ASSERT_EQ(doc["variants"].size(), size_t(3));
    for (const nlohmann::json& v : doc["variants"]) {
        SCOPED_TRACE(v["name"].get<std::string>());
        const nlohmann::json& cj = v["config"];
        ModelWeights w;
        ModelConfig& c = w.config;
        c.vocabSize = cj["vocab"], c.hiddenSize = cj["hidden"], c.numLayers = cj["layers"];
        c.numHeads = cj["heads"], c.numKvHeads = cj["kv_heads"], c.intermediateSize = cj["ffn"];
        c.headDim = c.hiddenSize / c.numHeads, c.ropeTheta = cj["rope_theta"], c.rmsNormEps = cj["rms_eps"];
        c.attentionBias = v["bias"];
        if (!cj["llama3_scaling"].is_null()) {
            c.ropeScaling.enabled = true;
            c.ropeScaling.factor = cj["llama3_scaling"]["factor"];
            c.ropeScaling.lowFreqFactor = cj["llama3_scaling"]["low"];
            c.ropeScaling.highFreqFactor = cj["llama3_scaling"]["high"];
            c.ropeScaling.originalMaxPositions = cj["llama3_scaling"]["original"];
        }
        w.ropeLayout = v["layout"] == "interleaved" ? RopeLayout::Interleaved : RopeLayout::RotateHalf;
        const nlohmann::json& wj = v["weights"];
        const int C = c.hiddenSize, F = c.intermediateSize, V = c.vocabSize;
        w.tokenEmbedding = toMatrix(wj["embed"], V, C);
        w.lmHead = toMatrix(wj["lm_head"], V, C);
        w.finalNorm = toVector(wj["final_norm"]);
        for (int l = 0; l < c.numLayers; ++l) {
            std::string p = std::to_string(l) + ".";
            LayerWeights lw;
            lw.attnNorm = toVector(wj[p + "attn_norm"]), lw.ffnNorm = toVector(wj[p + "ffn_norm"]);
            lw.wq = toMatrix(wj[p + "q"], c.qDim(), C), lw.wk = toMatrix(wj[p + "k"], c.kvDim(), C);
            lw.wv = toMatrix(wj[p + "v"], c.kvDim(), C), lw.wo = toMatrix(wj[p + "o"], C, c.qDim());
            lw.wGate = toMatrix(wj[p + "gate"], F, C), lw.wUp = toMatrix(wj[p + "up"], F, C);
            lw.wDown = toMatrix(wj[p + "down"], C, F);
            if (c.attentionBias)
                lw.bq = toVector(wj[p + "q.bias"]), lw.bk = toVector(wj[p + "k.bias"]), lw.bv = toVector(wj[p + "v.bias"]);
            w.layers.push_back(std::move(lw));
        }
        LoraAdapter a;
        a.rank = v["lora"]["rank"], a.alpha = v["lora"]["alpha"], a.rsLora = v["rslora"];
        a.targets = v["lora"]["targets"].get<std::vector<std::string>>();
        for (int l = 0; l < c.numLayers; ++l)
            for (int t = 0; t < 7; ++t) {
                std::string k = LoraAdapter::key(l, kTargetNames[t]);
                auto [inW, outW] = targetShape(c, t);
                a.modules[k].a = toMatrix(v["lora"]["initial"][k + ".lora_A"], a.rank, inW);
                a.modules[k].b = toMatrix(v["lora"]["initial"][k + ".lora_B"], outW, a.rank);
            }
        MicroBatch b;
        b.resize(v["batch"]["B"], v["batch"]["T"]);
        b.tokens = v["batch"]["tokens"].get<std::vector<int32_t>>();
        b.targets = v["batch"]["targets"].get<std::vector<int32_t>>();
        b.positions = v["batch"]["positions"].get<std::vector<int32_t>>();
        b.segments = v["batch"]["segments"].get<std::vector<int32_t>>();

        TrainModel model(w, &a, TrainMethod::Lora);
        const double targets = double(b.targetCount());
        LossSums s = model.forwardBackward(b, float(1.0 / targets), 0);
        const double expectLoss = v["expected"]["loss"];
        EXPECT_NEAR(s.lossSum / targets, expectLoss, 1e-5 * expectLoss);
        for (const ParamRef& p : model.params()) {
            const nlohmann::json& e = v["expected"]["grads"][p.name];
            ASSERT_EQ(int64_t(e.size()), p.size) << p.name;
            double maxAbs = 0;
            for (const auto& x : e) maxAbs = std::max(maxAbs, std::abs(x.get<double>()));
            for (int64_t i = 0; i < p.size; ++i) {
                double ex = e[size_t(i)];
                ASSERT_NEAR(model.gradients()[size_t(p.offset + i)], ex, 1e-4 * maxAbs + 1e-4 * std::abs(ex))
                    << p.name << "[" << i << "]";
            }
        }
        const nlohmann::json& aj = v["adamw"];
        AdamWSettings as;
        as.beta1 = aj["beta1"], as.beta2 = aj["beta2"], as.eps = aj["eps"], as.weightDecay = aj["weight_decay"];
        AdamW opt(model.trainableCount(), as);
        opt.step(model.params(), model.gradients().data(), aj["lr"].get<float>());
        for (const ParamRef& p : model.params()) {
            const nlohmann::json& e = v["expected"]["after_step"][p.name];
            for (int64_t i = 0; i < p.size; ++i)
                ASSERT_NEAR(p.data[i], e[size_t(i)].get<double>(), 1e-5) << p.name << "[" << i << "]";
        }
    }
}

}  // namespace
}  // namespace tb::train
