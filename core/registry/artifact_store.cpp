#include "core/registry/artifact_store.h"

#include "core/common/atomic_file.h"
#include "core/common/sha256.h"
#include "core/workspace/workspace_file_io.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>

#include <algorithm>
#include <filesystem>

namespace tb {

namespace fs = std::filesystem;

namespace {
bool isSha256(const std::string& s) {
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}
constexpr size_t kMaxArtifactFile = size_t(8) << 30;
}  // namespace

std::string ArtifactStore::manifestHash(const std::vector<ArtifactFile>& files) {
    std::vector<ArtifactFile> sorted = files;
    std::sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.name < b.name; });
    Sha256 h;
    for (auto& f : sorted) {
        std::string line = f.name + '\0' + std::to_string(f.size) + '\0' + f.sha256 + '\n';
        h.update(line);
    }
    return h.hexDigest();
}

std::string ArtifactStore::folderFor(const std::string& sha) const { return m_dir + "/" + sha.substr(0, 2) + "/" + sha; }

Result<ArtifactRef> ArtifactStore::put(const std::string& sourcePath, const std::string& kind) {
    std::error_code ec;
    auto status = fs::symlink_status(sourcePath, ec);
    if (ec || !fs::exists(status)) return inputError(sourcePath + ": does not exist");
    if (fs::is_symlink(status)) return inputError(sourcePath + ": symbolic links are not stored as artifacts");
    std::vector<std::pair<std::string, fs::path>> sources;  // (relative name, absolute path)
    if (fs::is_regular_file(status)) {
        sources.emplace_back(fs::path(sourcePath).filename().string(), sourcePath);
    } else if (fs::is_directory(status)) {
        for (auto it = fs::recursive_directory_iterator(sourcePath, ec); it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            if (ec) return inputError(sourcePath + ": cannot list: " + ec.message());
            if (it->is_symlink()) return inputError(it->path().string() + ": symbolic links are not stored");
            if (it->is_regular_file())
                sources.emplace_back(fs::relative(it->path(), sourcePath).generic_string(), it->path());
        }
    } else {
        return inputError(sourcePath + ": not a regular file or folder");
    }
    if (sources.empty()) return inputError(sourcePath + ": the folder is empty");
    ArtifactRef ref;
    ref.kind = kind;
    ref.encrypted = m_key.has_value();
    std::vector<std::string> contents;
    for (auto& [name, path] : sources) {
        // A source encrypted at rest (a run folder's adapter in an encrypted workspace) is stored by its
        // plaintext, so the artifact id is the same whichever way the source was kept.
        auto bytes = readProtectedFile(path.string(), protectedFileContext(kind, path.string()),
                                       m_key ? &*m_key : nullptr, path.string(), kMaxArtifactFile);
        if (!bytes) return bytes.error();
        ref.files.push_back({name, bytes->size(), sha256Hex(*bytes)});
        contents.push_back(std::move(*bytes));
    }
    ref.sha256 = manifestHash(ref.files);
    ref.storedAt = folderFor(ref.sha256);
    if (fs::exists(ref.storedAt + "/artifact.json")) {  // same content already stored
        auto existing = find(ref.sha256);
        if (!existing) return existing.error();
        // Stored before the workspace was encrypted: registering it again in an encrypted workspace
        // converts that copy now rather than leaving it plain until `workspace encrypt --resume`.
        if (m_key && !existing->encrypted) {
            auto converted = encryptStored(ref.sha256);
            if (!converted) return converted.error();
            return find(ref.sha256);
        }
        return existing;
    }
    fs::create_directories(ref.storedAt + "/files", ec);
    if (ec) return internalError(ref.storedAt + ": cannot create: " + ec.message());
    nlohmann::json manifest = {{"sha256", ref.sha256}, {"kind", kind}, {"encrypted", ref.encrypted},
                               {"files", nlohmann::json::array()}};
    for (size_t i = 0; i < ref.files.size(); ++i) {
        const ArtifactFile& f = ref.files[i];
        std::string target = ref.storedAt + "/files/" + f.name;
        fs::create_directories(fs::path(target).parent_path(), ec);
        if (ref.encrypted) {
            auto blob = encryptBytes(*m_key, contents[i], ref.sha256 + "/" + f.name);
            if (!blob) return blob.error();
            TB_TRY(writeFileAtomically(target, *blob));
        } else {
            TB_TRY(writeFileAtomically(target, contents[i]));
        }
        manifest["files"].push_back({{"name", f.name}, {"size", f.size}, {"sha256", f.sha256}});
    }
    TB_TRY(writeFileAtomically(ref.storedAt + "/artifact.json", manifest.dump(2) + "\n"));
    return ref;
}

