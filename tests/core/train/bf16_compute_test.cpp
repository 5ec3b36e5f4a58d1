// BF16 compute for the frozen base in LoRA training (ComputePrecision::BF16): one step's loss and every LoRA
// gradient stay close to the F32 model's (the only difference is BF16 rounding of frozen weights and of the
// activations multiplied by them), the same batch gives bit-identical gradients twice, a tiny model still
// overfits a tiny dataset, the setting round-trips through run.json, and full fine-tuning refuses it.
#include "core/infer/bf16.h"
#include "core/train/lora_init.h"
#include "core/train/train_config_json.h"
#include "core/train/train_estimate.h"
#include "core/train/train_model.h"
#include "core/train/trainer.h"
#include "train_test_util.h"
#include "trainer_test_util.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tb::train {
namespace {

LoraAdapter adapterWithNonZeroB(const ModelConfig& c, uint64_t seed) {
    LoraSettings s;
    s.rank = 4, s.alpha = 8.0f, s.targets = {"q", "k", "v", "o", "gate", "up", "down"};
    LoraAdapter a = initLoraAdapter(c, s, seed).value();
    std::mt19937_64 rng(seed + 1);
    for (auto& [k, p] : a.modules) testing::fillRandom(p.b.data(), p.b.size(), rng, 0.2f);
    return a;
}

// The gradient-check model's weights (std 0.3) saturate its softmaxes; scaled to 0.1 the activations
// look like a trained model's, where BF16 rounding is a small perturbation.
ModelWeights moderateModel(uint64_t seed, bool bias) {
    ModelWeights w = testing::makeTinyModel(seed, bias, !bias, RopeLayout::RotateHalf, 61, 64, 2, 4, 2, 96);
    for (LayerWeights& l : w.layers)
        for (Matrix* m : {&l.wq, &l.wk, &l.wv, &l.wo, &l.wGate, &l.wUp, &l.wDown}) *m *= 1.0f / 3.0f;
    return w;
}

Matrix roundedToBf16(const Matrix& m) {
    return m.unaryExpr([](float v) { return bf16ToFloat(floatToBf16(v)); });
}

TEST(Bf16Compute, LossAndEveryLoraGradientCloseToF32) {
    for (bool bias : {false, true}) {
        ModelWeights w = moderateModel(21, bias);
        // Yardstick: the same F32 model with only its frozen weights rounded to BF16.
        ModelWeights rounded = w;
        for (LayerWeights& l : rounded.layers)
            for (Matrix* m : {&l.wq, &l.wk, &l.wv, &l.wo, &l.wGate, &l.wUp, &l.wDown}) *m = roundedToBf16(*m);
        rounded.tokenEmbedding = roundedToBf16(rounded.tokenEmbedding);
        if (!w.config.tiedEmbeddings) rounded.lmHead = roundedToBf16(rounded.lmHead);
        LoraAdapter a = adapterWithNonZeroB(w.config, 7);
        MicroBatch b = testing::makeTinyBatch(w.config.vocabSize);
        const double targets = double(b.targetCount());
        TrainModel f32(w, &a, TrainMethod::Lora, ComputePrecision::F32);
        TrainModel bf16(w, &a, TrainMethod::Lora, ComputePrecision::BF16);
        TrainModel yardstick(rounded, &a, TrainMethod::Lora, ComputePrecision::F32);
        EXPECT_EQ(bf16.computePrecision(), ComputePrecision::BF16);
        f32.zeroGradients(), bf16.zeroGradients(), yardstick.zeroGradients();
        yardstick.forwardBackward(b, float(1.0 / targets), 0);
        const double lossF32 = f32.forwardBackward(b, float(1.0 / targets), 0).lossSum / targets;
        const double lossBf16 = bf16.forwardBackward(b, float(1.0 / targets), 0).lossSum / targets;
        EXPECT_NEAR(lossBf16, lossF32, 1e-2 * lossF32) << "bias " << bias;
        EXPECT_NE(lossBf16, lossF32);  // the BF16 path really ran
        ASSERT_EQ(f32.params().size(), bf16.params().size());
        for (size_t i = 0; i < f32.params().size(); ++i) {
            const ParamRef& p = f32.params()[i];
            Eigen::Map<const Eigen::VectorXf> g32(f32.gradients().data() + p.offset, p.size);
            Eigen::Map<const Eigen::VectorXf> g16(bf16.gradients().data() + p.offset, p.size);
            Eigen::Map<const Eigen::VectorXf> gRounded(yardstick.gradients().data() + p.offset, p.size);
            ASSERT_GT(g32.norm(), 0.0f) << p.name;
            // BF16 activations add rounding of the same size as BF16 weights: at most 3x the yardstick's
            // change, and within 2% of the gradient.
            EXPECT_LE((g16 - g32).norm(), 3.0f * (gRounded - g32).norm() + 1e-6f) << p.name << " bias " << bias;
            EXPECT_LE((g16 - g32).norm(), 0.02f * g32.norm()) << p.name << " bias " << bias;
        }
    }
}

TEST(Bf16Compute, SameBatchGivesBitIdenticalGradients) {
    ModelWeights w = moderateModel(22, true);
    LoraAdapter a = adapterWithNonZeroB(w.config, 8);
    MicroBatch b = testing::makeTinyBatch(w.config.vocabSize);
    TrainModel m(w, &a, TrainMethod::Lora, ComputePrecision::BF16);
    m.zeroGradients();
    const double l1 = m.forwardBackward(b, 1.0f, 3).lossSum;
    const std::vector<float> g1 = m.gradients();
    m.zeroGradients();
    const double l2 = m.forwardBackward(b, 1.0f, 3).lossSum;
    EXPECT_EQ(l1, l2);
    EXPECT_EQ(g1, m.gradients());
}

TEST(Bf16Compute, TinyModelStillOverfitsAndFullFineTuningRefusesIt) {
    ModelWeights w = testing::smallModel();
    TrainConfig c = testing::smallConfig();
    c.compute = ComputePrecision::BF16;
    c.lora.rank = 8, c.lora.alpha = 16, c.lora.dropout = 0.0f;
    c.epochs = 60, c.lr = 2e-2, c.schedule = LrScheduleKind::Constant;
    c.gradAccum = 1, c.batch.batchSize = 4, c.adam.weightDecay = 0.0f, c.checkpointEvery = 0;
    auto t = Trainer::create(w, testing::examplesFor(testing::promptCompletionRecords(4)), {}, c);
    ASSERT_TRUE(t.ok()) << t.message();
    auto r = (*t)->run();
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_GT(r->stepLosses.front(), 2.0);
    EXPECT_LT(r->lastTrainLoss, 0.1);

    c.method = TrainMethod::Full;
    ModelWeights w2 = testing::smallModel();
    auto refused = Trainer::create(w2, testing::examplesFor(testing::promptCompletionRecords(4)), {}, c);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("compute_precision"), std::string::npos) << refused.message();
}

