#include "core/data/record_index.h"

#include "core/data/dataset_import.h"
#include "core/data/version_file_io.h"
#include "core/workspace/workspace_file_io.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tb {

namespace {

FieldType typeOf(const nlohmann::json& j) {
    if (j.is_string()) return FieldType::String;
    if (j.is_number()) return FieldType::Number;
    if (j.is_boolean()) return FieldType::Bool;
    if (j.is_null()) return FieldType::Null;
    if (j.is_array()) return FieldType::Array;
    return FieldType::Object;
}

// One parsed line as a RowView, so mapRow() maps it exactly as the importer would.
class LineRowView final : public RowView {
public:
    explicit LineRowView(const nlohmann::json& obj) : m_obj(obj) {}
    std::vector<std::string> keys() const override {
        std::vector<std::string> out;
        for (auto it = m_obj.begin(); it != m_obj.end(); ++it) out.push_back(it.key());
        return out;
    }
    FieldType type(std::string_view key) const override {
        auto it = m_obj.find(key);
        return it == m_obj.end() ? FieldType::Missing : typeOf(*it);
    }
    std::optional<std::string> scalar(std::string_view key) const override {
        auto it = m_obj.find(key);
        if (it == m_obj.end()) return std::nullopt;
        if (it->is_string()) return it->get<std::string>();
        if (it->is_number() || it->is_boolean()) return it->dump();
        return std::nullopt;
    }
    Result<std::vector<ChatMessage>> messages(std::string_view key, bool shareGpt) const override {
        auto it = m_obj.find(key);
        if (it == m_obj.end() || !it->is_array()) return inputError("field '" + std::string(key) + "' must be an array of messages");
        std::vector<ChatMessage> out;
        for (size_t i = 0; i < it->size(); ++i) {
            const auto& m = (*it)[i];
            std::string where = std::string(key) + "[" + std::to_string(i) + "]";
            if (!m.is_object()) return inputError(where + " must be an object, got " + fieldTypeName(typeOf(m)));
            const char* roleKey = "role";
            const char* contentKey = "content";
            if (shareGpt || (!m.contains("role") && m.contains("from"))) {
                roleKey = "from";
                contentKey = "value";
            }
            auto r = m.find(roleKey), c = m.find(contentKey);
            if (r == m.end() || !r->is_string()) return inputError(where + "." + roleKey + " must be a string");
            if (c == m.end() || !c->is_string()) return inputError(where + "." + contentKey + " must be a string");
            ChatMessage msg;
            msg.role = shareGpt || std::string(roleKey) == "from" ? shareGptRole(r->get<std::string>()) : r->get<std::string>();
            if (msg.role.empty()) return inputError(where + ": unknown speaker '" + r->get<std::string>() + "'");
            msg.content = c->get<std::string>();
            out.push_back(std::move(msg));
        }
        return out;
    }

private:
    const nlohmann::json& m_obj;
};

}  // namespace

RecordIndex::~RecordIndex() {
    for (auto& s : m_sources) {
        if (s.fd >= 0) ::close(s.fd);
        OPENSSL_cleanse(s.plain.data(), s.plain.size());
    }
}

Result<std::shared_ptr<RecordIndex>> RecordIndex::buildForVersion(const std::string& versionDir,
                                                                  const ProgressCallback& progress,
                                                                  const WorkspaceKey* key) {
    std::vector<Source> sources;
    for (const char* split : {"train", "validation", "test"})
        sources.push_back({versionDir + "/" + split + ".jsonl", split});
    return build(sources, progress, key);
}

ssize_t RecordIndex::readAt(const SourceState& s, char* dst, size_t n, int64_t offset) {
    if (s.fd >= 0) return ::pread(s.fd, dst, n, offset);
    if (offset >= static_cast<int64_t>(s.plain.size())) return 0;
    const size_t got = std::min(n, s.plain.size() - static_cast<size_t>(offset));
    std::memcpy(dst, s.plain.data() + offset, got);
    return static_cast<ssize_t>(got);
}

Result<std::shared_ptr<RecordIndex>> RecordIndex::build(const std::vector<Source>& sources, const ProgressCallback& progress,
                                                        const WorkspaceKey* key) {
    std::shared_ptr<RecordIndex> index(new RecordIndex);
    int64_t total = 0;
    for (const auto& src : sources) {
        SourceState s;
        s.source = src;
        s.fd = ::open(src.path.c_str(), O_RDONLY | O_CLOEXEC);
        if (s.fd < 0) {
            if (errno != ENOENT) return inputError(src.path + ": cannot open (" + std::strerror(errno) + ")");
        } else if (fileLooksEncrypted(src.path)) {
            ::close(s.fd);
            s.fd = -1;
            auto plain = readVersionFile(src.path, key);
            if (!plain.ok()) return plain.error();
            s.plain = std::move(*plain);
            s.present = true;
            s.fileSize = static_cast<int64_t>(s.plain.size());
            total += s.fileSize;
        } else {
            struct stat st{};
            if (::fstat(s.fd, &st) != 0) return inputError(src.path + ": cannot stat (" + std::strerror(errno) + ")");
            s.present = true;
            s.fileSize = st.st_size;
            total += s.fileSize;
        }
        index->m_sources.push_back(std::move(s));
    }
    int64_t before = 0;
    for (auto& s : index->m_sources) {
        s.first = index->size();
        if (!s.present) continue;
        TB_TRY(index->scan(s, progress, before, total));
        before += s.fileSize;
        if (index->size() > s.first) {
            ImportOptions options;
            options.kind = FileKind::Jsonl;
            options.key = key;
            auto detection = detectDataset(s.source.path, options, 0);
            if (!detection.ok()) return detection.error();
            s.plan = detection->plan;
            s.hasPlan = true;
        }
    }
    index->m_offsets.shrink_to_fit();
    index->m_lines.shrink_to_fit();
    return index;
}

