#include "core/export/hf_model_export.h"

#include "core/common/atomic_file.h"
#include "core/model/safetensors_writer.h"

#include <filesystem>

namespace tb::exporter {

namespace fs = std::filesystem;

namespace {

NamedTensor matrixTensor(const std::string& name, const Matrix& m, StorageType type) {
    NamedTensor t;
    t.name = name;
    t.shape = {int64_t(m.rows()), int64_t(m.cols())};
    t.values.assign(m.data(), m.data() + m.size());
    t.storage = type;
    return t;
}
NamedTensor vectorTensor(const std::string& name, const Vector& v, StorageType type) {
    NamedTensor t;
    t.name = name;
    t.shape = {int64_t(v.size())};
    t.values.assign(v.data(), v.data() + v.size());
    t.storage = type;
    return t;
}

const char* torchDtype(StorageType type) {
    switch (type) {
    case StorageType::F16: return "float16";
    case StorageType::BF16: return "bfloat16";
    default: return "float32";
    }
}

}  // namespace

nlohmann::json hfConfigJson(const ModelConfig& c, StorageType type, const nlohmann::json& sourceConfig) {
    nlohmann::json j = sourceConfig.is_object() ? sourceConfig : nlohmann::json::object();
    switch (c.architecture) {
    case Architecture::Llama: j["model_type"] = "llama"; j["architectures"] = {"LlamaForCausalLM"}; break;
    case Architecture::Mistral: j["model_type"] = "mistral"; j["architectures"] = {"MistralForCausalLM"}; break;
    case Architecture::Qwen2: j["model_type"] = "qwen2"; j["architectures"] = {"Qwen2ForCausalLM"}; break;
    }
    j["hidden_size"] = c.hiddenSize;
    j["intermediate_size"] = c.intermediateSize;
    j["num_hidden_layers"] = c.numLayers;
    j["num_attention_heads"] = c.numHeads;
    j["num_key_value_heads"] = c.numKvHeads;
    j["head_dim"] = c.headDim;
    j["vocab_size"] = c.vocabSize;
    j["max_position_embeddings"] = c.maxPositions;
    j["rms_norm_eps"] = c.rmsNormEps;
    j["rope_theta"] = c.ropeTheta;
    if (c.slidingWindow > 0) j["sliding_window"] = c.slidingWindow;
    if (c.ropeScaling.enabled) {
        j["rope_scaling"] = {{"rope_type", "llama3"},
                             {"factor", c.ropeScaling.factor},
                             {"low_freq_factor", c.ropeScaling.lowFreqFactor},
                             {"high_freq_factor", c.ropeScaling.highFreqFactor},
                             {"original_max_position_embeddings", c.ropeScaling.originalMaxPositions}};
    } else {
        j["rope_scaling"] = nullptr;
    }
    j["hidden_act"] = "silu";
    if (c.architecture != Architecture::Qwen2) j["attention_bias"] = c.attentionBias;
    j["tie_word_embeddings"] = c.tiedEmbeddings;
    j["torch_dtype"] = torchDtype(type);
    if (c.bosTokenId >= 0) j["bos_token_id"] = c.bosTokenId;
    if (c.eosTokenIds.size() == 1) j["eos_token_id"] = c.eosTokenIds.front();
    else if (!c.eosTokenIds.empty()) j["eos_token_id"] = c.eosTokenIds;
    if (!j.contains("use_cache")) j["use_cache"] = true;
    return j;
}

std::vector<NamedTensor> hfModelTensors(const ModelWeights& w, StorageType type) {
    std::vector<NamedTensor> out;
    out.push_back(matrixTensor("model.embed_tokens.weight", w.tokenEmbedding, type));
    for (size_t l = 0; l < w.layers.size(); ++l) {
        const LayerWeights& L = w.layers[l];
        const std::string p = "model.layers." + std::to_string(l) + ".";
        out.push_back(vectorTensor(p + "input_layernorm.weight", L.attnNorm, type));
        out.push_back(matrixTensor(p + "self_attn.q_proj.weight", L.wq, type));
        out.push_back(matrixTensor(p + "self_attn.k_proj.weight", L.wk, type));
        out.push_back(matrixTensor(p + "self_attn.v_proj.weight", L.wv, type));
        out.push_back(matrixTensor(p + "self_attn.o_proj.weight", L.wo, type));
        if (L.bq.size()) {
            out.push_back(vectorTensor(p + "self_attn.q_proj.bias", L.bq, type));
            out.push_back(vectorTensor(p + "self_attn.k_proj.bias", L.bk, type));
            out.push_back(vectorTensor(p + "self_attn.v_proj.bias", L.bv, type));
        }
        out.push_back(vectorTensor(p + "post_attention_layernorm.weight", L.ffnNorm, type));
        out.push_back(matrixTensor(p + "mlp.gate_proj.weight", L.wGate, type));
        out.push_back(matrixTensor(p + "mlp.up_proj.weight", L.wUp, type));
        out.push_back(matrixTensor(p + "mlp.down_proj.weight", L.wDown, type));
    }
    out.push_back(vectorTensor("model.norm.weight", w.finalNorm, type));
    if (!w.config.tiedEmbeddings) out.push_back(matrixTensor("lm_head.weight", w.lmHead, type));
    return out;
}

Result<HfExportResult> writeHfModelFolder(const std::string& folder, const ModelWeights& weights,
                                          const LoadedModel& source, StorageType type, const ProgressCallback& progress) {
    if (type == StorageType::Q8_0) return inputError("merged Hugging Face folders store F32, F16 or BF16, not Q8_0");
    if (weights.ropeLayout != RopeLayout::RotateHalf)
        return inputError("model weights: q/k rows must be in the rotate-half layout to be exported");
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) return internalError(folder + ": cannot create the folder (" + ec.message() + ")");
    HfExportResult result;
    const fs::path dir(folder);

