// One training job as the command line and the GUI run it: read the JSONL data, build examples with the
// model's encoder, refuse what cannot work, estimate, train (resuming when asked), and write the run folder:
// run.json, metrics.jsonl, checkpoints/, adapter/ (PEFT; adapter-best/ when validation chose an earlier
// step). With a workspace key the adapters and checkpoints are written encrypted at rest (run.json and
// metrics.jsonl hold settings and numbers only and stay plain). The model itself is loaded by the caller.
// Not the loop (trainer.h).
#pragma once

#include "core/common/result.h"
#include "core/train/example_builder.h"
#include "core/train/train_estimate.h"
#include "core/train/trainer.h"
#include "core/workspace/workspace_crypto.h"

#include <string>

namespace tb::train {

struct TrainJobOptions {
    std::string modelPath;     // recorded as base_model_name_or_path
    std::string dataPath;      // training JSONL
    std::string valPath;       // validation JSONL (optional)
    std::string outDir;        // run folder
    LossOn lossOn = LossOn::Completion;
    TrainConfig config;        // runDir is set to outDir
    // Set in an encrypted workspace (not owned): decrypts dataset-version files and encrypts the run's
    // adapters and checkpoints.
    const WorkspaceKey* key = nullptr;
};

struct TrainJobSummary {
    TrainResult result;
    ExampleBuildReport trainReport, valReport;
    TrainEstimate estimate;
    std::string adapterDir;       // empty in full fine-tuning mode
    std::string bestAdapterDir;   // empty unless validation picked a step
};

Result<TrainJobSummary> runTrainingJob(ModelWeights& weights, const ExampleEncoder& encoder,
                                       const TrainJobOptions& options, const TrainCallback& callback = {});

}  // namespace tb::train
