// Renders the Playground's conversation with a model's chat template (or a built-in one when the model
// ships none or the user picks one) into exactly the text the model will receive. Pure function over
// core/chat; not the conversation model and not generation.
#pragma once

#include <QString>
#include <vector>

#include "core/chat/chat_template.h"
#include "models/playground/generation_worker.h"

namespace tb::models {

// The template choice meaning "the model's own template".
inline const QString kModelTemplateChoice = QStringLiteral("model");

struct RenderedChatPrompt {
    QString text;          // what is sent (empty on error)
    QString templateName;  // "model" or a built-in name actually used
    QString note;          // where the template came from, or why a built-in was used
    QString error;         // non-empty: rendering failed (names template line/column)
};

// choice: kModelTemplateChoice or a built-in name ("chatml", "llama2", "llama3", "zephyr").
RenderedChatPrompt renderChatPrompt(const PlaygroundModelInfo& model, const QString& choice,
                                    const std::vector<tb::chat::ChatMessage>& messages);

// The built-in used when a model has no template of its own.
QString fallbackTemplateFor(const PlaygroundModelInfo& model);

}  // namespace tb::models
