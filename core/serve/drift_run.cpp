#include "core/serve/drift_run.h"

#include "core/data/dataset_import.h"
#include "core/serve/drift_inputs.h"
#include "core/serve/sample_log.h"
#include "core/tokenizer/tokenizer_loader.h"

namespace tb::serve {

Result<DriftRun> driftReportFromFiles(const std::string& modelPath, const std::string& trainingPath,
                                      const std::string& samplesPath, const WorkspaceKey* key,
                                      const DriftThresholds& thresholds, const ProgressCallback& progress) {
    auto tokenizer = loadTokenizer(modelPath);
    if (!tokenizer) return tokenizer.error();
    ImportOptions options;
    options.key = key;
    auto data = loadDataset(trainingPath, options, progress);
    if (!data) return data.error();
    // Read only (sample rate 0).
    SampleLog log(samplesPath, 0.0, key ? std::optional<WorkspaceKey>(*key) : std::nullopt);
    auto served = log.readAll();
    if (!served) return served.error();
    DriftRun run;
    run.report =
        computeDriftReport(buildDriftInputs(driftTrainingExamples(data->records), *served, **tokenizer), thresholds);
    run.trainingRecords = int64_t(data->records.size());
    return run;
}

}  // namespace tb::serve
