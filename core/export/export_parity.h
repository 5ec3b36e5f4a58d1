// The export-parity check: the same prompts through the in-memory tuned model (base + LoRA at the matmul)
// and through an exported artifact loaded back with our own loaders, compared token by token along the
// reference's greedy path (max |logit diff| and the first greedy mismatch). Writes export_parity.json.
// Not an exporter and not a benchmark.
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/model/lora_adapter.h"
#include "core/model/model_weights.h"
#include "core/tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace tb::exporter {

enum class ArtifactKind { HfFolder, GgufModel, GgufLora, PeftFolder };
const char* artifactKindName(ArtifactKind kind);

struct ParityOptions {
    std::vector<std::string> prompts = {"Once upon a time", "The little dog", "Lily and Tom went to the park. They"};
    int greedyTokens = 16;  // tokens generated after each prompt
    float tolerance = 1e-4f;  // max |logit diff| allowed (F32 default; see defaultParityTolerance)
};

// F32 1e-4; F16 0.1; BF16 0.5; Q8_0 0.5 (weights rounded/quantized; compute stays F32).
float defaultParityTolerance(const std::string& storageType);

struct PromptParity {
    std::string prompt;
    std::vector<int> promptIds;
    std::vector<int> referenceIds;  // greedy ids of the in-memory tuned model
    std::vector<int> artifactIds;   // the artifact's argmax at each step of the same path
    int firstMismatch = -1;         // -1: identical greedy ids
    float maxAbsLogitDiff = 0.0f;
};

struct ParityReport {
    std::string artifact;  // path
    std::string kind;
    std::string storageType;
    float tolerance = 0.0f;
    float maxAbsLogitDiff = 0.0f;
    bool greedyIdentical = true;
    bool tokenizerIdentical = true;  // the artifact's tokenizer (when it has one) encodes the prompts alike
    std::string tokenizerNote;
    bool passed = false;  // logits within tolerance and, for F32, identical greedy ids
    std::vector<PromptParity> prompts;
    nlohmann::json toJson() const;
};

// `base` + `adapter` (may be null) is the reference. The artifact is loaded from `artifactPath`:
// HfFolder / GgufModel through loadModel (no adapter), GgufLora / PeftFolder as an adapter on `base`.
Result<ParityReport> checkExportParity(const ModelWeights& base, const LoraAdapter* adapter,
                                       std::shared_ptr<const Tokenizer> tokenizer, ArtifactKind kind,
                                       const std::string& artifactPath, const std::string& storageType,
                                       const ParityOptions& options = {}, const ProgressCallback& progress = {});

// Writes report.toJson() to `path` atomically.
Status writeParityReport(const std::string& path, const ParityReport& report);

}  // namespace tb::exporter
