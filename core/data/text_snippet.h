// Short previews of text for reports: UTF-8-safe truncation and a snippet around a hit with the hit masked.
// Not a formatter for whole records.
#pragma once

#include <string>
#include <string_view>

namespace tb {

// At most maxBytes bytes, cut on a character boundary; "…" appended when cut. Newlines shown as "⏎".
std::string utf8Prefix(std::string_view text, size_t maxBytes);
// Up to `context` bytes either side of [begin, end), with the range replaced by `mask`.
std::string maskedSnippet(std::string_view text, size_t begin, size_t end, const std::string& mask, size_t context);
// Cuts at a character boundary at or before pos.
size_t utf8Boundary(std::string_view text, size_t pos);

}  // namespace tb
