// Jinja's built-in filters ({{ x | trim }}) and tests ({% if x is defined %}) with jinja2's semantics.
// tojson follows either Hugging Face's override (what transformers renders chat templates with) or
// jinja2's own htmlsafe version. Not methods on values (jinja_methods.h).
#pragma once

#include "core/chat/jinja_value.h"

#include <string>

namespace tb::jinja {

enum class TojsonStyle {
    HuggingFace,  // json.dumps(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False)
    Jinja2,       // jinja2's htmlsafe_json_dumps: sort_keys=True, ensure_ascii=True, <>&' escaped
};

Value applyFilter(const std::string& name, const Value& subject, CallArgs& args, TojsonStyle style);
bool applyTest(const std::string& name, const Value& subject, CallArgs& args);

}  // namespace tb::jinja
