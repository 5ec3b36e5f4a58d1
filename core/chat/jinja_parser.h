// The Jinja parser: tokens → syntax tree, mirroring jinja2/parser.py's grammar and precedence
// (condexpr < or < and < not < compare < +,- < ~ < *,/,//,% < ** < unary < postfix/filters/tests).
// Unknown tags, filters and tests are errors at parse time, as jinja2 reports them at compile time.
#pragma once

#include "core/chat/jinja_ast.h"
#include "core/chat/jinja_lexer.h"

#include <vector>

namespace tb::jinja {

constexpr int kMaxParseDepth = 200;  // nesting of expressions and blocks; deeper input is an error

// Throws JinjaError (TemplateSyntaxError/TemplateAssertionError) with line and column.
Body parseTemplate(const std::vector<Token>& tokens);

// Whether the filter/test exists (jinja_filters.cpp); the parser rejects unknown ones.
bool isKnownFilter(const std::string& name);
bool isKnownTest(const std::string& name);

}  // namespace tb::jinja
