#include "core/data/dataset_version.h"
#include "core/common/utc_time.h"

#include "core/common/atomic_file.h"
#include "core/common/sha256.h"
#include "core/common/version.h"
#include "core/data/provenance.h"
#include "core/data/version_file_io.h"
#include "core/workspace/workspace_crypto.h"
#include "core/workspace/workspace_file_io.h"

#include <openssl/crypto.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace tb {

namespace {

const char* kSplitFiles[] = {"train.jsonl", "validation.jsonl", "test.jsonl"};

Result<int64_t> countLines(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return inputError(path + ": cannot read");
    int64_t n = 0;
    std::string line;
    while (std::getline(in, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) ++n;
    return n;
}

// countLines() over text in memory (a decrypted split file).
int64_t countNonBlankLines(std::string_view text) {
    int64_t n = 0;
    while (!text.empty()) {
        const size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) ++n;
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return n;
}

std::string manifestString(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

nlohmann::json datasetVersionToJson(const DatasetVersion& v) {
    nlohmann::json files = nlohmann::json::object();
    for (const auto& [k, h] : v.files) files[k] = h;
    return {{"name", v.name}, {"version", v.version}, {"created_at", v.createdAt}, {"description", v.description},
            {"parent", v.parent.empty() ? nlohmann::json() : nlohmann::json(v.parent)}, {"counts", v.counts},
            {"files", files}, {"sources", v.sources}, {"import", v.import}, {"cleaning", v.cleaning},
            {"split", v.split}, {"tool_version", v.toolVersion}, {"content_sha256", v.version}};
}

Status validateDatasetName(const std::string& name) {
    if (name.empty() || name.size() > 64) return inputError("dataset name must have 1 to 64 characters");
    if (name == "." || name == ".." || name.front() == '.' || name.front() == '-')
        return inputError("dataset name '" + name + "' must not start with '.' or '-'");
    for (unsigned char c : name) {
        if (c < 0x20 || c == 0x7F) return inputError("dataset name contains a control character");
        if (!(std::isalnum(c) || c == '.' || c == '_' || c == '-'))
            return inputError(std::string("dataset name '") + name + "' contains '" + static_cast<char>(c) +
                              "'; use letters, digits, '.', '_' and '-'");
    }
    return {};
}

Result<DatasetVersion> readDatasetVersion(const std::string& versionDir) {
    std::string path = versionDir + "/manifest.json";
    auto text = readWholeFile(path, size_t(16) << 20);
    if (!text.ok()) return inputError(versionDir + ": not a dataset version (" + text.message() + ")");
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return inputError(path + ": not valid JSON");
    DatasetVersion v;
    v.name = manifestString(j, "name");
    v.version = manifestString(j, "version");
    v.createdAt = manifestString(j, "created_at");
    v.description = manifestString(j, "description");
    v.parent = manifestString(j, "parent");
    v.toolVersion = manifestString(j, "tool_version");
    if (v.name.empty() || v.version.size() != 64) return inputError(path + ": field 'name' or 'version' missing or malformed");
    if (j.contains("counts") && j["counts"].is_object())
        for (auto& [k, c] : j["counts"].items())
            if (c.is_number_integer()) v.counts[k] = c.get<int64_t>();
    if (j.contains("files") && j["files"].is_object())
        for (auto& [k, h] : j["files"].items())
            if (h.is_string()) v.files[k] = h.get<std::string>();
    if (j.contains("sources")) v.sources = j["sources"];
    if (j.contains("import")) v.import = j["import"];
    if (j.contains("cleaning")) v.cleaning = j["cleaning"];
    if (j.contains("split")) v.split = j["split"];
    v.dir = versionDir;
    return v;
}

Result<std::vector<DatasetVersion>> listDatasetVersions(const std::string& datasetsDir, const std::string& name) {
    TB_TRY(validateDatasetName(name));
    std::vector<DatasetVersion> out;
    std::error_code ec;
    fs::path dir = fs::path(datasetsDir) / name;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!e.is_directory() || e.path().filename().string().front() == '.') continue;
        auto v = readDatasetVersion(e.path().string());
        if (v.ok()) out.push_back(std::move(*v));
    }
    std::sort(out.begin(), out.end(), [](const DatasetVersion& a, const DatasetVersion& b) {
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.version < b.version;
    });
    return out;
}

Result<std::string> resolveDatasetVersion(const std::string& datasetsDir, const std::string& ref) {
    std::error_code ec;
    if (fs::exists(fs::path(ref) / "manifest.json", ec)) return ref;
    std::string name = ref, prefix;
    if (auto at = ref.find('@'); at != std::string::npos) {
        name = ref.substr(0, at);
        prefix = ref.substr(at + 1);
    }
    auto versions = listDatasetVersions(datasetsDir, name);
    if (!versions.ok()) return inputError("dataset version '" + ref + "': " + versions.message());
    if (versions->empty()) return inputError("dataset version '" + ref + "': no dataset named '" + name + "' in " + datasetsDir);
    if (prefix.empty()) return versions->back().dir;
    std::vector<const DatasetVersion*> hits;
    for (const auto& v : *versions)
        if (v.version.rfind(prefix, 0) == 0) hits.push_back(&v);
    if (hits.empty()) return inputError("dataset version '" + ref + "': no version of '" + name + "' starts with " + prefix);
    if (hits.size() > 1) return inputError("dataset version '" + ref + "': the prefix matches several versions; give more digits");
    return hits[0]->dir;
}

Status verifyDatasetVersion(const std::string& versionDir, const WorkspaceKey* key) {
    auto v = readDatasetVersion(versionDir);
    if (!v.ok()) return v.error();
    Sha256 all;
    for (const char* f : kSplitFiles) {
        auto it = v->files.find(f);
        if (it == v->files.end()) return inputError(versionDir + "/manifest.json: no hash for " + f);
        const std::string path = versionDir + "/" + f;
        Result<std::string> h = inputError("");
        if (fileLooksEncrypted(path)) {
            auto plain = readVersionFile(path, key);
            if (!plain.ok()) return plain.error();
            h = sha256Hex(*plain);
            OPENSSL_cleanse(plain->data(), plain->size());
        } else {
            h = sha256File(path);
        }
        if (!h.ok()) return h.error();
        if (*h != it->second) return inputError(versionDir + "/" + f + " was modified after the version was saved (SHA-256 differs)");
        all.update(std::string(f) + ":" + *h + "\n");
    }
    if (all.hexDigest() != v->version) return inputError(versionDir + ": the version id does not match the files' content");
    return {};
}

Result<DatasetVersion> createDatasetVersion(const std::string& datasetsDir, const std::string& splitDir,
                                            const CreateVersionOptions& options) {
    TB_TRY(validateDatasetName(options.name));
    for (unsigned char c : options.description)
        if (c < 0x20 && c != '\n' && c != '\t') return inputError("description contains a control character");
    std::error_code ec;
    if (!fs::is_directory(splitDir, ec)) return inputError(splitDir + ": not a folder (expected the output of `data split`)");
    // Defence in depth: a caller that forgot the key must not put record text in plaintext into an
    // encrypted workspace (datasetsDir is <workspace>/datasets).
    fs::path datasetsPath = fs::path(datasetsDir).lexically_normal();
    if (!datasetsPath.has_filename()) datasetsPath = datasetsPath.parent_path();  // "…/datasets/"
    const std::string workspaceRoot = datasetsPath.parent_path().string();
    if (!options.key && !workspaceRoot.empty() && workspaceIsEncrypted(workspaceRoot))
        return inputError("dataset version " + options.name + ": the workspace " + workspaceRoot +
                          " is encrypted: unlock it so the version is stored encrypted");
    DatasetVersion v;
    v.name = options.name;
    v.description = options.description;
    v.toolVersion = tunebenchVersion();
    // Hash the split files; a missing split is an empty file.
    Sha256 all;
    bool anyFile = false;
    for (const char* f : kSplitFiles) {
        std::string path = splitDir + "/" + f;
        std::string hash;
        int64_t count = 0;
        if (fs::exists(path, ec) && fileLooksEncrypted(path)) {
            // A split written encrypted (splitFile with a key): hashed and counted over its plaintext.
            anyFile = true;
            auto plain = readVersionFile(path, options.key);
            if (!plain.ok()) return plain.error();
            hash = sha256Hex(*plain);
            count = countNonBlankLines(*plain);
            OPENSSL_cleanse(plain->data(), plain->size());
        } else if (fs::exists(path, ec)) {
            anyFile = true;
            auto h = sha256File(path);
            if (!h.ok()) return h.error();
            hash = *h;
            auto n = countLines(path);
            if (!n.ok()) return n.error();
            count = *n;
        } else {
            hash = sha256Hex("");
        }
        v.files[f] = hash;
        v.counts[std::string(f).substr(0, std::string(f).find('.'))] = count;
        all.update(std::string(f) + ":" + hash + "\n");
    }
    if (!anyFile) return inputError(splitDir + ": has none of train.jsonl, validation.jsonl, test.jsonl");
    v.version = all.hexDigest();
    fs::path nameDir = fs::path(datasetsDir) / v.name;
    fs::path finalDir = nameDir / v.version;
    if (fs::exists(finalDir / "manifest.json", ec)) {
        auto existing = readDatasetVersion(finalDir.string());
        if (!existing.ok()) return existing.error();
        existing->alreadyExisted = true;
        return existing;
    }
    // Parent: the user's choice, else the newest version of this name.
    if (!options.parent.empty()) {
        auto p = resolveDatasetVersion(datasetsDir, options.parent.find('@') == std::string::npos &&
                                                            options.parent.size() < 64 && !fs::exists(options.parent, ec)
                                                        ? v.name + "@" + options.parent
                                                        : options.parent);
        if (!p.ok()) return p.error();
        auto pv = readDatasetVersion(*p);
        if (!pv.ok()) return pv.error();
        v.parent = pv->version;
    } else {
        auto existing = listDatasetVersions(datasetsDir, v.name);
        if (!existing.ok()) return existing.error();
        if (!existing->empty()) v.parent = existing->back().version;
    }
    auto prov = readProvenance(splitDir + "/provenance.json");
    if (!prov.ok()) return prov.error();
    if (prov->is_object()) {
        if (prov->contains("sources")) v.sources = (*prov)["sources"];
        if (prov->contains("import")) v.import = (*prov)["import"];
        if (prov->contains("cleaning")) v.cleaning = (*prov)["cleaning"];
        if (prov->contains("split")) v.split = (*prov)["split"];
    }
    v.createdAt = utcTimestampNow();
    // Build in a temporary folder next to the target, then rename it into place.
    fs::create_directories(nameDir, ec);
    if (ec) return internalError(nameDir.string() + ": cannot create: " + ec.message());
    std::mt19937_64 rng(std::random_device{}());
    fs::path tmp = nameDir / (".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rng() % 1000000));
    fs::create_directories(tmp, ec);
    if (ec) return internalError(tmp.string() + ": cannot create: " + ec.message());
    auto cleanup = [&] { fs::remove_all(tmp, ec); };
    for (const char* f : kSplitFiles) {
        std::string src = splitDir + "/" + f;
        if (options.key) {
            // Encrypted at rest: the temporary folder only ever holds ciphertext, bound to the final name.
            Result<std::string> plain = std::string();
            if (fs::exists(src, ec)) plain = readVersionFile(src, options.key);  // plain, or decrypted with key
            if (!plain.ok()) {
                cleanup();
                return plain.error();
            }
            Status st = writeProtectedFile((tmp / f).string(), *plain, versionFileContext((finalDir / f).string()),
                                           options.key);
            OPENSSL_cleanse(plain->data(), plain->size());
            if (!st.ok()) {
                cleanup();
                return st.error();
            }
        } else if (fs::exists(src, ec)) {
            fs::copy_file(src, tmp / f, ec);
        } else {
            std::ofstream(tmp / f).flush();
        }
        if (ec) {
            cleanup();
            return internalError(std::string(f) + ": cannot copy into the workspace: " + ec.message());
        }
        ::chmod((tmp / f).c_str(), 0444);
    }
    v.dir = finalDir.string();
    Status st = writeFileAtomically((tmp / "manifest.json").string(), datasetVersionToJson(v).dump(2) + "\n");
    if (!st.ok()) {
        cleanup();
        return st.error();
    }
    ::chmod((tmp / "manifest.json").c_str(), 0444);
    fs::rename(tmp, finalDir, ec);
    if (ec) {
        cleanup();
        if (fs::exists(finalDir / "manifest.json")) return readDatasetVersion(finalDir.string());  // saved concurrently
        return internalError(finalDir.string() + ": cannot finish saving the version: " + ec.message());
    }
    ::chmod(finalDir.c_str(), 0555);
    return v;
}

}  // namespace tb
