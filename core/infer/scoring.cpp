#include "core/infer/scoring.h"

#include <algorithm>
#include <cmath>

namespace tb {

double negativeLogLikelihood(std::span<const float> logits, int target) {
    double mx = -INFINITY;
    for (float v : logits) mx = std::max(mx, double(v));
    double sum = 0.0;
    for (float v : logits) sum += std::exp(double(v) - mx);
    return mx + std::log(sum) - double(logits[size_t(target)]);
}

Result<TokenScores> scoreTokens(InferenceSession& session, std::span<const int> tokens, const ProgressCallback& progress) {
    const int n = int(tokens.size());
    if (n < 2) return inputError("scoring needs at least two tokens (got " + std::to_string(n) + ")");
    if (n > session.contextLength())
        return inputError("the text has " + std::to_string(n) + " tokens, more than the context length " +
                          std::to_string(session.contextLength()));
    session.reset();
    TokenScores scores;
    scores.nll.reserve(size_t(n - 1));
    const int V = session.model().config().vocabSize;
    constexpr int kChunk = 128;  // bounds the (chunk, V) logits matrix
    // The last token needs no logits of its own: it is only a target.
    for (int t0 = 0; t0 < n - 1; t0 += kChunk) {
        const int len = std::min(kChunk, n - 1 - t0);
        if (!reportProgress(progress, {"Scoring", t0, n - 1, ""})) return cancelledError();
        TB_TRY(session.evaluate(tokens.subspan(size_t(t0), size_t(len)), LogitsMode::All));
        const Matrix& logits = session.allLogits();
        for (int i = 0; i < len; ++i)
            scores.nll.push_back(
                negativeLogLikelihood({logits.row(i).data(), size_t(V)}, tokens[size_t(t0 + i + 1)]));
    }
    double sum = 0.0;
    for (double v : scores.nll) sum += v;
    scores.scoredTokens = int(scores.nll.size());
    scores.meanNll = sum / scores.scoredTokens;
    scores.perplexity = std::exp(scores.meanNll);
    reportProgress(progress, {"Scoring", n - 1, n - 1, ""});
    return scores;
}

}  // namespace tb
