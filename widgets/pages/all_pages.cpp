#include "widgets/pages/all_pages.h"

#include "widgets/pages/compare_page.h"
#include "widgets/pages/datasets_page.h"
#include "widgets/pages/finetune_page.h"
#include "widgets/pages/playground_page.h"
#include "widgets/pages/registry_page.h"
#include "widgets/pages/runs_page.h"
#include "widgets/pages/serve_page.h"

namespace tb::widgets {

QList<Page*> createAllPages(const QString& workspaceRoot, QWidget* parent) {
    return {new DatasetsPage(workspaceRoot, parent), new FinetunePage(workspaceRoot, parent),
            new RunsPage(workspaceRoot, parent),     new ComparePage(workspaceRoot, parent),
            new RegistryPage(workspaceRoot, parent), new PlaygroundPage(workspaceRoot, parent),
            new ServePage(workspaceRoot, parent)};
}

}  // namespace tb::widgets
