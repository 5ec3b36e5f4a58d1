// buildDriftInputs: training prompts and labels from records, served prompts stripped of chat markup,
// lengths from the real tokenizer; the resulting report separates in-domain from off-domain traffic.
#include "core/serve/drift_inputs.h"
#include "core/tokenizer/tokenizer.h"
#include "core/tokenizer/tokenizer_loader.h"

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace tb::serve;

namespace {

std::vector<tb::Record> demoTickets(int limit) {
    std::ifstream in(std::string(TUNEBENCH_SOURCE_DIR) + "/resources/demo/support_tickets.jsonl");
    std::vector<tb::Record> out;
    std::string line;
    while (int(out.size()) < limit && std::getline(in, line)) {
        auto j = nlohmann::json::parse(line);
        tb::Record r;
        r.prompt = j["prompt"];
        r.completion = j["completion"];
        out.push_back(r);
    }
    return out;
}

}  // namespace

TEST(DriftInputs, StripsChatMarkup) {
    EXPECT_EQ(stripChatMarkup("<|im_start|>user\nMy card was charged twice<|im_end|>\n<|im_start|>assistant\n"),
              "My card was charged twice");
    EXPECT_EQ(stripChatMarkup("<s>[INST] Refund please [/INST]"), "Refund please");
    EXPECT_EQ(stripChatMarkup("plain prompt"), "plain prompt");
}

TEST(DriftInputs, TrainingExamplesTakeShortCompletionsAsLabels) {
    tb::Record pc;
    pc.prompt = "Login fails";
    pc.completion = "ACCOUNT";
    tb::Record chat;
    chat.format = tb::RecordFormat::ChatMessages;
    chat.messages = {{"system", "Be brief"}, {"user", "Page is slow"}, {"assistant", "TECHNICAL"}};
    tb::Record longAnswer;
    longAnswer.prompt = "Write a story";
    longAnswer.completion = "Once upon a time there was a cat";
    auto ex = driftTrainingExamples({pc, chat, longAnswer});
    ASSERT_EQ(ex.size(), 3u);
    EXPECT_EQ(ex[0].label, "ACCOUNT");
    EXPECT_EQ(ex[1].prompt, "Page is slow");
    EXPECT_EQ(ex[1].label, "TECHNICAL");
    EXPECT_EQ(ex[2].label, "");
}

TEST(DriftInputs, InDomainTrafficIsStableOffDomainDrifts) {
    auto tok = tb::loadTokenizerFromHfFolder(std::string(TUNEBENCH_SOURCE_DIR) + "/resources/demo");
    ASSERT_TRUE(tok.ok()) << tok.message();
    // Every third ticket is "served", the rest is training: same distribution, no ordering effects.
    auto records = demoTickets(1200);
    ASSERT_GE(records.size(), 900u);
    std::vector<tb::Record> train;
    for (size_t i = 0; i < records.size(); ++i)
        if (i % 3 != 0) train.push_back(records[i]);
    std::vector<DriftTrainingExample> examples = driftTrainingExamples(train);

    std::vector<ServedSample> inDomain, offDomain;
    for (size_t i = 0; i < records.size(); i += 3) {
        ServedSample s;
        s.prompt = "<|im_start|>user\n" + records[i].prompt + "<|im_end|>\n<|im_start|>assistant\n";
        s.output = records[i].completion;
        inDomain.push_back(s);
        ServedSample o;
        o.prompt = "Quelle est la meilleure recette de gâteau au chocolat, avec beaucoup de détails et d'étapes "
                   "précises pour un débutant complet ?";
        o.output = "je ne sais pas";
        offDomain.push_back(o);
    }
    auto stable = computeDriftReport(buildDriftInputs(examples, inDomain, **tok));
    EXPECT_EQ(stable.verdict, "stable") << stable.toJson().dump();
    auto drifted = buildDriftInputs(examples, offDomain, **tok);
    EXPECT_EQ(drifted.predictedLabels.at("(other)"), int64_t(offDomain.size()));
    EXPECT_EQ(computeDriftReport(drifted).verdict, "significant drift");
}