Result<ArtifactRef> ArtifactStore::find(const std::string& sha) const {
    if (!isSha256(sha)) return inputError("artifact id '" + sha.substr(0, 80) + "' is not a SHA-256");
    std::string folder = folderFor(sha);
    auto text = readWholeFile(folder + "/artifact.json", 1 << 22);
    if (!text) return inputError("artifact " + sha + " is not in the workspace (" + folder + ")");
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.contains("files") || !j["files"].is_array())
        return inputError(folder + "/artifact.json: not a valid artifact manifest");
    ArtifactRef ref;
    ref.sha256 = sha;
    ref.kind = j.value("kind", "");
    ref.encrypted = j.value("encrypted", false);
    ref.storedAt = folder;
    for (auto& f : j["files"]) {
        ArtifactFile af{f.value("name", ""), f.value("size", uint64_t(0)), f.value("sha256", "")};
        if (af.name.empty() || af.name.find("..") != std::string::npos || af.name[0] == '/')
            return inputError(folder + "/artifact.json: bad file name '" + af.name + "'");
        ref.files.push_back(af);
    }
    if (manifestHash(ref.files) != sha)
        return inputError("artifact " + sha + ": its manifest was changed (hash no longer matches)");
    return ref;
}

Result<std::string> ArtifactStore::readStoredFile(const ArtifactRef& ref, const ArtifactFile& file) const {
    std::string path = ref.storedAt + "/files/" + file.name;
    auto stored = readWholeFile(path, kMaxArtifactFile + 64);
    if (!stored) return inputError("artifact " + ref.sha256 + ": file '" + file.name + "' is missing");
    auto changed = [&] {
        return inputError("artifact " + ref.sha256 + ": file '" + file.name +
                          "' was changed after it was registered (SHA-256 differs); refusing to use it");
    };
    if (!ref.encrypted) {
        // A plain artifact, or one encryptStored() was converting when it was interrupted: each file is
        // either its plaintext or an encrypted blob of it, and the plaintext hash decides.
        if (stored->size() == file.size && sha256Hex(*stored) == file.sha256) return std::move(*stored);
        if (!looksEncrypted(*stored)) return changed();
    }
    if (!m_key) return inputError("artifact " + ref.sha256 + " is encrypted: unlock the workspace first");
    auto plain = decryptBytes(*m_key, *stored, ref.sha256 + "/" + file.name, path);
    if (!plain) return plain.error();
    if (plain->size() != file.size || sha256Hex(*plain) != file.sha256) {
        OPENSSL_cleanse(plain->data(), plain->size());
        return changed();
    }
    return plain;
}

Result<int> ArtifactStore::encryptStored(const std::string& sha) {
    auto counts = encryptStoredFiles(sha);
    if (!counts) return counts.error();
    return counts->first;
}

