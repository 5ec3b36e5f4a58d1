// Immutable, content-addressed dataset versions in the workspace:
// <datasets>/<name>/<version-id>/{train,validation,test}.jsonl + manifest.json, where the version id is the
// SHA-256 over the split files' hashes. Saving identical content again returns the existing version. Files
// are made read-only; verifyDatasetVersion() re-hashes them. In an encrypted workspace the split files are
// written encrypted (version_file_io.h); ids and hashes are over the plaintext. Not the diff (version_diff.h).
#pragma once

#include "core/common/result.h"
#include "core/workspace/workspace_crypto.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tb {

struct DatasetVersion {
    std::string name;
    std::string version;                      // 64 hex digits
    std::string createdAt;                    // ISO 8601 UTC
    std::string description;
    std::string parent;                       // previous version id of the same name, or empty
    std::map<std::string, int64_t> counts;    // split -> records
    std::map<std::string, std::string> files; // split file -> SHA-256
    nlohmann::json sources = nlohmann::json::array();  // [{file, sha256, bytes}]
    nlohmann::json import, cleaning, split;   // settings carried from provenance (null when unknown)
    std::string toolVersion;
    std::string dir;                          // where it lives
    bool alreadyExisted = false;              // createDatasetVersion found identical content
};
nlohmann::json datasetVersionToJson(const DatasetVersion& v);

// Names: 1-64 characters of letters, digits, '.', '_' and '-', not starting with '.' or '-'.
Status validateDatasetName(const std::string& name);

struct CreateVersionOptions {
    std::string name;
    std::string description;
    std::string parent;  // empty: the newest existing version of the same name (if any)
    const WorkspaceKey* key = nullptr;  // set in an encrypted workspace: the split files are stored encrypted
};

// splitDir holds train.jsonl, validation.jsonl, test.jsonl (a missing split counts as empty; a split written
// encrypted by splitFile with a key is read with options.key, else refused as locked) and optionally
// provenance.json. datasetsDir is the workspace's datasets folder.
Result<DatasetVersion> createDatasetVersion(const std::string& datasetsDir, const std::string& splitDir,
                                            const CreateVersionOptions& options);

Result<DatasetVersion> readDatasetVersion(const std::string& versionDir);
// Versions of a name, oldest first.
Result<std::vector<DatasetVersion>> listDatasetVersions(const std::string& datasetsDir, const std::string& name);
// "name" (newest), "name@<id prefix>", or a path to a version folder.
Result<std::string> resolveDatasetVersion(const std::string& datasetsDir, const std::string& ref);
// Re-hashes the files (their plaintext) against the manifest; an error names the file that changed. An
// encrypted version needs key (and fails authentication when a file was changed or moved).
Status verifyDatasetVersion(const std::string& versionDir, const WorkspaceKey* key = nullptr);

}  // namespace tb
