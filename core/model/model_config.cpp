#include "core/model/model_config.h"

#include <algorithm>
#include <cctype>

namespace tb {

std::string architectureName(Architecture arch) {
    switch (arch) {
    case Architecture::Llama: return "llama";
    case Architecture::Mistral: return "mistral";
    case Architecture::Qwen2: return "qwen2";
    }
    return "unknown";
}

std::string supportedArchitecturesText() { return "llama (Llama 2/3, TinyLlama, SmolLM), mistral, qwen2"; }

Result<Architecture> parseArchitecture(const std::string& name) {
    std::string n = name;
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (n == "llama" || n == "llamaforcausallm") return Architecture::Llama;
    if (n == "mistral" || n == "mistralforcausallm") return Architecture::Mistral;
    if (n == "qwen2" || n == "qwen2forcausallm") return Architecture::Qwen2;
    return inputError("unsupported architecture '" + name + "'; supported: " + supportedArchitecturesText());
}

long long ModelConfig::parameterCount() const {
    long long c = hiddenSize, f = intermediateSize, v = vocabSize;
    long long perLayer = c * qDim() + 2LL * c * kvDim() + qDim() * c + 3LL * c * f + 2 * c;
    if (attentionBias) perLayer += qDim() + 2LL * kvDim();
    long long total = perLayer * numLayers + v * c + c;
    if (!tiedEmbeddings) total += v * c;
    return total;
}

Status ModelConfig::validate() const {
    auto positive = [](const char* field, long long value) -> Status {
        if (value <= 0) return inputError(std::string(field) + " must be positive (got " + std::to_string(value) + ")");
        return Status::success();
    };
    TB_TRY(positive("hidden_size", hiddenSize));
    TB_TRY(positive("num_hidden_layers", numLayers));
    TB_TRY(positive("num_attention_heads", numHeads));
    TB_TRY(positive("num_key_value_heads", numKvHeads));
    TB_TRY(positive("head_dim", headDim));
    TB_TRY(positive("intermediate_size", intermediateSize));
    TB_TRY(positive("vocab_size", vocabSize));
    TB_TRY(positive("max_position_embeddings", maxPositions));
    if (numHeads % numKvHeads != 0)
        return inputError("num_attention_heads (" + std::to_string(numHeads) +
                          ") is not a multiple of num_key_value_heads (" + std::to_string(numKvHeads) + ")");
    if (headDim % 2 != 0) return inputError("head_dim must be even for RoPE (got " + std::to_string(headDim) + ")");
    if (!(ropeTheta > 0)) return inputError("rope_theta must be positive");
    if (slidingWindow < 0) return inputError("sliding_window must be positive or absent");
    if (!(rmsNormEps > 0)) return inputError("rms_norm_eps must be positive");
    // Guard against absurd sizes from hostile files before anything allocates.
    if (hiddenSize > 65536 || numLayers > 1024 || vocabSize > 4'000'000 || intermediateSize > 1'000'000 ||
        numHeads > 1024)
        return inputError("model dimensions are implausibly large (hidden " + std::to_string(hiddenSize) +
                          ", layers " + std::to_string(numLayers) + ", vocab " + std::to_string(vocabSize) + ")");
    return Status::success();
}

}  // namespace tb
