// LoRA training throughput (forward + backward + AdamW, tokens/s) and peak RSS for the two shapes of
// ../shared/BENCHMARKS.md: random fp32 weights, tied embeddings, LoRA r=16 alpha=32 on q,k,v,o,gate,up,down,
// loss on the second half of each sequence. Before timing it checks the loss of the untrained adapter
// (B = 0) against ln(V) and one LoRA gradient against a finite difference.
// With bf16 the frozen weights are multiplied as BF16 panels (ComputePrecision::BF16); its check compares
// the loss and that gradient with the F32 model's instead of the finite difference.
// Usage: OMP_NUM_THREADS=2 bench_train [stories15M|smol135M] [steps] [f32|bf16]   (prints one JSON line)
#include "core/train/adamw.h"
#include "core/train/lora_init.h"
#include "core/train/train_model.h"
#include "core/train/trainer.h"

#include <nlohmann/json.hpp>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <sys/resource.h>

using namespace tb;
using namespace tb::train;

namespace {
struct Shape {
    int C, L, NH, NKV, F, V, B, T;
    float theta;
    double torchTokensPerSecond, torchRssGiB;
};

ModelWeights randomModel(const Shape& s, uint64_t seed) {
    ModelWeights w;
    ModelConfig& c = w.config;
    c.hiddenSize = s.C, c.numLayers = s.L, c.numHeads = s.NH, c.numKvHeads = s.NKV, c.headDim = s.C / s.NH;
    c.intermediateSize = s.F, c.vocabSize = s.V, c.ropeTheta = s.theta, c.tiedEmbeddings = true, c.maxPositions = 2048;
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> d(0.0f, 0.02f);
    auto mat = [&](int r, int cc) { Matrix m(r, cc); for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = d(rng); return m; };
    w.tokenEmbedding = mat(s.V, s.C);
    for (int l = 0; l < s.L; ++l) {
        LayerWeights lw;
        lw.attnNorm = Vector::Ones(s.C), lw.ffnNorm = Vector::Ones(s.C);
        lw.wq = mat(c.qDim(), s.C), lw.wk = mat(c.kvDim(), s.C), lw.wv = mat(c.kvDim(), s.C), lw.wo = mat(s.C, c.qDim());
        lw.wGate = mat(s.F, s.C), lw.wUp = mat(s.F, s.C), lw.wDown = mat(s.C, s.F);
        w.layers.push_back(std::move(lw));
    }
    w.finalNorm = Vector::Ones(s.C);
    return w;
}
}  // namespace

