#include "core/infer/inference_model.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core/infer/rope.h"

#include <Eigen/Core>
#include <algorithm>
#include <cctype>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace tb {

Result<std::shared_ptr<const InferenceModel>> InferenceModel::create(std::shared_ptr<const ModelWeights> weights,
                                                                     const EngineOptions& options,
                                                                     const ProgressCallback& progress) {
    if (!weights) return inputError("no model weights given");
    std::shared_ptr<InferenceModel> m(new InferenceModel());
    m->m_traits = architectureTraits(weights->config);
    TB_TRY(m->m_traits.validate(*weights));
    m->m_weights = std::move(weights);
    m->m_precision = options.precision;
#ifdef _OPENMP
    m->m_threads = options.threads > 0 ? options.threads : omp_get_max_threads();
#else
    m->m_threads = 1;
#endif
    const ModelWeights& w = *m->m_weights;
    const int L = w.config.numLayers;
    // In BF16 mode the panels replace the F32 linear matrices, and nothing reads those any more (the
    // forward pass uses the norms, biases and embeddings; adapters are checked against the panels' shapes).
    // When this model is the weights' only owner (loadForInference hands them over; they were created
    // non-const), each matrix is released as soon as its panels exist: SmolLM2-135M in BF16 then holds
    // its BF16 copy and the embedding instead of both copies.
    ModelWeights* released = options.precision == WeightPrecision::BF16 && m->m_weights.use_count() == 1
                                 ? const_cast<ModelWeights*>(m->m_weights.get())
                                 : nullptr;
    m->m_layers.resize(size_t(L));
    for (int i = 0; i < L; ++i) {
        if (!reportProgress(progress, {"Preparing weights", i, L + 1, ""})) return cancelledError();
        const LayerWeights& lw = w.layers[size_t(i)];
        PreparedLayer& p = m->m_layers[size_t(i)];
        const WeightPrecision pr = options.precision;
        p.wq = LinearWeight(lw.wq, pr);
        p.wk = LinearWeight(lw.wk, pr);
        p.wv = LinearWeight(lw.wv, pr);
        p.wo = LinearWeight(lw.wo, pr);
        p.wGate = LinearWeight(lw.wGate, pr);
        p.wUp = LinearWeight(lw.wUp, pr);
        p.wDown = LinearWeight(lw.wDown, pr);
        if (released) {
            LayerWeights& owned = released->layers[size_t(i)];
            for (Matrix* mat : {&owned.wq, &owned.wk, &owned.wv, &owned.wo, &owned.wGate, &owned.wUp, &owned.wDown})
                Matrix().swap(*mat);
        }
    }
    m->m_output = LinearWeight(w.outputMatrix(), options.precision);
    if (released && !w.config.tiedEmbeddings) Matrix().swap(released->lmHead);  // tied: also the lookup table
#ifdef __GLIBC__
    // Matrices the allocator placed on its heap (not in their own mappings) go back to the free lists, not
    // to the system; returning their pages is what makes the release show in the resident size.
    if (released) malloc_trim(0);
#endif
    m->m_invFreq = tb::ropeInverseFrequencies(w.config);
    if (!reportProgress(progress, {"Preparing weights", L + 1, L + 1, ""})) return cancelledError();
    return std::shared_ptr<const InferenceModel>(std::move(m));
}

size_t InferenceModel::matmulWeightBytes() const {
    size_t total = m_output.bytes();
    for (const PreparedLayer& p : m_layers)
        for (const LinearWeight* lin : {&p.wq, &p.wk, &p.wv, &p.wo, &p.wGate, &p.wUp, &p.wDown}) total += lin->bytes();
    return total;
}

const char* precisionName(WeightPrecision p) { return p == WeightPrecision::BF16 ? "bf16" : "f32"; }

Result<WeightPrecision> parsePrecision(const std::string& name) {
    std::string n = name;
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (n == "f32" || n == "fp32" || n == "float32") return WeightPrecision::F32;
    if (n == "bf16" || n == "bfloat16") return WeightPrecision::BF16;
    return inputError("unknown precision '" + name + "' (expected f32 or bf16)");
}

}  // namespace tb
