// Where the import rejections of a dataset version are kept: <datasets>/<name>/<version-id>.rejected.jsonl,
// beside (not inside) the immutable, content-addressed version folder, one {"file","line","reason"} per line.
// Version listing ignores plain files, so the sidecar never looks like a version. In an encrypted workspace
// it is stored encrypted like the split files (version_file_io.h). Not a reader of records.
#pragma once

#include "core/common/result.h"
#include "core/data/quality_report_json.h"
#include "core/data/reader_types.h"
#include "core/workspace/workspace_crypto.h"

#include <memory>
#include <string>
#include <vector>

namespace tb {

std::string rejectedSidecarPath(const std::string& versionDir);

// Writes every import rejection as one {"file","line","reason"} JSON line, as they arrive, to a file that
// later becomes a sidecar (the import wizard's work file). key null: streamed plain, as RejectedRecordsFile
// (quality_report_json.h) does. key set (an encrypted workspace): the lines are buffered in memory and
// close() writes the file once as an encrypted blob (writeVersionFile, bound to path), since a reason may
// quote record text; saveRejectedSidecar() and loadRejectedSidecar-style readers decrypt it with the key.
class RejectedRecordsWriter {
public:
    static Result<std::unique_ptr<RejectedRecordsWriter>> create(const std::string& path, const WorkspaceKey* key);
    ~RejectedRecordsWriter();
    void add(const RejectedRecord& r);
    Status close();  // writes (encrypted mode) or flushes (plain mode); call once

private:
    RejectedRecordsWriter() = default;
    std::string m_path;
    const WorkspaceKey* m_key = nullptr;
    std::unique_ptr<RejectedRecordsFile> m_plain;  // key null
    std::string m_buffer;                          // key set: the whole file, plaintext in memory only
    bool m_closed = false;
};

// Copies rejectedJsonl beside the version; encrypted when key is set. rejectedJsonl may itself be encrypted
// (a RejectedRecordsWriter file written with the key): it is decrypted in memory with key.
Status saveRejectedSidecar(const std::string& rejectedJsonl, const std::string& versionDir,
                           const WorkspaceKey* key = nullptr);
// Reads up to maxRecords rejections; a missing sidecar is an empty list. An encrypted one needs key.
Result<std::vector<RejectedRecord>> loadRejectedSidecar(const std::string& versionDir, size_t maxRecords = 100000,
                                                        const WorkspaceKey* key = nullptr);

}  // namespace tb
