#include "widgets/registry/registry_page.h"

#include <QDir>

namespace tb::widgets {

RegistryPage::RegistryPage(const PageContext& context, QWidget* parent) : Page(context, parent) {
    const QString workspaceRoot = context.workspaceRoot();
    showEmptyState(tr("Keep the models worth keeping: versioned records of adapters together with the data, "
                      "settings and scores that produced them."),
                   {tr("Register a finished run from Runs or Compare."),
                    tr("Promote a version to staging or production."),
                    tr("Export it as merged weights or as an adapter file.")},
                   workspaceRoot.isEmpty() ? QString() : QDir(workspaceRoot).filePath(QStringLiteral("artifacts")));
}

QString RegistryPage::title() const { return tr("Registry"); }

}  // namespace tb::widgets
