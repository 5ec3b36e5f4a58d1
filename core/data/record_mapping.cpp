#include "core/data/record_mapping.h"

#include "core/data/record_text.h"

#include <algorithm>
#include <cctype>

namespace tb {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// Finds the first key (case-insensitive) among the aliases, in alias order.
std::string findKey(const std::vector<std::string>& keys, std::initializer_list<const char*> aliases,
                    const std::string& exclude = {}) {
    for (const char* alias : aliases)
        for (const auto& k : keys)
            if (k != exclude && lower(k) == alias) return k;
    return {};
}

bool hasKey(const std::vector<std::string>& keys, const std::string& k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
}

const std::initializer_list<const char*> kPromptAliases = {
    "prompt", "question", "query", "input", "text", "sentence", "sms", "message", "dialogue", "document",
    "source", "context", "content", "utterance", "review"};
const std::initializer_list<const char*> kLabelAliases = {"label", "category", "class", "intent", "sentiment",
                                                          "labels", "target_label"};
const std::initializer_list<const char*> kCompletionAliases = {
    "completion", "answer", "output", "response", "summary", "target", "summary1", "reply", "chosen"};

std::string joinKeys(const std::vector<std::string>& keys) {
    std::string s;
    for (const auto& k : keys) s += (s.empty() ? "" : ", ") + k;
    return s.empty() ? "(none)" : s;
}

Result<std::string> requireText(const RowView& row, const std::string& key, bool allowScalar) {
    FieldType t = row.type(key);
    if (t == FieldType::Missing) return inputError("missing field '" + key + "'");
    if (t == FieldType::String || (allowScalar && (t == FieldType::Number || t == FieldType::Bool)))
        return *row.scalar(key);
    return inputError("field '" + key + "' must be a string, got " + fieldTypeName(t));
}

Result<std::string> optionalText(const RowView& row, const std::string& key, bool allowScalar) {
    if (key.empty() || row.type(key) == FieldType::Missing || row.type(key) == FieldType::Null) return std::string();
    return requireText(row, key, allowScalar);
}

}  // namespace

Result<FieldMap> parseFieldMap(const std::string& spec) {
    auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
        return inputError("--map '" + spec + "': expected SOURCE=TARGET, e.g. text=prompt");
    FieldMap m{spec.substr(0, eq), lower(spec.substr(eq + 1))};
    static const char* targets[] = {"prompt", "completion", "label", "text", "instruction", "input",
                                    "output", "messages", "conversations", "id"};
    if (std::find_if(std::begin(targets), std::end(targets), [&](const char* t) { return m.target == t; }) ==
        std::end(targets))
        return inputError("--map '" + spec + "': unknown target '" + m.target +
                          "' (prompt, completion, label, text, instruction, input, output, messages, conversations, id)");
    return m;
}

std::string MappingPlan::describe() const {
    std::string s = recordFormatName(format);
    auto add = [&](const char* target, const std::string& key) {
        if (!key.empty()) s += std::string(s.find(':') == std::string::npos ? ": " : ", ") + target + " <- " + key;
    };
    if (!promptTemplate.empty()) s += std::string(": prompt <- template \"") + promptTemplate + "\"";
    else add("prompt", promptKey);
    add("completion", completionKey);
    add("label", labelKey);
    add("text", textKey);
    add("instruction", instructionKey);
    add("input", inputKey);
    add("output", outputKey);
    add(format == RecordFormat::ShareGpt ? "conversations" : "messages", messagesKey);
    add("id", idKey);
    return s;
}

