// Writes ModelWeights as a llama.cpp-loadable GGUF model: general.* and `{arch}.*` hyperparameters,
// tokenizer metadata supplied by the caller, tensors token_embd / blk.N.* / output_norm / output (untied),
// q/k rows permuted back to interleaved for arch llama, F32/F16/BF16/Q8_0 (norms and rows not a multiple
// of 32 stay F32 for Q8_0, as llama.cpp's quantizer keeps them). Not merging and not a LoRA exporter.
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/model/gguf_writer.h"
#include "core/model/model_weights.h"
#include "core/model/named_tensor.h"

#include <string>
#include <vector>

namespace tb::exporter {

struct GgufExportOptions {
    StorageType type = StorageType::F32;
    std::string name;     // general.name (empty: omitted)
    std::string license;  // general.license (empty: omitted)
};

// GGUF's general.architecture for a model ("llama" for Llama/Mistral, "qwen2").
std::string ggufArchitectureName(const ModelConfig& config);
// general.file_type: 0 F32, 1 F16 (MOSTLY_F16), 7 Q8_0, 32 BF16.
int ggufFileType(StorageType type);
// The GGUF name of a layer tensor role ("q" -> "attn_q", "gate" -> "ffn_gate", ...); "" if unknown.
std::string ggufLayerTensorStem(const std::string& target);

// The tensors as they go into the file (names, rows-first shapes, storage per tensor, q/k permuted).
Result<std::vector<NamedTensor>> ggufModelTensors(const ModelWeights& weights, StorageType type);
// The general.* and {arch}.* keys.
GgufMetadata ggufModelMetadata(const ModelConfig& config, const GgufExportOptions& options);

Status writeGgufModel(const std::string& path, const ModelWeights& weights, const GgufMetadata& tokenizerMetadata,
                      const GgufExportOptions& options, const ProgressCallback& progress = {});

}  // namespace tb::exporter
