// `tunebench compare --a PATH[:ADAPTER] --b PATH[:ADAPTER] --data FILE [--gate GATE.json] [--task ...]
// [--labels a,b] [--limit N] [--out-a FILE] [--out-b FILE] [--json]`: evaluates two models (base vs tuned,
// or two versions) on the same data, then prints both reports, the deltas (B - A), regressions (A right,
// B wrong), fixes, and with --gate the gate result for B against A as the base. Exit code 1 when a gate fails.
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/eval/comparison.h"
#include "core/eval/eval_gate.h"
#include "core/eval/eval_score_file.h"
#include "core/eval/evaluator.h"

#include <memory>
#include <sstream>

namespace {

struct CompareArgs {
    std::string a, b, data, gate, task, labels, outA, outB, precision = "f32";
    long long limit = 0;
    int batch = 4, maxTokens = 0, threads = 0;
    bool stem = false, noChatTemplate = false, noExamples = false;
};

nlohmann::json specJson(const tb::eval::EvalModelSpec& s, const std::string& predictions) {
    return {{"model", s.modelPath},
            {"adapter", s.adapterDir.empty() ? nlohmann::json() : nlohmann::json(s.adapterDir)},
            {"predictions_file", predictions}};
}

void runCompare(tb::cli::Context& ctx, const CompareArgs& args) {
    auto precision = tb::parsePrecision(args.precision);
    if (!precision.ok()) return tb::cli::fail(ctx, precision.error());
    std::optional<tb::eval::GateConfig> gate;
    if (!args.gate.empty()) {  // read first: a bad gate file should not cost two model runs
        auto g = tb::eval::readGateConfigFile(args.gate);
        if (!g.ok()) return tb::cli::fail(ctx, g.error());
        gate = *g;
    }
    tb::eval::EvalModelSpec specA = tb::eval::parseModelSpec(args.a), specB = tb::eval::parseModelSpec(args.b);
    for (auto* s : {&specA, &specB}) {
        s->engine = {*precision, args.threads};
        s->useChatTemplate = !args.noChatTemplate;
    }
    tb::eval::EvaluatorOptions o;
    o.score.useStemmer = args.stem;
    o.score.labels = tb::eval::splitLabelList(args.labels);
    if (args.task.empty()) {
        o.autoTask = true;
    } else {
        auto task = tb::eval::parseEvalTask(args.task);
        if (!task.ok()) return tb::cli::fail(ctx, task.error());
        o.score.task = *task;
    }
    o.limit = args.limit;
    o.batchSize = args.batch;
    o.maxNewTokens = args.maxTokens;
    // An encrypted dataset version (or predictions written into an encrypted workspace) needs the key.
    const std::string outA = args.outA.empty() ? tb::eval::defaultPredictionsPath(specA, args.data) : args.outA;
    const std::string outB = args.outB.empty() ? tb::eval::defaultPredictionsPath(specB, args.data) : args.outB;
    std::vector<std::string> inputs = tb::cli::adapterFiles(specA.adapterDir);
    for (auto& f : tb::cli::adapterFiles(specB.adapterDir)) inputs.push_back(f);
    inputs.push_back(args.data);
    auto key = tb::cli::unlockForFiles(ctx.workspaceDir, ctx.keyFile, inputs, {outA, outB});
    if (!key.ok()) return tb::cli::fail(ctx, key.error());
    o.key = *key ? &**key : nullptr;

    tb::eval::EvaluatorOptions oa = o;
    oa.predictionsPath = args.outA.empty() ? tb::eval::defaultPredictionsPath(specA, args.data) : args.outA;
    auto runA = tb::eval::runEvaluationOnFile(specA, args.data, oa);
    if (!runA.ok()) return tb::cli::fail(ctx, tb::Error{runA.error().kind, "model A: " + runA.message()});
    // B uses A's task and token budget so both sides are generated and scored alike.
    tb::eval::EvaluatorOptions ob = o;
    ob.autoTask = false;
    ob.score.task = runA->report.task;
    ob.maxNewTokens = runA->maxNewTokens;
    ob.predictionsPath = args.outB.empty() ? tb::eval::defaultPredictionsPath(specB, args.data) : args.outB;
    if (ob.predictionsPath == oa.predictionsPath) ob.predictionsPath += ".b.jsonl";
    auto runB = tb::eval::runEvaluationOnFile(specB, args.data, ob);
    if (!runB.ok()) return tb::cli::fail(ctx, tb::Error{runB.error().kind, "model B: " + runB.message()});

    auto cmp = tb::eval::comparePredictions(runA->predictions, runB->predictions, ob.score);
    if (!cmp.ok()) return tb::cli::fail(ctx, cmp.error());
    nlohmann::json doc = cmp->toJson(!args.noExamples);
    doc["ok"] = true;
    doc["data"] = args.data;
    doc["task"] = tb::eval::evalTaskName(ob.score.task);
    doc["max_new_tokens"] = runA->maxNewTokens;
    doc["model_a"] = specJson(specA, runA->predictions.file);
    doc["model_b"] = specJson(specB, runB->predictions.file);
    nlohmann::json regressions = nlohmann::json::array(), fixes = nlohmann::json::array();
    for (const auto& e : cmp->examples) {
        if (e.kind == tb::eval::ComparisonKind::Regression) regressions.push_back(e.id);
        if (e.kind == tb::eval::ComparisonKind::Fix) fixes.push_back(e.id);
    }
    doc["regression_ids"] = regressions;
    doc["fix_ids"] = fixes;
    std::optional<tb::eval::GateResult> gateResult;
    if (gate) {
        gateResult = tb::eval::evaluateGates(*gate, cmp->reportB, &cmp->reportA);
        doc["gate"] = gateResult->toJson();
    } else {
        doc["gate"] = nullptr;
    }

    std::ostringstream text;
    text << "A: " << args.a << "\nB: " << args.b << "\n" << cmp->examples.size() << " examples: "
         << cmp->bothRight << " both right, " << cmp->bothWrong << " both wrong, " << cmp->regressions
         << " regressions (A right, B wrong), " << cmp->fixes << " fixes, " << cmp->disagreements
         << " disagreements\n";
    for (const auto& [metric, delta] : cmp->deltas) {
        auto a = tb::eval::reportMetric(cmp->reportA, metric), b = tb::eval::reportMetric(cmp->reportB, metric);
        text << "  " << metric << ": " << (a ? *a : 0.0) << " -> " << (b ? *b : 0.0) << " (" << (delta >= 0 ? "+" : "")
             << delta << ")\n";
    }
    if (gateResult) {
        text << "gate: " << (gateResult->passed ? "PASSED" : "FAILED") << "\n";
        for (const auto& c : gateResult->checks) text << "  [" << (c.passed ? "ok" : "FAIL") << "] " << c.reason << "\n";
    }
    text << "predictions: " << runA->predictions.file << ", " << runB->predictions.file;
    tb::cli::succeed(ctx, doc, text.str());
    if (gateResult && !gateResult->passed) ctx.exitCode = tb::cli::ExitInput;
}

tb::cli::VerbRegistrar registrar(
    "compare", "Evaluate two models on the same data side by side: metrics, deltas, regressions, fixes, gates",
    [](CLI::App& verb, tb::cli::Context& ctx) {
        auto a = std::make_shared<CompareArgs>();
        verb.add_option("--a", a->a, "Model A (the base): PATH or PATH:ADAPTER_DIR")->required();
        verb.add_option("--b", a->b, "Model B (the candidate): PATH or PATH:ADAPTER_DIR")->required();
        verb.add_option("--data", a->data, "Dataset file both models are evaluated on")->required();
        verb.add_option("--gate", a->gate, "Gate rules (JSON, see core/eval/eval_gate.h) B must pass, A as the base");
        verb.add_option("--task", a->task, "classification, generation or json (default: from the data)");
        verb.add_option("--labels", a->labels, "Comma-separated class labels (classification)");
        verb.add_option("--limit", a->limit, "Evaluate only the first N usable records (0 = all)");
        verb.add_option("--out-a", a->outA, "Where to store A's predictions");
        verb.add_option("--out-b", a->outB, "Where to store B's predictions");
        verb.add_option("--batch", a->batch, "Examples decoded together")->capture_default_str();
        verb.add_option("--max-tokens", a->maxTokens, "Most new tokens per example (0 = longest reference + 16)")
            ->capture_default_str();
        verb.add_flag("--stem", a->stem, "Porter-stem tokens for ROUGE");
        verb.add_flag("--no-chat-template", a->noChatTemplate, "Plain prompts even when the model has a template");
        verb.add_flag("--no-examples", a->noExamples, "Leave the per-example table out of the JSON");
        verb.add_option("--precision", a->precision, "Weights in memory: f32 or bf16")->capture_default_str();
        verb.add_option("--threads", a->threads, "Threads for the math (0 = all cores)")->capture_default_str();
        verb.callback([&ctx, a] { runCompare(ctx, *a); });
    });

}  // namespace
