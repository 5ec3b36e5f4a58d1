// The LM head with cross-entropy over masked targets, fused so that logits exist only for a chunk of
// target rows at a time (positions without a target never reach the (N,V) product). Forward and backward
// are one call because the logits are not kept; with dx == null it is forward only. Not a sampler.
//
// Dims legend: N tokens, C hidden, V vocab.
#pragma once

#include "core/infer/bf16_panels.h"

#include <cstdint>

namespace tb::train {

struct LossSums {
    double lossSum = 0.0;   // sum over target rows of -log p(target)
    int64_t targets = 0;    // rows with target >= 0
};

// x (N,C) final-norm output, W (V,C) output matrix, targets (N): next-token id or -1 (masked).
// Backward (when dx != null): dx += gradScale * dL/dx with L = lossSum, dW += gradScale * dL/dW (null: frozen).
// The caller picks gradScale = 1 / (targets in the optimizer step) for a mean loss.
// headPanels: when given (BF16 compute), the logits and dx products use W and W^T as BF16 panels instead
// of W in F32; dW (full fine-tuning) always uses F32.
struct HeadPanels {
    const Bf16Panels* w = nullptr;   // (V, C)
    const Bf16Panels* wT = nullptr;  // (C, V)
};
LossSums lmHeadCrossEntropy(float* dx, float* dW, const float* x, const float* W, const int32_t* targets, int N,
                            int C, int V, float gradScale, HeadPanels headPanels = {});

}  // namespace tb::train
