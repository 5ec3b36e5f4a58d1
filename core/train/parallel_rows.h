// Splits a matrix product by output rows across the OpenMP threads, each thread running Eigen's
// single-threaded kernel on its slice. Coarse slices avoid the fine-grained spin synchronisation of
// Eigen's own parallel GEMM, which collapses when the cores are shared. Deterministic for a given thread count.
#pragma once

#include <omp.h>

#include <algorithm>

#include <cstdint>

namespace tb::train {

template <class F>
void forRowChunks(int64_t rows, int64_t workPerRow, F&& f) {
    const int nt = omp_get_max_threads();
    if (nt <= 1 || rows < 2 * 16 || rows * workPerRow < (int64_t(1) << 16) || omp_in_parallel()) {
        f(int64_t(0), rows);
        return;
    }
#pragma omp parallel num_threads(nt)
    {
        const int t = omp_get_thread_num(), n = omp_get_num_threads();
        // Chunk edges on multiples of 16 rows keep Eigen's kernels on full register blocks.
        const int64_t blocks = (rows + 15) / 16;
        const int64_t b = std::min<int64_t>(rows, blocks * t / n * 16);
        const int64_t e = std::min<int64_t>(rows, blocks * (t + 1) / n * 16);
        if (b < e) f(b, e);
    }
}

}  // namespace tb::train
