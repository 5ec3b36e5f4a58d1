#include "core/train/training_data.h"

#include "core/common/atomic_file.h"
#include "core/data/version_file_io.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>

namespace tb::train {

namespace {
Result<std::string> stringField(const nlohmann::json& j, const char* key, const std::string& where) {
    const auto& v = j.at(key);
    if (!v.is_string()) return inputError(where + ": field '" + key + "' must be a string");
    return v.get<std::string>();
}
}  // namespace

Result<std::vector<Record>> parseTrainingJsonl(const std::string& text, const std::string& source) {
    std::vector<Record> out;
    size_t pos = 0;
    int64_t lineNo = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        const std::string where = source + ":" + std::to_string(lineNo);
        nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded()) return inputError(where + ": not valid JSON");
        if (!j.is_object()) return inputError(where + ": expected a JSON object");
        Record r;
        r.sourceFile = source;
        r.sourceLine = lineNo;
        if (j.contains("messages")) {
            if (!j["messages"].is_array() || j["messages"].empty())
                return inputError(where + ": 'messages' must be a non-empty array");
            r.format = RecordFormat::ChatMessages;
            for (size_t i = 0; i < j["messages"].size(); ++i) {
                const auto& m = j["messages"][i];
                const std::string mw = where + ": messages[" + std::to_string(i) + "]";
                if (!m.is_object() || !m.contains("role") || !m.contains("content"))
                    return inputError(mw + ": expected {\"role\", \"content\"}");
                auto role = stringField(m, "role", mw);
                if (!role) return role.error();
                auto content = stringField(m, "content", mw);
                if (!content) return content.error();
                r.messages.push_back({*role, *content});
            }
        } else if (j.contains("prompt") && j.contains("completion")) {
            auto p = stringField(j, "prompt", where);
            if (!p) return p.error();
            auto c = stringField(j, "completion", where);
            if (!c) return c.error();
            r.format = RecordFormat::PromptCompletion;
            r.prompt = *p;
            r.completion = *c;
        } else if (j.contains("text")) {
            auto t = stringField(j, "text", where);
            if (!t) return t.error();
            r.format = RecordFormat::PlainText;
            r.text = *t;
        } else {
            return inputError(where + ": expected 'prompt' and 'completion', 'messages', or 'text'");
        }
        out.push_back(std::move(r));
    }
    return out;
}

Result<std::vector<Record>> readTrainingJsonl(const std::string& path, const WorkspaceKey* key) {
    auto text = readVersionFile(path, key);
    if (!text) return text.error();
    auto records = parseTrainingJsonl(*text, path);
    if (key) OPENSSL_cleanse(text->data(), text->size());
    return records;
}

}  // namespace tb::train
