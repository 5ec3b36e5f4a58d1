// Record-level diff of two dataset versions keyed by the stable record id: records added, removed, changed
// (same id, different content) and moved between splits, with capped examples. Not a text diff.
#pragma once

#include "core/common/result.h"
#include "core/workspace/workspace_crypto.h"

#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace tb {

struct RecordDiffEntry {
    std::string id;
    std::string splitBefore, splitAfter;
    std::string before, after;  // previews of the record content (empty when absent)
};

struct VersionDiff {
    std::string versionA, versionB;
    int64_t added = 0, removed = 0, changed = 0, moved = 0, unchanged = 0;
    std::map<std::string, std::array<int64_t, 2>> counts;  // split -> (A, B)
    std::vector<RecordDiffEntry> addedExamples, removedExamples, changedExamples, movedExamples;
};
nlohmann::json versionDiffToJson(const VersionDiff& d);
std::string versionDiffToText(const VersionDiff& d);

// key decrypts versions stored encrypted at rest (version_file_io.h).
Result<VersionDiff> diffDatasetVersions(const std::string& versionDirA, const std::string& versionDirB,
                                        size_t maxExamples = 20, const WorkspaceKey* key = nullptr);

}  // namespace tb
