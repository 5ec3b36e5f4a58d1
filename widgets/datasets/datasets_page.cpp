#include "widgets/datasets/datasets_page.h"

#include <QDir>

namespace tb::widgets {

DatasetsPage::DatasetsPage(const PageContext& context, QWidget* parent) : Page(context, parent) {
    const QString workspaceRoot = context.workspaceRoot();
    showEmptyState(tr("Collect the examples your model should learn from: import prompt and response pairs, "
                      "clean them, split them into training and validation sets and keep every version."),
                   {tr("Import a JSONL or CSV file of prompts and responses."),
                    tr("Review the records Tunebench flags as empty, duplicated or too long."),
                    tr("Split the data into training and validation sets and save it as a version.")},
                   workspaceRoot.isEmpty() ? QString() : QDir(workspaceRoot).filePath(QStringLiteral("datasets")));
}

QString DatasetsPage::title() const { return tr("Datasets"); }

}  // namespace tb::widgets
