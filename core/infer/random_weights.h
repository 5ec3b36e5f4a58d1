// Random ModelWeights of a given shape, for benchmarks and tests that need a model without a file.
// Values are N(0, scale^2) from a seeded generator (norm weights near 1), so results are reproducible.
// Not an initializer for training.
#pragma once

#include "core/model/model_weights.h"

#include <cstdint>

namespace tb {

ModelWeights randomModelWeights(const ModelConfig& config, uint64_t seed, float scale = 0.02f,
                                RopeLayout layout = RopeLayout::RotateHalf);

// The two shapes of ../shared/BENCHMARKS.md.
ModelConfig stories15MShape();   // dim 288, 6 layers, 6/6 heads, FFN 768, vocab 32000, tied
ModelConfig smolLM2_135MShape(); // dim 576, 30 layers, 9/3 heads, FFN 1536, vocab 49152, theta 1e5, tied

}  // namespace tb
