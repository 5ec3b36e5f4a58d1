// Picks the next token from logits: greedy, or temperature sampling restricted by top-k, top-p (nucleus)
// and min-p, after a repetition penalty; a seeded RNG makes runs reproducible. Not the generation loop.
// Order (as Hugging Face): repetition penalty, temperature, top-k, top-p, min-p, then draw.
#pragma once

#include "core/common/result.h"

#include <cstdint>
#include <random>
#include <span>
#include <utility>
#include <vector>

namespace tb {

struct SamplingParams {
    float temperature = 0.0f;        // <= 0: greedy (argmax)
    int topK = 0;                    // keep the K most likely; 0 = off
    float topP = 1.0f;               // keep the smallest set with total probability >= topP; 1 = off
    float minP = 0.0f;               // drop tokens with p < minP * max p; 0 = off
    float repetitionPenalty = 1.0f;  // CTRL/HF: seen tokens' logits divided (if > 0) or multiplied by it
    int repetitionWindow = 64;       // how many recent tokens count as seen; 0 = all
    uint64_t seed = 0;

    // Message names the field that is out of range.
    Status validate() const;
};

class Sampler {
public:
    explicit Sampler(const SamplingParams& params = {});

    // history: the tokens so far (prompt and generated), for the repetition penalty.
    int sample(std::span<const float> logits, std::span<const int> history = {});
    const SamplingParams& params() const { return m_params; }

private:
    double uniform();  // in [0, 1)
    SamplingParams m_params;
    std::mt19937_64 m_rng;
    std::vector<float> m_logits;                   // (V) working copy
    std::vector<std::pair<float, int>> m_cands;    // (prob, id)
};

}  // namespace tb
