#include "models/runs/run_registration.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "core/common/sha256.h"
#include "core/data/dataset_version.h"
#include "core/registry/artifact_store.h"
#include "core/registry/name_validation.h"

namespace tb::models {

namespace fs = std::filesystem;

RunLineage runLineageOf(const std::string& runId, const tb::train::RunRequest& request) {
    RunLineage r;
    r.runId = runId;
    r.modelPath = request.modelPath;
    r.datasetName = request.datasetName;
    r.datasetVersion = request.datasetVersion;
    r.datasetDir = request.datasetDir;
    r.config = tb::train::runRequestToJson(request);
    r.seed = int64_t(request.config.seed);
    return r;
}

Result<std::string> modelContentSha256(const std::string& path) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) return inputError("base model " + path + ": does not exist");
    if (fs::is_regular_file(st)) return sha256File(path);
    if (!fs::is_directory(st)) return inputError("base model " + path + ": neither a file nor a folder");
    std::vector<ArtifactFile> files;
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec), end;
    if (ec) return inputError("base model " + path + ": cannot list: " + ec.message());
    for (; it != end; it.increment(ec)) {
        if (ec) return inputError("base model " + path + ": cannot list: " + ec.message());
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {  // .git, .cache: not part of the model
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file()) continue;
        auto hash = sha256File(it->path().string());
        if (!hash) return hash.error();
        files.push_back({fs::relative(it->path(), path).generic_string(), uint64_t(it->file_size()), *hash});
    }
    if (files.empty()) return inputError("base model " + path + ": the folder holds no files");
    return ArtifactStore::manifestHash(files);
}

namespace {

// The dataset version the run trained on, recorded once (versions are immutable).
Status recordDataset(Registry& registry, const std::string& actor, const RunLineage& run) {
    if (run.datasetVersion.empty()) return Status::success();
    auto version = readDatasetVersion(run.datasetDir);
    if (!version) return version.error();
    if (version->version != run.datasetVersion)
        return inputError(run.datasetDir + ": holds dataset version " + version->version.substr(0, 12) +
                          ", the run names " + run.datasetVersion.substr(0, 12));
    return registry.recordDatasetVersion(actor, version->version, version->name, datasetVersionToJson(*version));
}

RunRecord runRecordOf(const RunLineage& run, const std::string& baseModelSha256, const std::string& status) {
    RunRecord r;
    r.id = run.runId;
    r.datasetVersionId = run.datasetVersion;
    r.baseModel = run.modelPath;
    r.baseModelSha256 = baseModelSha256;
    r.config = run.config;
    r.seed = run.seed;
    r.status = status;
    r.metrics = nlohmann::json::object();
    return r;
}

}  // namespace

Status recordRunStarted(Registry& registry, const std::string& actor, const RunLineage& run,
                        const std::string& baseModelSha256) {
    auto known = registry.hasRun(run.runId);
    if (!known) return known.error();
    if (*known) return registry.updateRunStatus(actor, run.runId, "running", nlohmann::json::object());
    TB_TRY(recordDataset(registry, actor, run));
    return registry.recordRun(actor, runRecordOf(run, baseModelSha256, "running"));
}

Status recordRunEnded(Registry& registry, const std::string& actor, const std::string& runId, const std::string& status,
                      const nlohmann::json& metrics) {
    if (status != "finished" && status != "failed" && status != "cancelled" && status != "interrupted")
        return inputError("run " + runId + ": '" + status + "' is not a final status");
    return registry.updateRunStatus(actor, runId, status, metrics);
}

Result<ModelVersionRecord> registerRun(Registry& registry, const std::string& actor, const RunLineage& run,
                                       const RunRegistration& registration) {
    TB_TRY(validateName("model group", registration.group));
    std::error_code ec;
    if (registration.adapterDir.empty() || !fs::exists(registration.adapterDir + "/adapter_config.json", ec))
        return inputError("run " + run.runId + ": no adapter to register (" + registration.adapterDir +
                          " has no adapter_config.json)");
    auto known = registry.hasRun(run.runId);
    if (!known) return known.error();
    if (!*known) {
        // Trained before GUI runs were recorded (or by the command line): record it now, finished.
        auto sha = modelContentSha256(run.modelPath);
        if (!sha) return sha.error();
        TB_TRY(recordDataset(registry, actor, run));
        RunRecord record = runRecordOf(run, *sha, "finished");
        record.config["recorded_at_registration"] = true;
        TB_TRY(registry.recordRun(actor, record));
    }
    ArtifactStore store(registration.artifactsDir, registration.key);
    auto adapter = store.put(registration.adapterDir, "adapter");
    if (!adapter) return adapter.error();
    RegisterRequest request;
    request.group = registration.group;
    request.runId = run.runId;
    request.adapterPath = adapter->storedAt;
    request.adapterSha256 = adapter->sha256;
    request.notes = registration.notes;
    request.groupDescription = registration.groupDescription;
    return registry.registerModel(actor, request);
}

}  // namespace tb::models
