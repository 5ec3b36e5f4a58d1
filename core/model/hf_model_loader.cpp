// Hugging Face folders: config.json (+ generation_config.json) and safetensors weights with HF tensor
// names. HF q/k rows are already in the rotate-half layout, so no permutation is needed.
#include "core/common/atomic_file.h"
#include "core/model/model_loader_internal.h"
#include "core/model/safetensors_index.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <map>

namespace tb::detail {

namespace fs = std::filesystem;

namespace {

Result<nlohmann::json> readJsonObject(const std::string& path) {
    auto text = readWholeFile(path, 16u << 20);
    if (!text) return text.error();
    nlohmann::json j = nlohmann::json::parse(text.value(), nullptr, false);
    if (j.is_discarded()) return inputError(path + ": not valid JSON");
    if (!j.is_object()) return inputError(path + ": not a JSON object");
    return j;
}

// An integer field: absent or null gives `fallback` (or an error when required, i.e. fallback < 0 is not allowed).
Result<int64_t> intField(const nlohmann::json& j, const std::string& file, const std::string& key, std::optional<int64_t> fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (fallback) return *fallback;
        return inputError(file + ": field '" + key + "' is missing");
    }
    if (!it->is_number_integer()) return inputError(file + ": field '" + key + "' must be an integer (got " + it->dump() + ")");
    const int64_t v = it->get<int64_t>();
    if (v < -1 || v > (int64_t(1) << 31)) return inputError(file + ": field '" + key + "' is out of range (" + it->dump() + ")");
    return v;
}

Result<double> numberField(const nlohmann::json& j, const std::string& file, const std::string& key, double fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_number()) return inputError(file + ": field '" + key + "' must be a number (got " + it->dump() + ")");
    return it->get<double>();
}

// eos_token_id may be an integer or a list of integers.
Status addEosIds(const nlohmann::json& j, const std::string& file, std::vector<int>& ids) {
    auto it = j.find("eos_token_id");
    if (it == j.end() || it->is_null()) return Status::success();
    auto add = [&](const nlohmann::json& v) -> Status {
        if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > INT32_MAX)
            return inputError(file + ": eos_token_id entries must be non-negative integers (got " + v.dump() + ")");
        const int id = int(v.get<int64_t>());
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        return Status::success();
    };
    if (it->is_array()) {
        for (const auto& v : *it) TB_TRY(add(v));
        return Status::success();
    }
    return add(*it);
}

std::string dominantDtype(const SafetensorsSet& set) {
    std::map<std::string, int64_t> elements;
    for (const auto& name : set.tensorNames()) {
        const SafetensorsTensorInfo* t = set.find(name);
        elements[t->dtype] += t->elementCount();
    }
    std::string best;
    int64_t most = -1;
    for (const auto& [dtype, n] : elements)
        if (n > most) most = n, best = dtype;
    return best;
}

std::string hfTensorName(const std::string& role, int layer) {
    if (role == "embed") return "model.embed_tokens.weight";
    if (role == "final_norm") return "model.norm.weight";
    if (role == "lm_head") return "lm_head.weight";
    static const std::map<std::string, std::string> perLayer = {
        {"attn_norm", "input_layernorm.weight"},     {"q", "self_attn.q_proj.weight"},
        {"k", "self_attn.k_proj.weight"},            {"v", "self_attn.v_proj.weight"},
        {"o", "self_attn.o_proj.weight"},            {"q_bias", "self_attn.q_proj.bias"},
        {"k_bias", "self_attn.k_proj.bias"},         {"v_bias", "self_attn.v_proj.bias"},
        {"ffn_norm", "post_attention_layernorm.weight"}, {"gate", "mlp.gate_proj.weight"},
        {"up", "mlp.up_proj.weight"},                {"down", "mlp.down_proj.weight"}};
    return "model.layers." + std::to_string(layer) + "." + perLayer.at(role);
}

}  // namespace

