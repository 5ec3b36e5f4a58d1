// StreamingDecoder (characters split across byte-fallback tokens come out whole) and concurrent
// use of one Tokenizer from several threads.
#include "core/tokenizer/streaming_decoder.h"
#include "core/tokenizer/tokenizer_loader.h"
#include "core/tokenizer/utf8.h"
#include "tokenizer_test_data.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace tb {
namespace {

std::shared_ptr<const Tokenizer> storiesHf() {
    auto r = loadTokenizerFromHfFolder(test::storiesDir() + "/hf");
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.message());
    return r.ok() ? *r : nullptr;
}

TEST(StreamingDecoder, MultiByteCharactersSplitAcrossByteFallbackTokens) {
    auto tk = storiesHf();
    ASSERT_TRUE(tk);
    const std::string text = "héllo 日本 🦙";
    const auto ids = tk->encode(text, true);
    // 日, 本 and 🦙 are not pieces: they arrive as 3 + 3 + 4 byte tokens.
    EXPECT_EQ(ids, (std::vector<int>{1, 271, 198, 172, 309, 420, 416, 233, 154, 168, 233, 159, 175, 416, 243, 162, 169, 156}));
    StreamingDecoder dec(tk, /*skipSpecial=*/true);
    std::string streamed;
    bool heldBack = false;
    for (int id : ids) {
        const std::string piece = dec.push(id);
        EXPECT_TRUE(utf8::isValid(piece)) << "id " << id;
        if (dec.pendingBytes() > 0) heldBack = true;
        streamed += piece;
    }
    streamed += dec.flush();
    EXPECT_TRUE(heldBack);
    EXPECT_EQ(streamed, text);  // the dummy-prefix space is gone as in decode()
    EXPECT_EQ(streamed, tk->decode(ids, true));
}

TEST(StreamingDecoder, EveryPrefixOfEveryCaseIsValidAndConcatenatesToDecode) {
    auto tk = storiesHf();
    ASSERT_TRUE(tk);
    int checked = 0;
    for (const auto& c : test::readStoriesCases()) {
        StreamingDecoder dec(tk, true);
        std::string streamed;
        for (int id : c.ids) {
            const std::string piece = dec.push(id);
            ASSERT_TRUE(utf8::isValid(piece));
            streamed += piece;
        }
        streamed += dec.flush();
        ASSERT_EQ(streamed, tk->decode(c.ids, true)) << c.text;
        ++checked;
    }
    EXPECT_EQ(checked, 760);
}

TEST(StreamingDecoder, CutOffCharacterBecomesReplacementOnFlushAndResetRestarts) {
    auto tk = storiesHf();
    ASSERT_TRUE(tk);
    StreamingDecoder dec(tk, true);
    EXPECT_EQ(dec.push(243), "");  // <0xF0>: first byte of a 4-byte character
    EXPECT_EQ(dec.push(162), "");  // <0x9F>
    EXPECT_EQ(dec.pendingBytes(), 2u);
    EXPECT_EQ(dec.push(261), "\xEF\xBF\xBD a");  // broken character, then " a"
    EXPECT_EQ(dec.flush(), "");
    dec.reset();
    EXPECT_EQ(dec.push(261), "a");  // dummy prefix stripped again after reset
    EXPECT_EQ(dec.push(243), "");
    EXPECT_EQ(dec.flush(), "\xEF\xBF\xBD");
}

TEST(TokenizerThreads, ConcurrentEncodeDecodeGivesTheSameResults) {
    auto tk = storiesHf();
    ASSERT_TRUE(tk);
    const auto cases = test::readStoriesCases();
    std::atomic<int> mismatches{0};
    std::atomic<int> done{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 3; ++round) {
                for (size_t i = static_cast<size_t>(t); i < cases.size() + t; ++i) {
                    const auto& c = cases[i % cases.size()];
                    if (tk->encode(c.text, true) != c.ids) ++mismatches;
                    if (tk->decode(c.ids, true) != c.text) ++mismatches;
                    ++done;
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(mismatches.load(), 0);
    EXPECT_EQ(done.load(), 4 * 3 * 760);
}

}  // namespace
}  // namespace tb
