#include "core/data/record_json.h"

#include "core/common/sha256.h"
#include "core/data/record_text.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace tb {

static nlohmann::ordered_json contentJson(const Record& r) {
    nlohmann::ordered_json j;
    switch (r.format) {
    case RecordFormat::PromptCompletion:
    case RecordFormat::Alpaca:
        j["prompt"] = r.prompt;
        j["completion"] = r.completion;
        if (!r.label.empty()) j["label"] = r.label;
        break;
    case RecordFormat::ChatMessages:
    case RecordFormat::ShareGpt: {
        nlohmann::ordered_json msgs = nlohmann::ordered_json::array();
        for (const auto& m : r.messages) msgs.push_back({{"role", m.role}, {"content", m.content}});
        j["messages"] = std::move(msgs);
        break;
    }
    case RecordFormat::PlainText:
        j["text"] = r.text;
        break;
    }
    return j;
}

nlohmann::ordered_json recordToJson(const Record& r) {
    nlohmann::ordered_json j;
    j["id"] = r.id;
    nlohmann::ordered_json content = contentJson(r);
    for (auto& [k, v] : content.items()) j[k] = v;
    if (!r.sourceFile.empty()) {
        auto slash = r.sourceFile.find_last_of('/');
        j["source_file"] = slash == std::string::npos ? r.sourceFile : r.sourceFile.substr(slash + 1);
        j["source_line"] = r.sourceLine;
    }
    return j;
}

std::string recordToJsonLine(const Record& r) {
    std::string s = recordToJson(r).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    s += '\n';
    return s;
}

std::string recordContentHash(const Record& r) {
    return sha256Hex(contentJson(r).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

Result<std::unique_ptr<JsonlWriter>> JsonlWriter::create(const std::string& path) {
    std::unique_ptr<JsonlWriter> w(new JsonlWriter);
    w->m_path = path;
    w->m_tmp = path + ".tmp-" + std::to_string(::getpid());
    w->m_file = std::fopen(w->m_tmp.c_str(), "wb");
    if (!w->m_file) return inputError(path + ": cannot write: " + std::strerror(errno));
    return w;
}

JsonlWriter::~JsonlWriter() {
    if (m_file) {
        std::fclose(m_file);
        std::remove(m_tmp.c_str());
    }
}

Status JsonlWriter::write(const Record& r) {
    std::string line = recordToJsonLine(r);
    if (std::fwrite(line.data(), 1, line.size(), m_file) != line.size())
        return internalError(m_path + ": write failed: " + std::strerror(errno));
    ++m_count;
    return {};
}

Status JsonlWriter::commit() {
    if (!m_file) return internalError(m_path + ": already committed");
    bool ok = std::fflush(m_file) == 0 && ::fsync(fileno(m_file)) == 0;
    ok = (std::fclose(m_file) == 0) && ok;
    m_file = nullptr;
    if (!ok || std::rename(m_tmp.c_str(), m_path.c_str()) != 0) {
        std::remove(m_tmp.c_str());
        return internalError(m_path + ": cannot finish writing: " + std::strerror(errno));
    }
    return {};
}

Status writeRecordsJsonl(const std::string& path, const std::vector<Record>& records) {
    auto w = JsonlWriter::create(path);
    if (!w.ok()) return w.error();
    for (const auto& r : records) TB_TRY((*w)->write(r));
    return (*w)->commit();
}

}  // namespace tb
