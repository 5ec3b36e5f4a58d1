#include "core/eval/comparison_store.h"
#include "core/common/utc_time.h"

#include "core/common/atomic_file.h"
#include "core/eval/review_ratings.h"
#include "core/workspace/workspace_file_io.h"

#include <algorithm>
#include <filesystem>

namespace tb::eval {

namespace fs = std::filesystem;

namespace {

const char* kManifest = "comparison.json";
const char* kPredictionsA = "predictions_a.jsonl";
const char* kPredictionsB = "predictions_b.jsonl";

Result<std::string> stringField(const nlohmann::json& j, const char* key, bool required) {
    if (!j.contains(key) || j[key].is_null()) {
        if (required) return inputError(std::string("comparison: '") + key + "' is missing");
        return std::string();
    }
    if (!j[key].is_string()) return inputError(std::string("comparison: '") + key + "' must be a string");
    return j[key].get<std::string>();
}

}  // namespace

nlohmann::json comparisonSourceToJson(const ComparisonSource& s) {
    return {{"model_a", s.modelA},
            {"adapter_a", s.adapterA},
            {"model_b", s.modelB},
            {"adapter_b", s.adapterB},
            {"data", s.data},
            {"task", evalTaskName(s.score.task)},
            {"labels", s.score.labels},
            {"stemming", s.score.useStemmer},
            {"normalization", s.score.normalization.toJson()},
            {"generation_correct_threshold", s.score.generationCorrectThreshold},
            {"created_at", s.createdAt},
            {"created_by", s.createdBy}};
}

Result<ComparisonSource> comparisonSourceFromJson(const nlohmann::json& j) {
    if (!j.is_object()) return inputError("comparison: expected a JSON object");
    ComparisonSource s;
    struct Field {
        const char* key;
        std::string* out;
        bool required;
    };
    for (const Field& f : {Field{"model_a", &s.modelA, true}, Field{"adapter_a", &s.adapterA, false},
                           Field{"model_b", &s.modelB, true}, Field{"adapter_b", &s.adapterB, false},
                           Field{"data", &s.data, false}, Field{"created_at", &s.createdAt, false},
                           Field{"created_by", &s.createdBy, false}}) {
        auto v = stringField(j, f.key, f.required);
        if (!v) return v.error();
        *f.out = *v;
    }
    auto taskName = stringField(j, "task", true);
    if (!taskName) return taskName.error();
    auto task = parseEvalTask(*taskName);
    if (!task) return inputError("comparison: " + task.message());
    s.score.task = *task;
    if (j.contains("labels")) {
        if (!j["labels"].is_array()) return inputError("comparison: 'labels' must be a list of strings");
        for (const auto& l : j["labels"]) {
            if (!l.is_string()) return inputError("comparison: 'labels' must be a list of strings");
            s.score.labels.push_back(l.get<std::string>());
        }
    }
    if (j.contains("stemming")) {
        if (!j["stemming"].is_boolean()) return inputError("comparison: 'stemming' must be true or false");
        s.score.useStemmer = j["stemming"].get<bool>();
    }
    if (j.contains("normalization")) {
        auto n = NormalizationOptions::fromJson(j["normalization"]);
        if (!n) return inputError("comparison: normalization: " + n.message());
        s.score.normalization = *n;
    }
    if (j.contains("generation_correct_threshold")) {
        if (!j["generation_correct_threshold"].is_number())
            return inputError("comparison: 'generation_correct_threshold' must be a number");
        s.score.generationCorrectThreshold = j["generation_correct_threshold"].get<double>();
    }
    return s;
}

Result<std::string> saveComparison(const std::string& evalDir, const ComparisonSource& source,
                                   const PredictionSet& a, const PredictionSet& b, const ComparisonResult& result,
                                   const WorkspaceKey* key) {
    std::string stamp = source.createdAt.empty() ? tb::utcTimestampNow() : source.createdAt;
    std::string base = stamp;
    std::replace(base.begin(), base.end(), ':', '-');  // folder names that every file system accepts
    const fs::path root = fs::path(evalDir) / "comparisons";
    std::error_code ec;
    fs::create_directories(root, ec);
    if (ec) return internalError(root.string() + ": cannot be created (" + ec.message() + ")");
    fs::path dir;
    for (int n = 1;; ++n) {
        dir = root / (n == 1 ? base : base + "-" + std::to_string(n));
        if (fs::create_directory(dir, ec)) break;
        if (ec) return internalError(dir.string() + ": cannot be created (" + ec.message() + ")");
    }
    TB_TRY(writePredictionsFile((dir / kPredictionsA).string(), a.records, key));
    TB_TRY(writePredictionsFile((dir / kPredictionsB).string(), b.records, key));
    ComparisonSource stored = source;
    stored.createdAt = stamp;
    nlohmann::json manifest = comparisonSourceToJson(stored);
    manifest["format"] = "tunebench-comparison";
    manifest["version"] = 1;
    manifest["summary"] = result.toJson(false)["summary"];
    TB_TRY(writeFileAtomically((dir / kManifest).string(), manifest.dump(2) + "\n"));
    return dir.string();
}

Result<StoredComparison> loadComparison(const std::string& dir, const ProgressCallback& progress,
                                        const WorkspaceKey* key) {
    const std::string manifestPath = (fs::path(dir) / kManifest).string();
    auto text = readWholeFile(manifestPath);
    if (!text) return inputError(manifestPath + ": cannot be read");
    nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded()) return inputError(manifestPath + ": not valid JSON");
    auto source = comparisonSourceFromJson(j);
    if (!source) return inputError(manifestPath + ": " + source.message());
    auto a = readPredictionsFile((fs::path(dir) / kPredictionsA).string(), key);
    if (!a) return a.error();
    auto b = readPredictionsFile((fs::path(dir) / kPredictionsB).string(), key);
    if (!b) return b.error();
    auto result = comparePredictions(*a, *b, source->score, progress);
    if (!result) return result.error();
    StoredComparison s;
    s.dir = dir;
    s.id = fs::path(dir).filename().string();
    s.source = std::move(*source);
    s.result = std::move(*result);
    return s;
}

