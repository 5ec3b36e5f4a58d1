// bench_model [--values N] [--runs R]
// 1. Dequantisation throughput (single thread) of F16, BF16, Q8_0, Q4_0, Q4_K, Q6_K on N random-but-valid
//    values, after checking each type against tests/data/model/quant_blocks_expected.json (numpy reference).
// 2. loadModel() wall time for stories260K as HF F32, HF BF16, GGUF F32 and GGUF Q8_0, after checking
//    that HF and GGUF F32 weights are identical. Prints one JSON line per figure (median of R runs).
#include "core/model/float_convert.h"
#include "core/model/gguf_reader.h"
#include "core/model/model_loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template <typename F>
double timeSeconds(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Random blocks with sane F16 scales (no inf/NaN) for a ggml type.
std::vector<uint8_t> randomBlocks(tb::GgmlType type, int64_t values, std::mt19937& rng) {
    const tb::GgmlTypeTraits t = tb::ggmlTypeTraits(uint32_t(type));
    std::vector<uint8_t> bytes(size_t(values / t.blockSize * t.typeSize));
    for (auto& b : bytes) b = uint8_t(rng());
    const uint16_t scale = tb::floatToF16(0.01f);
    auto setHalf = [&](size_t at) { std::memcpy(&bytes[at], &scale, 2); };
    for (size_t blk = 0; blk < bytes.size() / size_t(t.typeSize); ++blk) {
        const size_t base = blk * size_t(t.typeSize);
        switch (type) {
        case tb::GgmlType::Q8_0: case tb::GgmlType::Q4_0: setHalf(base); break;
        case tb::GgmlType::Q4_K: setHalf(base); setHalf(base + 2); break;
        case tb::GgmlType::Q6_K: setHalf(base + 208); break;
        default: break;
        }
    }
    if (type == tb::GgmlType::F16 || type == tb::GgmlType::BF16)
        for (size_t i = 0; i < bytes.size(); i += 2) bytes[i + 1] &= 0x3f;  // finite, moderate values
    return bytes;
}

}  // namespace

int main(int argc, char** argv) {
    int64_t values = 1 << 24;
    int runs = 5;
    for (int i = 1; i + 1 < argc; ++i) {
        if (!std::strcmp(argv[i], "--values")) values = std::atoll(argv[++i]) / 256 * 256;
        if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[++i]);
    }
    // Check against the numpy reference first.
    const std::string fixtures = std::string(TUNEBENCH_SOURCE_DIR) + "/tests/data/model/";
    auto ref = tb::GgufFile::open(fixtures + "quant_blocks.gguf");
    std::ifstream in(fixtures + "quant_blocks_expected.json");
    if (!ref.ok() || !in) {
        std::fprintf(stderr, "bench_model: cannot read the reference fixtures\n");
        return 1;
    }
    const nlohmann::json expected = nlohmann::json::parse(in);
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        auto got = ref.value()->readTensor(it.key());
        const auto want = it.value().get<std::vector<double>>();
        if (!got.ok() || got->size() != want.size()) return std::fprintf(stderr, "bench_model: %s unreadable\n", it.key().c_str()), 1;
        for (size_t i = 0; i < want.size(); ++i)
            if (std::abs((*got)[i] - want[i]) > 1e-6 * std::abs(want[i]) + 1e-9)
                return std::fprintf(stderr, "bench_model: %s differs from the reference\n", it.key().c_str()), 1;
    }
    std::mt19937 rng(5);
    std::vector<float> out(static_cast<size_t>(values), 0.0f);
    for (tb::GgmlType type : {tb::GgmlType::F16, tb::GgmlType::BF16, tb::GgmlType::Q8_0, tb::GgmlType::Q4_0,
                              tb::GgmlType::Q4_K, tb::GgmlType::Q6_K}) {
        const auto blocks = randomBlocks(type, values, rng);
        std::vector<double> secs;
        for (int r = 0; r < runs; ++r)
            secs.push_back(timeSeconds([&] { (void)tb::dequantize(type, blocks.data(), values, out.data()); }));
        const double s = median(secs);
        std::printf("%s\n", nlohmann::json{{"bench", "dequantize"}, {"type", tb::ggmlTypeName(uint32_t(type))},
                                           {"values", values}, {"seconds", s}, {"mvalues_per_s", values / s / 1e6},
                                           {"gb_out_per_s", values * 4.0 / s / 1e9}}.dump().c_str());
    }
    const std::string stories = std::string(TUNEBENCH_SHARED_DIR) + "/models/stories260K/";
    auto hf = tb::loadModel(stories + "hf");
    auto gg = tb::loadModel(stories + "stories260K-f32.gguf");
    if (!hf.ok() || !gg.ok() || hf->weights.layers[2].wq != gg->weights.layers[2].wq) {
        std::fprintf(stderr, "bench_model: HF and GGUF stories260K weights differ\n");
        return 1;
    }
    for (const char* rel : {"hf", "hf-bf16", "stories260K-f32.gguf", "stories260K-q8_0.gguf"}) {
        std::vector<double> secs;
        for (int r = 0; r < runs; ++r)
            secs.push_back(timeSeconds([&] { (void)tb::loadModel(stories + rel); }));
        std::printf("%s\n", nlohmann::json{{"bench", "load"}, {"model", std::string("stories260K/") + rel},
                                           {"ms", median(secs) * 1e3}}.dump().c_str());
    }
    return 0;
}
