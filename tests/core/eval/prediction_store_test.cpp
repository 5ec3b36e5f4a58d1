#include "core/eval/prediction_store.h"
#include "tests/core/eval/golden_data.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <random>

using namespace tb::eval;
using tb::eval::testing::evalDataPath;

TEST(PredictionStore, GarbageFileGivesPerLineErrorsAndKeepsGoodLines) {
    auto set = readPredictionsFile(evalDataPath("predictions_garbage.jsonl"));
    ASSERT_TRUE(set.ok()) << set.message();
    ASSERT_EQ(set->records.size(), 3u);
    EXPECT_EQ(set->records[0].id, "ok-1");
    EXPECT_EQ(set->records[1].id, "7");             // integer ids become strings
    EXPECT_EQ(set->records[1].prediction, "");      // null prediction: the model said nothing
    EXPECT_EQ(set->records[1].line, 14);
    EXPECT_EQ(set->records[2].prediction, std::string("\0\x01 \xF0\x9F\x98\x80", 7));
    ASSERT_EQ(set->errors.size(), 11u);
    std::vector<std::pair<long long, std::string>> expected = {
        {2, "not valid JSON"}, {3, "expected a JSON object"}, {4, "missing field 'prediction'"},
        {5, "missing field 'reference'"}, {6, "references[1]"}, {7, "the list is empty"}, {8, "not both"},
        {9, "latency_ms"}, {10, "completion_tokens"}, {11, "duplicate id 'ok-1'"}, {12, "not valid JSON"}};
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(set->errors[i].line, expected[i].first);
        EXPECT_NE(set->errors[i].reason.find(expected[i].second), std::string::npos) << set->errors[i].reason;
        EXPECT_EQ(set->errors[i].file, evalDataPath("predictions_garbage.jsonl"));
    }
    EXPECT_NE(set->errors[0].message().find("predictions_garbage.jsonl:2: "), std::string::npos);
}

TEST(PredictionStore, InvalidUtf8IsALineErrorNotACrash) {
    auto set = readPredictionsFile(evalDataPath("predictions_invalid_utf8.jsonl"));
    ASSERT_TRUE(set.ok());
    EXPECT_EQ(set->records.size(), 1u);
    ASSERT_EQ(set->errors.size(), 1u);
    EXPECT_EQ(set->errors[0].line, 2);
}

TEST(PredictionStore, MissingFileIsAnError) {
    auto set = readPredictionsFile("/nonexistent/predictions.jsonl");
    ASSERT_FALSE(set.ok());
    EXPECT_NE(set.message().find("/nonexistent/predictions.jsonl"), std::string::npos);
}

TEST(PredictionStore, CrlfBomAndBlankLines) {
    std::string text = "\xEF\xBB\xBF{\"reference\":\"a\",\"prediction\":\"b\"}\r\n\r\n  \n{\"label\":\"x\",\"prediction\":\"x\"}";
    PredictionSet set = parsePredictionsJsonl(text, "mem.jsonl");
    ASSERT_EQ(set.records.size(), 2u);
    EXPECT_TRUE(set.errors.empty());
    EXPECT_EQ(set.records[0].id, "line-1");
    EXPECT_EQ(set.records[1].id, "line-4");
    EXPECT_EQ(set.records[1].goldLabel(), "x");
    EXPECT_EQ(set.records[1].references, std::vector<std::string>{"x"});
}

TEST(PredictionStore, WriteReadRoundTrip) {
    PredictionRecord r;
    r.id = "q1";
    r.prompt = "Say hi";
    r.references = {"hi", "hello"};
    r.label = "greeting";
    r.prediction = "hi there \xFF";  // invalid UTF-8 from a model is replaced, not fatal
    r.latencyMs = 12.5;
    r.promptTokens = 3;
    r.completionTokens = 2;
    r.model = {{"path", "m.gguf"}, {"adapter", "a1"}};
    std::string path = (std::filesystem::temp_directory_path() / "tb_eval_roundtrip.jsonl").string();
    ASSERT_TRUE(writePredictionsFile(path, {r}).ok());
    auto back = readPredictionsFile(path);
    std::filesystem::remove(path);
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(back->records.size(), 1u);
    const PredictionRecord& b = back->records[0];
    EXPECT_EQ(b.id, "q1");
    EXPECT_EQ(b.prompt, "Say hi");
    EXPECT_EQ(b.references, r.references);
    EXPECT_EQ(b.label, "greeting");
    EXPECT_EQ(b.prediction, "hi there \xEF\xBF\xBD");
    EXPECT_DOUBLE_EQ(b.latencyMs, 12.5);
    EXPECT_EQ(b.promptTokens, 3);
    EXPECT_EQ(b.completionTokens, 2);
    EXPECT_EQ(b.model["adapter"], "a1");
}

TEST(PredictionStore, RandomBytesNeverCrash) {
    std::mt19937 rng(1234);
    for (int round = 0; round < 300; ++round) {
        std::string text;
        int len = static_cast<int>(rng() % 400);
        for (int i = 0; i < len; ++i) {
            static const char pieces[] = "{}[]\":,\n \\u0abcdeprediction reference 1.5e9-\xFF\xC3";
            text.push_back(pieces[rng() % (sizeof(pieces) - 1)]);
        }
        PredictionSet set = parsePredictionsJsonl(text, "fuzz.jsonl");
        for (const auto& e : set.errors) EXPECT_GT(e.line, 0);
    }
}