TEST(Bf16Compute, RunJsonRoundTripsAndRejectsUnknownValues) {
    TrainConfig c;
    c.compute = ComputePrecision::BF16;
    auto j = trainConfigToJson(c);
    EXPECT_EQ(j["compute_precision"], "bf16");
    auto back = trainConfigFromJson(j, TrainConfig{}, "run.json");
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(back->compute, ComputePrecision::BF16);
    nlohmann::json bad = {{"compute_precision", "fp8"}};
    auto refused = trainConfigFromJson(bad, TrainConfig{}, "run.json");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("run.json: compute_precision"), std::string::npos) << refused.message();
}

TEST(Bf16Compute, EstimateCountsThePanelsAndTheFasterProducts) {
    ModelWeights w = testing::smallModel();
    TrainConfig c = testing::smallConfig();
    const TrainEstimate f32 = estimateTraining(w.config, c, 10000, 100, 100.0);
    c.compute = ComputePrecision::BF16;
    const TrainEstimate bf16 = estimateTraining(w.config, c, 10000, 100, 100.0);
    const ModelConfig& m = w.config;
    const int64_t frozenMatmul = int64_t(m.numLayers) * (m.hiddenSize * (m.qDim() + 2 * m.kvDim()) + m.qDim() * m.hiddenSize +
                                                         3 * int64_t(m.hiddenSize) * m.intermediateSize) +
                                 int64_t(m.vocabSize) * m.hiddenSize;
    EXPECT_EQ(bf16.weightBytes - f32.weightBytes, frozenMatmul * 4);
    EXPECT_NEAR(bf16.seconds, f32.seconds / 2.0, 1e-9);
    c.method = TrainMethod::Full;  // full fine-tuning ignores it
    EXPECT_EQ(estimateTraining(w.config, c, 10000, 100, 100.0).weightBytes, m.parameterCount() * 4);
}

}  // namespace
}  // namespace tb::train