Result<MappingPlan> planMapping(const std::vector<std::string>& keys, std::optional<RecordFormat> format,
                                const std::vector<FieldMap>& maps, const std::string& promptTemplate) {
    MappingPlan p;
    p.promptTemplate = promptTemplate;
    p.idKey = findKey(keys, {"id"});
    for (const auto& m : maps) {
        if (!keys.empty() && !hasKey(keys, m.source))
            return inputError("--map " + m.source + "=" + m.target + ": the file has no field '" + m.source +
                              "' (fields: " + joinKeys(keys) + ")");
        if (m.target == "prompt") p.promptKey = m.source;
        else if (m.target == "completion") p.completionKey = m.source;
        else if (m.target == "label") p.labelKey = m.source;
        else if (m.target == "text") p.textKey = m.source;
        else if (m.target == "instruction") p.instructionKey = m.source;
        else if (m.target == "input") p.inputKey = m.source;
        else if (m.target == "output") p.outputKey = m.source;
        else if (m.target == "messages" || m.target == "conversations") p.messagesKey = m.source;
        else if (m.target == "id") p.idKey = m.source;
    }
    const bool userMapped = !maps.empty() || !promptTemplate.empty();
    p.detected = !userMapped && !format;

    RecordFormat f;
    if (format) {
        f = *format;
    } else if (!p.messagesKey.empty()) {
        f = lower(p.messagesKey) == "conversations" ? RecordFormat::ShareGpt : RecordFormat::ChatMessages;
    } else if (!p.instructionKey.empty() || !p.outputKey.empty()) {
        f = RecordFormat::Alpaca;
    } else if (!p.promptKey.empty() || !p.completionKey.empty() || !p.labelKey.empty() || !promptTemplate.empty()) {
        f = RecordFormat::PromptCompletion;
    } else if (!p.textKey.empty()) {
        f = RecordFormat::PlainText;
    } else if (hasKey(keys, "messages")) {
        f = RecordFormat::ChatMessages;
    } else if (hasKey(keys, "conversations")) {
        f = RecordFormat::ShareGpt;
    } else if (hasKey(keys, "instruction") && hasKey(keys, "output")) {
        f = RecordFormat::Alpaca;
    } else if (hasKey(keys, "prompt") && hasKey(keys, "completion")) {
        f = RecordFormat::PromptCompletion;
    } else {
        std::string label = findKey(keys, kLabelAliases);
        std::string completion = findKey(keys, kCompletionAliases);
        std::string prompt = findKey(keys, kPromptAliases, label.empty() ? completion : label);
        if (!prompt.empty() && (!label.empty() || !completion.empty())) f = RecordFormat::PromptCompletion;
        else if (!prompt.empty() || hasKey(keys, "text")) f = RecordFormat::PlainText;
        else
            return inputError("cannot detect the record format from the fields " + joinKeys(keys) +
                              "; choose one with --format and --map SOURCE=TARGET");
    }
    p.format = f;

    switch (f) {
    case RecordFormat::ChatMessages:
    case RecordFormat::ShareGpt:
        if (p.messagesKey.empty())
            p.messagesKey = f == RecordFormat::ShareGpt ? findKey(keys, {"conversations", "messages"})
                                                        : findKey(keys, {"messages", "conversations"});
        if (p.messagesKey.empty()) p.messagesKey = f == RecordFormat::ShareGpt ? "conversations" : "messages";
        break;
    case RecordFormat::Alpaca:
        if (p.instructionKey.empty()) p.instructionKey = findKey(keys, {"instruction"});
        if (p.inputKey.empty()) p.inputKey = findKey(keys, {"input", "context"});
        if (p.outputKey.empty()) p.outputKey = findKey(keys, {"output", "response"});
        if (p.instructionKey.empty()) p.instructionKey = "instruction";
        if (p.outputKey.empty()) p.outputKey = "output";
        break;
    case RecordFormat::PlainText:
        if (p.textKey.empty()) p.textKey = findKey(keys, {"text", "content", "document", "sentence"});
        if (p.textKey.empty()) p.textKey = findKey(keys, kPromptAliases);
        if (p.textKey.empty()) p.textKey = "text";
        break;
    case RecordFormat::PromptCompletion: {
        if (p.labelKey.empty() && p.completionKey.empty()) {
            std::string label = findKey(keys, kLabelAliases);
            if (hasKey(keys, "completion")) p.completionKey = "completion";
            else if (!label.empty()) { p.completionKey = label; p.labelFromCompletion = true; }
            else p.completionKey = findKey(keys, kCompletionAliases);
        }
        if (p.completionKey.empty() && !p.labelKey.empty()) {
            p.completionKey = p.labelKey;
            p.labelFromCompletion = true;
            p.labelKey.clear();
        }
        if (!p.completionKey.empty() && !findKey({p.completionKey}, kLabelAliases).empty()) p.labelFromCompletion = true;
        if (p.labelKey.empty() && !p.labelFromCompletion && hasKey(keys, "label") && p.completionKey != "label")
            p.labelKey = "label";
        if (p.promptKey.empty() && promptTemplate.empty()) {
            p.promptKey = hasKey(keys, "prompt") ? "prompt" : findKey(keys, kPromptAliases, p.completionKey);
            if (p.promptKey.empty())
                return inputError("no prompt field among " + joinKeys(keys) + "; use --map SOURCE=prompt or --template");
        }
        if (p.completionKey.empty())
            return inputError("no completion field among " + joinKeys(keys) + "; use --map SOURCE=completion");
        break;
    }
    }
    if (!promptTemplate.empty() && f != RecordFormat::PromptCompletion && f != RecordFormat::Alpaca)
        return inputError("--template applies to prompt/completion and Alpaca data, not " +
                          std::string(recordFormatName(f)));
    return p;
}

