// The error the Jinja engine raises internally (lexing, parsing, rendering). It never leaves the
// engine's public API: JinjaTemplate turns it into a tb::Error naming the template line and column.
#pragma once

#include <string>
#include <utility>

namespace tb::jinja {

struct JinjaError {
    std::string kind;     // Python's exception class name: TemplateSyntaxError, UndefinedError, TypeError, ...
    std::string message;  // without position
    int line = 0;         // 1-based; 0 while unknown (the evaluator fills in the node's position)
    int column = 0;
};

[[noreturn]] inline void raise(std::string kind, std::string message, int line = 0, int column = 0) {
    throw JinjaError{std::move(kind), std::move(message), line, column};
}
[[noreturn]] inline void typeError(std::string message) { raise("TypeError", std::move(message)); }

}  // namespace tb::jinja
