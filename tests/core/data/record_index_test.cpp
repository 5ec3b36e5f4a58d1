// RecordIndex (random access by line offsets) and per-record flags: positions, lines, splits, blank lines,
// BOM, unreadable lines, and flag counts that agree with the quality report on the demo tickets.
#include "core/data/cleaner.h"
#include "core/data/dataset_import.h"
#include "core/data/quality_analyzer.h"
#include "core/data/record_flags.h"
#include "core/data/record_index.h"
#include "core/data/record_json.h"
#include "tests/core/data/test_files.h"

#include <gtest/gtest.h>

using tbtest::TempDir;
using tbtest::writeBytes;

TEST(RecordIndex, ReadsRecordsByPositionAcrossSplits) {
    TempDir dir;
    writeBytes(dir.file("train.jsonl"), "\xEF\xBB\xBF{\"id\":\"a\",\"prompt\":\"one\",\"completion\":\"X\"}\n\n  \n"
                                        "{\"id\":\"b\",\"prompt\":\"two\",\"completion\":\"Y\"}\r\n");
    writeBytes(dir.file("test.jsonl"), "{\"id\":\"c\",\"prompt\":\"three\",\"completion\":\"X\"}\nnot json\n");
    auto index = tb::RecordIndex::buildForVersion(dir.path());  // validation.jsonl missing: empty
    ASSERT_TRUE(index.ok()) << index.message();
    const auto& ix = **index;
    ASSERT_EQ(ix.size(), 4);
    auto r0 = ix.record(0);
    ASSERT_TRUE(r0.ok()) << r0.message();
    EXPECT_EQ(r0->id, "a");
    EXPECT_EQ(r0->prompt, "one");
    EXPECT_EQ(r0->split, "train");
    EXPECT_EQ(r0->sourceLine, 1);
    auto r1 = ix.record(1);
    ASSERT_TRUE(r1.ok()) << r1.message();
    EXPECT_EQ(r1->completion, "Y");
    EXPECT_EQ(r1->sourceLine, 4);
    auto r2 = ix.record(2);
    ASSERT_TRUE(r2.ok()) << r2.message();
    EXPECT_EQ(r2->split, "test");
    EXPECT_EQ(r2->prompt, "three");
    auto bad = ix.record(3);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("test.jsonl:2"), std::string::npos) << bad.message();
    EXPECT_FALSE(ix.record(4).ok());

    auto flags = tb::computeRecordFlags(ix, {});
    ASSERT_TRUE(flags.ok()) << flags.message();
    EXPECT_EQ(flags->unreadable, 1);
    EXPECT_EQ(flags->labels.size(), 3u);  // "", X, Y
}

TEST(RecordFlags, AgreeWithTheQualityReportOnTheDemoTickets) {
    const std::string demo = std::string(TUNEBENCH_SOURCE_DIR) + "/resources/demo/support_tickets.jsonl";
    TempDir dir;
    // The index reads canonical JSONL as the pipeline writes it, so write the demo through the writer.
    auto loaded = tb::loadDataset(demo, {});
    ASSERT_TRUE(loaded.ok()) << loaded.message();
    ASSERT_TRUE(tb::writeRecordsJsonl(dir.file("train.jsonl"), loaded->records).ok());
    auto index = tb::RecordIndex::buildForVersion(dir.path());
    ASSERT_TRUE(index.ok()) << index.message();
    ASSERT_EQ((*index)->size(), int64_t(loaded->records.size()));

    tb::QualityReport report = tb::analyzeRecords(loaded->records, {});
    auto flags = tb::computeRecordFlags(**index, {});
    ASSERT_TRUE(flags.ok()) << flags.message();
    EXPECT_GT(report.exactDuplicateRecords, 0);
    EXPECT_EQ(flags->exactDuplicates, report.exactDuplicateRecords);
    EXPECT_EQ(flags->nearDuplicates, report.nearDuplicateRecords);
    EXPECT_GT(flags->withPii, 0);
    EXPECT_EQ(flags->withPii, report.recordsWithPii);
    EXPECT_EQ(flags->overLength, report.overLength);
    for (const auto& [label, count] : report.labels) {
        auto it = std::find(flags->labels.begin(), flags->labels.end(), label);
        ASSERT_NE(it, flags->labels.end()) << label;
        EXPECT_EQ(flags->labelCounts[size_t(it - flags->labels.begin())], count) << label;
    }
}
