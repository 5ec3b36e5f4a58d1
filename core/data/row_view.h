// A read-only view of one source row (a JSON object or a CSV/TSV row with its header), so that format
// detection and field mapping work the same way for every file kind. Not a record: see record_mapping.h.
#pragma once

#include "core/common/result.h"
#include "core/data/record.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tb {

enum class FieldType { Missing, String, Number, Bool, Null, Array, Object };
const char* fieldTypeName(FieldType type);

class RowView {
public:
    virtual ~RowView() = default;
    virtual std::vector<std::string> keys() const = 0;
    virtual FieldType type(std::string_view key) const = 0;
    // The field's text: strings as is, numbers and booleans in their JSON spelling; nullopt otherwise.
    virtual std::optional<std::string> scalar(std::string_view key) const = 0;
    // A chat: an array of objects with role/content (or ShareGPT's from/value). Errors name the element.
    virtual Result<std::vector<ChatMessage>> messages(std::string_view key, bool shareGpt) const = 0;
};

// Maps ShareGPT speaker names to chat roles: human/user -> user, gpt/assistant/chatgpt/bot/model -> assistant,
// system -> system. Empty for anything else.
std::string shareGptRole(std::string_view from);

}  // namespace tb
