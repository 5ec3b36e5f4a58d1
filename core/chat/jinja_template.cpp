// JinjaTemplate: lexer + parser + evaluator behind a tb::Result API (see jinja_template.h).
#include "core/chat/jinja_template.h"
#include "core/chat/jinja_error.h"
#include "core/chat/jinja_evaluator.h"
#include "core/chat/jinja_json.h"
#include "core/chat/jinja_parser.h"

namespace tb::jinja {

namespace {
Error toError(const JinjaError& e) {
    std::string where = e.line > 0 ? "line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ": " : "";
    return inputError(where + e.kind + ": " + e.message);
}
}  // namespace

Result<JinjaTemplate> JinjaTemplate::parse(const std::string& source, const LexerOptions& options) {
    try {
        JinjaTemplate t;
        t.m_body = std::make_shared<const Body>(parseTemplate(tokenize(source, options)));
        return t;
    } catch (const JinjaError& e) {
        return toError(e);
    } catch (const std::bad_alloc&) {
        return inputError("TemplateSyntaxError: out of memory while parsing the template");
    }
}

Result<std::string> JinjaTemplate::render(const nlohmann::json& variables, const RenderOptions& options) const {
    return render(nlohmann::ordered_json(variables), options);
}

Result<std::string> JinjaTemplate::render(const nlohmann::ordered_json& variables, const RenderOptions& options) const {
    if (!m_body) return internalError("render() called on a template that was not parsed");
    if (!variables.is_object() && !variables.is_null()) return inputError("template variables must be a JSON object");
    try {
        std::vector<std::pair<std::string, Value>> vars;
        if (variables.is_object())
            for (auto it = variables.begin(); it != variables.end(); ++it) vars.emplace_back(it.key(), valueFromJson(it.value()));
        Renderer renderer(options, vars);
        return renderer.render(*m_body);
    } catch (const JinjaError& e) {
        return toError(e);
    } catch (const std::bad_alloc&) {
        return inputError("MemoryError: out of memory while rendering the template");
    }
}

}  // namespace tb::jinja
