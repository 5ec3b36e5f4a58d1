// One training/evaluation example as the data pipeline produces it and the trainer/evaluator consume it.
// Plain data; the importers in core/data fill it, with where it came from for error messages.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tb {

enum class RecordFormat { PromptCompletion, Alpaca, ChatMessages, ShareGpt, PlainText };

struct ChatMessage {
    std::string role;     // "system", "user", "assistant" (ShareGPT human/gpt are mapped to these)
    std::string content;
};

struct Record {
    RecordFormat format = RecordFormat::PromptCompletion;
    // PromptCompletion/Alpaca (Alpaca's instruction+input is rendered into prompt, output into completion):
    std::string prompt;
    std::string completion;
    // ChatMessages/ShareGpt:
    std::vector<ChatMessage> messages;
    // PlainText:
    std::string text;
    // Classification label when the data has one (e.g. the completion of a label-only task).
    std::string label;
    // Provenance for messages and reports.
    std::string sourceFile;
    int64_t sourceLine = 0;
    std::string split;  // "train", "validation", "test" or empty
    // Stable record id (see core/data/record_id.h): kept through cleaning and splitting so versions can be
    // diffed record by record. Taken from the source's "id" field when it has one.
    std::string id;
};

}  // namespace tb
