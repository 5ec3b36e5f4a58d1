// Splitting: ratios, determinism per seed, stratification by label, duplicates kept together, no leakage.
#include "core/data/leakage_check.h"
#include "core/data/record_text.h"
#include "core/data/splitter.h"
#include "test_files.h"

#include <gtest/gtest.h>

#include <map>

using namespace tb;

namespace {

// 1000 distinct tickets: 900 of label A, 100 of label B; plus 20 exact and 20 near duplicates.
std::vector<Record> dataset() {
    const char* words[] = {"invoice", "refund", "login", "crash", "parcel", "password", "upgrade", "discount",
                           "address", "battery", "screen", "delivery", "receipt", "account", "printer", "router"};
    std::vector<Record> rs;
    for (int i = 0; i < 1000; ++i) {
        Record r;
        r.prompt = "ticket " + std::to_string(i) + " " + words[i % 16] + " " + words[(i / 16) % 16] + " " +
                   words[(i / 256) % 16] + " case " + std::to_string(i * 7919 % 1000);
        r.completion = i % 10 == 0 ? "B" : "A";
        r.sourceLine = i + 1;
        r.id = "r" + std::to_string(i);
        rs.push_back(r);
    }
    for (int i = 0; i < 20; ++i) {
        Record dup = rs[i * 37];
        dup.id += "-dup";
        rs.push_back(dup);
        Record near;
        near.prompt = "I have been waiting for my refund number " + std::to_string(i) +
                      " for three weeks now and nobody answers my emails about it";
        near.completion = "A";
        near.id = "n" + std::to_string(i);
        Record near2 = near;
        near2.prompt += " at all";
        near2.id += "b";
        rs.push_back(near);
        rs.push_back(near2);
    }
    return rs;
}

}  // namespace

TEST(Splitter, RatiosAndDeterminism) {
    auto a = dataset();
    SplitOptions o;
    o.validation = 0.1;
    o.test = 0.2;
    o.seed = 7;
    auto r = splitRecords(a, o);
    ASSERT_TRUE(r.ok()) << r.message();
    int64_t n = static_cast<int64_t>(a.size());
    EXPECT_EQ(r->counts[0] + r->counts[1] + r->counts[2], n);
    EXPECT_NEAR(r->counts[1], n * 0.1, 3);
    EXPECT_NEAR(r->counts[2], n * 0.2, 3);
    auto b = dataset();
    ASSERT_TRUE(splitRecords(b, o).ok());
    for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].split, b[i].split);
    auto c = dataset();
    o.seed = 8;
    ASSERT_TRUE(splitRecords(c, o).ok());
    int differ = 0;
    for (size_t i = 0; i < a.size(); ++i) differ += a[i].split != c[i].split;
    EXPECT_GT(differ, 100);
}

TEST(Splitter, StratifiedKeepsLabelShares) {
    auto rs = dataset();
    SplitOptions o;
    o.stratify = true;
    o.seed = 3;
    auto r = splitRecords(rs, o);
    ASSERT_TRUE(r.ok());
    const auto& b = r->perLabel.at("B");
    EXPECT_EQ(b[0] + b[1] + b[2], 102);  // 100 originals + 2 exact duplicates of multiples of 10
    EXPECT_NEAR(b[1], 10, 1);
    EXPECT_NEAR(b[2], 10, 1);
    const auto& a = r->perLabel.at("A");
    EXPECT_NEAR(a[1], (a[0] + a[1] + a[2]) * 0.1, 3);
}

TEST(Splitter, DuplicatesStayTogetherAndNoLeakage) {
    auto rs = dataset();
    SplitOptions o;
    o.validation = 0.2;
    o.test = 0.2;
    auto r = splitRecords(rs, o);
    ASSERT_TRUE(r.ok());
    std::map<std::string, std::string> splitOf;
    for (const auto& x : rs) splitOf[x.id] = x.split;
    for (int i = 0; i < 20; ++i) {
        EXPECT_EQ(splitOf["r" + std::to_string(i * 37)], splitOf["r" + std::to_string(i * 37) + "-dup"]);
        EXPECT_EQ(splitOf["n" + std::to_string(i)], splitOf["n" + std::to_string(i) + "b"]);
    }
    EXPECT_GE(r->groups, 21);  // 20 exact pairs + the near-duplicate texts (which also resemble each other)
    EXPECT_GE(r->groupedRecords, 80);
    EXPECT_EQ(r->leakage.exactLeaks, 0);
    EXPECT_EQ(r->leakage.nearLeaks, 0);
    // Without grouping, with many duplicates, leakage shows up and the check finds it.
    auto ungrouped = dataset();
    o.groupDuplicates = false;
    o.validation = 0.4;
    o.test = 0.4;
    auto u = splitRecords(ungrouped, o);
    ASSERT_TRUE(u.ok());
    EXPECT_GT(u->leakage.exactLeaks + u->leakage.nearLeaks, 0);
}

TEST(Splitter, BadRatiosRejected) {
    auto rs = dataset();
    SplitOptions o;
    o.validation = 0.6;
    o.test = 0.5;
    auto r = splitRecords(rs, o);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("--val"), std::string::npos);
}

TEST(Splitter, SplitFileWritesThreeFiles) {
    tbtest::TempDir dir;
    std::string csv = "text,category\n";
    for (int i = 0; i < 200; ++i) csv += "message number " + std::to_string(i) + " about topic " + std::to_string(i % 7) + "," + (i % 2 ? "X" : "Y") + "\n";
    tbtest::writeBytes(dir.file("in.csv"), csv);
    SplitOptions o;
    o.stratify = true;
    auto r = splitFile(dir.file("in.csv"), dir.file("out"), {}, o);
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r->counts[0] + r->counts[1] + r->counts[2], 200);
    auto lines = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
    EXPECT_EQ(lines(tbtest::readBytes(dir.file("out/train.jsonl"))), r->counts[0]);
    EXPECT_EQ(lines(tbtest::readBytes(dir.file("out/validation.jsonl"))), r->counts[1]);
    EXPECT_EQ(lines(tbtest::readBytes(dir.file("out/test.jsonl"))), r->counts[2]);
    EXPECT_NE(tbtest::readBytes(dir.file("out/provenance.json")).find("\"stratify\": true"), std::string::npos);
}
