// QualityReport as JSON (for `data inspect --json` and the GUI) and as readable text. Not the analysis.
#pragma once

#include "core/data/quality_report.h"

#include <nlohmann/json.hpp>

#include "core/common/result.h"

#include <cstdio>
#include <memory>
#include <string>

namespace tb {

nlohmann::json qualityReportToJson(const QualityReport& report);
std::string qualityReportToText(const QualityReport& report);
nlohmann::json rejectedRecordToJson(const RejectedRecord& r);

// Writes every rejection as one JSON line ({"file", "line", "reason"}) as they arrive; for --rejected-out.
class RejectedRecordsFile {
public:
    static Result<std::unique_ptr<RejectedRecordsFile>> create(const std::string& path);
    ~RejectedRecordsFile();
    void add(const RejectedRecord& r);
    Status close();

private:
    RejectedRecordsFile() = default;
    std::string m_path;
    std::FILE* m_file = nullptr;
    bool m_failed = false;
};

}  // namespace tb
