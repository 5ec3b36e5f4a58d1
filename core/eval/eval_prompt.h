// The example an evaluator generates from: the prompt tokens built exactly as the trainer builds training
// examples (core/train/example_builder.h: chat template + generation prompt, or plain prompt), plus the
// references and gold label taken from the record. Not generation (evaluator.h) nor template rendering.
#pragma once

#include "core/common/result.h"
#include "core/data/record.h"
#include "core/train/example_builder.h"

#include <string>
#include <vector>

namespace tb::eval {

struct EvalExample {
    std::string id;                       // record id, else "record-N" (1-based)
    std::string promptText;               // the prompt as a person reads it (not the rendered template)
    std::vector<int> promptIds;           // the tokens the model sees, as in training up to the completion
    std::vector<std::string> references;  // the completion / last assistant message
    std::string label;                    // the record's classification label (may be empty)
    std::string where;                    // "file:line" or "record N", for error messages
};

// Prompt/completion and Alpaca records: prompt -> completion (the label when the completion is empty).
// Chat and ShareGPT records: the messages before the last assistant message -> that message.
// Plain-text records have no prompt/reference split and are refused. `index` is 0-based in the dataset.
// The prompt tokens are those buildExamples() puts before the trained completion tokens, so what is
// evaluated is what was trained.
Result<EvalExample> buildEvalExample(const Record& record, const train::ExampleEncoder& encoder, size_t index);

}  // namespace tb::eval
