// Dataset versions: content addressing, immutability (same content = same version; tampering detected),
// parents, name validation, resolving references, and record-level diffs.
#include "core/data/dataset_version.h"
#include "core/data/splitter.h"
#include "core/data/version_diff.h"
#include "test_files.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace tb;
namespace fs = std::filesystem;

namespace {

std::string makeSplit(const tbtest::TempDir& dir, const std::string& name, const std::string& csv) {
    tbtest::writeBytes(dir.file(name + ".csv"), csv);
    auto r = splitFile(dir.file(name + ".csv"), dir.file(name), {}, SplitOptions{});
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.message());
    return dir.file(name);
}

std::string baseCsv() {
    std::string csv = "id,text,category\n";
    for (int i = 0; i < 50; ++i) csv += std::to_string(i) + ",ticket text number " + std::to_string(i) + " about things,C" + std::to_string(i % 3) + "\n";
    return csv;
}

}  // namespace

TEST(DatasetVersion, NameValidation) {
    EXPECT_TRUE(validateDatasetName("support-tickets_v2.1").ok());
    EXPECT_FALSE(validateDatasetName("").ok());
    EXPECT_FALSE(validateDatasetName("..").ok());
    EXPECT_FALSE(validateDatasetName("../escape").ok());
    EXPECT_FALSE(validateDatasetName("a/b").ok());
    EXPECT_FALSE(validateDatasetName(".hidden").ok());
    EXPECT_FALSE(validateDatasetName("tab\there").ok());
    EXPECT_FALSE(validateDatasetName(std::string(65, 'a')).ok());
}

TEST(DatasetVersion, CreateIsContentAddressedAndImmutable) {
    tbtest::TempDir dir;
    std::string datasets = dir.file("ws/datasets");
    std::string split = makeSplit(dir, "s1", baseCsv());
    auto v = createDatasetVersion(datasets, split, {"tickets", "first cut", ""});
    ASSERT_TRUE(v.ok()) << v.message();
    EXPECT_EQ(v->version.size(), 64u);
    EXPECT_TRUE(v->parent.empty());
    EXPECT_EQ(v->counts["train"] + v->counts["validation"] + v->counts["test"], 50);
    EXPECT_TRUE(fs::exists(datasets + "/tickets/" + v->version + "/manifest.json"));
    EXPECT_TRUE(verifyDatasetVersion(v->dir).ok());
    auto m = readDatasetVersion(v->dir);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->description, "first cut");
    EXPECT_EQ(m->sources.size(), 1u);
    EXPECT_TRUE(m->split.is_object());
    // Same content again: the same version, untouched.
    auto again = createDatasetVersion(datasets, split, {"tickets", "other words", ""});
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->alreadyExisted);
    EXPECT_EQ(again->version, v->version);
    EXPECT_EQ(again->description, "first cut");
    // Files are read-only; if someone changes them anyway, verification names the file.
    auto perms = fs::status(v->dir + "/train.jsonl").permissions();
    EXPECT_EQ(perms & fs::perms::owner_write, fs::perms::none);
    fs::permissions(v->dir + "/train.jsonl", fs::perms::owner_write, fs::perm_options::add);
    fs::permissions(v->dir, fs::perms::owner_write, fs::perm_options::add);
    tbtest::writeBytes(v->dir + "/train.jsonl", "{\"prompt\":\"tampered\",\"completion\":\"x\"}\n");
    auto bad = verifyDatasetVersion(v->dir);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("train.jsonl"), std::string::npos);
    // Bad names never reach the file system.
    auto escape = createDatasetVersion(datasets, split, {"../../etc", "", ""});
    ASSERT_FALSE(escape.ok());
}

TEST(DatasetVersion, ParentResolveAndDiff) {
    tbtest::TempDir dir;
    std::string datasets = dir.file("ws/datasets");
    auto v1 = createDatasetVersion(datasets, makeSplit(dir, "s1", baseCsv()), {"tickets", "", ""});
    ASSERT_TRUE(v1.ok());
    // Version 2: record 3 changes its label, record 7 is removed, record 60 is added.
    std::string csv = "id,text,category\n";
    for (int i = 0; i < 50; ++i) {
        if (i == 7) continue;
        csv += std::to_string(i) + ",ticket text number " + std::to_string(i) + " about things," + (i == 3 ? "CHANGED" : "C" + std::to_string(i % 3)) + "\n";
    }
    csv += "60,a brand new ticket,C0\n";
    auto v2 = createDatasetVersion(datasets, makeSplit(dir, "s2", csv), {"tickets", "fixed labels", ""});
    ASSERT_TRUE(v2.ok()) << v2.message();
    EXPECT_EQ(v2->parent, v1->version);
    auto list = listDatasetVersions(datasets, "tickets");
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list->size(), 2u);
    auto latest = resolveDatasetVersion(datasets, "tickets");
    ASSERT_TRUE(latest.ok());
    auto byPrefix = resolveDatasetVersion(datasets, "tickets@" + v1->version.substr(0, 8));
    ASSERT_TRUE(byPrefix.ok());
    EXPECT_EQ(fs::path(*byPrefix).filename().string(), v1->version);
    EXPECT_FALSE(resolveDatasetVersion(datasets, "tickets@ffffffffffff").ok());
    EXPECT_FALSE(resolveDatasetVersion(datasets, "missing").ok());

    auto d = diffDatasetVersions(*byPrefix, v2->dir);
    ASSERT_TRUE(d.ok()) << d.message();
    EXPECT_EQ(d->added, 1);
    EXPECT_EQ(d->removed, 1);
    EXPECT_EQ(d->changed, 1);
    ASSERT_EQ(d->changedExamples.size(), 1u);
    EXPECT_EQ(d->changedExamples[0].id, "3");
    EXPECT_EQ(d->addedExamples[0].id, "60");
    EXPECT_EQ(d->removedExamples[0].id, "7");
    EXPECT_GE(d->unchanged + d->moved, 48);  // record 3 may also have moved split
    EXPECT_LE(d->unchanged + d->moved, 49);
}
