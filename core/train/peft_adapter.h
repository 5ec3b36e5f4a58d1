// Hugging Face PEFT LoRA adapter folders: adapter_config.json (peft_type LORA, r, lora_alpha, lora_dropout,
// target_modules as q_proj..., use_rslora, base_model_name_or_path, task_type CAUSAL_LM, bias none,
// fan_in_fan_out false) and adapter_model.safetensors with tensors named
// base_model.model.model.layers.{i}.self_attn.q_proj.lora_A.weight / mlp.gate_proj.lora_B.weight.
// Writing, and reading folders PEFT wrote. In an encrypted workspace both files are stored as
// encryptBytes() blobs (adapterFileContext) and decrypted in memory when read. Not merging (an export
// step) and not GGUF LoRA.
#pragma once

#include "core/common/result.h"
#include "core/model/lora_adapter.h"
#include "core/workspace/workspace_crypto.h"

#include <map>
#include <string>

namespace tb::train {

struct PeftWriteOptions {
    std::string baseModelNameOrPath;    // recorded in adapter_config.json
    const WorkspaceKey* key = nullptr;  // set: both files are written encrypted at rest (not owned)
};

// Writes folder/adapter_config.json and folder/adapter_model.safetensors (F32), creating the folder.
Status writePeftAdapter(const std::string& folder, const LoraAdapter& adapter, const PeftWriteOptions& options = {});

// Reads a PEFT LoRA folder. With `config`, checks every layer index and shape against the model.
// Accepts the names PEFT writes (with or without "base_model.model." and a ".default" adapter name).
// Refuses what this adapter type cannot represent (DoRA, fan_in_fan_out, bias training, rank_pattern).
// Encrypted files are decrypted with key; without one they are refused with lockedFileError.
Result<LoraAdapter> readPeftAdapter(const std::string& folder, const ModelConfig* config = nullptr,
                                    const WorkspaceKey* key = nullptr);

// The same from the two files' plaintext already in memory (a registered artifact's verified files);
// `label` stands for the folder in messages.
Result<LoraAdapter> parsePeftAdapter(const std::string& label, const std::string& configJson,
                                     std::string safetensorsBytes, const ModelConfig* config = nullptr);
// The same from a folder's files by name (ArtifactStore::readFiles of a registered adapter); an error
// naming `label` when adapter_config.json or adapter_model.safetensors is missing.
Result<LoraAdapter> parsePeftAdapterFiles(const std::string& label, std::map<std::string, std::string> files,
                                          const ModelConfig* config = nullptr);

// The encryption context of an adapter file: "tunebench-adapter:<folder name>/<file name>". The artifact
// store's copies of a registered adapter (kind "adapter") use the same.
std::string adapterFileContext(const std::string& path);
// True when the folder's adapter_model.safetensors or adapter_config.json is encrypted at rest.
bool peftAdapterIsEncrypted(const std::string& folder);

// "q" -> "self_attn.q_proj", "gate" -> "mlp.gate_proj"
std::string peftModulePath(const std::string& target);

}  // namespace tb::train
