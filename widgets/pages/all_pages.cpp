#include "widgets/pages/all_pages.h"

#include "widgets/compare/compare_page.h"
#include "widgets/datasets/datasets_page.h"
#include "widgets/finetune/finetune_page.h"
#include "widgets/playground/playground_page.h"
#include "widgets/registry/registry_page.h"
#include "widgets/runs/runs_page.h"
#include "widgets/serve/serve_page.h"

namespace tb::widgets {

QList<Page*> createAllPages(const PageContext& context, QWidget* parent) {
    return {new DatasetsPage(context, parent), new FinetunePage(context, parent),
            new RunsPage(context, parent),     new ComparePage(context, parent),
            new RegistryPage(context, parent), new PlaygroundPage(context, parent),
            new ServePage(context, parent)};
}

}  // namespace tb::widgets
