// Training layers as forward/backward pairs on plain row-major float buffers, in the shape of llm.c:
// the forward saves what the backward needs; every backward ACCUMULATES (+=) into its gradient outputs,
// and a null gradient pointer means "frozen, do not compute". Attention, RoPE and the loss live in
// layers_attention.h and layers_loss.h. Not a model: train_model.h wires these into a Llama block.
//
// Dims legend: B batch rows, T tokens per row, N = B*T, C hidden, NH heads, NKV kv heads, D head dim,
// F FFN width, V vocab, IN/OUT linear fan-in/fan-out, R LoRA rank.
#pragma once

#include <cstdint>

namespace tb::train {

// out[n] = table[tokens[n]]        out (N,C), table (V,C), tokens (N)
void embeddingForward(float* out, const int32_t* tokens, const float* table, int N, int C);
// dtable[tokens[n]] += dout[n]     serial so that repeated tokens add in a fixed order
void embeddingBackward(float* dtable, const float* dout, const int32_t* tokens, int N, int C);

// out = x * rstd * weight, rstd = 1/sqrt(mean(x^2)+eps)   out,x (N,C), weight (C), rstd (N) saved
void rmsnormForward(float* out, float* rstd, const float* x, const float* weight, int N, int C, float eps);
// dx += ..., dweight += ... (dweight may be null)
void rmsnormBackward(float* dx, float* dweight, const float* dout, const float* x, const float* weight,
                     const float* rstd, int N, int C);

// out = x W^T + bias                out (N,OUT), x (N,IN), W (OUT,IN), bias (OUT) or null
void linearForward(float* out, const float* x, const float* W, const float* bias, int N, int IN, int OUT);
// out (N, OUT) += bias broadcast over the rows.
void addRowBias(float* out, const float* bias, int N, int OUT);
// dx += dout W (dx may be null); dW += dout^T x (null: frozen); dbias += colsum(dout) (null: none)
void linearBackward(float* dx, float* dW, float* dbias, const float* dout, const float* x, const float* W,
                    int N, int IN, int OUT);

// LoRA branch: u = x A^T (saved), out += scale * u B^T.   x (N,IN) (already dropped out), A (R,IN),
// B (OUT,R), u (N,R). The frozen W x is a separate linearForward; the base weight never changes.
void loraForward(float* out, float* u, const float* x, const float* A, const float* B, float scale, int N,
                 int IN, int OUT, int R);
// dB += scale dout^T u; du = scale dout B (scratch (N,R)); dA += du^T x; dx += du A (dx may be null).
void loraBackward(float* dx, float* dA, float* dB, float* du, const float* dout, const float* x, const float* u,
                  const float* A, const float* B, float scale, int N, int IN, int OUT, int R);

// h = silu(gate) * up               h, gate, up (N*F)
void swigluForward(float* h, const float* gate, const float* up, int64_t count);
// dgate += dh * up * silu'(gate); dup += dh * silu(gate)
void swigluBackward(float* dgate, float* dup, const float* dh, const float* gate, const float* up, int64_t count);

// Dropout with a counter-based mask so forward and backward regenerate the same mask without storing it:
// element i of stream `stream` is kept iff hash(seed, stream, i) >= p; kept values are scaled by 1/(1-p).
// out may equal x. With p == 0 it copies.
void dropoutApply(float* out, const float* x, int64_t count, float p, uint64_t seed, uint64_t stream);

// out += x (count)
void addInPlace(float* out, const float* x, int64_t count);

}  // namespace tb::train
