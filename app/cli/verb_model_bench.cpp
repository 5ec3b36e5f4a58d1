// `tunebench model bench PATH [--prompt-tokens 256] [--gen-tokens 64] [--depth 0] [--threads N]
// [--precision f32|bf16] [--reps 3] [--json]`: prompt processing and decode tokens/s and peak memory,
// measured like llama-bench (-p 256 -n 64 [-d D]): median of --reps runs after a warm-up.
#include "app/cli/cli.h"
#include "core/infer/inference_loader.h"
#include "core/infer/speed_probe.h"

#include <cstdio>
#include <memory>

namespace {

struct BenchArgs {
    std::string path, precision = "f32";
    int promptTokens = 256, genTokens = 64, depth = 0, threads = 0, reps = 3;
};

tb::cli::VerbRegistrar registrar(
    "model bench", "Measure prompt and decode speed (tokens/s) and peak memory, like llama-bench",
    [](CLI::App& verb, tb::cli::Context& ctx) {
        auto a = std::make_shared<BenchArgs>();
        verb.add_option("PATH", a->path, "Model: Hugging Face folder or .gguf file")->required();
        verb.add_option("--prompt-tokens", a->promptTokens, "Prompt length for pp (0 = skip)")->capture_default_str();
        verb.add_option("--gen-tokens", a->genTokens, "Decode steps for tg (0 = skip)")->capture_default_str();
        verb.add_option("--depth", a->depth, "Tokens already in the cache before tg")->capture_default_str();
        verb.add_option("--threads", a->threads, "Threads for the math (0 = all cores)")->capture_default_str();
        verb.add_option("--precision", a->precision, "Weights in memory: f32 or bf16")->capture_default_str();
        verb.add_option("--reps", a->reps, "Timed repetitions (median reported)")->capture_default_str();
        verb.callback([&ctx, a] {
            auto precision = tb::parsePrecision(a->precision);
            if (!precision.ok()) return tb::cli::fail(ctx, precision.error());
            auto bundle = tb::loadForInference(a->path, {*precision, a->threads});
            if (!bundle.ok()) return tb::cli::fail(ctx, bundle.error());
            auto r = tb::measureInferenceSpeed(bundle->model, {a->promptTokens, a->genTokens, a->depth, a->reps});
            if (!r.ok()) return tb::cli::fail(ctx, r.error());
            const auto& m = *bundle->model;
            nlohmann::json doc = {{"ok", true},
                                  {"model", a->path},
                                  {"precision", tb::precisionName(*precision)},
                                  {"threads", m.threads()},
                                  {"parameters", m.config().parameterCount()},
                                  {"prompt_tokens", a->promptTokens},
                                  {"gen_tokens", a->genTokens},
                                  {"depth", a->depth},
                                  {"pp_tokens_per_second", r->promptTokensPerSecond},
                                  {"tg_tokens_per_second", r->genTokensPerSecond},
                                  {"pp_runs", r->promptRuns},
                                  {"tg_runs", r->genRuns},
                                  {"weight_bytes_per_token", r->weightBytesPerToken},
                                  {"peak_rss_bytes", r->peakRssBytes},
                                  {"load_seconds", bundle->loadSeconds}};
            char text[512];
            std::snprintf(text, sizeof text,
                          "%s  %s, %d threads\n  pp%d  %10.1f tok/s\n  tg%d  %10.1f tok/s%s\n  peak RSS %.1f MiB\n",
                          a->path.c_str(), tb::precisionName(*precision), m.threads(), a->promptTokens,
                          r->promptTokensPerSecond, a->genTokens, r->genTokensPerSecond,
                          a->depth > 0 ? (" (after " + std::to_string(a->depth) + " tokens)").c_str() : "",
                          r->peakRssBytes / 1048576.0);
            tb::cli::succeed(ctx, doc, text);
        });
    });

}  // namespace
