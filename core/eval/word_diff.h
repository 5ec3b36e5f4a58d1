// Word-level diff of two texts (longest common subsequence over whitespace-separated words), for the
// Compare page's highlighting and the HTML export: which words of output A are gone in B and which are
// new. Not a character diff and not a metric (ROUGE-L uses its own LCS length).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tb::eval {

enum class DiffOp { Equal, Removed, Added };  // Removed: only in the old text; Added: only in the new one

struct DiffSegment {
    DiffOp op = DiffOp::Equal;
    std::vector<std::string> words;  // consecutive words with the same op, in order
    std::string text() const;        // the words joined by single spaces
};

// Splits on ASCII whitespace (space, tab, CR, LF, VT, FF); runs of whitespace separate words.
std::vector<std::string> splitWords(std::string_view text);

// Segments that turn `oldText` into `newText`: Equal words are an LCS of both word lists; at each
// change Removed comes before Added. Adjacent segments never share an op. Ties between equally long
// common subsequences prefer matching earlier words of the old text.
std::vector<DiffSegment> wordDiff(std::string_view oldText, std::string_view newText);

// Words of the old and new text that are in no Equal segment.
struct DiffCounts {
    long long equal = 0, removed = 0, added = 0;
};
DiffCounts diffCounts(const std::vector<DiffSegment>& segments);

}  // namespace tb::eval
