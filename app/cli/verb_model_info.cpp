// `tunebench model info PATH [--json]`: format, architecture, sizes, RoPE, tied embeddings, dtype,
// parameter count and whether a chat template is present, for a Hugging Face folder or a .gguf file.
// Reads only the config and tensor headers (core/model/model_loader.h inspectModel), never the weights.
#include "app/cli/cli.h"
#include "core/model/model_loader.h"

#include <memory>

namespace {

tb::cli::VerbRegistrar registrar("model info", "Describe a model (HF folder or .gguf) without loading its weights",
                                 [](CLI::App& verb, tb::cli::Context& ctx) {
    auto path = std::make_shared<std::string>();
    verb.add_option("PATH", *path, "Model: Hugging Face folder (config.json + safetensors) or .gguf file")->required();
    verb.callback([&ctx, path] {
        auto info = tb::inspectModel(*path);
        if (!info) return tb::cli::fail(ctx, info.error());
        nlohmann::json doc = info->toJson();
        doc["ok"] = true;
        tb::cli::succeed(ctx, doc, info->toText());
    });
});

}  // namespace
