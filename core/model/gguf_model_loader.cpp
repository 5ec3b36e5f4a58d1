// GGUF files: hyperparameters from `{arch}.*` metadata, tensors `token_embd`, `blk.N.*`, `output_norm`,
// `output` (absent: tied). Arch `llama`/`mistral` store q/k rows interleaved (Meta layout), so they are
// permuted to rotate-half here; `qwen2` is already NeoX/rotate-half.
#include "core/model/model_loader_internal.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace tb::detail {

namespace {

std::string fileTypeName(int64_t fileType) {
    static const std::map<int64_t, std::string> names = {
        {0, "F32"},     {1, "F16"},     {2, "Q4_0"},    {3, "Q4_1"},    {7, "Q8_0"},    {8, "Q5_0"},
        {9, "Q5_1"},    {10, "Q2_K"},   {11, "Q3_K_S"}, {12, "Q3_K_M"}, {13, "Q3_K_L"}, {14, "Q4_K_S"},
        {15, "Q4_K_M"}, {16, "Q5_K_S"}, {17, "Q5_K_M"}, {18, "Q6_K"},   {32, "BF16"}};
    auto it = names.find(fileType);
    return it == names.end() ? "file_type " + std::to_string(fileType) : it->second;
}

std::string ggufTensorName(const std::string& role, int layer) {
    if (role == "embed") return "token_embd.weight";
    if (role == "final_norm") return "output_norm.weight";
    if (role == "lm_head") return "output.weight";
    static const std::map<std::string, std::string> perLayer = {
        {"attn_norm", "attn_norm.weight"}, {"q", "attn_q.weight"},     {"k", "attn_k.weight"},
        {"v", "attn_v.weight"},            {"o", "attn_output.weight"}, {"q_bias", "attn_q.bias"},
        {"k_bias", "attn_k.bias"},         {"v_bias", "attn_v.bias"},   {"ffn_norm", "ffn_norm.weight"},
        {"gate", "ffn_gate.weight"},       {"up", "ffn_up.weight"},     {"down", "ffn_down.weight"}};
    return "blk." + std::to_string(layer) + "." + perLayer.at(role);
}

// Llama 3 frequency factors as HF computes them (inverse of the factor the frequency is divided by).
float llama3Factor(const RopeScaling& s, float freq) {
    const float twoPi = 6.283185307179586f;
    const float wavelen = twoPi / freq;
    const float lowWavelen = float(s.originalMaxPositions) / s.lowFreqFactor;
    const float highWavelen = float(s.originalMaxPositions) / s.highFreqFactor;
    if (wavelen < highWavelen) return 1.0f;
    if (wavelen > lowWavelen) return s.factor;
    const float smooth = (float(s.originalMaxPositions) / wavelen - s.lowFreqFactor) / (s.highFreqFactor - s.lowFreqFactor);
    return 1.0f / ((1.0f - smooth) / s.factor + smooth);
}

}  // namespace

