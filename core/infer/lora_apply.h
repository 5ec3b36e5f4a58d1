// LoRA at the matmul: Y (T, out) += scale * (X A^T) B^T for one adapted linear layer, with
// A (r, in) and B (out, r) from a LoraAdapter. Base weights are never changed (merging is export's job).
#pragma once

#include "core/model/lora_adapter.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>

namespace tb {

// tmp: scratch of T * r floats.
void loraForward(const LoraPair& pair, float scale, const float* x, float* y, int T, float* tmp);

// The (out, in) shape of a base linear layer ("q" k v o gate up down), or nullopt for an unknown target.
using BaseShapeOf = std::function<std::optional<std::pair<int, int>>(int layer, const std::string& target)>;
// Checks every module of `adapter` against the base model's shapes; the message names the module. Shapes
// come from a callback so an inference model whose F32 matrices were released (BF16 mode) can answer.
Status validateLoraAdapter(const LoraAdapter& adapter, int numLayers, const BaseShapeOf& shapeOf);

}  // namespace tb
