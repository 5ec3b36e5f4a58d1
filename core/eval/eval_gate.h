// Release gates for an evaluated model: configurable rules (JSON) checked against its EvalReport, the
// base model's report and the current Production model's report, giving pass/fail with one reason per
// rule. The Registry stores GateResult::toJson() with the report. Not the Registry's promotion logic.
//
// Gate file (every field optional):
//   {"primary_metric": "macro_f1",                 // default: by task (macro_f1 / rougeL / field_accuracy)
//    "minimum": {"accuracy": 0.8, "rougeL": 0.3},  // each metric must be >= its value (<= for latencies)
//    "beat_base": true, "base_margin": 0.01,       // primary >= base + margin (absolute, metric units)
//    "max_drop_from_production_pct": 5.0,          // primary >= production * (1 - pct/100)
//    "max_invalid_rate": 0.1}                      // classification: share of non-label outputs
#pragma once

#include "core/common/result.h"
#include "core/eval/eval_report.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tb::eval {

struct GateConfig {
    std::string primaryMetric;                 // empty: defaultPrimaryMetric(task)
    std::map<std::string, double> minimum;
    bool beatBase = false;
    double baseMargin = 0.0;
    double maxDropFromProductionPct = 5.0;     // negative disables the rule
    std::optional<double> maxInvalidRate;

    nlohmann::json toJson() const;
    // Unknown fields and unknown metric names are errors naming the field.
    static Result<GateConfig> fromJson(const nlohmann::json& j);
};
Result<GateConfig> readGateConfigFile(const std::string& path);

struct GateCheck {
    std::string rule;       // "minimum.accuracy", "beat_base", "production_drop", "max_invalid_rate"
    bool passed = false;
    std::string reason;     // human sentence with the numbers
    std::optional<double> value;
    std::optional<double> threshold;
};

struct GateResult {
    bool passed = true;     // all checks passed
    std::string primaryMetric;
    std::vector<GateCheck> checks;
    nlohmann::json toJson() const;
};

// base / production may be null: a beat_base rule then fails ("no base report"), while the production
// rule passes with the reason that no model is in Production yet.
GateResult evaluateGates(const GateConfig& config, const nlohmann::json& candidate,
                         const nlohmann::json* base = nullptr, const nlohmann::json* production = nullptr);
GateResult evaluateGates(const GateConfig& config, const EvalReport& candidate, const EvalReport* base = nullptr,
                         const EvalReport* production = nullptr);

}  // namespace tb::eval
