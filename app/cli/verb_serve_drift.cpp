// `tunebench serve drift --model BASE --training FILE [--samples FILE]`: the drift report of the endpoint's
// sampled requests (serve/samples.jsonl, decrypted in an encrypted workspace) against the training data,
// measured with the base model's tokenizer — the same report the Serve page computes. Exit code 3 when
// the verdict is "significant drift", so a scheduled job can alert on it.
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/serve/drift_run.h"
#include "core/workspace/workspace.h"

#include <memory>

namespace {

struct DriftArgs {
    std::string model, training, samples;
    int minSamples = 20;
};

constexpr int kExitSignificantDrift = 3;

tb::cli::VerbRegistrar drift("serve drift", "Compare the endpoint's sampled requests with the training data (drift report)",
                             [](CLI::App& verb, tb::cli::Context& ctx) {
    auto a = std::make_shared<DriftArgs>();
    verb.add_option("--model", a->model, "Base model whose tokenizer measures prompt lengths")->required();
    verb.add_option("--training", a->training, "Training data (JSONL, CSV or TSV; a dataset version's train.jsonl)")
        ->required();
    verb.add_option("--samples", a->samples, "Sample log (default: the workspace's serve/samples.jsonl)");
    verb.add_option("--min-samples", a->minSamples, "Fewer sampled requests than this: insufficient data (default 20)");
    verb.callback([&ctx, a] {
        std::string samples = a->samples;
        if (samples.empty()) {
            auto ws = tb::Workspace::open(tb::Workspace::resolveDir(ctx.workspaceDir), true);
            if (!ws) return tb::cli::fail(ctx, ws.error());
            samples = (*ws)->root() + "/serve/samples.jsonl";
        }
        // Encrypted training data or an encrypted sample log need the key; the report itself holds only
        // figures and is printed, not stored.
        // (The log is encrypted per line, so it counts as a file inside an encrypted workspace, not by its magic.)
        auto key = tb::cli::unlockForFiles(ctx.workspaceDir, ctx.keyFile, {a->training}, {samples});
        if (!key) return tb::cli::fail(ctx, key.error());
        tb::serve::DriftThresholds thresholds;
        thresholds.minSamples = a->minSamples;
        auto run = tb::serve::driftReportFromFiles(a->model, a->training, samples, *key ? &**key : nullptr, thresholds);
        if (!run) return tb::cli::fail(ctx, run.error());
        const tb::serve::DriftReport& report = run->report;
        nlohmann::json doc = report.toJson();
        doc["ok"] = true;
        doc["training_records"] = run->trainingRecords;
        doc["samples_file"] = samples;
        std::string text = "verdict: " + report.verdict + " (" + std::to_string(report.servedSamples) +
                           " sampled requests against " + std::to_string(run->trainingRecords) + " training examples)\n";
        for (const auto& m : report.metrics) {
            char value[32];
            std::snprintf(value, sizeof value, "%.4f", m.value);
            text += "  " + m.name + " " + value + " [" + m.level + "] " + m.explanation + "\n";
        }
        for (const auto& r : report.reasons) text += "  - " + r + "\n";
        tb::cli::succeed(ctx, doc, text);
        if (report.verdict == "significant drift") ctx.exitCode = kExitSignificantDrift;
    });
});

}  // namespace
