// Inference speed harness, measured like `llama-bench -t 2 -p 256 -n 64` (and `-p 0 -n 64 -d 256`):
//   pp256  one 256-token prompt into an empty cache, logits for the last token only;
//   tg64   64 single-token decode steps from an empty cache;
//   tg64@256  64 decode steps after a 256-token context.
// Random weights of the stories15M and SmolLM2-135M shapes, F32 and BF16. Each figure is the median of
// --reps runs after a warm-up. Before timing it checks that KV-cache decode equals full recompute.
// Usage: bench_infer [--shape stories15m|smollm2|all] [--precision f32|bf16|all] [--threads N] [--reps N]
#include "core/infer/gemv.h"
#include "core/infer/inference_session.h"
#include "core/infer/random_weights.h"
#include "core/infer/speed_probe.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace {

double loadAverage() {
    std::ifstream f("/proc/loadavg");
    double v = 0;
    f >> v;
    return v;
}

long currentRssKiB() {
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

long peakRssKiB() { return tb::peakRssBytes() / 1024; }

std::vector<int> randomTokens(int n, int vocab, unsigned seed) {
    std::vector<int> t(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) t[size_t(i)] = int((1103515245u * (seed + unsigned(i)) + 12345u) % unsigned(vocab));
    return t;
}

bool checkDecodeEqualsRecompute(const std::shared_ptr<const tb::InferenceModel>& model) {
    const int V = model->config().vocabSize;
    auto tokens = randomTokens(9, V, 7);
    tb::InferenceSession full(model, 64), inc(model, 64);
    if (!full.evaluate(tokens).ok()) return false;
    if (!inc.evaluate(std::span<const int>(tokens).first(8)).ok()) return false;
    if (!inc.evaluate(std::span<const int>(tokens).subspan(8, 1)).ok()) return false;
    float maxDiff = 0, maxAbs = 0;
    int argFull = 0, argInc = 0;
    for (int i = 0; i < V; ++i) {
        const float a = full.logits()[size_t(i)], b = inc.logits()[size_t(i)];
        maxDiff = std::max(maxDiff, std::fabs(a - b));
        maxAbs = std::max(maxAbs, std::fabs(a));
        if (a > full.logits()[size_t(argFull)]) argFull = i;
        if (b > inc.logits()[size_t(argInc)]) argInc = i;
    }
    std::printf("  check: decode vs recompute max |diff| = %.2e (max |logit| %.2f, argmax %d vs %d)\n", maxDiff, maxAbs,
                argFull, argInc);
    // F32 sums in another order differ in the last bits. BF16 rounds every layer's activations, so such a
    // last-bit difference can flip a rounding and grow through the layers: allow 5% of the logit range.
    if (model->precision() == tb::WeightPrecision::F32) return maxDiff < 1e-3f;
    return maxDiff < 0.05f * maxAbs;
}

void runShape(const char* name, const tb::ModelConfig& config, tb::WeightPrecision precision, int threads,
              int reps) {
    const long rssBefore = currentRssKiB();
    auto weights = std::make_shared<tb::ModelWeights>(tb::randomModelWeights(config, 42));
    auto created = tb::InferenceModel::create(std::move(weights), {precision, threads});
    if (!created.ok()) {
        std::printf("%s: %s\n", name, created.message().c_str());
        return;
    }
    auto model = created.value();
    std::printf("%s %s, %d threads, kernel %s, matmul weights %.1f MB\n", name, tb::precisionName(precision),
                model->threads(), tb::gemvKernelName(), model->matmulWeightBytes() / 1e6);
    if (!checkDecodeEqualsRecompute(model)) {
        std::printf("  CHECK FAILED: not timing\n");
        return;
    }
    tb::SpeedOptions pp{256, 64, 0, reps};
    auto a = tb::measureInferenceSpeed(model, pp);
    tb::SpeedOptions deep{0, 64, 256, reps};
    auto b = tb::measureInferenceSpeed(model, deep);
    if (!a.ok() || !b.ok()) {
        std::printf("  failed: %s\n", (a.ok() ? b.message() : a.message()).c_str());
        return;
    }
    std::printf("  pp256 %.1f tok/s | tg64 %.1f tok/s (%.1f GB/s of weights) | tg64@256 %.1f tok/s\n",
                a->promptTokensPerSecond, a->genTokensPerSecond,
                a->genTokensPerSecond * double(model->matmulWeightBytes()) / 1e9, b->genTokensPerSecond);
    std::printf("  per CPU-second: pp256 %.1f | tg64 %.1f | tg64@256 %.1f  (load average now %.1f)\n",
                a->promptTokensPerCpuSecond, a->genTokensPerCpuSecond, b->genTokensPerCpuSecond, loadAverage());
    std::printf("  RSS %.1f MiB (this shape added %.1f MiB; process peak %.1f MiB)\n", currentRssKiB() / 1024.0,
                (currentRssKiB() - rssBefore) / 1024.0, peakRssKiB() / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::string shape = "all", precision = "all";
    int threads = 2, reps = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--shape")) shape = argv[i + 1];
        else if (!std::strcmp(argv[i], "--precision")) precision = argv[i + 1];
        else if (!std::strcmp(argv[i], "--threads")) threads = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--reps")) reps = std::atoi(argv[i + 1]);
        else {
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
            return 1;
        }
    }
    for (const char* s : {"stories15m", "smollm2"}) {
        if (shape != "all" && shape != s) continue;
        for (tb::WeightPrecision p : {tb::WeightPrecision::F32, tb::WeightPrecision::BF16}) {
            if (precision != "all" && precision != tb::precisionName(p)) continue;
            runShape(s, std::string(s) == "stories15m" ? tb::stories15MShape() : tb::smolLM2_135MShape(), p,
                     threads, reps);
        }
    }
    return 0;
}
