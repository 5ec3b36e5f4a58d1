#include "core/data/jsonl_reader.h"

#include "core/data/line_reader.h"
#include "core/data/utf8_check.h"

#include <simdjson.h>

#include <cstring>

namespace tb {

namespace {

FieldType typeOf(const simdjson::dom::element& e) {
    using T = simdjson::dom::element_type;
    switch (e.type()) {
    case T::STRING: return FieldType::String;
    case T::INT64:
    case T::UINT64:
    case T::DOUBLE: return FieldType::Number;
    case T::BOOL: return FieldType::Bool;
    case T::NULL_VALUE: return FieldType::Null;
    case T::ARRAY: return FieldType::Array;
    case T::OBJECT: return FieldType::Object;
    }
    return FieldType::Null;
}

class JsonRowView final : public RowView {
public:
    explicit JsonRowView(simdjson::dom::object obj) : m_obj(obj) {}

    std::vector<std::string> keys() const override {
        std::vector<std::string> out;
        for (auto field : m_obj) out.emplace_back(field.key);
        return out;
    }
    FieldType type(std::string_view key) const override {
        simdjson::dom::element e;
        if (m_obj.at_key(key).get(e)) return FieldType::Missing;
        return typeOf(e);
    }
    std::optional<std::string> scalar(std::string_view key) const override {
        simdjson::dom::element e;
        if (m_obj.at_key(key).get(e)) return std::nullopt;
        switch (typeOf(e)) {
        case FieldType::String: return std::string(std::string_view(e.get_string().value_unsafe()));
        case FieldType::Number:
        case FieldType::Bool: return simdjson::minify(e);
        default: return std::nullopt;
        }
    }
    Result<std::vector<ChatMessage>> messages(std::string_view key, bool shareGpt) const override {
        simdjson::dom::array arr;
        if (m_obj.at_key(key).get_array().get(arr))
            return inputError("field '" + std::string(key) + "' must be an array of messages");
        std::vector<ChatMessage> out;
        size_t i = 0;
        for (auto item : arr) {
            std::string where = std::string(key) + "[" + std::to_string(i) + "]";
            simdjson::dom::object m;
            if (item.get_object().get(m)) return inputError(where + " must be an object, got " + fieldTypeName(typeOf(item)));
            std::string_view roleKey = "role", contentKey = "content";
            if (shareGpt || (m.at_key("role").error() && !m.at_key("from").error())) {
                roleKey = "from";
                contentKey = "value";
            }
            std::string_view role, content;
            simdjson::dom::element re, ce;
            if (m.at_key(roleKey).get(re)) return inputError(where + " has no '" + std::string(roleKey) + "'");
            if (re.get_string().get(role)) return inputError(where + "." + std::string(roleKey) + " must be a string");
            if (m.at_key(contentKey).get(ce)) return inputError(where + " has no '" + std::string(contentKey) + "'");
            if (ce.get_string().get(content))
                return inputError(where + "." + std::string(contentKey) + " must be a string, got " + fieldTypeName(typeOf(ce)));
            std::string mapped;
            if (roleKey == "from") mapped = shareGptRole(role);
            else if (role == "system" || role == "user" || role == "assistant") mapped = std::string(role);
            if (mapped.empty())
                return inputError(where + ": unknown role '" + std::string(role) +
                                  (roleKey == "from" ? "' (expected human, gpt or system)" : "' (expected system, user or assistant)"));
            out.push_back({std::move(mapped), std::string(content)});
            ++i;
        }
        return out;
    }

private:
    simdjson::dom::object m_obj;
};

std::string jsonErrorText(simdjson::error_code code) {
    using namespace simdjson;
    switch (code) {
    case DEPTH_ERROR: return "JSON nested too deeply";
    case UNESCAPED_CHARS: return "JSON string contains an unescaped control character";
    case UNCLOSED_STRING: return "JSON string is not closed";
    case CAPACITY: return "JSON document too large";
    default: return std::string("invalid JSON: ") + error_message(code);
    }
}

}  // namespace

Result<ReaderStats> readJsonl(const std::string& path, const ReaderLimits& limits, const RowCallback& onRow,
                              const RejectCallback& onReject, const ProgressCallback& progress,
                              const WorkspaceKey* key) {
    auto opened = LineReader::open(path, limits.maxLineBytes, key);
    if (!opened.ok()) return opened.error();
    LineReader& reader = **opened;
    ReaderStats stats;
    stats.bom = reader.hadBom();
    simdjson::dom::parser parser;
    if (parser.allocate(1 << 16, limits.maxJsonDepth)) return internalError("cannot allocate the JSON parser");
    auto reject = [&](const TextLine& l, std::string reason) {
        ++stats.rejected;
        if (onReject) onReject({path, l.number, l.number, std::move(reason)});
    };
    TextLine line;
    int64_t lastReport = 0;
    for (;;) {
        auto more = reader.next(line);
        if (!more.ok()) return more.error();
        if (!*more) break;
        if (reader.bytesRead() - lastReport >= (int64_t(8) << 20)) {
            lastReport = reader.bytesRead();
            if (!reportProgress(progress, {"Reading " + path, reader.bytesRead(), reader.fileSize(), {}}))
                return cancelledError("reading " + path + " cancelled");
        }
        if (line.tooLong) {
            reject(line, "line is " + std::to_string(line.length) + " bytes, over the limit of " +
                             std::to_string(limits.maxLineBytes) + " bytes");
            continue;
        }
        std::string_view text = line.text;
        size_t firstNonSpace = text.find_first_not_of(" \t");
        if (firstNonSpace == std::string_view::npos) {
            ++stats.blankLines;
            continue;
        }
        if (const void* nul = std::memchr(text.data(), 0, text.size())) {
            size_t at = static_cast<const char*>(nul) - text.data();
            reject(line, "NUL byte at byte offset " + std::to_string(line.offset + static_cast<int64_t>(at)));
            continue;
        }
        simdjson::dom::element doc;
        auto err = parser.parse(text.data(), text.size(), false).get(doc);
        if (err) {
            if (err == simdjson::UTF8_ERROR) {
                size_t at = findInvalidUtf8(text);
                reject(line, describeInvalidUtf8(text, at == kUtf8Valid ? 0 : at, line.offset));
            } else {
                reject(line, jsonErrorText(err));
            }
            continue;
        }
        simdjson::dom::object obj;
        if (doc.get_object().get(obj)) {
            reject(line, std::string("expected a JSON object, got ") + fieldTypeName(typeOf(doc)));
            continue;
        }
        ++stats.rows;
        if (!onRow(JsonRowView(obj), line.number)) {
            stats.stoppedEarly = true;
            break;
        }
    }
    stats.bytes = reader.bytesRead();
    return stats;
}

}  // namespace tb
