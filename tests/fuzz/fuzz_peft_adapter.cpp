// Fuzz target: a PEFT LoRA adapter folder a user hands Tunebench (adapter_config.json + adapter_model.safetensors,
// also what a registered artifact's files decrypt to) must give an adapter or an error, never a crash, hang
// or huge allocation; with a model's configuration every accepted module must fit that model.
// Input: adapter_config.json, one NUL byte, adapter_model.safetensors (JSON holds no NUL; no NUL: no tensors file).
// Each input is parsed twice: without a model and against the tiny 2-layer model peft_tiny was made for.
#include <cstdlib>
#include <string>

#include "core/train/lora_init.h"
#include "core/train/peft_adapter.h"
#include "core/train/train_model.h"
#include "fuzz_guard.h"

namespace {

tb::ModelConfig tinyModel() {  // tests/data/train/peft_tiny's model: C 16, L 2, 4 heads (2 KV) of 4, FFN 24
    tb::ModelConfig c;
    c.architecture = tb::Architecture::Llama;
    c.hiddenSize = 16, c.numLayers = 2, c.numHeads = 4, c.numKvHeads = 2, c.headDim = 4;
    c.intermediateSize = 24, c.vocabSize = 37, c.maxPositions = 64;
    return c;
}

void check(const tb::LoraAdapter& a, const tb::ModelConfig* config) {
    if (a.rank <= 0 || a.modules.empty() || a.targets.empty()) std::abort();
    for (const auto& [key, pair] : a.modules) {
        if (pair.a.rows() != a.rank || pair.b.cols() != a.rank) std::abort();
        if (!config) continue;
        const std::string target = key.substr(key.find('.') + 1);
        const auto [in, out] = tb::train::targetShape(*config, tb::train::targetIndex(target));
        if (pair.a.cols() != in || pair.b.rows() != out || std::stoi(key) >= config->numLayers) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    tbfuzz::Guard guard("peft_adapter", data, size);
    const std::string input(reinterpret_cast<const char*>(data), size);
    const size_t nul = input.find('\0');
    const std::string configJson = input.substr(0, nul);
    const std::string tensors = nul == std::string::npos ? std::string() : input.substr(nul + 1);
    static const tb::ModelConfig model = tinyModel();
    auto loose = tb::train::parsePeftAdapter("fuzz-adapter", configJson, tensors, nullptr);
    if (loose.ok()) check(*loose, nullptr);
    auto fitted = tb::train::parsePeftAdapter("fuzz-adapter", configJson, tensors, &model);
    if (fitted.ok()) {
        check(*fitted, &model);
        if (!loose.ok()) std::abort();  // a model can only add checks
    } else if (fitted.message().empty()) {
        std::abort();
    }
    return 0;
}
