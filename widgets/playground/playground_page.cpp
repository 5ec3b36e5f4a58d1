#include "widgets/playground/playground_page.h"

namespace tb::widgets {

PlaygroundPage::PlaygroundPage(const PageContext& context, QWidget* parent) : Page(context, parent) {
    const QString workspaceRoot = context.workspaceRoot();
    Q_UNUSED(workspaceRoot);
    showEmptyState(tr("Chat with a base or tuned model to get a feel for its answers before you rely on it."),
                   {tr("Load a model or a registered version."),
                    tr("Type a prompt; adjust the temperature and the answer length."),
                    tr("Save good exchanges as new training examples.")},
                   QString());
}

QString PlaygroundPage::title() const { return tr("Playground"); }

}  // namespace tb::widgets
