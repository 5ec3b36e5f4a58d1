// Example building (masking, EOS, chat turns, truncation report), the batcher (grouping, packing,
// determinism), the JSONL reader, learning-rate schedules, the estimate, and PEFT adapter folders
// (round trip, and import of a folder written by tests/reference/make_train_peft_fixture.py).
#include "core/model/safetensors_reader.h"
#include "core/train/batcher.h"
#include "core/train/peft_adapter.h"
#include "core/train/train_estimate.h"
#include "core/train/training_data.h"
#include "trainer_test_util.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace tb::train {
namespace {
using namespace testing;

TEST(ExampleBuilder, PromptCompletionMasksPromptAndEndsWithEos) {
    Record r;
    r.prompt = "ab";
    r.completion = "c";
    ExampleBuildReport rep;
    auto ex = buildExamples({r}, charEncoder(), 64, LossOn::Completion, &rep).value();
    ASSERT_EQ(ex.size(), size_t(1));
    EXPECT_EQ(ex[0].tokens, (std::vector<int32_t>{1, 3 + 'a' % 60, 3 + 'b' % 60, 3 + 'c' % 60, 2}));
    EXPECT_EQ(ex[0].trainMask, (std::vector<uint8_t>{0, 0, 0, 1, 1}));
    EXPECT_EQ(rep.targetTokens, 2);
    auto all = buildExamples({r}, charEncoder(), 64, LossOn::All, nullptr).value();
    EXPECT_EQ(all[0].targetCount(), 4);
    // Truncation is counted; the kept part still has a target.
    auto cut = buildExamples({r}, charEncoder(), 4, LossOn::Completion, &rep).value();
    EXPECT_EQ(rep.truncated, 1);
    EXPECT_EQ(cut[0].tokens.size(), size_t(4));
    EXPECT_TRUE(cut[0].truncated);
}

TEST(ExampleBuilder, ChatTrainsAssistantTurnsOnly) {
    ExampleEncoder enc = charEncoder();
    // A ChatML-like renderer: "<u>text|<a>text|"; the generation prompt is "<a>".
    enc.renderChat = [](const std::vector<ChatMessage>& msgs, bool addGen) -> Result<std::string> {
        std::string s;
        for (const auto& m : msgs) s += (m.role == "assistant" ? "A" : "U") + m.content + "|";
        if (addGen) s += "A";
        return s;
    };
    Record r;
    r.format = RecordFormat::ChatMessages;
    r.messages = {{"user", "x"}, {"assistant", "y"}, {"user", "z"}, {"assistant", "w"}};
    auto ex = buildExamples({r}, enc, 64, LossOn::Completion, nullptr).value();
    // Tokens: BOS U x | A y | U z | A w | EOS ; trained: "y|" and "w|" and EOS.
    std::string text;
    std::string trained;
    for (size_t i = 0; i < ex[0].tokens.size(); ++i) {
        const int t = ex[0].tokens[i];
        const char c = t >= 3 ? char(t - 3 + 60) : '#';
        text += c;
        if (ex[0].trainMask[i]) trained += c;
    }
    EXPECT_EQ(ex[0].tokens.size(), size_t(1 + 12 + 1));
    EXPECT_EQ(trained.size(), size_t(5));
    EXPECT_EQ(ex[0].trainMask.back(), 1);
    EXPECT_EQ(ex[0].tokens.back(), 2);
}

TEST(ExampleBuilder, RejectsTokensOutsideVocabulary) {
    ExampleEncoder enc = charEncoder(10);
    auto r = buildExamples(promptCompletionRecords(1), enc, 64, LossOn::Completion, nullptr);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("mem:1"), std::string::npos);
}

