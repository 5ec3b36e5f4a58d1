// TrainConfig to and from JSON (the run.json a person or the GUI writes, and the copy kept in the run
// folder). Unknown keys are refused with their name so a typo never silently falls back to a default.
#pragma once

#include "core/common/result.h"
#include "core/train/trainer.h"

#include <nlohmann/json.hpp>

#include <string>

namespace tb::train {

nlohmann::ordered_json trainConfigToJson(const TrainConfig& config);
// Applies the keys present in `j` on top of `base`. source names the file in messages.
Result<TrainConfig> trainConfigFromJson(const nlohmann::json& j, TrainConfig base, const std::string& source);

}  // namespace tb::train
