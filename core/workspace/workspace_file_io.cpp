#include "core/workspace/workspace_file_io.h"

#include "core/common/atomic_file.h"

#include <openssl/crypto.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

namespace tb {

Error lockedFileError(const std::string& what) {
    return inputError(what + " is encrypted: unlock the workspace (--key-file FILE, TUNEBENCH_KEY_FILE or "
                             "TUNEBENCH_PASSPHRASE_FILE; the app asks when it opens the workspace)");
}

std::string protectedFileContext(std::string_view kind, const std::string& path) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::absolute(path, ec);
    if (ec) p = path;
    p = p.lexically_normal();
    return "tunebench-" + std::string(kind) + ":" + p.parent_path().filename().string() + "/" + p.filename().string();
}

bool fileLooksEncrypted(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char head[8];
    const size_t n = std::fread(head, 1, sizeof head, f);
    std::fclose(f);
    return looksEncrypted(std::string_view(head, n));
}

Result<std::string> readProtectedFile(const std::string& path, std::string_view context, const WorkspaceKey* key,
                                      const std::string& what, size_t maxBytes) {
    auto bytes = readWholeFile(path, maxBytes);
    if (!bytes) return bytes.error();
    if (!looksEncrypted(*bytes)) return bytes;
    if (!key) return lockedFileError(what);
    return decryptBytes(*key, *bytes, context, what + " (" + path + ")");
}

Status writeProtectedFile(const std::string& path, std::string_view bytes, std::string_view context,
                          const WorkspaceKey* key) {
    if (!key) return writeFileAtomically(path, bytes);
    auto blob = encryptBytes(*key, bytes, context);
    if (!blob) return blob.error();
    return writeFileAtomically(path, *blob);
}

Result<bool> encryptFileInPlace(const std::string& path, std::string_view context, const WorkspaceKey& key,
                                const std::string& what, size_t maxBytes) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return inputError(path + ": cannot read its attributes");
    auto bytes = readWholeFile(path, maxBytes);
    if (!bytes) return bytes.error();
    if (looksEncrypted(*bytes)) {
        auto plain = decryptBytes(key, *bytes, context, what + " (" + path + ")");
        if (!plain) return plain.error();
        OPENSSL_cleanse(plain->data(), plain->size());
        return false;
    }
    Status written = writeProtectedFile(path, *bytes, context, &key);
    OPENSSL_cleanse(bytes->data(), bytes->size());
    if (!written) return written.error();
    ::chmod(path.c_str(), st.st_mode & 07777);
    return true;
}

}  // namespace tb
