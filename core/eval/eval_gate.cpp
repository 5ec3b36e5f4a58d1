#include "core/eval/eval_gate.h"

#include "core/common/atomic_file.h"

#include <cstdio>

namespace tb::eval {
namespace {

const std::vector<std::string>& knownMetrics() {
    static const std::vector<std::string> names = {
        "accuracy", "macro_f1", "weighted_f1", "invalid_rate", "rouge1", "rouge2", "rougeL", "bleu",
        "token_f1", "exact_match", "valid_json_rate", "field_accuracy", "latency_p50_ms", "latency_p95_ms",
        "tokens_per_second"};
    return names;
}

bool isKnownMetric(const std::string& name) {
    for (const auto& n : knownMetrics())
        if (n == name) return true;
    return false;
}

std::string fmt(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

std::string taskOf(const nlohmann::json& report) {
    auto it = report.find("task");
    return it != report.end() && it->is_string() ? it->get<std::string>() : "generation";
}

}  // namespace

nlohmann::json GateConfig::toJson() const {
    nlohmann::json j = {{"minimum", minimum}, {"beat_base", beatBase}, {"base_margin", baseMargin},
                        {"max_drop_from_production_pct", maxDropFromProductionPct}};
    if (!primaryMetric.empty()) j["primary_metric"] = primaryMetric;
    if (maxInvalidRate) j["max_invalid_rate"] = *maxInvalidRate;
    return j;
}

Result<GateConfig> GateConfig::fromJson(const nlohmann::json& j) {
    GateConfig c;
    if (!j.is_object()) return inputError("gate: expected a JSON object");
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        if (key == "primary_metric") {
            if (it->is_string() && it->get<std::string>().empty()) continue;  // "": the task's default
            if (!it->is_string() || !isKnownMetric(it->get<std::string>()))
                return inputError("gate.primary_metric: expected one of the metric names (e.g. macro_f1, rougeL)");
            c.primaryMetric = it->get<std::string>();
        } else if (key == "minimum") {
            if (!it->is_object()) return inputError("gate.minimum: expected an object metric -> value");
            for (auto m = it->begin(); m != it->end(); ++m) {
                if (!isKnownMetric(m.key())) return inputError("gate.minimum." + m.key() + ": unknown metric");
                if (!m->is_number()) return inputError("gate.minimum." + m.key() + ": expected a number");
                c.minimum[m.key()] = m->get<double>();
            }
        } else if (key == "beat_base") {
            if (!it->is_boolean()) return inputError("gate.beat_base: expected true or false");
            c.beatBase = it->get<bool>();
        } else if (key == "base_margin") {
            if (!it->is_number()) return inputError("gate.base_margin: expected a number");
            c.baseMargin = it->get<double>();
        } else if (key == "max_drop_from_production_pct") {
            if (!it->is_number()) return inputError("gate.max_drop_from_production_pct: expected a number");
            c.maxDropFromProductionPct = it->get<double>();
        } else if (key == "max_invalid_rate") {
            if (!it->is_number()) return inputError("gate.max_invalid_rate: expected a number");
            c.maxInvalidRate = it->get<double>();
        } else {
            return inputError("gate: unknown field '" + key + "'");
        }
    }
    return c;
}

Result<GateConfig> readGateConfigFile(const std::string& path) {
    auto text = readWholeFile(path, size_t(1) << 20);
    if (!text.ok()) return text.error();
    nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded()) return inputError(path + ": not valid JSON");
    auto config = GateConfig::fromJson(j);
    if (!config.ok()) return inputError(path + ": " + config.message());
    return config;
}

nlohmann::json GateResult::toJson() const {
    nlohmann::json list = nlohmann::json::array();
    for (const GateCheck& c : checks) {
        nlohmann::json e = {{"rule", c.rule}, {"passed", c.passed}, {"reason", c.reason}};
        e["value"] = c.value ? nlohmann::json(*c.value) : nlohmann::json(nullptr);
        e["threshold"] = c.threshold ? nlohmann::json(*c.threshold) : nlohmann::json(nullptr);
        list.push_back(e);
    }
    return {{"passed", passed}, {"primary_metric", primaryMetric}, {"checks", list}};
}

