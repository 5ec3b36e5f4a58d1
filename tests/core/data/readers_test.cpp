// Readers and hostile fixtures: every bad row gives a clear per-record error with its line; good rows around
// it still import. Covers broken quotes, NUL bytes, a 10 MB line, Latin-1 bytes, deep nesting, wrong types,
// BOM + CRLF, UTF-16, bad chats, and the incremental CSV record parser.
#include "core/data/csv_reader.h"
#include "core/data/dataset_import.h"
#include "core/data/jsonl_reader.h"
#include "core/data/line_reader.h"
#include "core/data/utf8_check.h"
#include "test_files.h"

#include <gtest/gtest.h>

using namespace tb;
using tbtest::fixture;

namespace {

LoadedDataset load(const std::string& path, ImportOptions o = {}) {
    auto d = loadDataset(path, o);
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.message());
    return d.ok() ? std::move(*d) : LoadedDataset{};
}

bool hasReject(const LoadedDataset& d, int64_t line, const std::string& needle) {
    for (const auto& r : d.rejected)
        if (r.line == line && r.reason.find(needle) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST(CsvRecordParser, QuotesDelimitersAndLineBreaks) {
    CsvRecordParser p(',', true);
    EXPECT_EQ(p.feed(R"(a,"b,c","d ""e""",)"), CsvRecordParser::State::Complete);
    ASSERT_EQ(p.fields().size(), 4u);
    EXPECT_EQ(p.fields()[1], "b,c");
    EXPECT_EQ(p.fields()[2], "d \"e\"");
    EXPECT_EQ(p.fields()[3], "");
    p.reset();
    EXPECT_EQ(p.feed(R"(x,"first)"), CsvRecordParser::State::NeedMore);
    EXPECT_EQ(p.feed(R"(second",y)"), CsvRecordParser::State::Complete);
    EXPECT_EQ(p.fields()[1], "first\nsecond");
    p.reset();
    EXPECT_EQ(p.feed(R"("ab"c,d)"), CsvRecordParser::State::Error);
    EXPECT_NE(p.error().find("after a closing quote"), std::string::npos);
    CsvRecordParser plain('\t', false);
    EXPECT_EQ(plain.feed("\"quoted\" word\tx"), CsvRecordParser::State::Complete);
    EXPECT_EQ(plain.fields()[0], "\"quoted\" word");
}

TEST(Utf8Check, FindsFirstInvalidByte) {
    EXPECT_EQ(findInvalidUtf8("plain ascii"), kUtf8Valid);
    EXPECT_EQ(findInvalidUtf8("caf\xc3\xa9 \xe2\x82\xac"), kUtf8Valid);
    EXPECT_EQ(findInvalidUtf8("caf\xe9!"), 3u);
    EXPECT_EQ(findInvalidUtf8("ab\xc0\xaf"), 2u);        // overlong
    EXPECT_EQ(findInvalidUtf8("x\xed\xa0\x80"), 1u);     // surrogate
    EXPECT_EQ(findInvalidUtf8("truncated \xe2\x82"), 10u);
}

TEST(HostileFixtures, BrokenQuotes) {
    auto d = load(fixture("hostile/broken_quotes.csv"));
    ASSERT_EQ(d.records.size(), 3u);
    EXPECT_EQ(d.records[0].prompt, "fine, quoted");
    EXPECT_EQ(d.records[1].prompt, "plain");
    EXPECT_EQ(d.records[2].prompt, "multi\nline \"quoted\" field");
    EXPECT_EQ(d.records[2].sourceLine, 5);
    ASSERT_EQ(d.rejected.size(), 3u);
    EXPECT_TRUE(hasReject(d, 3, "after a closing quote"));
    EXPECT_TRUE(hasReject(d, 7, "3 fields, the header has 2"));
    EXPECT_TRUE(hasReject(d, 8, "never closed"));
    EXPECT_EQ(d.rejected[2].lastLine, 9);
}

TEST(HostileFixtures, NulBytes) {
    auto d = load(fixture("hostile/nul_bytes.jsonl"));
    EXPECT_EQ(d.records.size(), 2u);
    ASSERT_EQ(d.rejected.size(), 1u);
    EXPECT_EQ(d.rejected[0].line, 2);
    EXPECT_NE(d.rejected[0].reason.find("NUL byte at byte offset 48"), std::string::npos) << d.rejected[0].reason;
}

TEST(HostileFixtures, Latin1BytesReportOffset) {
    auto d = load(fixture("hostile/latin1.csv"));
    ASSERT_EQ(d.records.size(), 1u);
    EXPECT_EQ(d.records[0].prompt, "plain ascii");
    ASSERT_EQ(d.rejected.size(), 2u);
    EXPECT_TRUE(hasReject(d, 2, "invalid UTF-8 at byte offset 13 (0xEF)"));
    EXPECT_TRUE(hasReject(d, 4, "(0xC3)"));
}

TEST(HostileFixtures, DeepNestingRefused) {
    auto d = load(fixture("hostile/deep_nesting.jsonl"));
    EXPECT_EQ(d.records.size(), 2u);
    EXPECT_TRUE(hasReject(d, 2, "nested too deeply"));
}

TEST(HostileFixtures, WrongTypes) {
    auto d = load(fixture("hostile/wrong_types.jsonl"));
    ASSERT_EQ(d.records.size(), 2u);
    EXPECT_EQ(d.records[1].prompt, "ok again");
    ASSERT_EQ(d.rejected.size(), 6u);
    EXPECT_TRUE(hasReject(d, 2, "field 'prompt' must be a string, got number"));
    EXPECT_TRUE(hasReject(d, 3, "missing field 'completion'"));
    EXPECT_TRUE(hasReject(d, 4, "got array"));
    EXPECT_TRUE(hasReject(d, 5, "expected a JSON object, got array"));
    EXPECT_TRUE(hasReject(d, 6, "expected a JSON object, got string"));
    EXPECT_TRUE(hasReject(d, 7, "JSON"));
}

TEST(HostileFixtures, BomAndCrlf) {
    auto d = load(fixture("hostile/bom_crlf.csv"));
    ASSERT_EQ(d.records.size(), 2u);
    EXPECT_TRUE(d.summary.reader.bom);
    EXPECT_EQ(d.records[0].prompt, "hello");
    EXPECT_EQ(d.records[0].completion, "world");
    EXPECT_EQ(d.records[1].prompt, "a\nb");
}

TEST(HostileFixtures, Utf16Refused) {
    auto d = loadDataset(fixture("hostile/utf16.csv"), {});
    ASSERT_FALSE(d.ok());
    EXPECT_NE(d.message().find("UTF-16"), std::string::npos);
}

TEST(HostileFixtures, BadChats) {
    auto d = load(fixture("hostile/chat_bad.jsonl"));
    ASSERT_EQ(d.records.size(), 1u);
    EXPECT_EQ(d.records[0].messages.size(), 3u);
    EXPECT_TRUE(hasReject(d, 2, "unknown role 'wizard'"));
    EXPECT_TRUE(hasReject(d, 3, "no assistant turn"));
    EXPECT_TRUE(hasReject(d, 4, "content must be a string"));
    EXPECT_TRUE(hasReject(d, 5, "must be an array"));
}

TEST(HostileFixtures, TenMegabyteLineIsRejectedNotLoaded) {
    tbtest::TempDir dir;
    std::string path = dir.file("huge.jsonl");
    std::string big(10u << 20, 'x');
    tbtest::writeBytes(path, "{\"prompt\":\"a\",\"completion\":\"b\"}\n{\"prompt\":\"" + big +
                                 "\",\"completion\":\"c\"}\n{\"prompt\":\"d\",\"completion\":\"e\"}\n");
    auto d = load(path);
    ASSERT_EQ(d.records.size(), 2u);
    EXPECT_EQ(d.records[1].prompt, "d");
    EXPECT_TRUE(hasReject(d, 2, "over the limit of 4194304 bytes"));
    // The same in a CSV, where the long line is inside a record.
    std::string csv = dir.file("huge.csv");
    tbtest::writeBytes(csv, "text,label\nshort,a\n" + big + ",b\nafter,c\n");
    auto c = load(csv);
    ASSERT_EQ(c.records.size(), 2u);
    EXPECT_EQ(c.records[1].prompt, "after");
    EXPECT_TRUE(hasReject(c, 3, "over the limit"));
}

TEST(LineReader, LongLinesAcrossChunksAndNoFinalNewline) {
    tbtest::TempDir dir;
    std::string path = dir.file("lines.txt");
    std::string mid(3u << 20, 'm');
    tbtest::writeBytes(path, "one\r\n" + mid + "\nlast");
    auto r = LineReader::open(path, size_t(4) << 20);
    ASSERT_TRUE(r.ok());
    TextLine l;
    ASSERT_TRUE(*(*r)->next(l));
    EXPECT_EQ(l.text, "one");
    ASSERT_TRUE(*(*r)->next(l));
    EXPECT_EQ(l.text.size(), mid.size());
    EXPECT_EQ(l.offset, 5);
    ASSERT_TRUE(*(*r)->next(l));
    EXPECT_EQ(l.text, "last");
    EXPECT_EQ(l.number, 3);
    EXPECT_FALSE(*(*r)->next(l));
}

TEST(Import, MissingFileAndEmptyFile) {
    auto missing = loadDataset("/nonexistent/x.jsonl", {});
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.message().find("/nonexistent/x.jsonl"), std::string::npos);
    tbtest::TempDir dir;
    tbtest::writeBytes(dir.file("empty.jsonl"), "");
    auto empty = loadDataset(dir.file("empty.jsonl"), {});
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.message().find("no records"), std::string::npos);
}

TEST(Import, StreamingSinkCanStopEarly) {
    tbtest::TempDir dir;
    std::string s;
    for (int i = 0; i < 1000; ++i) s += "{\"text\":\"record " + std::to_string(i) + "\"}\n";
    tbtest::writeBytes(dir.file("t.jsonl"), s);
    int seen = 0;
    auto sum = importDataset(dir.file("t.jsonl"), {}, [&](Record&&) { return ++seen < 10; }, {});
    ASSERT_TRUE(sum.ok());
    EXPECT_EQ(seen, 10);
    EXPECT_TRUE(sum->reader.stoppedEarly);
}

TEST(Import, ProgressCancels) {
    tbtest::TempDir dir;
    std::string s;
    for (int i = 0; i < 200000; ++i) s += "{\"text\":\"record number " + std::to_string(i) + " with some padding text\"}\n";
    tbtest::writeBytes(dir.file("t.jsonl"), s);
    auto sum = importDataset(dir.file("t.jsonl"), {}, [](Record&&) { return true; }, {},
                             [](const Progress&) { return false; });
    ASSERT_FALSE(sum.ok());
    EXPECT_EQ(sum.error().kind, ErrorKind::Cancelled);
}
