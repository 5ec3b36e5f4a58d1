#include "core/infer/gated_mlp.h"

#include <Eigen/Core>

namespace tb {

void swiGluForward(float* gate, const float* up, long long count) {
    Eigen::Map<Eigen::ArrayXf> g(gate, count);
    Eigen::Map<const Eigen::ArrayXf> u(up, count);
    g = g / (1.0f + (-g).exp()) * u;
}

}  // namespace tb
