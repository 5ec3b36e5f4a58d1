#include "models/playground/chat_prompt.h"

#include <QObject>

namespace tb::models {

QString fallbackTemplateFor(const PlaygroundModelInfo& model) {
    // Qwen models speak ChatML; the Llama family's oldest chat format is the safest guess otherwise.
    return model.architecture == QStringLiteral("qwen2") ? QStringLiteral("chatml") : QStringLiteral("llama2");
}

RenderedChatPrompt renderChatPrompt(const PlaygroundModelInfo& model, const QString& choice,
                                    const std::vector<tb::chat::ChatMessage>& messages) {
    RenderedChatPrompt out;
    std::string templateText;
    if (choice == kModelTemplateChoice && !model.templateText.isEmpty()) {
        templateText = model.templateText.toStdString();
        out.templateName = kModelTemplateChoice;
        out.note = QObject::tr("The model's own template (%1).").arg(model.templateSource);
    } else {
        const QString name = choice == kModelTemplateChoice ? fallbackTemplateFor(model) : choice;
        const auto* builtin = tb::chat::findBuiltinChatTemplate(name.toStdString());
        if (!builtin) {
            out.error = QObject::tr("Unknown built-in chat template '%1'.").arg(name);
            return out;
        }
        templateText = builtin->text;
        out.templateName = name;
        if (choice != kModelTemplateChoice)
            out.note = QObject::tr("Built-in template '%1' chosen by you.").arg(name);
        else if (!model.templateError.isEmpty())
            out.note = QObject::tr("The model's template could not be read (%1); using built-in '%2'.")
                           .arg(model.templateError, name);
        else
            out.note = QObject::tr("The model ships no chat template; using built-in '%1'.").arg(name);
    }
    if (messages.empty()) {
        out.error = QObject::tr("Add at least one message to the conversation.");
        return out;
    }
    tb::chat::ChatTemplateInput in;
    in.messages = messages;
    in.bosToken = model.bosToken.toStdString();
    in.eosToken = model.eosToken.toStdString();
    auto text = tb::chat::renderChatTemplate(templateText, in);
    if (!text.ok()) {
        out.error = QObject::tr("The chat template failed: %1").arg(QString::fromStdString(text.message()));
        return out;
    }
    out.text = QString::fromStdString(*text);
    return out;
}

}  // namespace tb::models