Result<ModelConfig> readHfConfig(const std::string& folder) {
    const std::string file = (fs::path(folder) / "config.json").string();
    auto jr = readJsonObject(file);
    if (!jr) return jr.error();
    const nlohmann::json& j = jr.value();
    ModelConfig c;
    std::string archName;
    if (auto it = j.find("model_type"); it != j.end() && it->is_string()) archName = it->get<std::string>();
    else if (auto a = j.find("architectures"); a != j.end() && a->is_array() && !a->empty() && (*a)[0].is_string())
        archName = (*a)[0].get<std::string>();
    if (archName.empty()) return inputError(file + ": neither 'model_type' nor 'architectures' names the architecture");
    auto arch = parseArchitecture(archName);
    if (!arch) return inputError(file + ": " + arch.message());
    c.architecture = arch.value();
#define TB_INT(field, key, fallback)                                 \
    do {                                                             \
        auto r_ = intField(j, file, key, fallback);                  \
        if (!r_) return r_.error();                                  \
        field = int(r_.value());                                     \
    } while (0)
    TB_INT(c.hiddenSize, "hidden_size", std::nullopt);
    TB_INT(c.numLayers, "num_hidden_layers", std::nullopt);
    TB_INT(c.numHeads, "num_attention_heads", std::nullopt);
    TB_INT(c.numKvHeads, "num_key_value_heads", c.numHeads);
    TB_INT(c.headDim, "head_dim", c.numHeads > 0 ? c.hiddenSize / c.numHeads : 0);
    TB_INT(c.intermediateSize, "intermediate_size", std::nullopt);
    TB_INT(c.vocabSize, "vocab_size", std::nullopt);
    TB_INT(c.maxPositions, "max_position_embeddings", 2048);
    TB_INT(c.bosTokenId, "bos_token_id", -1);
#undef TB_INT
    auto theta = numberField(j, file, "rope_theta", 10000.0);
    if (!theta) return theta.error();
    c.ropeTheta = float(theta.value());
    auto eps = numberField(j, file, "rms_norm_eps", 1e-6);
    if (!eps) return eps.error();
    c.rmsNormEps = float(eps.value());
    if (auto it = j.find("tie_word_embeddings"); it != j.end() && !it->is_null()) {
        if (!it->is_boolean()) return inputError(file + ": field 'tie_word_embeddings' must be true or false");
        c.tiedEmbeddings = it->get<bool>();
    }
    // Mistral's sliding_window applies as given; Qwen2 configs carry one too but only use it with
    // use_sliding_window: true (transformers does the same). null means no window.
    if (auto it = j.find("sliding_window"); it != j.end() && !it->is_null()) {
        bool use = c.architecture == Architecture::Mistral;
        if (auto u = j.find("use_sliding_window"); u != j.end() && u->is_boolean()) use = u->get<bool>();
        if (use) {
            auto w = intField(j, file, "sliding_window", std::nullopt);
            if (!w) return w.error();
            if (w.value() <= 0 || w.value() > INT32_MAX) return inputError(file + ": field 'sliding_window' must be a positive integer");
            c.slidingWindow = int(w.value());
        }
    }
    c.attentionBias = c.architecture == Architecture::Qwen2;
    if (auto it = j.find("attention_bias"); it != j.end() && it->is_boolean() && it->get<bool>()) c.attentionBias = true;
    if (auto it = j.find("rope_scaling"); it != j.end() && !it->is_null()) {
        if (!it->is_object()) return inputError(file + ": field 'rope_scaling' must be an object or null");
        std::string type;
        if (auto t = it->find("rope_type"); t != it->end() && t->is_string()) type = t->get<std::string>();
        else if (auto t2 = it->find("type"); t2 != it->end() && t2->is_string()) type = t2->get<std::string>();
        if (type == "llama3") {
            c.ropeScaling.enabled = true;
            auto f = numberField(*it, file, "factor", 8.0);
            auto lo = numberField(*it, file, "low_freq_factor", 1.0);
            auto hi = numberField(*it, file, "high_freq_factor", 4.0);
            auto orig = intField(*it, file, "original_max_position_embeddings", 8192);
            if (!f || !lo || !hi || !orig) return inputError(file + ": rope_scaling has a non-numeric field");
            c.ropeScaling.factor = float(f.value());
            c.ropeScaling.lowFreqFactor = float(lo.value());
            c.ropeScaling.highFreqFactor = float(hi.value());
            c.ropeScaling.originalMaxPositions = int(orig.value());
            if (!(c.ropeScaling.factor > 0) || !(c.ropeScaling.highFreqFactor > c.ropeScaling.lowFreqFactor) ||
                c.ropeScaling.originalMaxPositions <= 0)
                return inputError(file + ": rope_scaling (llama3) has inconsistent values");
        } else if (type != "default" && !type.empty()) {
            return inputError(file + ": rope_scaling type '" + type + "' is not supported (supported: llama3)");
        }
    }
    TB_TRY(addEosIds(j, file, c.eosTokenIds));
    // generation_config.json may list more end-of-generation ids (Llama 3 instruct).
    const std::string gen = (fs::path(folder) / "generation_config.json").string();
    std::error_code ec;
    if (fs::exists(gen, ec)) {
        auto g = readJsonObject(gen);
        if (!g) return g.error();
        TB_TRY(addEosIds(g.value(), gen, c.eosTokenIds));
    }
    c.sourceFormat = "hf-safetensors";
    Status valid = c.validate();
    if (!valid) return inputError(file + ": " + valid.message());
    if (c.bosTokenId >= c.vocabSize) return inputError(file + ": bos_token_id " + std::to_string(c.bosTokenId) + " is outside the vocabulary");
    for (int id : c.eosTokenIds)
        if (id >= c.vocabSize) return inputError(file + ": eos_token_id " + std::to_string(id) + " is outside the vocabulary");
    return c;
}

