// tokenizer.json path: stories260K's SentencePiece-style BPE (760 golden cases), special-token
// behaviour, tokenizer_config.json fields and refusal of unsupported or malformed files.
#include "core/tokenizer/tokenizer_loader.h"
#include "tokenizer_test_data.h"

#include <gtest/gtest.h>

namespace tb {
namespace {

std::shared_ptr<const Tokenizer> storiesHf() {
    static auto tk = [] {
        auto r = loadTokenizerFromHfFolder(test::storiesDir() + "/hf");
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.message());
        return r.ok() ? *r : nullptr;
    }();
    return tk;
}

TEST(TokenizerJson, Stories260KAll760CasesAndRoundTrip) {
    auto tk = storiesHf();
    ASSERT_TRUE(tk);
    const auto cases = test::readStoriesCases();
    ASSERT_EQ(cases.size(), 760u);
    int passed = 0, decoded = 0;
    for (const auto& c : cases) {
        const auto ids = tk->encode(c.text, true);
        if (ids == c.ids) ++passed;
        else ADD_FAILURE() << "text '" << c.text << "'";
        if (tk->decode(c.ids, true) == c.text) ++decoded;
        else ADD_FAILURE() << "decode of '" << c.text << "' gave '" << tk->decode(c.ids, true) << "'";
    }
    std::cout << "[ figures  ] stories260K tokenizer.json: " << passed << "/760 encode, " << decoded << "/760 decode\n";
    EXPECT_EQ(passed, 760);
    EXPECT_EQ(decoded, 760);
}

TEST(TokenizerJson, StoriesConfigFields) {
    auto tk = storiesHf();
    ASSERT_TRUE(tk);
    EXPECT_EQ(tk->vocabSize(), 512);
    EXPECT_EQ(tk->bosId(), 1);
    EXPECT_EQ(tk->eosIds(), std::vector<int>{2});
    EXPECT_TRUE(tk->addBosByDefault());
    EXPECT_EQ(tk->bosToken(), "<s>");
    EXPECT_EQ(tk->eosToken(), "</s>");
    EXPECT_EQ(tk->tokenId("<0x41>"), 68);
    EXPECT_EQ(tk->tokenText(416), "\xE2\x96\x81");
    EXPECT_FALSE(tk->tokenId("no such piece").has_value());
    EXPECT_EQ(tk->encode("", false), std::vector<int>{});
    EXPECT_EQ(tk->encode("", true), std::vector<int>{1});
}

TEST(TokenizerJson, SpecialTokenTextFollowsParseSpecial) {
    auto tk = storiesHf();
    ASSERT_TRUE(tk);
    // README pitfall: plain text unless parsing specials; then HF's behaviour, with the '▁' prefix
    // restarting after the special token.
    EXPECT_EQ(tk->encode("<s>", true, false), (std::vector<int>{1, 416, 63, 425, 65}));
    EXPECT_EQ(tk->encode("<s>", true, true), (std::vector<int>{1, 1}));
    EXPECT_EQ(tk->encode("a<s>b", true, true), (std::vector<int>{1, 261, 1, 269}));
    EXPECT_EQ(tk->decode({1, 261, 1, 269}, true), "a b");  // both ▁ prefixes are text
    EXPECT_EQ(tk->decode({1, 261}, false), "<s> a");
}

TEST(TokenizerJson, InvalidUtf8IsRepairedNotFatal) {
    auto tk = storiesHf();
    ASSERT_TRUE(tk);
    const auto ids = tk->encode("a\xFF" "b", false);
    EXPECT_EQ(tk->decode(ids), "a\xEF\xBF\xBD" "b");
}

TEST(TokenizerJson, RefusesUnsupportedModelTypes) {
    for (const char* type : {"Unigram", "WordPiece", "WordLevel"}) {
        const std::string json = std::string(R"({"model": {"type": ")") + type + R"(", "vocab": {}}})";
        auto r = parseTokenizerJson(json, "", "", "tok.json");
        ASSERT_FALSE(r.ok());
        EXPECT_NE(r.message().find(type), std::string::npos) << r.message();
        EXPECT_NE(r.message().find("tok.json"), std::string::npos) << r.message();
    }
}

TEST(TokenizerJson, HostileFixturesGiveErrorsNamingTheProblem) {
    const std::string dir = std::string(TUNEBENCH_SOURCE_DIR) + "/tests/data/tokenizer/";
    struct Case {
        const char* file;
        const char* expect;
    };
    for (const Case& c : {Case{"truncated.json", "not valid JSON"}, Case{"merge_out_of_vocab.json", "merge 1"},
                          Case{"bad_regex.json", "pre_tokenizer[0]"}, Case{"unknown_normalizer.json", "Precompiled"},
                          Case{"added_token_bad_id.json", "added_tokens[0]"}}) {
        auto r = parseTokenizerJson(test::readFileText(dir + c.file), "", "", c.file);
        Result<std::shared_ptr<const Tokenizer>> built = r.ok() ? Tokenizer::build(std::move(*r)) : Result<std::shared_ptr<const Tokenizer>>(r.error());
        ASSERT_FALSE(built.ok()) << c.file;
        EXPECT_NE(built.message().find(c.expect), std::string::npos) << c.file << ": " << built.message();
    }
}

TEST(TokenizerJson, MissingFolderOrFileIsAnInputError) {
    auto r = loadTokenizerFromHfFolder("/nonexistent/folder");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Input);
    EXPECT_NE(r.message().find("tokenizer.json"), std::string::npos);
}

}  // namespace
}  // namespace tb
