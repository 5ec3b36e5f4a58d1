// `tunebench model generate PATH --prompt TEXT [--chat] [--adapter DIR] [--max-tokens N] [--temperature T]
// [--top-p P] [--top-k K] [--min-p M] [--repeat-penalty R] [--seed S] [--stop STR]... [--precision f32|bf16]
// [--threads N] [--json]`: continue a prompt with the model. Text mode streams the continuation to stdout
// as it is produced; --json prints one document with the text and the token ids.
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/chat/chat_template.h"
#include "core/chat/model_chat_template.h"
#include "core/infer/generate.h"
#include "core/infer/inference_loader.h"
#include "core/train/peft_adapter.h"

#include <memory>

namespace {

struct GenerateArgs {
    std::string path, prompt, adapterDir, precision = "f32";
    bool chat = false;
    int maxTokens = 128, topK = 0, threads = 0;
    float temperature = 0.0f, topP = 1.0f, minP = 0.0f, repeatPenalty = 1.0f;
    uint64_t seed = 0;
    std::vector<std::string> stops;
};

// JSON needs valid UTF-8; generated text may end inside a character only if the model emits stray bytes.
std::string jsonSafe(const std::string& s) {
    return nlohmann::json::parse(nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
        .get<std::string>();
}

tb::Result<std::vector<int>> promptIds(const GenerateArgs& a, const tb::Tokenizer& tok) {
    if (!a.chat) return tok.encode(a.prompt, /*addSpecial=*/true);
    auto tmpl = tb::chat::loadModelChatTemplate(a.path);
    if (!tmpl.ok()) return tmpl.error();
    if (tmpl->text.empty())
        return tb::inputError(a.path + ": --chat: the model has no chat template (run without --chat to continue "
                                       "plain text)");
    tb::chat::ChatTemplateInput in;
    in.bosToken = tmpl->bosToken;
    in.eosToken = tmpl->eosToken;
    tb::chat::ChatMessage m;
    m.role = "user";
    m.content = a.prompt;
    in.messages.push_back(m);
    auto text = tb::chat::renderChatTemplate(tmpl->text, in);
    if (!text.ok()) return tb::inputError(tmpl->source + ": " + text.message());
    // As transformers' apply_chat_template: the template writes BOS itself, specials are parsed.
    return tok.encode(*text, /*addSpecial=*/false, /*parseSpecial=*/true);
}

tb::cli::VerbRegistrar registrar(
    "model generate", "Continue a prompt with a model (streams the text; --json adds the token ids)",
    [](CLI::App& verb, tb::cli::Context& ctx) {
        auto a = std::make_shared<GenerateArgs>();
        verb.add_option("PATH", a->path, "Model: Hugging Face folder or .gguf file")->required();
        verb.add_option("--prompt", a->prompt, "Text to continue (with --chat: the user message)")->required();
        verb.add_flag("--chat", a->chat, "Format the prompt with the model's chat template");
        verb.add_option("--adapter", a->adapterDir, "PEFT LoRA adapter folder to apply over the base model");
        verb.add_option("--max-tokens", a->maxTokens, "Most tokens to generate")->capture_default_str();
        verb.add_option("--temperature", a->temperature, "0 = greedy")->capture_default_str();
        verb.add_option("--top-p", a->topP, "Nucleus sampling mass (1 = off)")->capture_default_str();
        verb.add_option("--top-k", a->topK, "Keep the K most likely tokens (0 = off)")->capture_default_str();
        verb.add_option("--min-p", a->minP, "Drop tokens below this fraction of the top probability")->capture_default_str();
        verb.add_option("--repeat-penalty", a->repeatPenalty, "Penalty for the last 64 tokens (1 = off)")
            ->capture_default_str();
        verb.add_option("--seed", a->seed, "Random seed for sampling")->capture_default_str();
        verb.add_option("--stop", a->stops, "Stop before this text (repeatable)");
        verb.add_option("--precision", a->precision, "Weights in memory: f32 or bf16")->capture_default_str();
        verb.add_option("--threads", a->threads, "Threads for the math (0 = all cores)")->capture_default_str();
        verb.callback([&ctx, a] {
            auto precision = tb::parsePrecision(a->precision);
            if (!precision.ok()) return tb::cli::fail(ctx, precision.error());
            auto bundle = tb::loadForInference(a->path, {*precision, a->threads});
            if (!bundle.ok()) return tb::cli::fail(ctx, bundle.error());
            auto ids = promptIds(*a, *bundle->tokenizer);
            if (!ids.ok()) return tb::cli::fail(ctx, ids.error());
            tb::InferenceSession session(bundle->model);
            if (!a->adapterDir.empty()) {
                // An adapter encrypted at rest (a run in an encrypted workspace) is decrypted in memory.
                auto key = tb::cli::unlockForFiles(ctx.workspaceDir, ctx.keyFile, tb::cli::adapterFiles(a->adapterDir));
                if (!key.ok()) return tb::cli::fail(ctx, key.error());
                auto adapter = tb::train::readPeftAdapter(a->adapterDir, &bundle->model->config(), *key ? &**key : nullptr);
                if (!adapter.ok()) return tb::cli::fail(ctx, adapter.error());
                auto st = session.setAdapter(std::make_shared<tb::LoraAdapter>(std::move(adapter.value())));
                if (!st.ok()) return tb::cli::fail(ctx, tb::inputError(a->adapterDir + ": " + st.message()));
            }
            tb::GenerateOptions o;
            o.maxTokens = a->maxTokens;
            o.replyOnly = a->chat;
            o.stopStrings = a->stops;
            o.sampling.temperature = a->temperature;
            o.sampling.topP = a->topP;
            o.sampling.topK = a->topK;
            o.sampling.minP = a->minP;
            o.sampling.repetitionPenalty = a->repeatPenalty;
            o.sampling.seed = a->seed;
            tb::TokenCallback stream;
            if (!ctx.json)
                stream = [&ctx](const tb::GeneratedPiece& p) {
                    *ctx.out << p.text << std::flush;
                    return true;
                };
            auto r = tb::generate(session, bundle->tokenizer, *ids, o, stream);
            if (!r.ok()) return tb::cli::fail(ctx, r.error());
            if (!ctx.json) {
                *ctx.out << "\n" << std::flush;
                ctx.exitCode = tb::cli::ExitOk;
                return;
            }
            const double genRate = r->generateSeconds > 0 ? r->tokens.size() / r->generateSeconds : 0.0;
            const double ppRate = r->promptSeconds > 0 ? r->promptTokens / r->promptSeconds : 0.0;
            nlohmann::json doc = {{"ok", true},
                                  {"model", a->path},
                                  {"prompt_tokens", r->promptTokens},
                                  {"prompt_ids", *ids},
                                  {"tokens", r->tokens},
                                  {"text", jsonSafe(r->text)},
                                  {"stop_reason", tb::stopReasonName(r->stopReason)},
                                  {"adapter", a->adapterDir.empty() ? nlohmann::json() : nlohmann::json(a->adapterDir)},
                                  {"precision", tb::precisionName(*precision)},
                                  {"prompt_tokens_per_second", ppRate},
                                  {"tokens_per_second", genRate}};
            tb::cli::succeed(ctx, doc, "");
        });
    });

}  // namespace
