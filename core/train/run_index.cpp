#include "core/train/run_index.h"
#include "core/common/utc_time.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/common/atomic_file.h"
#include "core/train/checkpoint.h"
#include "core/train/train_config_json.h"

namespace tb::train {

namespace fs = std::filesystem;

namespace {
constexpr const char* kNames[] = {"queued", "running", "paused", "finished", "failed", "cancelled", "interrupted"};
}

const char* runStatusName(RunStatus s) {
    return kNames[int(s)];
}

std::optional<RunStatus> parseRunStatus(const std::string& name) {
    for (int i = 0; i < int(std::size(kNames)); ++i)
        if (name == kNames[i]) return RunStatus(i);
    return std::nullopt;
}

bool runStatusIsLive(RunStatus s) {
    return s == RunStatus::Queued || s == RunStatus::Running || s == RunStatus::Paused;
}

nlohmann::ordered_json runStateToJson(const RunState& s) {
    nlohmann::ordered_json j;
    j["status"] = runStatusName(s.status);
    j["created_at"] = s.createdAt;
    j["started_at"] = s.startedAt;
    j["ended_at"] = s.endedAt;
    j["active_seconds"] = s.activeSeconds;
    j["best_val_loss"] = s.bestValLoss;
    j["step"] = s.step;
    j["total_steps"] = s.totalSteps;
    j["message"] = s.message;
    return j;
}

Result<RunState> runStateFromJson(const nlohmann::json& j, const std::string& source) {
    if (!j.is_object()) return inputError(source + ": expected a JSON object");
    RunState s;
    try {
        auto status = parseRunStatus(j.value("status", std::string()));
        if (!status) return inputError(source + ": status: unknown value '" + j.value("status", std::string()) + "'");
        s.status = *status;
        s.createdAt = j.value("created_at", std::string());
        s.startedAt = j.value("started_at", std::string());
        s.endedAt = j.value("ended_at", std::string());
        s.activeSeconds = j.value("active_seconds", 0.0);
        s.bestValLoss = j.value("best_val_loss", -1.0);
        s.step = j.value("step", int64_t(0));
        s.totalSteps = j.value("total_steps", int64_t(0));
        s.message = j.value("message", std::string());
    } catch (const std::exception& e) {
        return inputError(source + ": wrong type (" + e.what() + ")");
    }
    return s;
}

Status writeRunState(const std::string& runDir, const RunState& state) {
    return writeFileAtomically(runDir + "/status.json", runStateToJson(state).dump(2) + "\n");
}

Result<RunState> readRunState(const std::string& runDir) {
    const std::string path = runDir + "/status.json";
    if (!fs::exists(path)) return inputError(path + ": missing");
    auto text = readWholeFile(path, 1 << 20);
    if (!text) return text.error();
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded()) return inputError(path + ": not valid JSON");
    return runStateFromJson(j, path);
}

Result<RunEntry> readRun(const std::string& runDir) {
    RunEntry e;
    e.dir = runDir;
    e.id = fs::path(runDir).filename().string();
    auto req = readRunRequest(runDir);
    if (!req) return req.error();
    e.request = std::move(*req);
    auto state = readRunState(runDir);
    if (!state) return state.error();
    e.state = std::move(*state);
    auto ckpts = listCheckpoints(runDir + "/checkpoints");
    if (!ckpts.empty()) e.lastCheckpointStep = ckpts.back().first;
    return e;
}