Result<ModelConfig> readGgufConfig(const GgufFile& g) {
    const std::string& file = g.path();
    auto archName = g.getString("general.architecture");
    if (!archName) return archName.error();
    auto arch = parseArchitecture(archName.value());
    if (!arch) return inputError(file + ": " + arch.message());
    const std::string a = archName.value();
    ModelConfig c;
    c.architecture = arch.value();
    auto need = [&](const std::string& key, int& field) -> Status {
        auto v = g.getInt(a + "." + key);
        if (!v) return v.error();
        if (v.value() < 0 || v.value() > INT32_MAX) return inputError(file + ": GGUF key '" + a + "." + key + "' is out of range");
        field = int(v.value());
        return Status::success();
    };
    auto optional = [&](const std::string& key, int& field) -> Status {
        if (!g.has(a + "." + key)) return Status::success();
        return need(key, field);
    };
    TB_TRY(need("embedding_length", c.hiddenSize));
    TB_TRY(need("block_count", c.numLayers));
    TB_TRY(need("attention.head_count", c.numHeads));
    c.numKvHeads = c.numHeads;
    TB_TRY(optional("attention.head_count_kv", c.numKvHeads));
    TB_TRY(need("feed_forward_length", c.intermediateSize));
    TB_TRY(optional("context_length", c.maxPositions));
    TB_TRY(optional("attention.sliding_window", c.slidingWindow));
    c.headDim = c.numHeads > 0 ? c.hiddenSize / c.numHeads : 0;
    TB_TRY(optional("attention.key_length", c.headDim));
    if (g.has(a + ".rope.dimension_count")) {
        int ropeDims = 0;
        TB_TRY(need("rope.dimension_count", ropeDims));
        if (ropeDims != c.headDim)
            return inputError(file + ": partial rotary embeddings (rope.dimension_count " + std::to_string(ropeDims) +
                              " < head dim " + std::to_string(c.headDim) + ") are not supported");
    }
    if (g.has(a + ".rope.freq_base")) {
        auto theta = g.getFloat(a + ".rope.freq_base");
        if (!theta) return theta.error();
        c.ropeTheta = float(theta.value());
    }
    c.rmsNormEps = 1e-5f;
    if (g.has(a + ".attention.layer_norm_rms_epsilon")) {
        auto eps = g.getFloat(a + ".attention.layer_norm_rms_epsilon");
        if (!eps) return eps.error();
        c.rmsNormEps = float(eps.value());
    }
    if (g.has(a + ".rope.scaling.type")) {
        auto type = g.getString(a + ".rope.scaling.type");
        if (!type) return type.error();
        if (type.value() != "none")
            return inputError(file + ": rope scaling type '" + type.value() + "' is not supported (supported: none, llama3)");
    }
    // Vocabulary: explicit key, else the tokenizer's token list, else the embedding's row count.
    if (g.has(a + ".vocab_size")) {
        TB_TRY(need("vocab_size", c.vocabSize));
    } else if (const GgufValue* tokens = g.find("tokenizer.ggml.tokens"); tokens && tokens->type == GgufValueType::Array) {
        c.vocabSize = int(std::min<uint64_t>(tokens->count, INT32_MAX));
    } else if (const GgufTensorInfo* emb = g.findTensor("token_embd.weight"); emb && emb->ne.size() == 2) {
        c.vocabSize = int(std::min<int64_t>(emb->ne[1], INT32_MAX));
    }
    c.tiedEmbeddings = g.findTensor("output.weight") == nullptr;
    c.attentionBias = g.findTensor("blk.0.attn_q.bias") != nullptr || c.architecture == Architecture::Qwen2;
    if (g.has("tokenizer.ggml.bos_token_id")) {
        auto bos = g.getInt("tokenizer.ggml.bos_token_id");
        if (!bos) return bos.error();
        c.bosTokenId = int(std::clamp<int64_t>(bos.value(), -1, INT32_MAX));
    }
    for (const char* key : {"tokenizer.ggml.eos_token_id", "tokenizer.ggml.eot_token_id", "tokenizer.ggml.eom_token_id"}) {
        if (!g.has(key)) continue;
        auto id = g.getInt(key);
        if (!id) return id.error();
        if (id.value() < 0 || id.value() >= c.vocabSize)
            return inputError(file + ": GGUF key '" + key + "' (" + std::to_string(id.value()) + ") is outside the vocabulary");
        if (std::find(c.eosTokenIds.begin(), c.eosTokenIds.end(), int(id.value())) == c.eosTokenIds.end())
            c.eosTokenIds.push_back(int(id.value()));
    }
    c.sourceFormat = "gguf";
    if (g.has("general.file_type")) {
        auto ft = g.getInt("general.file_type");
        if (ft) c.sourceDtype = fileTypeName(ft.value());
    }
    if (c.sourceDtype.empty())
        if (const GgufTensorInfo* t = g.findTensor("blk.0.ffn_gate.weight")) c.sourceDtype = t->typeName();
    Status valid = c.validate();
    if (!valid) return inputError(file + ": " + valid.message());
    if (c.bosTokenId >= c.vocabSize) return inputError(file + ": bos token id is outside the vocabulary");

    // Llama 3.x GGUFs carry the llama3 RoPE scaling as a `rope_freqs.weight` tensor of per-frequency
    // factors. Recover the parameters (factor = the largest factor, the standard 1/4/8192 band) and
    // accept them only if they reproduce every stored factor.
    if (const GgufTensorInfo* freqs = g.findTensor("rope_freqs.weight")) {
        if (freqs->ne.size() != 1 || freqs->ne[0] != c.headDim / 2)
            return inputError(file + ": tensor 'rope_freqs.weight' must have head_dim / 2 = " + std::to_string(c.headDim / 2) + " values");
        auto factors = g.readTensor("rope_freqs.weight");
        if (!factors) return factors.error();
        RopeScaling s;
        s.enabled = true;
        s.factor = *std::max_element(factors->begin(), factors->end());
        s.originalMaxPositions = 8192;
        for (int i = 0; i < c.headDim / 2; ++i) {
            const float freq = std::pow(c.ropeTheta, -2.0f * float(i) / float(c.headDim));
            if (std::abs(llama3Factor(s, freq) - (*factors)[size_t(i)]) > 1e-3f * std::max(1.0f, s.factor))
                return inputError(file + ": tensor 'rope_freqs.weight' does not match llama3 RoPE scaling (factor " +
                                  std::to_string(s.factor) + ", low 1, high 4, original context 8192); not supported");
        }
        c.ropeScaling = s;
    }
    return c;
}

