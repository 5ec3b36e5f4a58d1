#include "core/infer/attention.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace tb {

void attentionForward(const float* q, float* out, const AttentionRow* rows, int R, int layer,
                      const AttentionShape& shape, float* scratch, int scratchStride, int threads) {
    using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const int NH = shape.numHeads, D = shape.headDim, group = shape.numHeads / shape.numKvHeads;
    const float scale = 1.0f / std::sqrt(float(D));
    long long work = 0;
    for (int r = 0; r < R; ++r) work += (long long)(rows[r].position + 1) * NH * D;
    const int useThreads = work < 32768 ? 1 : threads;
#pragma omp parallel for num_threads(useThreads) schedule(dynamic, 1) collapse(2)
    for (int r = 0; r < R; ++r) {
        for (int h = 0; h < NH; ++h) {
#ifdef _OPENMP
            float* scores = scratch + size_t(omp_get_thread_num()) * scratchStride;
#else
            float* scores = scratch;
#endif
            const KvCache& cache = *rows[r].cache;
            const int kvh = h / group;
            // causal: positions first..position; a sliding window drops the oldest
            const int first = shape.slidingWindow > 0 ? std::max(0, rows[r].position + 1 - shape.slidingWindow) : 0;
            const int n = rows[r].position + 1 - first;
            Eigen::Map<const RowMajor> keys(cache.key(layer, kvh, first), n, D);
            Eigen::Map<const RowMajor> values(cache.value(layer, kvh, first), n, D);
            Eigen::Map<const Eigen::VectorXf> qv(q + (size_t(r) * NH + h) * D, D);
            Eigen::Map<Eigen::VectorXf> s(scores, n);
            s.noalias() = keys * qv;
            s *= scale;
            const float mx = s.maxCoeff();
            s = (s.array() - mx).exp();
            const float inv = 1.0f / s.sum();
            Eigen::Map<Eigen::VectorXf> o(out + (size_t(r) * NH + h) * D, D);
            o.noalias() = values.transpose() * s;
            o *= inv;
        }
    }
}

}  // namespace tb
