#include "core/train/lora_init.h"

#include "core/train/train_model.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <sstream>

namespace tb::train {

std::pair<int, int> targetShape(const ModelConfig& c, int t) {
    switch (t) {
        case 0: return {c.hiddenSize, c.qDim()};
        case 1:
        case 2: return {c.hiddenSize, c.kvDim()};
        case 3: return {c.qDim(), c.hiddenSize};
        case 4:
        case 5: return {c.hiddenSize, c.intermediateSize};
        default: return {c.intermediateSize, c.hiddenSize};
    }
}

Result<std::vector<std::string>> parseTargets(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (item.empty()) continue;
        if (item == "all" || item == "all-linear") {
            for (const char* t : kTargetNames) out.push_back(t);
            continue;
        }
        if (item.size() > 5 && item.substr(item.size() - 5) == "_proj") item = item.substr(0, item.size() - 5);
        if (targetIndex(item) < 0)
            return inputError("targets: unknown target module '" + item +
                              "' (Llama-family models have q, k, v, o, gate, up, down)");
        if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
    }
    if (out.empty()) return inputError("targets: no target module given");
    return out;
}

Status validateLoraSettings(const ModelConfig& config, const LoraSettings& s) {
    if (s.rank <= 0) return inputError("lora rank: must be at least 1 (got " + std::to_string(s.rank) + ")");
    if (!(s.alpha > 0.0f)) return inputError("lora alpha: must be positive");
    if (!(s.dropout >= 0.0f && s.dropout < 1.0f)) return inputError("lora dropout: must be in [0, 1)");
    if (s.targets.empty()) return inputError("targets: no target module given");
    std::set<std::string> seen;
    for (const std::string& t : s.targets) {
        int idx = targetIndex(t);
        if (idx < 0)
            return inputError("targets: unknown target module '" + t + "' for architecture " +
                              architectureName(config.architecture) + " (it has q, k, v, o, gate, up, down)");
        if (!seen.insert(t).second) return inputError("targets: '" + t + "' listed twice");
        auto [in, out] = targetShape(config, idx);
        if (s.rank > std::min(in, out))
            return inputError("lora rank: " + std::to_string(s.rank) + " is above the width of target '" + t +
                              "' (" + std::to_string(out) + " x " + std::to_string(in) + ")");
    }
    return Status::success();
}

Result<LoraAdapter> initLoraAdapter(const ModelConfig& config, const LoraSettings& s, uint64_t seed) {
    TB_TRY(validateLoraSettings(config, s));
    LoraAdapter a;
    a.rank = s.rank;
    a.alpha = s.alpha;
    a.rsLora = s.rsLora;
    a.dropout = s.dropout;
    a.targets = s.targets;
    std::mt19937_64 rng(seed);
    for (int l = 0; l < config.numLayers; ++l)
        for (int t = 0; t < int(kTargetNames.size()); ++t) {
            if (std::find(s.targets.begin(), s.targets.end(), kTargetNames[t]) == s.targets.end()) continue;
            auto [in, out] = targetShape(config, t);
            LoraPair p;
            p.a.resize(s.rank, in);
            p.b = Matrix::Zero(out, s.rank);
            const double bound = 1.0 / std::sqrt(double(in));
            std::uniform_real_distribution<double> dist(-bound, bound);
            for (Eigen::Index i = 0; i < p.a.size(); ++i) p.a.data()[i] = float(dist(rng));
            a.modules[LoraAdapter::key(l, kTargetNames[t])] = std::move(p);
        }
    return a;
}

}  // namespace tb::train