// Records the start of every line that holds something other than whitespace. Reads 1 MiB at a time and
// jumps between newlines with memchr, so the scan runs at close to disk speed.
Status RecordIndex::scan(SourceState& s, const ProgressCallback& progress, int64_t bytesBefore, int64_t bytesTotal) {
    std::vector<char> buf(size_t(1) << 20);
    int64_t base = 0, lineStart = 0;
    uint32_t lineNo = 1;
    bool content = false;
    for (;;) {
        ssize_t n = readAt(s, buf.data(), buf.size(), base);
        if (n < 0) {
            if (errno == EINTR) continue;
            return inputError(s.source.path + ": read failed (" + std::strerror(errno) + ")");
        }
        if (n == 0) break;
        const char* p = buf.data();
        size_t i = 0, len = static_cast<size_t>(n);
        while (i < len) {
            if (!content) {
                char c = p[i];
                if (c == '\n') {
                    lineStart = base + static_cast<int64_t>(i) + 1;
                    ++lineNo;
                } else if (c != ' ' && c != '\t' && c != '\r') {
                    content = true;
                    m_offsets.push_back(static_cast<uint64_t>(lineStart));
                    m_lines.push_back(lineNo);
                }
                ++i;
                continue;
            }
            const void* nl = std::memchr(p + i, '\n', len - i);
            if (!nl) {
                i = len;
                break;
            }
            i = static_cast<size_t>(static_cast<const char*>(nl) - p) + 1;
            lineStart = base + static_cast<int64_t>(i);
            ++lineNo;
            content = false;
        }
        base += n;
        if (!reportProgress(progress, {"Indexing " + s.source.path, bytesBefore + base, bytesTotal, {}}))
            return cancelledError("indexing cancelled");
    }
    return {};
}

int RecordIndex::sourceOf(int64_t i) const {
    // An empty source's range is empty (its `first` equals the next one's), so it never matches.
    for (int k = sourceCount() - 1; k >= 0; --k) {
        const int64_t first = m_sources[static_cast<size_t>(k)].first;
        const int64_t end = k + 1 < sourceCount() ? m_sources[static_cast<size_t>(k + 1)].first : size();
        if (first <= i && i < end) return k;
    }
    return 0;
}

int64_t RecordIndex::totalBytes() const {
    int64_t t = 0;
    for (const auto& s : m_sources) t += s.fileSize;
    return t;
}

Result<std::string> RecordIndex::line(int64_t i) const {
    if (i < 0 || i >= size()) return inputError("record " + std::to_string(i) + " is out of range (0.." + std::to_string(size()) + ")");
    const int k = sourceOf(i);
    const auto& s = m_sources[static_cast<size_t>(k)];
    const int64_t begin = static_cast<int64_t>(m_offsets[static_cast<size_t>(i)]);
    const int64_t end = i + 1 < size() && sourceOf(i + 1) == k ? static_cast<int64_t>(m_offsets[static_cast<size_t>(i + 1)]) : s.fileSize;
    std::string out(static_cast<size_t>(end - begin), '\0');
    size_t got = 0;
    while (got < out.size()) {
        ssize_t n = readAt(s, out.data() + got, out.size() - got, begin + static_cast<int64_t>(got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return inputError(s.source.path + ": cannot read line " + std::to_string(m_lines[static_cast<size_t>(i)]));
        got += static_cast<size_t>(n);
    }
    // The slice runs to the next record: drop the newline and any blank lines after it.
    if (auto nl = out.find('\n'); nl != std::string::npos) out.resize(nl);
    if (!out.empty() && out.back() == '\r') out.pop_back();
    if (begin == 0 && out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
    return out;
}

Result<Record> RecordIndex::record(int64_t i) const {
    auto text = line(i);
    if (!text.ok()) return text.error();
    const int k = sourceOf(i);
    const auto& s = m_sources[static_cast<size_t>(k)];
    const std::string where = s.source.path + ":" + std::to_string(m_lines[static_cast<size_t>(i)]);
    nlohmann::json obj = nlohmann::json::parse(*text, nullptr, false);
    if (obj.is_discarded()) return inputError(where + ": not valid JSON");
    if (!obj.is_object()) return inputError(where + ": not a JSON object");
    auto r = mapRow(LineRowView(obj), s.plan);
    if (!r.ok()) return inputError(where + ": " + r.message());
    r->sourceFile = s.source.path;
    r->sourceLine = m_lines[static_cast<size_t>(i)];
    r->split = s.source.split;
    if (r->id.empty()) {
        auto it = obj.find("id");
        if (it != obj.end() && it->is_string()) r->id = it->get<std::string>();
    }
    return r;
}

}  // namespace tb
