// `tunebench export`: writes a model or adapter as peft | merged | gguf | gguf-lora, then runs the
// export-parity check (in-memory tuned model vs the artifact loaded back) and prints its result.
// The body is a call into core/export (export_job.h). Exit code 2 when the parity check fails.
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/export/export_job.h"

#include <memory>

namespace {
tb::cli::VerbRegistrar registrar("export", "Export a model or adapter (PEFT, merged HF folder, GGUF, GGUF LoRA) with a parity check",
                                 [](CLI::App& verb, tb::cli::Context& ctx) {
    auto r = std::make_shared<tb::exporter::ExportRequest>();
    auto noParity = std::make_shared<bool>(false);
    verb.add_option("--model", r->modelPath, "Base model: Hugging Face folder or .gguf")->required();
    verb.add_option("--adapter", r->adapterDir, "LoRA adapter (PEFT folder) to export or merge");
    verb.add_option("--format", r->format, "peft | merged | gguf | gguf-lora")->required();
    verb.add_option("--type", r->type, "f32 (default) | f16 | bf16 | q8_0 (q8_0: GGUF only)");
    verb.add_option("--out", r->outPath, "Output folder (peft, merged) or file (gguf, gguf-lora)")->required();
    verb.add_option("--parity-tokens", r->parity.greedyTokens, "Greedy tokens compared per prompt (default 16)");
    verb.add_option("--prompt", r->parity.prompts, "Parity prompt (repeatable; default: three short story openings)");
    verb.add_flag("--no-parity", *noParity, "Skip the export-parity check");
    verb.callback([r, noParity, &ctx] {
        r->runParity = !*noParity;
        // An adapter encrypted at rest is decrypted in memory; the export is written plain (it is what
        // leaves the workspace).
        auto key = tb::cli::unlockForFiles(ctx.workspaceDir, ctx.keyFile, tb::cli::adapterFiles(r->adapterDir));
        if (!key) return tb::cli::fail(ctx, key.error());
        r->key = *key ? &**key : nullptr;
        auto result = tb::exporter::runExport(*r);
        if (!result) return tb::cli::fail(ctx, result.error());
        nlohmann::json doc = result->toJson();
        doc["ok"] = !r->runParity || result->parity.passed;
        tb::cli::succeed(ctx, doc, result->toText());
        if (r->runParity && !result->parity.passed) ctx.exitCode = tb::cli::ExitInternal;
    });
});
}  // namespace
