#include "widgets/finetune/finetune_page.h"

#include <QDir>

namespace tb::widgets {

FinetunePage::FinetunePage(const PageContext& context, QWidget* parent) : Page(context, parent) {
    const QString workspaceRoot = context.workspaceRoot();
    showEmptyState(tr("Teach a Llama-family base model your task with LoRA adapters, on this computer's CPU. "
                      "The base weights are never changed; each run produces a small adapter."),
                   {tr("Open a base model (GGUF or safetensors) from your disk."),
                    tr("Choose a dataset version and a recipe: rank, learning rate and epochs."),
                    tr("Start the run; its progress and loss curve appear under Runs.")},
                   workspaceRoot.isEmpty() ? QString() : QDir(workspaceRoot).filePath(QStringLiteral("models")));
}

QString FinetunePage::title() const { return tr("Fine-tune"); }

}  // namespace tb::widgets
