// `tunebench train`: LoRA or full fine-tuning of a model on a JSONL dataset, writing RUN_DIR/run.json,
// metrics.jsonl, checkpoints/ and adapter/ (PEFT). The body loads the model and calls core/train.
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/common/atomic_file.h"
#include "core/train/model_example_encoder.h"
#include "core/train/train_config_json.h"
#include "core/train/train_run.h"

#if __has_include("core/model/model_loader.h")
#include "core/model/model_loader.h"
#include "core/export/fine_tuned_model.h"
#define TB_TRAIN_HAVE_LOADER 1
#endif

#include <cstdio>
#include <memory>

namespace {
struct TrainArgs {
    std::string model, data, val, out, config, method, targets, lossOn = "completion", compute;
    float loraR = 0, loraAlpha = 0;
    int epochs = 0, batch = 0, gradAccum = 0, maxSeqLen = 0;
    double lr = 0;
    long long maxSteps = -1, seed = -1;
    bool resume = false, noChatTemplate = false, packing = false;
};

tb::Result<tb::train::TrainConfig> buildConfig(const TrainArgs& a, CLI::App& verb) {
    tb::train::TrainConfig c;
    c.lora.rank = 8, c.lora.alpha = 16, c.lr = 2e-4, c.batch.batchSize = 4, c.batch.maxSeqLen = 512;
    if (!a.config.empty()) {
        auto text = tb::readWholeFile(a.config, 1 << 22);
        if (!text) return text.error();
        auto j = nlohmann::json::parse(*text, nullptr, false);
        if (j.is_discarded()) return tb::inputError(a.config + ": not valid JSON");
        auto parsed = tb::train::trainConfigFromJson(j, c, a.config);
        if (!parsed) return parsed.error();
        c = *parsed;
    }
    // Command-line options override the file.
    if (verb.count("--method")) {
        if (a.method != "lora" && a.method != "full") return tb::inputError("--method: expected lora or full");
        c.method = a.method == "lora" ? tb::train::TrainMethod::Lora : tb::train::TrainMethod::Full;
    }
    if (verb.count("--compute-precision")) {
        if (a.compute != "f32" && a.compute != "bf16") return tb::inputError("--compute-precision: expected f32 or bf16");
        c.compute = a.compute == "bf16" ? tb::train::ComputePrecision::BF16 : tb::train::ComputePrecision::F32;
    }
    if (verb.count("--lora-r")) c.lora.rank = int(a.loraR);
    if (verb.count("--lora-alpha")) c.lora.alpha = a.loraAlpha;
    if (verb.count("--targets")) {
        auto t = tb::train::parseTargets(a.targets);
        if (!t) return tb::inputError("--targets: " + t.message());
        c.lora.targets = *t;
    }
    if (verb.count("--epochs")) c.epochs = a.epochs;
    if (verb.count("--lr")) c.lr = a.lr;
    if (verb.count("--batch")) c.batch.batchSize = a.batch;
    if (verb.count("--grad-accum")) c.gradAccum = a.gradAccum;
    if (verb.count("--max-seq-len")) c.batch.maxSeqLen = a.maxSeqLen;
    if (verb.count("--max-steps")) c.maxSteps = a.maxSteps;
    if (verb.count("--seed")) c.seed = uint64_t(a.seed);
    if (verb.count("--packing")) c.batch.packing = true;
    c.resume = a.resume;
    return c;
}
}  // namespace

