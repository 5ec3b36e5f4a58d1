// The demo workspace's base model, produced by Tunebench itself so the demo needs no download: a small
// Llama-architecture model initialised at random and pre-trained from scratch by our own trainer (full
// training, whole-sequence loss) on resources/demo/pretrain_corpus.txt, with the byte-level BPE tokenizer
// in resources/demo/. It learns the language of support tickets but never sees a category label, so the
// fine-tune has a real task to learn. Written as a Hugging Face folder; reused once it exists.
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/model/model_weights.h"

#include <string>

namespace tb::demo {

struct DemoBaseModelInfo {
    std::string folder;
    bool created = false;       // false: an existing folder was reused
    int64_t steps = 0;
    double firstLoss = 0.0, lastLoss = 0.0;
    double seconds = 0.0;
    long long parameters = 0;
};

ModelConfig demoBaseModelConfig(int vocabSize);

// resourcesDir holds pretrain_corpus.txt, tokenizer.json and tokenizer_config.json.
Result<DemoBaseModelInfo> ensureDemoBaseModel(const std::string& resourcesDir, const std::string& folder,
                                              const ProgressCallback& progress = {});

// Writes weights as a Hugging Face LlamaForCausalLM folder (config.json, model.safetensors, F32).
Status writeHfWeightsFolder(const std::string& folder, const ModelWeights& weights);

}  // namespace tb::demo
