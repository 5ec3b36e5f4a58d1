// One linear layer's weight as the engine multiplies by it: y = W x with W (out, in) row-major.
// F32 mode reads the ModelWeights matrix in place (GEMV kernel for decode, Eigen GEMM for prefill); BF16
// mode keeps a BF16 copy packed in panels (bf16_panels.h) that serves both decode and prefill with
// AVX512-BF16 dot products. Not LoRA (see lora_apply.h).
#pragma once

#include "core/infer/bf16_panels.h"
#include "core/infer/gemv.h"
#include "core/model/model_weights.h"

#include <cstdint>
#include <vector>

namespace tb {

enum class WeightPrecision { F32, BF16 };

class LinearWeight {
public:
    LinearWeight() = default;
    LinearWeight(const Matrix& weight, WeightPrecision precision);

    int rows() const { return m_rows; }  // out
    int cols() const { return m_cols; }  // in
    WeightPrecision precision() const { return m_precision; }
    size_t bytes() const;

    // Y (T, out) = X (T, in) W^T, or Y += ... with accumulate. T == 1 runs the GEMV kernel.
    void forward(const float* x, float* y, int T, int threads, bool accumulate = false) const;
    // The single-token product y = W x as a job for gemvJobs().
    GemvJob job(const float* x, float* y, bool accumulate = false) const;

private:
    WeightPrecision m_precision = WeightPrecision::F32;
    int m_rows = 0, m_cols = 0;
    const float* m_f32 = nullptr;   // (out, in), owned by ModelWeights
    Bf16Panels m_bf16;              // BF16 copy in panels
};

}  // namespace tb
