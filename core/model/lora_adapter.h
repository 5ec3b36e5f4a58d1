// A LoRA adapter as plain data: for each adapted linear layer a pair (A, B) so that
// y = W x + scale * B (A x), with scale = alpha / r (or alpha / sqrt(r) with rsLoRA).
// Base weights are never changed; merging is an explicit export step.
#pragma once

#include "core/model/model_weights.h"

#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace tb {

// Target module short names as used on the command line and in keys: q k v o gate up down.
// PEFT names: q_proj k_proj v_proj o_proj gate_proj up_proj down_proj.
struct LoraPair {
    Matrix a;  // (r, in)   PEFT lora_A.weight
    Matrix b;  // (out, r)  PEFT lora_B.weight
};

struct LoraAdapter {
    int rank = 8;
    float alpha = 16.0f;
    bool rsLora = false;
    float dropout = 0.0f;
    std::vector<std::string> targets;  // e.g. {"q","v"}
    // Key: "<layer>.<target>", e.g. "3.q".
    std::map<std::string, LoraPair> modules;

    float scale() const { return rsLora ? alpha / std::sqrt(float(rank)) : alpha / float(rank); }
    static std::string key(int layer, const std::string& target) { return std::to_string(layer) + "." + target; }
    const LoraPair* find(int layer, const std::string& target) const {
        auto it = modules.find(key(layer, target));
        return it == modules.end() ? nullptr : &it->second;
    }
};

}  // namespace tb
