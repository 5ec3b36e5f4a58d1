#include "widgets/compare/compare_page.h"

#include <QDir>

namespace tb::widgets {

ComparePage::ComparePage(const PageContext& context, QWidget* parent) : Page(context, parent) {
    const QString workspaceRoot = context.workspaceRoot();
    showEmptyState(tr("Evaluate the base model against your tuned versions on held-out data and see where "
                      "their answers differ."),
                   {tr("Finish at least one run."),
                    tr("Choose the runs to compare and an evaluation set."),
                    tr("Read the scores side by side and inspect individual answers.")},
                   workspaceRoot.isEmpty() ? QString() : QDir(workspaceRoot).filePath(QStringLiteral("evaluations")));
}

QString ComparePage::title() const { return tr("Compare"); }

}  // namespace tb::widgets
