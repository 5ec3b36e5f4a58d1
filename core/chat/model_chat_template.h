// Finds a model's chat template and its BOS/EOS token strings: Hugging Face folders
// (tokenizer_config.json "chat_template" as a string or a list of {name, template}, else
// chat_template.jinja / chat_template.json) and GGUF files (tokenizer.chat_template[.<name>] and the
// token strings of tokenizer.ggml.bos/eos_token_id). Not the renderer (chat_template.h).
#pragma once

#include "core/common/result.h"

#include <string>
#include <vector>

namespace tb::chat {

struct ModelChatTemplate {
    std::string text;                    // Jinja source; empty when the model ships none
    std::string source;                  // where it came from, e.g. ".../tokenizer_config.json: chat_template"
    std::string name;                    // the chosen named template ("default" when named), else empty
    std::vector<std::string> available;  // names of all named templates (list form / GGUF named keys)
    std::string bosToken;                // empty when the model defines none
    std::string eosToken;
};

// path: a Hugging Face model folder, its tokenizer_config.json, or a .gguf file. templateName picks
// one of several named templates (empty: "default", else the only or first one). A model without a
// template is not an error (text stays empty); unreadable or malformed files are, naming file and field.
Result<ModelChatTemplate> loadModelChatTemplate(const std::string& path, const std::string& templateName = "");

// The pieces, for callers that already hold the files.
Result<ModelChatTemplate> chatTemplateFromTokenizerConfig(const std::string& jsonText, const std::string& sourceName,
                                                          const std::string& templateName = "");
Result<ModelChatTemplate> chatTemplateFromGguf(const std::string& ggufPath, const std::string& templateName = "");

}  // namespace tb::chat
