// Builds the ExampleEncoder for a model on disk from its own tokenizer (core/tokenizer) and chat template
// (core/chat), so training examples are rendered exactly as the model is served. Not the builder itself.
#pragma once

#include "core/common/result.h"
#include "core/train/example_builder.h"

#include <string>

namespace tb::train {

struct ModelEncoderInfo {
    bool hasChatTemplate = false;
    std::string templateSource;
};

// useChatTemplate = false: plain prompt + completion + EOS even when the model has a template.
Result<ExampleEncoder> makeModelExampleEncoder(const std::string& modelPath, int vocabSize, bool useChatTemplate,
                                               ModelEncoderInfo* info = nullptr);

}  // namespace tb::train
