#include "core/train/run_request.h"

#include <cctype>
#include <ctime>
#include <filesystem>

#include "core/common/atomic_file.h"
#include "core/train/train_config_json.h"

namespace tb::train {

nlohmann::ordered_json runRequestToJson(const RunRequest& r) {
    nlohmann::ordered_json j;
    j["model"] = r.modelPath;
    j["dataset_name"] = r.datasetName;
    j["dataset_version"] = r.datasetVersion;
    j["dataset_dir"] = r.datasetDir;
    j["train"] = r.trainPath;
    j["validation"] = r.valPath;
    j["test"] = r.testPath;
    j["task"] = r.task;
    j["loss_on"] = r.lossOn == LossOn::All ? "all" : "completion";
    j["chat_template"] = r.useChatTemplate;
    j["config"] = trainConfigToJson(r.config);
    return j;
}

Result<RunRequest> runRequestFromJson(const nlohmann::json& j, const std::string& source) {
    if (!j.is_object()) return inputError(source + ": expected a JSON object");
    RunRequest r;
    std::string field;
    try {
        auto str = [&](const char* key, std::string& dst) {
            field = key;
            if (j.contains(key)) dst = j.at(key).get<std::string>();
        };
        str("model", r.modelPath);
        str("dataset_name", r.datasetName);
        str("dataset_version", r.datasetVersion);
        str("dataset_dir", r.datasetDir);
        str("train", r.trainPath);
        str("validation", r.valPath);
        str("test", r.testPath);
        str("task", r.task);
        std::string lossOn = "completion";
        str("loss_on", lossOn);
        if (lossOn != "completion" && lossOn != "all")
            return inputError(source + ": loss_on: expected \"completion\" or \"all\"");
        r.lossOn = lossOn == "all" ? LossOn::All : LossOn::Completion;
        field = "chat_template";
        if (j.contains("chat_template")) r.useChatTemplate = j.at("chat_template").get<bool>();
    } catch (const std::exception& e) {
        return inputError(source + ": " + field + ": wrong type (" + e.what() + ")");
    }
    if (r.modelPath.empty()) return inputError(source + ": model: missing");
    if (r.trainPath.empty()) return inputError(source + ": train: missing");
    auto cfg = trainConfigFromJson(j.value("config", nlohmann::json::object()), TrainConfig{}, source + ": config");
    if (!cfg) return cfg.error();
    r.config = *cfg;
    return r;
}

Status writeRunRequest(const std::string& runDir, const RunRequest& request) {
    std::error_code ec;
    std::filesystem::create_directories(runDir, ec);
    if (ec) return internalError(runDir + ": cannot create: " + ec.message());
    return writeFileAtomically(runDir + "/request.json", runRequestToJson(request).dump(2) + "\n");
}

Result<RunRequest> readRunRequest(const std::string& runDir) {
    const std::string path = runDir + "/request.json";
    auto text = readWholeFile(path, 1 << 22);
    if (!text) return text.error();
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded()) return inputError(path + ": not valid JSON");
    return runRequestFromJson(j, path);
}

std::string newRunId(const std::string& runsDir, const std::string& datasetName) {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    std::string base;
    for (char c : datasetName.empty() ? std::string("run") : datasetName)
        base += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '-';
    base += "-" + std::string(stamp);
    std::string id = base;
    for (int n = 2; std::filesystem::exists(runsDir + "/" + id); ++n) id = base + "-" + std::to_string(n);
    return id;
}

}  // namespace tb::train
