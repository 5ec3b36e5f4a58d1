#include "core/data/version_file_io.h"

#include "core/workspace/workspace_file_io.h"

#include <sys/stat.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace tb {

namespace {

constexpr std::string_view kRejectedSuffix = ".rejected.jsonl";
const char* kSplitFiles[] = {"train.jsonl", "validation.jsonl", "test.jsonl"};

fs::path normalised(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::absolute(path, ec);
    if (ec) p = path;
    return p.lexically_normal();
}

// (name, version, file) of a version file; for a sidecar the version is taken from its file name.
struct VersionFileParts {
    std::string name, version, file;
    bool sidecar = false;
};

VersionFileParts partsOf(const std::string& path) {
    const fs::path p = normalised(path);
    VersionFileParts parts;
    parts.file = p.filename().string();
    const std::string_view f = parts.file;
    if (f.size() > kRejectedSuffix.size() && f.substr(f.size() - kRejectedSuffix.size()) == kRejectedSuffix) {
        parts.sidecar = true;
        parts.version = std::string(f.substr(0, f.size() - kRejectedSuffix.size()));
        parts.name = p.parent_path().filename().string();
    } else {
        parts.version = p.parent_path().filename().string();
        parts.name = p.parent_path().parent_path().filename().string();
    }
    return parts;
}

}  // namespace

std::string versionFileContext(const std::string& path) {
    const VersionFileParts parts = partsOf(path);
    return "tunebench-dataset-version:" + parts.name + "/" +
           (parts.sidecar ? parts.file : parts.version + "/" + parts.file);
}

std::string versionFileLabel(const std::string& path) {
    const VersionFileParts parts = partsOf(path);
    return "dataset version " + parts.name + "@" + parts.version.substr(0, 12) + " (" +
           (parts.sidecar ? std::string("rejected records") : parts.file) + ")";
}

Result<std::string> readVersionFile(const std::string& path, const WorkspaceKey* key, size_t maxBytes) {
    return readProtectedFile(path, versionFileContext(path), key, versionFileLabel(path), maxBytes);
}

Status writeVersionFile(const std::string& path, std::string_view bytes, const WorkspaceKey* key) {
    return writeProtectedFile(path, bytes, versionFileContext(path), key);
}

Result<VersionEncryptionSummary> encryptDatasetVersions(const std::string& datasetsDir, const WorkspaceKey& key) {
    VersionEncryptionSummary summary;
    std::error_code ec;
    if (!fs::is_directory(datasetsDir, ec)) return summary;
    auto encryptOne = [&](const fs::path& file, const fs::path& folder) -> Status {
        if (!fs::exists(file, ec)) return {};
        struct stat st{};
        const bool folderReadOnly = ::stat(folder.c_str(), &st) == 0 && !(st.st_mode & S_IWUSR);
        if (folderReadOnly) ::chmod(folder.c_str(), (st.st_mode & 07777) | S_IWUSR);
        auto changed = encryptFileInPlace(file.string(), versionFileContext(file.string()), key,
                                          versionFileLabel(file.string()));
        if (folderReadOnly) ::chmod(folder.c_str(), st.st_mode & 07777);
        if (!changed) return changed.error();
        ++(*changed ? summary.filesEncrypted : summary.filesAlready);
        return {};
    };
    for (const auto& nameEntry : fs::directory_iterator(datasetsDir, ec)) {
        if (!nameEntry.is_directory() || nameEntry.path().filename().string().front() == '.') continue;
        for (const auto& entry : fs::directory_iterator(nameEntry.path(), ec)) {
            const std::string leaf = entry.path().filename().string();
            if (leaf.front() == '.') continue;
            if (entry.is_directory()) {
                if (!fs::exists(entry.path() / "manifest.json")) continue;
                ++summary.versions;
                for (const char* f : kSplitFiles) TB_TRY(encryptOne(entry.path() / f, entry.path()));
            } else if (leaf.size() > kRejectedSuffix.size() &&
                       leaf.compare(leaf.size() - kRejectedSuffix.size(), kRejectedSuffix.size(), kRejectedSuffix) == 0) {
                TB_TRY(encryptOne(entry.path(), nameEntry.path()));
            }
        }
    }
    if (ec) return inputError(datasetsDir + ": cannot list: " + ec.message());
    return summary;
}

}  // namespace tb