int main(int argc, char** argv) {
    const std::string name = argc > 1 ? argv[1] : "stories15M";
    const int steps = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const std::string precision = argc > 3 ? argv[3] : "f32";
    if (precision != "f32" && precision != "bf16") {
        std::fprintf(stderr, "unknown precision %s (f32 or bf16)\n", precision.c_str());
        return 1;
    }
    const ComputePrecision compute = precision == "bf16" ? ComputePrecision::BF16 : ComputePrecision::F32;
    Shape s;
    if (name == "stories15M") s = {288, 6, 6, 6, 768, 32000, 8, 256, 10000.0f, 1346, 2.6};
    else if (name == "smol135M") s = {576, 30, 9, 3, 1536, 49152, 4, 256, 100000.0f, 207, 6.5};
    else {
        std::fprintf(stderr, "unknown shape %s (stories15M or smol135M)\n", name.c_str());
        return 1;
    }
    ModelWeights w = randomModel(s, 1);
    LoraSettings ls;
    ls.rank = 16, ls.alpha = 32, ls.targets = {"q", "k", "v", "o", "gate", "up", "down"};
    LoraAdapter a = initLoraAdapter(w.config, ls, 2).value();
    TrainModel model(w, &a, TrainMethod::Lora, compute);
    MicroBatch b;
    b.resize(s.B, s.T);
    std::mt19937_64 rng(3);
    for (int r = 0; r < s.B; ++r)
        for (int t = 0; t < s.T; ++t) {
            const size_t i = size_t(r) * s.T + t;
            b.tokens[i] = int32_t(rng() % uint64_t(s.V));
            b.positions[i] = t, b.segments[i] = 0;
        }
    for (int r = 0; r < s.B; ++r)
        for (int t = s.T / 2 - 1; t < s.T - 1; ++t) b.targets[size_t(r) * s.T + t] = b.tokens[size_t(r) * s.T + t + 1];
    const double targets = double(b.targetCount());

    // Check before timing: B = 0 so the model is the random base (loss ~ ln V); one dL/dB against FD.
    model.zeroGradients();
    const double loss0 = model.forwardBackward(b, float(1.0 / targets), 0).lossSum / targets;
    if (std::abs(loss0 - std::log(double(s.V))) > 0.15) {
        std::fprintf(stderr, "check failed: loss %.4f, expected about ln(V) = %.4f\n", loss0, std::log(double(s.V)));
        return 2;
    }
    ParamRef& pb = model.params()[1];  // 0.q.lora_B
    const float g = model.gradients()[size_t(pb.offset)];
    double reference = 0.0;  // f32: finite difference; bf16: the F32 model's gradient
    if (compute == ComputePrecision::F32) {
        const float old = pb.data[0], eps = 1e-2f;
        pb.data[0] = old + eps;
        const double lp = model.forward(b, false, 0).lossSum / targets;
        pb.data[0] = old - eps;
        const double lm = model.forward(b, false, 0).lossSum / targets;
        pb.data[0] = old;
        reference = (lp - lm) / (2.0 * eps);
    } else {
        TrainModel f32(w, &a, TrainMethod::Lora, ComputePrecision::F32);
        f32.zeroGradients();
        const double lossF32 = f32.forwardBackward(b, float(1.0 / targets), 0).lossSum / targets;
        reference = f32.gradients()[size_t(f32.params()[1].offset)];
        if (std::abs(lossF32 - loss0) > 0.01) {
            std::fprintf(stderr, "check failed: bf16 loss %.5f, f32 loss %.5f\n", loss0, lossF32);
            return 2;
        }
    }
    if (std::abs(reference - g) > 1e-3 + 0.05 * std::abs(reference)) {
        std::fprintf(stderr, "check failed: dL/dB analytic %.6g, reference %.6g\n", g, reference);
        return 2;
    }

    // The bf16 check's F32 model is gone: restart the peak-RSS count so it measures the bf16 run alone.
    if (FILE* f = std::fopen("/proc/self/clear_refs", "w")) {
        std::fputs("5", f);
        std::fclose(f);
    }
    AdamWSettings as;
    as.weightDecay = 0.0f;
    AdamW opt(model.trainableCount(), as);
    std::vector<double> tps, tpcs;
    auto cpuSeconds = [] {
        rusage u{};
        getrusage(RUSAGE_SELF, &u);
        return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + 1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
    };
    for (int i = 0; i < steps + 1; ++i) {  // first step is warm-up
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = cpuSeconds();
        model.zeroGradients();
        model.forwardBackward(b, float(1.0 / targets), uint64_t(i));
        clipGradNorm(model.gradients(), 1.0);
        opt.step(model.params(), model.gradients().data(), 1e-4f);
        const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (i > 0) {
            tps.push_back(double(s.B) * s.T / sec);
            tpcs.push_back(double(s.B) * s.T / (cpuSeconds() - c0));
        }
    }
    std::sort(tps.begin(), tps.end());
    std::sort(tpcs.begin(), tpcs.end());
    double load = 0;
    if (FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &load) != 1) load = 0;
        std::fclose(f);
    }
    const double median = tps[tps.size() / 2];
    const double rssGiB = double(peakRssBytes()) / (1024.0 * 1024.0 * 1024.0);
    nlohmann::json out = {{"bench", "train_lora"}, {"shape", name}, {"compute", precision},
                          {"threads", omp_get_max_threads()}, {"load_average", load},
                          {"tokens_per_cpu_s_median", tpcs[tpcs.size() / 2]},
                          {"batch", s.B}, {"seq", s.T}, {"steps", steps},
                          {"tokens_per_s_median", median}, {"tokens_per_s_min", tps.front()},
                          {"tokens_per_s_max", tps.back()}, {"peak_rss_gib", rssGiB},
                          {"torch_tokens_per_s", s.torchTokensPerSecond}, {"torch_peak_rss_gib", s.torchRssGiB},
                          {"ratio_vs_torch", median / s.torchTokensPerSecond},
                          {"activation_mib", double(model.activationBytes()) / 1048576.0},
                          {"check", {{"loss", loss0}, {"dB_analytic", g}, {"dB_reference", reference}}}};
    std::printf("%s\n", out.dump().c_str());
    return 0;
}
