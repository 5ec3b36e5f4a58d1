// BF16 weights in the one layout both decode (GEMV) and prefill (GEMM) read fast with AVX512-BF16:
// output rows in panels of 16; inside a panel the inputs go in pairs, so for input pair j the 32 values
// W[16p + l, 2j + e] (lane l = 0..15, e = 0..1) are 64 contiguous bytes. One VDPBF16PS multiplies them by
// an input pair broadcast to every lane and adds 16 outputs' worth of products. Each panel is therefore one
// sequential stream for decode and one 16-wide output vector for prefill, and nothing is widened to F32.
// Activations are rounded to BF16 as well, as llama.cpp does for BF16 models; products are exact and
// accumulate in F32. Without AVX512-BF16 a portable path computes the same products.
// Not LoRA, not row-major (gemv.h's gemvBf16 is).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace tb {

class Bf16Panels {
public:
    static constexpr int kPanelRows = 16;

    Bf16Panels() = default;
    // Packs a row-major (rows, cols) F32 matrix, rounding each value to BF16 (nearest even). Rows are padded
    // to a whole panel and cols to a whole pair with zeros.
    Bf16Panels(const float* w, int rows, int cols);

    int rows() const { return m_rows; }
    int cols() const { return m_cols; }
    int panels() const { return m_panels; }
    int kPairs() const { return m_kPairs; }
    size_t bytes() const { return size_t(m_panels) * m_kPairs * 64; }
    // The stored (rounded) value of W[r, c], for tests.
    float at(int r, int c) const;

    // Y (T, rows) = X (T, cols) W^T, or Y += ... with accumulate. T == 1 is the decode GEMV.
    void multiply(const float* x, float* y, int T, int threads, bool accumulate = false) const;
    // Decode rows of panels [p0, p1): y[16p + l] (+)= W[16p + l, :] . x, with x already rounded to BF16
    // pairs (toBf16Pairs). For gemvJobs, which splits panels of several products over the threads.
    void gemvPanels(const uint16_t* xPairs, float* y, int p0, int p1, bool accumulate) const;

private:
    struct Free {
        void operator()(uint16_t* p) const { std::free(p); }
    };
    int m_rows = 0, m_cols = 0, m_panels = 0, m_kPairs = 0;
    std::shared_ptr<uint16_t> m_data;  // shared: LinearWeight copies stay cheap; never modified after packing
};

// Rounds n floats to BF16 into dst, padding to an even count with a zero (dst holds 2 * ceil(n / 2)).
void toBf16Pairs(const float* x, int n, uint16_t* dst);

// "avx512-bf16" or "portable", for benchmark output.
const char* bf16PanelKernelName();

}  // namespace tb