namespace {
tb::cli::VerbRegistrar registrar("train", "Fine-tune a model (LoRA or full) on a JSONL dataset",
                                 [](CLI::App& verb, tb::cli::Context& ctx) {
    auto a = std::make_shared<TrainArgs>();
    verb.add_option("--model", a->model, "Model: Hugging Face folder or .gguf")->required();
    verb.add_option("--data", a->data, "Training data (JSONL: prompt/completion, messages or text)")->required();
    verb.add_option("--val", a->val, "Validation data (JSONL)");
    verb.add_option("--out", a->out, "Run folder (metrics.jsonl, checkpoints/, adapter/)")->required();
    verb.add_option("--config", a->config, "run.json with training settings (options below override it)");
    verb.add_option("--method", a->method, "lora (default) or full");
    verb.add_option("--compute-precision", a->compute,
                    "f32 (default) or bf16: multiply the frozen base weights in BF16 (LoRA only; ~2x faster on CPUs "
                    "with AVX512-BF16)");
    verb.add_option("--lora-r", a->loraR, "LoRA rank (default 8)");
    verb.add_option("--lora-alpha", a->loraAlpha, "LoRA alpha (default 16)");
    verb.add_option("--targets", a->targets, "Target modules, e.g. q,k,v,o (or all)");
    verb.add_option("--epochs", a->epochs, "Epochs (default 1)");
    verb.add_option("--lr", a->lr, "Peak learning rate (default 2e-4)");
    verb.add_option("--batch", a->batch, "Micro-batch rows (default 4)");
    verb.add_option("--grad-accum", a->gradAccum, "Micro-batches per optimizer step (default 1)");
    verb.add_option("--max-seq-len", a->maxSeqLen, "Longest example in tokens; longer ones are truncated and counted");
    verb.add_option("--max-steps", a->maxSteps, "Stop after this many optimizer steps");
    verb.add_option("--seed", a->seed, "Seed for initialisation, order and dropout (default 42)");
    verb.add_option("--loss-on", a->lossOn, "completion (default: completion / assistant tokens) or all");
    verb.add_flag("--packing", a->packing, "Pack several examples per row (attention stays inside each)");
    verb.add_flag("--no-chat-template", a->noChatTemplate, "Plain prompt + completion + EOS even if the model has a template");
    verb.add_flag("--resume", a->resume, "Continue from the newest checkpoint in the run folder");
    verb.callback([a, &ctx, &verb] {
        auto cfg = buildConfig(*a, verb);
        if (!cfg) return tb::cli::fail(ctx, cfg.error());
        if (a->lossOn != "completion" && a->lossOn != "all")
            return tb::cli::fail(ctx, tb::inputError("--loss-on: expected completion or all"));
#ifdef TB_TRAIN_HAVE_LOADER
        // A dataset version encrypted at rest is decrypted in memory with the workspace key; with the key the
        // run folder's adapters and checkpoints are written encrypted (a run inside an encrypted workspace, or
        // one trained on its encrypted data).
        auto key = tb::cli::unlockForFiles(ctx.workspaceDir, ctx.keyFile, {a->data, a->val}, {a->out});
        if (!key) return tb::cli::fail(ctx, key.error());
        if (*key && cfg->method == tb::train::TrainMethod::Full)
            return tb::cli::fail(ctx, tb::inputError(
                "--method full: the tuned model would be written as a plain model folder, which an encrypted "
                "workspace does not allow (its loaders read plain files); train a LoRA adapter here, which is "
                "stored encrypted, or run full fine-tuning in an unencrypted workspace"));
        auto loaded = tb::loadModel(a->model, {});
        if (!loaded) return tb::cli::fail(ctx, loaded.error());
        tb::ModelWeights weights = std::move(loaded->weights);
        tb::train::ModelEncoderInfo info;
        auto enc = tb::train::makeModelExampleEncoder(a->model, weights.config.vocabSize, !a->noChatTemplate, &info);
        if (!enc) return tb::cli::fail(ctx, enc.error());
        tb::train::TrainJobOptions o;
        o.modelPath = a->model, o.dataPath = a->data, o.valPath = a->val, o.outDir = a->out;
        o.key = *key ? &**key : nullptr;
        o.lossOn = a->lossOn == "all" ? tb::train::LossOn::All : tb::train::LossOn::Completion;
        o.config = *cfg;
        const bool human = !ctx.json;
        auto callback = [human, &ctx](const tb::train::TrainProgress& p) {
            if (human && ctx.err)
                *ctx.err << "step " << p.step << "/" << p.totalSteps << " loss " << p.trainLoss
                         << (p.valLoss >= 0 ? " val " + std::to_string(p.valLoss) : std::string()) << " lr " << p.lr
                         << " tokens/s " << int(p.tokensPerSecond) << " eta " << int(p.etaSeconds) << "s\n";
            return tb::train::TrainControl::Continue;
        };
        auto s = tb::train::runTrainingJob(weights, *enc, o, callback);
        if (!s) return tb::cli::fail(ctx, s.error());
        // Full fine-tuning trained the weights in place: save them as a model the other verbs load, in the
        // source's own format (an HF folder keeps its tokenizer files; a GGUF keeps its tokenizer metadata).
        std::string modelOut;
        if (cfg->method == tb::train::TrainMethod::Full && s->result.steps > 0) {
            auto saved = tb::exporter::saveFullFineTunedModel(a->out, weights, *loaded);
            if (!saved) return tb::cli::fail(ctx, saved.error());
            modelOut = *saved;
        }
        nlohmann::json doc = {
            {"ok", true}, {"run_dir", a->out}, {"steps", s->result.steps}, {"final_loss", s->result.lastTrainLoss},
            {"best_val_loss", s->result.bestValLoss}, {"best_step", s->result.bestStep},
            {"stopped_early", s->result.stoppedEarly}, {"resumed_from_step", s->result.resumedFrom ? s->result.resumedStep : 0},
            {"adapter", s->adapterDir}, {"adapter_best", s->bestAdapterDir}, {"model", modelOut}, {"chat_template", info.hasChatTemplate},
            {"examples", {{"train", s->trainReport.examples}, {"validation", s->valReport.examples},
                          {"truncated", s->trainReport.truncated + s->valReport.truncated},
                          {"dropped", s->trainReport.dropped + s->valReport.dropped}}},
            {"estimate", {{"memory_bytes", s->estimate.totalBytes}, {"seconds", s->estimate.seconds}}},
            {"peak_rss_bytes", s->result.peakRssBytes}};
        std::string text = "trained " + std::to_string(s->result.steps) + " steps, final loss " +
                           std::to_string(s->result.lastTrainLoss) + "\n";
        if (s->trainReport.truncated + s->valReport.truncated > 0)
            text += std::to_string(s->trainReport.truncated + s->valReport.truncated) + " examples truncated to --max-seq-len, " +
                    std::to_string(s->trainReport.dropped + s->valReport.dropped) + " dropped (no target left)\n";
        if (!s->adapterDir.empty()) text += "adapter: " + s->adapterDir + "\n";
        if (!modelOut.empty()) text += "model: " + modelOut + "\n";
        tb::cli::succeed(ctx, doc, text);
#else
        tb::cli::fail(ctx, tb::internalError("this build has no model loader (core/model/model_loader.h)"));
#endif
    });
});
}  // namespace
