// Matrix-vector kernels for single-token decode: y = W x with W row-major (out, in), in F32 or BF16.
// Memory-bound: each weight is read once, rows split over the OpenMP threads. Not for batches (see linear.h).
#pragma once

#include <cstdint>

namespace tb {

class Bf16Panels;

// y[o] = sum_i W[o, i] x[i] for o in [0, rows); W has `cols` floats per row.
// accumulate: y += W x instead of y = W x.
void gemvF32(const float* w, const float* x, float* y, int rows, int cols, int threads, bool accumulate = false);
// Same with W stored as BF16 (x and y stay F32; products are exact F32 products of the BF16 weights).
void gemvBf16(const uint16_t* w, const float* x, float* y, int rows, int cols, int threads, bool accumulate = false);

// Several independent products (e.g. q, k and v of one token) in one parallel region: the rows of all
// jobs are split evenly over the threads, so only one fork/join is paid.
struct GemvJob {
    const float* wF32 = nullptr;      // either this (F32 weights) ...
    const uint16_t* wBf16 = nullptr;  // ... or this (row-major BF16 weights) ...
    const Bf16Panels* panels = nullptr;  // ... or this (BF16 panels; x is rounded to BF16 as well)
    const float* x = nullptr;
    float* y = nullptr;
    int rows = 0, cols = 0;
    bool accumulate = false;
};
void gemvJobs(const GemvJob* jobs, int count, int threads);

// Name of the kernel path compiled in ("avx512", "avx2", "portable"), for benchmark output.
const char* gemvKernelName();

}  // namespace tb
