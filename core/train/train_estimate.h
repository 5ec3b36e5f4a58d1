// Memory and time estimate of a training run before it starts (the GUI wizard shows it): bytes for the
// frozen weights, trainable values, gradients, AdamW moments and activations of one micro-batch, and
// seconds from the FLOPs per token at an assumed throughput. An estimate, not a measurement.
#pragma once

#include "core/model/model_config.h"
#include "core/train/trainer.h"

#include <cstdint>

namespace tb::train {

struct TrainEstimate {
    int64_t weightBytes = 0;       // model weights in float32
    int64_t trainableParams = 0;
    int64_t gradientBytes = 0;
    int64_t optimizerBytes = 0;    // AdamW first and second moments
    int64_t activationBytes = 0;   // one micro-batch at the longest row
    int64_t totalBytes = 0;
    int64_t steps = 0;
    int64_t tokens = 0;            // tokens processed over the run
    double flopsPerToken = 0.0;
    double seconds = 0.0;
};

// datasetTokens: tokens in one epoch of training examples (ExampleBuildReport::tokens); steps as the trainer
// will count them. assumedGflops: sustained matmul throughput (about 100 on two Zen 4 cores in fp32).
TrainEstimate estimateTraining(const ModelConfig& model, const TrainConfig& config, int64_t datasetTokens,
                               int64_t steps, double assumedGflops = 100.0);

}  // namespace tb::train
