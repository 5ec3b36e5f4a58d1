#include "core/export/gguf_model_export.h"

#include "core/model/model_loader.h"

#include <cmath>

namespace tb::exporter {

namespace {

bool interleavedArch(const ModelConfig& c) {
    return c.architecture == Architecture::Llama || c.architecture == Architecture::Mistral;
}

NamedTensor matrixTensor(const std::string& name, const Matrix& m, StorageType type) {
    NamedTensor t;
    t.name = name;
    t.shape = {int64_t(m.rows()), int64_t(m.cols())};
    t.values.assign(m.data(), m.data() + m.size());
    // Q8_0 blocks run along a row: rows that are not a multiple of 32 stay F32 (llama.cpp does the same).
    t.storage = (type == StorageType::Q8_0 && m.cols() % 32 != 0) ? StorageType::F32 : type;
    return t;
}

NamedTensor vectorTensor(const std::string& name, const Vector& v) {
    NamedTensor t;
    t.name = name;
    t.shape = {int64_t(v.size())};
    t.values.assign(v.data(), v.data() + v.size());
    t.storage = StorageType::F32;  // norms and biases stay F32 in every llama.cpp export
    return t;
}

// Llama 3 RoPE frequency factors (llama.cpp reads them from `rope_freqs.weight`).
std::vector<float> llama3RopeFactors(const ModelConfig& c) {
    const RopeScaling& s = c.ropeScaling;
    std::vector<float> factors;
    const float lowWavelen = float(s.originalMaxPositions) / s.lowFreqFactor;
    const float highWavelen = float(s.originalMaxPositions) / s.highFreqFactor;
    for (int i = 0; i < c.headDim / 2; ++i) {
        const float freq = std::pow(c.ropeTheta, -2.0f * float(i) / float(c.headDim));
        const float wavelen = 6.283185307179586f / freq;
        float f = 1.0f;
        if (wavelen > lowWavelen) f = s.factor;
        else if (wavelen >= highWavelen) {
            const float smooth = (float(s.originalMaxPositions) / wavelen - s.lowFreqFactor) / (s.highFreqFactor - s.lowFreqFactor);
            f = 1.0f / ((1.0f - smooth) / s.factor + smooth);
        }
        factors.push_back(f);
    }
    return factors;
}

}  // namespace

std::string ggufArchitectureName(const ModelConfig& config) {
    return config.architecture == Architecture::Qwen2 ? "qwen2" : "llama";
}

int ggufFileType(StorageType type) {
    switch (type) {
    case StorageType::F32: return 0;
    case StorageType::F16: return 1;
    case StorageType::Q8_0: return 7;
    case StorageType::BF16: return 32;
    }
    return 0;
}

std::string ggufLayerTensorStem(const std::string& target) {
    if (target == "q") return "attn_q";
    if (target == "k") return "attn_k";
    if (target == "v") return "attn_v";
    if (target == "o") return "attn_output";
    if (target == "gate") return "ffn_gate";
    if (target == "up") return "ffn_up";
    if (target == "down") return "ffn_down";
    return {};
}

Result<std::vector<NamedTensor>> ggufModelTensors(const ModelWeights& w, StorageType type) {
    const ModelConfig& c = w.config;
    if (int(w.layers.size()) != c.numLayers) return inputError("model weights: layer count differs from the config");
    if (w.ropeLayout != RopeLayout::RotateHalf)
        return inputError("model weights: q/k rows must be in the rotate-half layout to be exported");
    const bool permute = interleavedArch(c);
    std::vector<NamedTensor> out;
    out.push_back(matrixTensor("token_embd.weight", w.tokenEmbedding, type));
    if (c.ropeScaling.enabled) {
        NamedTensor f;
        f.name = "rope_freqs.weight";
        f.values = llama3RopeFactors(c);
        f.shape = {int64_t(f.values.size())};
        out.push_back(std::move(f));
    }
    for (int l = 0; l < c.numLayers; ++l) {
        const LayerWeights& L = w.layers[size_t(l)];
        const std::string p = "blk." + std::to_string(l) + ".";
        out.push_back(vectorTensor(p + "attn_norm.weight", L.attnNorm));
        out.push_back(matrixTensor(p + "attn_q.weight", permute ? permuteRotateHalfToInterleaved(L.wq, c.numHeads, c.headDim) : L.wq, type));
        out.push_back(matrixTensor(p + "attn_k.weight", permute ? permuteRotateHalfToInterleaved(L.wk, c.numKvHeads, c.headDim) : L.wk, type));
        out.push_back(matrixTensor(p + "attn_v.weight", L.wv, type));
        out.push_back(matrixTensor(p + "attn_output.weight", L.wo, type));
        if (L.bq.size()) {
            auto asRows = [](const Vector& v) { return Matrix(Eigen::Map<const Matrix>(v.data(), v.size(), 1)); };
            Vector bq = L.bq, bk = L.bk;
            if (permute) {
                Matrix q = permuteRotateHalfToInterleaved(asRows(L.bq), c.numHeads, c.headDim);
                Matrix k = permuteRotateHalfToInterleaved(asRows(L.bk), c.numKvHeads, c.headDim);
                bq = Eigen::Map<const Vector>(q.data(), q.size());
                bk = Eigen::Map<const Vector>(k.data(), k.size());
            }
            out.push_back(vectorTensor(p + "attn_q.bias", bq));
            out.push_back(vectorTensor(p + "attn_k.bias", bk));
            out.push_back(vectorTensor(p + "attn_v.bias", L.bv));
        }
        out.push_back(vectorTensor(p + "ffn_norm.weight", L.ffnNorm));
        out.push_back(matrixTensor(p + "ffn_gate.weight", L.wGate, type));
        out.push_back(matrixTensor(p + "ffn_up.weight", L.wUp, type));
        out.push_back(matrixTensor(p + "ffn_down.weight", L.wDown, type));
    }
    out.push_back(vectorTensor("output_norm.weight", w.finalNorm));
    if (!c.tiedEmbeddings) out.push_back(matrixTensor("output.weight", w.lmHead, type));
    return out;
}

GgufMetadata ggufModelMetadata(const ModelConfig& c, const GgufExportOptions& options) {
    const std::string a = ggufArchitectureName(c);
    GgufMetadata md;
    md.emplace_back("general.architecture", ggufString(a));
    if (!options.name.empty()) md.emplace_back("general.name", ggufString(options.name));
    if (!options.license.empty()) md.emplace_back("general.license", ggufString(options.license));
    md.emplace_back("general.file_type", ggufUint32(uint32_t(ggufFileType(options.type))));
    md.emplace_back("general.alignment", ggufUint32(32));
    md.emplace_back(a + ".vocab_size", ggufUint32(uint32_t(c.vocabSize)));
    md.emplace_back(a + ".context_length", ggufUint32(uint32_t(c.maxPositions)));
    md.emplace_back(a + ".embedding_length", ggufUint32(uint32_t(c.hiddenSize)));
    md.emplace_back(a + ".block_count", ggufUint32(uint32_t(c.numLayers)));
    md.emplace_back(a + ".feed_forward_length", ggufUint32(uint32_t(c.intermediateSize)));
    md.emplace_back(a + ".rope.dimension_count", ggufUint32(uint32_t(c.headDim)));
    md.emplace_back(a + ".attention.head_count", ggufUint32(uint32_t(c.numHeads)));
    md.emplace_back(a + ".attention.head_count_kv", ggufUint32(uint32_t(c.numKvHeads)));
    if (c.headDim * c.numHeads != c.hiddenSize) {
        md.emplace_back(a + ".attention.key_length", ggufUint32(uint32_t(c.headDim)));
        md.emplace_back(a + ".attention.value_length", ggufUint32(uint32_t(c.headDim)));
    }
    md.emplace_back(a + ".attention.layer_norm_rms_epsilon", ggufFloat32(c.rmsNormEps));
    md.emplace_back(a + ".rope.freq_base", ggufFloat32(c.ropeTheta));
    if (c.slidingWindow > 0) md.emplace_back(a + ".attention.sliding_window", ggufUint32(uint32_t(c.slidingWindow)));
    return md;
}

Status writeGgufModel(const std::string& path, const ModelWeights& weights, const GgufMetadata& tokenizerMetadata,
                      const GgufExportOptions& options, const ProgressCallback& progress) {
    if (!reportProgress(progress, {"Preparing GGUF tensors", 0, 2, path})) return cancelledError();
    auto tensors = ggufModelTensors(weights, options.type);
    if (!tensors) return tensors.error();
    GgufMetadata md = ggufModelMetadata(weights.config, options);
    md.insert(md.end(), tokenizerMetadata.begin(), tokenizerMetadata.end());
    if (!reportProgress(progress, {"Writing GGUF", 1, 2, path})) return cancelledError();
    Status written = writeGguf(path, md, tensors.value());
    if (!written) return written;
    reportProgress(progress, {"Writing GGUF", 2, 2, path});
    return Status::success();
}

}  // namespace tb::exporter
