// Reading and writing one workspace file that is encrypted at rest when the workspace is: the bytes are
// an encryptBytes() blob bound to a context (the file's logical name, authenticated as associated data)
// or, in a plain workspace, exactly the bytes given. Decrypted contents live only in memory. Not the key
// handling (workspace_crypto.h) nor the file formats (core/data/version_file_io.h, core/eval).
#pragma once

#include "core/common/result.h"
#include "core/workspace/workspace_crypto.h"

#include <string>
#include <string_view>

namespace tb {

// What a reader says when it meets an encrypted file and has no key: "<what> is encrypted: unlock the
// workspace (...)", naming the ways to give the key.
Error lockedFileError(const std::string& what);

// "tunebench-<kind>:<parent folder>/<file name>" of the absolute, normalised path: the context that binds
// a file such as a predictions file to its place (a copy under another name or folder fails to decrypt).
std::string protectedFileContext(std::string_view kind, const std::string& path);

// True when the file exists and starts with the encrypted-blob magic.
bool fileLooksEncrypted(const std::string& path);

// Reads a file that may be encrypted. An encrypted file is decrypted with key and context (a wrong key,
// a changed file or one moved to another context fails authentication), or refused with
// lockedFileError(what) when key is null. A plain file is returned as it is, also when a key is given
// (files written before encryption was turned on; `tunebench workspace encrypt` converts them).
Result<std::string> readProtectedFile(const std::string& path, std::string_view context, const WorkspaceKey* key,
                                      const std::string& what, size_t maxBytes = size_t(1) << 34);

// Writes atomically (temporary file + rename in the same folder): an encrypted blob when key is set, else
// bytes unchanged. The temporary file already holds the ciphertext, so no plaintext ever reaches the disk.
Status writeProtectedFile(const std::string& path, std::string_view bytes, std::string_view context,
                          const WorkspaceKey* key);

// Encrypts a plain file in place (atomically; the file's permission bits are kept). An encrypted file is
// only checked (it must decrypt with key and context) and left alone. Returns true when it changed the file.
// maxBytes: the largest file accepted (a full fine-tuning checkpoint can pass the 2 GiB default).
Result<bool> encryptFileInPlace(const std::string& path, std::string_view context, const WorkspaceKey& key,
                                const std::string& what, size_t maxBytes = size_t(1) << 31);

}  // namespace tb
