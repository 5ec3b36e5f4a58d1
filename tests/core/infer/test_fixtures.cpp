#include "test_fixtures.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <stdexcept>

namespace tb::test {

std::string sourceDir() { return TUNEBENCH_SOURCE_DIR; }
std::string sharedDir() { return TUNEBENCH_SHARED_DIR; }

namespace {

std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot open " + path);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

struct Tensor {
    std::string dtype;
    std::vector<long long> shape;
    const char* data = nullptr;
    size_t bytes = 0;
};

std::map<std::string, Tensor> parseSafetensors(const std::string& blob) {
    uint64_t headerSize = 0;
    std::memcpy(&headerSize, blob.data(), 8);
    auto header = nlohmann::json::parse(blob.substr(8, headerSize));
    std::map<std::string, Tensor> out;
    const char* base = blob.data() + 8 + headerSize;
    for (auto& [name, info] : header.items()) {
        if (name == "__metadata__") continue;
        Tensor t;
        t.dtype = info["dtype"];
        for (auto& d : info["shape"]) t.shape.push_back(d.get<long long>());
        auto begin = info["data_offsets"][0].get<size_t>(), end = info["data_offsets"][1].get<size_t>();
        t.data = base + begin;
        t.bytes = end - begin;
        out[name] = t;
    }
    return out;
}

Matrix toMatrix(const Tensor& t) {
    Matrix m(t.shape.at(0), t.shape.size() > 1 ? t.shape[1] : 1);
    if (t.bytes != size_t(m.size()) * 4) throw std::runtime_error("tensor size mismatch");
    std::memcpy(m.data(), t.data, t.bytes);
    return m;
}

Vector toVector(const Tensor& t) {
    Vector v(t.shape.at(0));
    std::memcpy(v.data(), t.data, size_t(v.size()) * 4);
    return v;
}

}  // namespace

GoldenModel readGoldenModel(const std::string& dir) {
    auto cfg = nlohmann::json::parse(readFile(dir + "/config.json"));
    const std::string blob = readFile(dir + "/model.safetensors");
    auto tensors = parseSafetensors(blob);
    GoldenModel g;
    ModelConfig& c = g.weights.config;
    c.architecture = cfg["model_type"] == "qwen2"     ? Architecture::Qwen2
                     : cfg["model_type"] == "mistral" ? Architecture::Mistral
                                                      : Architecture::Llama;
    c.slidingWindow = cfg.value("sliding_window", 0);
    c.hiddenSize = cfg["hidden_size"];
    c.numLayers = cfg["num_hidden_layers"];
    c.numHeads = cfg["num_attention_heads"];
    c.numKvHeads = cfg["num_key_value_heads"];
    c.headDim = cfg["head_dim"];
    c.intermediateSize = cfg["intermediate_size"];
    c.vocabSize = cfg["vocab_size"];
    c.maxPositions = cfg["max_position_embeddings"];
    c.ropeTheta = cfg["rope_theta"];
    c.rmsNormEps = cfg["rms_norm_eps"];
    c.tiedEmbeddings = cfg["tie_word_embeddings"];
    c.attentionBias = cfg["attention_bias"];
    if (!cfg["rope_scaling"].is_null()) {
        auto& s = cfg["rope_scaling"];
        c.ropeScaling.enabled = true;
        c.ropeScaling.factor = s["factor"];
        c.ropeScaling.lowFreqFactor = s["low_freq_factor"];
        c.ropeScaling.highFreqFactor = s["high_freq_factor"];
        c.ropeScaling.originalMaxPositions = s["original_max_position_embeddings"];
    }
    g.weights.ropeLayout = cfg.value("tunebench_rope_layout", "") == "interleaved" ? RopeLayout::Interleaved
                                                                                  : RopeLayout::RotateHalf;
    auto get = [&](const std::string& n) -> const Tensor& {
        auto it = tensors.find(n);
        if (it == tensors.end()) throw std::runtime_error("missing tensor " + n + " in " + dir);
        return it->second;
    };
    g.weights.tokenEmbedding = toMatrix(get("model.embed_tokens.weight"));
    g.weights.finalNorm = toVector(get("model.norm.weight"));
    if (!c.tiedEmbeddings) g.weights.lmHead = toMatrix(get("lm_head.weight"));
    for (int l = 0; l < c.numLayers; ++l) {
        const std::string p = "model.layers." + std::to_string(l) + ".";
        LayerWeights lw;
        lw.attnNorm = toVector(get(p + "input_layernorm.weight"));
        lw.ffnNorm = toVector(get(p + "post_attention_layernorm.weight"));
        lw.wq = toMatrix(get(p + "self_attn.q_proj.weight"));
        lw.wk = toMatrix(get(p + "self_attn.k_proj.weight"));
        lw.wv = toMatrix(get(p + "self_attn.v_proj.weight"));
        lw.wo = toMatrix(get(p + "self_attn.o_proj.weight"));
        if (c.attentionBias) {
            lw.bq = toVector(get(p + "self_attn.q_proj.bias"));
            lw.bk = toVector(get(p + "self_attn.k_proj.bias"));
            lw.bv = toVector(get(p + "self_attn.v_proj.bias"));
        }
        lw.wGate = toMatrix(get(p + "mlp.gate_proj.weight"));
        lw.wUp = toMatrix(get(p + "mlp.up_proj.weight"));
        lw.wDown = toMatrix(get(p + "mlp.down_proj.weight"));
        g.weights.layers.push_back(std::move(lw));
    }
    for (int i = 0;; ++i) {
        auto it = tensors.find("golden.tokens." + std::to_string(i));
        if (it == tensors.end()) break;
        GoldenSequence s;
        std::vector<float> ids(size_t(it->second.shape[0]));
        std::memcpy(ids.data(), it->second.data, ids.size() * 4);
        for (float id : ids) s.tokens.push_back(int(id));
        s.logits = toMatrix(get("golden.logits." + std::to_string(i)));
        g.sequences.push_back(std::move(s));
    }
    return g;
}

ModelWeights readLlama2cCheckpoint(const std::string& path) {
    const std::string blob = readFile(path);
    int32_t h[7];
    std::memcpy(h, blob.data(), sizeof h);
    const int dim = h[0], hidden = h[1], layers = h[2], heads = h[3], kvHeads = h[4], seqLen = h[6];
    const bool tied = h[5] > 0;
    const int vocab = tied ? h[5] : -h[5];
    const int headDim = dim / heads;
    const float* p = reinterpret_cast<const float*>(blob.data() + sizeof h);
    ModelWeights w;
    ModelConfig& c = w.config;
    c.architecture = Architecture::Llama;
    c.hiddenSize = dim;
    c.numLayers = layers;
    c.numHeads = heads;
    c.numKvHeads = kvHeads;
    c.headDim = headDim;
    c.intermediateSize = hidden;
    c.vocabSize = vocab;
    c.maxPositions = seqLen;
    c.tiedEmbeddings = tied;
    c.bosTokenId = 1;
    c.eosTokenIds = {2};
    w.ropeLayout = RopeLayout::Interleaved;
    auto take = [&](long long rows, long long cols) {
        Matrix m(rows, cols);
        std::memcpy(m.data(), p, size_t(rows * cols) * 4);
        p += rows * cols;
        return m;
    };
    auto takeVec = [&](long long n) {
        Vector v(n);
        std::memcpy(v.data(), p, size_t(n) * 4);
        p += n;
        return v;
    };
    w.tokenEmbedding = take(vocab, dim);
    w.layers.resize(size_t(layers));
    for (auto& l : w.layers) l.attnNorm = takeVec(dim);
    for (auto& l : w.layers) l.wq = take(heads * headDim, dim);
    for (auto& l : w.layers) l.wk = take(kvHeads * headDim, dim);
    for (auto& l : w.layers) l.wv = take(kvHeads * headDim, dim);
    for (auto& l : w.layers) l.wo = take(dim, heads * headDim);
    for (auto& l : w.layers) l.ffnNorm = takeVec(dim);
    for (auto& l : w.layers) l.wGate = take(hidden, dim);  // w1
    for (auto& l : w.layers) l.wDown = take(dim, hidden);  // w2
    for (auto& l : w.layers) l.wUp = take(hidden, dim);    // w3
    w.finalNorm = takeVec(dim);
    p += size_t(seqLen) * headDim / 2 * 2;  // freq_cis_real, freq_cis_imag
    if (!tied) w.lmHead = take(vocab, dim);
    if (reinterpret_cast<const char*>(p) > blob.data() + blob.size()) throw std::runtime_error("truncated " + path);
    return w;
}

}  // namespace tb::test
