// Text generation over an InferenceSession: prefill the prompt, then sample one token at a time until EOS,
// a stop string, max tokens, the context limit or cancellation. Text is streamed through a callback in
// whole UTF-8 characters, holding back anything that might be the start of a stop string.
// Not the sampler itself (sampler.h) nor chat formatting (core/chat).
#pragma once

#include "core/infer/inference_session.h"
#include "core/infer/sampler.h"
#include "core/tokenizer/tokenizer.h"

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace tb {

struct GenerateOptions {
    int maxTokens = 128;
    SamplingParams sampling;
    std::vector<std::string> stopStrings;  // generation ends before the first occurrence; not included
    bool stopAtEos = true;
    std::vector<int> eosIds;  // empty: the tokenizer's, else the model config's
    // A completion continues the prompt's text, so its first word keeps its leading space (" liked" after
    // "They"). A chat reply is text of its own: true decodes it as if alone (SentencePiece's word-boundary
    // space at its start goes, as transformers' decode of the reply ids does).
    bool replyOnly = false;
};

// One generated token and the text that became final with it (often "", possibly several characters).
// A last call with token -1 may carry text held back (for a possible stop string) until the end.
struct GeneratedPiece {
    int token = -1;
    std::string text;
};
// Return false to stop generating (the result then has StopReason::Cancelled).
using TokenCallback = std::function<bool(const GeneratedPiece&)>;

enum class StopReason { MaxTokens, Eos, StopString, ContextFull, Cancelled };
const char* stopReasonName(StopReason r);

struct GenerateResult {
    std::vector<int> tokens;  // generated ids (EOS not included)
    std::string text;         // decoded continuation, cut before a stop string
    StopReason stopReason = StopReason::MaxTokens;
    int promptTokens = 0;
    double promptSeconds = 0.0;    // prefill time
    double generateSeconds = 0.0;  // sampling + decode time
};

// Resets the session and generates a continuation of promptIds (which should already hold BOS if the model
// wants one). The callback sees every generated token in order.
Result<GenerateResult> generate(InferenceSession& session, std::shared_ptr<const Tokenizer> tokenizer,
                                std::span<const int> promptIds, const GenerateOptions& options,
                                const TokenCallback& onToken = {});

}  // namespace tb
