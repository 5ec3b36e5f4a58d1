// Helpers shared by hf_model_loader.cpp and gguf_model_loader.cpp. Internal to core/model.
#pragma once

#include "core/model/model_loader.h"

#include <functional>
#include <string>

namespace tb::detail {

// Reads a named tensor as a (rows, cols) matrix, failing with a message that names the tensor, the
// expected and the actual shape. The reader is only called after the shape was checked.
using MatrixReader = std::function<Result<Matrix>(const std::string& name)>;
using ShapeOf = std::function<std::vector<int64_t>(const std::string& name)>;  // rows-first; empty if absent

Result<Matrix> loadMatrix(const std::string& file, const ShapeOf& shapeOf, const MatrixReader& read,
                          const std::string& name, int64_t rows, int64_t cols);
Result<Vector> loadVector(const std::string& file, const ShapeOf& shapeOf, const MatrixReader& read,
                          const std::string& name, int64_t size);

Result<ModelConfig> readHfConfig(const std::string& folder);
Result<ModelConfig> readGgufConfig(const GgufFile& gguf);
bool hfHasChatTemplate(const std::string& folder);

Result<LoadedModel> loadHfModel(const std::string& folder, const ProgressCallback& progress);
Result<LoadedModel> loadGgufModel(const std::string& path, const ProgressCallback& progress);
Result<ModelInfo> inspectHfModel(const std::string& folder);
Result<ModelInfo> inspectGgufModel(const std::string& path);

}  // namespace tb::detail

namespace tb::detail {

// Role names: "embed", "final_norm", "lm_head", and per layer "attn_norm", "q", "k", "v", "o", "q_bias",
// "k_bias", "v_bias", "ffn_norm", "gate", "up", "down". Returns the tensor name in the file.
using TensorNaming = std::function<std::string(const std::string& role, int layer)>;

// Reads every tensor named by `naming` with the shape the config implies (lm_head only when not tied,
// biases only with config.attentionBias). Reports progress per tensor; cancellable.
Result<ModelWeights> assembleWeights(const ModelConfig& config, const std::string& file, const TensorNaming& naming,
                                     const ShapeOf& shapeOf, const MatrixReader& read, const ProgressCallback& progress);

}  // namespace tb::detail
