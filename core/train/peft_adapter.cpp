#include "core/train/peft_adapter.h"

#include "core/common/atomic_file.h"
#include "core/model/mapped_file.h"
#include "core/model/safetensors_reader.h"
#include "core/model/safetensors_writer.h"
#include "core/train/lora_init.h"
#include "core/train/train_model.h"
#include "core/workspace/workspace_file_io.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <regex>
#include <set>

namespace tb::train {

std::string peftModulePath(const std::string& target) {
    if (target == "q" || target == "k" || target == "v" || target == "o") return "self_attn." + target + "_proj";
    return "mlp." + target + "_proj";
}

std::string adapterFileContext(const std::string& path) { return protectedFileContext("adapter", path); }

bool peftAdapterIsEncrypted(const std::string& folder) {
    return fileLooksEncrypted(folder + "/adapter_model.safetensors") || fileLooksEncrypted(folder + "/adapter_config.json");
}

Status writePeftAdapter(const std::string& folder, const LoraAdapter& a, const PeftWriteOptions& options) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return internalError(folder + ": cannot create folder: " + ec.message());
    nlohmann::ordered_json cfg;
    std::vector<std::string> modules;
    for (const std::string& t : a.targets) modules.push_back(t + "_proj");
    cfg["alpha_pattern"] = nlohmann::json::object();
    cfg["auto_mapping"] = nullptr;
    cfg["base_model_name_or_path"] = options.baseModelNameOrPath;
    cfg["bias"] = "none";
    cfg["fan_in_fan_out"] = false;
    cfg["inference_mode"] = true;
    cfg["init_lora_weights"] = true;
    cfg["layers_pattern"] = nullptr;
    cfg["layers_to_transform"] = nullptr;
    cfg["lora_alpha"] = a.alpha;
    cfg["lora_dropout"] = a.dropout;
    cfg["modules_to_save"] = nullptr;
    cfg["peft_type"] = "LORA";
    cfg["r"] = a.rank;
    cfg["rank_pattern"] = nlohmann::json::object();
    cfg["revision"] = nullptr;
    cfg["target_modules"] = modules;
    cfg["task_type"] = "CAUSAL_LM";
    cfg["use_dora"] = false;
    cfg["use_rslora"] = a.rsLora;
    std::vector<NamedTensor> tensors;
    for (const auto& [key, pair] : a.modules) {
        const size_t dot = key.find('.');
        const std::string layer = key.substr(0, dot), target = key.substr(dot + 1);
        const std::string base = "base_model.model.model.layers." + layer + "." + peftModulePath(target);
        tensors.push_back({base + ".lora_A.weight", {pair.a.rows(), pair.a.cols()},
                           std::vector<float>(pair.a.data(), pair.a.data() + pair.a.size()), StorageType::F32});
        tensors.push_back({base + ".lora_B.weight", {pair.b.rows(), pair.b.cols()},
                           std::vector<float>(pair.b.data(), pair.b.data() + pair.b.size()), StorageType::F32});
    }
    const std::string tensorsPath = folder + "/adapter_model.safetensors", cfgPath = folder + "/adapter_config.json";
    if (!options.key) {
        TB_TRY(writeSafetensors(tensorsPath, tensors, {{"format", "pt"}}));
        return writeFileAtomically(cfgPath, cfg.dump(2) + "\n");
    }
    auto bytes = encodeSafetensors(tensors, {{"format", "pt"}});
    if (!bytes) return bytes.error();
    TB_TRY(writeProtectedFile(tensorsPath, *bytes, adapterFileContext(tensorsPath), options.key));
    return writeProtectedFile(cfgPath, cfg.dump(2) + "\n", adapterFileContext(cfgPath), options.key);
}

