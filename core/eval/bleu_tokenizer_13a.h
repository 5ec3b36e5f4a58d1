// sacreBLEU's default "13a" tokenizer (mteval-v13a as used by WMT), reproduced exactly: drop "<skipped>",
// join "-\n", newlines to spaces, unescape &quot; &amp; &lt; &gt;, then the four regexp passes of
// TokenizerRegexp and Python's str.split() whitespace collapsing. Not the "intl", "zh" or "char" tokenizers.
#pragma once

#include <string>
#include <string_view>

namespace tb::eval {

// Returns the tokenized line, tokens separated by single spaces (as sacreBLEU returns it).
std::string tokenize13a(std::string_view line);

}  // namespace tb::eval