TEST(Batcher, GroupsPadsAndIsDeterministic) {
    auto ex = examplesFor(promptCompletionRecords(9));
    BatchSettings s;
    s.batchSize = 4;
    auto a = planEpoch(ex, s, 0), b = planEpoch(ex, s, 0), c = planEpoch(ex, s, 1);
    ASSERT_EQ(a.size(), size_t(3));
    size_t total = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].rows, b[i].rows);
        total += a[i].rows.size();
    }
    EXPECT_EQ(total, size_t(9));
    bool differs = false;
    for (size_t i = 0; i < a.size(); ++i) differs |= a[i].rows != c[i].rows;
    EXPECT_TRUE(differs);
    MicroBatch mb = assembleBatch(a[0], ex);
    EXPECT_EQ(mb.B, int(a[0].rows.size()));
    int64_t targets = 0;
    for (const auto& row : a[0].rows) targets += ex[size_t(row[0])].targetCount();
    EXPECT_EQ(mb.targetCount(), targets);
}

TEST(Batcher, PackingKeepsExamplesApart) {
    auto ex = examplesFor(promptCompletionRecords(6));  // each 14 tokens: two fit in 30
    BatchSettings s;
    s.batchSize = 2, s.packing = true, s.maxSeqLen = 30;
    auto plans = planEpoch(ex, s, 0);
    size_t examples = 0;
    for (const auto& p : plans)
        for (const auto& row : p.rows) {
            examples += row.size();
            EXPECT_EQ(row.size(), size_t(2));
        }
    EXPECT_EQ(examples, size_t(6));
    MicroBatch mb = assembleBatch(plans[0], ex);
    const int n0 = int(ex[size_t(plans[0].rows[0][0])].tokens.size());
    EXPECT_EQ(mb.segments[size_t(n0)], 1);
    EXPECT_EQ(mb.positions[size_t(n0)], 0);  // positions restart for the second example
    EXPECT_EQ(mb.targets[size_t(n0 - 1)], -1);  // no target across the example boundary
}

TEST(TrainingData, ReadsThreeShapesAndNamesBadLines) {
    auto ok = parseTrainingJsonl("{\"prompt\":\"a\",\"completion\":\"b\"}\n\n"
                                 "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"yo\"}]}\n"
                                 "{\"text\":\"plain\"}\n",
                                 "t.jsonl");
    ASSERT_TRUE(ok.ok()) << ok.message();
    ASSERT_EQ(ok->size(), size_t(3));
    EXPECT_EQ((*ok)[1].format, RecordFormat::ChatMessages);
    EXPECT_EQ((*ok)[2].sourceLine, 4);
    auto bad = parseTrainingJsonl("{\"prompt\":\"a\",\"completion\":\"b\"}\n{\"prompt\": 3, \"completion\":\"b\"}\n", "t.jsonl");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("t.jsonl:2"), std::string::npos) << bad.message();
    EXPECT_FALSE(parseTrainingJsonl("{not json\n", "x").ok());
    EXPECT_FALSE(parseTrainingJsonl("{\"foo\":1}\n", "x").ok());
}

TEST(LrSchedule, WarmupThenDecay) {
    LrSchedule s{LrScheduleKind::Linear, 1.0, 4, 14, 0.0};
    EXPECT_DOUBLE_EQ(s.at(0), 0.2);
    EXPECT_DOUBLE_EQ(s.at(3), 0.8);
    EXPECT_DOUBLE_EQ(s.at(4), 1.0);
    EXPECT_DOUBLE_EQ(s.at(9), 0.5);
    s.kind = LrScheduleKind::Cosine;
    EXPECT_NEAR(s.at(9), 0.5, 1e-12);
    EXPECT_NEAR(s.at(14), 0.0, 1e-12);
    s.kind = LrScheduleKind::Constant;
    EXPECT_DOUBLE_EQ(s.at(13), 1.0);
    EXPECT_FALSE(parseLrScheduleKind("step").ok());
}

TEST(TrainEstimate, CountsLoraParametersAndScalesWithBatch) {
    ModelConfig c = smallModel().config;
    TrainConfig cfg = smallConfig();
    TrainEstimate e = estimateTraining(c, cfg, 1000, 10);
    // r (in + out) per module: q 4(32+32), k 4(32+16), v 4(32+16), o 4(32+32), gate/up 4(32+48), down 4(48+32)
    EXPECT_EQ(e.trainableParams, 2 * 4 * (64 + 48 + 48 + 64 + 80 + 80 + 80));
    EXPECT_EQ(e.optimizerBytes, e.trainableParams * 8);
    cfg.batch.batchSize *= 2;
    EXPECT_GT(estimateTraining(c, cfg, 1000, 10).activationBytes, e.activationBytes);
    EXPECT_GT(e.seconds, 0.0);
}

