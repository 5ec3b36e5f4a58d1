// What the registry records about a run of the Runs page: its start (who, config, seed, dataset version,
// base model and the SHA-256 of its files), its end (status and metrics), and its registration as a model
// version (the adapter stored content-addressed, as `tunebench registry register --adapter` does). Plain
// core calls for the thread that runs them (the training thread, a job); no Qt, no widgets.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/common/result.h"
#include "core/registry/registry.h"
#include "core/train/run_request.h"
#include "core/workspace/workspace_crypto.h"

namespace tb::models {

struct RunLineage {
    std::string runId;                                 // the run folder's name
    std::string modelPath;                             // base model as the run names it
    std::string datasetName;                           // empty for loose files
    std::string datasetVersion;                        // 64 hex digits, empty for loose files
    std::string datasetDir;                            // the version folder (its manifest is recorded with the version)
    nlohmann::json config = nlohmann::json::object();  // request.json
    int64_t seed = 0;
};

RunLineage runLineageOf(const std::string& runId, const tb::train::RunRequest& request);

// A model's identity: the SHA-256 of a single file (.gguf), or for a folder the manifest hash over its
// files' names, sizes and SHA-256s — how the artifact store identifies folders. Hidden entries are skipped.
Result<std::string> modelContentSha256(const std::string& path);

// Records the run's dataset version (when it names one) and the run as running, started by `actor`.
// A run already recorded (resumed or started again) is set back to running; who started it stays.
Status recordRunStarted(Registry& registry, const std::string& actor, const RunLineage& run,
                        const std::string& baseModelSha256);
// status: finished, failed, cancelled or interrupted. The run must have been recorded.
Status recordRunEnded(Registry& registry, const std::string& actor, const std::string& runId, const std::string& status,
                      const nlohmann::json& metrics);

struct RunRegistration {
    std::string group;
    std::string groupDescription;  // used when the group is new
    std::string notes;
    std::string adapterDir;
    std::string artifactsDir;             // the workspace's artifacts folder
    std::optional<tb::WorkspaceKey> key;  // set for an encrypted workspace
};

// Registers the run's adapter as a new version of `group`: the adapter goes into the artifact store, and a
// finished run the registry has not seen (trained before runs were recorded) is recorded first, with
// `actor` as the one who started it (so the four-eyes rule counts them as its author).
Result<ModelVersionRecord> registerRun(Registry& registry, const std::string& actor, const RunLineage& run,
                                       const RunRegistration& registration);

}  // namespace tb::models
