// `tunebench eval score PREDICTIONS.jsonl [--task classification|generation|json] [--stem] [--labels a,b]`:
// scores stored predictions without a model (ROUGE, BLEU, token F1, accuracy/F1 per class, JSON validity).
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/eval/eval_score_file.h"

#include <memory>

namespace {
struct Options {
    std::string file;
    std::string task;
    std::string labels;
    bool stem = false;
};

tb::cli::VerbRegistrar registrar(
    "eval score", "Score stored predictions (JSONL) without a model", [](CLI::App& verb, tb::cli::Context& ctx) {
        auto o = std::make_shared<Options>();
        verb.add_option("predictions", o->file, "Predictions file (JSONL: prediction + reference/references/label)")
            ->required();
        verb.add_option("--task", o->task,
                        "classification, generation or json (default: classification when --labels is given or "
                        "every line has a label, else generation)");
        verb.add_flag("--stem", o->stem, "Porter-stem tokens for ROUGE (rouge-score's use_stemmer)");
        verb.add_option("--labels", o->labels, "Comma-separated class labels (classification)");
        verb.callback([&ctx, o] {
            auto key = tb::cli::unlockForFiles(ctx.workspaceDir, ctx.keyFile, {o->file});
            if (!key.ok()) return tb::cli::fail(ctx, key.error());
            const tb::WorkspaceKey* k = *key ? &**key : nullptr;
            tb::eval::ScoreOptions options;
            options.useStemmer = o->stem;
            options.labels = tb::eval::splitLabelList(o->labels);
            if (!o->task.empty()) {
                auto task = tb::eval::parseEvalTask(o->task);
                if (!task.ok()) return tb::cli::fail(ctx, task.error());
                options.task = *task;
            } else {
                options.task = tb::eval::EvalTask::Generation;
                if (!options.labels.empty()) {
                    options.task = tb::eval::EvalTask::Classification;
                } else {
                    auto set = tb::eval::readPredictionsFile(o->file, k);
                    if (set.ok() && !set->records.empty()) {
                        bool allLabelled = true;
                        for (const auto& r : set->records) allLabelled = allLabelled && !r.label.empty();
                        if (allLabelled) options.task = tb::eval::EvalTask::Classification;
                    }
                }
            }
            auto report = tb::eval::scorePredictionsFile(o->file, options, {}, k);
            if (!report.ok()) return tb::cli::fail(ctx, report.error());
            nlohmann::json doc = report->toJson();
            doc["ok"] = true;
            tb::cli::succeed(ctx, doc, tb::eval::reportSummaryText(*report));
        });
    });
}  // namespace
