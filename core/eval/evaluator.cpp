#include "core/eval/evaluator.h"

#include "core/data/dataset_import.h"
#include "core/infer/stop_matcher.h"
#include "core/tokenizer/streaming_decoder.h"
#include "core/train/model_example_encoder.h"
#include "core/train/peft_adapter.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <map>

namespace tb::eval {

namespace {

double nowSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool contains(const std::vector<int>& ids, int id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

// One example being generated in a batch slot.
struct Slot {
    size_t example = 0;
    std::unique_ptr<StreamingDecoder> decoder;
    std::unique_ptr<StopMatcher> matcher;
    std::unique_ptr<Sampler> sampler;
    std::vector<int> history;   // prompt + generated, for the repetition penalty
    std::vector<int> generated;
    double start = 0.0;
    bool done = false;
};

}  // namespace

EvalModelSpec parseModelSpec(const std::string& text) {
    EvalModelSpec spec;
    size_t from = 0;
    // "C:\models\x" or "C:/models/x": the drive colon is part of the path.
    if (text.size() > 2 && std::isalpha(static_cast<unsigned char>(text[0])) && text[1] == ':' &&
        (text[2] == '\\' || text[2] == '/'))
        from = 2;
    const size_t colon = text.find(':', from);
    if (colon == std::string::npos) {
        spec.modelPath = text;
    } else {
        spec.modelPath = text.substr(0, colon);
        spec.adapterDir = text.substr(colon + 1);
    }
    return spec;
}

std::string defaultPredictionsPath(const EvalModelSpec& spec, const std::string& dataPath) {
    auto nameOf = [](const std::string& path) {
        std::filesystem::path p(path);
        while (!p.empty() && p.filename().empty()) p = p.parent_path();  // "dir/" -> "dir"
        std::string n = p.filename().string();
        if (n == "hf" || n == "adapter") n = p.parent_path().filename().string() + "-" + n;
        return n.empty() ? std::string("model") : n;
    };
    std::string name = std::filesystem::path(dataPath).stem().string() + "." + nameOf(spec.modelPath);
    if (!spec.adapterDir.empty()) name += "." + nameOf(spec.adapterDir);
    return name + ".predictions.jsonl";
}

Result<EvalModel> loadEvalModel(const EvalModelSpec& spec, const ProgressCallback& progress, const WorkspaceKey* key) {
    if (spec.modelPath.empty()) return inputError("model: no path given");
    EvalModel m;
    auto bundle = loadForInference(spec.modelPath, spec.engine, progress);
    if (!bundle) return bundle.error();
    m.bundle = std::move(*bundle);
    const ModelConfig& config = m.bundle.model->config();
    if (!spec.adapterDir.empty()) {
        auto adapter = train::readPeftAdapter(spec.adapterDir, &config, key);
        if (!adapter) return Error{adapter.error().kind, spec.adapterDir + ": " + adapter.message()};
        m.adapter = std::make_shared<const LoraAdapter>(std::move(*adapter));
    }
    train::ModelEncoderInfo info;
    auto enc = train::makeModelExampleEncoder(spec.modelPath, config.vocabSize, spec.useChatTemplate, &info);
    if (!enc) return enc.error();
    m.encoder = std::move(*enc);
    if (m.encoder.eosIds.empty()) m.encoder.eosIds = config.eosTokenIds;
    m.identity = {{"path", spec.modelPath},
                  {"adapter", spec.adapterDir.empty() ? nlohmann::json() : nlohmann::json(spec.adapterDir)},
                  {"chat_template", info.hasChatTemplate}};
    return m;
}

std::vector<EvalExample> buildEvalExamples(const EvalModel& model, const std::vector<Record>& records,
                                           long long limit, std::vector<LineError>* skipped) {
    std::vector<EvalExample> out;
    std::map<std::string, int> seenIds;  // stored predictions need unique ids (duplicated records share one)
    const int maxPositions = model.bundle.model->config().maxPositions;
    for (size_t i = 0; i < records.size(); ++i) {
        if (limit > 0 && (long long)out.size() >= limit) break;
        const Record& r = records[i];
        auto ex = buildEvalExample(r, model.encoder, i);
        std::string reason;
        if (!ex) {
            reason = ex.message();
        } else if (int(ex->promptIds.size()) >= maxPositions) {
            reason = ex->where + ": the prompt has " + std::to_string(ex->promptIds.size()) +
                     " tokens, leaving no room to generate in the model's context of " + std::to_string(maxPositions);
        }
        if (reason.empty()) {
            const int seen = seenIds[ex->id]++;
            if (seen > 0) ex->id += "#" + std::to_string(seen + 1);
            out.push_back(std::move(*ex));
        } else if (skipped) {
            skipped->push_back({r.sourceFile, r.sourceLine, reason});
        }
    }
    return out;
}

int defaultMaxNewTokens(const EvalModel& model, const std::vector<EvalExample>& examples,
                        const EvaluatorOptions& options) {
    if (options.maxNewTokens > 0) return options.maxNewTokens;
    size_t longest = 0;
    for (const EvalExample& ex : examples) {
        for (const std::string& ref : ex.references)
            longest = std::max(longest, model.encoder.encode(ref, false).size());
        if (!ex.label.empty()) longest = std::max(longest, model.encoder.encode(ex.label, false).size());
    }
    const long long n = (long long)longest + std::max(0, options.maxNewTokensMargin);
    return int(std::clamp<long long>(n, 1, std::max(1, options.maxNewTokensCap)));
}

Result<std::vector<PredictionRecord>> generatePredictions(const EvalModel& model,
                                                          const std::vector<EvalExample>& examples,
                                                          const EvaluatorOptions& options,
                                                          const ProgressCallback& progress) {
    TB_TRY(options.sampling.validate());
    if (options.batchSize < 1) return inputError("batch size: must be at least 1 (got " +
                                                 std::to_string(options.batchSize) + ")");
    const int maxNew = defaultMaxNewTokens(model, examples, options);
    const auto& tokenizer = model.bundle.tokenizer;
    std::vector<int> eos = model.encoder.eosIds;
    if (eos.empty() && tokenizer) eos = tokenizer->eosIds();

    std::vector<PredictionRecord> out(examples.size());
    if (examples.empty()) return out;
    size_t longestPrompt = 0;
    for (const EvalExample& ex : examples) longestPrompt = std::max(longestPrompt, ex.promptIds.size());
    const int context = int(std::min<long long>(model.bundle.model->config().maxPositions,
                                                (long long)longestPrompt + maxNew + 1));
    const size_t batch = std::min<size_t>(size_t(options.batchSize), examples.size());
    std::vector<std::unique_ptr<InferenceSession>> sessions;
    for (size_t i = 0; i < batch; ++i) {
        sessions.push_back(std::make_unique<InferenceSession>(model.bundle.model, context));
        TB_TRY(sessions.back()->setAdapter(model.adapter));
    }

    size_t finished = 0;
    Progress p{"Evaluating", 0, (long long)examples.size(), ""};
    auto keepGoing = [&]() {
        p.done = (long long)finished;
        return reportProgress(progress, p);
    };
    const ProgressCallback prefillProgress = [&](const Progress&) { return keepGoing(); };

    for (size_t first = 0; first < examples.size(); first += batch) {
        const size_t n = std::min(batch, examples.size() - first);
        std::vector<Slot> slots(n);
        // Prefill each prompt in its own session.
        for (size_t s = 0; s < n; ++s) {
            Slot& slot = slots[s];
            const EvalExample& ex = examples[first + s];
            slot.example = first + s;
            slot.decoder = std::make_unique<StreamingDecoder>(tokenizer);
            slot.matcher = std::make_unique<StopMatcher>(options.stopStrings);
            SamplingParams sp = options.sampling;
            sp.seed = options.sampling.seed + slot.example;  // the same draws whatever the batching
            slot.sampler = std::make_unique<Sampler>(sp);
            slot.history = ex.promptIds;
            slot.start = nowSeconds();
            sessions[s]->reset();
            if (!keepGoing()) return cancelledError("evaluation cancelled");
            Status st = sessions[s]->evaluate(ex.promptIds, LogitsMode::Last, prefillProgress);
            if (!st.ok()) {
                if (st.error().kind == ErrorKind::Cancelled) return cancelledError("evaluation cancelled");
                return Error{st.error().kind, ex.where + ": " + st.message()};
            }
        }
        auto finish = [&](Slot& slot) {
            slot.matcher->append(slot.decoder->flush());
            const EvalExample& ex = examples[slot.example];
            PredictionRecord& rec = out[slot.example];
            rec.id = ex.id;
            rec.prompt = ex.promptText;
            rec.references = ex.references;
            rec.label = ex.label;
            rec.prediction = slot.matcher->text();
            rec.latencyMs = (nowSeconds() - slot.start) * 1000.0;
            rec.promptTokens = (long long)ex.promptIds.size();
            rec.completionTokens = (long long)slot.generated.size();
            rec.model = model.identity;
            slot.done = true;
            ++finished;
        };
        // Decode: pick each active slot's next token, then advance all still-active sessions in one pass.
        std::vector<InferenceSession*> stepSessions;
        std::vector<int> stepTokens;
        for (;;) {
            stepSessions.clear();
            stepTokens.clear();
            for (size_t s = 0; s < n; ++s) {
                Slot& slot = slots[s];
                if (slot.done) continue;
                InferenceSession& session = *sessions[s];
                if (maxNew == 0) {
                    finish(slot);
                    continue;
                }
                const int next = slot.sampler->sample(session.logits(), slot.history);
                if (options.stopAtEos && contains(eos, next)) {
                    finish(slot);
                    continue;
                }
                slot.generated.push_back(next);
                slot.history.push_back(next);
                const bool stopped = slot.matcher->append(slot.decoder->push(next));
                if (stopped || int(slot.generated.size()) >= maxNew || session.position() >= session.contextLength()) {
                    finish(slot);
                    continue;
                }
                stepSessions.push_back(&session);
                stepTokens.push_back(next);
            }
            if (!keepGoing()) return cancelledError("evaluation cancelled");
            if (stepSessions.empty()) break;
            Status st = decodeBatch(stepSessions, stepTokens);
            if (!st.ok()) return st.error();
        }
    }
    p.detail = "done";
    keepGoing();
    return out;
}

nlohmann::json EvalRun::toJson() const {
    nlohmann::json j = report.toJson();
    j["predictions_file"] = predictions.file.empty() ? nlohmann::json() : nlohmann::json(predictions.file);
    j["max_new_tokens"] = maxNewTokens;
    j["load_seconds"] = loadSeconds;
    j["generate_seconds"] = generateSeconds;
    j["skipped"] = (long long)predictions.errors.size();
    return j;
}

Result<EvalRun> runEvaluation(const EvalModelSpec& spec, const std::vector<Record>& records,
                              const EvaluatorOptions& options, const ProgressCallback& progress) {
    EvalRun run;
    const double t0 = nowSeconds();
    auto model = loadEvalModel(spec, progress, options.key);
    if (!model) return model.error();
    run.loadSeconds = nowSeconds() - t0;
    std::vector<LineError> skipped;
    std::vector<EvalExample> examples = buildEvalExamples(*model, records, options.limit, &skipped);
    if (examples.empty()) {
        std::string why = skipped.empty() ? "" : " (first problem: " + skipped.front().message() + ")";
        return inputError("no record can be evaluated: " + std::to_string(records.size()) + " given" + why);
    }
    EvaluatorOptions opts = options;
    if (options.autoTask) {
        bool allLabelled = true;
        for (const EvalExample& ex : examples) allLabelled = allLabelled && !ex.label.empty();
        opts.score.task = !options.score.labels.empty() || allLabelled ? EvalTask::Classification : EvalTask::Generation;
    }
    run.maxNewTokens = defaultMaxNewTokens(*model, examples, options);
    opts.maxNewTokens = run.maxNewTokens;
    const double t1 = nowSeconds();
    auto preds = generatePredictions(*model, examples, opts, progress);
    if (!preds) return preds.error();
    run.generateSeconds = nowSeconds() - t1;
    run.predictions.file = options.predictionsPath;
    run.predictions.records = std::move(*preds);
    run.predictions.errors = std::move(skipped);
    if (!options.predictionsPath.empty())
        TB_TRY(writePredictionsFile(options.predictionsPath, run.predictions.records, options.key));
    auto report = scorePredictions(run.predictions, opts.score, progress);
    if (!report) return report.error();
    run.report = std::move(*report);
    run.report.predictionsFile = options.predictionsPath;
    return run;
}

Result<EvalRun> runEvaluationOnFile(const EvalModelSpec& spec, const std::string& dataPath,
                                    const EvaluatorOptions& options, const ProgressCallback& progress) {
    ImportOptions import;
    import.key = options.key;
    auto data = loadDataset(dataPath, import, progress);
    if (!data) return data.error();
    auto run = runEvaluation(spec, data->records, options, progress);
    if (!run) return run.error();
    std::vector<LineError> rejected;
    for (const RejectedRecord& r : data->rejected) rejected.push_back({r.file, r.line, r.reason});
    run->predictions.errors.insert(run->predictions.errors.begin(), rejected.begin(), rejected.end());
    run->report.errors.insert(run->report.errors.begin(), rejected.begin(), rejected.end());
    return run;
}

}  // namespace tb::eval
