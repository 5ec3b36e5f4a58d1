// Training attention: rotary position embedding (both q/k row layouts, Llama 3 frequency scaling) and
// causal grouped-query attention with a padding mask and packing (a query sees only keys of its own
// segment). Forward/backward pairs on plain buffers, see layers.h for conventions. Not inference (core/infer).
//
// Dims legend: B batch rows, T tokens per row, N = B*T, NH heads, NKV kv heads, D head dim, P positions.
#pragma once

#include "core/model/model_config.h"

#include <cstdint>
#include <vector>

namespace tb::train {

// cos/sin tables, (P, D/2) each, for pair j at position p; invFreq (D/2) as Hugging Face computes it
// (theta^(-2j/D) in float, then Llama 3 scaling when enabled).
struct RopeTables {
    int positions = 0;
    int half = 0;  // D/2
    std::vector<float> invFreq;
    std::vector<float> cos, sin;
};
RopeTables buildRopeTables(const ModelConfig& config, int positions);

// Rotates x (N, H*D) in place by the angles at pos (N). layout picks the pairs: RotateHalf (j, j+D/2),
// Interleaved (2j, 2j+1). ropeBackward rotates gradients by the opposite angle (the transpose).
void ropeForward(float* x, const int32_t* pos, int N, int H, int D, const RopeTables& tables, RopeLayout layout);
void ropeBackward(float* dx, const int32_t* pos, int N, int H, int D, const RopeTables& tables, RopeLayout layout);

// out (N, NH*D), probs (B, NH, T, T) saved, q (N, NH*D), k/v (N, NKV*D), seg (N): segment id per token,
// -1 for padding. Query i attends key j iff j <= i, seg[j] == seg[i] and seg[i] >= 0. Padding queries
// give zero output. Scale 1/sqrt(D). window > 0 (Mistral sliding window) also requires i - j < window;
// Both passes work in causal blocks of query rows (only keys a block can see are multiplied). The backward
// pass's window only skips key blocks whose probabilities are all zero; giving 0 is always correct.
void attentionForward(float* out, float* probs, const float* q, const float* k, const float* v, const int32_t* seg,
                      int B, int T, int NH, int NKV, int D, int window = 0);
// dq (N,NH*D), dk/dv (N,NKV*D) accumulate.
void attentionBackward(float* dq, float* dk, float* dv, const float* dout, const float* probs, const float* q,
                       const float* k, const float* v, const int32_t* seg, int B, int T, int NH, int NKV, int D,
                       int window = 0);

}  // namespace tb::train
