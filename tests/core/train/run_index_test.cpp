// The GUI's run bookkeeping in core/train: request.json and status.json round trips and refusals, the runs
// folder scan, the best validation loss from metrics.jsonl, the wizard's preflight (planned steps equal the
// trainer's own count, warnings with their figures) and the task presets, and the process sampler.
#include "core/train/run_index.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/train/gpu_monitor.h"
#include "core/train/process_sampler.h"
#include "core/train/train_preflight.h"
#include "core/train/train_preset.h"
#include "trainer_test_util.h"

namespace tb::train {
namespace {

namespace fs = std::filesystem;
using testing::charEncoder;
using testing::examplesFor;
using testing::promptCompletionRecords;
using testing::smallConfig;
using testing::smallModel;

struct TempDir {
    fs::path path =
        fs::temp_directory_path() / ("tb_run_index_" + std::to_string(::getpid()) + "_" + std::to_string(std::rand()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
    std::string str() const { return path.string(); }
};

TEST(RunRequest, RoundTripsEverySetting) {
    RunRequest r;
    r.modelPath = "/m", r.datasetName = "tickets", r.datasetVersion = "abc", r.trainPath = "/t.jsonl";
    r.valPath = "/v.jsonl", r.testPath = "/x.jsonl", r.task = "json", r.lossOn = LossOn::All, r.useChatTemplate = false;
    r.config = smallConfig();
    r.config.maxSteps = 17;
    auto back = runRequestFromJson(nlohmann::json::parse(runRequestToJson(r).dump()), "req");
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(back->valPath, "/v.jsonl");
    EXPECT_EQ(back->lossOn, LossOn::All);
    EXPECT_FALSE(back->useChatTemplate);
    EXPECT_EQ(back->config.maxSteps, 17);
    EXPECT_EQ(back->config.lora.targets, r.config.lora.targets);
    EXPECT_EQ(back->config.gradAccum, 2);
}

TEST(RunRequest, RefusesMissingFieldsAndUnknownConfigKeys) {
    auto noModel = runRequestFromJson({{"train", "/t"}}, "req.json");
    ASSERT_FALSE(noModel.ok());
    EXPECT_NE(noModel.message().find("model"), std::string::npos);
    auto typo = runRequestFromJson({{"model", "/m"}, {"train", "/t"}, {"config", {{"learning_rate", 1}}}}, "req.json");
    ASSERT_FALSE(typo.ok());
    EXPECT_NE(typo.message().find("learning_rate"), std::string::npos);
}

TEST(RunIndex, ListsRunsWithStatusAndSkipsForeignFolders) {
    TempDir dir;
    RunRequest r;
    r.modelPath = "/m", r.trainPath = "/t";
    ASSERT_TRUE(writeRunRequest(dir.str() + "/b", r).ok());
    ASSERT_TRUE(writeRunRequest(dir.str() + "/a", r).ok());
    RunState s;
    s.status = RunStatus::Finished;
    s.bestValLoss = 0.5;
    ASSERT_TRUE(writeRunState(dir.str() + "/a", s).ok());
    ASSERT_TRUE(writeRunState(dir.str() + "/b", {}).ok());
    fs::create_directories(dir.path / "cli-run");  // no request.json
    fs::create_directories(dir.path / "c");
    std::ofstream(dir.path / "c" / "request.json") << "{\"model\": \"/m\", \"train\": \"/t\"}";  // no status.json
    std::vector<std::string> problems;
    auto runs = listRuns(dir.str(), &problems);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].id, "a");
    EXPECT_EQ(runs[0].state.status, RunStatus::Finished);
    EXPECT_DOUBLE_EQ(runs[0].state.bestValLoss, 0.5);
    EXPECT_EQ(runs[1].state.status, RunStatus::Queued);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("status.json"), std::string::npos);
    EXPECT_FALSE(parseRunStatus("done").has_value());
    EXPECT_EQ(*parseRunStatus("interrupted"), RunStatus::Interrupted);
}

TEST(RunIndex, ListsCommandLineRuns) {
    TempDir dir;
    const fs::path version = dir.path / "datasets" / "tickets" / "abcdef";
    fs::create_directories(version);
    std::ofstream(version / "manifest.json") << "{}";
    std::ofstream(version / "test.jsonl") << "";
    const fs::path runs = dir.path / "runs";
    fs::create_directories(runs / "cli" / "adapter");
    nlohmann::json run = {{"model", "/models/base"},
                          {"data", (version / "train.jsonl").string()},
                          {"validation", ""},
                          {"loss_on", "completion"},
                          {"config", {{"lora_r", 4}, {"epochs", 2}}}};
    std::ofstream(runs / "cli" / "run.json") << run.dump();
    std::ofstream(runs / "cli" / "metrics.jsonl")
        << "{\"step\":1,\"elapsed_s\":2}\n{\"step\":2,\"val_loss\":0.7,\"elapsed_s\":4.5}\n";
    std::ofstream(runs / "cli" / "adapter" / "adapter_config.json") << "{}";
    fs::create_directories(runs / "half");
    std::ofstream(runs / "half" / "run.json") << run.dump();
    auto listed = listRuns(runs.string());
    ASSERT_EQ(listed.size(), 2u);
    const RunEntry& cli = listed[0];
    EXPECT_EQ(cli.id, "cli");
    EXPECT_EQ(cli.state.status, RunStatus::Finished);
    EXPECT_DOUBLE_EQ(cli.state.bestValLoss, 0.7);
    EXPECT_EQ(cli.state.step, 2);
    EXPECT_DOUBLE_EQ(cli.state.activeSeconds, 4.5);
    EXPECT_FALSE(cli.state.startedAt.empty());
    EXPECT_EQ(cli.request.datasetName, "tickets");
    EXPECT_EQ(cli.request.datasetVersion, "abcdef");
    EXPECT_EQ(cli.request.testPath, (version / "test.jsonl").string());
    EXPECT_EQ(cli.request.config.lora.rank, 4);
    EXPECT_EQ(listed[1].state.status, RunStatus::Interrupted);  // no adapter written
}

TEST(RunIndex, BestValidationLossFromMetrics) {
    TempDir dir;
    std::ofstream(dir.path / "metrics.jsonl")
        << "{\"step\":1,\"loss\":3}\n{\"step\":2,\"val_loss\":2.5}\n"
           "garbage\n{\"step\":4,\"val_loss\":1.25}\n{\"step\":6,\"val_loss\":2}\n";
    EXPECT_DOUBLE_EQ(bestValLossFromMetrics(dir.str()), 1.25);
    EXPECT_DOUBLE_EQ(bestValLossFromMetrics(dir.str() + "/none"), -1.0);
}

TEST(Preflight, PlannedStepsMatchTheTrainer) {
    ModelWeights w = smallModel();
    auto recs = promptCompletionRecords(23);
    std::vector<int> lengths;
    for (const auto& e : examplesFor(recs)) lengths.push_back(int(e.tokens.size()));
    for (bool packing : {false, true}) {
        TrainConfig c = smallConfig();
        c.batch.packing = packing;
        auto trainer = Trainer::create(w, examplesFor(recs), {}, c);
        ASSERT_TRUE(trainer.ok()) << trainer.message();
        EXPECT_EQ(plannedSteps(lengths, c), (*trainer)->totalSteps()) << "packing " << packing;
        c.maxSteps = 3;
        EXPECT_EQ(plannedSteps(lengths, c), 3);
    }
}

TEST(Preflight, WarnsWithFigures) {
    TrainDataFacts f;
    f.trainRecords = 130;
    f.trainLengths.assign(130, 40);
    f.trainLengths[0] = 300;
    f.maxLength = 300;
    f.labels = {{"A", 120}, {"B", 10}};
    TrainConfig c;
    c.batch.maxSeqLen = 128;
    auto w = preflightWarnings(f, TaskPreset::Classification, c);
    auto has = [&](const std::string& kind) {
        for (const auto& x : w)
            if (x.kind == kind) return x.message;
        return std::string();
    };
    EXPECT_NE(has("few-examples").find("B (10)"), std::string::npos);
    EXPECT_NE(has("imbalanced").find("'A' has 120"), std::string::npos);
    EXPECT_NE(has("truncation").find("1 examples"), std::string::npos);
    EXPECT_FALSE(has("no-validation").empty());
    f.valRecords = 10;
    f.labels = {{"A", 60}, {"B", 70}};
    c.batch.maxSeqLen = 512;
    EXPECT_TRUE(preflightWarnings(f, TaskPreset::Classification, c).empty());
    EXPECT_FALSE(preflightWarnings(f, TaskPreset::Generation, c).empty());  // 130 < 200 for free generation
}

TEST(Preflight, AnalyzesSplitsWithTheEncoder) {
    TempDir dir;
    std::ofstream(dir.path / "train.jsonl") << "{\"prompt\":\"hello\",\"completion\":\"POS\"}\n"
                                               "{\"prompt\":\"bad day\",\"completion\":\"NEG\"}\n"
                                               "{\"prompt\":\"nothing\",\"completion\":\"\"}\n";
    std::ofstream(dir.path / "val.jsonl") << "{\"prompt\":\"fine\",\"completion\":\"POS\"}\n";
    auto f = analyzeTrainingData(charEncoder(), (dir.path / "train.jsonl").string(), (dir.path / "val.jsonl").string(),
                                 "", LossOn::Completion);
    ASSERT_TRUE(f.ok()) << f.message();
    EXPECT_EQ(f->trainRecords, 3);
    EXPECT_EQ(f->trainLengths.size(), 3u);  // an empty completion still teaches EOS
    EXPECT_EQ(f->droppedRecords, 0);
    EXPECT_EQ(f->valRecords, 1);
    EXPECT_EQ(f->labels.at("POS"), 1);
    EXPECT_EQ(f->maxLength, *std::max_element(f->trainLengths.begin(), f->trainLengths.end()));
    EXPECT_GE(f->maxLength, 7 + 3);  // "bad day" + "NEG" at least
    auto missing = analyzeTrainingData(charEncoder(), (dir.path / "nope.jsonl").string(), "", "", LossOn::All);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.message().find("nope.jsonl"), std::string::npos);
}

