// UTF-8 helpers with Python str semantics for the Jinja engine: code point splitting, Python's
// str.isspace(), simple upper/lower case mapping (Latin, Greek, Cyrillic; not full Unicode casing).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tb::jinja::utf8 {

// Decodes UTF-8; invalid bytes become U+FFFD-free single code points equal to the byte (lossless
// round trip through encode()).
std::vector<char32_t> decode(const std::string& s);
std::string encode(const std::vector<char32_t>& cps);
void append(std::string& out, char32_t cp);
size_t length(const std::string& s);  // number of code points
bool isSpace(char32_t cp);            // Python str.isspace()
bool isAlpha(char32_t cp);            // letters with case, plus other letters roughly (>= 0xAA)
bool isDigit(char32_t cp);
char32_t toUpper(char32_t cp);
char32_t toLower(char32_t cp);
bool isPrintable(char32_t cp);        // Python str.isprintable() approximation for repr()

}  // namespace tb::jinja::utf8
