// Importing a dataset file into tb::Record values: picks the reader (JSONL or CSV/TSV), detects the record
// format and mapping from a sample (or takes the user's), then streams records to a callback with every
// rejected row reported (file, line, reason). Memory stays bounded; loadDataset() is the in-memory convenience.
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/data/csv_reader.h"
#include "core/data/reader_types.h"
#include "core/data/record.h"
#include "core/data/record_mapping.h"
#include "core/workspace/workspace_crypto.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tb {

enum class FileKind { Auto, Jsonl, Csv, Tsv };
const char* fileKindName(FileKind kind);
std::optional<FileKind> parseFileKind(std::string_view name);  // "jsonl", "csv", "tsv"

struct ImportOptions {
    FileKind kind = FileKind::Auto;            // Auto: from the extension, else sniffed
    std::optional<RecordFormat> format;        // override detection
    std::vector<FieldMap> maps;                // --map SOURCE=TARGET
    std::string promptTemplate;                // --template "Classify: {text}"
    CsvOptions csv;
    ReaderLimits limits;
    int sampleRows = 200;                      // rows looked at for detection
    bool assignIds = true;                     // give every record a stable id (record_id.h)
    // Decrypts dataset-version files encrypted at rest (version_file_io.h); null: such files are refused
    // with "dataset version ... is encrypted: unlock the workspace". Not owned; must outlive the call.
    const WorkspaceKey* key = nullptr;
};

struct DatasetDetection {
    FileKind kind = FileKind::Jsonl;
    CsvDialect csv;                            // for CSV/TSV
    std::vector<std::string> fields;           // field names seen in the sample
    MappingPlan plan;
    std::vector<Record> preview;               // the first few mapped records
    std::vector<RejectedRecord> previewRejected;
};

struct ImportSummary {
    std::string file;
    DatasetDetection detection;                // preview left empty
    ReaderStats reader;
    int64_t records = 0;                       // records handed to the sink
    int64_t rejected = 0;                      // reader rejections + mapping rejections
};

// Returns false to stop importing (not an error).
using RecordSink = std::function<bool(Record&& record)>;

Result<DatasetDetection> detectDataset(const std::string& path, const ImportOptions& options, int previewCount = 5);

Result<ImportSummary> importDataset(const std::string& path, const ImportOptions& options, const RecordSink& sink,
                                    const RejectCallback& onReject, const ProgressCallback& progress = {});

struct LoadedDataset {
    std::vector<Record> records;
    std::vector<RejectedRecord> rejected;
    ImportSummary summary;
};
Result<LoadedDataset> loadDataset(const std::string& path, const ImportOptions& options,
                                  const ProgressCallback& progress = {});

}  // namespace tb
