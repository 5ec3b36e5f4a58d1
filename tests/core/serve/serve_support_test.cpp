#include "core/serve/api_keys.h"
#include "core/serve/rate_limiter.h"
#include "core/serve/serve_metrics.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

TEST(ApiKeys, StoredHashedCheckedAndRevocable) {
    auto path = std::filesystem::temp_directory_path() / ("tb_keys_" + std::to_string(::getpid()) + ".json");
    std::filesystem::remove(path);
    tb::ApiKeyStore store(path.string());
    ASSERT_TRUE(store.load().ok());
    EXPECT_TRUE(store.empty());
    auto k = store.create("ci");
    ASSERT_TRUE(k.ok()) << k.message();
    EXPECT_EQ(k->secret.rfind("tb-", 0), 0u);
    EXPECT_FALSE(store.create("ci").ok()) << "duplicate live name";
    std::string file = [&] {
        std::ifstream in(path);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    EXPECT_EQ(file.find(k->secret), std::string::npos) << "the secret is never stored";
    tb::ApiKeyStore reloaded(path.string());
    ASSERT_TRUE(reloaded.load().ok());
    EXPECT_EQ(reloaded.authenticate(k->secret), k->info.id);
    EXPECT_FALSE(reloaded.authenticate(k->secret + "x"));
    EXPECT_FALSE(reloaded.authenticate(""));
    ASSERT_TRUE(reloaded.revoke("ci").ok());
    EXPECT_FALSE(reloaded.authenticate(k->secret));
    EXPECT_FALSE(reloaded.revoke("ci").ok());
    std::filesystem::remove(path);
}

TEST(RateLimiter, TokenBucket) {
    tb::serve::RateLimiter rl(2.0, 3.0);
    auto t0 = std::chrono::steady_clock::now();
    EXPECT_EQ(rl.acquire("a", t0), 0.0);
    EXPECT_EQ(rl.acquire("a", t0), 0.0);
    EXPECT_EQ(rl.acquire("a", t0), 0.0);
    double wait = rl.acquire("a", t0);
    EXPECT_NEAR(wait, 0.5, 1e-9) << "one token refills in 1/rate seconds";
    EXPECT_EQ(rl.acquire("b", t0), 0.0) << "keys are independent";
    EXPECT_EQ(rl.acquire("a", t0 + std::chrono::milliseconds(600)), 0.0);
}

TEST(ServeMetrics, PrometheusText) {
    tb::serve::ServeMetrics m;
    m.requestStarted();
    m.requestFinished("/v1/completions", "tuned", 200, 0.03, 10, 5);
    m.requestStarted();
    m.requestFinished("/v1/completions", "tuned", 429, 0.001, 0, 0);
    std::string t = m.prometheusText();
    EXPECT_NE(t.find("tunebench_requests_total{route=\"/v1/completions\",model=\"tuned\",status=\"200\"} 1"),
              std::string::npos);
    EXPECT_NE(t.find("tunebench_request_duration_seconds_bucket{model=\"tuned\",le=\"0.05\"} 2"), std::string::npos);
    EXPECT_NE(t.find("tunebench_request_duration_seconds_bucket{model=\"tuned\",le=\"0.025\"} 1"), std::string::npos);
    EXPECT_NE(t.find("tunebench_tokens_out_total{model=\"tuned\"} 5"), std::string::npos);
    EXPECT_NE(t.find("tunebench_active_requests 0"), std::string::npos);
    auto s = m.snapshot();
    EXPECT_EQ(s.requestsTotal, 2);
    EXPECT_EQ(s.failedTotal, 1);
}
