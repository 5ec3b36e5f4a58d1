// Writes the random-weight benchmark models of ../shared/BENCHMARKS.md as GGUF files that llama.cpp's
// llama-bench loads, so our bench_infer and llama-bench can be compared on the same shapes in one session.
// Weights are the same seeded random values bench_infer uses; the tokenizer metadata is copied from a
// vocab-only GGUF (e.g. ../shared/tokenizer-conformance/ggml-vocab-llama-spm.gguf for the 32000 vocab,
// ggml-vocab-starcoder.gguf for 49152). Only a bench helper: the files are throw-away.
// Usage: bench_write_peer_gguf --shape stories15m|smollm2 --type f32|bf16|f16 --vocab VOCAB.gguf --out OUT.gguf
#include "core/export/gguf_model_export.h"
#include "core/infer/random_weights.h"
#include "core/model/gguf_reader.h"

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    std::string shape = "stories15m", type = "f32", vocab, out;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--shape") shape = argv[i + 1];
        else if (a == "--type") type = argv[i + 1];
        else if (a == "--vocab") vocab = argv[i + 1];
        else if (a == "--out") out = argv[i + 1];
        else {
            std::fprintf(stderr, "unknown option %s\n", a.c_str());
            return 2;
        }
    }
    if (vocab.empty() || out.empty()) {
        std::fprintf(stderr, "usage: bench_write_peer_gguf --shape stories15m|smollm2 --type f32|bf16|f16 --vocab V.gguf --out O.gguf\n");
        return 2;
    }
    const tb::ModelConfig config = shape == "smollm2" ? tb::smolLM2_135MShape() : tb::stories15MShape();
    auto vocabFile = tb::GgufFile::open(vocab);
    if (!vocabFile.ok()) {
        std::fprintf(stderr, "%s\n", vocabFile.error().message.c_str());
        return 1;
    }
    tb::GgufMetadata tokenizer;
    for (const std::string& key : (*vocabFile)->keys())
        if (key.rfind("tokenizer.", 0) == 0) tokenizer.emplace_back(key, *(*vocabFile)->find(key));
    auto tokens = (*vocabFile)->getStringArray("tokenizer.ggml.tokens");
    if (!tokens.ok() || int(tokens->size()) != config.vocabSize) {
        std::fprintf(stderr, "%s: vocabulary has %zu tokens, the %s shape needs %d\n", vocab.c_str(),
                     tokens.ok() ? tokens->size() : size_t(0), shape.c_str(), config.vocabSize);
        return 1;
    }
    tb::exporter::GgufExportOptions options;
    options.type = type == "bf16" ? tb::StorageType::BF16 : type == "f16" ? tb::StorageType::F16 : tb::StorageType::F32;
    options.name = "tunebench-bench-" + shape;
    const tb::ModelWeights weights = tb::randomModelWeights(config, 42);
    if (auto s = tb::exporter::writeGgufModel(out, weights, tokenizer, options); !s.ok()) {
        std::fprintf(stderr, "%s\n", s.error().message.c_str());
        return 1;
    }
    std::printf("wrote %s (%s, %s)\n", out.c_str(), shape.c_str(), type.c_str());
    return 0;
}
