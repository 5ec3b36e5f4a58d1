// Builds the drift report's inputs (drift_report.h) from what Tunebench has: the training examples
// (prompt and, for classification, the label) and the sampled served exchanges, measured with the
// serving tokenizer. Chat-template markup of rendered served prompts is stripped first so that
// template tokens do not count as drift. Plain data in and out; reads no files.
#pragma once

#include "core/data/record.h"
#include "core/serve/drift_report.h"
#include "core/serve/sample_log.h"

#include <string>
#include <vector>

namespace tb {
class Tokenizer;
}

namespace tb::serve {

struct DriftTrainingExample {
    std::string prompt;
    std::string label;  // empty when the task has no labels
};

// prompt: the record's prompt, the user turns of a chat, or its text. label: the record's label, else a
// short completion / final assistant turn (at most 3 words), which is how label-only tasks look.
std::vector<DriftTrainingExample> driftTrainingExamples(const std::vector<Record>& records);

// Removes "<|...|>" / "<s>"-style tags, "[INST]" markers and role header lines a chat template adds.
std::string stripChatMarkup(const std::string& rendered);

DriftInputs buildDriftInputs(const std::vector<DriftTrainingExample>& training, const std::vector<ServedSample>& served,
                             const Tokenizer& tokenizer);

}  // namespace tb::serve
