// Merging a LoRA adapter into a copy of the base weights: W' = W + scale * B A for every adapted module.
// The explicit export step behind "merged" folders and GGUF files; the base is never changed.
// Not LoRA at the matmul (core/infer/lora_apply.h) and not a file writer.
#pragma once

#include "core/common/result.h"
#include "core/model/lora_adapter.h"
#include "core/model/model_weights.h"

namespace tb::exporter {

// The base matrix a target short name ("q".."down") adapts; nullptr for an unknown name.
const Matrix* targetMatrix(const LayerWeights& layer, const std::string& target);
Matrix* targetMatrix(LayerWeights& layer, const std::string& target);

// Checks every module (layer index, target name, A/B shapes against the base) and returns the merged copy.
Result<ModelWeights> mergeAdapter(const ModelWeights& base, const LoraAdapter& adapter);

}  // namespace tb::exporter
