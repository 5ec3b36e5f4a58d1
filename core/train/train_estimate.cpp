#include "core/train/train_estimate.h"

#include "core/train/lora_init.h"

namespace tb::train {

TrainEstimate estimateTraining(const ModelConfig& c, const TrainConfig& cfg, int64_t datasetTokens, int64_t steps,
                               double assumedGflops) {
    TrainEstimate e;
    e.weightBytes = c.parameterCount() * 4;
    const bool lora = cfg.method == TrainMethod::Lora;
    if (lora) {
        for (const std::string& t : cfg.lora.targets) {
            const int idx = targetIndex(t);
            if (idx < 0) continue;
            auto [in, out] = targetShape(c, idx);
            e.trainableParams += int64_t(c.numLayers) * cfg.lora.rank * (in + out);
        }
    } else {
        e.trainableParams = c.parameterCount();
    }
    e.gradientBytes = e.trainableParams * 4;
    e.optimizerBytes = e.trainableParams * 8;
    const int B = cfg.batch.batchSize;
    e.activationBytes = TrainModel::activationFloats(c, B, cfg.batch.maxSeqLen, lora ? cfg.lora.rank : 0,
                                                     lora ? int(cfg.lora.targets.size()) : 0) * 4 +
                        int64_t(128) * c.vocabSize * 4 * 2;  // logits chunk and its gradient
    // BF16 compute keeps W and W^T of every frozen matmul (and the head) as BF16 panels: 4 bytes per weight.
    const bool bf16 = lora && cfg.compute == ComputePrecision::BF16;
    if (bf16) {
        int64_t frozenMatmul = int64_t(c.vocabSize) * c.hiddenSize;  // the head
        for (int t = 0; t < 7; ++t) {
            auto [in, out] = targetShape(c, t);
            frozenMatmul += int64_t(c.numLayers) * in * out;
        }
        e.weightBytes += frozenMatmul * 4;
    }
    e.totalBytes = e.weightBytes + e.gradientBytes + e.optimizerBytes + e.activationBytes;
    // Matmul parameters (a tied head is a matmul too, so it counts twice). Frozen base: forward 2N + input gradients 2N;
    // full fine-tuning adds weight gradients (2N). Attention adds about 4 T D NH per layer per direction.
    const double n = double(c.parameterCount()) + (c.tiedEmbeddings ? double(c.vocabSize) * c.hiddenSize : 0.0);
    const double attention = 4.0 * cfg.batch.maxSeqLen / 2.0 * c.headDim * c.numHeads * c.numLayers;
    e.flopsPerToken = (lora ? 4.0 : 6.0) * n + 2.0 * attention;
    e.steps = steps;
    const int64_t epochs = std::max(cfg.epochs, 1);
    e.tokens = datasetTokens * epochs;
    if (cfg.maxSteps > 0 && steps > 0) {
        const int64_t full = std::max<int64_t>(steps, 1);
        e.tokens = std::min<int64_t>(e.tokens, datasetTokens * epochs * std::min<int64_t>(cfg.maxSteps, full) / full);
    }
    // BF16 dot products do twice the F32 work per cycle; measured LoRA steps run about 2x as fast
    // (bench/train: bench_train stories15M 3 f32 vs bf16).
    const double gflops = bf16 ? 2.0 * assumedGflops : assumedGflops;
    e.seconds = gflops > 0 ? double(e.tokens) * e.flopsPerToken / (gflops * 1e9) : 0.0;
    return e;
}

}  // namespace tb::train
