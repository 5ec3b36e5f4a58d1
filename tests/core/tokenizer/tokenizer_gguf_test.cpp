// Conformance: every vocabulary in tokenizer-conformance/ (llama.cpp's golden ids) through the GGUF
// loader, the same byte-level vocabularies through the tokenizer.json loader (their tokenizer.json
// pre-tokenizers rebuilt from the GGUF vocab), and stories260K's 760 cases through its GGUF files.
#include "core/model/gguf_reader.h"
#include "core/tokenizer/byte_level.h"
#include "core/tokenizer/pre_tokenizer.h"
#include "core/tokenizer/streaming_decoder.h"
#include "core/tokenizer/tokenizer_loader.h"
#include "core/tokenizer/utf8.h"
#include "tokenizer_test_data.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <random>
#include <thread>

namespace tb {
namespace {

using nlohmann::json;

std::shared_ptr<const Tokenizer> loadGguf(const std::string& path) {
    auto file = GgufFile::open(path);
    EXPECT_TRUE(file.ok()) << path << ": " << (file.ok() ? "" : file.message());
    if (!file.ok()) return nullptr;
    auto tk = loadTokenizerFromGguf(**file);
    EXPECT_TRUE(tk.ok()) << path << ": " << (tk.ok() ? "" : tk.message());
    return tk.ok() ? *tk : nullptr;
}

// Cached per vocabulary: loading the 100k-token DeepSeek vocabulary takes a moment.
std::shared_ptr<const Tokenizer> conformanceTokenizer(const std::string& name) {
    static std::map<std::string, std::shared_ptr<const Tokenizer>> cache;
    auto& slot = cache[name];
    if (!slot) slot = loadGguf(test::conformanceDir() + "/ggml-vocab-" + name + ".gguf");
    return slot;
}

struct Tally {
    int encoded = 0, decoded = 0, total = 0;
};

Tally runCases(const Tokenizer& tk, const std::vector<test::TokenCase>& cases, bool addSpecial, const std::string& label) {
    Tally t;
    for (const auto& c : cases) {
        ++t.total;
        const auto ids = tk.encode(c.text, addSpecial);
        if (ids == c.ids) ++t.encoded;
        else ADD_FAILURE() << label << ": encode mismatch for '" << c.text << "'";
        const std::string back = tk.decode(c.ids, /*skipSpecial=*/true);
        if (back == c.text) ++t.decoded;
        else ADD_FAILURE() << label << ": decode of '" << c.text << "' gave '" << back << "'";
    }
    std::cout << "[ figures  ] " << label << ": " << t.encoded << "/" << t.total << " encode, " << t.decoded << "/"
              << t.total << " decode\n";
    return t;
}

class GgufConformance : public ::testing::TestWithParam<std::string> {};

TEST_P(GgufConformance, ExactIdsAndRoundTrip) {
    const std::string name = GetParam();
    const auto cases = test::readConformanceCases(test::conformanceDir() + "/ggml-vocab-" + name + ".gguf");
    ASSERT_GE(cases.size(), 40u);
    auto tk = conformanceTokenizer(name);
    ASSERT_TRUE(tk);
    const Tally t = runCases(*tk, cases, false, "GGUF " + name);
    EXPECT_EQ(t.encoded, t.total);
    EXPECT_EQ(t.decoded, t.total);
}

INSTANTIATE_TEST_SUITE_P(Vocabularies, GgufConformance,
                         ::testing::Values("llama-spm", "gpt-2", "starcoder", "deepseek-llm"),
                         [](const auto& info) {
                             std::string n = info.param;
                             for (char& ch : n)
                                 if (ch == '-') ch = '_';
                             return n;
                         });

// The pre_tokenizer sections of these models' Hugging Face tokenizer.json files.
json hfPreTokenizer(const std::string& name) {
    const json byteLevelRegex = {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", true}, {"use_regex", true}};
    if (name == "gpt-2") return byteLevelRegex;
    if (name == "starcoder")
        return {{"type", "Sequence"},
                {"pretokenizers", json::array({{{"type", "Digits"}, {"individual_digits", true}}, byteLevelRegex})}};
    // deepseek-llm: a Sequence of Isolated regex splits, then ByteLevel without its own regex.
    json steps = json::array();
    const auto patterns = splitPatternsForGgufPre("deepseek-llm");
    for (const auto& p : *patterns)
        steps.push_back({{"type", "Split"}, {"pattern", {{"Regex", p}}}, {"behavior", "Isolated"}, {"invert", false}});
    steps.push_back({{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", true}, {"use_regex", false}});
    return {{"type", "Sequence"}, {"pretokenizers", steps}};
}

// A tokenizer.json carrying the GGUF vocabulary, merges and added tokens.
std::string tokenizerJsonFromGguf(const std::string& name) {
    auto file = GgufFile::open(test::conformanceDir() + "/ggml-vocab-" + name + ".gguf");
    EXPECT_TRUE(file.ok());
    const auto tokens = *(*file)->getStringArray("tokenizer.ggml.tokens");
    const auto types = *(*file)->getIntArray("tokenizer.ggml.token_type");
    const auto merges = *(*file)->getStringArray("tokenizer.ggml.merges");
    json vocab = json::object();
    json added = json::array();
    for (size_t id = 0; id < tokens.size(); ++id) {
        if (types[id] == 3 || types[id] == 4) {
            added.push_back({{"id", id}, {"content", tokens[id]}, {"single_word", false}, {"lstrip", false},
                             {"rstrip", false}, {"normalized", types[id] == 4}, {"special", types[id] == 3}});
        } else {
            vocab[tokens[id]] = id;
        }
    }
    json doc = {{"version", "1.0"},
                {"added_tokens", added},
                {"normalizer", nullptr},
                {"pre_tokenizer", hfPreTokenizer(name)},
                {"decoder", {{"type", "ByteLevel"}, {"add_prefix_space", true}, {"trim_offsets", true}, {"use_regex", true}}},
                {"model", {{"type", "BPE"}, {"vocab", vocab}, {"merges", merges}, {"byte_fallback", false}}}};
    return doc.dump();
}

class HfByteLevelConformance : public ::testing::TestWithParam<std::string> {};

TEST_P(HfByteLevelConformance, TokenizerJsonPathGivesTheSameIds) {
    const std::string name = GetParam();
    const auto cases = test::readConformanceCases(test::conformanceDir() + "/ggml-vocab-" + name + ".gguf");
    auto spec = parseTokenizerJson(tokenizerJsonFromGguf(name), "", "", name + " tokenizer.json");
    ASSERT_TRUE(spec.ok()) << spec.message();
    auto tk = Tokenizer::build(std::move(*spec));
    ASSERT_TRUE(tk.ok()) << tk.message();
    EXPECT_EQ((*tk)->kind(), TokenizerModelKind::ByteLevelBpe);
    const Tally t = runCases(**tk, cases, false, "tokenizer.json " + name);
    EXPECT_EQ(t.encoded, t.total);
}

INSTANTIATE_TEST_SUITE_P(Vocabularies, HfByteLevelConformance, ::testing::Values("gpt-2", "starcoder", "deepseek-llm"),
                         [](const auto& info) {
                             std::string n = info.param;
                             for (char& ch : n)
                                 if (ch == '-') ch = '_';
                             return n;
                         });

TEST(GgufStories, All760CasesThroughBothGgufFiles) {
    const auto cases = test::readStoriesCases();
    ASSERT_EQ(cases.size(), 760u);
    for (const char* file : {"stories260K-f32.gguf", "stories260K-q8_0.gguf"}) {
        auto tk = loadGguf(test::storiesDir() + "/" + file);
        ASSERT_TRUE(tk);
        EXPECT_TRUE(tk->addBosByDefault());
        EXPECT_EQ(tk->bosId(), 1);
        const Tally t = runCases(*tk, cases, true, std::string("stories260K ") + file);
        EXPECT_EQ(t.encoded, 760);
        EXPECT_EQ(t.decoded, 760);
        // The README's special-token pitfall, llama.cpp side.
        EXPECT_EQ(tk->encode("<s>", true, false), (std::vector<int>{1, 416, 63, 425, 65}));
        EXPECT_EQ(tk->encode("<s>", true, true), (std::vector<int>{1, 1}));
    }
}

TEST(GgufSpecials, AddedTokensAndIds) {
    auto gpt2 = conformanceTokenizer("gpt-2");
    ASSERT_TRUE(gpt2);
    EXPECT_EQ(gpt2->eosIds(), std::vector<int>{50256});
    EXPECT_EQ(gpt2->eosToken(), "<|endoftext|>");
    EXPECT_FALSE(gpt2->addBosByDefault());
    EXPECT_EQ(gpt2->encode("a<|endoftext|>", false, true), (std::vector<int>{64, 50256}));
    EXPECT_NE(gpt2->encode("a<|endoftext|>", false, false).size(), 2u);
    EXPECT_EQ(gpt2->decode({64, 50256}, true), "a");
    EXPECT_EQ(gpt2->decode({64, 50256}, false), "a<|endoftext|>");
    EXPECT_EQ(gpt2->tokenText(220), "\xC4\xA0");  // "Ġ", the space
    auto deepseek = conformanceTokenizer("deepseek-llm");
    ASSERT_TRUE(deepseek);
    EXPECT_EQ(deepseek->bosId(), 100000);
    EXPECT_EQ(deepseek->padId(), 100001);
    EXPECT_EQ(gpt2->padId(), -1);
    EXPECT_TRUE(deepseek->addBosByDefault());
    EXPECT_EQ(deepseek->encode("Hi", true).front(), 100000);
}

TEST(GgufStreaming, EmojiSplitAcrossByteLevelTokens) {
    auto tk = conformanceTokenizer("gpt-2");
    ASSERT_TRUE(tk);
    const std::string text = "llama 🦙 and 日本語 text";
    const auto ids = tk->encode(text, false);
    StreamingDecoder dec(tk);
    std::string streamed;
    bool heldBack = false;
    for (int id : ids) {
        const std::string piece = dec.push(id);
        ASSERT_TRUE(utf8::isValid(piece));
        heldBack = heldBack || dec.pendingBytes() > 0;
        streamed += piece;
    }
    streamed += dec.flush();
    EXPECT_TRUE(heldBack);
    EXPECT_EQ(streamed, text);
}

TEST(GgufThreads, SeveralThreadsShareOneByteLevelTokenizer) {
    auto tk = conformanceTokenizer("gpt-2");
    ASSERT_TRUE(tk);
    const auto cases = test::readConformanceCases(test::conformanceDir() + "/ggml-vocab-gpt-2.gguf");
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int round = 0; round < 20; ++round)
                for (const auto& c : cases)
                    if (tk->encode(c.text, false) != c.ids || tk->decode(c.ids) != c.text) ++mismatches;
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(mismatches.load(), 0);
}

TEST(GgufErrors, WrongModelAndMissingKeys) {
    auto r = loadTokenizer("/nonexistent.gguf");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("/nonexistent.gguf"), std::string::npos);
    auto folder = loadTokenizer(test::storiesDir() + "/hf");
    ASSERT_TRUE(folder.ok()) << folder.message();
    auto gguf = loadTokenizer(test::storiesDir() + "/stories260K-f32.gguf");
    ASSERT_TRUE(gguf.ok()) << gguf.message();
    EXPECT_EQ((*gguf)->vocabSize(), 512);
}


std::string fixture(const char* name) { return std::string(TUNEBENCH_SOURCE_DIR) + "/tests/data/tokenizer/" + name; }

TEST(GgufFixtures, TinyByteLevelVocabEndToEnd) {
    auto tk = loadGguf(fixture("tiny_gpt2.gguf"));
    ASSERT_TRUE(tk);
    EXPECT_EQ(tk->vocabSize(), 260);
    EXPECT_EQ(tk->encode(" the", false), std::vector<int>{258});
    EXPECT_EQ(tk->encode("the", false), (std::vector<int>{'t', 257}));
    EXPECT_EQ(tk->encode("<|eot|>", false, true), std::vector<int>{259});
    EXPECT_EQ(tk->eosIds(), std::vector<int>{259});
    EXPECT_FALSE(tk->addBosByDefault());
    EXPECT_NE(tk->chatTemplate().find("messages"), std::string::npos);
    EXPECT_EQ(tk->decode(tk->encode("x the\n\tthe", false)), "x the\n\tthe");
}

TEST(GgufFixtures, HostileFilesAreRefusedWithReasons) {
    struct Case {
        const char* file;
        const char* expect;
    };
    for (const Case& c : {Case{"unsupported_model.gguf", "'bert'"}, Case{"unknown_pre.gguf", "no-such-pre"},
                          Case{"merge_unknown.gguf", "merge 1"}, Case{"scores_mismatch.gguf", "3 scores for 5 tokens"}}) {
        auto file = GgufFile::open(fixture(c.file));
        ASSERT_TRUE(file.ok()) << c.file << ": " << file.message();
        auto tk = loadTokenizerFromGguf(**file);
        ASSERT_FALSE(tk.ok()) << c.file;
        EXPECT_EQ(tk.error().kind, ErrorKind::Input);
        EXPECT_NE(tk.message().find(c.expect), std::string::npos) << c.file << ": " << tk.message();
    }
}

// Random valid UTF-8 (ASCII, Latin, CJK, emoji, controls; never U+2581 which SentencePiece spells
// as a space) must decode back exactly after encoding.
std::string randomText(std::mt19937& rng) {
    static const uint32_t ranges[][2] = {{0x20, 0x7E}, {0x09, 0x0D}, {0xA0, 0x24F}, {0x391, 0x3C9}, {0x410, 0x44F},
                                         {0x4E00, 0x4FFF}, {0xAC00, 0xAC40}, {0x1F600, 0x1F64F}, {0x1F980, 0x1F9A0}};
    std::string out;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
        const auto& r = ranges[rng() % (sizeof(ranges) / sizeof(ranges[0]))];
        utf8::appendCodePoint(out, r[0] + static_cast<uint32_t>(rng() % (r[1] - r[0] + 1)));
    }
    return out;
}

TEST(GgufProperties, RandomTextRoundTripsAndRandomBytesNeverCrash) {
    for (const char* name : {"llama-spm", "gpt-2", "deepseek-llm"}) {
        auto tk = conformanceTokenizer(name);
        ASSERT_TRUE(tk);
        std::mt19937 rng(1234);
        for (int i = 0; i < 300; ++i) {
            const std::string text = randomText(rng);
            ASSERT_EQ(tk->decode(tk->encode(text, false)), text) << name;
            std::string bytes(rng() % 24, '\0');
            for (char& b : bytes) b = static_cast<char>(rng());
            const std::string back = tk->decode(tk->encode(bytes, true, true));
            ASSERT_TRUE(utf8::isValid(back)) << name;
        }
    }
}

}  // namespace
}  // namespace tb
