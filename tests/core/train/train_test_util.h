// Helpers shared by the trainer tests: a random tiny Llama-family model and a finite-difference checker.
#pragma once

#include "core/model/model_weights.h"
#include "core/train/micro_batch.h"

#include <functional>
#include <random>
#include <string>

namespace tb::train::testing {

inline void fillRandom(float* p, int64_t n, std::mt19937_64& rng, float scale) {
    std::normal_distribution<float> d(0.0f, scale);
    for (int64_t i = 0; i < n; ++i) p[i] = d(rng);
}

inline ModelWeights makeTinyModel(uint64_t seed, bool bias, bool tied, RopeLayout layout, int V = 37, int C = 16,
                                  int L = 2, int NH = 4, int NKV = 2, int F = 24) {
    ModelWeights w;
    ModelConfig& c = w.config;
    c.architecture = bias ? Architecture::Qwen2 : Architecture::Llama;
    c.hiddenSize = C, c.numLayers = L, c.numHeads = NH, c.numKvHeads = NKV, c.headDim = C / NH;
    c.intermediateSize = F, c.vocabSize = V, c.maxPositions = 64, c.ropeTheta = 10000.0f;
    c.rmsNormEps = 1e-5f, c.tiedEmbeddings = tied, c.attentionBias = bias;
    w.ropeLayout = layout;
    std::mt19937_64 rng(seed);
    auto mat = [&](int r, int cc, float s) { Matrix m(r, cc); fillRandom(m.data(), m.size(), rng, s); return m; };
    auto vec = [&](int n, float s, float mean) { Vector v(n); fillRandom(v.data(), n, rng, s); v.array() += mean; return v; };
    w.tokenEmbedding = mat(V, C, 0.5f);
    for (int l = 0; l < L; ++l) {
        LayerWeights lw;
        lw.attnNorm = vec(C, 0.1f, 1.0f);
        lw.wq = mat(NH * c.headDim, C, 0.3f), lw.wk = mat(NKV * c.headDim, C, 0.3f);
        lw.wv = mat(NKV * c.headDim, C, 0.3f), lw.wo = mat(C, NH * c.headDim, 0.3f);
        if (bias) lw.bq = vec(NH * c.headDim, 0.1f, 0.0f), lw.bk = vec(NKV * c.headDim, 0.1f, 0.0f), lw.bv = vec(NKV * c.headDim, 0.1f, 0.0f);
        lw.ffnNorm = vec(C, 0.1f, 1.0f);
        lw.wGate = mat(F, C, 0.3f), lw.wUp = mat(F, C, 0.3f), lw.wDown = mat(C, F, 0.3f);
        w.layers.push_back(std::move(lw));
    }
    w.finalNorm = vec(C, 0.1f, 1.0f);
    if (!tied) w.lmHead = mat(V, C, 0.3f);
    return w;
}

// Two rows of 7 slots: row 0 one padded example (5 tokens, prompt of 2 masked), row 1 two packed examples.
inline MicroBatch makeTinyBatch(int V) {
    MicroBatch b;
    b.resize(2, 7);
    int toks0[5] = {3, 7, 1, 9, 4};
    for (int t = 0; t < 5; ++t) b.tokens[t] = toks0[t], b.positions[t] = t, b.segments[t] = 0;
    for (int t = 1; t < 4; ++t) b.targets[t] = toks0[t + 1];  // prompt {3,7}: targets from position 1
    int toks1[7] = {2, 5, 8, 11 % V, 6, 12 % V, 1};
    for (int t = 0; t < 7; ++t) {
        b.tokens[7 + t] = toks1[t];
        b.segments[7 + t] = t < 4 ? 0 : 1;
        b.positions[7 + t] = t < 4 ? t : t - 4;
    }
    b.targets[7 + 0] = toks1[1], b.targets[7 + 1] = toks1[2], b.targets[7 + 2] = toks1[3];
    b.targets[7 + 4] = toks1[5], b.targets[7 + 5] = toks1[6];
    return b;
}

// Central differences on a sample of coordinates of `param`; returns the worst violation of
// |analytic - numeric| <= absTol + relTol * |numeric| (<= 0 means all passed) and fills `report`.
inline double fdCheck(const std::function<double()>& loss, float* param, int64_t size, const float* analytic,
                      float eps, double absTol, double relTol, int samples, std::string& report, uint64_t seed = 1) {
    std::mt19937_64 rng(seed);
    double worst = -1e30;
    for (int s = 0; s < samples && s < size; ++s) {
        int64_t i = size <= samples ? s : int64_t(rng() % uint64_t(size));
        float old = param[i];
        param[i] = old + eps;
        double lp = loss();
        param[i] = old - eps;
        double lm = loss();
        param[i] = old;
        double num = (lp - lm) / (2.0 * double(eps));
        double err = std::abs(double(analytic[i]) - num) - (absTol + relTol * std::abs(num));
        if (err > worst) {
            worst = err;
            report = "index " + std::to_string(i) + ": analytic " + std::to_string(analytic[i]) + " numeric " +
                     std::to_string(num);
        }
    }
    return worst;
}

}  // namespace tb::train::testing
