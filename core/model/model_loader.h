// Loading a whole Llama-family model into ModelWeights from a Hugging Face folder (config.json +
// safetensors, sharded or not) or a GGUF file, validating the config and every tensor's shape, and
// converting q/k rows to the rotate-half RoPE layout. inspectModel() is the cheap variant that reads
// only the config and tensor headers. Not a tokenizer or chat-template loader (those read the same files).
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/model/gguf_reader.h"
#include "core/model/model_weights.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace tb {

struct LoadedModel {
    ModelWeights weights;
    std::string path;
    std::string format;               // "hf-safetensors" | "gguf"
    nlohmann::json generationConfig;  // HF generation_config.json (empty object when absent / GGUF)
    std::string hfFolder;             // HF: the folder (tokenizer.json etc. live there); GGUF: empty
    std::shared_ptr<GgufFile> gguf;   // GGUF: the open file (tokenizer and chat template read it); HF: null
};

// `path`: a Hugging Face model folder, or a .gguf file. Reports progress per tensor; cancellable.
Result<LoadedModel> loadModel(const std::string& path, const ProgressCallback& progress = {});

struct ModelInfo {
    std::string path;
    std::string format;          // "hf-safetensors" | "gguf"
    ModelConfig config;          // validated; config.sourceDtype holds the weight dtype
    long long parameterCount = 0;  // counted from the tensors in the file(s)
    int tensorCount = 0;
    uint64_t fileBytes = 0;      // total size of the weight file(s)
    bool hasChatTemplate = false;
    nlohmann::json toJson() const;
    std::string toText() const;  // human-readable, one field per line
};

// Reads config and tensor headers only (no weights), so it is fast even for large models.
Result<ModelInfo> inspectModel(const std::string& path);

// "hf-safetensors" for a folder, "gguf" for a file starting with the GGUF magic; an error otherwise.
Result<std::string> detectModelFormat(const std::string& path);

// RoPE row permutations for q/k weights (rows = heads * headDim, any number of columns) and biases.
// Interleaved -> rotate-half, per head: new row j = old row 2j, new row D/2 + j = old row 2j + 1.
Matrix permuteInterleavedToRotateHalf(const Matrix& w, int heads, int headDim);
Matrix permuteRotateHalfToInterleaved(const Matrix& w, int heads, int headDim);
Vector permuteInterleavedToRotateHalf(const Vector& b, int heads, int headDim);

}  // namespace tb