GateResult evaluateGates(const GateConfig& config, const nlohmann::json& candidate, const nlohmann::json* base,
                         const nlohmann::json* production) {
    GateResult result;
    std::string primary = config.primaryMetric;
    if (primary.empty()) {
        auto task = parseEvalTask(taskOf(candidate));
        primary = defaultPrimaryMetric(task.ok() ? *task : EvalTask::Generation);
    }
    result.primaryMetric = primary;
    const bool higher = higherIsBetter(primary);
    std::optional<double> value = reportMetric(candidate, primary);

    for (const auto& [metric, threshold] : config.minimum) {
        GateCheck c;
        c.rule = "minimum." + metric;
        c.threshold = threshold;
        c.value = reportMetric(candidate, metric);
        bool up = higherIsBetter(metric);
        if (!c.value) {
            c.reason = "the report has no " + metric;
        } else {
            c.passed = up ? *c.value >= threshold : *c.value <= threshold;
            c.reason = metric + " " + fmt(*c.value) + (c.passed ? " meets " : " misses ") + "the " +
                       (up ? "minimum " : "maximum ") + fmt(threshold);
        }
        result.checks.push_back(c);
    }
    if (config.maxInvalidRate) {
        GateCheck c;
        c.rule = "max_invalid_rate";
        c.threshold = *config.maxInvalidRate;
        c.value = reportMetric(candidate, "invalid_rate");
        if (!c.value) {
            c.reason = "the report has no invalid_rate (not a classification report)";
        } else {
            c.passed = *c.value <= *config.maxInvalidRate;
            c.reason = "invalid outputs " + fmt(*c.value * 100) + "% " + (c.passed ? "within" : "above") +
                       " the limit of " + fmt(*config.maxInvalidRate * 100) + "%";
        }
        result.checks.push_back(c);
    }
    if (config.beatBase) {
        GateCheck c;
        c.rule = "beat_base";
        c.value = value;
        std::optional<double> baseValue = base ? reportMetric(*base, primary) : std::nullopt;
        if (!base) {
            c.reason = "no base model report to compare with";
        } else if (!value || !baseValue) {
            c.reason = "the candidate or base report has no " + primary;
        } else {
            c.threshold = higher ? *baseValue + config.baseMargin : *baseValue - config.baseMargin;
            c.passed = higher ? *value >= *c.threshold : *value <= *c.threshold;
            c.reason = primary + " " + fmt(*value) + " vs base " + fmt(*baseValue) + ": " +
                       (c.passed ? "beats" : "does not beat") + " it by the required margin " + fmt(config.baseMargin);
        }
        result.checks.push_back(c);
    }
    if (config.maxDropFromProductionPct >= 0) {
        GateCheck c;
        c.rule = "production_drop";
        c.value = value;
        std::optional<double> prodValue = production ? reportMetric(*production, primary) : std::nullopt;
        if (!production) {
            c.passed = true;
            c.reason = "no model in Production to compare with";
        } else if (!value || !prodValue) {
            c.reason = "the candidate or Production report has no " + primary;
        } else {
            double factor = config.maxDropFromProductionPct / 100.0;
            c.threshold = higher ? *prodValue * (1.0 - factor) : *prodValue * (1.0 + factor);
            c.passed = higher ? *value >= *c.threshold : *value <= *c.threshold;
            double changePct = *prodValue != 0 ? (*value - *prodValue) / *prodValue * 100.0 : 0.0;
            c.reason = primary + " " + fmt(*value) + " vs Production " + fmt(*prodValue) + " (" + fmt(changePct) +
                       "%): " + (c.passed ? "within" : "beyond") + " the allowed drop of " +
                       fmt(config.maxDropFromProductionPct) + "%";
        }
        result.checks.push_back(c);
    }
    for (const GateCheck& c : result.checks) result.passed = result.passed && c.passed;
    return result;
}

GateResult evaluateGates(const GateConfig& config, const EvalReport& candidate, const EvalReport* base,
                         const EvalReport* production) {
    nlohmann::json c = candidate.toJson();
    nlohmann::json b = base ? base->toJson() : nlohmann::json();
    nlohmann::json p = production ? production->toJson() : nlohmann::json();
    return evaluateGates(config, c, base ? &b : nullptr, production ? &p : nullptr);
}

}  // namespace tb::eval
