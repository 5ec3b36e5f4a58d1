// The hyperparameters of a Llama-family model, independent of the file format it came from.
// Filled by the loaders (Hugging Face config.json, GGUF metadata); read by inference, trainer, export.
#pragma once

#include "core/common/result.h"

#include <string>
#include <vector>

namespace tb {

enum class Architecture { Llama, Mistral, Qwen2 };

// How the rows of q/k weights pair dimensions for RoPE.
//  Interleaved: pairs (2j, 2j+1) within a head (Meta/llama2.c, GGUF `llama`).
//  RotateHalf:  pairs (j, j + headDim/2)       (Hugging Face, GGUF `qwen2`/NeoX).
// Loaders convert q/k to RotateHalf so that adapters and exports line up with Hugging Face/PEFT;
// kernels accept both so each layout can be tested against its own reference.
enum class RopeLayout { Interleaved, RotateHalf };

// Llama 3 "rope_type": "llama3" frequency scaling.
struct RopeScaling {
    bool enabled = false;
    float factor = 8.0f;
    float lowFreqFactor = 1.0f;
    float highFreqFactor = 4.0f;
    int originalMaxPositions = 8192;
};

struct ModelConfig {
    Architecture architecture = Architecture::Llama;
    int hiddenSize = 0;        // C
    int numLayers = 0;         // L
    int numHeads = 0;          // NH
    int numKvHeads = 0;        // NKV (GQA when < NH)
    int headDim = 0;           // usually C / NH
    int intermediateSize = 0;  // FFN width
    int vocabSize = 0;         // V
    int maxPositions = 2048;   // context length
    float ropeTheta = 10000.0f;
    RopeScaling ropeScaling;
    float rmsNormEps = 1e-5f;
    bool tiedEmbeddings = false;
    bool attentionBias = false;  // q/k/v biases (qwen2)
    // Sliding-window attention (Mistral): a token attends to at most this many positions, itself included
    // (keys at distance < slidingWindow). 0: the whole causal context.
    int slidingWindow = 0;
    int bosTokenId = -1;
    std::vector<int> eosTokenIds;
    std::string sourceFormat;  // "hf-safetensors", "gguf"
    std::string sourceDtype;   // "F32", "BF16", "Q8_0", ...

    int kvDim() const { return numKvHeads * headDim; }
    int qDim() const { return numHeads * headDim; }
    // Parameters in the tensors (embedding counted once when tied).
    long long parameterCount() const;
    // Checks that the numbers are consistent (positive, heads divide, ...). Message names the field.
    Status validate() const;
};

std::string architectureName(Architecture arch);
// Accepts Hugging Face model_type / architectures names and GGUF general.architecture values.
Result<Architecture> parseArchitecture(const std::string& name);
std::string supportedArchitecturesText();

}  // namespace tb
