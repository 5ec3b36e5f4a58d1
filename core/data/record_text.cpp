#include "core/data/record_text.h"

namespace tb {

const char* recordFormatName(RecordFormat format) {
    switch (format) {
    case RecordFormat::PromptCompletion: return "prompt_completion";
    case RecordFormat::Alpaca: return "alpaca";
    case RecordFormat::ChatMessages: return "chat";
    case RecordFormat::ShareGpt: return "sharegpt";
    case RecordFormat::PlainText: return "text";
    }
    return "unknown";
}

std::optional<RecordFormat> parseRecordFormat(std::string_view name) {
    if (name == "prompt_completion" || name == "prompt-completion" || name == "pc") return RecordFormat::PromptCompletion;
    if (name == "alpaca") return RecordFormat::Alpaca;
    if (name == "chat" || name == "messages") return RecordFormat::ChatMessages;
    if (name == "sharegpt") return RecordFormat::ShareGpt;
    if (name == "text" || name == "plain") return RecordFormat::PlainText;
    return std::nullopt;
}

static bool isChat(const Record& r) {
    return r.format == RecordFormat::ChatMessages || r.format == RecordFormat::ShareGpt;
}

static size_t lastAssistant(const Record& r) {
    for (size_t i = r.messages.size(); i-- > 0;)
        if (r.messages[i].role == "assistant") return i;
    return r.messages.size();
}

std::string recordInput(const Record& r) {
    if (r.format == RecordFormat::PlainText) return r.text;
    if (!isChat(r)) return r.prompt;
    std::string out;
    size_t last = lastAssistant(r);
    for (size_t i = 0; i < r.messages.size() && i < last; ++i) {
        if (!out.empty()) out += '\n';
        out += r.messages[i].role;
        out += ": ";
        out += r.messages[i].content;
    }
    return out;
}

std::string recordOutput(const Record& r) {
    if (r.format == RecordFormat::PlainText) return {};
    if (!isChat(r)) return r.completion;
    size_t last = lastAssistant(r);
    return last < r.messages.size() ? r.messages[last].content : std::string();
}

std::string recordAllText(const Record& r) {
    if (r.format == RecordFormat::PlainText) return r.text;
    if (!isChat(r)) {
        std::string s;
        s.reserve(r.prompt.size() + r.completion.size() + 1);
        s += r.prompt;
        s += '\n';
        s += r.completion;
        return s;
    }
    std::string out;
    for (const auto& m : r.messages) {
        if (!out.empty()) out += '\n';
        out += m.role;
        out += ": ";
        out += m.content;
    }
    return out;
}

size_t recordTextBytes(const Record& r) {
    size_t n = r.prompt.size() + r.completion.size() + r.text.size();
    for (const auto& m : r.messages) n += m.content.size();
    return n;
}

std::string_view recordLabel(const Record& r) {
    if (!r.label.empty()) return r.label;
    if (r.format == RecordFormat::PromptCompletion && !r.completion.empty() && r.completion.size() <= 64 &&
        r.completion.find('\n') == std::string::npos)
        return r.completion;
    return {};
}

void forEachTextField(Record& r, const std::function<void(const std::string&, std::string&)>& fn) {
    if (!r.prompt.empty()) fn("prompt", r.prompt);
    if (!r.completion.empty()) fn("completion", r.completion);
    if (!r.text.empty()) fn("text", r.text);
    for (size_t i = 0; i < r.messages.size(); ++i)
        fn("messages[" + std::to_string(i) + "].content", r.messages[i].content);
}

void forEachTextField(const Record& r, const std::function<void(const std::string&, const std::string&)>& fn) {
    if (!r.prompt.empty()) fn("prompt", r.prompt);
    if (!r.completion.empty()) fn("completion", r.completion);
    if (!r.text.empty()) fn("text", r.text);
    for (size_t i = 0; i < r.messages.size(); ++i)
        fn("messages[" + std::to_string(i) + "].content", r.messages[i].content);
}

}  // namespace tb
