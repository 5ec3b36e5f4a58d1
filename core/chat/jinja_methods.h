// Python methods that templates call on values: str (strip, split, startswith, format, ...), dict
// (items, keys, values, get) and list (index, count). Mutating methods exist only to refuse, as
// jinja2's ImmutableSandboxedEnvironment does. Not filters (jinja_filters.h).
#pragma once

#include "core/chat/jinja_value.h"

#include <optional>
#include <string>

namespace tb::jinja {

// The bound method `obj.name`, or nullopt when obj's type has no such method.
std::optional<Value> boundMethod(const Value& obj, const std::string& name);

// Shared helpers that filters use too.
std::string pyStrip(const std::string& s, const Value* chars, bool left, bool right);
ValueList pySplit(const std::string& s, const Value* sep, int64_t maxSplit);
std::string pyReplace(const std::string& s, const std::string& from, const std::string& to, int64_t count);
std::string pyUpper(const std::string& s);
std::string pyLower(const std::string& s);
std::string pyCapitalize(const std::string& s);
std::string pyTitle(const std::string& s);
// Python's `fmt % args` for %s %r %d %i %f %x %% (width, precision, %(name)s); args: a tuple, dict or value.
std::string pyPercentFormat(const std::string& fmt, const Value& args);

}  // namespace tb::jinja
