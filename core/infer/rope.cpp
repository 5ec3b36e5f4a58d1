#include "core/infer/rope.h"

#include <cmath>

namespace tb {

std::vector<double> ropeInverseFrequencies(const ModelConfig& config) {
    const int half = config.headDim / 2;
    std::vector<double> inv(half);
    for (int j = 0; j < half; ++j) inv[j] = 1.0 / std::pow(double(config.ropeTheta), 2.0 * j / config.headDim);
    const RopeScaling& s = config.ropeScaling;
    if (!s.enabled) return inv;
    // Hugging Face _compute_llama3_parameters: long wavelengths are divided by `factor`, short ones
    // kept, and the band in between blended smoothly.
    const double lowFreqWavelen = s.originalMaxPositions / double(s.lowFreqFactor);
    const double highFreqWavelen = s.originalMaxPositions / double(s.highFreqFactor);
    for (int j = 0; j < half; ++j) {
        const double wavelen = 2.0 * M_PI / inv[j];
        if (wavelen < highFreqWavelen) continue;
        if (wavelen > lowFreqWavelen) {
            inv[j] /= s.factor;
            continue;
        }
        const double smooth = (s.originalMaxPositions / wavelen - s.lowFreqFactor) /
                              double(s.highFreqFactor - s.lowFreqFactor);
        inv[j] = (1.0 - smooth) * inv[j] / s.factor + smooth * inv[j];
    }
    return inv;
}

void ropeAngles(const std::vector<double>& invFreq, int startPos, int T, float* cosOut, float* sinOut) {
    const int half = int(invFreq.size());
    for (int t = 0; t < T; ++t) {
        const double pos = double(startPos + t);
        for (int j = 0; j < half; ++j) {
            const double a = pos * invFreq[j];
            cosOut[size_t(t) * half + j] = float(std::cos(a));
            sinOut[size_t(t) * half + j] = float(std::sin(a));
        }
    }
}

void ropeApply(float* rows, int T, int heads, int headDim, const float* cos, const float* sin, RopeLayout layout) {
    const int half = headDim / 2;
    for (int t = 0; t < T; ++t) {
        const float* c = cos + size_t(t) * half;
        const float* s = sin + size_t(t) * half;
        for (int h = 0; h < heads; ++h) {
            float* x = rows + (size_t(t) * heads + h) * headDim;
            if (layout == RopeLayout::Interleaved) {
                for (int j = 0; j < half; ++j) {
                    const float a = x[2 * j], b = x[2 * j + 1];
                    x[2 * j] = a * c[j] - b * s[j];
                    x[2 * j + 1] = a * s[j] + b * c[j];
                }
            } else {
                for (int j = 0; j < half; ++j) {
                    const float a = x[j], b = x[j + half];
                    x[j] = a * c[j] - b * s[j];
                    x[j + half] = b * c[j] + a * s[j];
                }
            }
        }
    }
}

}  // namespace tb