TEST(PeftAdapter, RoundTripWritesPeftNamesAndConfig) {
    ModelWeights w = smallModel();
    LoraSettings s;
    s.rank = 4, s.alpha = 8, s.rsLora = true, s.targets = {"q", "v", "gate", "down"};
    LoraAdapter a = initLoraAdapter(w.config, s, 3).value();
    for (auto& [k, p] : a.modules) p.b.setRandom();
    const std::string dir = std::filesystem::temp_directory_path().string() + "/tb_peft_" + std::to_string(::getpid());
    ASSERT_TRUE(writePeftAdapter(dir, a, {"org/base"}).ok());
    std::ifstream in(dir + "/adapter_config.json");
    nlohmann::json cfg = nlohmann::json::parse(in);
    EXPECT_EQ(cfg["peft_type"], "LORA");
    EXPECT_EQ(cfg["task_type"], "CAUSAL_LM");
    EXPECT_EQ(cfg["r"], 4);
    EXPECT_EQ(cfg["lora_alpha"], 8.0);
    EXPECT_EQ(cfg["use_rslora"], true);
    EXPECT_EQ(cfg["bias"], "none");
    EXPECT_EQ(cfg["fan_in_fan_out"], false);
    EXPECT_EQ(cfg["base_model_name_or_path"], "org/base");
    EXPECT_EQ(cfg["target_modules"], (nlohmann::json{"q_proj", "v_proj", "gate_proj", "down_proj"}));
    auto st = SafetensorsFile::open(dir + "/adapter_model.safetensors");
    ASSERT_TRUE(st.ok()) << st.message();
    const auto* t = (*st)->find("base_model.model.model.layers.1.mlp.down_proj.lora_A.weight");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->shape, (std::vector<int64_t>{4, 48}));
    ASSERT_NE((*st)->find("base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight"), nullptr);
    EXPECT_EQ((*st)->tensors().size(), size_t(2 * 4 * 2));
    auto back = readPeftAdapter(dir, &w.config);
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(back->rank, 4);
    EXPECT_TRUE(back->rsLora);
    EXPECT_EQ(back->targets, s.targets);
    for (const auto& [k, p] : a.modules) {
        EXPECT_EQ(back->modules.at(k).a, p.a) << k;
        EXPECT_EQ(back->modules.at(k).b, p.b) << k;
    }
    ModelConfig other = w.config;
    other.intermediateSize = 40;
    EXPECT_NE(readPeftAdapter(dir, &other).message().find("does not fit"), std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST(PeftAdapter, ImportsFolderWrittenElsewhere) {
    ModelConfig c = makeTinyModel(1, false, false, RopeLayout::RotateHalf).config;  // hidden 16, FFN 24
    auto a = readPeftAdapter(std::string(TUNEBENCH_SOURCE_DIR) + "/tests/data/train/peft_tiny", &c);
    ASSERT_TRUE(a.ok()) << a.message();
    EXPECT_EQ(a->rank, 2);
    EXPECT_FLOAT_EQ(a->alpha, 4.0f);
    EXPECT_FLOAT_EQ(a->dropout, 0.05f);
    EXPECT_EQ(a->targets, (std::vector<std::string>{"q", "v", "down"}));
    ASSERT_EQ(a->modules.size(), size_t(6));
    const LoraPair& p = a->modules.at("1.down");
    EXPECT_EQ(p.a.rows(), 2);
    EXPECT_EQ(p.a.cols(), 24);
    EXPECT_FLOAT_EQ(p.a(1, 0), 0.01f * 25);
    EXPECT_FLOAT_EQ(p.b(15, 1), -0.02f * 32);
    ModelConfig one = c;
    one.numLayers = 1;
    EXPECT_NE(readPeftAdapter(std::string(TUNEBENCH_SOURCE_DIR) + "/tests/data/train/peft_tiny", &one).message().find("layer 1"),
              std::string::npos);
}

}  // namespace
}  // namespace tb::train
