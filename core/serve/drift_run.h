// The drift report over files, as the Serve page and `tunebench serve drift` compute it: the training data
// (any import format; a dataset version file is decrypted with key), the endpoint's sample log (lines
// decrypted with key) and the base model's tokenizer, which measures prompt lengths. Not the statistics
// (drift_report.h) nor how the inputs are built (drift_inputs.h).
#pragma once

#include <cstdint>
#include <string>

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/serve/drift_report.h"
#include "core/workspace/workspace_crypto.h"

namespace tb::serve {

struct DriftRun {
    DriftReport report;
    int64_t trainingRecords = 0;
};

Result<DriftRun> driftReportFromFiles(const std::string& modelPath, const std::string& trainingPath,
                                      const std::string& samplesPath, const WorkspaceKey* key,
                                      const DriftThresholds& thresholds = {}, const ProgressCallback& progress = {});

}  // namespace tb::serve
