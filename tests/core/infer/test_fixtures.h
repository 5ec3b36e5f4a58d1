// Test helpers for the inference tests: reads the golden fixtures of tests/reference/make_infer_golden.py
// (HF-style config.json + hand-written safetensors) and the llama2.c stories260K checkpoint, without the
// project's loaders, so the engine is checked against data read independently.
#pragma once

#include "core/model/model_weights.h"

#include <string>
#include <vector>

namespace tb::test {

struct GoldenSequence {
    std::vector<int> tokens;
    Matrix logits;  // (T, V)
};

struct GoldenModel {
    ModelWeights weights;
    std::vector<GoldenSequence> sequences;
};

// dir: tests/data/infer/<variant>. Throws std::runtime_error on malformed files (tests only).
GoldenModel readGoldenModel(const std::string& dir);

// llama2.c legacy (version 0) checkpoint: interleaved q/k rows, tied head when vocab_size > 0.
ModelWeights readLlama2cCheckpoint(const std::string& path);

std::string sourceDir();
std::string sharedDir();

}  // namespace tb::test