Result<LoadedModel> loadGgufModel(const std::string& path, const ProgressCallback& progress) {
    auto opened = GgufFile::open(path);
    if (!opened) return opened.error();
    std::shared_ptr<GgufFile> g = opened.value();
    auto config = readGgufConfig(*g);
    if (!config) return config.error();
    ShapeOf shapeOf = [&](const std::string& name) {
        const GgufTensorInfo* t = g->findTensor(name);
        if (!t) return std::vector<int64_t>{};
        std::vector<int64_t> rowsFirst(t->ne.rbegin(), t->ne.rend());
        return rowsFirst;
    };
    MatrixReader read = [&](const std::string& name) { return g->readMatrix(name); };
    auto weights = assembleWeights(config.value(), path, ggufTensorName, shapeOf, read, progress);
    if (!weights) return weights.error();
    ModelWeights& w = weights.value();
    const ModelConfig& c = w.config;
    if (c.architecture == Architecture::Llama || c.architecture == Architecture::Mistral) {
        for (auto& L : w.layers) {
            L.wq = permuteInterleavedToRotateHalf(L.wq, c.numHeads, c.headDim);
            L.wk = permuteInterleavedToRotateHalf(L.wk, c.numKvHeads, c.headDim);
            if (L.bq.size()) L.bq = permuteInterleavedToRotateHalf(L.bq, c.numHeads, c.headDim);
            if (L.bk.size()) L.bk = permuteInterleavedToRotateHalf(L.bk, c.numKvHeads, c.headDim);
        }
    }
    w.ropeLayout = RopeLayout::RotateHalf;
    LoadedModel m;
    m.weights = std::move(w);
    m.path = path;
    m.format = "gguf";
    m.generationConfig = nlohmann::json::object();
    m.gguf = g;
    return m;
}

Result<ModelInfo> inspectGgufModel(const std::string& path) {
    auto opened = GgufFile::open(path);
    if (!opened) return opened.error();
    const GgufFile& g = *opened.value();
    auto config = readGgufConfig(g);
    if (!config) return config.error();
    ModelInfo info;
    info.path = path;
    info.format = "gguf";
    info.config = config.value();
    for (const auto& t : g.tensors())
        if (t.name != "rope_freqs.weight") info.parameterCount += t.elementCount();
    info.tensorCount = int(g.tensors().size());
    info.fileBytes = g.fileSize();
    if (const GgufValue* tmpl = g.find("tokenizer.chat_template"))
        info.hasChatTemplate = tmpl->type == GgufValueType::String && !tmpl->s.empty();
    return info;
}

}  // namespace tb::detail
