// Saving the result of full fine-tuning: the weights were trained in place, so they are written as a
// model the other commands load, in the source's own format — an HF folder `<run>/model` (F32, with the
// source's tokenizer and chat-template files) or `<run>/model.gguf` (F32, with the source's tokenizer
// metadata). The command line and the Runs page both end a full fine-tune with it. Not LoRA (a run's
// adapter/ folder is written by the training job).
#pragma once

#include "core/common/result.h"
#include "core/model/model_loader.h"

#include <string>

namespace tb::exporter {

// Writes the model into runDir and returns its path.
Result<std::string> saveFullFineTunedModel(const std::string& runDir, const ModelWeights& weights,
                                           const LoadedModel& source);

}  // namespace tb::exporter
