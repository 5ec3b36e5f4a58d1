#include "core/data/rejected_sidecar.h"

#include "core/common/atomic_file.h"
#include "core/data/version_file_io.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>

#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

namespace tb {

std::string rejectedSidecarPath(const std::string& versionDir) {
    fs::path dir(versionDir);
    if (!dir.has_filename()) dir = dir.parent_path();
    return (dir.parent_path() / (dir.filename().string() + ".rejected.jsonl")).string();
}

Status saveRejectedSidecar(const std::string& rejectedJsonl, const std::string& versionDir, const WorkspaceKey* key) {
    std::error_code ec;
    const std::string target = rejectedSidecarPath(versionDir);
    if (key) {
        auto plain = readWholeFile(rejectedJsonl);
        if (!plain) return plain.error();
        Status st = writeVersionFile(target, *plain, key);
        OPENSSL_cleanse(plain->data(), plain->size());
        return st;
    }
    fs::copy_file(rejectedJsonl, target, fs::copy_options::overwrite_existing, ec);
    if (ec) return inputError("cannot write " + target + ": " + ec.message());
    return {};
}

Result<std::vector<RejectedRecord>> loadRejectedSidecar(const std::string& versionDir, size_t maxRecords,
                                                        const WorkspaceKey* key) {
    std::vector<RejectedRecord> out;
    const std::string path = rejectedSidecarPath(versionDir);
    std::error_code ec;
    if (!fs::exists(path, ec)) return out;
    auto text = readVersionFile(path, key);
    if (!text) return text.error();
    std::istringstream in(std::move(*text));
    std::string line;
    int64_t lineNo = 0;
    while (out.size() < maxRecords && std::getline(in, line)) {
        ++lineNo;
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object())
            return inputError(path + ":" + std::to_string(lineNo) + ": not a rejected-record line");
        RejectedRecord r;
        r.file = j.value("file", std::string());
        r.line = j.value("line", int64_t(0));
        r.lastLine = j.value("last_line", r.line);
        r.reason = j.value("reason", std::string());
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace tb
