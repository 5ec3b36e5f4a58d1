// The public face of Tunebench's Jinja engine: parse a template once, render it with variables.
// Renders what Python's jinja2 ImmutableSandboxedEnvironment renders (see tests/data/chat/ fixtures);
// errors come back as tb::Result with the template line and column. Not chat-specific (chat_template.h).
#pragma once

#include "core/chat/jinja_filters.h"
#include "core/chat/jinja_lexer.h"
#include "core/common/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <ctime>
#include <memory>
#include <optional>
#include <string>

namespace tb::jinja {

struct Stmt;

struct RenderOptions {
    TojsonStyle tojson = TojsonStyle::HuggingFace;
    size_t maxOutputBytes = 16u << 20;  // rendering stops with an error beyond this much output
    int64_t maxSteps = 2'000'000;       // loop iterations + macro calls, against runaway loops
    int maxCallDepth = 64;              // macro recursion
    std::optional<std::tm> now;         // the clock strftime_now() reads; local time when unset
};

class JinjaTemplate {
public:
    // Parse errors: "line L, column C: TemplateSyntaxError: <reason>".
    static Result<JinjaTemplate> parse(const std::string& source, const LexerOptions& options = {});
    // variables: a JSON object whose members become template variables (JSON null → none).
    // Runtime errors (incl. raise_exception): "line L, column C: <PythonErrorName>: <reason>".
    // Use ordered_json to keep member order (it shows in tojson and when printing dicts).
    Result<std::string> render(const nlohmann::ordered_json& variables, const RenderOptions& options = {}) const;
    Result<std::string> render(const nlohmann::json& variables, const RenderOptions& options = {}) const;

private:
    std::shared_ptr<const std::vector<std::shared_ptr<const Stmt>>> m_body;
};

}  // namespace tb::jinja