namespace {

// Checks adapter_config.json and reads every LoRA tensor of the opened safetensors file.
Result<LoraAdapter> parseAdapter(const std::string& folder, const std::string& configJson, const SafetensorsFile& file,
                                 const ModelConfig* config) {
    const std::string cfgPath = folder + "/adapter_config.json";
    nlohmann::json cfg = nlohmann::json::parse(configJson, nullptr, false);
    if (cfg.is_discarded() || !cfg.is_object()) return inputError(cfgPath + ": not valid JSON");
    // Fields are type-checked before reading: nlohmann's value() throws on a member of another type.
    if (!cfg.contains("peft_type") || !cfg["peft_type"].is_string())
        return inputError(cfgPath + ": peft_type must be a string (\"LORA\")");
    if (cfg["peft_type"] != "LORA")
        return inputError(cfgPath + ": peft_type is '" + cfg["peft_type"].get<std::string>() + "', only LORA is supported");
    LoraAdapter a;
    if (!cfg.contains("r") || !cfg["r"].is_number_integer() || cfg["r"].get<int64_t>() <= 0 ||
        cfg["r"].get<int64_t>() > std::numeric_limits<int>::max())
        return inputError(cfgPath + ": r must be a positive integer");
    a.rank = cfg["r"];
    // Checked as doubles first: a double beyond float's range converts to float with undefined behaviour.
    if (cfg.contains("lora_alpha") && (!cfg["lora_alpha"].is_number() ||
                                       !(std::abs(cfg["lora_alpha"].get<double>()) <= std::numeric_limits<float>::max())))
        return inputError(cfgPath + ": lora_alpha must be a number within float range");
    a.alpha = cfg.value("lora_alpha", 8.0f);
    const double dropout = cfg.contains("lora_dropout") && cfg["lora_dropout"].is_number() ? cfg["lora_dropout"].get<double>() : 0.0;
    if (!(dropout >= 0.0 && dropout < 1.0)) return inputError(cfgPath + ": lora_dropout must be in [0, 1)");
    a.dropout = float(dropout);
    a.rsLora = cfg.contains("use_rslora") && cfg["use_rslora"].is_boolean() && cfg["use_rslora"].get<bool>();
    auto flag = [&](const char* k) { return cfg.contains(k) && cfg[k].is_boolean() && cfg[k].get<bool>(); };
    if (flag("use_dora")) return inputError(cfgPath + ": use_dora: DoRA adapters are not supported");
    if (flag("fan_in_fan_out")) return inputError(cfgPath + ": fan_in_fan_out: only Llama-style (out, in) weights are supported");
    if (cfg.contains("bias") && cfg["bias"].is_string() && cfg["bias"] != "none")
        return inputError(cfgPath + ": bias '" + cfg["bias"].get<std::string>() + "': trained biases are not supported");
    for (const char* k : {"rank_pattern", "alpha_pattern"})
        if (cfg.contains(k) && cfg[k].is_object() && !cfg[k].empty())
            return inputError(cfgPath + ": " + k + ": per-module ranks or alphas are not supported");

    static const std::regex name(
        R"(^(?:base_model\.model\.)?(?:model\.)?layers\.(\d+)\.(?:self_attn|mlp)\.(q|k|v|o|gate|up|down)_proj\.lora_(A|B)(?:\.[A-Za-z0-9_]+)?\.weight$)");
    std::set<std::string> targets;
    // std::regex matches recursively (stack depth grows with the name's length): long names are refused first.
    constexpr size_t kMaxNameBytes = 512;
    for (const SafetensorsTensorInfo& t : file.tensors()) {
        if (t.name.size() > kMaxNameBytes)
            return inputError(folder + "/adapter_model.safetensors: tensor name '" + t.name.substr(0, 64) + "...' is " +
                              std::to_string(t.name.size()) + " bytes long: not a LoRA tensor name");
        std::smatch m;
        const std::string where = folder + "/adapter_model.safetensors: " + t.name;
        if (!std::regex_match(t.name, m, name))
            return inputError(where + ": not a LoRA tensor of a Llama-family attention or MLP projection");
        int layer = 0;
        const std::string digits = m[1].str();
        if (auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), layer);
            ec != std::errc() || end != digits.data() + digits.size())
            return inputError(where + ": layer index " + digits + " is out of range");
        const std::string target = m[2].str();
        const bool isA = m[3].str() == "A";
        if (config && layer >= config->numLayers)
            return inputError(where + ": layer " + std::to_string(layer) + " but the model has " +
                              std::to_string(config->numLayers));
        if (t.shape.size() != 2) return inputError(where + ": expected a 2-D tensor");
        auto mat = file.readMatrix(t.name);
        if (!mat) return mat.error();
        if ((isA ? mat->rows() : mat->cols()) != a.rank)
            return inputError(where + ": rank dimension is " + std::to_string(isA ? mat->rows() : mat->cols()) +
                              ", adapter_config.json says r = " + std::to_string(a.rank));
        if (config) {
            auto [in, out] = targetShape(*config, targetIndex(target));
            if ((isA && mat->cols() != in) || (!isA && mat->rows() != out))
                return inputError(where + ": shape does not fit the model's " + target + "_proj (" +
                                  std::to_string(out) + " x " + std::to_string(in) + ")");
        }
        LoraPair& p = a.modules[LoraAdapter::key(layer, target)];
        (isA ? p.a : p.b) = std::move(*mat);
        targets.insert(target);
    }
    for (const auto& [key, p] : a.modules)
        if (p.a.size() == 0 || p.b.size() == 0)
            return inputError(folder + ": module " + key + " has only one of lora_A / lora_B");
    if (a.modules.empty()) return inputError(folder + "/adapter_model.safetensors: no LoRA tensors");
    for (const char* t : kTargetNames)
        if (targets.count(t)) a.targets.push_back(t);
    return a;
}

}  // namespace

