// Chat template and BOS/EOS strings from GGUF metadata (see model_chat_template.h).
#include "core/chat/model_chat_template.h"
#include "core/model/gguf_reader.h"

namespace tb::chat {

namespace {
Result<std::string> tokenString(const GgufFile& gguf, const std::vector<std::string>& tokens, const std::string& key) {
    if (!gguf.has(key)) return std::string();
    auto id = gguf.getInt(key);
    if (!id) return id.error();
    if (*id < 0 || static_cast<uint64_t>(*id) >= tokens.size())
        return inputError(gguf.path() + ": " + key + " = " + std::to_string(*id) + " is outside tokenizer.ggml.tokens (" +
                          std::to_string(tokens.size()) + " tokens)");
    return tokens[static_cast<size_t>(*id)];
}
}  // namespace

Result<ModelChatTemplate> chatTemplateFromGguf(const std::string& ggufPath, const std::string& templateName) {
    auto opened = GgufFile::open(ggufPath);
    if (!opened) return opened.error();
    const GgufFile& gguf = **opened;
    ModelChatTemplate out;
    std::vector<std::string> tokens;
    if (gguf.has("tokenizer.ggml.tokens")) {
        auto t = gguf.getStringArray("tokenizer.ggml.tokens");
        if (!t) return t.error();
        tokens = std::move(*t);
    }
    auto bos = tokenString(gguf, tokens, "tokenizer.ggml.bos_token_id");
    if (!bos) return bos.error();
    auto eos = tokenString(gguf, tokens, "tokenizer.ggml.eos_token_id");
    if (!eos) return eos.error();
    out.bosToken = *bos;
    out.eosToken = *eos;
    const std::string prefix = "tokenizer.chat_template.";
    for (auto& key : gguf.keys())
        if (key.compare(0, prefix.size(), prefix) == 0) out.available.push_back(key.substr(prefix.size()));
    std::string key = "tokenizer.chat_template";
    if (!templateName.empty() && templateName != "default") {
        key = prefix + templateName;
        if (!gguf.has(key)) return inputError(ggufPath + ": no metadata key " + key);
        out.name = templateName;
    }
    if (!gguf.has(key)) return out;
    auto text = gguf.getString(key);
    if (!text) return text.error();
    out.text = std::move(*text);
    out.source = ggufPath + ": " + key;
    return out;
}

}  // namespace tb::chat
