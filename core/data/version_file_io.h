// The one place where the files of a dataset version are read and written: the split files
// (<datasets>/<name>/<version>/{train,validation,test}.jsonl) and the rejected sidecar
// (<datasets>/<name>/<version>.rejected.jsonl). In an encrypted workspace they are AES-256-GCM blobs bound
// to "<name>/<version>/<file>" (so a file moved to another version or name fails to decrypt); readers get
// the plaintext in memory only. manifest.json stays plain: it holds counts, hashes and settings, no record
// text. Not the version logic (dataset_version.h) nor the crypto (core/workspace/workspace_crypto.h).
#pragma once

#include "core/common/result.h"
#include "core/workspace/workspace_crypto.h"

#include <string>
#include <string_view>

namespace tb {

// "tunebench-dataset-version:<name>/<version>/<file>" for a split file, "...:<name>/<version>.rejected.jsonl"
// for a sidecar: the last path components of the (absolute, normalised) path.
std::string versionFileContext(const std::string& path);
// "dataset version <name>@<first 12 digits> (<file>)", for messages.
std::string versionFileLabel(const std::string& path);

// The file's plaintext: decrypted in memory when it is encrypted (key required: without one the error
// says "dataset version X is encrypted: unlock the workspace (--key-file ...)"), as stored when it is not.
Result<std::string> readVersionFile(const std::string& path, const WorkspaceKey* key,
                                    size_t maxBytes = size_t(1) << 34);
// Writes atomically; encrypted when key is set, plain (byte for byte) when it is null.
Status writeVersionFile(const std::string& path, std::string_view bytes, const WorkspaceKey* key);

struct VersionEncryptionSummary {
    int versions = 0;        // version folders seen
    int filesEncrypted = 0;  // files changed from plaintext to encrypted
    int filesAlready = 0;    // files that were encrypted already (checked with the key)
};
// Encrypts every split file and rejected sidecar of every dataset version under datasetsDir, each
// atomically (the read-only folder is opened for writing only while its files are replaced). Stops at
// the first failure, naming the file; files done so far stay encrypted and are recognised on a rerun.
Result<VersionEncryptionSummary> encryptDatasetVersions(const std::string& datasetsDir, const WorkspaceKey& key);

}  // namespace tb
