// `tunebench model chat-template PATH --messages FILE.json [--template FILE.jinja] [--builtin NAME]
// [--name TEMPLATE] [--no-generation-prompt] [--json]`: the exact prompt text PATH's chat template
// (Hugging Face folder, tokenizer_config.json or .gguf) renders for the conversation in FILE.json.
// FILE.json is a list of messages, or an object {"messages": [...], "tools": [...], <other variables>}.
// Without --json the text is printed byte for byte (no newline added), so it can be piped.
#include "app/cli/cli.h"
#include "core/chat/chat_template.h"
#include "core/chat/model_chat_template.h"

#include <fstream>
#include <memory>
#include <sstream>

namespace {

struct ChatTemplateArgs {
    std::string path;
    std::string messagesFile;
    std::string templateFile;
    std::string builtin;
    std::string templateName;
    bool noGenerationPrompt = false;
};

tb::Result<std::string> readFile(const std::string& path, const std::string& what) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return tb::inputError(path + ": cannot open " + what);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Fills messages, tools and extra variables of `in` from the --messages file.
tb::Status readConversation(const std::string& file, tb::chat::ChatTemplateInput& in) {
    auto text = readFile(file, "the messages file");
    if (!text) return text.error();
    nlohmann::ordered_json doc;
    try {
        doc = nlohmann::ordered_json::parse(*text);
    } catch (const nlohmann::json::parse_error& e) {
        return tb::inputError(file + ": not valid JSON (" + std::string(e.what()) + ")");
    }
    nlohmann::ordered_json messages;
    if (doc.is_array()) {
        messages = doc;
    } else if (doc.is_object()) {
        if (!doc.contains("messages")) return tb::inputError(file + ": messages: missing (expected a list of messages)");
        for (auto it = doc.begin(); it != doc.end(); ++it) {
            if (it.key() == "messages") messages = it.value();
            else if (it.key() == "tools") {
                if (!it->is_array() && !it->is_null()) return tb::inputError(file + ": tools: expected a list of tool definitions");
                in.tools = it.value();
            } else if (it.key() == "add_generation_prompt") {
                if (!it->is_boolean()) return tb::inputError(file + ": add_generation_prompt: expected true or false");
                in.addGenerationPrompt = it->get<bool>();
            } else {
                in.extraVariables[it.key()] = it.value();
            }
        }
    } else {
        return tb::inputError(file + ": expected a list of messages or an object with \"messages\"");
    }
    auto parsed = tb::chat::chatMessagesFromJson(messages, file);
    if (!parsed) return parsed.error();
    in.messages = std::move(*parsed);
    return tb::Status::success();
}

// JSON needs valid UTF-8; a template may hold stray bytes. Replace them (U+FFFD) for --json only.
std::string jsonSafe(const std::string& s) {
    return nlohmann::json::parse(nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
        .get<std::string>();
}

std::string builtinNames() {
    std::string names;
    for (auto& t : tb::chat::builtinChatTemplates()) names += (names.empty() ? "" : ", ") + t.name;
    return names;
}

tb::cli::VerbRegistrar registrar(
    "model chat-template", "Render a model's chat template for a conversation and print the exact prompt text",
    [](CLI::App& verb, tb::cli::Context& ctx) {
        auto args = std::make_shared<ChatTemplateArgs>();
        verb.add_option("PATH", args->path, "Model: Hugging Face folder, tokenizer_config.json or .gguf file")->required();
        verb.add_option("--messages", args->messagesFile,
                        "JSON file: a list of {role, content, tool_calls?} or {\"messages\": [...], \"tools\": [...], ...}")
            ->required();
        verb.add_option("--template", args->templateFile, "Use this Jinja file instead of the model's template");
        verb.add_option("--builtin", args->builtin, "Use a built-in template instead: " + builtinNames());
        verb.add_option("--name", args->templateName, "Pick one of the model's named templates (e.g. tool_use)");
        verb.add_flag("--no-generation-prompt", args->noGenerationPrompt,
                      "Do not append the assistant header that asks the model to answer");
        verb.callback([&ctx, args] {
            auto model = tb::chat::loadModelChatTemplate(args->path, args->templateName);
            if (!model) return tb::cli::fail(ctx, model.error());
            tb::chat::ChatTemplateInput in;
            in.bosToken = model->bosToken;
            in.eosToken = model->eosToken;
            auto status = readConversation(args->messagesFile, in);
            if (!status) return tb::cli::fail(ctx, status.error());
            if (args->noGenerationPrompt) in.addGenerationPrompt = false;

            std::string text = model->text;
            std::string source = model->source;
            if (!args->templateFile.empty()) {
                auto file = readFile(args->templateFile, "the template file");
                if (!file) return tb::cli::fail(ctx, file.error());
                text = *file;
                source = args->templateFile;
            } else if (!args->builtin.empty()) {
                const auto* builtin = tb::chat::findBuiltinChatTemplate(args->builtin);
                if (!builtin)
                    return tb::cli::fail(ctx, tb::inputError("--builtin: no built-in template '" + args->builtin +
                                                             "' (have: " + builtinNames() + ")"));
                text = builtin->text;
                source = "builtin:" + builtin->name;
            } else if (text.empty()) {
                return tb::cli::fail(ctx, tb::inputError(args->path + ": the model has no chat template; pass --template "
                                                         "FILE.jinja or --builtin NAME (" + builtinNames() + ")"));
            }
            auto rendered = tb::chat::renderChatTemplate(text, in);
            if (!rendered) return tb::cli::fail(ctx, tb::inputError(source + ": " + rendered.message()));
            if (!ctx.json) {
                *ctx.out << *rendered << std::flush;  // byte for byte: succeed() would add a newline
                ctx.exitCode = tb::cli::ExitOk;
                return;
            }
            nlohmann::json doc = {{"ok", true},
                                  {"text", jsonSafe(*rendered)},
                                  {"template_source", jsonSafe(source)},
                                  {"template_name", model->name},
                                  {"available_templates", model->available},
                                  {"bos_token", jsonSafe(in.bosToken)},
                                  {"eos_token", jsonSafe(in.eosToken)},
                                  {"messages", in.messages.size()},
                                  {"add_generation_prompt", in.addGenerationPrompt}};
            tb::cli::succeed(ctx, doc, *rendered);
        });
    });

}  // namespace
