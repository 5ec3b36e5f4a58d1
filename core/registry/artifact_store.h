// Content-addressed artifacts (adapters, exports, prediction files) in <workspace>/artifacts: each
// artifact is a file or a folder of files identified by the SHA-256 of its manifest (names, sizes and
// file hashes). Every load re-hashes and refuses a changed file, naming it. Optionally encrypted at
// rest with the workspace key (AES-256-GCM, bound to the artifact and file name); a plain stored
// artifact is converted in place by encryptStored.
#pragma once

#include "core/registry/workspace_crypto.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tb {

struct ArtifactFile {
    std::string name;    // relative path inside the artifact
    uint64_t size = 0;   // plaintext bytes
    std::string sha256;  // of the plaintext
};

// What encryptAllStored() did.
struct ArtifactEncryptionSummary {
    int artifacts = 0;           // artifacts found (complete ones, with an artifact.json)
    int artifactsConverted = 0;  // whose manifest this call switched to "encrypted": true
    int filesEncrypted = 0;      // stored files encrypted by this call
    int filesAlready = 0;        // stored files found encrypted (checked) and left alone
    // Folders without artifact.json: a put() interrupted before its manifest; no artifact id refers to
    // them, they are left as they are and named here.
    std::vector<std::string> incomplete;
};

struct ArtifactRef {
    std::string sha256;  // the artifact id
    std::string kind;    // "adapter", "export", "predictions", ...
    std::string storedAt;  // folder in the workspace
    bool encrypted = false;
    std::vector<ArtifactFile> files;
};

class ArtifactStore {
public:
    ArtifactStore(std::string artifactsDir, std::optional<WorkspaceKey> key = std::nullopt)
        : m_dir(std::move(artifactsDir)), m_key(std::move(key)) {}

    // Copies a file or a folder (regular files only; symlinks are refused) into the store. Source files
    // encrypted at rest (context protectedFileContext(kind, path)) are decrypted with the store's key.
    Result<ArtifactRef> put(const std::string& sourcePath, const std::string& kind);
    Result<ArtifactRef> find(const std::string& sha256) const;
    // Re-hashes every file; an error names the changed, missing or extra file.
    Status verify(const std::string& sha256) const;
    // Verified plaintext contents, name -> bytes.
    Result<std::map<std::string, std::string>> readFiles(const std::string& sha256) const;
    // Writes a verified copy into destDir: plaintext, or with a key encrypted again with the context a
    // reader of that kind uses (protectedFileContext(kind, file)), so no plaintext reaches the disk.
    Status materialize(const std::string& sha256, const std::string& destDir) const;

    // Encrypts a stored plaintext artifact in place with the store's key (needed): each file is checked
    // against its SHA-256, encrypted atomically (context "<sha>/<name>", as put() writes), and the
    // manifest's "encrypted" flag is switched last. Until then readers decide per file (a file starting
    // with the encrypted magic is decrypted, then verified by its plaintext SHA-256 as always), so an
    // interruption between files leaves an artifact that still reads, and calling this again finishes
    // it. An artifact already marked encrypted is only checked (every file must decrypt and verify).
    // Returns how many files it encrypted.
    Result<int> encryptStored(const std::string& sha256);
    // Every artifact in the store (see ArtifactEncryptionSummary).
    Result<ArtifactEncryptionSummary> encryptAllStored();

    static std::string manifestHash(const std::vector<ArtifactFile>& files);

private:
    std::string folderFor(const std::string& sha256) const;
    Result<std::string> readStoredFile(const ArtifactRef& ref, const ArtifactFile& file) const;
    // encryptStored's work: (files encrypted now, files found encrypted).
    Result<std::pair<int, int>> encryptStoredFiles(const std::string& sha256);
    std::string m_dir;
    std::optional<WorkspaceKey> m_key;
};

}  // namespace tb