Result<int> encryptStoredComparisons(const std::string& evalDir, const WorkspaceKey& key) {
    int changed = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(evalDir) / "comparisons", ec)) {
        if (!entry.is_directory(ec)) continue;
        for (const char* name : {kPredictionsA, kPredictionsB}) {
            const std::string path = (entry.path() / name).string();
            if (!fs::exists(path, ec)) continue;
            auto c = encryptFileInPlace(path, predictionsFileContext(path), key, "predictions " + path);
            if (!c) return c.error();
            changed += *c ? 1 : 0;
        }
        const std::string ratings = ratingsPathFor(entry.path().string());
        if (fs::exists(ratings, ec)) {
            auto c = encryptFileInPlace(ratings, ratingsFileContext(ratings), key, "ratings " + ratings);
            if (!c) return c.error();
            changed += *c ? 1 : 0;
        }
    }
    return changed;
}

std::vector<ComparisonListing> listComparisons(const std::string& evalDir) {
    std::vector<ComparisonListing> out;
    std::error_code ec;
    const fs::path root = fs::path(evalDir) / "comparisons";
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        if (!entry.is_directory(ec)) continue;
        auto text = readWholeFile((entry.path() / kManifest).string(), size_t(1) << 24);
        if (!text) continue;
        nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
        if (j.is_discarded()) continue;
        auto source = comparisonSourceFromJson(j);
        if (!source) continue;
        ComparisonListing l{entry.path().string(), entry.path().filename().string(), source->createdAt,
                            source->modelA, source->adapterA, source->modelB, source->adapterB, source->data};
        const nlohmann::json summary = j.value("summary", nlohmann::json::object());
        if (summary.is_object()) {
            l.examples = summary.value("examples", 0LL);
            l.regressions = summary.value("regressions", 0LL);
            l.fixes = summary.value("fixes", 0LL);
        }
        out.push_back(std::move(l));
    }
    std::sort(out.begin(), out.end(), [](const ComparisonListing& x, const ComparisonListing& y) {
        return x.id > y.id;  // ids start with the UTC time, so this is newest first
    });
    return out;
}

}  // namespace tb::eval
