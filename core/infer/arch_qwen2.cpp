// Qwen2: a Llama block with biases on the q, k and v projections (never on o), RotateHalf RoPE.
#include "core/infer/architecture_traits.h"

namespace tb {

namespace {
Status validateQwen2(const ModelWeights& w) {
    TB_TRY(validateCommonWeights(w));
    return validateAttentionBiases(w);
}
}  // namespace

ArchitectureTraits qwen2Traits(const ModelConfig&) {
    ArchitectureTraits t;
    t.name = "qwen2";
    t.qkvBias = true;
    t.validate = validateQwen2;
    return t;
}

}  // namespace tb
