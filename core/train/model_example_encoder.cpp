#include "core/train/model_example_encoder.h"

#include "core/chat/chat_template.h"
#include "core/chat/model_chat_template.h"
#include "core/tokenizer/tokenizer_loader.h"

namespace tb::train {

Result<ExampleEncoder> makeModelExampleEncoder(const std::string& modelPath, int vocabSize, bool useChatTemplate,
                                               ModelEncoderInfo* info) {
    auto tok = loadTokenizer(modelPath);
    if (!tok) return tok.error();
    std::shared_ptr<const Tokenizer> t = *tok;
    ExampleEncoder enc;
    enc.vocabSize = vocabSize;
    enc.eosIds = t->eosIds();
    std::string templateText;
    std::string bos = t->bosToken(), eos = t->eosToken();
    if (useChatTemplate) {
        auto tpl = chat::loadModelChatTemplate(modelPath);
        if (!tpl) return tpl.error();
        templateText = tpl->text.empty() ? t->chatTemplate() : tpl->text;
        if (!tpl->bosToken.empty()) bos = tpl->bosToken;
        if (!tpl->eosToken.empty()) eos = tpl->eosToken;
        if (info) info->templateSource = tpl->source;
    }
    const bool templated = !templateText.empty();
    if (info) info->hasChatTemplate = templated;
    // Template output spells special tokens as text; they must become those tokens (as transformers does).
    enc.encode = [t, templated](const std::string& text, bool addSpecial) {
        return t->encode(text, addSpecial && !templated, templated);
    };
    if (templated) {
        enc.renderChat = [templateText, bos, eos](const std::vector<ChatMessage>& messages,
                                                  bool addGenerationPrompt) -> Result<std::string> {
            chat::ChatTemplateInput in;
            for (const ChatMessage& m : messages) {
                chat::ChatMessage cm;
                cm.role = m.role;
                cm.content = nlohmann::ordered_json(m.content);
                in.messages.push_back(std::move(cm));
            }
            in.addGenerationPrompt = addGenerationPrompt;
            in.bosToken = bos;
            in.eosToken = eos;
            return chat::renderChatTemplate(templateText, in);
        };
    }
    return enc;
}

}  // namespace tb::train
