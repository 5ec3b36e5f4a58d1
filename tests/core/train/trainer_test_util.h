// A toy character tokenizer and tiny datasets for trainer tests (token = 3 + byte % 60, BOS 1, EOS 2).
#pragma once

#include "core/train/example_builder.h"
#include "core/train/trainer.h"
#include "train_test_util.h"

namespace tb::train::testing {

inline ExampleEncoder charEncoder(int V = 64) {
    ExampleEncoder e;
    e.encode = [](const std::string& text, bool addSpecial) {
        std::vector<int> ids;
        if (addSpecial) ids.push_back(1);
        for (unsigned char c : text) ids.push_back(3 + c % 60);
        return ids;
    };
    e.eosIds = {2};
    e.vocabSize = V;
    return e;
}

inline std::vector<Record> promptCompletionRecords(int n, int offset = 0) {
    std::vector<Record> out;
    const char* words[] = {"cat", "dog", "sun", "sea", "owl", "fox", "bee", "elk", "ant", "yak", "emu", "cow"};
    for (int i = 0; i < n; ++i) {
        Record r;
        r.prompt = std::string("say ") + words[(i + offset) % 12] + ":";
        r.completion = std::string(" ") + words[(i + offset + 5) % 12];
        r.sourceFile = "mem";
        r.sourceLine = i + 1;
        out.push_back(r);
    }
    return out;
}

inline std::vector<TokenizedExample> examplesFor(const std::vector<Record>& recs, int maxLen = 64) {
    return buildExamples(recs, charEncoder(), maxLen, LossOn::Completion, nullptr).value();
}

inline TrainConfig smallConfig(const std::string& runDir = "") {
    TrainConfig c;
    c.method = TrainMethod::Lora;
    c.lora.rank = 4, c.lora.alpha = 8, c.lora.dropout = 0.1f;
    c.lora.targets = {"q", "k", "v", "o", "gate", "up", "down"};
    c.epochs = 3, c.lr = 5e-3, c.schedule = LrScheduleKind::Cosine, c.warmupSteps = 2;
    c.adam.weightDecay = 0.01f;
    c.batch.batchSize = 2, c.batch.maxSeqLen = 64, c.gradAccum = 2, c.seed = 7;
    c.checkpointEvery = 1, c.keepCheckpoints = 3, c.runDir = runDir;
    return c;
}

inline ModelWeights smallModel() { return makeTinyModel(21, false, false, RopeLayout::RotateHalf, 64, 32, 2, 4, 2, 48); }

}  // namespace tb::train::testing
