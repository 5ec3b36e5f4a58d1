// Measures inference speed the way llama-bench does: pp<N> (one N-token prompt into an empty cache,
// logits of the last token only) and tg<M> (M single-token decode steps, from an empty cache or after a
// context of `depth` tokens), median of several runs after a warm-up, plus the process's peak RSS.
// Not a correctness check (the bench harness does that first).
#pragma once

#include "core/common/progress.h"
#include "core/infer/inference_model.h"

namespace tb {

struct SpeedOptions {
    int promptTokens = 256;  // 0: skip pp
    int genTokens = 64;      // 0: skip tg
    int depth = 0;           // tokens in the cache before the tg run (llama-bench -d)
    int repetitions = 3;
};

struct SpeedReport {
    double promptTokensPerSecond = 0.0;  // median
    double genTokensPerSecond = 0.0;     // median
    std::vector<double> promptRuns, genRuns;
    // Tokens per second of process CPU time (all threads), median. On a busy shared machine wall-clock
    // figures mostly measure the other processes; threads x this is the figure an idle machine would give
    // if the work scaled perfectly (spin-waiting at barriers counts as CPU time, so it errs low).
    double promptTokensPerCpuSecond = 0.0;
    double genTokensPerCpuSecond = 0.0;
    long peakRssBytes = 0;               // of the whole process so far
    size_t weightBytesPerToken = 0;      // matmul weights read per decoded token
};

// Token ids are a fixed pseudo-random sequence over the vocabulary. Cancelled via progress between runs.
Result<SpeedReport> measureInferenceSpeed(const std::shared_ptr<const InferenceModel>& model,
                                          const SpeedOptions& options, const ProgressCallback& progress = {});

long peakRssBytes();

}  // namespace tb
