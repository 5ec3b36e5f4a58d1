// Word-level LCS diff: hand-worked examples (identical, disjoint, substitution, insertion, deletion,
// repeated words, whitespace runs, empty sides) and the counts.
#include "core/eval/word_diff.h"

#include <gtest/gtest.h>

using namespace tb::eval;

namespace {

// "=a b" / "-c" / "+d" notation for a segment list, to compare against hand-written expectations.
std::string show(const std::vector<DiffSegment>& segments) {
    std::string out;
    for (const auto& s : segments) {
        if (!out.empty()) out += " | ";
        out += s.op == DiffOp::Equal ? '=' : s.op == DiffOp::Removed ? '-' : '+';
        out += s.text();
    }
    return out;
}

}  // namespace

TEST(WordDiff, SplitsOnAnyWhitespaceRun) {
    EXPECT_EQ(splitWords("  the\tcat \n\r sat  "), (std::vector<std::string>{"the", "cat", "sat"}));
    EXPECT_TRUE(splitWords("").empty());
    EXPECT_TRUE(splitWords(" \t\n").empty());
}

TEST(WordDiff, IdenticalTextsAreOneEqualSegment) {
    EXPECT_EQ(show(wordDiff("the cat sat", "the  cat\nsat")), "=the cat sat");
}

TEST(WordDiff, SubstitutionIsRemovedThenAdded) {
    // LCS of [the cat sat on the mat] and [the dog sat on the mat] is 5 words; "cat" -> "dog".
    EXPECT_EQ(show(wordDiff("the cat sat on the mat", "the dog sat on the mat")), "=the | -cat | +dog | =sat on the mat");
}

TEST(WordDiff, InsertionsAndDeletions) {
    EXPECT_EQ(show(wordDiff("a b c", "a x b c y")), "=a | +x | =b c | +y");
    EXPECT_EQ(show(wordDiff("a x b c y", "a b c")), "=a | -x | =b c | -y");
}

TEST(WordDiff, DisjointTextsAndEmptySides) {
    EXPECT_EQ(show(wordDiff("positive", "negative")), "-positive | +negative");
    EXPECT_EQ(show(wordDiff("", "new words")), "+new words");
    EXPECT_EQ(show(wordDiff("old words", "")), "-old words");
    EXPECT_TRUE(wordDiff("", "  ").empty());
}

TEST(WordDiff, RepeatedWordsMatchTheEarliestOldWord) {
    // Old [a a b], new [a b]: LCS 2; the first "a" of the old text is matched, the second removed.
    EXPECT_EQ(show(wordDiff("a a b", "a b")), "=a | -a | =b");
    // Old [b a c a], new [a b a c]: LCS 3 ("b a c"); "a" is added in front, the trailing "a" removed.
    EXPECT_EQ(show(wordDiff("b a c a", "a b a c")), "+a | =b a c | -a");
}

TEST(WordDiff, CountsWordsPerOp) {
    DiffCounts c = diffCounts(wordDiff("the cat sat on the mat", "the dog sat on a mat today"));
    // Equal: the, sat, on, mat (4); removed: cat, the (2); added: dog, a, today (3).
    EXPECT_EQ(c.equal, 4);
    EXPECT_EQ(c.removed, 2);
    EXPECT_EQ(c.added, 3);
}
