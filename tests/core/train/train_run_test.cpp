// A whole training job as the command line runs it: JSONL in, run folder out (run.json, metrics.jsonl
// with step/loss/lr/tokens_per_s, checkpoints, PEFT adapter that loads back), and run.json settings.
#include "core/train/peft_adapter.h"
#include "core/train/train_config_json.h"
#include "core/train/train_run.h"
#include "trainer_test_util.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace tb::train {
namespace {
using namespace testing;
namespace fs = std::filesystem;

TEST(TrainJob, WritesRunFolderWithMetricsAndAdapter) {
    const std::string dir = fs::temp_directory_path().string() + "/tb_trainjob_" + std::to_string(::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
        std::ofstream tr(dir + "/train.jsonl"), va(dir + "/val.jsonl");
        for (const Record& r : promptCompletionRecords(8))
            tr << nlohmann::json{{"prompt", r.prompt}, {"completion", r.completion}}.dump() << "\n";
        tr << nlohmann::json{{"messages", {{{"role", "user"}, {"content", "hi"}}, {{"role", "assistant"}, {"content", "yo"}}}}}.dump() << "\n";
        for (const Record& r : promptCompletionRecords(2, 8))
            va << nlohmann::json{{"prompt", r.prompt}, {"completion", r.completion + "!"}}.dump() << "\n";
    }
    ModelWeights w = smallModel();
    TrainJobOptions o;
    o.modelPath = "tiny-test-model";
    o.dataPath = dir + "/train.jsonl", o.valPath = dir + "/val.jsonl", o.outDir = dir + "/run";
    o.config = smallConfig();
    o.config.evalEvery = 2;
    auto s = runTrainingJob(w, charEncoder(), o);
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(s->trainReport.examples, 9);
    EXPECT_EQ(s->valReport.examples, 2);
    EXPECT_GT(s->estimate.totalBytes, 0);
    EXPECT_TRUE(fs::exists(o.outDir + "/run.json"));
    std::ifstream m(o.outDir + "/metrics.jsonl");
    std::string line;
    int lines = 0, withVal = 0;
    while (std::getline(m, line)) {
        auto j = nlohmann::json::parse(line);
        for (const char* k : {"step", "loss", "lr", "tokens_per_s", "grad_norm"}) EXPECT_TRUE(j.contains(k)) << k;
        withVal += j.contains("val_loss");
        ++lines;
    }
    EXPECT_EQ(lines, int(s->result.steps));
    EXPECT_GE(withVal, 2);
    auto back = readPeftAdapter(s->adapterDir, &w.config);
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(back->modules.size(), size_t(2 * 7));
    // Bad input is refused with the file and line.
    std::ofstream(dir + "/bad.jsonl") << "{\"prompt\":\"x\",\"completion\":\"y\"}\n{\"prompt\":\"x\"}\n";
    o.dataPath = dir + "/bad.jsonl";
    auto bad = runTrainingJob(w, charEncoder(), o);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("bad.jsonl:2"), std::string::npos) << bad.message();
    fs::remove_all(dir);
}

TEST(TrainConfigJson, RoundTripsAndRefusesUnknownKeys) {
    TrainConfig c = smallConfig();
    c.schedule = LrScheduleKind::Cosine, c.batch.packing = true, c.lora.rsLora = true;
    auto back = trainConfigFromJson(nlohmann::json::parse(trainConfigToJson(c).dump()), TrainConfig{}, "run.json");
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(trainConfigToJson(*back), trainConfigToJson(c));
    auto bad = trainConfigFromJson({{"lerning_rate", 1}}, TrainConfig{}, "run.json");
    EXPECT_NE(bad.message().find("unknown key 'lerning_rate'"), std::string::npos);
    auto wrong = trainConfigFromJson({{"lr", "fast"}}, TrainConfig{}, "run.json");
    EXPECT_NE(wrong.message().find("lr: wrong type"), std::string::npos);
    auto targets = trainConfigFromJson({{"targets", "q_proj,v_proj"}}, TrainConfig{}, "run.json");
    EXPECT_EQ(targets->lora.targets, (std::vector<std::string>{"q", "v"}));
}

}  // namespace
}  // namespace tb::train
