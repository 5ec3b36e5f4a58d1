// Stored comparisons: save both prediction sets and the manifest, list them newest first, reopen one and
// get the same comparison again; a broken manifest is refused naming the file and the field.
#include "core/eval/comparison_store.h"

#include "core/common/atomic_file.h"
#include "tests/core/eval/golden_data.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

using namespace tb::eval;
using tb::eval::testing::evalDataPath;
namespace fs = std::filesystem;

TEST(ComparisonStore, SaveListAndReloadGiveTheSameComparison) {
    fs::path evalDir = fs::temp_directory_path() / ("tb_cmpstore_" + std::to_string(::getpid()));
    fs::remove_all(evalDir);
    auto a = readPredictionsFile(evalDataPath("predictions_cls_base.jsonl"));
    auto b = readPredictionsFile(evalDataPath("predictions_cls_tuned.jsonl"));
    ASSERT_TRUE(a.ok() && b.ok());
    ComparisonSource source;
    source.modelA = "demo/base";
    source.modelB = "demo/base";
    source.adapterB = "runs/r1/adapter";
    source.data = "test.jsonl";
    source.score.task = EvalTask::Classification;
    source.score.labels = {"positive", "negative", "neutral"};
    source.createdAt = "2026-11-21T10:00:00Z";
    auto result = comparePredictions(*a, *b, source.score);
    ASSERT_TRUE(result.ok());
    auto first = saveComparison(evalDir.string(), source, *a, *b, *result);
    ASSERT_TRUE(first.ok()) << first.message();
    EXPECT_EQ(fs::path(*first).filename(), "2026-11-21T10-00-00Z");
    auto second = saveComparison(evalDir.string(), source, *a, *b, *result);
    ASSERT_TRUE(second.ok()) << second.message();
    EXPECT_EQ(fs::path(*second).filename(), "2026-11-21T10-00-00Z-2") << "same second: a counter, no overwrite";

    auto list = listComparisons(evalDir.string());
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, "2026-11-21T10-00-00Z-2");
    EXPECT_EQ(list[1].adapterB, "runs/r1/adapter");
    EXPECT_EQ(list[1].examples, 8);
    EXPECT_EQ(list[1].regressions, 1);
    EXPECT_EQ(list[1].fixes, 4);

    auto loaded = loadComparison(*first);
    ASSERT_TRUE(loaded.ok()) << loaded.message();
    EXPECT_EQ(loaded->source.score.labels, source.score.labels);
    EXPECT_EQ(loaded->source.score.task, EvalTask::Classification);
    // Re-scored from the stored copies: everything equal except where the predictions now live.
    nlohmann::json got = loaded->result.toJson(), want = result->toJson();
    EXPECT_EQ(got["a"]["predictions_file"], *first + "/predictions_a.jsonl");
    for (auto* j : {&got, &want})
        for (const char* side : {"a", "b"}) (*j)[side].erase("predictions_file");
    EXPECT_EQ(got, want);

    // A manifest with a wrong field is refused, naming the file and the field; listing skips it.
    ASSERT_TRUE(tb::writeFileAtomically(*second + "/comparison.json", R"({"model_a":"m","model_b":"m","task":"poetry"})").ok());
    auto bad = loadComparison(*second);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("comparison.json"), std::string::npos) << bad.message();
    EXPECT_NE(bad.message().find("poetry"), std::string::npos) << bad.message();
    EXPECT_EQ(listComparisons(evalDir.string()).size(), 1u);
    fs::remove_all(evalDir);
}
