#include "core/eval/eval_score_file.h"
#include "tests/core/eval/golden_data.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace tb::eval;
using tb::eval::testing::evalDataPath;

namespace {
std::string writeTemp(const std::string& name, const std::string& text) {
    std::string path = (std::filesystem::temp_directory_path() / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}
}  // namespace

TEST(EvalScoreFile, UnusableFilesNameFileAndLine) {
    auto missing = scorePredictionsFile("/nonexistent/p.jsonl", {});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, tb::ErrorKind::Input);

    std::string allBad = writeTemp("tb_eval_allbad.jsonl", "\n{\"reference\": \"a\"}\nnot json\n");
    auto bad = scorePredictionsFile(allBad, {});
    std::filesystem::remove(allBad);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("tb_eval_allbad.jsonl:2: missing field 'prediction'"), std::string::npos)
        << bad.message();
    EXPECT_NE(bad.message().find("1 more bad lines"), std::string::npos);

    std::string empty = writeTemp("tb_eval_empty.jsonl", "\n\n");
    auto none = scorePredictionsFile(empty, {});
    std::filesystem::remove(empty);
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.message().find("no predictions"), std::string::npos);
}

TEST(EvalScoreFile, UsableFileWithBadLinesReportsThem) {
    auto report = scorePredictionsFile(evalDataPath("predictions_garbage.jsonl"), {});
    ASSERT_TRUE(report.ok()) << report.message();
    EXPECT_EQ(report->count, 3);
    EXPECT_EQ(report->errors.size(), 11u);
    nlohmann::json j = report->toJson();
    EXPECT_EQ(j["errors"].size(), 11u);
    EXPECT_EQ(j["errors"][0]["line"], 2);
    std::string text = reportSummaryText(*report);
    EXPECT_NE(text.find("BLEU"), std::string::npos);
    EXPECT_NE(text.find("predictions_garbage.jsonl:2:"), std::string::npos);
}

TEST(EvalScoreFile, SplitLabelList) {
    EXPECT_EQ(splitLabelList(" a, b ,,c "), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_TRUE(splitLabelList("").empty());
}
