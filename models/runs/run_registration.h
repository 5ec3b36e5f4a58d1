// What the registry records about a run of the Runs page: its start (who, config, seed, dataset version,
// base model and the SHA-256 of its files), its end (status and metrics), and its registration as a model
// version (the adapter stored content-addressed, as `tunebench registry register --adapter` does). Plain
// core calls for the thread that runs them (the training thread, a job); no Qt, no widgets.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/eval/comparison_store.h"
#include "core/eval/eval_gate.h"
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
// A file unchanged since this process hashed it (same device, inode, size, mtime) is not read again.
Result<std::string> modelContentSha256(const std::string& path);

// Records the run's dataset version (when it names one) and the run as running, started by `actor`.
// A run already recorded (resumed or started again) is set back to running; who started it stays.
Status recordRunStarted(Registry& registry, const std::string& actor, const RunLineage& run,
                        const std::string& baseModelSha256);
// status: finished, failed, cancelled or interrupted. The run must have been recorded.
Status recordRunEnded(Registry& registry, const std::string& actor, const std::string& runId, const std::string& status,
                      const nlohmann::json& metrics);

// --- Evaluation attached at registration (issue 7: the Registry shows it and applies the gate rule) ---

// The stored comparisons (Compare page, <evalDir>/comparisons/) in which side A or B used this run's adapter
// (<runDir>/adapter or <runDir>/adapter-best; paths compared after resolving them), newest first. Reads
// only the small comparison.json manifests.
std::vector<tb::eval::ComparisonListing> comparisonsOfRun(const std::string& evalDir, const std::string& runDir);
// Whether an adapter path (as a comparison names it) is this run's adapter/ or adapter-best/ folder.
bool isRunAdapter(const std::string& adapter, const std::string& runDir);

// A stored comparison seen from the run: its side that used the run's adapter is the tuned model; the other
// side is the base when it ran the base model without an adapter (then it is what beat_base compares with).
struct RunComparison {
    std::string id;                      // the comparison folder's name
    std::string tunedSide;               // "A" or "B" (B when both sides used this run's adapters)
    nlohmann::json tunedReport;          // EvalReport::toJson() of the tuned side
    nlohmann::json baseReport;           // the other side's report; null when it was not the base model
    std::string otherModel, otherAdapter;
};
// Loads and re-scores the comparison (loadComparison: for a worker, never the GUI thread); key for an
// encrypted workspace. Fails when neither side used the run's adapter.
Result<RunComparison> loadRunComparison(const std::string& comparisonDir, const std::string& runDir,
                                        const WorkspaceKey* key, const ProgressCallback& progress = {});

// The gate the Runs page applies: GateConfig's defaults (primary metric by task; at most 5% below the
// group's Production version) plus beat_base with the default margin 0 — the tuned model must at least
// match the base model it was compared with. Kept fixed rather than a gate file so every GUI registration
// is judged alike; the command line takes any gate file (`registry register --gate`).
tb::eval::GateConfig defaultRunGate();
// production: the evalReport of the group's Production version (null: none in Production).
tb::eval::GateResult gateRunComparison(const RunComparison& comparison, const tb::eval::GateConfig& gate,
                                       const nlohmann::json* production);
// The version's evalReport: the tuned side's report plus a "comparison" object naming the comparison, the
// tuned side, the other side's model/adapter and its report ("base_report"), so a reviewer sees both.
nlohmann::json runEvalReport(const RunComparison& comparison);
// The evalReport of `group`'s Production version; null when the group has none (or does not exist yet).
Result<nlohmann::json> productionReportOf(Registry& registry, const std::string& group);

struct RunRegistration {
    std::string group;
    std::string groupDescription;  // used when the group is new
    std::string notes;
    std::string adapterDir;
    std::string artifactsDir;             // the workspace's artifacts folder
    std::optional<tb::WorkspaceKey> key;  // set for an encrypted workspace
    // A stored comparison to attach (empty: none, the version carries no evaluation) and the gate judged on
    // it against the group's current Production version.
    std::string comparisonDir;
    std::string runDir;  // the run folder (its adapter/ and adapter-best/ identify the tuned side)
    tb::eval::GateConfig gate = defaultRunGate();
};

// Registers the run's adapter as a new version of `group`: the adapter goes into the artifact store, and a
// finished run the registry has not seen (trained before runs were recorded) is recorded first, with
// `actor` as the one who started it (so the four-eyes rule counts them as its author). With a comparisonDir
// the version carries runEvalReport() as its evalReport and the gate's result (re-read here, on the worker).
Result<ModelVersionRecord> registerRun(Registry& registry, const std::string& actor, const RunLineage& run,
                                       const RunRegistration& registration);

}  // namespace tb::models
