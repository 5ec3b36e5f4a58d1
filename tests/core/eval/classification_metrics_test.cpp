#include "core/eval/classification_metrics.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace tb::eval;

TEST(ClassificationMetrics, HandComputed) {
    // gold:      pos pos pos     neg neg neu
    // predicted: pos neg invalid neg pos neu
    std::vector<std::string> labels = {"pos", "neg", "neu"};
    std::vector<size_t> gold = {0, 0, 0, 1, 1, 2};
    std::vector<std::optional<size_t>> pred = {0, 1, std::nullopt, 1, 0, 2};
    ClassificationMetrics m = computeClassificationMetrics(labels, gold, pred);
    EXPECT_EQ(m.count, 6);
    EXPECT_EQ(m.correct, 3);
    EXPECT_DOUBLE_EQ(m.accuracy, 0.5);
    EXPECT_EQ(m.invalid, 1);
    EXPECT_DOUBLE_EQ(m.invalidRate, 1.0 / 6);
    // pos: P 1/2, R 1/3, F1 0.4; neg: P 1/2, R 1/2, F1 0.5; neu: 1, 1, 1.
    EXPECT_DOUBLE_EQ(m.perClass[0].precision, 0.5);
    EXPECT_DOUBLE_EQ(m.perClass[0].recall, 1.0 / 3);
    EXPECT_NEAR(m.perClass[0].f1, 0.4, 1e-15);
    EXPECT_EQ(m.perClass[0].support, 3);
    EXPECT_EQ(m.perClass[0].predicted, 2);
    EXPECT_DOUBLE_EQ(m.perClass[1].f1, 0.5);
    EXPECT_DOUBLE_EQ(m.perClass[2].f1, 1.0);
    EXPECT_NEAR(m.macroF1, (0.4 + 0.5 + 1.0) / 3, 1e-15);
    EXPECT_NEAR(m.weightedF1, (0.4 * 3 + 0.5 * 2 + 1.0 * 1) / 6, 1e-15);
    // Compared cell by cell: GCC 12.2 with -march=native (AVX-512 SLP vectorisation) miscompiles several
    // std::vector<long long>{...} temporaries inside one EXPECT_EQ-heavy function.
    static const long long expected[3][4] = {{1, 1, 0, 1}, {1, 1, 0, 0}, {0, 0, 1, 0}};
    ASSERT_EQ(m.confusion.size(), 3u);
    for (size_t g = 0; g < 3; ++g) {
        ASSERT_EQ(m.confusion[g].size(), 4u);
        for (size_t p = 0; p < 4; ++p) EXPECT_EQ(m.confusion[g][p], expected[g][p]) << "gold " << g << " predicted " << p;
    }
    nlohmann::json j = classificationMetricsToJson(m);
    EXPECT_EQ(j["per_class"].size(), 3u);
    EXPECT_EQ(j["confusion_matrix"]["columns"].back(), "(invalid)");
}

TEST(ClassificationMetrics, UnusedLabelsDoNotLowerMacroF1AndEmptyInputIsZero) {
    ClassificationMetrics m = computeClassificationMetrics({"a", "b", "unused"}, {0, 1}, {0, 1});
    EXPECT_DOUBLE_EQ(m.macroF1, 1.0);
    EXPECT_DOUBLE_EQ(m.weightedF1, 1.0);
    ClassificationMetrics e = computeClassificationMetrics({"a"}, {}, {});
    EXPECT_EQ(e.accuracy, 0.0);
    EXPECT_EQ(e.macroF1, 0.0);
    // A class only ever predicted (never gold) counts in the macro average with F1 0.
    ClassificationMetrics p = computeClassificationMetrics({"a", "b"}, {0, 0}, {0, 1});
    EXPECT_NEAR(p.macroF1, (2.0 / 3 + 0.0) / 2, 1e-15);
}
