// LoRA adapters as llama.cpp GGUF adapter files (`--lora`): general.type "adapter", adapter.type "lora",
// adapter.lora.alpha, tensors blk.N.<stem>.weight.lora_a (r, in) and .lora_b (out, r) — the shapes
// convert_lora_to_gguf.py writes — with lora_b rows of q/k permuted to interleaved for arch llama.
// Reading such a file back into a LoraAdapter is here too. Not PEFT folders (core/train/peft_adapter.h).
#pragma once

#include "core/common/result.h"
#include "core/model/lora_adapter.h"
#include "core/model/model_config.h"
#include "core/model/named_tensor.h"

#include <string>

namespace tb::exporter {

// llama.cpp scales by alpha / r; an rsLoRA adapter (alpha / sqrt(r)) is written with alpha * sqrt(r).
Status writeGgufLora(const std::string& path, const LoraAdapter& adapter, const ModelConfig& config,
                     StorageType type = StorageType::F32, const std::string& name = {});

// Reads a GGUF LoRA adapter for a model with `config` (checks architecture, names, shapes) and undoes
// the q/k permutation, so the result applies to rotate-half ModelWeights.
Result<LoraAdapter> readGgufLora(const std::string& path, const ModelConfig& config);

}  // namespace tb::exporter
