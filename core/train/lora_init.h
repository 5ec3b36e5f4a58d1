// Creating a fresh LoRA adapter for a model as Hugging Face PEFT does: A ~ kaiming_uniform(a=sqrt(5)),
// i.e. U(-1/sqrt(in), 1/sqrt(in)), B = 0, so training starts from the base model's outputs.
// Also the checks that refuse impossible LoRA settings. Not the file format (peft_adapter.h).
#pragma once

#include "core/common/result.h"
#include "core/model/lora_adapter.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tb::train {

struct LoraSettings {
    int rank = 8;
    float alpha = 16.0f;
    float dropout = 0.0f;
    bool rsLora = false;
    std::vector<std::string> targets = {"q", "k", "v", "o"};  // short names, see kTargetNames
};

// Refuses rank <= 0, rank above a target layer's width (min of in/out), unknown or duplicate targets,
// dropout outside [0,1). The message names the field.
Status validateLoraSettings(const ModelConfig& config, const LoraSettings& settings);
// Accepts "q,k,v" and PEFT names ("q_proj,v_proj"), and "all" for the seven linears.
Result<std::vector<std::string>> parseTargets(const std::string& text);
// Validated, initialised adapter; the same seed gives the same A.
Result<LoraAdapter> initLoraAdapter(const ModelConfig& config, const LoraSettings& settings, uint64_t seed);
// (in, out) of a target linear in this model.
std::pair<int, int> targetShape(const ModelConfig& config, int targetIndex);

}  // namespace tb::train
