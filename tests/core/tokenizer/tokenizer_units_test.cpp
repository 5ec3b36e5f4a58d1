// Unit tests of the tokenizer building blocks: UTF-8 repair, the byte-level alphabet, the merge
// loop (against a naive reference), split behaviours and added-token matching.
#include "core/tokenizer/added_tokens.h"
#include "core/tokenizer/bpe_merges.h"
#include "core/tokenizer/byte_level.h"
#include "core/tokenizer/pre_tokenizer.h"
#include "core/tokenizer/utf8.h"

#include <gtest/gtest.h>

#include <random>

namespace tb {
namespace {

TEST(Utf8, RepairKeepsValidTextAndReplacesMaximalInvalidPrefixes) {
    EXPECT_EQ(utf8::repairLossy("héllo 🦙"), "héllo 🦙");
    EXPECT_EQ(utf8::repairLossy("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
    // A cut-off 3-byte sequence counts as one replacement, then the next character survives.
    EXPECT_EQ(utf8::repairLossy("\xE6\x97" "x"), "\xEF\xBF\xBD" "x");
    // Surrogates (ED A0 80) are invalid: each byte is its own maximal invalid prefix.
    EXPECT_EQ(utf8::repairLossy("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    bool incomplete = false;
    EXPECT_EQ(utf8::validSequenceAt("\xF0\x9F\xA6", 0, &incomplete), 0u);
    EXPECT_TRUE(incomplete);
    EXPECT_EQ(utf8::validSequenceAt("\xF0\x9F\xA6\x99", 0, &incomplete), 4u);
}

TEST(ByteLevel, AllBytesRoundTripAndKnownSpellings) {
    EXPECT_EQ(byte_level::charForByte(' '), "\xC4\xA0");   // Ġ
    EXPECT_EQ(byte_level::charForByte('\n'), "\xC4\x8A");  // Ċ
    EXPECT_EQ(byte_level::charForByte('A'), "A");
    std::string all;
    for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
    auto back = byte_level::decode(byte_level::encode(all));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, all);
    EXPECT_FALSE(byte_level::decode("\xE2\x96\x81").has_value());  // '▁' is not in the alphabet
}

// Reference: repeatedly merge the lowest-ranked pair, leftmost on ties, by scanning.
std::vector<int32_t> naiveMerge(const MergeTable& t, std::vector<int32_t> s) {
    while (true) {
        int best = -1;
        const MergeRule* rule = nullptr;
        for (size_t i = 0; i + 1 < s.size(); ++i) {
            const MergeRule* r = t.find(s[i], s[i + 1]);
            if (r && (!rule || r->rank < rule->rank)) {
                rule = r;
                best = static_cast<int>(i);
            }
        }
        if (!rule) return s;
        s[best] = rule->result;
        s.erase(s.begin() + best + 1);
    }
}

TEST(BpeMerges, HeapLoopMatchesNaiveReferenceOnLongInputs) {
    // Alphabet 0..3; rules combine pairs into new ids with random ranks (including ties).
    std::mt19937 rng(7);
    MergeTable table;
    int next = 4;
    for (int a = 0; a < 12; ++a)
        for (int b = 0; b < 12; ++b)
            if (rng() % 3 == 0 && next < 40) table.add(a, b, static_cast<int32_t>(rng() % 10), next++);
    for (int trial = 0; trial < 200; ++trial) {
        std::vector<int32_t> s(5 + rng() % 60);
        for (auto& v : s) v = static_cast<int32_t>(rng() % 4);
        std::vector<int32_t> fast = s;
        applyMerges(table, fast);
        EXPECT_EQ(fast, naiveMerge(table, s)) << "trial " << trial;
    }
}

TEST(BpeMerges, TiesGoToTheLeftmostPair) {
    MergeTable t;
    t.add(1, 1, 0, 2);  // "aa" -> A
    std::vector<int32_t> s = {1, 1, 1};
    applyMerges(t, s);
    EXPECT_EQ(s, (std::vector<int32_t>{2, 1}));
}

std::vector<std::string> splitWith(const std::string& pattern, SplitBehavior b, const std::string& text, bool invert = false) {
    auto step = makeSplitStep(pattern, b, invert);
    EXPECT_TRUE(step.ok());
    return preTokenize({*step}, text, true);
}

TEST(PreTokenizer, SplitBehavioursMatchHuggingFaceDefinitions) {
    using V = std::vector<std::string>;
    EXPECT_EQ(splitWith("-", SplitBehavior::Removed, "the-final--countdown"), (V{"the", "final", "countdown"}));
    EXPECT_EQ(splitWith("-", SplitBehavior::Isolated, "the-final--countdown"),
              (V{"the", "-", "final", "-", "-", "countdown"}));
    EXPECT_EQ(splitWith("-", SplitBehavior::MergedWithPrevious, "the-final--countdown"),
              (V{"the-", "final-", "-", "countdown"}));
    EXPECT_EQ(splitWith("-", SplitBehavior::MergedWithNext, "the-final--countdown"),
              (V{"the", "-final", "-", "-countdown"}));
    EXPECT_EQ(splitWith("-", SplitBehavior::Contiguous, "the-final--countdown"), (V{"the", "-", "final", "--", "countdown"}));
}

TEST(PreTokenizer, Gpt2PatternUsesUnicodeClassesAndLookahead) {
    auto step = makeByteLevelStep(false, true);
    ASSERT_TRUE(step.ok());
    using V = std::vector<std::string>;
    EXPECT_EQ(preTokenize({*step}, "Hello  world's 123 日本!", true),
              (V{"Hello", " ", " world", "'s", " 123", " 日本", "!"}));
    EXPECT_EQ(preTokenize({*step}, "a   \n", true), (V{"a", "   \n"}));
}

TEST(PreTokenizer, UnknownGgufPreIsAnError) {
    auto r = splitPatternsForGgufPre("no-such-model");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("no-such-model"), std::string::npos);
    EXPECT_TRUE(splitPatternsForGgufPre("llama-bpe").ok());
    EXPECT_TRUE(splitPatternsForGgufPre("qwen2").ok());
    EXPECT_TRUE(splitPatternsForGgufPre("smollm").ok());
}

TEST(PreTokenizer, BadRegexReportsPatternAndOffset) {
    auto r = RegexSplitter::compile("(unclosed");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("(unclosed"), std::string::npos);
    EXPECT_NE(r.message().find("offset"), std::string::npos);
}

TEST(AddedTokens, LeftmostLongestAndSpecialOnlyWhenParsing) {
    AddedTokenMatcher m({{10, "<s>", true}, {11, "<s>x", false}, {12, "<|im_start|>", true}, {13, "ü", false}});
    auto segs = m.split("a<s>xb<s>c", true);
    ASSERT_EQ(segs.size(), 5u);
    EXPECT_EQ(segs[0].text, "a");
    EXPECT_EQ(segs[1].tokenId, 11);  // longest wins
    EXPECT_EQ(segs[2].text, "b");
    EXPECT_EQ(segs[3].tokenId, 10);
    EXPECT_EQ(segs[4].text, "c");
    auto plain = m.split("<|im_start|>Führer", false);  // special not parsed, user-defined always
    ASSERT_EQ(plain.size(), 3u);
    EXPECT_EQ(plain[0].text, "<|im_start|>F");
    EXPECT_EQ(plain[1].tokenId, 13);
    EXPECT_EQ(plain[2].text, "hrer");
}

TEST(AddedTokens, LstripRstripSwallowWhitespace) {
    AddedToken t{5, "<mask>", true, true, true};
    AddedTokenMatcher m({t});
    auto segs = m.split("a  <mask>  b", true);
    ASSERT_EQ(segs.size(), 3u);
    EXPECT_EQ(segs[0].text, "a");
    EXPECT_EQ(segs[1].tokenId, 5);
    EXPECT_EQ(segs[2].text, "b");
}

}  // namespace
}  // namespace tb
