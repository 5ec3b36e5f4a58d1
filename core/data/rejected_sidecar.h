// Where the import rejections of a dataset version are kept: <datasets>/<name>/<version-id>.rejected.jsonl,
// beside (not inside) the immutable, content-addressed version folder, one {"file","line","reason"} per line.
// Version listing ignores plain files, so the sidecar never looks like a version. Not a reader of records.
#pragma once

#include "core/common/result.h"
#include "core/data/reader_types.h"

#include <string>
#include <vector>

namespace tb {

std::string rejectedSidecarPath(const std::string& versionDir);
Status saveRejectedSidecar(const std::string& rejectedJsonl, const std::string& versionDir);
// Reads up to maxRecords rejections; a missing sidecar is an empty list.
Result<std::vector<RejectedRecord>> loadRejectedSidecar(const std::string& versionDir, size_t maxRecords = 100000);

}  // namespace tb
