// JSON in and out of the Jinja engine: nlohmann::json → Value (as Python's json.loads builds it) and
// Value → text exactly as Python's json.dumps writes it (for the tojson filter). Not a JSON parser.
#pragma once

#include "core/chat/jinja_value.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace tb::jinja {

// Object member order is kept with ordered_json (Python dicts keep insertion order; tojson shows it).
Value valueFromJson(const nlohmann::json& j);
Value valueFromJson(const nlohmann::ordered_json& j);

struct JsonDumpOptions {
    bool ensureAscii = false;        // json.dumps(ensure_ascii=...)
    std::optional<int> indent;       // json.dumps(indent=...)
    std::string itemSeparator;       // empty: Python's default (", " or "," with indent)
    std::string keySeparator = ": ";
    bool sortKeys = false;
    bool htmlSafe = false;           // jinja2's htmlsafe_json_dumps: < > & ' as \u003c ...
};
// Throws JinjaError(TypeError) for values JSON cannot hold (Undefined, callables, namespaces).
std::string dumpJson(const Value& v, const JsonDumpOptions& options);

}  // namespace tb::jinja
