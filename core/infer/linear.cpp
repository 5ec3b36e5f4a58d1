#include "core/infer/linear.h"

#include "core/infer/bf16.h"
#include "core/infer/gemv.h"

#include <algorithm>

namespace tb {

namespace {
// Rows widened per block in BF16 prefill: large enough for Eigen's GEMM to parallelise well,
// small enough that the panel stays in L2/L3.
constexpr int kPanelRows = 512;
}  // namespace

LinearWeight::LinearWeight(const Matrix& weight, WeightPrecision precision)
    : m_precision(precision), m_rows(int(weight.rows())), m_cols(int(weight.cols())) {
    if (precision == WeightPrecision::F32) {
        m_f32 = weight.data();
        return;
    }
    const size_t n = size_t(m_rows) * m_cols;
    m_bf16.resize(n);
    const float* src = weight.data();
#pragma omp parallel for schedule(static) if (n > (1u << 18))
    for (long long i = 0; i < (long long)n; ++i) m_bf16[size_t(i)] = floatToBf16(src[i]);
}

size_t LinearWeight::bytes() const {
    return m_precision == WeightPrecision::F32 ? size_t(m_rows) * m_cols * 4 : m_bf16.size() * 2;
}

GemvJob LinearWeight::job(const float* x, float* y, bool accumulate) const {
    GemvJob j;
    if (m_precision == WeightPrecision::F32) j.wF32 = m_f32;
    else j.wBf16 = m_bf16.data();
    j.x = x;
    j.y = y;
    j.rows = m_rows;
    j.cols = m_cols;
    j.accumulate = accumulate;
    return j;
}

size_t LinearWeight::panelFloats() const {
    return m_precision == WeightPrecision::BF16 ? size_t(std::min(m_rows, kPanelRows)) * m_cols : 0;
}

void LinearWeight::forward(const float* x, float* y, int T, int threads, float* panel, bool accumulate) const {
    if (T == 1) {
        if (m_precision == WeightPrecision::F32)
            gemvF32(m_f32, x, y, m_rows, m_cols, threads, accumulate);
        else
            gemvBf16(m_bf16.data(), x, y, m_rows, m_cols, threads, accumulate);
        return;
    }
    Eigen::Map<const Matrix> X(x, T, m_cols);
    Eigen::Map<Matrix> Y(y, T, m_rows);
    if (m_precision == WeightPrecision::F32) {
        Eigen::Map<const Matrix> W(m_f32, m_rows, m_cols);
        if (accumulate)
            Y.noalias() += X * W.transpose();
        else
            Y.noalias() = X * W.transpose();
        return;
    }
    for (int r0 = 0; r0 < m_rows; r0 += kPanelRows) {
        const int n = std::min(kPanelRows, m_rows - r0);
        const uint16_t* src = m_bf16.data() + size_t(r0) * m_cols;
        const long long count = (long long)n * m_cols;
#pragma omp parallel for num_threads(threads) schedule(static) if (count > (1 << 16))
        for (long long i = 0; i < count; ++i) panel[i] = bf16ToFloat(src[i]);
        Eigen::Map<const Matrix> W(panel, n, m_cols);
        if (accumulate)
            Y.middleCols(r0, n).noalias() += X * W.transpose();
        else
            Y.middleCols(r0, n).noalias() = X * W.transpose();
    }
}

}  // namespace tb
