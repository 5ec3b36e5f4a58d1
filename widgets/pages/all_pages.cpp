#include "widgets/pages/all_pages.h"

#include "widgets/pages/compare_page.h"
#include "widgets/pages/datasets_page.h"
#include "widgets/pages/finetune_page.h"
#include "widgets/pages/playground_page.h"
#include "widgets/pages/registry_page.h"
#include "widgets/pages/runs_page.h"
#include "widgets/pages/serve_page.h"

namespace tb::widgets {

QList<Page*> createAllPages(const PageContext& context, QWidget* parent) {
    return {new DatasetsPage(context, parent), new FinetunePage(context, parent),
            new RunsPage(context, parent),     new ComparePage(context, parent),
            new RegistryPage(context, parent), new PlaygroundPage(context, parent),
            new ServePage(context, parent)};
}

}  // namespace tb::widgets
