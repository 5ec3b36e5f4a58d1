// Writes ModelWeights as a Hugging Face model folder: config.json (model_type, architectures and every
// hyperparameter), model.safetensors (HF tensor names, F32/F16/BF16), generation_config.json and the
// tokenizer files copied from the source folder. A GGUF source has no tokenizer.json to copy; the result
// says so (`tokenizerNote`). Not merging (merge_adapter.h) and not GGUF.
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/model/model_loader.h"
#include "core/model/named_tensor.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tb::exporter {

struct HfExportResult {
    std::vector<std::string> files;  // written, relative to the folder
    std::string tokenizerNote;       // empty when the tokenizer files were copied
};

// config.json for `config` stored as `type`, starting from `sourceConfig` (an HF config.json or {}).
nlohmann::json hfConfigJson(const ModelConfig& config, StorageType type, const nlohmann::json& sourceConfig);
// The tensors with HF names (q/k already rotate-half in ModelWeights).
std::vector<NamedTensor> hfModelTensors(const ModelWeights& weights, StorageType type);

// `source` supplies the tokenizer files, the original config.json and generation_config.json.
Result<HfExportResult> writeHfModelFolder(const std::string& folder, const ModelWeights& weights,
                                          const LoadedModel& source, StorageType type,
                                          const ProgressCallback& progress = {});

}  // namespace tb::exporter
