// The GPT-2 "byte-level" alphabet: each of the 256 byte values is shown as one printable Unicode
// character (space -> 'Ġ', newline -> 'Ċ', ...). Vocabularies of byte-level BPE models store their
// pieces in this alphabet. This file only maps between the two; it does not tokenize.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tb::byte_level {

// The UTF-8 text of the character that stands for byte `b`.
const std::string& charForByte(unsigned char b);

// Converts raw bytes to their byte-level spelling.
std::string encode(std::string_view bytes);

// Converts a byte-level spelling back to raw bytes; nullopt if it holds a character outside the
// 256-character alphabet (e.g. an added token stored verbatim).
std::optional<std::string> decode(std::string_view text);

}  // namespace tb::byte_level