bool hfHasChatTemplate(const std::string& folder) {
    std::error_code ec;
    if (fs::exists(fs::path(folder) / "chat_template.jinja", ec)) return true;
    auto j = readJsonObject((fs::path(folder) / "tokenizer_config.json").string());
    if (!j) return false;
    auto it = j->find("chat_template");
    if (it == j->end()) return false;
    return (it->is_string() && !it->get<std::string>().empty()) || (it->is_array() && !it->empty());
}

namespace {

struct HfOpened {
    ModelConfig config;
    SafetensorsSet set;
};

Result<HfOpened> openHf(const std::string& folder) {
    auto config = readHfConfig(folder);
    if (!config) return config.error();
    auto set = SafetensorsSet::open(folder);
    if (!set) return set.error();
    // Checkpoints that omit lm_head.weight tie it to the embedding whatever the config says.
    if (!config->tiedEmbeddings && !set->find("lm_head.weight")) config->tiedEmbeddings = true;
    config->sourceDtype = dominantDtype(set.value());
    return HfOpened{std::move(config.value()), std::move(set.value())};
}

}  // namespace

Result<LoadedModel> loadHfModel(const std::string& folder, const ProgressCallback& progress) {
    auto opened = openHf(folder);
    if (!opened) return opened.error();
    const SafetensorsSet& set = opened->set;
    ShapeOf shapeOf = [&](const std::string& name) {
        const SafetensorsTensorInfo* t = set.find(name);
        return t ? t->shape : std::vector<int64_t>{};
    };
    MatrixReader read = [&](const std::string& name) { return set.readMatrix(name); };
    auto weights = assembleWeights(opened->config, folder, hfTensorName, shapeOf, read, progress);
    if (!weights) return weights.error();
    LoadedModel m;
    m.weights = std::move(weights.value());
    m.path = folder;
    m.format = "hf-safetensors";
    m.hfFolder = folder;
    m.generationConfig = nlohmann::json::object();
    const std::string gen = (fs::path(folder) / "generation_config.json").string();
    std::error_code ec;
    if (fs::exists(gen, ec)) {
        auto g = readJsonObject(gen);
        if (g) m.generationConfig = std::move(g.value());
    }
    return m;
}

Result<ModelInfo> inspectHfModel(const std::string& folder) {
    auto opened = openHf(folder);
    if (!opened) return opened.error();
    ModelInfo info;
    info.path = folder;
    info.format = "hf-safetensors";
    info.config = opened->config;
    for (const auto& name : opened->set.tensorNames()) info.parameterCount += opened->set.find(name)->elementCount();
    info.tensorCount = int(opened->set.tensorNames().size());
    info.fileBytes = opened->set.totalBytes();
    info.hasChatTemplate = hfHasChatTemplate(folder);
    return info;
}

}  // namespace tb::detail
