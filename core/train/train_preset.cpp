#include "core/train/train_preset.h"

#include <algorithm>
#include <cstdio>

namespace tb::train {

namespace {
int nextPowerOfTwo(int v) {
    int p = 16;
    while (p < v) p *= 2;
    return p;
}
}  // namespace

PresetDefaults presetDefaults(TaskPreset preset, const TrainDataFacts& f, long long params, int context) {
    PresetDefaults d;
    TrainConfig& c = d.config;
    const int64_t n = int64_t(f.trainLengths.size());
    // Rank: label-like outputs need little capacity; open-ended text more, and more data can use more.
    int rank = 8;
    switch (preset) {
        case TaskPreset::Classification:
            rank = n < 2000 ? 8 : 16;
            break;
        case TaskPreset::Json:
            rank = 16;
            break;
        case TaskPreset::Style:
            rank = n < 2000 ? 16 : 32;
            break;
        case TaskPreset::Generation:
            rank = n < 5000 ? 16 : 32;
            break;
    }
    c.lora.rank = rank;
    c.lora.alpha = float(2 * rank);
    c.lora.targets = {"q", "k", "v", "o", "gate", "up", "down"};
    // Epochs: small sets need several passes; large ones one or two (overfitting risk grows with passes).
    c.epochs = n < 500 ? 5 : n < 2000 ? 3 : n < 20000 ? 2 : 1;
    // Learning rate: 2e-4 is the usual LoRA rate for 100M+ models; tiny models tolerate and need more.
    double lr = preset == TaskPreset::Classification ? 3e-4 : 2e-4;
    if (params > 0 && params < 10'000'000)
        lr *= 15.0;
    else if (params > 0 && params < 200'000'000)
        lr *= 2.5;
    c.lr = lr;
    c.schedule = LrScheduleKind::Cosine;
    // Sequence length: classification and JSON must not lose their answer, so cover the longest example;
    // free text covers the 95th percentile (the rest is truncated and reported).
    const int wanted = (preset == TaskPreset::Classification || preset == TaskPreset::Json) ? f.maxLength : f.p95Length;
    const int cap = std::max(32, std::min(context > 0 ? context : 2048, 2048));
    c.batch.maxSeqLen = std::min(nextPowerOfTwo(std::max(wanted, 16)), cap);
    c.batch.batchSize = c.batch.maxSeqLen <= 128 ? 16 : c.batch.maxSeqLen <= 512 ? 8 : 4;
    c.batch.packing = preset == TaskPreset::Generation;
    c.gradAccum = 1;
    c.lora.dropout = n < 1000 ? 0.05f : 0.0f;
    c.evalEvery = 0;
    c.earlyStopPatience = f.valRecords > 0 ? 3 : 0;
    c.checkpointEvery = 0;
    const int64_t stepsPerEpoch = std::max<int64_t>(1, (n + c.batch.batchSize - 1) / c.batch.batchSize);
    c.warmupSteps = std::min<int64_t>(50, std::max<int64_t>(1, stepsPerEpoch * c.epochs / 20));
    d.lossOn = preset == TaskPreset::Generation ? LossOn::All : LossOn::Completion;
    char buf[300];
    std::snprintf(buf, sizeof buf,
                  "%lld training examples, longest %d tokens (95%% within %d): rank %d, %d epochs, learning rate "
                  "%.1e, sequence length %d.",
                  (long long)n, f.maxLength, f.p95Length, rank, c.epochs, c.lr, c.batch.maxSeqLen);
    d.rationale = buf;
    return d;
}

}  // namespace tb::train
