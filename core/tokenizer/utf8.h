// Small UTF-8 helpers shared by the tokenizer: sequence lengths, validation, lossy repair and
// code-point iteration. Not a Unicode database: categories come from PCRE2/utf8proc elsewhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tb::utf8 {

// Length of the UTF-8 sequence introduced by lead byte `b` (1 for ASCII and for stray bytes).
inline size_t sequenceLength(unsigned char b) {
    if (b < 0x80) return 1;
    if ((b & 0xE0) == 0xC0) return 2;
    if ((b & 0xF0) == 0xE0) return 3;
    if ((b & 0xF8) == 0xF0) return 4;
    return 1;
}

// Length of the valid UTF-8 sequence starting at s[pos], or 0 if the bytes there are not one
// (overlong forms, surrogates and code points above U+10FFFF are invalid). `incomplete` is set
// when the bytes are a valid prefix that is merely cut off by the end of `s`.
size_t validSequenceAt(std::string_view s, size_t pos, bool* incomplete = nullptr);

bool isValid(std::string_view s);

// At an invalid position, how many bytes one U+FFFD replaces (the maximal valid prefix, >= 1).
size_t invalidSpanAt(std::string_view s, size_t pos);

// Replaces every maximal invalid subsequence with U+FFFD (the Unicode "best practice" that
// Rust's String::from_utf8_lossy also follows). Valid input is returned unchanged.
std::string repairLossy(std::string_view s);

// Appends the UTF-8 encoding of code point `cp`.
void appendCodePoint(std::string& out, uint32_t cp);

// Decodes the code point at s[pos] (which must be valid UTF-8) and advances pos.
uint32_t decodeAt(std::string_view s, size_t& pos);

inline constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

}  // namespace tb::utf8
