// The Evaluator: runs a model (optionally with a PEFT LoRA adapter) over dataset records — several
// examples decoded together per forward pass, greedy by default, cancellable through progress — and
// produces a PredictionSet (prediction, latency, token counts, model identity per example) that is written
// to a predictions file and scored into an EvalReport. Not the metrics (eval_scorer.h) nor comparison.
#pragma once

#include "core/common/progress.h"
#include "core/data/record.h"
#include "core/eval/eval_prompt.h"
#include "core/eval/eval_scorer.h"
#include "core/infer/inference_loader.h"
#include "core/infer/inference_session.h"
#include "core/model/lora_adapter.h"
#include "core/infer/sampler.h"

#include <memory>
#include <string>
#include <vector>

namespace tb::eval {

// What to run: a model (Hugging Face folder or .gguf) and an optional adapter folder.
struct EvalModelSpec {
    std::string modelPath;
    std::string adapterDir;   // empty: the base model
    EngineOptions engine;
    bool useChatTemplate = true;  // as the trainer's default (train --no-chat-template turns it off)
};
// "PATH" or "PATH:ADAPTER_DIR" (the command line's --a/--b). A colon followed by '\' or '/' right after
// a single drive letter is not a separator.
EvalModelSpec parseModelSpec(const std::string& text);

// "<data stem>.<model name>[.<adapter name>].predictions.jsonl" in the current folder (a name, no I/O).
std::string defaultPredictionsPath(const EvalModelSpec& spec, const std::string& dataPath);

struct EvaluatorOptions {
    ScoreOptions score;                   // task, labels, normalisation, stemming
    // Choose the task from the data: classification when score.labels is set or every example has a
    // label, else generation (score.task is then overwritten).
    bool autoTask = false;
    int batchSize = 4;                    // examples decoded together (1: one session after another)
    long long limit = 0;                  // evaluate only the first N usable records (0: all)
    int maxNewTokens = 0;                 // 0: longest reference in tokens + margin, capped
    int maxNewTokensMargin = 16;
    int maxNewTokensCap = 256;
    SamplingParams sampling;              // default greedy (temperature 0)
    std::vector<std::string> stopStrings; // generation ends before the first occurrence
    bool stopAtEos = true;
    std::string predictionsPath;          // where to write the predictions (empty: not written)
    // An encrypted workspace's key: decrypts the dataset-version file read by runEvaluationOnFile and
    // encrypts the predictions file. Null: plain files (an encrypted data file is refused). Not owned.
    const WorkspaceKey* key = nullptr;
};

// A loaded model ready to evaluate: weights, tokenizer, adapter and the trainer's example encoder.
struct EvalModel {
    InferenceBundle bundle;
    std::shared_ptr<const LoraAdapter> adapter;  // null: base model
    train::ExampleEncoder encoder;
    nlohmann::json identity;                     // {"path", "adapter", "chat_template"} stored per prediction
};
// key decrypts an adapter encrypted at rest (a run folder or artifact copy in an encrypted workspace).
Result<EvalModel> loadEvalModel(const EvalModelSpec& spec, const ProgressCallback& progress = {},
                                const WorkspaceKey* key = nullptr);

// Builds the examples of `records` for this model; records that cannot be evaluated (plain text, no
// reference, prompt too long) go to `skipped` with file/line and reason. At most `limit` examples (0: all).
std::vector<EvalExample> buildEvalExamples(const EvalModel& model, const std::vector<Record>& records,
                                           long long limit, std::vector<LineError>* skipped);

// The default max new tokens: longest reference in the model's tokens + margin, at least 1, capped.
int defaultMaxNewTokens(const EvalModel& model, const std::vector<EvalExample>& examples,
                        const EvaluatorOptions& options);

// Generates one prediction per example (in order). latency_ms is the wall time from the start of the
// example's prefill to its last token, including the passes it shared with the rest of its batch.
// Fails with ErrorKind::Cancelled when progress returns false.
Result<std::vector<PredictionRecord>> generatePredictions(const EvalModel& model,
                                                          const std::vector<EvalExample>& examples,
                                                          const EvaluatorOptions& options,
                                                          const ProgressCallback& progress = {});

struct EvalRun {
    PredictionSet predictions;        // file = options.predictionsPath; errors = skipped records
    EvalReport report;
    int maxNewTokens = 0;
    double loadSeconds = 0.0;
    double generateSeconds = 0.0;
    nlohmann::json toJson() const;    // the report plus run facts and the predictions path
};

// Loads the model, builds examples, generates, writes the predictions file (if a path is set) and scores.
Result<EvalRun> runEvaluation(const EvalModelSpec& spec, const std::vector<Record>& records,
                              const EvaluatorOptions& options, const ProgressCallback& progress = {});
// The same on a dataset file (any format core/data imports); rejected rows become errors in the report.
Result<EvalRun> runEvaluationOnFile(const EvalModelSpec& spec, const std::string& dataPath,
                                    const EvaluatorOptions& options, const ProgressCallback& progress = {});

}  // namespace tb::eval
