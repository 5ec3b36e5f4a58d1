// Cleaning: whitespace normalisation, PII scrub/flag/off, filters, exact and near dedup, per-step previews.
#include "core/data/cleaner.h"
#include "core/data/text_normalize.h"
#include "test_files.h"

#include <gtest/gtest.h>

using namespace tb;

namespace {
Record pc(std::string p, std::string c, int64_t line) {
    Record r;
    r.prompt = std::move(p);
    r.completion = std::move(c);
    r.sourceLine = line;
    r.id = "id" + std::to_string(line);
    return r;
}
}  // namespace

TEST(TextNormalize, Whitespace) {
    EXPECT_EQ(normalizeWhitespace("  a \t b\r\n\r\n\r\n\r\nc  \n"), "a b\n\nc");
    EXPECT_EQ(normalizeWhitespace("zero\xE2\x80\x8Bwidth\xC2\xA0space"), "zerowidth space");
    EXPECT_EQ(normalizeWhitespace("Cafe\xCC\x81"), "Caf\xC3\xA9");  // NFC composes e + combining acute
}

TEST(Cleaner, ScrubDedupAndFilters) {
    std::vector<Record> rs = {
        pc("Email me at jo@example.com  please", "ACCOUNT", 1),
        pc("Email me at jo@example.com please", "ACCOUNT", 2),      // duplicate after whitespace + scrub
        pc("   ", "GENERAL", 3),                                     // empty prompt
        pc("My card 4111 1111 1111 1111 was charged twice this month, please refund the second charge", "BILLING", 4),
        pc("my card 4111 1111 1111 1111 was charged twice this month please refund the second charge!", "BILLING", 5),
        pc("The app crashes on start", "TECHNICAL", 6),
    };
    CleanOptions o;
    CleanReport rep;
    auto out = cleanRecords(rs, o, &rep);
    ASSERT_EQ(out.size(), 4u);  // exact dedup keeps the near-duplicate (#5)
    EXPECT_EQ(out[0].prompt, "Email me at [EMAIL] please");
    EXPECT_EQ(out[1].prompt.find("4111"), std::string::npos);
    EXPECT_EQ(rep.input, 6);
    EXPECT_EQ(rep.output, 4);
    ASSERT_EQ(rep.steps.size(), 4u);
    EXPECT_EQ(rep.steps[0].step, "whitespace");
    EXPECT_EQ(rep.steps[0].changed, 2);  // #1 and #3 (trimmed)
    EXPECT_EQ(rep.steps[1].counts["EMAIL"], 2);
    EXPECT_EQ(rep.steps[1].counts["CREDIT_CARD"], 2);
    EXPECT_FALSE(rep.steps[1].previews.empty());
    EXPECT_EQ(rep.steps[1].previews[0].before.find("jo@example.com"), std::string::npos);  // previews never leak PII
    EXPECT_EQ(rep.steps[2].removed, 1);
    EXPECT_EQ(rep.steps[3].removed, 1);
    EXPECT_EQ(rep.steps[3].previews[0].note, "duplicate of line 1");

    o.dedup = DedupMode::Near;
    auto near = cleanRecords(rs, o, &rep);
    EXPECT_EQ(near.size(), 3u);
    EXPECT_EQ(rep.steps[3].counts["near duplicate"], 1);
}

TEST(Cleaner, FlagModeLeavesTextAndOffDoesNothing) {
    std::vector<Record> rs = {pc("call (415) 555-0132", "X", 1)};
    CleanOptions o;
    o.pii = PiiMode::Flag;
    CleanReport rep;
    auto out = cleanRecords(rs, o, &rep);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].prompt, "call (415) 555-0132");
    EXPECT_EQ(rep.steps[1].changed, 1);
    EXPECT_EQ(rep.steps[1].counts["PHONE"], 1);
    o.pii = PiiMode::Off;
    out = cleanRecords(rs, o, &rep);
    EXPECT_EQ(rep.steps[1].changed, 0);
}

TEST(Cleaner, LengthAndLabelFilters) {
    std::vector<Record> rs = {pc("short", "A", 1), pc(std::string(200, 'x'), "A", 2), pc("medium length text", "B", 3)};
    CleanOptions o;
    o.minInputChars = 6;
    o.maxInputChars = 100;
    CleanReport rep;
    auto out = cleanRecords(rs, o, &rep);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].sourceLine, 3);
    EXPECT_EQ(rep.steps[2].counts["input too short"], 1);
    EXPECT_EQ(rep.steps[2].counts["input too long"], 1);
    CleanOptions l;
    l.requireLabels = {"A"};
    EXPECT_EQ(cleanRecords(rs, l).size(), 2u);
    CleanOptions t;
    t.maxTokens = 10;  // bytes/4 estimate: 200 bytes = 50 tokens
    EXPECT_EQ(cleanRecords(rs, t).size(), 2u);
}

TEST(Cleaner, CleanFileWritesJsonlAndProvenance) {
    tbtest::TempDir dir;
    tbtest::writeBytes(dir.file("in.csv"), "text,category\nhello  there,A\nhello there,A\nmail x@example.org,B\n");
    auto rep = cleanFile(dir.file("in.csv"), dir.file("out.jsonl"), {}, {});
    ASSERT_TRUE(rep.ok()) << rep.message();
    EXPECT_EQ(rep->output, 2);
    std::string out = tbtest::readBytes(dir.file("out.jsonl"));
    EXPECT_NE(out.find("\"prompt\":\"mail [EMAIL]\""), std::string::npos) << out;
    std::string prov = tbtest::readBytes(dir.file("out.jsonl.provenance.json"));
    EXPECT_NE(prov.find("\"sha256\""), std::string::npos);
    EXPECT_NE(prov.find("\"cleaning\""), std::string::npos);
}
