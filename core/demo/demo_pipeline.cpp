#include "core/demo/demo_pipeline.h"

#include "core/data/cleaner.h"
#include "core/data/dataset_import.h"
#include "core/data/dataset_version.h"
#include "core/data/quality_analyzer.h"
#include "core/data/splitter.h"
#include "core/demo/demo_base_model.h"
#include "core/eval/eval_gate.h"
#include "core/eval/evaluator.h"
#include "core/model/model_loader.h"
#include "core/registry/artifact_store.h"
#include "core/registry/registry.h"
#include "core/serve/http_server.h"
#include "core/train/model_example_encoder.h"
#include "core/train/peft_adapter.h"
#include "core/train/train_run.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#ifndef TUNEBENCH_RESOURCE_DIR
#define TUNEBENCH_RESOURCE_DIR "resources"
#endif

namespace tb::demo {

namespace fs = std::filesystem;

std::string defaultDemoResourcesDir() {
    if (const char* env = std::getenv("TUNEBENCH_RESOURCES"); env && *env) return std::string(env) + "/demo";
    return std::string(TUNEBENCH_RESOURCE_DIR) + "/demo";
}

nlohmann::json DemoResult::toJson() const {
    nlohmann::json steps_ = nlohmann::json::array();
    for (auto& s : steps) steps_.push_back({{"step", s.name}, {"summary", s.summary}, {"details", s.details}});
    return {{"steps", steps_}, {"base_accuracy", baseAccuracy}, {"tuned_accuracy", tunedAccuracy}};
}

namespace {

std::string pct(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * v);
    return buf;
}

std::string num(double v, const char* fmt = "%.3f") {
    char buf[32];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

const char* kAnalyst = "demo-analyst";
const char* kReviewer = "demo-reviewer";

}  // namespace

Result<DemoResult> runDemo(const DemoOptions& o, const DemoStepCallback& onStep, const ProgressCallback& progress) {
    DemoResult result;
    auto step = [&](std::string name, std::string summary, nlohmann::json details = nlohmann::json::object()) {
        DemoStep s{std::move(name), std::move(summary), std::move(details)};
        if (onStep) onStep(s);
        result.steps.push_back(std::move(s));
    };
    const std::string ws = o.workspaceRoot;
    std::string work = ws + "/demo-work";
    std::error_code ec;
    // Encrypted workspace: the plaintext intermediates (cleaned file, split) go to a private temporary
    // folder that is removed on every return path; the workspace gets the encrypted version, predictions,
    // the run folder (its adapter and checkpoints encrypted by the training job) and the adapter artifact.
    struct PrivateFolder {
        std::string path;
        ~PrivateFolder() {
            std::error_code e;
            if (!path.empty()) fs::remove_all(path, e);
        }
    } privateWork;
    if (o.key) {
        std::string tmpl = (fs::temp_directory_path() / "tunebench-demo-XXXXXX").string();
        if (!::mkdtemp(tmpl.data())) return internalError("demo: cannot create a private temporary folder");
        privateWork.path = work = tmpl;
    }
    fs::create_directories(work, ec);

    // 1. The base model, made by Tunebench itself (pre-trained from scratch once, then reused).
    auto base = ensureDemoBaseModel(o.resourcesDir, ws + "/models/demo-base", progress);
    if (!base) return base.error();
    step("base-model",
         std::string(base->created ? "pre-trained" : "reused") + " the demo base model (" +
             std::to_string(base->parameters) + " parameters, " + std::to_string(base->steps) +
             " steps, loss " + num(base->firstLoss) + " -> " + num(base->lastLoss) + ")",
         {{"folder", base->folder}, {"created", base->created}, {"seconds", base->seconds}});
    const std::string baseModel = base->folder;

    // 2. Import and inspect the support tickets.
    const std::string source = o.resourcesDir + "/support_tickets.jsonl";
    auto loaded = loadDataset(source, ImportOptions{});
    if (!loaded) return loaded.error();
    QualityReport quality = analyzeRecords(loaded->records);
    int64_t pii = quality.recordsWithPii;
    step("import", "imported " + std::to_string(loaded->records.size()) + " tickets (" +
                       std::to_string(loaded->rejected.size()) + " rejected) from " + source,
         {{"records", loaded->records.size()}, {"rejected", loaded->rejected.size()}});
    step("inspect", std::to_string(quality.exactDuplicateRecords) + " exact duplicates, " +
                        std::to_string(quality.nearDuplicateRecords) + " near-duplicates, " + std::to_string(pii) +
                        " records with personal data, " + std::to_string(quality.labels.size()) + " labels",
         {{"labels", quality.labels}, {"pii_by_type", quality.piiByType}});

    // 3. Clean: scrub PII to typed placeholders and drop exact duplicates.
    CleanOptions clean;
    clean.pii = PiiMode::Scrub;
    clean.dedup = DedupMode::Exact;
    auto cleaned = cleanFile(source, work + "/cleaned.jsonl", ImportOptions{}, clean, progress);
    if (!cleaned) return cleaned.error();
    nlohmann::json cleanSteps = nlohmann::json::array();
    std::string cleanText;
    for (auto& s : cleaned->steps) {
        cleanSteps.push_back({{"step", s.step}, {"changed", s.changed}, {"removed", s.removed}});
        if (s.changed || s.removed)
            cleanText += (cleanText.empty() ? "" : ", ") + s.step + " changed " + std::to_string(s.changed) +
                         " removed " + std::to_string(s.removed);
    }
    step("clean", std::to_string(cleaned->input) + " -> " + std::to_string(cleaned->output) + " records (" + cleanText + ")",
         {{"steps", cleanSteps}});

    // 4. Split, stratified by label, duplicates kept together; 5. save an immutable version.
    SplitOptions split;
    split.validation = 0.1;
    split.test = 0.2;
    split.seed = 7;
    split.stratify = true;
    auto splitResult = splitFile(work + "/cleaned.jsonl", work + "/split", ImportOptions{}, split, progress);
    if (!splitResult) return splitResult.error();
    step("split", "train " + std::to_string(splitResult->counts[0]) + ", validation " +
                      std::to_string(splitResult->counts[1]) + ", test " + std::to_string(splitResult->counts[2]) +
                      " (stratified; " + std::to_string(splitResult->groups) + " duplicate groups kept together)",
         splitResultToJson(*splitResult));
    CreateVersionOptions versionOptions{"support-tickets", "Demo support tickets, PII scrubbed, deduplicated", ""};
    versionOptions.key = o.key;
    auto version = createDatasetVersion(ws + "/datasets", work + "/split", versionOptions);
    if (!version) return version.error();
    step("version", "dataset support-tickets@" + version->version.substr(0, 12) +
                        (version->alreadyExisted ? " (identical content already saved)" : " saved"),
         {{"version", version->version}, {"dir", version->dir}});
    const std::string trainFile = version->dir + "/train.jsonl";
    const std::string valFile = version->dir + "/validation.jsonl";
    const std::string testFile = version->dir + "/test.jsonl";

    // 6. Fine-tune with LoRA on the train split.
    auto model = loadModel(baseModel);
    if (!model) return model.error();
    auto encoder = train::makeModelExampleEncoder(baseModel, model->weights.config.vocabSize, true);
    if (!encoder) return encoder.error();
    train::TrainJobOptions job;
    job.modelPath = baseModel;
    job.dataPath = trainFile;
    job.valPath = valFile;
    job.outDir = ws + "/runs/demo-" + version->version.substr(0, 8);
    job.key = o.key;
    job.config.method = train::TrainMethod::Lora;
    job.config.lora.rank = o.loraRank;
    job.config.lora.alpha = float(2 * o.loraRank);
    job.config.lora.targets = {"q", "k", "v", "o", "gate", "up", "down"};
    job.config.epochs = o.epochs;
    job.config.lr = o.learningRate;
    job.config.schedule = train::LrScheduleKind::Cosine;
    job.config.warmupSteps = 10;
    job.config.batch.batchSize = 16;
    job.config.batch.maxSeqLen = 128;
    job.config.seed = 11;
    fs::remove_all(job.outDir, ec);
    auto trained = train::runTrainingJob(model->weights, *encoder, job, train::trainCallbackFrom(progress));
    if (!trained) return trained.error();
    const auto& tr = trained->result;
    std::string adapterDir = trained->bestAdapterDir.empty() ? trained->adapterDir : trained->bestAdapterDir;
    step("fine-tune", "LoRA r=" + std::to_string(o.loraRank) + " on q,k,v,o,gate,up,down: " + std::to_string(tr.steps) + " steps, train loss " +
                          num(tr.stepLosses.empty() ? 0.0 : tr.stepLosses.front()) + " -> " + num(tr.lastTrainLoss) +
                          ", best validation loss " + num(tr.bestValLoss),
         {{"run_dir", job.outDir}, {"adapter", adapterDir}, {"steps", tr.steps}});

    // 7. Evaluate base and tuned on the held-out test split.
    eval::EvaluatorOptions evalOpts;
    evalOpts.score.task = eval::EvalTask::Classification;
    evalOpts.autoTask = false;
    evalOpts.limit = o.evalLimit;
    evalOpts.batchSize = 8;
    evalOpts.key = o.key;
    evalOpts.predictionsPath = ws + "/evaluations/demo-base-predictions.jsonl";
    auto baseEval = eval::runEvaluationOnFile({baseModel, "", {}, true}, testFile, evalOpts, progress);
    if (!baseEval) return baseEval.error();
    evalOpts.predictionsPath = ws + "/evaluations/demo-tuned-predictions.jsonl";
    auto tunedEval = eval::runEvaluationOnFile({baseModel, adapterDir, {}, true}, testFile, evalOpts, progress);
    if (!tunedEval) return tunedEval.error();
    result.baseAccuracy = baseEval->report.accuracy();
    result.tunedAccuracy = tunedEval->report.accuracy();
    double baseF1 = baseEval->report.classification ? baseEval->report.classification->macroF1 : 0.0;
    double tunedF1 = tunedEval->report.classification ? tunedEval->report.classification->macroF1 : 0.0;
    step("evaluate", "test accuracy base " + pct(result.baseAccuracy) + " -> tuned " + pct(result.tunedAccuracy) +
                         " (macro F1 " + num(baseF1) + " -> " + num(tunedF1) + ", " +
                         std::to_string(tunedEval->report.count) + " examples)",
         {{"base", baseEval->report.toJson()}, {"tuned", tunedEval->report.toJson()}});

    // 8. Quality gate: at least 70% accuracy and better than the base by 10 points.
    eval::GateConfig gate;
    gate.minimum["accuracy"] = 0.7;
    gate.beatBase = true;
    gate.baseMargin = 0.1;
    gate.primaryMetric = "accuracy";
    auto gateResult = eval::evaluateGates(gate, tunedEval->report, &baseEval->report, nullptr);
    step("gate", std::string(gateResult.passed ? "passed" : "FAILED") + ": minimum accuracy 70%, beat base by 10 points",
         gateResult.toJson());

    // 9. Register, approve by a second person (four-eyes), promote to Production.
    auto reg = Registry::open(ws + "/registry.sqlite");
    if (!reg) return reg.error();
    Registry& r = **reg;
    TB_TRY(r.claimAdmin("demo-admin"));  // the demo sets its registry up explicitly
    TB_TRY(r.ensureUser(kAnalyst));
    TB_TRY(r.ensureUser(kReviewer));
    TB_TRY(r.setUserRole("demo-admin", kReviewer, UserRole::Reviewer));
    nlohmann::json manifest = datasetVersionToJson(*version);
    TB_TRY(r.recordDatasetVersion(kAnalyst, version->version, "support-tickets", manifest));
    RunRecord run;
    run.id = fs::path(job.outDir).filename().string() + "-" + std::to_string(std::time(nullptr));
    run.datasetVersionId = version->version;
    run.baseModel = baseModel;
    run.status = "finished";
    run.seed = int64_t(job.config.seed);
    TB_TRY(r.recordRun(kAnalyst, run));
    ArtifactStore artifacts(ws + "/artifacts", o.key ? std::optional<WorkspaceKey>(*o.key) : std::nullopt);
    auto adapterRef = artifacts.put(adapterDir, "adapter");
    if (!adapterRef) return adapterRef.error();
    RegisterRequest req;
    req.group = "support-triage";
    req.runId = run.id;
    req.adapterPath = adapterRef->storedAt;
    req.adapterSha256 = adapterRef->sha256;
    req.evalReport = tunedEval->report.toJson();
    req.gate = gateResult.toJson();
    req.gatePassed = gateResult.passed;
    auto registered = r.registerModel(kAnalyst, req);
    if (!registered) return registered.error();
    auto selfApproval = r.approvalBlocker(kAnalyst, registered->id);
    std::string override = gateResult.passed ? "" : "demo: approved despite the gate to show the workflow";
    TB_TRY(r.approve(kReviewer, registered->id, "Compared base and tuned on the test split; clear gain.", override));
    TB_TRY(r.promote(kReviewer, registered->id, "Production"));
    auto audit = r.audit().verify();
    if (!audit) return audit.error();
    step("register", "support-triage v" + std::to_string(registered->version) + " registered by " + kAnalyst +
                         ", approved by " + kReviewer + " (" + kAnalyst + " could not: " +
                         (selfApproval ? *selfApproval : std::string("?")) + "), now in Production; audit chain " +
                         (audit->ok ? "intact" : "BROKEN") + " (" + std::to_string(audit->rowsChecked) + " rows)",
         {{"version", toJson(*registered)}});

    // 10. Export: the PEFT adapter folder the run wrote, verified from the content-addressed store.
    TB_TRY(artifacts.verify(adapterRef->sha256));
    step("export", "PEFT adapter " + adapterDir + " (stored as artifact " + adapterRef->sha256.substr(0, 12) +
                       ", verified)",
         {{"adapter_sha256", adapterRef->sha256}});

    // 11. Serve: the base once, the tuned adapter under its own name; one real request over loopback.
    if (o.serve) {
        auto bundle = loadForInference(baseModel, {});
        if (!bundle) return bundle.error();
        auto adapter = train::readPeftAdapter(adapterDir, &bundle->model->config(), o.key);
        if (!adapter) return adapter.error();
        auto catalog = std::make_shared<serve::ModelCatalog>();
        catalog->add({"demo-base", nullptr, std::time(nullptr)});
        catalog->add({"support-triage", std::make_shared<LoraAdapter>(std::move(*adapter)), std::time(nullptr)});
        auto keys = std::make_shared<ApiKeyStore>(ws + "/serve/api_keys.json");
        TB_TRY(keys->load());
        auto key = keys->create("demo-" + std::to_string(std::time(nullptr)));
        if (!key) return key.error();
        serve::ServerOptions sopts;
        sopts.port = 0;
        serve::HttpServer server(bundle->model, bundle->tokenizer, catalog, keys, sopts);
        auto port = server.start();
        if (!port) return port.error();
        httplib::Client client("127.0.0.1", *port);
        client.set_read_timeout(120, 0);
        std::string ticket = "Hello, I was charged twice for my Pro subscription this month. Please refund one.";
        nlohmann::json body = {{"model", "support-triage"},
                               {"messages", {{{"role", "user"}, {"content", ticket}}}},
                               {"max_tokens", 8},
                               {"temperature", 0}};
        auto res = client.Post("/v1/chat/completions", {{"Authorization", "Bearer " + key->secret}}, body.dump(),
                               "application/json");
        server.stop();
        (void)keys->revoke(key->info.id);
        if (!res) return internalError("demo: the request to the local endpoint failed");
        auto answer = nlohmann::json::parse(res->body, nullptr, false);
        std::string content = answer.is_object() && answer.contains("choices")
                                  ? answer["choices"][0]["message"]["content"].get<std::string>()
                                  : res->body;
        step("serve", "POST http://127.0.0.1:" + std::to_string(*port) + "/v1/chat/completions (model support-triage) -> " +
                          std::to_string(res->status) + " \"" + content + "\" for: " + ticket,
             {{"status", res->status}, {"response", answer}});
    }
    return result;
}

}  // namespace tb::demo
