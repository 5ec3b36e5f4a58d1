#include "core/eval/cost_metrics.h"
#include "tests/core/eval/golden_data.h"

#include <gtest/gtest.h>

using namespace tb::eval;

TEST(CostMetrics, PercentilesMatchNumpy) {
    nlohmann::json golden = tb::eval::testing::loadGolden("percentile_golden.json");
    ASSERT_GE(golden["cases"].size(), 4u);
    for (const auto& c : golden["cases"]) {
        std::vector<double> v = c["values"].get<std::vector<double>>();
        EXPECT_NEAR(percentileLinear(v, 50), c["p50"].get<double>(), 1e-12);
        EXPECT_NEAR(percentileLinear(v, 95), c["p95"].get<double>(), 1e-12);
        EXPECT_NEAR(percentileLinear(v, 0), c["p0"].get<double>(), 1e-12);
        EXPECT_NEAR(percentileLinear(v, 100), c["p100"].get<double>(), 1e-12);
    }
    EXPECT_EQ(percentileLinear({}, 50), 0.0);
}

TEST(CostMetrics, HandComputed) {
    // Latencies 100, 200, 300 ms (one unknown); completion tokens 10, 20, 30 (+ one unknown).
    CostMetrics m = computeCostMetrics({100, 200, -1, 300}, {5, 5, 5, -1}, {10, 20, 7, -1});
    EXPECT_EQ(m.latencyCount, 3);
    EXPECT_DOUBLE_EQ(m.latencyMeanMs, 200);
    EXPECT_DOUBLE_EQ(m.latencyP50Ms, 200);
    EXPECT_DOUBLE_EQ(m.latencyP95Ms, 290);  // rank 0.95 * 2 = 1.9 -> 200 + 0.9 * 100
    EXPECT_EQ(m.promptTokens, 15);
    EXPECT_EQ(m.completionTokens, 37);
    EXPECT_DOUBLE_EQ(m.tokensPerSecond, 30.0 / 0.3);  // only examples with both figures
    CostMetrics none = computeCostMetrics({-1}, {-1}, {-1});
    EXPECT_EQ(none.tokensPerSecond, 0.0);
}