TEST(Preset, ScalesWithDataAndModel) {
    TrainDataFacts small;
    small.trainLengths.assign(300, 50);
    small.maxLength = 90, small.p95Length = 60, small.valRecords = 30;
    auto cls = presetDefaults(TaskPreset::Classification, small, 400000, 256);
    EXPECT_EQ(cls.config.lora.rank, 8);
    EXPECT_EQ(cls.config.epochs, 5);
    EXPECT_EQ(cls.config.batch.maxSeqLen, 128);  // covers the longest example
    EXPECT_GT(cls.config.lr, 1e-3);              // tiny model
    EXPECT_EQ(cls.lossOn, LossOn::Completion);
    EXPECT_EQ(cls.config.earlyStopPatience, 3);
    TrainDataFacts big = small;
    big.trainLengths.assign(30000, 50);
    auto gen = presetDefaults(TaskPreset::Generation, big, 1'000'000'000LL, 4096);
    EXPECT_EQ(gen.config.lora.rank, 32);
    EXPECT_EQ(gen.config.epochs, 1);
    EXPECT_EQ(gen.config.batch.maxSeqLen, 64);  // 95th percentile
    EXPECT_DOUBLE_EQ(gen.config.lr, 2e-4);
    EXPECT_TRUE(gen.config.batch.packing);
    EXPECT_EQ(gen.lossOn, LossOn::All);
    EXPECT_EQ(presetDefaults(TaskPreset::Json, small, 400000, 64).config.batch.maxSeqLen, 64);  // model limit
}

TEST(ProcessSampler, MeasuresThisProcess) {
    ProcessSampler sampler;
    ASSERT_TRUE(sampler.available());
    volatile double x = 0;
    for (int i = 0; i < 20'000'000; ++i) x = x + 1e-9 * i;
    ProcessSample s = sampler.sample();
    EXPECT_GT(s.cpuPercent, 0.0);
    EXPECT_LE(s.cpuPercent, 100.0);
    EXPECT_GT(s.rssBytes, 1 << 20);
}

TEST(GpuMonitor, ExplainsAbsenceOrSamples) {
    auto gpu = GpuMonitor::open();
    if (!gpu.ok()) {
        EXPECT_FALSE(gpu.message().empty());
    } else {
        auto s = (*gpu)->sample();
        ASSERT_TRUE(s.ok());
        EXPECT_GT(s->memoryTotalBytes, 0);
    }
}

}  // namespace
}  // namespace tb::train
