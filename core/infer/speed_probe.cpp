#include "core/infer/speed_probe.h"

#include "core/infer/inference_session.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <ctime>

namespace tb {

long peakRssBytes() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return long(u.ru_maxrss) * 1024;
}

namespace {
double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

double cpuNow() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
}  // namespace

Result<SpeedReport> measureInferenceSpeed(const std::shared_ptr<const InferenceModel>& model,
                                          const SpeedOptions& o, const ProgressCallback& progress) {
    if (o.promptTokens < 0 || o.genTokens < 0 || o.depth < 0 || o.repetitions < 1)
        return inputError("speed probe: token counts must be >= 0 and repetitions >= 1");
    const int V = model->config().vocabSize;
    const int need = std::max(o.promptTokens, o.depth + o.genTokens);
    if (need > model->config().maxPositions)
        return inputError("speed probe needs " + std::to_string(need) + " positions; the model allows " +
                          std::to_string(model->config().maxPositions));
    std::vector<int> tokens(static_cast<size_t>(std::max(need, 1)));
    uint32_t state = 12345;
    for (int& t : tokens) {
        state = state * 1664525u + 1013904223u;
        t = int((state >> 8) % uint32_t(V));
    }
    InferenceSession session(model, std::max(need, 1));
    SpeedReport r;
    r.weightBytesPerToken = model->matmulWeightBytes();
    std::vector<double> promptCpu, genCpu;
    for (int rep = 0; rep <= o.repetitions; ++rep) {  // rep 0 warms caches and page-faults buffers in
        if (!reportProgress(progress, {"Benchmark", rep, o.repetitions + 1, ""})) return cancelledError();
        if (o.promptTokens > 0) {
            session.reset();
            const double t0 = now(), c0 = cpuNow();
            TB_TRY(session.evaluate(std::span<const int>(tokens).first(size_t(o.promptTokens))));
            const double dt = now() - t0, dc = cpuNow() - c0;
            if (rep > 0) {
                r.promptRuns.push_back(o.promptTokens / dt);
                promptCpu.push_back(o.promptTokens / dc);
            }
        }
        if (o.genTokens > 0) {
            session.reset();
            if (o.depth > 0) TB_TRY(session.evaluate(std::span<const int>(tokens).first(size_t(o.depth))));
            const double t0 = now(), c0 = cpuNow();
            for (int i = 0; i < o.genTokens; ++i)
                TB_TRY(session.evaluate(std::span<const int>(tokens).subspan(size_t(o.depth + i), 1)));
            const double dt = now() - t0, dc = cpuNow() - c0;
            if (rep > 0) {
                r.genRuns.push_back(o.genTokens / dt);
                genCpu.push_back(o.genTokens / dc);
            }
        }
    }
    r.promptTokensPerSecond = median(r.promptRuns);
    r.genTokensPerSecond = median(r.genRuns);
    r.promptTokensPerCpuSecond = median(promptCpu);
    r.genTokensPerCpuSecond = median(genCpu);
    r.peakRssBytes = peakRssBytes();
    return r;
}

}  // namespace tb
