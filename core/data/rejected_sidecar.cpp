#include "core/data/rejected_sidecar.h"

#include "core/common/atomic_file.h"
#include "core/data/version_file_io.h"
#include "core/workspace/workspace_file_io.h"

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

Result<std::unique_ptr<RejectedRecordsWriter>> RejectedRecordsWriter::create(const std::string& path,
                                                                             const WorkspaceKey* key) {
    std::unique_ptr<RejectedRecordsWriter> w(new RejectedRecordsWriter);
    w->m_path = path;
    w->m_key = key;
    if (!key) {
        auto plain = RejectedRecordsFile::create(path);
        if (!plain.ok()) return plain.error();
        w->m_plain = std::move(*plain);
    }
    return w;
}

RejectedRecordsWriter::~RejectedRecordsWriter() { OPENSSL_cleanse(m_buffer.data(), m_buffer.size()); }

void RejectedRecordsWriter::add(const RejectedRecord& r) {
    if (m_closed) return;
    if (m_plain) {
        m_plain->add(r);
        return;
    }
    std::string line = rejectedRecordToJson(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    m_buffer += line;
    OPENSSL_cleanse(line.data(), line.size());
}

Status RejectedRecordsWriter::close() {
    if (m_closed) return internalError(m_path + ": the rejected-records file was already closed");
    m_closed = true;
    if (m_plain) return m_plain->close();
    Status st = writeVersionFile(m_path, m_buffer, m_key);
    OPENSSL_cleanse(m_buffer.data(), m_buffer.size());
    m_buffer.clear();
    return st;
}

Status saveRejectedSidecar(const std::string& rejectedJsonl, const std::string& versionDir, const WorkspaceKey* key) {
    std::error_code ec;
    const std::string target = rejectedSidecarPath(versionDir);
    if (key || fileLooksEncrypted(rejectedJsonl)) {
        // Without a key an encrypted source is refused ("... is encrypted: unlock ..."), never copied as is.
        auto plain = readVersionFile(rejectedJsonl, key);
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
