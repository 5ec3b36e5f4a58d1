#include "core/serve/drift_report.h"
#include "core/serve/sample_log.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <unistd.h>

using namespace tb::serve;

TEST(DriftReport, PsiMatchesHandComputation) {
    // Expected shares 0.5/0.5, actual 0.25/0.75: PSI = (0.25-0.5)ln(0.5) + (0.75-0.5)ln(1.5).
    double psi = populationStabilityIndex({50, 50}, {25, 75});
    EXPECT_NEAR(psi, -0.25 * std::log(0.5) + 0.25 * std::log(1.5), 1e-12);
    EXPECT_NEAR(populationStabilityIndex({10, 20, 30}, {1, 2, 3}), 0.0, 1e-12);
}

TEST(DriftReport, StableVersusShiftedTraffic) {
    std::mt19937 rng(1);
    std::normal_distribution<double> train(40, 8), shifted(90, 10);
    DriftInputs in;
    for (int i = 0; i < 2000; ++i) in.trainingLengths.push_back(int(train(rng)));
    for (int i = 0; i < 300; ++i) in.servedLengths.push_back(int(train(rng)));
    in.trainingVocabulary = {"my", "card", "was", "charged", "twice", "refund", "please"};
    for (int i = 0; i < 300; ++i) in.servedPrompts.push_back("My card was charged twice, refund please");
    in.trainingLabels = {{"BILLING", 500}, {"TECHNICAL", 500}};
    in.predictedLabels = {{"BILLING", 150}, {"TECHNICAL", 150}};
    auto stable = computeDriftReport(in);
    EXPECT_EQ(stable.verdict, "stable") << stable.toJson().dump();

    in.servedLengths.clear();
    for (int i = 0; i < 300; ++i) in.servedLengths.push_back(int(shifted(rng)));
    in.servedPrompts.assign(300, "Quelle est la meilleure recette de gâteau");
    in.predictedLabels = {{"BILLING", 290}, {"TECHNICAL", 10}};
    auto drifted = computeDriftReport(in);
    EXPECT_EQ(drifted.verdict, "significant drift");
    ASSERT_EQ(drifted.metrics.size(), 3u);
    for (auto& m : drifted.metrics) EXPECT_EQ(m.level, "alert") << m.name << " " << m.value;
    EXPECT_NEAR(drifted.metrics[1].value, 1.0, 1e-12) << "no word was seen in training";

    DriftInputs few;
    few.servedLengths = {1, 2};
    EXPECT_EQ(computeDriftReport(few).verdict, "insufficient data");
}

TEST(SampleLog, SamplesAtTheConfiguredRateAndKeepsRetention) {
    auto dir = std::filesystem::temp_directory_path() / ("tb_samples_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    SampleLog log((dir / "samples.jsonl").string(), 0.1, std::nullopt, 7);
    int written = 0;
    for (int i = 0; i < 5000; ++i) written += log.offer({1000 + i, "m", "/v1/completions", "p", "o", 3, 2, 0.01});
    EXPECT_NEAR(written, 500, 80) << "about 10% sampled";
    auto all = log.readAll();
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(int(all->size()), written);
    auto removed = log.applyRetention(0, 1000 + 2500);
    ASSERT_TRUE(removed.ok());
    auto kept = log.readAll();
    for (auto& s : *kept) EXPECT_GE(s.at, 3500);
    EXPECT_EQ(int64_t(kept->size()) + *removed, written);
    std::filesystem::remove_all(dir);
}

TEST(SampleLog, EncryptedWhenTheWorkspaceIs) {
    auto dir = std::filesystem::temp_directory_path() / ("tb_samples_enc_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    ASSERT_TRUE(tb::enableWorkspaceEncryption(dir.string(), "a long passphrase").ok());
    auto key = tb::unlockWorkspace(dir.string(), "a long passphrase", "");
    ASSERT_TRUE(key.ok());
    SampleLog log((dir / "samples.jsonl").string(), 1.0, *key);
    ASSERT_TRUE(log.append({5, "m", "/v1/chat/completions", "patient John Doe, DOB 1970", "ok", 9, 1, 0.2}).ok());
    std::ifstream in(dir / "samples.jsonl");
    std::string raw((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(raw.find("John Doe"), std::string::npos);
    EXPECT_EQ(raw.rfind("enc:", 0), 0u);
    auto all = log.readAll();
    ASSERT_TRUE(all.ok()) << all.message();
    EXPECT_EQ((*all)[0].prompt, "patient John Doe, DOB 1970");
    SampleLog locked((dir / "samples.jsonl").string(), 1.0);
    EXPECT_FALSE(locked.readAll().ok());
    std::filesystem::remove_all(dir);
}
