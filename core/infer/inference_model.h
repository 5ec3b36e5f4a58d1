// A model prepared for inference: the base weights (shared, never changed), their LinearWeight views or
// BF16 copies, architecture traits and RoPE frequencies. Immutable after create(), so any number of
// InferenceSessions (each with its own KV cache and LoRA adapter) can share one. Not a loader.
#pragma once

#include "core/common/progress.h"
#include "core/infer/architecture_traits.h"
#include "core/infer/linear.h"

#include <memory>
#include <vector>

namespace tb {

struct EngineOptions {
    WeightPrecision precision = WeightPrecision::F32;
    int threads = 0;  // OpenMP threads for the math; 0 = omp_get_max_threads()
};

struct PreparedLayer {
    LinearWeight wq, wk, wv, wo, wGate, wUp, wDown;
};

class InferenceModel {
public:
    // Validates the weights (shapes, biases the architecture needs) and builds the prepared copies.
    static Result<std::shared_ptr<const InferenceModel>> create(std::shared_ptr<const ModelWeights> weights,
                                                                const EngineOptions& options = {},
                                                                const ProgressCallback& progress = {});

    const ModelWeights& weights() const { return *m_weights; }
    const ModelConfig& config() const { return m_weights->config; }
    const ArchitectureTraits& traits() const { return m_traits; }
    const PreparedLayer& layer(int i) const { return m_layers[size_t(i)]; }
    const LinearWeight& output() const { return m_output; }
    const std::vector<double>& ropeInverseFrequencies() const { return m_invFreq; }
    WeightPrecision precision() const { return m_precision; }
    int threads() const { return m_threads; }
    // Bytes of weights read per decoded token (all matmuls incl. the head).
    size_t matmulWeightBytes() const;

private:
    InferenceModel() = default;
    std::shared_ptr<const ModelWeights> m_weights;
    ArchitectureTraits m_traits;
    std::vector<PreparedLayer> m_layers;
    LinearWeight m_output;
    std::vector<double> m_invFreq;
    WeightPrecision m_precision = WeightPrecision::F32;
    int m_threads = 1;
};

const char* precisionName(WeightPrecision p);
Result<WeightPrecision> parsePrecision(const std::string& name);  // "f32" / "bf16", any case

}  // namespace tb