    nlohmann::json sourceConfig = nlohmann::json::object();
    if (!source.hfFolder.empty()) {
        auto text = readWholeFile((fs::path(source.hfFolder) / "config.json").string());
        if (text) sourceConfig = nlohmann::json::parse(text.value(), nullptr, false);
        if (sourceConfig.is_discarded()) sourceConfig = nlohmann::json::object();
    }
    TB_TRY(writeFileAtomically((dir / "config.json").string(), hfConfigJson(weights.config, type, sourceConfig).dump(2) + "\n"));
    result.files.push_back("config.json");

    nlohmann::json gen = source.generationConfig.is_object() && !source.generationConfig.empty()
                             ? source.generationConfig
                             : nlohmann::json::object();
    if (weights.config.bosTokenId >= 0) gen["bos_token_id"] = weights.config.bosTokenId;
    if (weights.config.eosTokenIds.size() == 1) gen["eos_token_id"] = weights.config.eosTokenIds.front();
    else if (!weights.config.eosTokenIds.empty()) gen["eos_token_id"] = weights.config.eosTokenIds;
    TB_TRY(writeFileAtomically((dir / "generation_config.json").string(), gen.dump(2) + "\n"));
    result.files.push_back("generation_config.json");

    if (!reportProgress(progress, {"Writing model.safetensors", 0, 1, folder})) return cancelledError();
    TB_TRY(writeSafetensors((dir / "model.safetensors").string(), hfModelTensors(weights, type), {{"format", "pt"}}));
    result.files.push_back("model.safetensors");

    if (!source.hfFolder.empty()) {
        for (const char* name : {"tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "chat_template.jinja",
                                 "tokenizer.model"}) {
            const fs::path from = fs::path(source.hfFolder) / name;
            if (!fs::exists(from)) continue;
            auto bytes = readWholeFile(from.string());
            if (!bytes) return bytes.error();
            TB_TRY(writeFileAtomically((dir / name).string(), bytes.value()));
            result.files.push_back(name);
        }
    } else {
        result.tokenizerNote = "source is GGUF: no tokenizer.json was written (converting GGUF tokenizer metadata to "
                               "tokenizer.json is not implemented); copy the tokenizer files of the original model";
    }
    reportProgress(progress, {"Writing model.safetensors", 1, 1, folder});
    return result;
}

}  // namespace tb::exporter