Result<std::string> renderPromptTemplate(const std::string& tmpl, const RowView& row) {
    std::string out;
    out.reserve(tmpl.size() + 128);
    for (size_t i = 0; i < tmpl.size(); ++i) {
        char c = tmpl[i];
        if (c == '{' && i + 1 < tmpl.size() && tmpl[i + 1] == '{') { out += '{'; ++i; continue; }
        if (c == '}' && i + 1 < tmpl.size() && tmpl[i + 1] == '}') { out += '}'; ++i; continue; }
        if (c != '{') { out += c; continue; }
        size_t close = tmpl.find('}', i);
        if (close == std::string::npos) return inputError("template: '{' at position " + std::to_string(i) + " is never closed");
        std::string key = tmpl.substr(i + 1, close - i - 1);
        auto value = requireText(row, key, true);
        if (!value.ok()) return inputError("template placeholder {" + key + "}: " + value.message());
        out += *value;
        i = close;
    }
    return out;
}

Result<Record> mapRow(const RowView& row, const MappingPlan& p) {
    Record r;
    r.format = p.format;
    if (!p.idKey.empty()) {
        auto id = optionalText(row, p.idKey, true);
        if (!id.ok()) return id.error();
        r.id = std::move(*id);
    }
    switch (p.format) {
    case RecordFormat::PromptCompletion: {
        if (!p.promptTemplate.empty()) {
            auto prompt = renderPromptTemplate(p.promptTemplate, row);
            if (!prompt.ok()) return prompt.error();
            r.prompt = std::move(*prompt);
        } else {
            auto prompt = requireText(row, p.promptKey, false);
            if (!prompt.ok()) return prompt.error();
            r.prompt = std::move(*prompt);
        }
        auto completion = requireText(row, p.completionKey, p.labelFromCompletion);
        if (!completion.ok()) return completion.error();
        r.completion = std::move(*completion);
        if (!p.labelKey.empty()) {
            auto label = optionalText(row, p.labelKey, true);
            if (!label.ok()) return label.error();
            r.label = std::move(*label);
        } else if (p.labelFromCompletion && r.completion.size() <= 64 && r.completion.find('\n') == std::string::npos) {
            r.label = r.completion;
        }
        break;
    }
    case RecordFormat::Alpaca: {
        auto instruction = requireText(row, p.instructionKey, false);
        if (!instruction.ok()) return instruction.error();
        auto input = optionalText(row, p.inputKey, false);
        if (!input.ok()) return input.error();
        auto output = requireText(row, p.outputKey, false);
        if (!output.ok()) return output.error();
        if (!p.promptTemplate.empty()) {
            auto prompt = renderPromptTemplate(p.promptTemplate, row);
            if (!prompt.ok()) return prompt.error();
            r.prompt = std::move(*prompt);
        } else {
            r.prompt = std::move(*instruction);
            if (!input->empty()) r.prompt += "\n\n" + *input;
        }
        r.completion = std::move(*output);
        break;
    }
    case RecordFormat::ChatMessages:
    case RecordFormat::ShareGpt: {
        FieldType t = row.type(p.messagesKey);
        if (t == FieldType::Missing) return inputError("missing field '" + p.messagesKey + "'");
        if (t != FieldType::Array) return inputError("field '" + p.messagesKey + "' must be an array, got " + fieldTypeName(t));
        auto messages = row.messages(p.messagesKey, p.format == RecordFormat::ShareGpt);
        if (!messages.ok()) return messages.error();
        if (messages->empty()) return inputError("field '" + p.messagesKey + "' is an empty conversation");
        bool hasAssistant = false;
        for (const auto& m : *messages) hasAssistant |= m.role == "assistant";
        if (!hasAssistant) return inputError("field '" + p.messagesKey + "' has no assistant turn to learn from");
        r.messages = std::move(*messages);
        break;
    }
    case RecordFormat::PlainText: {
        auto text = requireText(row, p.textKey, false);
        if (!text.ok()) return text.error();
        r.text = std::move(*text);
        break;
    }
    }
    return r;
}

}  // namespace tb
