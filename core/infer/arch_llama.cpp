// Llama (Llama 2/3, TinyLlama, SmolLM, Mistral): RMSNorm, RoPE, GQA, SiLU-gated MLP, no biases unless
// the config says attention_bias.
#include "core/infer/architecture_traits.h"

namespace tb {

namespace {
Status validateLlama(const ModelWeights& w) {
    TB_TRY(validateCommonWeights(w));
    if (w.config.attentionBias) TB_TRY(validateAttentionBiases(w));
    return Status::success();
}
}  // namespace

ArchitectureTraits llamaTraits(const ModelConfig& config) {
    ArchitectureTraits t;
    t.name = "llama";
    t.qkvBias = config.attentionBias;
    t.validate = validateLlama;
    return t;
}

}  // namespace tb
