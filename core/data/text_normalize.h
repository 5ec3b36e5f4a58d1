// Whitespace and Unicode normalisation for cleaning: CRLF -> LF, runs of spaces/tabs -> one space, no
// trailing spaces on lines, at most one blank line in a row, trimmed ends, zero-width characters removed,
// Unicode NFC (utf8proc). Not a tokenizer pre-normaliser: case and punctuation are kept.
#pragma once

#include <string>
#include <string_view>

namespace tb {

std::string normalizeWhitespace(std::string_view text, bool unicodeNfc = true);

}  // namespace tb
