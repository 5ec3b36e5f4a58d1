// Opens a model path for inference in one call: weights through core/model's loader (Hugging Face folder
// or .gguf), the prepared InferenceModel, and the tokenizer. Used by the command line and the GUI workers.
// Not the loaders themselves.
#pragma once

#include "core/common/progress.h"
#include "core/infer/inference_model.h"
#include "core/tokenizer/tokenizer.h"

#include <memory>
#include <string>

namespace tb {

struct InferenceBundle {
    std::shared_ptr<const InferenceModel> model;
    std::shared_ptr<const Tokenizer> tokenizer;
    std::string path;
    double loadSeconds = 0.0;
};

Result<InferenceBundle> loadForInference(const std::string& path, const EngineOptions& options,
                                         const ProgressCallback& progress = {});

}  // namespace tb
