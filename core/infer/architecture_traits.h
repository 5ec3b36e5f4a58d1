// What differs between the supported decoder architectures, as data plus a weight check, so the
// forward pass has no per-architecture if-chains. One small file per architecture (arch_<name>.cpp).
// Not the config parser (core/model/model_config.h) nor the loaders.
#pragma once

#include "core/model/model_weights.h"

namespace tb {

struct ArchitectureTraits {
    const char* name = "";
    bool qkvBias = false;  // add bq/bk/bv after the q/k/v projections
    // Checks tensor shapes and the presence of the tensors this architecture needs; message names the tensor.
    Status (*validate)(const ModelWeights& weights) = nullptr;
};

// Per-architecture definitions (arch_llama.cpp, arch_qwen2.cpp).
ArchitectureTraits llamaTraits(const ModelConfig& config);
ArchitectureTraits qwen2Traits(const ModelConfig& config);

// The traits for config.architecture (Mistral runs as Llama: same blocks, full attention).
ArchitectureTraits architectureTraits(const ModelConfig& config);

// Shape checks shared by all architectures (embedding, norms, projections, FFN, head).
Status validateCommonWeights(const ModelWeights& weights);
// Checks that bq/bk/bv are present with the right sizes.
Status validateAttentionBiases(const ModelWeights& weights);

}  // namespace tb
