// renderChatTemplate and message JSON conversion (see chat_template.h).
#include "core/chat/chat_template.h"
#include "core/chat/jinja_template.h"

namespace tb::chat {

nlohmann::ordered_json chatMessageToJson(const ChatMessage& m) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j["role"] = m.role;
    if (m.content) j["content"] = *m.content;
    if (m.toolCalls) j["tool_calls"] = *m.toolCalls;
    if (m.extra.is_object())
        for (auto it = m.extra.begin(); it != m.extra.end(); ++it) j[it.key()] = it.value();
    return j;
}

nlohmann::ordered_json chatTemplateVariables(const ChatTemplateInput& in) {
    nlohmann::ordered_json vars = nlohmann::ordered_json::object();
    nlohmann::ordered_json messages = nlohmann::ordered_json::array();
    for (auto& m : in.messages) messages.push_back(chatMessageToJson(m));
    vars["messages"] = std::move(messages);
    vars["tools"] = in.tools;
    vars["add_generation_prompt"] = in.addGenerationPrompt;
    vars["bos_token"] = in.bosToken;
    vars["eos_token"] = in.eosToken;
    if (in.extraVariables.is_object())
        for (auto it = in.extraVariables.begin(); it != in.extraVariables.end(); ++it) vars[it.key()] = it.value();
    return vars;
}

Result<std::string> renderChatTemplate(const std::string& templateText, const ChatTemplateInput& in) {
    auto tmpl = jinja::JinjaTemplate::parse(templateText);
    if (!tmpl) return inputError("chat template: " + tmpl.message());
    jinja::RenderOptions options;
    options.now = in.now;
    options.tojson = in.tojson;
    auto text = tmpl->render(chatTemplateVariables(in), options);
    if (!text) return inputError("chat template: " + text.message());
    return text;
}

Result<std::vector<ChatMessage>> chatMessagesFromJson(const nlohmann::ordered_json& j, const std::string& source) {
    if (!j.is_array()) return inputError(source + ": messages: expected an array of message objects");
    std::vector<ChatMessage> out;
    for (size_t i = 0; i < j.size(); ++i) {
        const auto& m = j[i];
        std::string where = source + ": messages[" + std::to_string(i) + "]";
        if (!m.is_object()) return inputError(where + ": expected an object with \"role\" and \"content\"");
        auto role = m.find("role");
        if (role == m.end()) return inputError(where + ": missing \"role\"");
        if (!role->is_string()) return inputError(where + ".role: expected a string");
        ChatMessage msg;
        msg.role = role->get<std::string>();
        for (auto it = m.begin(); it != m.end(); ++it) {
            if (it.key() == "role") continue;
            if (it.key() == "content") {
                if (!it->is_string() && !it->is_null() && !it->is_array() && !it->is_object())
                    return inputError(where + ".content: expected a string, null, an array or an object");
                msg.content = *it;
            } else if (it.key() == "tool_calls") {
                if (!it->is_array() && !it->is_null()) return inputError(where + ".tool_calls: expected an array");
                if (it->is_array()) {
                    for (size_t k = 0; k < it->size(); ++k)
                        if (!(*it)[k].is_object())
                            return inputError(where + ".tool_calls[" + std::to_string(k) + "]: expected an object");
                }
                msg.toolCalls = *it;
            } else {
                msg.extra[it.key()] = *it;
            }
        }
        out.push_back(std::move(msg));
    }
    return out;
}

}  // namespace tb::chat
