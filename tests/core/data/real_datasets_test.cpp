// The real datasets in ../shared/datasets import with the published counts and the right mapping:
// BANKING77 (CSV with multi-line quoted fields), SMS Spam (TSV without quoting), SST-2 (TSV), DialogSum (JSONL).
#include "core/data/dataset_import.h"
#include "core/data/quality_analyzer.h"
#include "test_files.h"

#include <gtest/gtest.h>

using namespace tb;
using tbtest::shared;

namespace {

struct Counted {
    int64_t records = 0, rejected = 0;
    std::map<std::string, int64_t> labels;
    ImportSummary summary;
    Record first;
};

Counted importCounting(const std::string& path, ImportOptions o = {}) {
    Counted c;
    auto s = importDataset(
        path, o,
        [&](Record&& r) {
            if (c.records++ == 0) c.first = r;
            ++c.labels[r.label];
            return true;
        },
        [&](const RejectedRecord& r) {
            ++c.rejected;
            ADD_FAILURE() << r.file << ":" << r.line << ": " << r.reason;
        });
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.message());
    if (s.ok()) c.summary = *s;
    return c;
}

#define SKIP_WITHOUT(path) \
    if (!tbtest::exists(path)) GTEST_SKIP() << "shared dataset not present: " << path

}  // namespace

TEST(RealDatasets, Banking77) {
    std::string train = shared("datasets/banking77/train.csv"), test = shared("datasets/banking77/test.csv");
    SKIP_WITHOUT(train);
    auto c = importCounting(train);
    EXPECT_EQ(c.records, 10003);
    EXPECT_EQ(c.rejected, 0);
    EXPECT_EQ(c.labels.size(), 77u);
    EXPECT_EQ(c.summary.detection.plan.promptKey, "text");
    EXPECT_EQ(c.summary.detection.plan.completionKey, "category");
    EXPECT_EQ(c.first.label, "card_arrival");
    auto t = importCounting(test);
    EXPECT_EQ(t.records, 3080);
    EXPECT_EQ(t.labels.size(), 77u);
    for (const auto& [label, n] : t.labels) EXPECT_EQ(n, 40) << label;
}

TEST(RealDatasets, SmsSpamTsvWithoutQuoting) {
    std::string path = shared("datasets/sms_spam/SMSSpamCollection.tsv");
    SKIP_WITHOUT(path);
    auto c = importCounting(path);
    EXPECT_EQ(c.summary.detection.csv.quoting, CsvQuoting::None);
    EXPECT_EQ(c.records, 4827 + 747);
    EXPECT_EQ(c.labels["ham"], 4827);
    EXPECT_EQ(c.labels["spam"], 747);
    EXPECT_EQ(c.summary.detection.plan.promptKey, "SMS");
}

TEST(RealDatasets, Sst2) {
    std::string train = shared("datasets/sst2/train.tsv"), dev = shared("datasets/sst2/dev.tsv");
    SKIP_WITHOUT(train);
    auto c = importCounting(train);
    EXPECT_EQ(c.records, 67349);
    EXPECT_EQ(c.labels.size(), 2u);
    auto d = importCounting(dev);
    EXPECT_EQ(d.records, 872);
}

TEST(RealDatasets, DialogSumJsonl) {
    std::string train = shared("datasets/dialogsum/dialogsum.train.jsonl");
    SKIP_WITHOUT(train);
    auto c = importCounting(train);
    EXPECT_EQ(c.records, 12460);
    EXPECT_EQ(c.summary.detection.plan.promptKey, "dialogue");
    EXPECT_EQ(c.summary.detection.plan.completionKey, "summary");
    EXPECT_NE(c.first.prompt.find("#Person1#:"), std::string::npos);
    EXPECT_NE(c.first.prompt.find('\n'), std::string::npos);
    EXPECT_EQ(importCounting(shared("datasets/dialogsum/dialogsum.dev.jsonl")).records, 500);
    // The test split has three references; map the first one explicitly.
    ImportOptions o;
    o.maps = {{"dialogue", "prompt"}, {"summary1", "completion"}};
    auto t = importCounting(shared("datasets/dialogsum/dialogsum.test.jsonl"), o);
    EXPECT_EQ(t.records, 500);
    EXPECT_FALSE(t.summary.detection.plan.detected);
}

TEST(RealDatasets, Banking77QualityReport) {
    std::string path = shared("datasets/banking77/test.csv");
    SKIP_WITHOUT(path);
    auto d = loadDataset(path, {});
    ASSERT_TRUE(d.ok());
    auto rep = analyzeRecords(d->records);
    EXPECT_TRUE(rep.classification);
    EXPECT_EQ(rep.labels.size(), 77u);
    EXPECT_FALSE(rep.imbalanced);
    EXPECT_TRUE(rep.tokensEstimated);
    EXPECT_EQ(rep.records, 3080);
}