namespace {

// A run folder written by `tunebench train` or the demo (run.json, metrics.jsonl, adapter/) without the GUI's
// request.json/status.json: listed as finished when it wrote its adapter, else interrupted.
Result<RunEntry> readCommandLineRun(const std::string& runDir) {
    const std::string path = runDir + "/run.json";
    auto text = readWholeFile(path, 1 << 22);
    if (!text) return text.error();
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (!j.is_object()) return inputError(path + ": not a JSON object");
    RunEntry e;
    e.dir = runDir;
    e.id = fs::path(runDir).filename().string();
    try {
        e.request.modelPath = j.value("model", std::string());
        e.request.trainPath = j.value("data", std::string());
        e.request.valPath = j.value("validation", std::string());
        e.request.lossOn = j.value("loss_on", std::string("completion")) == "all" ? LossOn::All : LossOn::Completion;
    } catch (const std::exception& ex) {
        return inputError(path + ": wrong type (" + ex.what() + ")");
    }
    if (e.request.modelPath.empty() || e.request.trainPath.empty()) return inputError(path + ": model or data missing");
    auto cfg = trainConfigFromJson(j.value("config", nlohmann::json::object()), TrainConfig{}, path + ": config");
    if (!cfg) return cfg.error();
    e.request.config = *cfg;
    // A dataset version folder: <datasets>/<name>/<version>/train.jsonl.
    const fs::path data(e.request.trainPath);
    const fs::path versionDir = data.parent_path();
    if (fs::exists(versionDir / "manifest.json")) {
        e.request.datasetDir = versionDir.string();
        e.request.datasetVersion = versionDir.filename().string();
        e.request.datasetName = versionDir.parent_path().filename().string();
        if (fs::exists(versionDir / "test.jsonl")) e.request.testPath = (versionDir / "test.jsonl").string();
    } else {
        e.request.datasetName = data.filename().string();
    }
    std::ifstream metrics(runDir + "/metrics.jsonl");
    for (std::string line; std::getline(metrics, line);) {
        auto m = nlohmann::json::parse(line, nullptr, false);
        if (!m.is_object()) continue;
        e.state.step = std::max<int64_t>(e.state.step, m.value("step", int64_t(0)));
        e.state.activeSeconds = std::max(e.state.activeSeconds, m.value("elapsed_s", 0.0));
    }
    e.state.totalSteps = e.state.step;
    e.state.bestValLoss = bestValLossFromMetrics(runDir);
    const bool finished = fs::exists(runDir + "/adapter/adapter_config.json");
    e.state.status = finished ? RunStatus::Finished : RunStatus::Interrupted;
    e.state.message = finished ? "trained from the command line" : "command-line run without an adapter";
    std::error_code ec;
    auto written = fs::last_write_time(path, ec);
    if (!ec) {
        const auto sys = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::file_clock::to_sys(written));
        std::time_t t = std::chrono::system_clock::to_time_t(sys);
        std::tm tm{};
        gmtime_r(&t, &tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
        e.state.startedAt = e.state.createdAt = buf;
    }
    auto ckpts = listCheckpoints(runDir + "/checkpoints");
    if (!ckpts.empty()) e.lastCheckpointStep = ckpts.back().first;
    return e;
}

}  // namespace

std::vector<RunEntry> listRuns(const std::string& runsDir, std::vector<std::string>* problems) {
    std::vector<RunEntry> runs;
    std::error_code ec;
    for (fs::directory_iterator it(runsDir, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_directory()) continue;
        const std::string dir = it->path().string();
        const bool gui = fs::exists(dir + "/request.json");
        if (!gui && !fs::exists(dir + "/run.json")) continue;  // not a run folder
        auto run = gui ? readRun(dir) : readCommandLineRun(dir);
        if (run) {
            runs.push_back(std::move(*run));
        } else if (problems) {
            problems->push_back(run.message());
        }
    }
    std::sort(runs.begin(), runs.end(), [](const RunEntry& a, const RunEntry& b) { return a.id < b.id; });
    return runs;
}

double bestValLossFromMetrics(const std::string& runDir) {
    std::ifstream in(runDir + "/metrics.jsonl");
    double best = -1.0;
    for (std::string line; std::getline(in, line);) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_object() || !j.contains("val_loss") || !j["val_loss"].is_number()) continue;
        const double v = j["val_loss"].get<double>();
        if (best < 0 || v < best) best = v;
    }
    return best;
}

}  // namespace tb::train
