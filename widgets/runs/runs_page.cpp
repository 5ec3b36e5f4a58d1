#include "widgets/runs/runs_page.h"

#include <QDir>

namespace tb::widgets {

RunsPage::RunsPage(const PageContext& context, QWidget* parent) : Page(context, parent) {
    const QString workspaceRoot = context.workspaceRoot();
    showEmptyState(tr("Follow every training run: live loss curves, progress, logs and the exact settings "
                      "and data it used."),
                   {tr("Start a fine-tune from the Fine-tune page."),
                    tr("Watch its loss here while it trains; you can cancel it at any time."),
                    tr("Finished runs keep their checkpoints and adapters in the workspace.")},
                   workspaceRoot.isEmpty() ? QString() : QDir(workspaceRoot).filePath(QStringLiteral("runs")));
}

QString RunsPage::title() const { return tr("Runs"); }

}  // namespace tb::widgets
