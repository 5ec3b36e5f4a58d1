// The chat-template front end: render a model's Jinja chat template for a conversation with the
// variables Hugging Face transformers passes (messages, tools, add_generation_prompt, bos_token,
// eos_token, extras), plus built-in fallback templates. Not the engine (jinja_template.h) and not the
// lookup of a model's template (model_chat_template.h).
#pragma once

#include "core/chat/jinja_filters.h"
#include "core/common/result.h"

#include <nlohmann/json.hpp>

#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace tb::chat {

// One message. In the template it is a dict with keys in this order: role, content (if present),
// tool_calls (if present), then the members of `extra` (tool_call_id, name, ...) in their order.
struct ChatMessage {
    std::string role;
    std::optional<nlohmann::ordered_json> content;    // nullopt: no "content" key; JSON null: None
    std::optional<nlohmann::ordered_json> toolCalls;  // nullopt: no "tool_calls" key
    nlohmann::ordered_json extra = nlohmann::ordered_json::object();
};

struct ChatTemplateInput {
    std::vector<ChatMessage> messages;
    nlohmann::ordered_json tools;          // JSON null: no tools (the template sees `tools` as none)
    bool addGenerationPrompt = true;
    std::string bosToken;
    std::string eosToken;
    nlohmann::ordered_json extraVariables = nlohmann::ordered_json::object();  // e.g. date_string
    std::optional<std::tm> now;            // strftime_now's clock; local time when unset
    jinja::TojsonStyle tojson = jinja::TojsonStyle::HuggingFace;
};

// Renders templateText. Errors name the template line and column: a parse error, a runtime error
// (TypeError, UndefinedError, ...) or the template's own raise_exception("...") message.
Result<std::string> renderChatTemplate(const std::string& templateText, const ChatTemplateInput& in);

// The variables renderChatTemplate passes to the template.
nlohmann::ordered_json chatTemplateVariables(const ChatTemplateInput& in);

// Reads messages from JSON: an array of {"role": str, "content": ..., "tool_calls": [...], ...}.
// Errors name `source` and the offending field, e.g. "chat.json: messages[2].role: expected a string".
Result<std::vector<ChatMessage>> chatMessagesFromJson(const nlohmann::ordered_json& messages, const std::string& source);
nlohmann::ordered_json chatMessageToJson(const ChatMessage& message);

struct BuiltinChatTemplate {
    std::string name;         // "chatml", "llama2", "llama3", "zephyr"
    std::string description;
    std::string text;         // Jinja source
};
// Fallbacks for models without a usable template (tests/data/chat/templates/builtin-<name>.jinja).
const std::vector<BuiltinChatTemplate>& builtinChatTemplates();
const BuiltinChatTemplate* findBuiltinChatTemplate(const std::string& name);

}  // namespace tb::chat