Result<std::pair<int, int>> ArtifactStore::encryptStoredFiles(const std::string& sha) {
    if (!m_key) return inputError("artifact " + sha + ": encrypting it needs the workspace key");
    auto ref = find(sha);
    if (!ref) return ref.error();
    if (ref->encrypted) {  // converted before: only check that every file opens and verifies
        auto files = readFiles(sha);
        if (!files) return files.error();
        for (auto& [name, bytes] : *files) OPENSSL_cleanse(bytes.data(), bytes.size());
        return std::pair<int, int>{0, int(ref->files.size())};
    }
    // Every file is checked before any is changed: a changed artifact is refused as it was found.
    for (const ArtifactFile& f : ref->files) {
        auto plain = readStoredFile(*ref, f);
        if (!plain) return plain.error();
        OPENSSL_cleanse(plain->data(), plain->size());
    }
    int encrypted = 0, already = 0;
    std::error_code ec;
    for (const ArtifactFile& f : ref->files) {
        const std::string path = ref->storedAt + "/files/" + f.name;
        // A temporary file an interrupted write left next to it (".<name>.tmpXXXXXX", see atomic_file.h)
        // would make readFiles() refuse the artifact as changed, and may hold plaintext: remove it.
        const fs::path target(path);
        std::string tmpPrefix(1, '.');  // (built in steps: GCC 12 warns falsely on "." + string)
        tmpPrefix.append(target.filename().string()).append(".tmp");
        for (fs::directory_iterator it(target.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
            const std::string n = it->path().filename().string();
            if (n.size() == tmpPrefix.size() + 6 && n.compare(0, tmpPrefix.size(), tmpPrefix) == 0 &&
                fs::is_regular_file(fs::symlink_status(it->path(), ec)))
                fs::remove(it->path(), ec);
        }
        auto stored = readWholeFile(path, kMaxArtifactFile + 64);
        if (!stored) return inputError("artifact " + sha + ": file '" + f.name + "' is missing");
        if (stored->size() == f.size && sha256Hex(*stored) == f.sha256) {  // still plaintext: encrypt it
            auto blob = encryptBytes(*m_key, *stored, sha + "/" + f.name);
            OPENSSL_cleanse(stored->data(), stored->size());
            if (!blob) return blob.error();
            TB_TRY(writeFileAtomically(path, *blob));
            ++encrypted;
            continue;
        }
        const bool blob = looksEncrypted(*stored);
        OPENSSL_cleanse(stored->data(), stored->size());
        if (!blob) return inputError("artifact " + sha + ": file '" + f.name + "' changed during the conversion");
        ++already;  // encrypted by an interrupted run (it decrypted and verified above)
    }
    // Every file is encrypted now: the flag goes last, keeping whatever else the manifest holds.
    const std::string manifestPath = ref->storedAt + "/artifact.json";
    auto text = readWholeFile(manifestPath, 1 << 22);
    if (!text) return text.error();
    auto manifest = nlohmann::json::parse(*text, nullptr, false);
    if (manifest.is_discarded() || !manifest.is_object())
        return inputError(manifestPath + ": not a valid artifact manifest");
    manifest["encrypted"] = true;
    TB_TRY(writeFileAtomically(manifestPath, manifest.dump(2) + "\n"));
    return std::pair<int, int>{encrypted, already};
}

Result<ArtifactEncryptionSummary> ArtifactStore::encryptAllStored() {
    ArtifactEncryptionSummary summary;
    if (!m_key) return inputError(m_dir + ": encrypting the artifacts needs the workspace key");
    std::error_code ec;
    if (!fs::is_directory(m_dir, ec)) return summary;
    std::vector<fs::path> folders;
    for (fs::directory_iterator prefix(m_dir, ec), end; !ec && prefix != end; prefix.increment(ec)) {
        const std::string p = prefix->path().filename().string();
        if (p.size() != 2 || !prefix->is_directory()) continue;
        for (fs::directory_iterator it(prefix->path(), ec), e2; !ec && it != e2; it.increment(ec))
            if (isSha256(it->path().filename().string()) && it->is_directory()) folders.push_back(it->path());
    }
    if (ec) return inputError(m_dir + ": cannot list: " + ec.message());
    std::sort(folders.begin(), folders.end());
    for (const fs::path& folder : folders) {
        if (!fs::exists(folder / "artifact.json", ec)) {
            summary.incomplete.push_back(folder.string());
            continue;
        }
        const std::string sha = folder.filename().string();
        auto before = find(sha);
        if (!before) return before.error();
        auto counts = encryptStoredFiles(sha);
        if (!counts) return counts.error();
        ++summary.artifacts;
        summary.artifactsConverted += before->encrypted ? 0 : 1;
        summary.filesEncrypted += counts->first;
        summary.filesAlready += counts->second;
    }
    return summary;
}

Status ArtifactStore::verify(const std::string& sha) const {
    auto files = readFiles(sha);
    if (!files) return files.error();
    return Status::success();
}

Result<std::map<std::string, std::string>> ArtifactStore::readFiles(const std::string& sha) const {
    auto ref = find(sha);
    if (!ref) return ref.error();
    std::map<std::string, std::string> out;
    for (auto& f : ref->files) {
        auto bytes = readStoredFile(*ref, f);
        if (!bytes) return bytes.error();
        out[f.name] = std::move(*bytes);
    }
    // A file added to the folder by hand is also a change.
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(ref->storedAt + "/files", ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        std::string name = fs::relative(it->path(), ref->storedAt + "/files").generic_string();
        if (!out.count(name))
            return inputError("artifact " + sha + ": unexpected file '" + name + "' was added after registration");
    }
    return out;
}

Status ArtifactStore::materialize(const std::string& sha, const std::string& destDir) const {
    auto ref = find(sha);
    if (!ref) return ref.error();
    auto files = readFiles(sha);
    if (!files) return files.error();
    std::error_code ec;
    fs::create_directories(destDir, ec);
    if (ec) return inputError(destDir + ": cannot create: " + ec.message());
    for (auto& [name, bytes] : *files) {
        const std::string target = destDir + "/" + name;
        fs::create_directories(fs::path(target).parent_path(), ec);
        const std::string context = protectedFileContext(ref->kind, target);
        TB_TRY(writeProtectedFile(target, bytes, context, m_key ? &*m_key : nullptr));
    }
    return Status::success();
}

}  // namespace tb
