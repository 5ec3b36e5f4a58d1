#include "core/infer/random_weights.h"

#include <random>

namespace tb {

namespace {
struct Filler {
    std::mt19937_64 rng;
    std::normal_distribution<float> normal{0.0f, 1.0f};
    void matrix(Matrix& m, int rows, int cols, float scale) {
        m.resize(rows, cols);
        float* p = m.data();
        for (long long i = 0, n = (long long)rows * cols; i < n; ++i) p[i] = normal(rng) * scale;
    }
    void vector(Vector& v, int n, float center, float scale) {
        v.resize(n);
        for (int i = 0; i < n; ++i) v[i] = center + normal(rng) * scale;
    }
};
}  // namespace

ModelWeights randomModelWeights(const ModelConfig& config, uint64_t seed, float scale, RopeLayout layout) {
    ModelWeights w;
    w.config = config;
    w.ropeLayout = layout;
    Filler f{std::mt19937_64(seed)};
    const int C = config.hiddenSize, F = config.intermediateSize;
    f.matrix(w.tokenEmbedding, config.vocabSize, C, scale * 25.0f);
    w.layers.resize(size_t(config.numLayers));
    for (LayerWeights& l : w.layers) {
        f.vector(l.attnNorm, C, 1.0f, 0.1f);
        f.matrix(l.wq, config.qDim(), C, scale);
        f.matrix(l.wk, config.kvDim(), C, scale);
        f.matrix(l.wv, config.kvDim(), C, scale);
        f.matrix(l.wo, C, config.qDim(), scale);
        if (config.attentionBias) {
            f.vector(l.bq, config.qDim(), 0.0f, scale);
            f.vector(l.bk, config.kvDim(), 0.0f, scale);
            f.vector(l.bv, config.kvDim(), 0.0f, scale);
        }
        f.vector(l.ffnNorm, C, 1.0f, 0.1f);
        f.matrix(l.wGate, F, C, scale);
        f.matrix(l.wUp, F, C, scale);
        f.matrix(l.wDown, C, F, scale);
    }
    f.vector(w.finalNorm, C, 1.0f, 0.1f);
    if (!config.tiedEmbeddings) f.matrix(w.lmHead, config.vocabSize, C, scale);
    return w;
}

ModelConfig stories15MShape() {
    ModelConfig c;
    c.architecture = Architecture::Llama;
    c.hiddenSize = 288;
    c.numLayers = 6;
    c.numHeads = 6;
    c.numKvHeads = 6;
    c.headDim = 48;
    c.intermediateSize = 768;
    c.vocabSize = 32000;
    c.maxPositions = 1024;
    c.ropeTheta = 10000.0f;
    c.tiedEmbeddings = true;
    return c;
}

ModelConfig smolLM2_135MShape() {
    ModelConfig c;
    c.architecture = Architecture::Llama;
    c.hiddenSize = 576;
    c.numLayers = 30;
    c.numHeads = 9;
    c.numKvHeads = 3;
    c.headDim = 64;
    c.intermediateSize = 1536;
    c.vocabSize = 49152;
    c.maxPositions = 8192;
    c.ropeTheta = 100000.0f;
    c.tiedEmbeddings = true;
    return c;
}

}  // namespace tb
