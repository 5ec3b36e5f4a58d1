// Views of a tb::Record as text for analysis: its input side, its output side, its label, and every
// editable text field (for cleaning). Also the names of record formats. Not a serialiser (see record_json.h).
#pragma once

#include "core/data/record.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace tb {

const char* recordFormatName(RecordFormat format);  // "prompt_completion", "alpaca", "chat", "sharegpt", "text"
std::optional<RecordFormat> parseRecordFormat(std::string_view name);

// The input side: prompt; for chats every message before the last assistant turn ("role: content" lines);
// for plain text the text.
std::string recordInput(const Record& r);
// The output side: completion; for chats the last assistant message; empty for plain text.
std::string recordOutput(const Record& r);
// Input and output together (what dedup and PII scans look at).
std::string recordAllText(const Record& r);
// Total bytes of text in the record (cheap, no allocation).
size_t recordTextBytes(const Record& r);

// The class label: the label field, else a completion that looks like a label (single line, <= 64 bytes).
// Empty when the record has no label-like value.
std::string_view recordLabel(const Record& r);

// Calls fn on every text field of the record (prompt, completion, text, label, each message content) with a
// short field name ("prompt", "messages[2].content", ...). fn may modify the string.
void forEachTextField(Record& r, const std::function<void(const std::string& field, std::string& text)>& fn);
void forEachTextField(const Record& r, const std::function<void(const std::string& field, const std::string& text)>& fn);

}  // namespace tb
