// Fuzz target: a model's Jinja chat template (tokenizer_config.json chat_template, a GGUF's
// tokenizer.chat_template, or a template file a user picks) must parse and render a fixed small conversation
// or fail with an error, never crash, hang or grow without bound: the renderer's step, output and
// call-depth limits must stop runaway templates. The fuzz guard fails any input that takes over 10 s.
#include <cstdlib>
#include <string>

#include "core/chat/chat_template.h"
#include "fuzz_guard.h"

namespace {

tb::chat::ChatTemplateInput conversation() {
    using json = nlohmann::ordered_json;
    tb::chat::ChatTemplateInput in;
    auto message = [](const char* role, json content) {
        tb::chat::ChatMessage m;
        m.role = role;
        m.content = std::move(content);
        return m;
    };
    in.messages.push_back(message("system", "You are a helpful assistant."));
    in.messages.push_back(message("user", "What is the weather in Paris? Ünïcödé, 日本語."));
    tb::chat::ChatMessage call = message("assistant", nullptr);
    call.toolCalls = json::array(
        {{{"type", "function"}, {"function", {{"name", "get_weather"}, {"arguments", {{"city", "Paris"}}}}}}});
    in.messages.push_back(call);
    tb::chat::ChatMessage result = message("tool", "{\"temperature\": 21}");
    result.extra = {{"tool_call_id", "call_1"}, {"name", "get_weather"}};
    in.messages.push_back(result);
    in.messages.push_back(message("assistant", "It is 21 degrees in Paris."));
    in.messages.push_back(message("user", json::array({{{"type", "text"}, {"text", "Thanks!"}}})));
    in.tools = json::array(
        {{{"type", "function"},
          {"function",
           {{"name", "get_weather"},
            {"description", "Current weather"},
            {"parameters",
             {{"type", "object"}, {"properties", {{"city", {{"type", "string"}}}}}, {"required", {"city"}}}}}}}});
    in.bosToken = "<s>";
    in.eosToken = "</s>";
    in.extraVariables = {{"date_string", "26 Jul 2024"}};
    std::tm now{};
    now.tm_year = 124, now.tm_mon = 6, now.tm_mday = 26;
    in.now = now;
    return in;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    tbfuzz::Guard guard("chat_template", data, size);
    static const tb::chat::ChatTemplateInput in = conversation();
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto rendered = tb::chat::renderChatTemplate(text, in);
    if (!rendered.ok() && rendered.message().rfind("chat template: ", 0) != 0) std::abort();
    if (rendered.ok() && rendered->size() > (16u << 20)) std::abort();  // the output limit holds
    return 0;
}
