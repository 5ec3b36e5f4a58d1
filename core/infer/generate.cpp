#include "core/infer/generate.h"

#include "core/infer/stop_matcher.h"
#include "core/tokenizer/streaming_decoder.h"

#include <algorithm>
#include <chrono>

namespace tb {

const char* stopReasonName(StopReason r) {
    switch (r) {
    case StopReason::MaxTokens: return "max_tokens";
    case StopReason::Eos: return "eos";
    case StopReason::StopString: return "stop_string";
    case StopReason::ContextFull: return "context_full";
    case StopReason::Cancelled: return "cancelled";
    }
    return "unknown";
}

namespace {

double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

Result<GenerateResult> generate(InferenceSession& session, std::shared_ptr<const Tokenizer> tokenizer,
                                std::span<const int> promptIds, const GenerateOptions& options,
                                const TokenCallback& onToken) {
    if (!tokenizer) return inputError("generate: no tokenizer");
    TB_TRY(options.sampling.validate());
    if (options.maxTokens < 0) return inputError("max tokens must be >= 0");
    if (promptIds.empty()) return inputError("the prompt is empty: give at least one token (e.g. BOS)");
    std::vector<int> eos = options.eosIds;
    if (eos.empty()) eos = tokenizer->eosIds();
    if (eos.empty()) eos = session.model().config().eosTokenIds;

    GenerateResult result;
    result.promptTokens = int(promptIds.size());
    session.reset();
    const double t0 = now();
    TB_TRY(session.evaluate(promptIds));
    const double t1 = now();
    result.promptSeconds = t1 - t0;

    Sampler sampler(options.sampling);
    StreamingDecoder decoder(tokenizer);
    if (!options.replyOnly) decoder.continueAfter(std::vector<int>(promptIds.begin(), promptIds.end()));
    StopMatcher matcher(options.stopStrings);
    std::vector<int> history(promptIds.begin(), promptIds.end());
    history.reserve(history.size() + size_t(options.maxTokens));
    bool done = options.maxTokens == 0;
    while (!done) {
        const int next = sampler.sample(session.logits(), history);
        if (options.stopAtEos && std::find(eos.begin(), eos.end(), next) != eos.end()) {
            result.stopReason = StopReason::Eos;
            break;
        }
        result.tokens.push_back(next);
        history.push_back(next);
        const bool stopped = matcher.append(decoder.push(next));
        if (!stopped && int(result.tokens.size()) >= options.maxTokens) {
            matcher.append(decoder.flush());
            result.stopReason = StopReason::MaxTokens;
            done = true;
        }
        if (stopped) {
            result.stopReason = StopReason::StopString;
            done = true;
        }
        GeneratedPiece piece{next, matcher.releasable(done)};
        if (onToken && !onToken(piece)) {
            result.stopReason = StopReason::Cancelled;
            break;
        }
        if (done) break;
        if (session.position() >= session.contextLength()) {
            result.stopReason = StopReason::ContextFull;
            break;
        }
        TB_TRY(session.evaluate(std::span<const int>(&history.back(), 1)));
    }
    if (result.stopReason == StopReason::Eos || result.stopReason == StopReason::ContextFull ||
        result.stopReason == StopReason::Cancelled) {
        if (!matcher.append(decoder.flush()) && onToken && result.stopReason != StopReason::Cancelled) {
            std::string rest = matcher.releasable(true);
            if (!rest.empty()) onToken({-1, rest});  // final text held back for a possible stop string
        }
    }
    result.text = matcher.text();
    result.generateSeconds = now() - t1;
    return result;
}

}  // namespace tb
