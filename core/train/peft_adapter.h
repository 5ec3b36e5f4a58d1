// Hugging Face PEFT LoRA adapter folders: adapter_config.json (peft_type LORA, r, lora_alpha, lora_dropout,
// target_modules as q_proj..., use_rslora, base_model_name_or_path, task_type CAUSAL_LM, bias none,
// fan_in_fan_out false) and adapter_model.safetensors with tensors named
// base_model.model.model.layers.{i}.self_attn.q_proj.lora_A.weight / mlp.gate_proj.lora_B.weight.
// Writing, and reading folders PEFT wrote. Not merging (an export step) and not GGUF LoRA.
#pragma once

#include "core/common/result.h"
#include "core/model/lora_adapter.h"

#include <string>

namespace tb::train {

struct PeftWriteOptions {
    std::string baseModelNameOrPath;  // recorded in adapter_config.json
};

// Writes folder/adapter_config.json and folder/adapter_model.safetensors (F32), creating the folder.
Status writePeftAdapter(const std::string& folder, const LoraAdapter& adapter, const PeftWriteOptions& options = {});

// Reads a PEFT LoRA folder. With `config`, checks every layer index and shape against the model.
// Accepts the names PEFT writes (with or without "base_model.model." and a ".default" adapter name).
// Refuses what this adapter type cannot represent (DoRA, fan_in_fan_out, bias training, rank_pattern).
Result<LoraAdapter> readPeftAdapter(const std::string& folder, const ModelConfig* config = nullptr);

// "q" -> "self_attn.q_proj", "gate" -> "mlp.gate_proj"
std::string peftModulePath(const std::string& target);

}  // namespace tb::train
