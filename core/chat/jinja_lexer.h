// The Jinja lexer: splits template source into data and tag tokens exactly as jinja2's Lexer does,
// including `-`/`+` whitespace control, trim_blocks, lstrip_blocks, comments, {% raw %} and the
// removal of one trailing newline. Not the parser (jinja_parser.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tb::jinja {

enum class TokenType { Data, VariableBegin, VariableEnd, BlockBegin, BlockEnd, Name, String, Integer, Float, Operator, Eof };

struct Token {
    TokenType type = TokenType::Eof;
    std::string value;     // data text, name, decoded string literal or operator
    int64_t intValue = 0;
    double floatValue = 0.0;
    int line = 1;
    int column = 1;
};

struct LexerOptions {
    bool trimBlocks = true;          // remove the first newline after a block tag (Hugging Face: true)
    bool lstripBlocks = true;        // strip spaces before a block tag at line start (Hugging Face: true)
    bool keepTrailingNewline = false;
};

// Throws JinjaError (TemplateSyntaxError) with the line and column of the problem.
std::vector<Token> tokenize(const std::string& source, const LexerOptions& options);

}  // namespace tb::jinja
