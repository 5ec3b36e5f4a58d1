// QualityReport as JSON (for `data inspect --json` and the GUI) and as readable text. Not the analysis.
#pragma once

#include "core/data/quality_report.h"

#include <nlohmann/json.hpp>

#include <string>

namespace tb {

nlohmann::json qualityReportToJson(const QualityReport& report);
std::string qualityReportToText(const QualityReport& report);
nlohmann::json rejectedRecordToJson(const RejectedRecord& r);

}  // namespace tb
