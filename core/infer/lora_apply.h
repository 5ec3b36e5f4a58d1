// LoRA at the matmul: Y (T, out) += scale * (X A^T) B^T for one adapted linear layer, with
// A (r, in) and B (out, r) from a LoraAdapter. Base weights are never changed (merging is export's job).
#pragma once

#include "core/model/lora_adapter.h"

namespace tb {

// tmp: scratch of T * r floats.
void loraForward(const LoraPair& pair, float scale, const float* x, float* y, int T, float* tmp);

// Checks every module of `adapter` against the base model's shapes; the message names the module.
Status validateLoraAdapter(const LoraAdapter& adapter, const ModelWeights& base);

}  // namespace tb
