// RMSNorm forward for T rows of C channels: out = x / sqrt(mean(x^2) + eps) * weight (Llama, Qwen2).
// In-place allowed (out == x). No backward here: the trainer owns gradients.
#pragma once

namespace tb {

void rmsNormForward(const float* x, const float* weight, float* out, int T, int C, float eps);

}  // namespace tb
