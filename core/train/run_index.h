// The runs of a workspace as the Runs page lists them: RUN_DIR/status.json (queued, running, paused,
// finished, failed, cancelled, interrupted; times, best validation loss, last message) beside the run's
// request.json, and a scan of the runs folder. Not a scheduler: who trains what is the GUI's business.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/train/run_request.h"

namespace tb::train {

enum class RunStatus { Queued, Running, Paused, Finished, Failed, Cancelled, Interrupted };
const char* runStatusName(RunStatus status);
std::optional<RunStatus> parseRunStatus(const std::string& name);
// Queued, running and paused: a run some process is (or was) working on.
bool runStatusIsLive(RunStatus status);

struct RunState {
    RunStatus status = RunStatus::Queued;
    std::string createdAt;       // ISO 8601 UTC
    std::string startedAt;       // first start; empty while queued
    std::string endedAt;         // empty while live
    double activeSeconds = 0.0;  // time spent training (pauses excluded), summed over resumes
    double bestValLoss = -1.0;   // < 0: none yet
    int64_t step = 0, totalSteps = 0;
    std::string message;  // failure reason or a short note
};

nlohmann::ordered_json runStateToJson(const RunState& state);
Result<RunState> runStateFromJson(const nlohmann::json& j, const std::string& source);
Status writeRunState(const std::string& runDir, const RunState& state);
Result<RunState> readRunState(const std::string& runDir);

struct RunEntry {
    std::string id;  // folder name
    std::string dir;
    RunRequest request;
    RunState state;
    int64_t lastCheckpointStep = -1;  // newest step checkpoint, -1 when none (Resume needs one)
};

// Every run folder of runsDir, sorted by id: the GUI's (request.json + status.json) and those written by
// `tunebench train` or the demo (run.json only: finished when they wrote adapter/, else interrupted).
// Unreadable folders are skipped and described in `problems` (when given) so the GUI can say why.
std::vector<RunEntry> listRuns(const std::string& runsDir, std::vector<std::string>* problems = nullptr);
Result<RunEntry> readRun(const std::string& runDir);

// The lowest val_loss in RUN_DIR/metrics.jsonl, -1 when none.
double bestValLossFromMetrics(const std::string& runDir);

}  // namespace tb::train
