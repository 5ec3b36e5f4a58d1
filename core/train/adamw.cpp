#include "core/train/adamw.h"

#include <cmath>

namespace tb::train {

void AdamW::step(std::vector<ParamRef>& params, const float* grads, float lr) {
    ++m_step;
    const AdamWSettings& s = m_settings;
    const float b1 = s.beta1, b2 = s.beta2;
    const double bc1 = 1.0 - std::pow(double(b1), double(m_step));
    const double bc2 = 1.0 - std::pow(double(b2), double(m_step));
    const float stepSize = float(lr / bc1);
    const float bc2Sqrt = float(std::sqrt(bc2));
    for (ParamRef& p : params) {
        float* w = p.data;
        const float* g = grads + p.offset;
        float* m = m_m.data() + p.offset;
        float* v = m_v.data() + p.offset;
        const float decay = p.decay ? 1.0f - lr * s.weightDecay : 1.0f;
#pragma omp parallel for schedule(static) if (p.size > 32768)
        for (int64_t i = 0; i < p.size; ++i) {
            w[i] *= decay;
            m[i] = m[i] * b1 + (1.0f - b1) * g[i];
            v[i] = v[i] * b2 + (1.0f - b2) * g[i] * g[i];
            const float denom = std::sqrt(v[i]) / bc2Sqrt + s.eps;
            w[i] -= stepSize * (m[i] / denom);
        }
    }
}

double globalGradNorm(const std::vector<float>& grads) {
    double s = 0.0;
    for (float g : grads) s += double(g) * g;
    return std::sqrt(s);
}

double clipGradNorm(std::vector<float>& grads, double maxNorm) {
    const double norm = globalGradNorm(grads);
    if (maxNorm > 0.0 && norm > maxNorm) {
        const float f = float(maxNorm / (norm + 1e-6));
        for (float& g : grads) g *= f;
    }
    return norm;
}

}  // namespace tb::train
