// Where the import rejections of a dataset version are kept: <datasets>/<name>/<version-id>.rejected.jsonl,
// beside (not inside) the immutable, content-addressed version folder, one {"file","line","reason"} per line.
// Version listing ignores plain files, so the sidecar never looks like a version. In an encrypted workspace
// it is stored encrypted like the split files (version_file_io.h). Not a reader of records.
#pragma once

#include "core/common/result.h"
#include "core/data/reader_types.h"
#include "core/workspace/workspace_crypto.h"

#include <string>
#include <vector>

namespace tb {

std::string rejectedSidecarPath(const std::string& versionDir);
// Copies rejectedJsonl beside the version; encrypted when key is set.
Status saveRejectedSidecar(const std::string& rejectedJsonl, const std::string& versionDir,
                           const WorkspaceKey* key = nullptr);
// Reads up to maxRecords rejections; a missing sidecar is an empty list. An encrypted one needs key.
Result<std::vector<RejectedRecord>> loadRejectedSidecar(const std::string& versionDir, size_t maxRecords = 100000,
                                                        const WorkspaceKey* key = nullptr);

}  // namespace tb
