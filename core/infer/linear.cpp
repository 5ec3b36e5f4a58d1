#include "core/infer/linear.h"

#include "core/infer/gemv.h"

namespace tb {

LinearWeight::LinearWeight(const Matrix& weight, WeightPrecision precision)
    : m_precision(precision), m_rows(int(weight.rows())), m_cols(int(weight.cols())) {
    if (precision == WeightPrecision::F32) {
        m_f32 = weight.data();
        return;
    }
    m_bf16 = Bf16Panels(weight.data(), m_rows, m_cols);
}

size_t LinearWeight::bytes() const {
    return m_precision == WeightPrecision::F32 ? size_t(m_rows) * m_cols * 4 : m_bf16.bytes();
}

GemvJob LinearWeight::job(const float* x, float* y, bool accumulate) const {
    GemvJob j;
    if (m_precision == WeightPrecision::F32) j.wF32 = m_f32;
    else j.panels = &m_bf16;
    j.x = x;
    j.y = y;
    j.rows = m_rows;
    j.cols = m_cols;
    j.accumulate = accumulate;
    return j;
}

void LinearWeight::forward(const float* x, float* y, int T, int threads, bool accumulate) const {
    if (m_precision == WeightPrecision::BF16) {
        m_bf16.multiply(x, y, T, threads, accumulate);
        return;
    }
    if (T == 1) {
        gemvF32(m_f32, x, y, m_rows, m_cols, threads, accumulate);
        return;
    }
    Eigen::Map<const Matrix> X(x, T, m_cols);
    Eigen::Map<Matrix> Y(y, T, m_rows);
    Eigen::Map<const Matrix> W(m_f32, m_rows, m_cols);
    if (accumulate)
        Y.noalias() += X * W.transpose();
    else
        Y.noalias() = X * W.transpose();
}

}  // namespace tb
