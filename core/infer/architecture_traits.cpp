#include "core/infer/architecture_traits.h"

#include <string>

namespace tb {

ArchitectureTraits architectureTraits(const ModelConfig& config) {
    switch (config.architecture) {
    case Architecture::Qwen2: return qwen2Traits(config);
    case Architecture::Llama:
    case Architecture::Mistral: return llamaTraits(config);
    }
    return llamaTraits(config);
}

namespace {
std::string shapeText(long long r, long long c) { return std::to_string(r) + "x" + std::to_string(c); }

Status checkMatrix(const Matrix& m, long long rows, long long cols, const std::string& name) {
    if (m.rows() != rows || m.cols() != cols)
        return inputError("tensor " + name + " is " + shapeText(m.rows(), m.cols()) + ", expected " +
                          shapeText(rows, cols));
    return Status::success();
}

Status checkVector(const Vector& v, long long n, const std::string& name) {
    if (v.size() != n)
        return inputError("tensor " + name + " has " + std::to_string(v.size()) + " values, expected " +
                          std::to_string(n));
    return Status::success();
}
}  // namespace

Status validateCommonWeights(const ModelWeights& w) {
    const ModelConfig& c = w.config;
    TB_TRY(c.validate());
    const long long C = c.hiddenSize, F = c.intermediateSize, V = c.vocabSize;
    TB_TRY(checkMatrix(w.tokenEmbedding, V, C, "token embedding"));
    TB_TRY(checkVector(w.finalNorm, C, "final norm"));
    if (!c.tiedEmbeddings) TB_TRY(checkMatrix(w.lmHead, V, C, "lm_head"));
    if (int(w.layers.size()) != c.numLayers)
        return inputError("model has " + std::to_string(w.layers.size()) + " layers, config says " +
                          std::to_string(c.numLayers));
    for (size_t i = 0; i < w.layers.size(); ++i) {
        const LayerWeights& l = w.layers[i];
        const std::string p = "layers." + std::to_string(i) + ".";
        TB_TRY(checkVector(l.attnNorm, C, p + "input_layernorm"));
        TB_TRY(checkVector(l.ffnNorm, C, p + "post_attention_layernorm"));
        TB_TRY(checkMatrix(l.wq, c.qDim(), C, p + "q_proj"));
        TB_TRY(checkMatrix(l.wk, c.kvDim(), C, p + "k_proj"));
        TB_TRY(checkMatrix(l.wv, c.kvDim(), C, p + "v_proj"));
        TB_TRY(checkMatrix(l.wo, C, c.qDim(), p + "o_proj"));
        TB_TRY(checkMatrix(l.wGate, F, C, p + "gate_proj"));
        TB_TRY(checkMatrix(l.wUp, F, C, p + "up_proj"));
        TB_TRY(checkMatrix(l.wDown, C, F, p + "down_proj"));
    }
    return Status::success();
}

Status validateAttentionBiases(const ModelWeights& w) {
    const ModelConfig& c = w.config;
    for (size_t i = 0; i < w.layers.size(); ++i) {
        const LayerWeights& l = w.layers[i];
        const std::string p = "layers." + std::to_string(i) + ".";
        TB_TRY(checkVector(l.bq, c.qDim(), p + "q_proj.bias"));
        TB_TRY(checkVector(l.bk, c.kvDim(), p + "k_proj.bias"));
        TB_TRY(checkVector(l.bv, c.kvDim(), p + "v_proj.bias"));
    }
    return Status::success();
}

}  // namespace tb
