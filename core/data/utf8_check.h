// UTF-8 validation for imported text: a fast SIMD check (simdjson) and, on failure, the exact offset of
// the first invalid byte so rejections can point at it. Not a transcoder: Latin-1 etc. are refused, not fixed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tb {

inline constexpr size_t kUtf8Valid = static_cast<size_t>(-1);

// Offset of the first byte that starts an invalid or truncated UTF-8 sequence, or kUtf8Valid.
size_t findInvalidUtf8(std::string_view text);

// "invalid UTF-8 at byte offset N (0xE9)" where N = baseOffset + the offset inside text.
std::string describeInvalidUtf8(std::string_view text, size_t offsetInText, long long baseOffset);

}  // namespace tb
