#include "models/runs/run_registration.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <vector>

#include "core/common/sha256.h"
#include "core/data/dataset_version.h"
#include "core/eval/comparison.h"
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

namespace {

// A base model of several GB takes tens of seconds to hash, and every run start records it. A file whose
// device, inode, size and modification time (ns) are unchanged since it was hashed in this process keeps
// its hash, as git's index does; any rewrite changes the mtime and is hashed again.
struct FileStamp {
    dev_t dev = 0;
    ino_t ino = 0;
    off_t size = 0;
    int64_t mtimeNs = 0;
    bool operator==(const FileStamp&) const = default;
};

Result<std::string> cachedSha256File(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, std::pair<FileStamp, std::string>> cache;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return sha256File(path);  // let the reader name the problem
    const FileStamp stamp{st.st_dev, st.st_ino, st.st_size, int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
    {
        std::lock_guard lock(mutex);
        auto it = cache.find(path);
        if (it != cache.end() && it->second.first == stamp) return it->second.second;
    }
    auto hash = sha256File(path);
    if (!hash) return hash.error();
    std::lock_guard lock(mutex);
    cache[path] = {stamp, *hash};
    return hash;
}

}  // namespace

Result<std::string> modelContentSha256(const std::string& path) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) return inputError("base model " + path + ": does not exist");
    if (fs::is_regular_file(st)) return cachedSha256File(path);
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
        auto hash = cachedSha256File(it->path().string());
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

// A path resolved for comparison (symlinks and "..", trailing slash); the text itself when that fails.
std::string resolvedPath(const std::string& path) {
    if (path.empty()) return {};
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) return fs::path(path).lexically_normal().generic_string();
    std::string out = p.generic_string();
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    return out;
}

}  // namespace

bool isRunAdapter(const std::string& adapter, const std::string& runDir) {
    if (adapter.empty() || runDir.empty()) return false;
    const std::string a = resolvedPath(adapter);
    for (const char* name : {"adapter", "adapter-best"})
        if (a == resolvedPath((fs::path(runDir) / name).string())) return true;
    return false;
}

std::vector<tb::eval::ComparisonListing> comparisonsOfRun(const std::string& evalDir, const std::string& runDir) {
    std::vector<tb::eval::ComparisonListing> out;
    for (auto& c : tb::eval::listComparisons(evalDir))  // newest first
        if (isRunAdapter(c.adapterA, runDir) || isRunAdapter(c.adapterB, runDir)) out.push_back(std::move(c));
    return out;
}

Result<RunComparison> loadRunComparison(const std::string& comparisonDir, const std::string& runDir,
                                        const WorkspaceKey* key, const ProgressCallback& progress) {
    auto stored = tb::eval::loadComparison(comparisonDir, progress, key);
    if (!stored) return stored.error();
    const auto& src = stored->source;
    const bool a = isRunAdapter(src.adapterA, runDir), b = isRunAdapter(src.adapterB, runDir);
    if (!a && !b)
        return inputError("comparison " + stored->id + ": neither side used the adapter of run folder " + runDir);
    RunComparison r;
    r.id = stored->id;
    r.tunedSide = b ? "B" : "A";
    r.tunedReport = (b ? stored->result.reportB : stored->result.reportA).toJson();
    r.otherModel = b ? src.modelA : src.modelB;
    r.otherAdapter = b ? src.adapterA : src.adapterB;
    // Only a side without an adapter is the base model; another adapter is no base to beat.
    if (r.otherAdapter.empty()) r.baseReport = (b ? stored->result.reportA : stored->result.reportB).toJson();
    return r;
}

tb::eval::GateConfig defaultRunGate() {
    tb::eval::GateConfig gate;
    gate.beatBase = true;
    return gate;
}

tb::eval::GateResult gateRunComparison(const RunComparison& comparison, const tb::eval::GateConfig& gate,
                                       const nlohmann::json* production) {
    const nlohmann::json* base = comparison.baseReport.is_object() ? &comparison.baseReport : nullptr;
    return tb::eval::evaluateGates(gate, comparison.tunedReport, base, production);
}

nlohmann::json runEvalReport(const RunComparison& comparison) {
    nlohmann::json report = comparison.tunedReport;
    report["comparison"] = {{"id", comparison.id},
                            {"tuned_side", comparison.tunedSide},
                            {"other_model", comparison.otherModel},
                            {"other_adapter", comparison.otherAdapter},
                            {"base_report", comparison.baseReport}};
    return report;
}

Result<nlohmann::json> productionReportOf(Registry& registry, const std::string& group) {
    auto versions = registry.versions(group);
    if (!versions) return versions.error();
    for (const auto& v : *versions)
        if (v.stage == "Production") return v.evalReport.is_null() ? nlohmann::json::object() : v.evalReport;
    return nlohmann::json();
}

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
    // The run folder holding the adapter (runs/<run>/adapter or adapter-best) unless named.
    const std::string runDir = registration.runDir.empty()
                                   ? fs::path(registration.adapterDir).lexically_normal().parent_path().string()
                                   : registration.runDir;
    std::optional<RunComparison> evaluation;
    if (!registration.comparisonDir.empty()) {  // read before anything is written: a bad one refuses early
        auto loaded =
            loadRunComparison(registration.comparisonDir, runDir, registration.key ? &*registration.key : nullptr);
        if (!loaded) return loaded.error();
        evaluation = std::move(*loaded);
    }
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
    if (evaluation) {
        // Production is read now, as close to the registration as possible.
        auto production = productionReportOf(registry, registration.group);
        if (!production) return production.error();
        const tb::eval::GateResult gate =
            gateRunComparison(*evaluation, registration.gate, production->is_null() ? nullptr : &*production);
        request.evalReport = runEvalReport(*evaluation);
        request.gate = gate.toJson();
        request.gatePassed = gate.passed;
    }
    return registry.registerModel(actor, request);
}

}  // namespace tb::models
