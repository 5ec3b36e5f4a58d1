#include "core/eval/prediction_store.h"

#include "core/common/atomic_file.h"
#include "core/workspace/workspace_file_io.h"

#include <openssl/crypto.h>

#include <cmath>
#include <filesystem>
#include <set>

namespace tb::eval {
namespace {

constexpr size_t kMaxFileBytes = size_t(1) << 30;

// Reads one record's fields; returns the reason it is unusable, or an empty string.
std::string readRecord(const nlohmann::json& j, PredictionRecord& r) {
    if (!j.is_object()) return "expected a JSON object, got " + std::string(j.type_name());
    if (auto it = j.find("id"); it != j.end() && !it->is_null()) {
        if (it->is_string()) r.id = it->get<std::string>();
        else if (it->is_number_integer()) r.id = std::to_string(it->get<long long>());
        else return "field 'id': expected a string or an integer";
    }
    if (auto it = j.find("prompt"); it != j.end() && !it->is_null()) {
        if (!it->is_string()) return "field 'prompt': expected a string";
        r.prompt = it->get<std::string>();
    }
    auto prediction = j.find("prediction");
    if (prediction == j.end()) return "missing field 'prediction'";
    if (prediction->is_string()) r.prediction = prediction->get<std::string>();
    else if (!prediction->is_null()) return "field 'prediction': expected a string or null";

    auto reference = j.find("reference");
    auto references = j.find("references");
    bool hasReference = reference != j.end() && !reference->is_null();
    bool hasReferences = references != j.end() && !references->is_null();
    if (hasReference && hasReferences) return "give either 'reference' or 'references', not both";
    if (hasReference) {
        if (!reference->is_string()) return "field 'reference': expected a string";
        r.references.push_back(reference->get<std::string>());
    }
    if (hasReferences) {
        if (!references->is_array()) return "field 'references': expected a list of strings";
        if (references->empty()) return "field 'references': the list is empty";
        for (size_t i = 0; i < references->size(); ++i) {
            if (!(*references)[i].is_string())
                return "field 'references[" + std::to_string(i) + "]': expected a string";
            r.references.push_back((*references)[i].get<std::string>());
        }
    }
    if (auto it = j.find("label"); it != j.end() && !it->is_null()) {
        if (!it->is_string()) return "field 'label': expected a string";
        r.label = it->get<std::string>();
    }
    if (r.references.empty() && r.label.empty()) return "missing field 'reference', 'references' or 'label'";
    if (r.references.empty()) r.references.push_back(r.label);

    if (auto it = j.find("latency_ms"); it != j.end() && !it->is_null()) {
        if (!it->is_number()) return "field 'latency_ms': expected a number";
        double v = it->get<double>();
        if (!std::isfinite(v) || v < 0) return "field 'latency_ms': expected a non-negative number";
        r.latencyMs = v;
    }
    for (const char* name : {"prompt_tokens", "completion_tokens"}) {
        auto it = j.find(name);
        if (it == j.end() || it->is_null()) continue;
        if (!it->is_number_integer() || it->get<long long>() < 0)
            return std::string("field '") + name + "': expected a non-negative integer";
        (std::string(name) == "prompt_tokens" ? r.promptTokens : r.completionTokens) = it->get<long long>();
    }
    if (auto it = j.find("model"); it != j.end() && !it->is_null()) {
        if (!it->is_string() && !it->is_object()) return "field 'model': expected a string or an object";
        r.model = *it;
    }
    return {};
}

}  // namespace

std::string LineError::message() const { return file + ":" + std::to_string(line) + ": " + reason; }

nlohmann::json lineErrorToJson(const LineError& e) {
    return {{"file", e.file}, {"line", e.line}, {"reason", e.reason}};
}

PredictionSet parsePredictionsJsonl(std::string_view text, const std::string& fileName) {
    PredictionSet set;
    set.file = fileName;
    std::set<std::string> seenIds;
    long long lineNo = 0;
    size_t start = 0;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;  // UTF-8 byte order mark
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank lines are allowed
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception& e) {
            std::string what = e.what();
            set.errors.push_back({fileName, lineNo, "not valid JSON (" + what + ")"});
            continue;
        }
        PredictionRecord r;
        r.line = lineNo;
        std::string reason = readRecord(j, r);
        if (!reason.empty()) {
            set.errors.push_back({fileName, lineNo, reason});
            continue;
        }
        if (r.id.empty()) r.id = "line-" + std::to_string(lineNo);
        if (!seenIds.insert(r.id).second) {
            set.errors.push_back({fileName, lineNo, "duplicate id '" + r.id + "'"});
            continue;
        }
        set.records.push_back(std::move(r));
    }
    return set;
}

std::string predictionsFileContext(const std::string& path) { return protectedFileContext("predictions", path); }

Result<PredictionSet> readPredictionsFile(const std::string& path, const WorkspaceKey* key) {
    auto bytes = readProtectedFile(path, predictionsFileContext(path), key, "predictions " + path, kMaxFileBytes);
    if (!bytes.ok()) return bytes.error();
    PredictionSet set = parsePredictionsJsonl(*bytes, path);
    if (key) OPENSSL_cleanse(bytes->data(), bytes->size());
    return set;
}

nlohmann::json predictionToJson(const PredictionRecord& r) {
    nlohmann::json j = nlohmann::json::object();
    j["id"] = r.id;
    if (!r.prompt.empty()) j["prompt"] = r.prompt;
    if (r.references.size() == 1) j["reference"] = r.references[0];
    else if (!r.references.empty()) j["references"] = r.references;
    if (!r.label.empty()) j["label"] = r.label;
    j["prediction"] = r.prediction;
    if (r.latencyMs >= 0) j["latency_ms"] = r.latencyMs;
    if (r.promptTokens >= 0) j["prompt_tokens"] = r.promptTokens;
    if (r.completionTokens >= 0) j["completion_tokens"] = r.completionTokens;
    if (!r.model.is_null()) j["model"] = r.model;
    return j;
}

std::string predictionsToJsonl(const std::vector<PredictionRecord>& records) {
    std::string out;
    for (const PredictionRecord& r : records) {
        // Replace invalid UTF-8 rather than fail: a model's garbage output must still be storable.
        out += predictionToJson(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        out.push_back('\n');
    }
    return out;
}

Status writePredictionsFile(const std::string& path, const std::vector<PredictionRecord>& records,
                            const WorkspaceKey* key) {
    std::string text = predictionsToJsonl(records);
    Status st = writeProtectedFile(path, text, predictionsFileContext(path), key);
    if (key) OPENSSL_cleanse(text.data(), text.size());
    return st;
}

Result<int> encryptPredictionFilesIn(const std::string& dir, const WorkspaceKey& key) {
    namespace fs = std::filesystem;
    int changed = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (!entry.is_regular_file(ec) || entry.path().extension() != ".jsonl") continue;
        const std::string path = entry.path().string();
        auto c = encryptFileInPlace(path, predictionsFileContext(path), key, "predictions " + path);
        if (!c) return c.error();
        changed += *c ? 1 : 0;
    }
    return changed;
}

}  // namespace tb::eval
