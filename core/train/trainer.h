// The training loop: LoRA or full fine-tuning over tokenized examples with micro-batches and gradient
// accumulation, AdamW with a schedule and clipping, validation every N steps with early stopping and a
// kept best checkpoint, atomic checkpoints (last K) and exact resume, metrics.jsonl, a progress callback
// with cancel and pause. Everything that can be refused is refused in create(), before any compute.
// Not the example building (example_builder.h) nor the export (peft_adapter.h).
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/train/adamw.h"
#include "core/train/batcher.h"
#include "core/train/checkpoint.h"
#include "core/train/example_builder.h"
#include "core/train/lora_init.h"
#include "core/train/lr_schedule.h"
#include "core/train/train_model.h"
#include "core/workspace/workspace_crypto.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tb::train {

struct TrainConfig {
    TrainMethod method = TrainMethod::Lora;
    // BF16: frozen base weights multiplied as BF16 (LoRA only; see ComputePrecision in train_model.h).
    ComputePrecision compute = ComputePrecision::F32;
    LoraSettings lora;
    int epochs = 1;
    int64_t maxSteps = 0;            // 0: no cap; otherwise stop after this many optimizer updates
    double lr = 2e-4;
    LrScheduleKind schedule = LrScheduleKind::Linear;
    int64_t warmupSteps = 0;
    double lrMinRatio = 0.0;
    AdamWSettings adam;
    double maxGradNorm = 1.0;        // <= 0: no clipping
    BatchSettings batch;             // batchSize, maxSeqLen, packing, groupByLength, seed (copied from seed)
    int gradAccum = 1;
    uint64_t seed = 42;
    int64_t evalEvery = 0;           // steps between validations; 0: at the end of each epoch
    int earlyStopPatience = 0;       // evaluations without improvement before stopping; 0: off
    double earlyStopMinDelta = 0.0;
    int64_t checkpointEvery = 0;     // steps between checkpoints; 0: at the end of each epoch
    int keepCheckpoints = 2;
    int64_t logEvery = 1;            // metrics.jsonl line every N steps
    std::string runDir;              // metrics.jsonl and checkpoints/; empty: nothing written
    bool resume = false;             // continue from the newest valid checkpoint in runDir/checkpoints
    // Set in an encrypted workspace: checkpoints are written encrypted and read back with it. Not owned,
    // not saved in run.json.
    const WorkspaceKey* key = nullptr;
};

struct TrainProgress {
    int64_t step = 0, totalSteps = 0;
    int epoch = 0, epochs = 0;
    double trainLoss = 0.0;
    double valLoss = -1.0;        // last validation loss; < 0 when none yet
    double lr = 0.0;
    double gradNorm = 0.0;
    double tokensPerSecond = 0.0;
    double etaSeconds = 0.0;
    int64_t memoryBytes = 0;      // resident set size now
};

enum class TrainControl { Continue, Pause, Cancel };
// Called after every optimizer step and validation. Pause: the loop waits, calling again every 100 ms,
// until Continue or Cancel. Cancel writes a checkpoint (when runDir is set) so the run can be resumed.
using TrainCallback = std::function<TrainControl(const TrainProgress&)>;
// Adapts the project's plain ProgressCallback (false = cancel).
TrainCallback trainCallbackFrom(const ProgressCallback& cb);

struct TrainResult {
    int64_t steps = 0;
    double lastTrainLoss = 0.0;
    double bestValLoss = -1.0;
    int64_t bestStep = -1;
    bool stoppedEarly = false;
    bool cancelled = false;
    bool resumedFrom = false;
    int64_t resumedStep = 0;
    std::vector<double> stepLosses;  // train loss of each step run in this call
    int64_t peakRssBytes = 0;
};

class Trainer {
public:
    // Validates the configuration and data (refusing with the reason) and prepares the model; in LoRA mode
    // initialises the adapter from config.seed. `weights` must outlive the trainer (trained in place in
    // Full mode). Examples come from buildExamples(); none may be empty.
    static Result<std::unique_ptr<Trainer>> create(ModelWeights& weights, std::vector<TokenizedExample> train,
                                                   std::vector<TokenizedExample> val, TrainConfig config);
    Result<TrainResult> run(const TrainCallback& callback = {});

    const LoraAdapter& adapter() const { return m_adapter; }
    LoraAdapter& adapter() { return m_adapter; }
    TrainModel& model() { return *m_model; }
    int64_t totalSteps() const { return m_totalSteps; }
    // Mean loss over the validation set (or any examples) with the current parameters.
    double evaluate(const std::vector<TokenizedExample>& examples);
    // Saves the current state as a checkpoint file (used by the loop; public for tools and tests).
    Status saveCheckpointTo(const std::string& path);

private:
    Trainer(ModelWeights& weights, TrainConfig config) : m_w(weights), m_cfg(std::move(config)) {}
    Status tryResume(TrainResult& result);
    Status writeMetrics(const nlohmann::json& line);
    void truncateMetrics(int64_t upToStep);

    ModelWeights& m_w;
    TrainConfig m_cfg;
    LoraAdapter m_adapter;
    std::unique_ptr<TrainModel> m_model;
    AdamW m_opt;
    LrSchedule m_sched;
    std::vector<TokenizedExample> m_train, m_val;
    std::vector<int64_t> m_groupsPerEpoch;
    int64_t m_totalSteps = 0;
    LoopState m_state;
};

// Peak and current resident set size of this process (0 when unknown).
int64_t peakRssBytes();
int64_t currentRssBytes();

}  // namespace tb::train
