#include "core/export/gguf_lora_export.h"

#include "core/export/gguf_model_export.h"
#include "core/model/gguf_reader.h"
#include "core/model/gguf_writer.h"
#include "core/model/model_loader.h"

#include <cmath>
#include <regex>
#include <set>

namespace tb::exporter {

namespace {

const char* const kTargets[] = {"q", "k", "v", "o", "gate", "up", "down"};

int permuteHeads(const ModelConfig& c, const std::string& target) {
    if (c.architecture == Architecture::Qwen2) return 0;
    if (target == "q") return c.numHeads;
    if (target == "k") return c.numKvHeads;
    return 0;
}

NamedTensor toTensor(const std::string& name, const Matrix& m, StorageType type) {
    NamedTensor t;
    t.name = name;
    t.shape = {int64_t(m.rows()), int64_t(m.cols())};
    t.values.assign(m.data(), m.data() + m.size());
    t.storage = (type == StorageType::Q8_0 && m.cols() % 32 != 0) ? StorageType::F32 : type;
    return t;
}

}  // namespace

Status writeGgufLora(const std::string& path, const LoraAdapter& adapter, const ModelConfig& config, StorageType type,
                     const std::string& name) {
    if (adapter.modules.empty()) return inputError(path + ": the adapter has no modules to export");
    const float alpha = adapter.rsLora ? adapter.alpha * std::sqrt(float(adapter.rank)) : adapter.alpha;
    GgufMetadata md;
    md.emplace_back("general.architecture", ggufString(ggufArchitectureName(config)));
    md.emplace_back("general.type", ggufString("adapter"));
    if (!name.empty()) md.emplace_back("general.name", ggufString(name));
    md.emplace_back("general.file_type", ggufUint32(uint32_t(ggufFileType(type))));
    md.emplace_back("adapter.type", ggufString("lora"));
    md.emplace_back("adapter.lora.alpha", ggufFloat32(alpha));
    std::vector<NamedTensor> tensors;
    for (int l = 0; l < config.numLayers; ++l) {
        for (const char* target : kTargets) {
            const LoraPair* pair = adapter.find(l, target);
            if (!pair) continue;
            if (pair->a.rows() != adapter.rank || pair->b.cols() != adapter.rank)
                return inputError(path + ": adapter module '" + LoraAdapter::key(l, target) + "' has rank " +
                                  std::to_string(pair->a.rows()) + ", the adapter says " + std::to_string(adapter.rank));
            const int heads = permuteHeads(config, target);
            const Matrix b = heads ? permuteRotateHalfToInterleaved(pair->b, heads, config.headDim) : pair->b;
            const std::string base = "blk." + std::to_string(l) + "." + ggufLayerTensorStem(target) + ".weight";
            tensors.push_back(toTensor(base + ".lora_a", pair->a, type));
            tensors.push_back(toTensor(base + ".lora_b", b, type));
        }
    }
    if (tensors.size() != adapter.modules.size() * 2)
        return inputError(path + ": some adapter modules name layers or targets outside the model");
    return writeGguf(path, md, tensors);
}

Result<LoraAdapter> readGgufLora(const std::string& path, const ModelConfig& config) {
    auto opened = GgufFile::open(path);
    if (!opened) return opened.error();
    const GgufFile& g = *opened.value();
    auto type = g.getString("general.type");
    if (!type || type.value() != "adapter") return inputError(path + ": general.type is not \"adapter\"");
    auto adapterType = g.getString("adapter.type");
    if (!adapterType || adapterType.value() != "lora") return inputError(path + ": adapter.type is not \"lora\"");
    auto arch = g.getString("general.architecture");
    if (!arch) return arch.error();
    if (arch.value() != ggufArchitectureName(config))
        return inputError(path + ": adapter architecture '" + arch.value() + "' differs from the model's '" +
                          ggufArchitectureName(config) + "'");
    auto alpha = g.getFloat("adapter.lora.alpha");
    if (!alpha) return alpha.error();

    LoraAdapter adapter;
    adapter.alpha = float(alpha.value());
    adapter.rank = 0;
    std::set<std::string> targets;
    static const std::regex re(R"(blk\.(\d+)\.([a-z_]+)\.weight\.lora_(a|b))");
    for (const GgufTensorInfo& t : g.tensors()) {
        std::smatch m;
        if (!std::regex_match(t.name, m, re)) return inputError(path + ": unexpected tensor '" + t.name + "'");
        if (m[3] != "a") continue;
        const int layer = std::stoi(m[1].str().substr(0, 9));
        std::string target;
        for (const char* cand : kTargets)
            if (ggufLayerTensorStem(cand) == m[2].str()) target = cand;
        if (target.empty() || layer >= config.numLayers)
            return inputError(path + ": tensor '" + t.name + "' names no adaptable layer of this model");
        const std::string bName = t.name.substr(0, t.name.size() - 1) + "b";
        auto a = g.readMatrix(t.name);
        if (!a) return a.error();
        auto b = g.readMatrix(bName);
        if (!b) return inputError(path + ": tensor '" + t.name + "' has no partner '" + bName + "'");
        if (a->rows() != b->cols())
            return inputError(path + ": '" + t.name + "' rank " + std::to_string(a->rows()) + " differs from '" + bName +
                              "' rank " + std::to_string(b->cols()));
        if (adapter.rank == 0) adapter.rank = int(a->rows());
        if (adapter.rank != a->rows()) return inputError(path + ": tensors have different ranks (per-module ranks are not supported)");
        const int heads = permuteHeads(config, target);
        if (heads && b->rows() != int64_t(heads) * config.headDim)
            return inputError(path + ": '" + bName + "' has " + std::to_string(b->rows()) + " rows, expected " +
                              std::to_string(heads * config.headDim));
        LoraPair pair;
        pair.a = std::move(a.value());
        pair.b = heads ? permuteInterleavedToRotateHalf(b.value(), heads, config.headDim) : std::move(b.value());
        adapter.modules[LoraAdapter::key(layer, target)] = std::move(pair);
        targets.insert(target);
    }
    if (adapter.modules.empty()) return inputError(path + ": the adapter file has no lora_a/lora_b tensors");
    for (const char* cand : kTargets)
        if (targets.count(cand)) adapter.targets.push_back(cand);
    return adapter;
}

}  // namespace tb::exporter
