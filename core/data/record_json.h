// The canonical JSON Lines form of a tb::Record, as the pipeline writes cleaned files, splits and dataset
// versions: {"id", "prompt", "completion", "label"} / {"id", "messages"} / {"id", "text"} plus the source
// file and line. Reading it back goes through the ordinary importer. Also a streaming JSONL file writer.
#pragma once

#include "core/common/result.h"
#include "core/data/record.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace tb {

nlohmann::ordered_json recordToJson(const Record& r);
std::string recordToJsonLine(const Record& r);  // one line, with '\n'
// SHA-256 (hex) of the record's canonical content (everything but id and provenance).
std::string recordContentHash(const Record& r);

// Writes records to path.tmp and renames it over path on commit() (no half-written file is left behind).
class JsonlWriter {
public:
    static Result<std::unique_ptr<JsonlWriter>> create(const std::string& path);
    ~JsonlWriter();
    Status write(const Record& r);
    Status commit();
    int64_t count() const { return m_count; }

private:
    JsonlWriter() = default;
    std::string m_path, m_tmp;
    std::FILE* m_file = nullptr;
    int64_t m_count = 0;
};

Status writeRecordsJsonl(const std::string& path, const std::vector<Record>& records);

}  // namespace tb
