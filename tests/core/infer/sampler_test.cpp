// Sampler: greedy, seeded reproducibility, and the filters checked against exact distributions
// (top-k, top-p, min-p keep exactly the expected token sets; frequencies follow the probabilities).
#include "core/infer/sampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

namespace tb {
namespace {

// Logits whose softmax (T = 1) is exactly p.
std::vector<float> logitsOf(const std::vector<double>& p) {
    std::vector<float> l;
    for (double v : p) l.push_back(float(std::log(v)));
    return l;
}

std::map<int, int> histogram(Sampler& s, const std::vector<float>& logits, int n, std::vector<int> history = {}) {
    std::map<int, int> h;
    for (int i = 0; i < n; ++i) h[s.sample(logits, history)]++;
    return h;
}

const std::vector<double> kProbs = {0.05, 0.4, 0.25, 0.15, 0.1, 0.05};

TEST(Sampler, GreedyIsArgmax) {
    Sampler s;
    EXPECT_EQ(s.sample(logitsOf(kProbs)), 1);
    std::vector<float> l = {-1, 3, 3.5f, 2};
    EXPECT_EQ(s.sample(l), 2);
}

TEST(Sampler, SameSeedSameTokensDifferentSeedDiffers) {
    SamplingParams p;
    p.temperature = 1.0f;
    p.seed = 42;
    Sampler a(p), b(p);
    p.seed = 43;
    Sampler c(p);
    std::vector<int> ra, rb, rc;
    for (int i = 0; i < 50; ++i) {
        ra.push_back(a.sample(logitsOf(kProbs)));
        rb.push_back(b.sample(logitsOf(kProbs)));
        rc.push_back(c.sample(logitsOf(kProbs)));
    }
    EXPECT_EQ(ra, rb);
    EXPECT_NE(ra, rc);
}

TEST(Sampler, FrequenciesFollowProbabilities) {
    SamplingParams p;
    p.temperature = 1.0f;
    p.seed = 7;
    Sampler s(p);
    const int n = 40000;
    auto h = histogram(s, logitsOf(kProbs), n);
    for (size_t i = 0; i < kProbs.size(); ++i) EXPECT_NEAR(h[int(i)] / double(n), kProbs[i], 0.01) << i;
}

TEST(Sampler, TemperatureSharpens) {
    SamplingParams p;
    p.temperature = 0.5f;  // p^2 renormalised
    p.seed = 1;
    Sampler s(p);
    double z = 0;
    for (double v : kProbs) z += v * v;
    const int n = 40000;
    auto h = histogram(s, logitsOf(kProbs), n);
    EXPECT_NEAR(h[1] / double(n), 0.16 / z, 0.01);
}

TEST(Sampler, TopKTopPMinPKeepExpectedSets) {
    auto keys = [](const std::map<int, int>& h) {
        std::set<int> k;
        for (auto& [id, c] : h) k.insert(id);
        return k;
    };
    SamplingParams p;
    p.temperature = 1.0f;
    p.topK = 2;
    Sampler k(p);
    EXPECT_EQ(keys(histogram(k, logitsOf(kProbs), 2000)), (std::set<int>{1, 2}));
    p.topK = 0;
    p.topP = 0.7f;  // 0.4 + 0.25 = 0.65 < 0.7, so 0.15 joins
    Sampler tp(p);
    EXPECT_EQ(keys(histogram(tp, logitsOf(kProbs), 4000)), (std::set<int>{1, 2, 3}));
    p.topP = 1.0f;
    p.minP = 0.3f;  // threshold 0.12
    Sampler mp(p);
    EXPECT_EQ(keys(histogram(mp, logitsOf(kProbs), 4000)), (std::set<int>{1, 2, 3}));
}

TEST(Sampler, TopPOnLargeVocabularySortsOnlyWhatItNeeds) {
    // 5000 near-equal tokens: the nucleus needs most of them, exercising the growing sorted prefix.
    std::vector<float> l(5000);
    for (size_t i = 0; i < l.size(); ++i) l[i] = float(i % 97) * 1e-3f;
    SamplingParams p;
    p.temperature = 1.0f;
    p.topP = 0.9f;
    p.seed = 3;
    Sampler s(p);
    for (int i = 0; i < 20; ++i) {
        int t = s.sample(l);
        EXPECT_GE(t, 0);
        EXPECT_LT(t, 5000);
    }
}

TEST(Sampler, RepetitionPenalty) {
    SamplingParams p;
    p.repetitionPenalty = 2.0f;
    Sampler s(p);
    std::vector<float> l = {1.0f, 1.5f, -0.5f};
    std::vector<int> history = {1, 1, 1};
    EXPECT_EQ(s.sample(l, history), 0);  // 1.5 / 2 = 0.75 < 1.0
    std::vector<float> neg = {-1.0f, -0.6f};
    std::vector<int> h2 = {1};
    EXPECT_EQ(s.sample(neg, h2), 0);     // -0.6 * 2 = -1.2 < -1.0
    p.repetitionWindow = 1;
    Sampler w(p);
    std::vector<int> h3 = {1, 2};        // only token 2 is in the window
    EXPECT_EQ(w.sample(l, h3), 1);
}

TEST(Sampler, ValidateNamesField) {
    SamplingParams p;
    p.topP = 0.0f;
    EXPECT_NE(p.validate().message().find("top_p"), std::string::npos);
    p = {};
    p.temperature = -1;
    EXPECT_NE(p.validate().message().find("temperature"), std::string::npos);
    p = {};
    EXPECT_TRUE(p.validate().ok());
}

}  // namespace
}  // namespace tb
