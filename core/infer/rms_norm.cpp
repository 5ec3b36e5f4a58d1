#include "core/infer/rms_norm.h"

#include <Eigen/Core>
#include <cmath>

namespace tb {

void rmsNormForward(const float* x, const float* weight, float* out, int T, int C, float eps) {
    Eigen::Map<const Eigen::ArrayXf> w(weight, C);
    for (int t = 0; t < T; ++t) {
        Eigen::Map<const Eigen::ArrayXf> xr(x + size_t(t) * C, C);
        Eigen::Map<Eigen::ArrayXf> yr(out + size_t(t) * C, C);
        float meanSquare = xr.square().sum() / float(C);
        float inv = 1.0f / std::sqrt(meanSquare + eps);
        yr = xr * inv * w;
    }
}

}  // namespace tb
