#include "core/data/row_view.h"

#include <algorithm>
#include <cctype>

namespace tb {

const char* fieldTypeName(FieldType type) {
    switch (type) {
    case FieldType::Missing: return "missing";
    case FieldType::String: return "string";
    case FieldType::Number: return "number";
    case FieldType::Bool: return "boolean";
    case FieldType::Null: return "null";
    case FieldType::Array: return "array";
    case FieldType::Object: return "object";
    }
    return "unknown";
}

std::string shareGptRole(std::string_view from) {
    std::string f(from);
    std::transform(f.begin(), f.end(), f.begin(), [](unsigned char c) { return std::tolower(c); });
    if (f == "human" || f == "user") return "user";
    if (f == "gpt" || f == "assistant" || f == "chatgpt" || f == "bot" || f == "model") return "assistant";
    if (f == "system") return "system";
    return {};
}

}  // namespace tb
