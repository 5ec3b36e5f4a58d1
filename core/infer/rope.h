// Rotary position embedding: inverse frequencies (rope_theta, optional Llama 3 scaling), the cos/sin
// of a run of positions, and the in-place rotation of q/k rows in either RopeLayout.
// Dims: T tokens, H heads, D head dim. Not attention itself (see attention.h).
#pragma once

#include "core/model/model_config.h"

#include <vector>

namespace tb {

// D/2 inverse frequencies theta^(-2j/D), with the Llama 3 "llama3" rope_type scaling applied when enabled.
std::vector<double> ropeInverseFrequencies(const ModelConfig& config);

// cos/sin (T, D/2) for positions startPos .. startPos+T-1, computed in double then rounded.
void ropeAngles(const std::vector<double>& invFreq, int startPos, int T, float* cosOut, float* sinOut);

// Rotates rows (T, H*D) in place; cos/sin (T, D/2) from ropeAngles.
void ropeApply(float* rows, int T, int heads, int headDim, const float* cos, const float* sin, RopeLayout layout);

}  // namespace tb
