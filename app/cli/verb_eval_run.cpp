// `tunebench eval run --model PATH [--adapter DIR] --data FILE [--task classification|generation|json]
// [--labels a,b] [--limit N] [--out PREDICTIONS.jsonl] [--batch N] [--max-tokens N] [--stop STR]...`
// runs the model over the data, stores every prediction and prints the report. `tunebench eval --model ...`
// (the group without a sub-verb) does the same; `eval score` / `eval run` keep their own meaning.
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/eval/eval_score_file.h"
#include "core/eval/evaluator.h"

#include <memory>

namespace {

struct RunArgs {
    std::string model, adapter, data, task, labels, out, precision = "f32";
    long long limit = 0;
    int batch = 4, maxTokens = 0, threads = 0;
    bool stem = false, noChatTemplate = false;
    std::vector<std::string> stops;
};

void addRunOptions(CLI::App& verb, RunArgs& a, bool required) {
    auto* model = verb.add_option("--model", a.model, "Model: Hugging Face folder or .gguf file");
    auto* data = verb.add_option("--data", a.data, "Dataset file (JSONL, CSV, ...: prompt/completion, chat, label)");
    if (required) model->required(), data->required();
    verb.add_option("--adapter", a.adapter, "PEFT LoRA adapter folder to apply over the model");
    verb.add_option("--task", a.task,
                    "classification, generation or json (default: classification when --labels is given or every "
                    "record has a label, else generation)");
    verb.add_option("--labels", a.labels, "Comma-separated class labels (classification)");
    verb.add_option("--limit", a.limit, "Evaluate only the first N usable records (0 = all)")->capture_default_str();
    verb.add_option("--out", a.out, "Where to store the predictions (default: <data>.<model>.predictions.jsonl)");
    verb.add_option("--batch", a.batch, "Examples decoded together")->capture_default_str();
    verb.add_option("--max-tokens", a.maxTokens, "Most new tokens per example (0 = longest reference + 16, max 256)")
        ->capture_default_str();
    verb.add_option("--stop", a.stops, "Stop generating before this text (repeatable)");
    verb.add_flag("--stem", a.stem, "Porter-stem tokens for ROUGE");
    verb.add_flag("--no-chat-template", a.noChatTemplate,
                  "Plain prompt even when the model has a chat template (as train --no-chat-template)");
    verb.add_option("--precision", a.precision, "Weights in memory: f32 or bf16")->capture_default_str();
    verb.add_option("--threads", a.threads, "Threads for the math (0 = all cores)")->capture_default_str();
}

void runEval(tb::cli::Context& ctx, const RunArgs& a) {
    if (a.model.empty()) return tb::cli::fail(ctx, tb::inputError("--model is required"));
    if (a.data.empty()) return tb::cli::fail(ctx, tb::inputError("--data is required"));
    auto precision = tb::parsePrecision(a.precision);
    if (!precision.ok()) return tb::cli::fail(ctx, precision.error());
    tb::eval::EvalModelSpec spec;
    spec.modelPath = a.model;
    spec.adapterDir = a.adapter;
    spec.engine = {*precision, a.threads};
    spec.useChatTemplate = !a.noChatTemplate;
    tb::eval::EvaluatorOptions o;
    o.score.useStemmer = a.stem;
    o.score.labels = tb::eval::splitLabelList(a.labels);
    if (a.task.empty()) {
        o.autoTask = true;
    } else {
        auto task = tb::eval::parseEvalTask(a.task);
        if (!task.ok()) return tb::cli::fail(ctx, task.error());
        o.score.task = *task;
    }
    o.limit = a.limit;
    o.batchSize = a.batch;
    o.maxNewTokens = a.maxTokens;
    o.stopStrings = a.stops;
    o.predictionsPath = a.out.empty() ? tb::eval::defaultPredictionsPath(spec, a.data) : a.out;
    // An encrypted dataset version or adapter is read with the key; the predictions are then written
    // encrypted too.
    std::vector<std::string> inputs = tb::cli::adapterFiles(a.adapter);
    inputs.push_back(a.data);
    auto key = tb::cli::unlockForFiles(ctx.workspaceDir, ctx.keyFile, inputs, {o.predictionsPath});
    if (!key.ok()) return tb::cli::fail(ctx, key.error());
    o.key = *key ? &**key : nullptr;
    tb::ProgressCallback progress;
    if (ctx.verbose)
        progress = [&ctx](const tb::Progress& p) {
            if (p.stage == "Evaluating") *ctx.err << "\r" << p.stage << " " << p.done << "/" << p.total << std::flush;
            return true;
        };
    auto run = tb::eval::runEvaluationOnFile(spec, a.data, o, progress);
    if (ctx.verbose) *ctx.err << "\n";
    if (!run.ok()) return tb::cli::fail(ctx, run.error());
    nlohmann::json doc = run->toJson();
    doc["ok"] = true;
    doc["data"] = a.data;
    std::string text = tb::eval::reportSummaryText(run->report);
    text += "\npredictions: " + run->predictions.file + " (" + std::to_string(run->predictions.records.size()) +
            " examples, " + std::to_string(run->predictions.errors.size()) + " skipped)";
    tb::cli::succeed(ctx, doc, text);
}

tb::cli::VerbRegistrar runVerb("eval run", "Run a model (optionally with an adapter) over a dataset and score it",
                               [](CLI::App& verb, tb::cli::Context& ctx) {
                                   auto a = std::make_shared<RunArgs>();
                                   addRunOptions(verb, *a, true);
                                   verb.callback([&ctx, a] { runEval(ctx, *a); });
                               });

// The group itself: without a sub-verb it is `eval run`.
tb::cli::VerbRegistrar group("eval", "Evaluate a model on a dataset (eval --model ... or eval run), or score stored "
                                     "predictions (eval score)",
                             [](CLI::App& verb, tb::cli::Context& ctx) {
                                 auto a = std::make_shared<RunArgs>();
                                 addRunOptions(verb, *a, false);
                                 verb.require_subcommand(0, 1);
                                 CLI::App* self = &verb;
                                 verb.callback([&ctx, a, self] {
                                     if (!self->get_subcommands().empty()) return;  // `eval score` / `eval run` ran
                                     runEval(ctx, *a);
                                 });
                             });

}  // namespace
