#include "core/eval/eval_report.h"

namespace tb::eval {

const char* evalTaskName(EvalTask task) {
    switch (task) {
    case EvalTask::Classification: return "classification";
    case EvalTask::Generation: return "generation";
    case EvalTask::Json: return "json";
    }
    return "generation";
}

Result<EvalTask> parseEvalTask(const std::string& name) {
    if (name == "classification") return EvalTask::Classification;
    if (name == "generation") return EvalTask::Generation;
    if (name == "json") return EvalTask::Json;
    return inputError("unknown task '" + name + "' (expected classification, generation or json)");
}

double EvalReport::accuracy() const {
    if (classification) return classification->accuracy;
    if (json) return json->exactMatchRate;
    return exactMatch;
}

nlohmann::json EvalReport::toJson() const {
    nlohmann::json j;
    j["task"] = evalTaskName(task);
    j["predictions_file"] = predictionsFile;
    j["model"] = model;
    j["count"] = count;
    j["stemming"] = useStemmer;
    j["normalization"] = normalization.toJson();
    nlohmann::json rougeJson = rougeScoresToJson(rouge);
    j["rouge1"] = rougeJson["rouge1"];
    j["rouge2"] = rougeJson["rouge2"];
    j["rougeL"] = rougeJson["rougeL"];
    j["bleu"] = bleuResultToJson(bleu);
    j["token_f1"] = tokenF1;
    j["exact_match"] = exactMatch;
    j["accuracy"] = accuracy();
    if (classification) {
        nlohmann::json c = classificationMetricsToJson(*classification);
        j["macro_f1"] = c["macro_f1"];
        j["weighted_f1"] = c["weighted_f1"];
        j["invalid_rate"] = c["invalid_rate"];
        j["per_class"] = c["per_class"];
        j["confusion_matrix"] = c["confusion_matrix"];
        j["classification"] = {{"count", c["count"]}, {"correct", c["correct"]}, {"invalid", c["invalid"]}};
    } else {
        j["macro_f1"] = nullptr;
        j["weighted_f1"] = nullptr;
        j["per_class"] = nlohmann::json::array();
    }
    if (json) j["json"] = jsonMetricsToJson(*json);
    j["cost"] = costMetricsToJson(cost);
    nlohmann::json errs = nlohmann::json::array();
    for (const LineError& e : errors) errs.push_back(lineErrorToJson(e));
    j["errors"] = errs;
    return j;
}

std::optional<double> reportMetric(const nlohmann::json& r, const std::string& name) {
    auto number = [](const nlohmann::json& v) -> std::optional<double> {
        if (v.is_number()) return v.get<double>();
        return std::nullopt;
    };
    if (!r.is_object()) return std::nullopt;
    if (name == "rouge1" || name == "rouge2" || name == "rougeL") {
        auto it = r.find(name);
        if (it == r.end() || !it->is_object() || !it->contains("fmeasure")) return std::nullopt;
        return number((*it)["fmeasure"]);
    }
    if (name == "bleu") {
        auto it = r.find("bleu");
        if (it == r.end() || !it->is_object() || !it->contains("score")) return std::nullopt;
        return number((*it)["score"]);
    }
    if (name == "valid_json_rate" || name == "field_accuracy") {
        auto it = r.find("json");
        if (it == r.end() || !it->is_object() || !it->contains(name)) return std::nullopt;
        return number((*it)[name]);
    }
    if (name == "latency_p50_ms" || name == "latency_p95_ms" || name == "tokens_per_second") {
        auto it = r.find("cost");
        if (it == r.end() || !it->is_object() || !it->contains(name)) return std::nullopt;
        return number((*it)[name]);
    }
    if (name == "accuracy" || name == "macro_f1" || name == "weighted_f1" || name == "invalid_rate" ||
        name == "token_f1" || name == "exact_match") {
        auto it = r.find(name);
        if (it == r.end()) return std::nullopt;
        return number(*it);
    }
    return std::nullopt;
}

std::optional<double> reportMetric(const EvalReport& report, const std::string& name) {
    return reportMetric(report.toJson(), name);
}

std::string defaultPrimaryMetric(EvalTask task) {
    switch (task) {
    case EvalTask::Classification: return "macro_f1";
    case EvalTask::Json: return "field_accuracy";
    case EvalTask::Generation: return "rougeL";
    }
    return "rougeL";
}

bool higherIsBetter(const std::string& metric) {
    return metric != "latency_p50_ms" && metric != "latency_p95_ms" && metric != "invalid_rate";
}

}  // namespace tb::eval