Result<LoraAdapter> parsePeftAdapter(const std::string& label, const std::string& configJson, std::string safetensorsBytes,
                                     const ModelConfig* config) {
    std::vector<uint8_t> raw(safetensorsBytes.begin(), safetensorsBytes.end());
    OPENSSL_cleanse(safetensorsBytes.data(), safetensorsBytes.size());
    auto file = SafetensorsFile::fromMapped(MappedFile::fromBuffer(label + "/adapter_model.safetensors", std::move(raw)));
    if (!file) return file.error();
    return parseAdapter(label, configJson, **file, config);
}

Result<LoraAdapter> parsePeftAdapterFiles(const std::string& label, std::map<std::string, std::string> files,
                                          const ModelConfig* config) {
    auto cfg = files.find("adapter_config.json");
    auto tensors = files.find("adapter_model.safetensors");
    if (cfg == files.end() || tensors == files.end())
        return inputError(label + ": not a PEFT adapter (adapter_config.json and adapter_model.safetensors expected)");
    return parsePeftAdapter(label, cfg->second, std::move(tensors->second), config);
}

Result<LoraAdapter> readPeftAdapter(const std::string& folder, const ModelConfig* config, const WorkspaceKey* key) {
    const std::string cfgPath = folder + "/adapter_config.json", tensorsPath = folder + "/adapter_model.safetensors";
    auto text = readProtectedFile(cfgPath, adapterFileContext(cfgPath), key, "adapter " + folder, 1 << 22);
    if (!text) return text.error();
    if (!fileLooksEncrypted(tensorsPath)) {  // plain: mapped, not copied
        auto file = SafetensorsFile::open(tensorsPath);
        if (!file) return file.error();
        return parseAdapter(folder, *text, **file, config);
    }
    auto bytes = readProtectedFile(tensorsPath, adapterFileContext(tensorsPath), key, "adapter " + folder);
    if (!bytes) return bytes.error();
    return parsePeftAdapter(folder, *text, std::move(*bytes), config);
}

}  // namespace tb::train
