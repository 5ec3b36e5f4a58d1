// Turns records into token sequences with a loss mask, so that what is trained is what is served: the
// model's chat template and EOS when an encoder provides them, otherwise prompt + completion + EOS.
// Loss on completion / assistant tokens by default, or on the whole sequence. Truncation to the maximum
// length is counted, never silent. Not the tokenizer (core/tokenizer) nor the renderer (core/chat).
#pragma once

#include "core/common/result.h"
#include "core/data/record.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tb::train {

// What the builder needs from a tokenizer and a chat-template renderer (model_example_encoder.h makes
// one from a model folder).
struct ExampleEncoder {
    std::function<std::vector<int>(const std::string& text, bool addSpecial)> encode;
    // Renders a conversation with the model's template; null when the model has none.
    std::function<Result<std::string>(const std::vector<ChatMessage>& messages, bool addGenerationPrompt)> renderChat;
    std::vector<int> eosIds;
    int vocabSize = 0;  // token ids must be below it
};

enum class LossOn { Completion, All };

struct TokenizedExample {
    std::vector<int32_t> tokens;
    std::vector<uint8_t> trainMask;  // (tokens) 1 where the token is a prediction target
    int64_t recordIndex = 0;
    bool truncated = false;
    int64_t targetCount() const;     // mask ones after the first token
};

struct ExampleBuildReport {
    int64_t records = 0;
    int64_t examples = 0;       // kept
    int64_t truncated = 0;      // cut to maxSeqLen (kept if targets remain)
    int64_t dropped = 0;        // no target token left (empty completion or fully truncated)
    int64_t tokens = 0;
    int64_t targetTokens = 0;
};

Result<std::vector<TokenizedExample>> buildExamples(const std::vector<Record>& records, const ExampleEncoder& encoder,
                                                    int maxSeqLen, LossOn lossOn, ExampleBuildReport* report);

}  // namespace tb::train
