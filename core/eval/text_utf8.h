// Small UTF-8 helpers the metrics need to match their Python reference definitions byte for byte:
// decoding to code points, Python's str.isspace() set, str.split() and str.rstrip(), ASCII lowering.
// Not a Unicode library: no normalisation forms, no full case mapping.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tb::eval {

// Decodes UTF-8; each malformed byte becomes U+FFFD (so garbage never stops a metric).
std::u32string decodeUtf8(std::string_view text);
void appendUtf8(std::string& out, char32_t cp);
std::string encodeUtf8(std::u32string_view text);

// The code points for which Python 3's str.isspace() is true.
bool isPythonWhitespace(char32_t cp);
// Python's str.split() with no argument: runs of whitespace separate, no empty pieces.
std::vector<std::string> splitPythonWhitespace(std::string_view text);
// Python's str.strip()/rstrip() with no argument.
std::string rstripPythonWhitespace(std::string_view text);
std::string stripPythonWhitespace(std::string_view text);

std::string toLowerAscii(std::string_view text);
// Lowercases ASCII letters and the Latin-1, Latin Extended-A, Greek and Cyrillic capitals that have a
// one-to-one lowercase form. Enough for label and answer normalisation; not Python's full str.lower().
std::string toLowerSimple(std::string_view text);

}  // namespace tb::eval
