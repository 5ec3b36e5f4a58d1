// A queued training run as the GUI records it: RUN_DIR/request.json holds the base model, the dataset
// version and split files, the task preset and every trainer setting, so a run can be (re)started or
// resumed from disk alone. Not the run's progress or outcome (run_index.h) nor the loop (trainer.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/common/result.h"
#include "core/train/example_builder.h"
#include "core/train/trainer.h"

namespace tb::train {

struct RunRequest {
    std::string modelPath;       // HF folder or .gguf
    std::string datasetName;     // for display: "support-tickets"
    std::string datasetVersion;  // 64 hex digits (or empty for loose files)
    std::string datasetDir;      // the version folder
    std::string trainPath;       // JSONL
    std::string valPath;         // JSONL, empty when the run has no validation split
    std::string testPath;        // JSONL, empty when none (used by "Evaluate and compare")
    std::string task;            // "classification", "json", "style", "generation"
    LossOn lossOn = LossOn::Completion;
    bool useChatTemplate = true;
    TrainConfig config;  // runDir/resume are filled when the run starts
};

nlohmann::ordered_json runRequestToJson(const RunRequest& request);
Result<RunRequest> runRequestFromJson(const nlohmann::json& j, const std::string& source);

Status writeRunRequest(const std::string& runDir, const RunRequest& request);
Result<RunRequest> readRunRequest(const std::string& runDir);

// A folder name for a new run: "<dataset>-<yyyymmdd-hhmmss>" with a numeric suffix when taken.
std::string newRunId(const std::string& runsDir, const std::string& datasetName);

}  // namespace tb::train
