// Teacher-forced scoring: the negative log-likelihood of each token given the ones before it, for
// perplexity and evaluation. Runs the prompt in chunks with all-position logits. Not generation.
#pragma once

#include "core/infer/inference_session.h"

#include <span>
#include <vector>

namespace tb {

struct TokenScores {
    std::vector<double> nll;   // -log p(tokens[i] | tokens[<i]) for i = 1 .. n-1, natural log
    double meanNll = 0.0;      // mean of nll
    double perplexity = 0.0;   // exp(meanNll)
    int scoredTokens = 0;      // nll.size()
};

// Resets the session, then scores tokens[1..] (tokens[0], usually BOS, is context only). Needs at least
// two tokens and at most session.contextLength(). progress reports tokens done; false cancels.
Result<TokenScores> scoreTokens(InferenceSession& session, std::span<const int> tokens,
                                const ProgressCallback& progress = {});

// -log softmax(logits)[target], computed in double.
double negativeLogLikelihood(std::span<const float> logits, int target);

}  // namespace tb
